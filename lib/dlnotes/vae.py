"""Ayudas del capítulo 22 (autoencoder variacional): cuadrículas e interpolaciones en el espacio
latente y mosaicos de imágenes.

Nada de esto es lo que enseña el capítulo (el modelo, la ELBO, la reparametrización y el
entrenamiento están escritos en el notebook): aquí solo se arman puntos del espacio latente y
se dibujan las imágenes que el decodificador produce con ellos.
"""

import numpy as np
from matplotlib.axes import Axes

from dlnotes._validate import finite_array, labels, points_2d, positive_finite, positive_int


def latent_grid(num_per_side: int, *, limit: float = 2.0) -> np.ndarray:
    """Una cuadrícula regular de puntos 2-D en el cuadrado $[-limit, limit]^2$.

    Los puntos van fila por fila, de arriba abajo (la segunda coordenada baja) y de izquierda
    a derecha (la primera sube), en el mismo orden en que `plot_mosaic` dibuja las imágenes:
    la imagen decodificada del punto k queda en la misma posición que el punto en el plano.

    Args:
        num_per_side: puntos por lado (la cuadrícula tiene `num_per_side**2`).
        limit: semilado del cuadrado (2 cubre el 95 % de una normal estándar por coordenada).

    Returns:
        Un arreglo float64 de forma (num_per_side**2, 2).

    Raises:
        TypeError: si `num_per_side` no es entero o `limit` no es un número.
        ValueError: si `num_per_side` < 2 o `limit` no es positivo y finito.
    """
    num_per_side = positive_int(num_per_side, "num_per_side")
    if num_per_side < 2:
        raise ValueError(f"num_per_side debe ser al menos 2; recibí {num_per_side}")
    limit = positive_finite(limit, "limit")
    ticks = np.linspace(-limit, limit, num_per_side)
    z1, z2 = np.meshgrid(ticks, ticks[::-1])  # filas de arriba abajo: z2 decreciente
    return np.stack([z1.ravel(), z2.ravel()], axis=1)


def interpolate(z_start: object, z_end: object, *, num_steps: int) -> np.ndarray:
    """Puntos igualmente espaciados en el segmento de `z_start` a `z_end` (ambos incluidos).

    Args:
        z_start: código inicial, vector (d,) (arreglo, lista o tensor).
        z_end: código final, vector (d,).
        num_steps: cuántos puntos (al menos 2).

    Returns:
        Un arreglo float64 (num_steps, d); la fila t es $(1 - t/(n-1))\\,z_0 + t/(n-1)\\,z_1$.

    Raises:
        TypeError: si los códigos no son numéricos o `num_steps` no es un entero.
        ValueError: si los códigos no son vectores del mismo largo, tienen nan/inf o
            `num_steps` < 2.
    """
    start, end = finite_array(z_start, "z_start"), finite_array(z_end, "z_end")
    if start.ndim != 1 or start.shape != end.shape or start.size == 0:
        raise ValueError(
            f"z_start y z_end deben ser vectores del mismo largo; recibí {start.shape} y "
            f"{end.shape}"
        )
    num_steps = positive_int(num_steps, "num_steps")
    if num_steps < 2:
        raise ValueError(f"num_steps debe ser al menos 2; recibí {num_steps}")
    weights = np.linspace(0.0, 1.0, num_steps)[:, None]
    return (1 - weights) * start + weights * end


def tile(images: object, *, num_rows: int, side: int = 8) -> np.ndarray:
    """Arma un mosaico con imágenes cuadradas, fila por fila, separadas por un píxel en blanco.

    Args:
        images: arreglo (n, side*side) de imágenes aplanadas o (n, side, side).
        num_rows: filas del mosaico; n debe ser múltiplo de `num_rows`.
        side: lado de cada imagen en píxeles (8 para los dígitos de scikit-learn).

    Returns:
        Un arreglo 2-D (num_rows*(side+1) - 1, num_cols*(side+1) - 1); los separadores valen 0.

    Raises:
        TypeError: si `images` no es numérico o `num_rows`/`side` no son enteros.
        ValueError: si la forma no corresponde a imágenes de `side`×`side` o n no es múltiplo
            de `num_rows`.
    """
    side = positive_int(side, "side")
    num_rows = positive_int(num_rows, "num_rows")
    arr = finite_array(images, "images")
    if arr.ndim == 2 and arr.shape[1] == side * side:
        arr = arr.reshape(-1, side, side)
    if arr.ndim != 3 or arr.shape[1:] != (side, side) or arr.shape[0] == 0:
        raise ValueError(
            f"images debe tener forma (n, {side * side}) o (n, {side}, {side}); "
            f"recibí {finite_array(images, 'images').shape}"
        )
    if arr.shape[0] % num_rows:
        raise ValueError(f"hay {arr.shape[0]} imágenes: no se reparten en {num_rows} filas")
    num_cols = arr.shape[0] // num_rows
    step = side + 1
    mosaic = np.zeros((num_rows * step - 1, num_cols * step - 1))
    for k, image in enumerate(arr):
        r, c = divmod(k, num_cols)
        mosaic[r * step : r * step + side, c * step : c * step + side] = image
    return mosaic


def plot_mosaic(images: object, ax: Axes, *, num_rows: int, title: str | None = None) -> Axes:
    """Dibuja en `ax` el mosaico de `tile` (tinta oscura sobre fondo blanco, escala [0, 1]).

    Args:
        images: imágenes en [0, 1], (n, 64) o (n, 8, 8).
        ax: eje de matplotlib.
        num_rows: filas del mosaico.
        title: título del eje (opcional).

    Returns:
        El mismo `ax`.

    Raises:
        TypeError: si `ax` no es un `Axes` (y los errores de `tile`).
    """
    if not isinstance(ax, Axes):
        raise TypeError(f"ax debe ser un eje de matplotlib (Axes); recibí {type(ax).__name__}")
    ax.imshow(tile(images, num_rows=num_rows), cmap="gray_r", vmin=0, vmax=1)
    ax.set_xticks([]), ax.set_yticks([])
    ax.grid(False)
    if title is not None:
        ax.set_title(str(title))
    return ax


def plot_codes(codes: object, y: object, ax: Axes, *, title: str | None = None) -> Axes:
    """Dispersión de códigos 2-D coloreados por dígito (0 a 9), con los ejes rotulados.

    Args:
        codes: arreglo (n, 2) de códigos.
        y: n etiquetas enteras de 0 a 9.
        ax: eje de matplotlib.
        title: título del eje (opcional).

    Returns:
        El mismo `ax` (su primera colección es la dispersión, útil para una barra de colores).

    Raises:
        TypeError: si `ax` no es un `Axes` o los datos no son numéricos.
        ValueError: si `codes` no es (n, 2) o `y` no tiene n etiquetas entre 0 y 9.
    """
    if not isinstance(ax, Axes):
        raise TypeError(f"ax debe ser un eje de matplotlib (Axes); recibí {type(ax).__name__}")
    codes = points_2d(codes, "codes")
    y = labels(y, len(codes))
    if y.max() > 9:
        raise ValueError(f"y debe tener dígitos de 0 a 9; recibí {y.max()}")
    ax.scatter(codes[:, 0], codes[:, 1], c=y, cmap="tab10", vmin=-0.5, vmax=9.5, s=6)
    ax.set_xlabel("$z_1$")
    ax.set_ylabel("$z_2$")
    if title is not None:
        ax.set_title(str(title))
    return ax
