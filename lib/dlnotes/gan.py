"""Datos, medidas y figuras del capítulo 23 (redes generativas adversarias).

Aquí vive lo que el capítulo usa sin que sea lo que enseña: el anillo de 8 gaussianas, la
medida de cobertura de modos, un apilado de MLPs para entrenar varias GANs pequeñas a la vez y
dos figuras. El generador, el discriminador, sus pérdidas y el bucle de entrenamiento están
escritos en el notebook.
"""

import math
from collections.abc import Sequence

import numpy as np
import torch
from matplotlib.axes import Axes
from torch import nn

from dlnotes._validate import finite_array, points_2d, positive_finite, positive_int, seed_value
from dlnotes.plots import _axes


def ring_centres(*, num_modes: int = 8, radius: float = 2.0) -> np.ndarray:
    """Los centros de los modos del anillo: `num_modes` puntos equiespaciados en un círculo.

    Args:
        num_modes: cantidad de gaussianas (modos).
        radius: radio del círculo.

    Returns:
        Un arreglo (num_modes, 2); el modo k está en el ángulo 2πk/num_modes.

    Raises:
        TypeError: si `num_modes` no es un entero o `radius` no es un número.
        ValueError: si alguno no es positivo.
    """
    num_modes = positive_int(num_modes, "num_modes")
    radius = positive_finite(radius, "radius")
    angles = 2 * np.pi * np.arange(num_modes) / num_modes
    return radius * np.stack([np.cos(angles), np.sin(angles)], axis=1)


def sample_ring(
    n: int, *, seed: int, num_modes: int = 8, radius: float = 2.0, std: float = 0.05
) -> np.ndarray:
    """Sortea `n` puntos de una mezcla de gaussianas con igual peso, centradas en un anillo.

    Es el conjunto de juguete de Metz et al. (2017) para ver el colapso de modos: cada punto
    elige un modo al azar (probabilidad 1/num_modes) y le suma ruido normal de desvío `std`.

    Args:
        n: cantidad de puntos.
        seed: semilla de `numpy.random.default_rng`.
        num_modes: cantidad de modos.
        radius: radio del anillo.
        std: desvío estándar de cada gaussiana (igual en x y en y).

    Returns:
        Un arreglo float64 (n, 2).

    Raises:
        TypeError: si `n`, `seed` o `num_modes` no son enteros o `radius`/`std` no son números.
        ValueError: si alguno no es positivo (o `seed` es negativa).
    """
    n = positive_int(n, "n")
    seed = seed_value(seed)
    std = positive_finite(std, "std")
    centres = ring_centres(num_modes=num_modes, radius=radius)
    rng = np.random.default_rng(seed)
    modes = rng.integers(0, len(centres), size=n)
    return centres[modes] + std * rng.standard_normal((n, 2))


def mode_coverage(
    samples: object,
    *,
    num_modes: int = 8,
    radius: float = 2.0,
    std: float = 0.05,
    min_count: int = 20,
) -> dict:
    """Mide cuántos modos del anillo cubren unas muestras y qué fracción es de alta calidad.

    Cada muestra se asigna a su centro más cercano. Es **de alta calidad** si está a menos de
    3·`std` de ese centro (ahí cae el 98.9 % de los puntos reales de una gaussiana 2-D). Un modo
    está **cubierto** si recibe al menos `min_count` muestras de alta calidad.

    Args:
        samples: arreglo (n, 2) de muestras (NumPy o tensor).
        num_modes, radius, std: los del anillo, como en `sample_ring`.
        min_count: muestras de alta calidad que necesita un modo para contar como cubierto.

    Returns:
        Un diccionario con `modes_covered` (entero), `high_quality` (fracción entre 0 y 1) y
        `counts` (arreglo con las muestras de alta calidad de cada modo).

    Raises:
        TypeError: si `samples` no es numérico o algún parámetro tiene el tipo equivocado.
        ValueError: si `samples` no tiene forma (n, 2), tiene nan/inf, o un parámetro no es
            positivo.
    """
    if isinstance(samples, torch.Tensor):
        samples = samples.detach().cpu().numpy()
    X = points_2d(samples, "samples")
    if len(X) == 0:
        raise ValueError("samples está vacío")
    min_count = positive_int(min_count, "min_count")
    std = positive_finite(std, "std")
    centres = ring_centres(num_modes=num_modes, radius=radius)
    distances = np.linalg.norm(X[:, None, :] - centres[None, :, :], axis=2)
    nearest = distances.argmin(axis=1)
    good = distances.min(axis=1) < 3 * std
    counts = np.bincount(nearest[good], minlength=len(centres))
    return dict(
        modes_covered=int((counts >= min_count).sum()),
        high_quality=float(good.mean()),
        counts=counts,
    )


