"""Ayudas del capítulo 16 (la convolución): desplazar imágenes, casos de prueba y figuras.

Las convoluciones mismas (1-D, 2-D, con relleno, paso y dilatación), el pooling y la fórmula
del tamaño de salida se escriben en el notebook: es lo que el capítulo enseña. Aquí solo está lo
que acompaña: mover una imagen un píxel, sortear formas válidas para comparar con PyTorch y
dibujar mapas de características y campos receptivos.
"""

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from dlnotes._validate import as_array, as_rng, positive_int
from dlnotes.plots import _axes


def _integer(value: object, name: str) -> int:
    """Comprueba que `value` sea un entero (positivo, cero o negativo) y lo devuelve."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} debe ser un entero; recibí {type(value).__name__}")
    return int(value)


def _image(image: object, name: str, *, ndim: int | None = None) -> np.ndarray:
    """Convierte `image` en un arreglo float con al menos 2 ejes (…, alto, ancho)."""
    arr = as_array(image, name)
    if arr.ndim < 2 or (ndim is not None and arr.ndim != ndim):
        want = f"{ndim} ejes" if ndim is not None else "al menos 2 ejes (alto, ancho)"
        raise ValueError(f"{name} debe tener {want}; recibí forma {arr.shape}")
    if arr.shape[-1] == 0 or arr.shape[-2] == 0:
        raise ValueError(f"{name} no puede estar vacía; recibí forma {arr.shape}")
    return arr


def shift_image(image: object, dy: int, dx: int) -> np.ndarray:
    """Desplaza una imagen `dy` píxeles hacia abajo y `dx` hacia la derecha, rellenando con ceros.

    Lo que sale por un borde se pierde (no da la vuelta, a diferencia de `np.roll`).

    Args:
        image: arreglo (…, alto, ancho); se desplazan los dos últimos ejes.
        dy: filas hacia abajo (negativo: hacia arriba).
        dx: columnas hacia la derecha (negativo: hacia la izquierda).

    Returns:
        Un arreglo nuevo de la misma forma.

    Raises:
        TypeError: si `image` no es numérica o `dy`/`dx` no son enteros.
        ValueError: si `image` tiene menos de 2 ejes o está vacía.
    """
    arr = _image(image, "image")
    dy, dx = _integer(dy, "dy"), _integer(dx, "dx")
    height, width = arr.shape[-2:]
    out = np.zeros_like(arr)
    if abs(dy) >= height or abs(dx) >= width:
        return out
    src_rows = slice(max(0, -dy), height - max(0, dy))
    dst_rows = slice(max(0, dy), height - max(0, -dy))
    src_cols = slice(max(0, -dx), width - max(0, dx))
    dst_cols = slice(max(0, dx), width - max(0, -dx))
    out[..., dst_rows, dst_cols] = arr[..., src_rows, src_cols]
    return out


def conv_shape_cases(
    num_cases: int, *, rng: np.random.Generator | int, max_size: int = 12, dilation: bool = True
) -> list[tuple[int, int, int, int, int]]:
    """Sortea casos (n, k, p, s, d) de una convolución 1-D que PyTorch acepta.

    `n` es el largo de la entrada, `k` el del núcleo, `p` el relleno, `s` el paso y `d` la
    dilatación (siempre 1 si `dilation=False`). Cada caso cumple $n + 2p \\geq d(k - 1) + 1$:
    el núcleo dilatado cabe en la entrada rellenada, y `p` no pasa de la mitad del núcleo.

    Args:
        num_cases: cuántos casos.
        rng: semilla o generador de NumPy.
        max_size: largo máximo de la entrada (al menos 1).
        dilation: si es False, todos los casos tienen d = 1.

    Returns:
        Una lista de `num_cases` tuplas de enteros de Python.

    Raises:
        TypeError: si `num_cases` o `max_size` no son enteros, `rng` no es semilla ni
            generador o `dilation` no es True/False.
        ValueError: si `num_cases` o `max_size` no son positivos.
    """
    num_cases = positive_int(num_cases, "num_cases")
    max_size = positive_int(max_size, "max_size")
    if not isinstance(dilation, (bool, np.bool_)):
        raise TypeError(f"dilation debe ser True o False; recibí {dilation!r}")
    rng = as_rng(rng)
    cases = []
    while len(cases) < num_cases:
        n, k = int(rng.integers(1, max_size + 1)), int(rng.integers(1, 6))
        d = int(rng.integers(1, 4)) if dilation else 1
        p, s = int(rng.integers(0, (d * (k - 1)) // 2 + 1)), int(rng.integers(1, 4))
        if n + 2 * p >= d * (k - 1) + 1:
            cases.append((n, k, p, s, d))
    return cases


def plot_image(
    image: object, *, ax: Axes | None = None, title: str | None = None, signed: bool = False
) -> Axes:
    """Dibuja una imagen o un mapa de características 2-D, sin ejes numerados.

    Args:
        image: arreglo (alto, ancho).
        ax: ejes donde dibujar (si es None, se crea una figura).
        title: título de los ejes.
        signed: si es True, usa una escala de colores simétrica alrededor de 0 (azul negativo,
            rojo positivo), para mapas con signo como la respuesta a un detector de bordes; si
            es False, escala de grises.

    Returns:
        Los ejes, con la imagen como `ax.images[0]`.

    Raises:
        TypeError: si `image` no es numérica, `signed` no es True/False o `ax` no es un `Axes`.
        ValueError: si `image` no es 2-D no vacía o tiene nan o inf.
    """
    arr = _image(image, "image", ndim=2)
    if not np.all(np.isfinite(arr)):
        raise ValueError("image contiene valores no finitos (nan o inf)")
    if not isinstance(signed, (bool, np.bool_)):
        raise TypeError(f"signed debe ser True o False; recibí {signed!r}")
    ax = _axes(ax)
    if signed:
        vmax = max(float(np.abs(arr).max()), 1e-12)
        ax.imshow(arr, cmap="RdBu_r", vmin=-vmax, vmax=vmax)
    else:
        ax.imshow(arr, cmap="gray_r")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():  # un marco fino alrededor de la imagen
        spine.set_visible(True)
        spine.set_linewidth(0.5)
    if title is not None:
        ax.set_title(title, fontsize=10)
    return ax


def plot_receptive_field(
    grad: object, *, top: int, left: int, size: int, ax: Axes | None = None
) -> Axes:
    """Dibuja dónde el gradiente de una salida respecto de la entrada no es cero, y un cuadrado.

    Los píxeles con gradiente distinto de cero se pintan; el cuadrado de lado `size` con su
    esquina superior izquierda en (`top`, `left`) es el campo receptivo que predice la fórmula.

    Args:
        grad: arreglo 2-D (alto, ancho) con el gradiente de una salida respecto de la entrada.
        top, left: fila y columna de la esquina superior izquierda del cuadrado.
        size: lado del cuadrado (positivo).
        ax: ejes donde dibujar.

    Returns:
        Los ejes, con la imagen en `ax.images[0]` y el cuadrado en `ax.patches[0]`.

    Raises:
        TypeError: si `grad` no es numérico, `top`/`left`/`size` no son enteros o `ax` no es
            un `Axes`.
        ValueError: si `grad` no es 2-D no vacío o `size` no es positivo.
    """
    arr = _image(grad, "grad", ndim=2)
    top, left = _integer(top, "top"), _integer(left, "left")
    size = positive_int(size, "size")
    ax = _axes(ax)
    ax.imshow(np.abs(arr) > 0, cmap="Blues", vmin=0, vmax=1.5)
    ax.add_patch(
        Rectangle((left - 0.5, top - 0.5), size, size, fill=False, edgecolor="C3", linewidth=2)
    )
    ax.set_xlabel("columna de la entrada")
    ax.set_ylabel("fila de la entrada")
    ax.grid(False)
    return ax
