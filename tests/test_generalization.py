import math

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

from dlnotes.generalization import (
    affine_digits,
    augment_digits,
    digits_splits,
    make_id_effect_data,
    plot_band,
    subsample,
)


def test_digits_splits_are_disjoint_stratified_and_scaled():
    s = digits_splits(val_size=300, test_size=497, seed=0)
    assert s["X_pool"].shape == (1000, 64) and s["X_val"].shape == (300, 64)
    assert s["X_test"].shape == (497, 64) and len(s["y_test"]) == 497
    assert 0 <= s["X_pool"].min() and s["X_pool"].max() <= 1
    rows = {tuple(r) for r in s["X_pool"]} | {tuple(r) for r in s["X_val"]}
    assert not rows & {tuple(r) for r in s["X_test"]}  # ninguna imagen de prueba se repite
    counts = np.bincount(s["y_test"], minlength=10)
    assert counts.max() - counts.min() <= 3  # estratificada (unas 50 por clase)


def test_digits_splits_depend_on_the_seed_only():
    a, b, c = digits_splits(seed=1), digits_splits(seed=1), digits_splits(seed=2)
    np.testing.assert_array_equal(a["X_test"], b["X_test"])
    assert not np.array_equal(a["X_test"], c["X_test"])


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        (dict(val_size=0), ValueError, "positivo"),
        (dict(test_size=2.5), TypeError, "entero"),
        (dict(val_size=900, test_size=900), ValueError, "menos de 100"),
        (dict(seed=-1), ValueError, "seed"),
        (dict(seed="0"), TypeError, "seed"),
    ],
)
def test_digits_splits_rejects_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        digits_splits(**kwargs)