class StackedMLP(nn.Module):
    """Varias MLPs independientes con la misma arquitectura, evaluadas a la vez.

    La red e recibe `x[e]` (forma (E, n, entradas)) y devuelve `out[e]`; no comparten pesos. Como
    Adam actualiza cada peso por separado, entrenar la suma de las pérdidas de las E redes da a
    cada una exactamente el gradiente y el paso que tendría sola: es una forma de entrenar E
    semillas en una sola pasada (mucho más rápido en CPU que un bucle para redes tan pequeñas).
    Cada capa oculta usa ReLU; la última es lineal. Los pesos se inician como `nn.Linear`
    (uniformes en ±1/√entradas), con el generador de la semilla de cada red.

    Args:
        sizes: tamaños de las capas, de la entrada a la salida (por ejemplo [2, 32, 32, 2]).
        seeds: una semilla por red; dos redes con la misma semilla empiezan iguales.
    """

    def __init__(self, sizes: Sequence[int], *, seeds: Sequence[int]) -> None:
        super().__init__()
        if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Sequence) or len(sizes) < 2:
            raise TypeError(f"sizes debe ser una lista de al menos 2 enteros; recibí {sizes!r}")
        sizes = [positive_int(s, "cada tamaño de sizes") for s in sizes]
        if isinstance(seeds, (str, bytes)) or not isinstance(seeds, Sequence) or not seeds:
            raise TypeError(f"seeds debe ser una lista no vacía de enteros; recibí {seeds!r}")
        seeds = [seed_value(s) for s in seeds]
        weights, biases = [], []
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:], strict=True):
            bound = 1 / math.sqrt(fan_in)
            w, b = [], []
            for s in seeds:
                g = torch.Generator().manual_seed(s * 1000 + len(weights))
                w.append((2 * torch.rand(fan_in, fan_out, generator=g) - 1) * bound)
                b.append((2 * torch.rand(1, fan_out, generator=g) - 1) * bound)
            weights.append(nn.Parameter(torch.stack(w)))
            biases.append(nn.Parameter(torch.stack(b)))
        self.weights, self.biases = nn.ParameterList(weights), nn.ParameterList(biases)
        self.num_models, self.sizes = len(seeds), sizes

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Aplica la red e a `x[e]`: entrada (E, n, sizes[0]), salida (E, n, sizes[-1])."""
        expected = (self.num_models, self.sizes[0])
        if not isinstance(x, torch.Tensor) or x.ndim != 3 or (x.shape[0], x.shape[2]) != expected:
            shape = tuple(x.shape) if isinstance(x, torch.Tensor) else type(x).__name__
            raise ValueError(
                f"x debe tener forma ({expected[0]}, n, {expected[1]}); recibí {shape}"
            )
        last = len(self.weights) - 1
        for k, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            x = torch.baddbmm(b, x, w)
            x = torch.relu(x) if k < last else x
        return x


def plot_ring_samples(
    samples: object,
    *,
    ax: Axes | None = None,
    title: str | None = None,
    num_modes: int = 8,
    radius: float = 2.0,
) -> Axes:
    """Dibuja muestras 2-D como puntos pequeños y los centros del anillo como cruces rojas.

    Args:
        samples: arreglo (n, 2) (NumPy o tensor).
        ax: ejes donde dibujar (si es None, una figura nueva).
        title: título del panel (opcional).
        num_modes, radius: los del anillo.

    Returns:
        Los ejes, con límites fijos en ±1.6·radius y aspecto igual.

    Raises:
        TypeError, ValueError: si `samples` no es un arreglo numérico (n, 2) finito.
    """
    if isinstance(samples, torch.Tensor):
        samples = samples.detach().cpu().numpy()
    X = points_2d(samples, "samples")
    ax = _axes(ax)
    centres = ring_centres(num_modes=num_modes, radius=radius)
    ax.scatter(X[:, 0], X[:, 1], s=2, alpha=0.3, color="C0", label="muestras")
    ax.scatter(centres[:, 0], centres[:, 1], marker="x", color="C3", s=30, label="centros")
    lim = 1.6 * radius
    ax.set_xlim(-lim, lim), ax.set_ylim(-lim, lim)
    ax.set_aspect("equal")
    ax.set_xlabel("$x_1$"), ax.set_ylabel("$x_2$")
    if title is not None:
        ax.set_title(str(title), fontsize=9)
    return ax


def plot_count_table(
    values: object,
    *,
    row_labels: Sequence[str],
    col_labels: Sequence[str],
    vmax: float,
    ax: Axes | None = None,
) -> Axes:
    """Dibuja una tabla de números como mapa de calor, con el valor escrito en cada casilla.

    Sirve para mostrar resultados por semilla que pueden cambiar con la aritmética de otra
    computadora (por eso van en una figura y no en texto comparado).

    Args:
        values: arreglo (filas, columnas).
        row_labels, col_labels: un rótulo por fila y por columna.
        vmax: valor del color más intenso (el mínimo es 0).
        ax: ejes donde dibujar (si es None, una figura nueva).

    Returns:
        Los ejes.

    Raises:
        TypeError: si `values` no es numérico o `vmax` no es un número.
        ValueError: si `values` no es 2-D, tiene nan/inf, o los rótulos no coinciden en número.
    """
    V = finite_array(values, "values")
    if V.ndim != 2:
        raise ValueError(f"values debe ser una tabla 2-D; recibí forma {V.shape}")
    if len(row_labels) != V.shape[0] or len(col_labels) != V.shape[1]:
        raise ValueError(
            f"values tiene forma {V.shape}; recibí {len(row_labels)} rótulos de fila y "
            f"{len(col_labels)} de columna"
        )
    vmax = positive_finite(vmax, "vmax")
    ax = _axes(ax)
    ax.imshow(V, cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
    for (i, j), v in np.ndenumerate(V):
        text = f"{v:.0f}" if float(v).is_integer() else f"{v:.2f}"
        ax.text(j, i, text, ha="center", va="center", color="white" if v > 0.6 * vmax else "black")
    ax.set_xticks(range(V.shape[1]), [str(c) for c in col_labels])
    ax.set_yticks(range(V.shape[0]), [str(r) for r in row_labels])
    ax.grid(False)
    return ax


def plot_digit_row(images: object, axes: Sequence[Axes] | np.ndarray) -> np.ndarray:
    """Dibuja dígitos de 8×8 (vectores de 64 píxeles en [0, 1]) con la misma escala de grises.

    A diferencia de `dlnotes.images.plot_image_grid`, que ajusta el contraste de cada imagen,
    aquí 0 es siempre blanco y 1 negro: una imagen gris uniforme se ve gris, no como ruido.

    Args:
        images: arreglo (n, 64) o (n, 8, 8) con valores en [0, 1].
        axes: n ejes de matplotlib.

    Returns:
        Los ejes, como arreglo plano de NumPy.

    Raises:
        TypeError: si `images` no es numérico o algún eje no es un `Axes`.
        ValueError: si `images` no tiene 64 píxeles por imagen, sale de [0, 1] o el número de
            ejes no es n.
    """
    if isinstance(images, torch.Tensor):
        images = images.detach().cpu().numpy()
    X = finite_array(images, "images")
    if X.ndim not in (2, 3) or X[0].size != 64 or len(X) == 0:
        raise ValueError(f"images debe tener forma (n, 64) o (n, 8, 8); recibí {X.shape}")
    if X.min() < 0 or X.max() > 1:
        raise ValueError(
            f"los píxeles deben estar en [0, 1]; recibí de {X.min():.3g} a {X.max():.3g}"
        )
    axes = np.asarray(axes, dtype=object).ravel()
    if len(axes) != len(X):
        raise ValueError(f"hay {len(X)} imágenes y {len(axes)} ejes")
    if not all(isinstance(ax, Axes) for ax in axes):
        raise TypeError("axes debe contener ejes de matplotlib (Axes)")
    for ax, image in zip(axes, X.reshape(len(X), 8, 8), strict=True):
        ax.imshow(image, cmap="gray_r", vmin=0, vmax=1)
        ax.set_xticks([]), ax.set_yticks([])
        ax.grid(False)
        for spine in ax.spines.values():  # un marco fino: se ve dónde termina la imagen
            spine.set_visible(True)
            spine.set_linewidth(0.5)
    return axes
