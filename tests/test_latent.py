import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

from dlnotes.latent import add_noise, latent_grid, plot_latent_2d, plot_latent_mosaic, tile_images

# --- plot_latent_2d ----------------------------------------------------------------------


def test_plot_latent_2d_draws_one_group_per_class_with_labels():
    rng = np.random.default_rng(0)
    Z, y = rng.normal(size=(30, 2)), np.repeat([0, 3, 7], 10)
    _, ax = plt.subplots()
    out = plot_latent_2d(Z, y, ax=ax, title="códigos")
    assert out is ax
    assert len(ax.collections) == 3
    np.testing.assert_allclose(ax.collections[1].get_offsets(), Z[y == 3])
    assert ax.get_xlabel() == "$z_1$" and ax.get_ylabel() == "$z_2$"
    assert ax.get_title() == "códigos"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["0", "3", "7"]
    # La leyenda queda fuera del panel (a la derecha): no tapa ningún punto.
    ax.figure.canvas.draw()
    legend_box = ax.get_legend().get_window_extent()
    assert legend_box.x0 >= ax.get_window_extent().x1
    plt.close("all")


def test_plot_latent_2d_accepts_tensors():
    ax = plot_latent_2d(torch.zeros(4, 2), torch.tensor([0, 1, 1, 0]))
    assert len(ax.collections) == 2
    plt.close("all")


@pytest.mark.parametrize(
    "Z, y, error, match",
    [
        (np.zeros((4, 3)), [0, 1, 2, 3], ValueError, r"\(n, 2\)"),
        (np.zeros((4, 2)), [0, 1, 2], ValueError, r"forma \(4,\)"),
        (np.zeros((2, 2)), [0, 10], ValueError, "0 a 9"),
        (np.zeros((2, 2)), ["a", "b"], TypeError, "enteras"),
        ("códigos", [0], TypeError, "numérico"),
        (np.array([[0.0, np.nan]]), [0], ValueError, "no finitos"),
    ],
)
def test_plot_latent_2d_rejects_bad_input(Z, y, error, match):
    with pytest.raises(error, match=match):
        plot_latent_2d(Z, y)
    plt.close("all")


def test_plot_latent_2d_rejects_something_that_is_not_axes():
    with pytest.raises(TypeError, match="Axes"):
        plot_latent_2d(np.zeros((2, 2)), [0, 1], ax="ejes")


# --- latent_grid ---------------------------------------------------------------------------


@pytest.mark.parametrize("n", [2, 3, 7])
def test_latent_grid_is_an_evenly_spaced_grid_read_like_an_image(n):
    grid = latent_grid((-1.0, 0.0), (1.0, 4.0), n=n)
    assert grid.shape == (n * n, 2)
    rows = grid.reshape(n, n, 2)
    # En cada fila z2 es constante y z1 crece; de una fila a la siguiente, z2 baja.
    np.testing.assert_allclose(rows[:, :, 1], rows[:, :1, 1] * np.ones((1, n)))
    np.testing.assert_allclose(rows[0, :, 0], np.linspace(-1, 1, n))
    np.testing.assert_allclose(rows[:, 0, 1], np.linspace(4, 0, n))
    assert len({tuple(p) for p in grid}) == n * n


@pytest.mark.parametrize(
    "low, high, n, error, match",
    [
        ((1.0, 0.0), (0.0, 1.0), 3, ValueError, "menor que su máximo"),
        ((0.0, 0.0), (1.0, 1.0), 1, ValueError, "al menos 2"),
        ((0.0, 0.0), (1.0, 1.0), 2.5, TypeError, "entero"),
        ((0.0, 0.0, 0.0), (1.0, 1.0), 3, ValueError, "par"),
        (None, (1.0, 1.0), 3, TypeError, "numérico"),
        ((0.0, np.inf), (1.0, 1.0), 3, ValueError, "no finitos"),
    ],
)
def test_latent_grid_rejects_bad_input(low, high, n, error, match):
    with pytest.raises(error, match=match):
        latent_grid(low, high, n=n)


# --- tile_images y plot_latent_mosaic -------------------------------------------------------