@pytest.mark.parametrize("n", [1, 7, 50])
def test_subsample_takes_distinct_rows_with_their_labels(n):
    X = np.arange(100.0).reshape(50, 2)
    y = np.arange(50) % 3
    X_n, y_n = subsample(X, y, n, rng=4)
    assert X_n.shape == (n, 2) and len(np.unique(X_n[:, 0])) == n
    np.testing.assert_array_equal(y_n, (X_n[:, 0] // 2).astype(int) % 3)
    np.testing.assert_array_equal(subsample(X, y, n, rng=4)[0], X_n)


@pytest.mark.parametrize(
    ("X", "y", "n", "error", "match"),
    [
        (np.zeros((5, 2)), np.zeros(5), 6, ValueError, "mayor que"),
        (np.zeros((5, 2)), np.zeros(5), 0, ValueError, "positivo"),
        (np.zeros((5, 2)), np.zeros(4), 2, ValueError, "forma"),
        (np.zeros(5), np.zeros(5), 2, ValueError, r"\(m, d\)"),
        ("abc", np.zeros(5), 2, TypeError, "numérico"),
        (np.zeros((5, 2)), np.zeros(5), 2.0, TypeError, "entero"),
    ],
)
def test_subsample_rejects_bad_inputs(X, y, n, error, match):
    with pytest.raises(error, match=match):
        subsample(X, y, n, rng=0)


def _digits(n=16, seed=0):
    return torch.tensor(np.random.default_rng(seed).random((n, 64)))


def test_augment_digits_without_transformation_is_the_identity():
    X = _digits()
    out = augment_digits(X, max_shift=0.0, max_degrees=0.0, generator=torch.Generator())
    torch.testing.assert_close(out, X, rtol=0, atol=1e-12)


@pytest.mark.parametrize("k", [1, 2, -1])
def test_affine_digits_quarter_turns_match_rot90(k):
    # Un giro de 90° lleva los centros de los píxeles a centros de píxeles: sin interpolación.
    X = _digits(5)
    out = affine_digits(
        X, torch.full((5,), 90.0 * k, dtype=X.dtype), torch.zeros(5, 2, dtype=X.dtype)
    )
    expected = torch.rot90(X.view(5, 8, 8), k, dims=(1, 2)).reshape(5, 64)
    torch.testing.assert_close(out, expected, rtol=0, atol=1e-12)


@pytest.mark.parametrize(("dx", "dy"), [(1, 0), (0, 1), (-2, 0), (1, -3)])
def test_affine_digits_integer_shifts_move_pixels_and_fill_with_zeros(dx, dy):
    X = _digits(3)
    shifts = torch.tensor([[float(dx), float(dy)]] * 3, dtype=X.dtype)
    out = affine_digits(X, torch.zeros(3, dtype=X.dtype), shifts)
    expected = torch.zeros(3, 8, 8, dtype=X.dtype)
    src = X.view(3, 8, 8)
    rows, cols = slice(max(dy, 0), 8 + min(dy, 0)), slice(max(dx, 0), 8 + min(dx, 0))
    src_rows, src_cols = slice(max(-dy, 0), 8 + min(-dy, 0)), slice(max(-dx, 0), 8 + min(-dx, 0))
    expected[:, rows, cols] = src[:, src_rows, src_cols]
    torch.testing.assert_close(out, expected.reshape(3, 64), rtol=0, atol=1e-12)


def test_affine_digits_keeps_float32_inputs_in_float32():
    X = _digits(2).float()
    out = affine_digits(X, torch.tensor([10.0, -10.0]), torch.zeros(2, 2))
    assert out.dtype == torch.float32 and out.shape == (2, 64)


def test_augment_digits_moves_images_but_keeps_them_in_range():
    X = _digits(32)
    gen = torch.Generator().manual_seed(1)
    out = augment_digits(X, max_shift=0.5, max_degrees=5.0, generator=gen)
    assert out.shape == X.shape and out.dtype == X.dtype
    assert (out - X).abs().max() > 0.05
    assert out.min() >= -1e-12 and out.max() <= 1 + 1e-12


def test_augment_digits_is_reproducible_with_the_same_generator():
    X = _digits()
    a = augment_digits(
        X, max_shift=0.5, max_degrees=5.0, generator=torch.Generator().manual_seed(3)
    )
    b = augment_digits(
        X, max_shift=0.5, max_degrees=5.0, generator=torch.Generator().manual_seed(3)
    )
    torch.testing.assert_close(a, b, rtol=0, atol=0)


@pytest.mark.parametrize(
    ("X", "kwargs", "error", "match"),
    [
        (np.zeros((2, 64)), {}, TypeError, "tensor"),
        (torch.zeros(2, 64, dtype=torch.long), {}, TypeError, "tensor"),
        (torch.zeros(2, 63), {}, ValueError, r"\(n, 64\)"),
        (torch.zeros(2, 64), dict(max_shift=-1.0), ValueError, "max_shift"),
        (torch.zeros(2, 64), dict(max_degrees="5"), TypeError, "max_degrees"),
        (torch.zeros(2, 64), dict(generator=0), TypeError, "generator"),
    ],
)
def test_augment_digits_rejects_bad_inputs(X, kwargs, error, match):
    options = dict(max_shift=0.5, max_degrees=5.0, generator=torch.Generator()) | kwargs
    with pytest.raises(error, match=match):
        augment_digits(X, **options)


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        ((np.zeros((2, 64)), torch.zeros(2), torch.zeros(2, 2)), TypeError, "X debe ser un tensor"),
        ((torch.zeros(2, 64), torch.zeros(3), torch.zeros(2, 2)), ValueError, "formas"),
        ((torch.zeros(2, 64), torch.zeros(2), torch.zeros(2, 3)), ValueError, "formas"),
        (
            (torch.zeros(2, 64), torch.tensor([0.0, math.inf]), torch.zeros(2, 2)),
            ValueError,
            "finitos",
        ),
        (
            (torch.zeros(2, 64), torch.zeros(2, dtype=torch.long), torch.zeros(2, 2)),
            TypeError,
            "degrees",
        ),
    ],
)
def test_affine_digits_rejects_bad_inputs(args, error, match):
    with pytest.raises(error, match=match):
        affine_digits(*args)


