"""Pruebas de dlnotes.conv: desplazamientos, casos de forma y figuras del capítulo 16."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from dlnotes.conv import conv_shape_cases, plot_image, plot_receptive_field, shift_image


def test_shift_image_moves_pixels_and_fills_with_zeros():
    image = np.arange(1.0, 13.0).reshape(3, 4)
    out = shift_image(image, 1, -1)
    expected = np.zeros((3, 4))
    expected[1:, :3] = image[:2, 1:]
    np.testing.assert_array_equal(out, expected)
    np.testing.assert_array_equal(image, np.arange(1.0, 13.0).reshape(3, 4))  # no la modifica


def test_shift_image_matches_roll_when_the_border_is_empty():
    rng = np.random.default_rng(0)
    image = np.zeros((2, 9, 9))
    image[:, 3:6, 3:6] = rng.normal(size=(2, 3, 3))
    for dy, dx in [(0, 2), (-3, 1), (2, -2), (0, 0)]:
        np.testing.assert_array_equal(
            shift_image(image, dy, dx), np.roll(image, (dy, dx), axis=(-2, -1))
        )


def test_shift_image_beyond_the_size_gives_zeros_and_round_trips_inside():
    image = np.ones((4, 5))
    assert not shift_image(image, 0, 5).any()
    assert not shift_image(image, -4, 0).any()
    back = shift_image(shift_image(image, 1, 1), -1, -1)
    np.testing.assert_array_equal(back[:3, :4], 1.0)
    assert back[3].sum() == 0 and back[:, 4].sum() == 0


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        ((np.ones(4), 1, 0), ValueError, "2 ejes"),
        ((np.ones((0, 3)), 1, 0), ValueError, "vacía"),
        (("imagen", 1, 0), TypeError, "numérico"),
        ((np.ones((3, 3)), 1.5, 0), TypeError, "dy debe ser un entero"),
        ((np.ones((3, 3)), 0, True), TypeError, "dx debe ser un entero"),
    ],
)
def test_shift_image_rejects_bad_input(args, error, message):
    with pytest.raises(error, match=message):
        shift_image(*args)


def test_conv_shape_cases_are_accepted_by_torch_and_reproducible():
    cases = conv_shape_cases(200, rng=0)
    assert len(cases) == 200 and cases == conv_shape_cases(200, rng=0)
    assert len({d for *_, d in cases}) > 1 and len({p for _, _, p, _, _ in cases}) > 1
    for n, k, p, s, d in cases:
        out = F.conv1d(torch.zeros(1, 1, n), torch.zeros(1, 1, k), padding=p, stride=s, dilation=d)
        assert out.shape[-1] >= 1
        assert all(isinstance(v, int) for v in (n, k, p, s, d))


def test_conv_shape_cases_without_dilation():
    cases = conv_shape_cases(50, rng=np.random.default_rng(3), max_size=5, dilation=False)
    assert {d for *_, d in cases} == {1}
    assert max(n for n, *_ in cases) <= 5


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"num_cases": 0, "rng": 0}, ValueError, "num_cases debe ser positivo"),
        ({"num_cases": 2.0, "rng": 0}, TypeError, "num_cases debe ser un entero"),
        ({"num_cases": 2, "rng": "a"}, TypeError, "rng"),
        ({"num_cases": 2, "rng": 0, "max_size": 0}, ValueError, "max_size"),
        ({"num_cases": 2, "rng": 0, "dilation": 1}, TypeError, "dilation"),
    ],
)
def test_conv_shape_cases_rejects_bad_input(kwargs, error, message):
    num_cases = kwargs.pop("num_cases")
    with pytest.raises(error, match=message):
        conv_shape_cases(num_cases, **kwargs)


def test_plot_image_grayscale_and_signed():
    image = np.array([[-2.0, 0.0], [1.0, 0.5]])
    ax = plot_image(image, title="mapa")
    assert ax.get_title() == "mapa" and len(ax.images) == 1
    assert ax.get_xticks().size == 0
    assert all(spine.get_visible() for spine in ax.spines.values())
    signed = plot_image(image, ax=plt.subplots()[1], signed=True)
    assert signed.images[0].get_clim() == (-2.0, 2.0)
    assert signed.images[0].get_cmap().name == "RdBu_r"
    plt.close("all")


@pytest.mark.parametrize(
    ("image", "kwargs", "error", "message"),
    [
        (np.ones(3), {}, ValueError, "2 ejes"),
        (np.ones((2, 2, 2)), {}, ValueError, "2 ejes"),
        (np.array([[np.nan, 1.0]]), {}, ValueError, "no finitos"),
        (np.ones((2, 2)), {"signed": "sí"}, TypeError, "signed"),
        (np.ones((2, 2)), {"ax": "ejes"}, TypeError, "Axes"),
        (None, {}, TypeError, "numérico"),
    ],
)
def test_plot_image_rejects_bad_input(image, kwargs, error, message):
    with pytest.raises(error, match=message):
        plot_image(image, **kwargs)


def test_plot_receptive_field_draws_the_mask_and_the_box():
    grad = np.zeros((7, 7))
    grad[2:5, 1:4] = -0.3
    ax = plot_receptive_field(grad, top=2, left=1, size=3)
    mask = ax.images[0].get_array()
    assert mask.sum() == 9 and mask[2, 1] and not mask[0, 0]
    box = ax.patches[0]
    assert box.get_xy() == (0.5, 1.5) and box.get_width() == 3 and box.get_height() == 3
    assert ax.get_xlabel() == "columna de la entrada"
    plt.close("all")


@pytest.mark.parametrize(
    ("grad", "kwargs", "error", "message"),
    [
        (np.ones(4), {"top": 0, "left": 0, "size": 1}, ValueError, "2 ejes"),
        (np.ones((3, 3)), {"top": 0, "left": 0, "size": 0}, ValueError, "size"),
        (np.ones((3, 3)), {"top": 0.5, "left": 0, "size": 1}, TypeError, "top"),
        (np.ones((3, 3)), {"top": 0, "left": 0, "size": 1, "ax": 3}, TypeError, "Axes"),
    ],
)
def test_plot_receptive_field_rejects_bad_input(grad, kwargs, error, message):
    with pytest.raises(error, match=message):
        plot_receptive_field(grad, **kwargs)