def test_tile_images_puts_each_image_in_its_block():
    images = np.arange(6 * 4, dtype=float).reshape(6, 4)  # seis imágenes de 2×2
    mosaic = tile_images(images, n_rows=2, n_cols=3, side=2)
    assert mosaic.shape == (4, 6)
    for k in range(6):
        r, c = divmod(k, 3)
        np.testing.assert_array_equal(
            mosaic[2 * r : 2 * r + 2, 2 * c : 2 * c + 2], images[k].reshape(2, 2)
        )


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"n_rows": 2, "n_cols": 2}, ValueError, r"forma \(4, 64\)"),
        ({"n_rows": 0, "n_cols": 3}, ValueError, "positivo"),
        ({"n_rows": 3, "n_cols": "3"}, TypeError, "entero"),
    ],
)
def test_tile_images_rejects_bad_input(kwargs, error, match):
    with pytest.raises(error, match=match):
        tile_images(np.zeros((9, 64)), **kwargs)


def test_plot_latent_mosaic_places_images_on_their_latent_coordinates():
    n = 3
    grid = latent_grid((-1.0, -2.0), (1.0, 2.0), n=n)
    images = np.zeros((n * n, 64))
    images[0] = 1.0  # la esquina de arriba a la izquierda: z1 mínimo, z2 máximo
    _, ax = plt.subplots()
    out = plot_latent_mosaic(images, low=(-1.0, -2.0), high=(1.0, 2.0), ax=ax)
    assert out is ax
    (image,) = ax.get_images()
    left, right, bottom, top = image.get_extent()
    # Cada imagen es una celda centrada en su punto: medio paso más allá de los extremos.
    np.testing.assert_allclose([left, right, bottom, top], [-1.5, 1.5, -3.0, 3.0])
    mosaic = image.get_array()
    assert mosaic.shape == (24, 24) and mosaic[:8, :8].min() == 1.0 and mosaic[8:, :].max() == 0
    assert grid[0].tolist() == [-1.0, 2.0]
    verticals = sorted(
        line.get_xdata()[0] for line in ax.lines if line.get_xdata()[0] == line.get_xdata()[1]
    )
    np.testing.assert_allclose(verticals, [-1.5, -0.5, 0.5, 1.5])
    assert ax.get_xlabel() == "$z_1$"
    assert ax.get_box_aspect() == 1  # panel cuadrado: imágenes cuadradas, no aplastadas
    plt.close("all")


@pytest.mark.parametrize(
    "images, low, high, error, match",
    [
        (np.zeros((9, 63)), (0, 0), (1, 1), ValueError, r"\(n \* n, 64\)"),
        (np.zeros((8, 64)), (0, 0), (1, 1), ValueError, "n \\* n filas"),
        (np.zeros((9, 64)), (1, 0), (0, 1), ValueError, "menor que su máximo"),
        ("mosaico", (0, 0), (1, 1), TypeError, "numérico"),
    ],
)
def test_plot_latent_mosaic_rejects_bad_input(images, low, high, error, match):
    with pytest.raises(error, match=match):
        plot_latent_mosaic(images, low=low, high=high)
    plt.close("all")


# --- add_noise -----------------------------------------------------------------------------


def test_add_noise_is_seeded_clipped_and_has_the_right_spread():
    X = torch.full((200, 64), 0.5, dtype=torch.float64)
    noisy = add_noise(X, std=0.1, seed=3)
    assert noisy.shape == X.shape and noisy.dtype == torch.float64
    assert torch.equal(noisy, add_noise(X, std=0.1, seed=3))
    assert not torch.equal(noisy, add_noise(X, std=0.1, seed=4))
    assert abs((noisy - X).std().item() - 0.1) < 0.005  # casi nada se recorta con 0.5 ± 0.1
    assert torch.equal(X, torch.full((200, 64), 0.5, dtype=torch.float64))  # X no cambia
    strong = add_noise(X, std=5.0, seed=0)
    assert strong.min().item() == 0.0 and strong.max().item() == 1.0
    assert torch.equal(add_noise(X, std=0.0, seed=0), X)


@pytest.mark.parametrize(
    "X, std, seed, error, match",
    [
        (np.zeros((2, 2)), 0.1, 0, TypeError, "tensor"),
        (torch.zeros(2, 2, dtype=torch.int64), 0.1, 0, TypeError, "punto flotante"),
        (torch.zeros(0, 64), 0.1, 0, ValueError, "vacío"),
        (torch.zeros(2, 2), -0.1, 0, ValueError, "no negativo"),
        (torch.zeros(2, 2), "0.1", 0, TypeError, "número"),
        (torch.zeros(2, 2), 0.1, -1, ValueError, "no negativo"),
        (torch.zeros(2, 2), 0.1, 1.5, TypeError, "entero"),
    ],
)
def test_add_noise_rejects_bad_input(X, std, seed, error, match):
    with pytest.raises(error, match=match):
        add_noise(X, std=std, seed=seed)
