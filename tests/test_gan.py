"""Pruebas de dlnotes.gan: el anillo, la cobertura de modos, el apilado de MLPs y las figuras."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
from torch import nn

from dlnotes.gan import (
    StackedMLP,
    mode_coverage,
    plot_count_table,
    plot_digit_row,
    plot_ring_samples,
    ring_centres,
    sample_ring,
)


def test_ring_centres_lie_on_the_circle_equally_spaced():
    centres = ring_centres(num_modes=8, radius=2.0)
    np.testing.assert_allclose(np.linalg.norm(centres, axis=1), 2.0)
    angles = np.sort(np.mod(np.arctan2(centres[:, 1], centres[:, 0]), 2 * np.pi))
    np.testing.assert_allclose(np.diff(angles), 2 * np.pi / 8)


def test_sample_ring_is_seeded_and_has_the_right_spread():
    a, b = sample_ring(4000, seed=3), sample_ring(4000, seed=3)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, sample_ring(4000, seed=4))
    centres = ring_centres()
    nearest = np.linalg.norm(a[:, None] - centres[None], axis=2).argmin(1)
    residual = a - centres[nearest]
    np.testing.assert_allclose(residual.std(axis=0), 0.05, rtol=0.05)
    counts = np.bincount(nearest, minlength=8)
    assert counts.min() > 400 and counts.max() < 600  # 500 esperadas por modo


def test_mode_coverage_of_real_data_collapsed_and_noise():
    real = mode_coverage(sample_ring(2000, seed=0))
    assert real["modes_covered"] == 8
    # La fracción teórica a menos de 3σ de una normal 2-D es 1 - exp(-9/2).
    assert abs(real["high_quality"] - (1 - np.exp(-4.5))) < 0.01
    one = ring_centres()[2] + 0.05 * np.random.default_rng(0).standard_normal((500, 2))
    collapsed = mode_coverage(one)
    assert collapsed["modes_covered"] == 1 and collapsed["counts"].argmax() == 2
    far = mode_coverage(np.zeros((100, 2)))
    assert far["modes_covered"] == 0 and far["high_quality"] == 0.0


def test_mode_coverage_counts_against_a_hand_example():
    centres = ring_centres()
    samples = np.concatenate(
        [np.repeat(centres[:1], 3, 0), np.repeat(centres[1:2], 2, 0), [[0, 0]]]
    )
    cov = mode_coverage(samples, min_count=3)
    assert cov["modes_covered"] == 1
    np.testing.assert_array_equal(cov["counts"], [3, 2, 0, 0, 0, 0, 0, 0])
    assert cov["high_quality"] == pytest.approx(5 / 6)
    assert mode_coverage(torch.tensor(samples), min_count=2)["modes_covered"] == 2


def test_stacked_mlp_matches_independent_linear_layers():
    torch.manual_seed(0)
    model = StackedMLP([2, 5, 3], seeds=[0, 1, 0]).double()
    x = torch.randn(3, 4, 2, dtype=torch.float64)
    out = model(x)
    assert out.shape == (3, 4, 3)
    for e in range(3):
        w1, b1 = model.weights[0][e], model.biases[0][e]
        w2, b2 = model.weights[1][e], model.biases[1][e]
        expected = torch.relu(x[e] @ w1 + b1) @ w2 + b2
        torch.testing.assert_close(out[e], expected)
    # La misma semilla da la misma inicialización; otra semilla, otra.
    torch.testing.assert_close(model.weights[0][0], model.weights[0][2])
    assert not torch.equal(model.weights[0][0], model.weights[0][1])
    assert model.weights[0].abs().max() <= 1 / np.sqrt(2)


def test_stacked_mlp_gradients_are_independent_per_model():
    model = StackedMLP([2, 4, 1], seeds=[0, 1]).double()
    x = torch.randn(2, 6, 2, dtype=torch.float64)
    model(x)[0].sum().backward()  # solo la red 0 entra en la pérdida
    assert model.weights[0].grad[1].abs().max() == 0
    assert model.weights[0].grad[0].abs().max() > 0


def test_stacked_mlp_rejects_bad_input():
    with pytest.raises(TypeError, match="sizes"):
        StackedMLP([2], seeds=[0])
    with pytest.raises(TypeError, match="sizes"):
        StackedMLP("23", seeds=[0])
    with pytest.raises(ValueError, match="positivo"):
        StackedMLP([2, 0, 1], seeds=[0])
    with pytest.raises(TypeError, match="seeds"):
        StackedMLP([2, 3], seeds=[])
    with pytest.raises(ValueError, match="no negativo"):
        StackedMLP([2, 3], seeds=[-1])
    model = StackedMLP([2, 3], seeds=[0, 1])
    with pytest.raises(ValueError, match=r"forma \(2, n, 2\)"):
        model(torch.randn(3, 4, 2))
    with pytest.raises(ValueError, match="forma"):
        model(torch.randn(4, 2))


def test_data_functions_reject_bad_input():
    with pytest.raises(TypeError, match="num_modes"):
        ring_centres(num_modes=2.5)
    with pytest.raises(ValueError, match="radius"):
        ring_centres(radius=0)
    with pytest.raises(ValueError, match="n debe ser positivo"):
        sample_ring(0, seed=0)
    with pytest.raises(TypeError, match="seed"):
        sample_ring(10, seed=1.5)
    with pytest.raises(ValueError, match="seed"):
        sample_ring(10, seed=-1)
    with pytest.raises(ValueError, match="std"):
        sample_ring(10, seed=0, std=-0.1)
    with pytest.raises(ValueError, match=r"\(n, 2\)"):
        mode_coverage(np.zeros((5, 3)))
    with pytest.raises(ValueError, match="vacío|n, 2"):
        mode_coverage(np.zeros((0, 2)))
    with pytest.raises(ValueError, match="min_count"):
        mode_coverage(np.zeros((5, 2)), min_count=0)
    with pytest.raises(ValueError):
        mode_coverage(np.array([[np.nan, 0.0]]))


def test_plot_ring_samples_draws_points_and_centres():
    fig, ax = plt.subplots()
    out = plot_ring_samples(sample_ring(50, seed=0), ax=ax, title="t")
    assert out is ax and len(ax.collections) == 2
    assert ax.get_title() == "t" and ax.get_xlim() == (-3.2, 3.2)
    assert ax.get_xlabel() == "$x_1$"
    plt.close(fig)
    with pytest.raises(ValueError):
        plot_ring_samples(np.zeros((4, 3)))


def test_plot_count_table_writes_every_value():
    fig, ax = plt.subplots()
    plot_count_table(
        [[1, 8], [0.25, 3]], row_labels=["a", "b"], col_labels=["x", "y"], vmax=8, ax=ax
    )
    assert sorted(t.get_text() for t in ax.texts) == ["0.25", "1", "3", "8"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    plt.close(fig)
    with pytest.raises(ValueError, match="2-D"):
        plot_count_table([1, 2], row_labels=["a"], col_labels=["x", "y"], vmax=1)
    with pytest.raises(ValueError, match="rótulos"):
        plot_count_table([[1, 2]], row_labels=["a", "b"], col_labels=["x", "y"], vmax=1)
    with pytest.raises(ValueError, match="vmax"):
        plot_count_table([[1, 2]], row_labels=["a"], col_labels=["x", "y"], vmax=0)


def test_plot_digit_row_uses_a_fixed_grey_scale():
    fig, axes = plt.subplots(1, 3)
    images = np.full((3, 64), 0.5)
    plot_digit_row(torch.tensor(images), axes)
    for ax in axes:
        assert ax.images[0].get_clim() == (0, 1)
    plt.close(fig)
    fig, axes = plt.subplots(1, 2)
    with pytest.raises(ValueError, match="ejes"):
        plot_digit_row(images, axes)
    with pytest.raises(ValueError, match="64"):
        plot_digit_row(np.zeros((2, 10)), axes)
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        plot_digit_row(np.full((2, 64), 2.0), axes)
    with pytest.raises(TypeError, match="Axes"):
        plot_digit_row(np.zeros((2, 64)), [1, 2])
    plt.close(fig)


def test_stacked_mlp_is_a_module():
    assert isinstance(StackedMLP([2, 3], seeds=[0]), nn.Module)
