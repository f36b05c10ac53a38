import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

from dlnotes.vae import interpolate, latent_grid, plot_codes, plot_mosaic, tile

# --- latent_grid ----------------------------------------------------------------------------


def test_latent_grid_covers_the_square_row_by_row_from_the_top():
    grid = latent_grid(3, limit=1.5)
    assert grid.shape == (9, 2) and grid.dtype == np.float64
    np.testing.assert_allclose(grid[0], [-1.5, 1.5])  # arriba a la izquierda
    np.testing.assert_allclose(grid[2], [1.5, 1.5])  # arriba a la derecha
    np.testing.assert_allclose(grid[-1], [1.5, -1.5])  # abajo a la derecha
    assert len({tuple(p) for p in grid}) == 9
    np.testing.assert_allclose(np.sort(np.unique(grid[:, 0])), np.linspace(-1.5, 1.5, 3))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"num_per_side": 1}, ValueError, "al menos 2"),
        ({"num_per_side": 2.5}, TypeError, "entero"),
        ({"num_per_side": 3, "limit": 0}, ValueError, "positivo"),
        ({"num_per_side": 3, "limit": "2"}, TypeError, "número"),
    ],
)
def test_latent_grid_rejects_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        latent_grid(**kwargs)


# --- interpolate ----------------------------------------------------------------------------


def test_interpolate_goes_in_equal_steps_from_start_to_end():
    start, end = np.array([0.0, 2.0, -1.0]), torch.tensor([4.0, 2.0, 1.0])
    path = interpolate(start, end, num_steps=5)
    assert path.shape == (5, 3)
    np.testing.assert_allclose(path[0], start)
    np.testing.assert_allclose(path[-1], end.numpy())
    steps = np.diff(path, axis=0)
    np.testing.assert_allclose(steps, np.tile((end.numpy() - start) / 4, (4, 1)))


@pytest.mark.parametrize(
    ("start", "end", "num_steps", "error", "message"),
    [
        ([0.0, 1.0], [0.0, 1.0, 2.0], 3, ValueError, "mismo largo"),
        ([[0.0, 1.0]], [[0.0, 1.0]], 3, ValueError, "vectores"),
        ([0.0, np.nan], [0.0, 1.0], 3, ValueError, "no finitos"),
        ([0.0, 1.0], [0.0, 1.0], 1, ValueError, "al menos 2"),
        ([0.0, 1.0], [0.0, 1.0], 2.0, TypeError, "entero"),
        (None, [0.0, 1.0], 3, TypeError, "numérico"),
    ],
)
def test_interpolate_rejects_bad_input(start, end, num_steps, error, message):
    with pytest.raises(error, match=message):
        interpolate(start, end, num_steps=num_steps)


# --- tile -----------------------------------------------------------------------------------


def test_tile_puts_each_image_in_its_cell_with_blank_separators():
    rng = np.random.default_rng(0)
    images = rng.random((6, 64))
    mosaic = tile(images, num_rows=2)
    assert mosaic.shape == (2 * 9 - 1, 3 * 9 - 1)
    for k in range(6):
        r, c = divmod(k, 3)
        np.testing.assert_array_equal(
            mosaic[9 * r : 9 * r + 8, 9 * c : 9 * c + 8], images[k].reshape(8, 8)
        )
    assert np.all(mosaic[8, :] == 0) and np.all(mosaic[:, 8] == 0)


def test_tile_accepts_square_images_of_another_side():
    images = np.ones((4, 3, 3))
    assert tile(images, num_rows=1, side=3).shape == (3, 4 * 4 - 1)


@pytest.mark.parametrize(
    ("images", "num_rows", "error", "message"),
    [
        (np.zeros((5, 64)), 2, ValueError, "no se reparten"),
        (np.zeros((4, 63)), 2, ValueError, "forma"),
        (np.zeros((0, 64)), 1, ValueError, "forma"),
        (np.zeros((4, 64)), 0, ValueError, "positivo"),
        ("imágenes", 1, TypeError, "numérico"),
    ],
)
def test_tile_rejects_bad_input(images, num_rows, error, message):
    with pytest.raises(error, match=message):
        tile(images, num_rows=num_rows)


# --- plot_mosaic y plot_codes ---------------------------------------------------------------


def test_plot_mosaic_draws_the_tiled_image_in_ink_scale():
    fig, ax = plt.subplots()
    images = np.linspace(0, 1, 4 * 64).reshape(4, 64)
    assert plot_mosaic(images, ax, num_rows=2, title="muestras") is ax
    (shown,) = ax.get_images()
    np.testing.assert_array_equal(shown.get_array(), tile(images, num_rows=2))
    assert shown.get_clim() == (0, 1) and ax.get_title() == "muestras"
    plt.close(fig)


def test_plot_mosaic_rejects_something_that_is_not_an_axes():
    with pytest.raises(TypeError, match="Axes"):
        plot_mosaic(np.zeros((1, 64)), "eje", num_rows=1)


def test_plot_codes_scatters_every_code_with_labelled_axes():
    fig, ax = plt.subplots()
    codes = np.array([[0.0, 1.0], [2.0, -1.0], [0.5, 0.5]])
    assert plot_codes(codes, [0, 3, 9], ax, title="VAE") is ax
    np.testing.assert_array_equal(ax.collections[0].get_offsets(), codes)
    assert ax.get_xlabel() == "$z_1$" and ax.get_ylabel() == "$z_2$" and ax.get_title() == "VAE"
    plt.close(fig)


@pytest.mark.parametrize(
    ("codes", "y", "error", "message"),
    [
        (np.zeros((3, 3)), [0, 1, 2], ValueError, r"\(n, 2\)"),
        (np.zeros((3, 2)), [0, 1], ValueError, "forma"),
        (np.zeros((3, 2)), [0, 1, 10], ValueError, "0 a 9"),
        (np.zeros((3, 2)), [0, -1, 2], ValueError, "negativas"),
    ],
)
def test_plot_codes_rejects_bad_input(codes, y, error, message):
    fig, ax = plt.subplots()
    with pytest.raises(error, match=message):
        plot_codes(codes, y, ax)
    plt.close(fig)


def test_plot_codes_rejects_something_that_is_not_an_axes():
    with pytest.raises(TypeError, match="Axes"):
        plot_codes(np.zeros((2, 2)), [0, 1], None)
