import random

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
from mnist1d.data import get_dataset_args, make_dataset

from dlnotes.images import load_mnist1d, make_loader, place_on_canvas, plot_image_grid

# --- load_mnist1d -------------------------------------------------------------------------


def test_mnist1d_matches_the_package_and_has_the_papers_split():
    X_train, y_train, X_test, y_test = load_mnist1d(num_samples=500)
    args = get_dataset_args()
    args.num_samples = 500
    data = make_dataset(args)  # el oráculo: el generador del paquete, sin envolver
    assert X_train.shape == (400, 40) and X_test.shape == (100, 40)
    assert X_train.dtype == np.float64 and y_train.dtype == np.int64
    np.testing.assert_array_equal(X_train, data["x"])
    np.testing.assert_array_equal(y_test, data["y_test"])
    assert set(np.unique(y_train)) == set(range(10))


def test_mnist1d_leaves_the_global_random_state_alone():
    np.random.seed(123)
    random.seed(123)
    expected = (np.random.rand(), random.random())
    np.random.seed(123)
    random.seed(123)
    load_mnist1d(num_samples=100)
    assert (np.random.rand(), random.random()) == expected


def test_mnist1d_shuffle_seq_permutes_positions_only():
    X, y, _, _ = load_mnist1d(num_samples=200)
    Xs, ys, _, _ = load_mnist1d(num_samples=200, shuffle_seq=True)
    np.testing.assert_array_equal(y, ys)
    assert not np.allclose(X, Xs)
    # La misma permutación para todas las señales: cada columna de Xs es una columna de X.
    matches = [np.flatnonzero(np.all(np.isclose(X, Xs[:, [j]]), axis=0)) for j in range(40)]
    assert all(len(m) >= 1 for m in matches)


def test_mnist1d_seq_length_and_seed():
    X, _, _, _ = load_mnist1d(num_samples=100, seq_length=20, seed=1)
    X2, _, _, _ = load_mnist1d(num_samples=100, seq_length=20, seed=2)
    assert X.shape == (80, 20) and not np.allclose(X, X2)


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"num_samples": 105}, ValueError, "múltiplo de 10"),
        ({"num_samples": 0}, ValueError, "positivo"),
        ({"num_samples": 10.0}, TypeError, "entero"),
        ({"train_split": 1.0}, ValueError, "dos lados"),
        ({"train_split": 0.0}, ValueError, "dos lados"),
        ({"train_split": "0.8"}, TypeError, "número"),
        ({"seq_length": 5}, ValueError, "al menos 12"),
        ({"shuffle_seq": 1}, TypeError, "True o False"),
        ({"seed": -1}, ValueError, "no negativo"),
        ({"seed": True}, TypeError, "entero"),
    ],
)
def test_mnist1d_rejects_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        load_mnist1d(**kwargs)


# --- place_on_canvas ----------------------------------------------------------------------


def test_place_on_canvas_puts_each_image_where_asked():
    rng = np.random.default_rng(0)
    images = rng.random((5, 3, 4))
    positions = np.array([[0, 0], [1, 2], [2, 5], [0, 5], [2, 0]])
    canvas = place_on_canvas(images, positions, canvas_shape=(5, 9))
    assert canvas.shape == (5, 5, 9)
    for k, (r, c) in enumerate(positions):
        np.testing.assert_array_equal(canvas[k, r : r + 3, c : c + 4], images[k])
        # Fuera de la imagen, el lienzo es cero: la tinta total no cambia.
        np.testing.assert_allclose(canvas[k].sum(), images[k].sum())


def test_place_on_canvas_with_one_position_for_all():
    images = np.ones((3, 2, 2))
    canvas = place_on_canvas(images, (1, 1), canvas_shape=(4, 4))
    np.testing.assert_array_equal(canvas[:, 1:3, 1:3], 1)
    assert canvas.sum() == 12


@pytest.mark.parametrize(
    "images, positions, shape, error, match",
    [
        (np.ones((2, 8)), (0, 0), (8, 8), ValueError, "forma"),
        (np.ones((2, 8, 8)), (0, 1), (8, 8), ValueError, "se sale"),
        (np.ones((2, 8, 8)), (-1, 0), (9, 9), ValueError, "se sale"),
        (np.ones((2, 8, 8)), [[0, 0]], (9, 9), ValueError, "positions"),
        (np.ones((2, 8, 8)), (0.5, 0), (9, 9), ValueError, "enteros"),
        (np.ones((2, 8, 8)), (0, 0), 9, TypeError, "par"),
        (np.ones((2, 8, 8)), (0, 0), (9, 0), ValueError, "positivo"),
        ("imágenes", (0, 0), (9, 9), TypeError, "numérico"),
    ],
)
def test_place_on_canvas_rejects_bad_input(images, positions, shape, error, match):
    with pytest.raises(error, match=match):
        place_on_canvas(images, positions, canvas_shape=shape)