def test_id_effect_data_has_the_announced_logit_and_shapes():
    data = make_id_effect_data(30, rows=(4, 1, 2), effect_scale=2.0, rng=5)
    assert data["effect"].shape == (30,)
    for name, per_id in [("train", 4), ("val", 1), ("test", 2)]:
        X, ids, y, z = data[name]
        assert X.shape == (30 * per_id, 4) and set(np.unique(y)) <= {0, 1}
        np.testing.assert_array_equal(np.bincount(ids), np.full(30, per_id))
        expected = 2 * X[:, 0] - X[:, 1] + X[:, 2] * X[:, 3] + 2.0 * data["effect"][ids]
        np.testing.assert_allclose(z, expected)


def test_id_effect_labels_follow_the_sigmoid_of_the_logit():
    X, ids, y, z = make_id_effect_data(200, rows=(50, 1, 1), rng=0)["train"]
    p = 1 / (1 + np.exp(-z))
    # La frecuencia de unos coincide con la probabilidad media (10 000 filas: error ~ 0.005).
    assert abs(y.mean() - p.mean()) < 0.02
    assert y[p > 0.9].mean() > 0.85 and y[p < 0.1].mean() < 0.15


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        ((0,), {}, ValueError, "positivo"),
        ((10, (1, 2)), {}, ValueError, "tres enteros"),
        ((10, (1, 0, 2)), {}, ValueError, "positivo"),
        ((10,), dict(effect_scale=-1.0), ValueError, "effect_scale"),
        ((10,), dict(rng="a"), TypeError, "rng"),
    ],
)
def test_id_effect_data_rejects_bad_arguments(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        make_id_effect_data(*args, **({"rng": 0} | kwargs))


def test_plot_band_draws_the_mean_and_a_min_max_band():
    values = np.array([[0.1, 0.5, 0.9], [0.3, 0.7, 1.0]])
    ax = plot_band([1, 2, 3], values, label="validación")
    (line,) = ax.get_lines()
    np.testing.assert_allclose(line.get_ydata(), values.mean(axis=0))
    band = ax.collections[0].get_paths()[0].vertices
    assert math.isclose(band[:, 1].min(), 0.1) and math.isclose(band[:, 1].max(), 1.0)
    assert ax.get_legend().get_texts()[0].get_text() == "validación"
    plt.close(ax.figure)


@pytest.mark.parametrize(
    ("x", "values", "ax", "error", "match"),
    [
        ([1, 2], np.zeros((3, 3)), None, ValueError, "forma"),
        ([1, 2, 3], np.zeros(3), None, ValueError, "forma"),
        ("ab", np.zeros((3, 2)), None, TypeError, "numérico"),
        ([1, 2], np.zeros((3, 2)), "ejes", TypeError, "Axes"),
    ],
)
def test_plot_band_rejects_bad_inputs(x, values, ax, error, match):
    with pytest.raises(error, match=match):
        plot_band(x, values, label="a", ax=ax)
    plt.close("all")


def test_inverted_dropout_scales_survivors_and_is_identity_in_eval():
    from dlnotes.generalization import InvertedDropout

    torch.manual_seed(0)
    h = torch.rand(20000, dtype=torch.float64) + 0.5
    layer = InvertedDropout(0.25)
    out = layer(h)
    zeros = (out == 0).double().mean().item()
    assert abs(zeros - 0.25) < 0.01
    assert torch.allclose(out[out != 0], h[out != 0] / 0.75)
    layer.eval()
    assert torch.equal(layer(h), h)
    torch.manual_seed(1)
    a = InvertedDropout(0.5)(h)
    torch.manual_seed(1)
    assert torch.equal(InvertedDropout(0.5)(h), a)  # misma semilla, misma máscara


@pytest.mark.parametrize(
    "p, error", [("0.5", TypeError), (True, TypeError), (1.0, ValueError), (-0.1, ValueError)]
)
def test_inverted_dropout_rejects_bad_p(p, error):
    from dlnotes.generalization import InvertedDropout

    with pytest.raises(error):
        InvertedDropout(p)
