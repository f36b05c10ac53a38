"""Gráficos con etiquetas en español. Reciben y devuelven un `Axes`; nunca llaman a `plt.show()`."""

from collections.abc import Callable, Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from dlnotes._validate import (
    as_array,
    callable_,
    interval,
    labels,
    non_negative,
    points_2d,
    positive_int,
    to_numpy,
)

_MARKERS = ("o", "s", "^", "D", "v", "P")


def use_book_style() -> None:
    """Aplica el estilo de figuras del libro (tamaño, resolución, cuadrícula, fuentes)."""
    mpl.rcParams.update(
        {
            "figure.figsize": (6.0, 4.0),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "figure.constrained_layout.use": True,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "font.size": 11,
            "legend.frameon": False,
            "image.cmap": "viridis",
        }
    )


def _axes(ax: Axes | None) -> Axes:
    """Devuelve `ax` o, si es None, los ejes de una figura nueva."""
    if ax is None:
        _, ax = plt.subplots()
    elif not isinstance(ax, Axes):
        raise TypeError(f"ax debe ser un matplotlib Axes; recibí {type(ax).__name__}")
    return ax


def plot_points(X: object, y: object, *, ax: Axes | None = None) -> Axes:
    """Dibuja puntos 2-D con un color y un marcador por clase.

    Args:
        X: arreglo (n, 2) con las entradas.
        y: vector (n,) de etiquetas enteras.
        ax: ejes donde dibujar (si es None, se crea una figura).

    Raises:
        TypeError: si `X` o `y` no son numéricos o `ax` no es un `Axes`.
        ValueError: si `X` no es (n, 2) finito o `y` no son n etiquetas enteras no negativas.
    """
    X = points_2d(X)
    y = labels(y, len(X))
    ax = _axes(ax)
    for k in np.unique(y):
        mask = y == k
        marker = _MARKERS[k % len(_MARKERS)]
        ax.scatter(*X[mask].T, marker=marker, s=60, edgecolor="k", label=f"clase {k}", zorder=3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.legend()
    return ax


def plot_linear_boundary(
    w: object,
    b: float,
    *,
    ax: Axes | None = None,
    xlim: tuple[float, float] = (-0.5, 1.5),
    label: str | None = None,
    **style: object,
) -> Axes:
    """Dibuja la recta de decisión $w_1 x_1 + w_2 x_2 - b = 0$ del perceptrón.

    Sigue la convención del capítulo 1: la neurona se activa cuando $w \\cdot x \\geq b$.

    Raises:
        TypeError: si `w` o `b` no son numéricos, `xlim` no es un par de números, `ax` no es
            un `Axes` o `style` tiene un argumento que matplotlib no conoce.
        ValueError: si `w` no tiene dos componentes finitas, si $w = 0$ (no hay recta), si `b`
            no es un número finito o si `xlim` no cumple mínimo < máximo.
    """
    w = as_array(w, "w")
    if w.shape != (2,) or not np.all(np.isfinite(w)):
        raise ValueError(f"w debe ser un vector finito de 2 componentes; recibí forma {w.shape}")
    if np.allclose(w, 0):
        raise ValueError("w = (0, 0): la frontera no es una recta (todo es de una sola clase)")
    b_arr = as_array(b, "b")
    if b_arr.size != 1 or not np.isfinite(b_arr).all():
        raise ValueError(f"b debe ser un número finito; recibí {b!r}")
    interval(xlim, "xlim")
    ax = _axes(ax)
    try:
        if abs(w[1]) > 1e-12:
            x1 = np.linspace(*xlim, 2)
            ax.plot(x1, (b - w[0] * x1) / w[1], label=label, **style)
        else:
            ax.axvline(b / w[0], label=label, **style)
    except AttributeError as exc:  # matplotlib no conoce un argumento de estilo
        raise TypeError(f"argumento de estilo no válido para la recta: {exc}") from exc
    ax.set_xlim(*xlim)
    ax.set_ylim(*xlim)
    return ax


def plot_decision_boundary(
    predict: Callable[[np.ndarray], object],
    X: object,
    y: object,
    *,
    ax: Axes | None = None,
    grid_size: int = 200,
    padding: float = 0.5,
) -> Axes:
    """Colorea las regiones que asigna `predict` a cada clase y dibuja los puntos encima.

    Args:
        predict: función que recibe un arreglo (m, 2) y devuelve m etiquetas enteras
            (por ejemplo `lambda G: model(torch.tensor(G)).argmax(1).numpy()`).
        X: arreglo (n, 2) de entradas; define la región dibujada.
        y: vector (n,) de etiquetas.
        ax: ejes donde dibujar.
        grid_size: puntos por eje de la grilla (al menos 2).
        padding: margen alrededor de los datos.

    Raises:
        TypeError: si `predict` no es una función, `X` o `y` no son numéricos, `grid_size`
            no es un entero, `padding` no es un número o `ax` no es un `Axes`.
        ValueError: si `X` o `y` no tienen la forma correcta, `grid_size` < 2, `padding` es
            negativo o no finito o `predict` no devuelve una etiqueta entera por punto.
    """
    predict = callable_(predict, "predict")
    X = points_2d(X)
    y = labels(y, len(X))
    grid_size = positive_int(grid_size, "grid_size")
    if grid_size < 2:
        raise ValueError(f"grid_size debe ser al menos 2; recibí {grid_size}")
    non_negative(padding, "padding")
    ax = _axes(ax)
    lo, hi = X.min(axis=0) - padding, X.max(axis=0) + padding
    g1, g2 = np.meshgrid(np.linspace(lo[0], hi[0], grid_size), np.linspace(lo[1], hi[1], grid_size))
    grid = np.column_stack([g1.ravel(), g2.ravel()])
    pred = to_numpy(predict(grid), dtype=None)
    if pred.shape not in ((len(grid),), (len(grid), 1)):
        raise ValueError(
            f"predict debe devolver {len(grid)} etiquetas para una grilla ({len(grid)}, 2); "
            f"devolvió forma {pred.shape}"
        )
    pred = labels(pred.reshape(-1), len(grid), "la salida de predict")
    num_classes = int(max(y.max(), pred.max())) + 1
    levels = np.arange(num_classes + 1) - 0.5
    ax.contourf(g1, g2, pred.reshape(g1.shape), levels=levels, cmap="coolwarm", alpha=0.25)
    return plot_points(X, y, ax=ax)


def plot_training_curve(
    values: Sequence[float],
    *,
    ax: Axes | None = None,
    label: str | None = None,
    xlabel: str = "época",
    ylabel: str = "pérdida",
    logy: bool = False,
) -> Axes:
    """Dibuja una curva de entrenamiento (pérdida, error o exactitud por época).

    Raises:
        TypeError: si `values` no es numérico, `logy` no es True/False o `ax` no es un `Axes`.
        ValueError: si `values` no es una secuencia 1-D no vacía.
    """
    values = as_array(values, "values")
    if values.ndim != 1 or len(values) == 0:
        raise ValueError(f"values debe ser una secuencia 1-D no vacía; recibí forma {values.shape}")
    if not isinstance(logy, (bool, np.bool_)):
        raise TypeError(f"logy debe ser True o False; recibí {logy!r}")
    ax = _axes(ax)
    ax.plot(
        np.arange(1, len(values) + 1),
        values,
        marker="." if len(values) <= 50 else None,
        label=label,
    )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if logy:
        ax.set_yscale("log")
    if label is not None:
        ax.legend()
    return ax