# --- make_loader --------------------------------------------------------------------------


def test_loader_visits_every_example_once_per_epoch_in_seeded_order():
    X = torch.arange(23.0)[:, None].repeat(1, 3)
    y = torch.arange(23)
    loader = make_loader(X, y, batch_size=5, seed=7)
    epoch1 = [yb for _, yb in loader]
    epoch2 = torch.cat([yb for _, yb in loader])
    assert [len(b) for b in epoch1] == [5, 5, 5, 5, 3] and len(loader) == 5
    epoch1 = torch.cat(epoch1)
    assert torch.equal(torch.sort(epoch1).values, y) and not torch.equal(epoch1, epoch2)
    again = torch.cat([yb for _, yb in make_loader(X, y, batch_size=5, seed=7)])
    assert torch.equal(epoch1, again)
    for X_batch, y_batch in loader:  # las filas viajan con sus etiquetas
        assert torch.equal(X_batch[:, 0].long(), y_batch)


def test_loader_without_shuffle_keeps_the_order():
    y = torch.arange(10)
    got = torch.cat(
        [yb for _, yb in make_loader(y[:, None], y, batch_size=4, seed=0, shuffle=False)]
    )
    assert torch.equal(got, y)


@pytest.mark.parametrize(
    "X, y, kwargs, error, match",
    [
        (np.ones((4, 2)), torch.ones(4), {}, TypeError, "tensores"),
        (torch.ones(4, 2), torch.ones(3), {}, ValueError, "mismo número"),
        (torch.ones(0, 2), torch.ones(0), {}, ValueError, "mismo número"),
        (torch.ones(4, 2), torch.ones(4), {"batch_size": 0}, ValueError, "positivo"),
        (torch.ones(4, 2), torch.ones(4), {"seed": -3}, ValueError, "no negativo"),
        (torch.ones(4, 2), torch.ones(4), {"seed": 1.5}, TypeError, "entero"),
    ],
)
def test_loader_rejects_bad_input(X, y, kwargs, error, match):
    kwargs = {"batch_size": 2, "seed": 0} | kwargs
    with pytest.raises(error, match=match):
        make_loader(X, y, **kwargs)


# --- plot_image_grid ----------------------------------------------------------------------


def test_image_grid_draws_one_image_per_axes_with_titles():
    images = np.random.default_rng(0).standard_normal((6, 3, 3))
    fig, axes = plt.subplots(2, 3)
    out = plot_image_grid(images, axes, titles=list("abcdef"), symmetric=True)
    assert len(out) == 6
    for ax, image, title in zip(out, images, "abcdef", strict=True):
        shown = ax.get_images()[0]
        np.testing.assert_array_equal(shown.get_array(), image)
        assert ax.get_title() == title and ax.get_xticks().size == 0
        assert all(spine.get_visible() for spine in ax.spines.values())
        low, high = shown.get_clim()
        assert low == -high == -np.abs(images).max()  # escala común y centrada en 0
    plt.close(fig)


def test_image_grid_draws_signals_as_strips():
    fig, axes = plt.subplots(1, 2)
    out = plot_image_grid(np.ones((2, 10)), axes)
    assert out[0].get_images()[0].get_array().shape == (1, 10)
    plt.close(fig)


@pytest.mark.parametrize(
    "images, n_axes, titles, error, match",
    [
        (np.ones((3, 2, 2)), 2, None, ValueError, "3 imágenes y 2 ejes"),
        (np.ones((2, 2, 2)), 2, ["a"], ValueError, "títulos"),
        (np.ones((2, 2, 2, 2)), 2, None, ValueError, "forma"),
        (None, 2, None, TypeError, "numérico"),
    ],
)
def test_image_grid_rejects_bad_input(images, n_axes, titles, error, match):
    fig, axes = plt.subplots(1, n_axes)
    with pytest.raises(error, match=match):
        plot_image_grid(images, axes, titles=titles)
    plt.close(fig)


def test_image_grid_rejects_things_that_are_not_axes():
    with pytest.raises(TypeError, match="Axes"):
        plot_image_grid(np.ones((2, 2, 2)), ["a", "b"])
