"""Ayudas para mirar el espacio latente de un autoencoder (capítulo 21).

Aquí solo hay dibujo y datos: el autoencoder, su pérdida y su entrenamiento se escriben en el
notebook del capítulo 21, que es donde se explican.
"""

import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.axes import Axes

from dlnotes._validate import (
    finite_array,
    labels,
    non_negative,
    points_2d,
    positive_int,
    seed_value,
)
from dlnotes.plots import _axes


def plot_latent_2d(
    Z: object, y: object, *, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """Dibuja códigos de 2 dimensiones como puntos coloreados por clase (dígitos 0 a 9).

    Args:
        Z: códigos, arreglo o tensor (n, 2).
        y: n etiquetas enteras de 0 a 9.
        ax: ejes donde dibujar (por defecto, los de una figura nueva).
        title: título del panel (opcional).

    Returns:
        Los ejes, con etiquetas $z_1$ y $z_2$ y una leyenda con las clases, fuera del panel.

    Raises:
        TypeError: si `Z` no es numérico o `y` no son etiquetas enteras.
        ValueError: si `Z` no es (n, 2), `y` no tiene n elementos o hay etiquetas mayores que 9.
    """
    Z = points_2d(Z, "Z")
    y = labels(y, len(Z))
    if y.max() > 9:
        raise ValueError(f"y debe tener etiquetas de 0 a 9 (una por color); recibí {y.max()}")
    ax = _axes(ax)
    colors = plt.get_cmap("tab10")
    for c in np.unique(y):
        mask = y == c
        ax.scatter(Z[mask, 0], Z[mask, 1], s=6, color=colors(c), label=str(c))
    ax.set_xlabel("$z_1$")
    ax.set_ylabel("$z_2$")
    if title is not None:
        ax.set_title(str(title))
    ax.legend(  # fuera de los ejes, a la derecha: así no tapa ningún punto
        markerscale=2,
        fontsize=7,
        ncol=2,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        title="dígito",
        title_fontsize=7,
    )
    return ax


def latent_grid(low: object, high: object, *, n: int) -> np.ndarray:
    """Una cuadrícula de n × n puntos del plano latente, fila por fila, de arriba abajo.

    La fila 0 tiene el $z_2$ más alto (como en una imagen, arriba) y, dentro de cada fila,
    $z_1$ crece de izquierda a derecha: así `decoder(grid)` se arma como mosaico en orden.

    Args:
        low: par (mínimo de $z_1$, mínimo de $z_2$).
        high: par (máximo de $z_1$, máximo de $z_2$), cada uno mayor que su mínimo.
        n: puntos por lado (al menos 2).

    Returns:
        Un arreglo float (n * n, 2).

    Raises:
        TypeError: si `low`/`high` no son pares de números o `n` no es un entero.
        ValueError: si algún mínimo no es menor que su máximo o `n` es menor que 2.
    """
    low, high = _pair(low, "low"), _pair(high, "high")
    if not np.all(low < high):
        raise ValueError(f"cada mínimo debe ser menor que su máximo; recibí {low} y {high}")
    n = positive_int(n, "n")
    if n < 2:
        raise ValueError(
            f"n debe ser al menos 2 (una cuadrícula necesita dos puntos por lado); {n}"
        )
    z1 = np.linspace(low[0], high[0], n)
    z2 = np.linspace(high[1], low[1], n)  # de arriba abajo
    Z1, Z2 = np.meshgrid(z1, z2)
    return np.column_stack([Z1.ravel(), Z2.ravel()])


def _pair(value: object, name: str) -> np.ndarray:
    arr = finite_array(value, name)
    if arr.shape != (2,):
        raise ValueError(f"{name} debe ser un par de números (z1, z2); recibí forma {arr.shape}")
    return arr


def tile_images(images: object, *, n_rows: int, n_cols: int, side: int = 8) -> np.ndarray:
    """Pega n_rows × n_cols imágenes aplanadas de side × side en un solo mosaico.

    Args:
        images: arreglo o tensor (n_rows * n_cols, side * side), en el orden de `latent_grid`.
        n_rows: filas del mosaico.
        n_cols: columnas del mosaico.
        side: lado de cada imagen en píxeles.

    Returns:
        Un arreglo (n_rows * side, n_cols * side).

    Raises:
        TypeError: si `images` no es numérico o algún tamaño no es un entero.
        ValueError: si `images` no tiene forma (n_rows * n_cols, side * side).
    """
    n_rows, n_cols = positive_int(n_rows, "n_rows"), positive_int(n_cols, "n_cols")
    side = positive_int(side, "side")
    images = finite_array(images, "images")
    expected = (n_rows * n_cols, side * side)
    if images.shape != expected:
        raise ValueError(f"images debe tener forma {expected}; recibí {images.shape}")
    blocks = images.reshape(n_rows, n_cols, side, side)
    return blocks.transpose(0, 2, 1, 3).reshape(n_rows * side, n_cols * side)


def plot_latent_mosaic(
    images: object, *, low: object, high: object, ax: Axes | None = None
) -> Axes:
    """Dibuja las imágenes decodificadas de una cuadrícula `latent_grid` como un mosaico.

    Los ejes muestran las coordenadas latentes: cada imagen queda sobre el punto que la generó.

    Args:
        images: arreglo o tensor (n * n, 64): el decodificador aplicado a `latent_grid(low,
            high, n=n)`.
        low: el mismo par de mínimos que se usó para la cuadrícula.
        high: el mismo par de máximos.
        ax: ejes donde dibujar (por defecto, los de una figura nueva).

    Returns:
        Los ejes, cuadrados, con etiquetas $z_1$ y $z_2$.

    Raises:
        TypeError: si `images` no es numérico o `low`/`high` no son pares de números.
        ValueError: si `images` no es (n * n, 64) o los mínimos no son menores que los máximos.
    """
    images = finite_array(images, "images")
    if images.ndim != 2 or images.shape[1] != 64:
        raise ValueError(f"images debe tener forma (n * n, 64); recibí {images.shape}")
    n = int(round(np.sqrt(len(images))))
    if n * n != len(images) or n < 2:
        raise ValueError(f"images debe tener n * n filas (n >= 2); recibí {len(images)}")
    low, high = _pair(low, "low"), _pair(high, "high")
    if not np.all(low < high):
        raise ValueError(f"cada mínimo debe ser menor que su máximo; recibí {low} y {high}")
    ax = _axes(ax)
    # Cada imagen ocupa una celda centrada en su punto de la cuadrícula.
    half = (high - low) / (n - 1) / 2
    extent = (low[0] - half[0], high[0] + half[0], low[1] - half[1], high[1] + half[1])
    mosaic = tile_images(images, n_rows=n, n_cols=n)
    ax.imshow(mosaic, cmap="gray_r", extent=extent, aspect="auto", vmin=0, vmax=1)
    ax.grid(False)
    for k in range(n + 1):  # líneas finas entre las imágenes: se ve dónde termina cada una
        ax.axvline(extent[0] + k * 2 * half[0], color="0.75", linewidth=0.5)
        ax.axhline(extent[2] + k * 2 * half[1], color="0.75", linewidth=0.5)
    ax.set_box_aspect(1)  # panel cuadrado: con márgenes proporcionales, cada imagen es cuadrada
    ax.set_xlabel("$z_1$")
    ax.set_ylabel("$z_2$")
    return ax


def add_noise(X: object, *, std: object, seed: int) -> torch.Tensor:
    """Suma ruido normal de desviación `std` a cada píxel y recorta el resultado a [0, 1].

    Es la corrupción fija del conjunto de prueba; el entrenamiento del autoencoder de
    eliminación de ruido sortea su propio ruido en cada paso (en el notebook).

    Args:
        X: tensor de imágenes con píxeles en [0, 1].
        std: desviación estándar del ruido (no negativa).
        seed: semilla del `torch.Generator` que sortea el ruido.

    Returns:
        Un tensor nuevo, de la misma forma y tipo que `X`, con valores en [0, 1].

    Raises:
        TypeError: si `X` no es un tensor de punto flotante, `std` no es un número o `seed`
            no es un entero.
        ValueError: si `X` está vacío, `std` es negativa o no finita, o `seed` es negativa.
    """
    if not isinstance(X, torch.Tensor) or not X.is_floating_point():
        raise TypeError(f"X debe ser un tensor de punto flotante; recibí {type(X).__name__}")
    if X.numel() == 0:
        raise ValueError("X está vacío: no hay imágenes que corromper")
    std = non_negative(std, "std")
    generator = torch.Generator().manual_seed(seed_value(seed))
    noise = torch.randn(X.shape, generator=generator, dtype=X.dtype).to(X.device)
    return (X + std * noise).clamp(0.0, 1.0)
