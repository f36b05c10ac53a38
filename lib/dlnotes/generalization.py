"""Datos y gráficos del capítulo 14 (generalización y regularización).

Aquí solo está lo que el capítulo usa sin enseñarlo: la partición de los dígitos de 8×8, el
sorteo de subconjuntos, las rotaciones y traslaciones para aumentar datos, un problema tabular
generado con una columna categórica de muchos valores y una curva con su banda entre semillas.
Los modelos, el bucle de entrenamiento y cada técnica de regularización están en el notebook.
"""

import math

import numpy as np
import torch
import torch.nn.functional as F
from matplotlib.axes import Axes
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

from dlnotes._validate import (
    as_rng,
    finite_array,
    labels,
    non_negative,
    positive_int,
    seed_value,
)
from dlnotes.plots import _axes


def digits_splits(*, val_size: int = 300, test_size: int = 497, seed: int = 0) -> dict:
    """Parte los 1797 dígitos de 8×8 en reserva de entrenamiento, validación y prueba.

    Los píxeles se dividen por 16 (quedan en [0, 1]); cada parte está estratificada por clase.

    Args:
        val_size: imágenes de validación (para elegir hiperparámetros).
        test_size: imágenes de prueba (solo para el informe final).
        seed: semilla de la partición.

    Returns:
        Un diccionario con `X_pool`, `y_pool` (el resto, de donde se sortea el entrenamiento),
        `X_val`, `y_val`, `X_test` e `y_test`, arreglos de NumPy.

    Raises:
        TypeError: si algún argumento no es un entero.
        ValueError: si `seed` es negativa, o `val_size` o `test_size` no son positivos o no dejan
            imágenes para entrenar.
    """
    val_size, test_size = positive_int(val_size, "val_size"), positive_int(test_size, "test_size")
    if val_size + test_size > 1797 - 100:
        raise ValueError(
            f"val_size + test_size = {val_size + test_size} deja menos de 100 de las 1797 "
            "imágenes para entrenar"
        )
    seed = seed_value(seed)
    digits = load_digits()
    X, y = digits.data / 16.0, digits.target
    X_rest, X_test, y_rest, y_test = train_test_split(
        X, y, test_size=test_size, random_state=seed, stratify=y
    )
    X_pool, X_val, y_pool, y_val = train_test_split(
        X_rest, y_rest, test_size=val_size, random_state=seed, stratify=y_rest
    )
    return dict(
        X_pool=X_pool, y_pool=y_pool, X_val=X_val, y_val=y_val, X_test=X_test, y_test=y_test
    )


def subsample(X: object, y: object, n: int, *, rng: np.random.Generator | int) -> tuple:
    """Sortea `n` ejemplos distintos de (X, y), sin reposición.

    Args:
        X: arreglo (m, d).
        y: vector (m,) de etiquetas enteras.
        n: cuántos ejemplos tomar (1 <= n <= m).
        rng: semilla o generador de NumPy.

    Returns:
        `(X_n, y_n)`, arreglos de NumPy con `n` filas.

    Raises:
        TypeError: si `X` no es numérico o `n` no es un entero.
        ValueError: si `X` no es (m, d), `y` no son m etiquetas o `n` es mayor que m.
    """
    X = finite_array(X, "X")
    if X.ndim != 2:
        raise ValueError(f"X debe tener forma (m, d); recibí {X.shape}")
    y = labels(y, len(X))
    n = positive_int(n, "n")
    if n > len(X):
        raise ValueError(f"n = {n} es mayor que el número de ejemplos ({len(X)})")
    idx = as_rng(rng).choice(len(X), size=n, replace=False)
    return X[idx], y[idx]


def affine_digits(X: torch.Tensor, degrees: torch.Tensor, shifts: torch.Tensor) -> torch.Tensor:
    """Rota y traslada cada imagen de 8×8 con interpolación bilineal (`affine_grid`, `grid_sample`).

    La imagen `i` gira `degrees[i]` grados en sentido antihorario (tal como la dibuja `imshow`)
    alrededor de su centro y se corre `shifts[i] = (dx, dy)` píxeles, a la derecha y hacia abajo.
    Lo que sale del borde se pierde y lo que entra es 0 (fondo).

    Args:
        X: tensor (n, 64) de imágenes aplanadas.
        degrees: tensor (n,) de ángulos en grados.
        shifts: tensor (n, 2) de traslaciones en píxeles.

    Returns:
        Un tensor (n, 64) del mismo tipo y dispositivo que `X`.

    Raises:
        TypeError: si `X`, `degrees` o `shifts` no son tensores de punto flotante.
        ValueError: si las formas no son (n, 64), (n,) y (n, 2) o hay valores no finitos.
    """
    for value, name in [(X, "X"), (degrees, "degrees"), (shifts, "shifts")]:
        if not isinstance(value, torch.Tensor) or not value.is_floating_point():
            raise TypeError(
                f"{name} debe ser un tensor de punto flotante; recibí {type(value).__name__}"
            )
    n = len(X)
    if X.ndim != 2 or X.shape[1] != 64 or degrees.shape != (n,) or shifts.shape != (n, 2):
        raise ValueError(
            f"X, degrees y shifts deben tener formas (n, 64), (n,) y (n, 2); recibí "
            f"{tuple(X.shape)}, {tuple(degrees.shape)} y {tuple(shifts.shape)}"
        )
    if not (torch.isfinite(degrees).all() and torch.isfinite(shifts).all()):
        raise ValueError("degrees y shifts deben ser finitos")
    angle = degrees.to(X) * math.pi / 180
    cos, sin = torch.cos(angle), torch.sin(angle)
    tx, ty = (-shifts.to(X) * 2 / 8).unbind(1)  # en unidades de medio ancho (4 píxeles)
    theta = torch.stack([torch.stack([cos, -sin, tx], 1), torch.stack([sin, cos, ty], 1)], 1)
    grid = F.affine_grid(theta, [n, 1, 8, 8], align_corners=False)
    return F.grid_sample(X.view(n, 1, 8, 8), grid, align_corners=False).view(n, 64)


def augment_digits(
    X: torch.Tensor, *, max_shift: float, max_degrees: float, generator: torch.Generator
) -> torch.Tensor:
    """Rota y traslada al azar cada imagen de 8×8 (aumento de datos) con `affine_digits`.

    Cada imagen recibe su propio ángulo, uniforme en ±`max_degrees`, y su propia traslación,
    uniforme en ±`max_shift` píxeles en cada eje. Con `max_shift = max_degrees = 0` devuelve
    las mismas imágenes.

    Args:
        X: tensor (n, 64) de imágenes aplanadas.
        max_shift: traslación máxima en píxeles (no negativa).
        max_degrees: rotación máxima en grados (no negativa).
        generator: `torch.Generator` (de la CPU) que sortea ángulos y traslaciones.

    Returns:
        Un tensor (n, 64) del mismo tipo y dispositivo que `X`.

    Raises:
        TypeError: si `X` no es un tensor de punto flotante, `generator` no es un
            `torch.Generator` o los máximos no son números.
        ValueError: si `X` no tiene forma (n, 64) o los máximos son negativos.
    """
    if not isinstance(X, torch.Tensor) or not X.is_floating_point():
        raise TypeError(
            f"X debe ser un tensor de punto flotante (n, 64); recibí {type(X).__name__}"
        )
    if not isinstance(generator, torch.Generator):
        raise TypeError(f"generator debe ser un torch.Generator; recibí {type(generator).__name__}")
    max_shift = non_negative(max_shift, "max_shift")
    max_degrees = non_negative(max_degrees, "max_degrees")
    u = torch.rand(len(X), 3, generator=generator, dtype=torch.float64) * 2 - 1
    return affine_digits(X, u[:, 0] * max_degrees, u[:, 1:] * max_shift)


def make_id_effect_data(
    num_ids: int = 200,
    rows: tuple[int, int, int] = (5, 2, 5),
    *,
    effect_scale: float = 1.5,
    rng: np.random.Generator | int,
) -> dict:
    """Problema tabular binario con una columna categórica `id` de muchos valores y efecto conocido.

    Cada id tiene un efecto verdadero $b_{id} \\sim N(0, 1)$. Cada fila tiene 4 variables
    numéricas $x \\sim N(0, I)$ y su etiqueta es 1 con probabilidad $\\sigma(z)$, con
    $z = 2 x_1 - x_2 + x_3 x_4 + $ `effect_scale` $\\cdot b_{id}$.

    Args:
        num_ids: número de valores distintos de la columna `id`.
        rows: filas por id en entrenamiento, validación y prueba.
        effect_scale: peso del efecto del id en el logit (no negativo).
        rng: semilla o generador de NumPy.

    Returns:
        Un diccionario con las claves ``effect`` (forma ``(num_ids,)``) y ``train``, ``val`` y
        ``test``, cada una la tupla ``(X, ids, y, z)``, con ``z`` el logit verdadero (con él se
        calcula la mejor exactitud posible).

    Raises:
        TypeError: si `num_ids` o las filas no son enteros o `effect_scale` no es un número.
        ValueError: si no son positivos o `rows` no tiene tres valores.
    """
    num_ids = positive_int(num_ids, "num_ids")
    if not isinstance(rows, (tuple, list)) or len(rows) != 3:
        raise ValueError(
            f"rows debe tener tres enteros (entrenamiento, validación, prueba); recibí {rows!r}"
        )
    rows = [positive_int(r, "rows") for r in rows]
    effect_scale = non_negative(effect_scale, "effect_scale")
    rng = as_rng(rng)
    effect = rng.normal(size=num_ids)
    data = {"effect": effect}
    for name, per_id in zip(["train", "val", "test"], rows, strict=True):
        ids = np.repeat(np.arange(num_ids), per_id)
        X = rng.normal(size=(len(ids), 4))
        z = 2 * X[:, 0] - X[:, 1] + X[:, 2] * X[:, 3] + effect_scale * effect[ids]
        y = (rng.random(len(ids)) < 1 / (1 + np.exp(-z))).astype(int)
        data[name] = (X, ids, y, z)
    return data


def plot_band(x: object, values: object, *, label: str, ax: Axes | None = None) -> Axes:
    """Dibuja la media entre semillas de una curva y una banda entre su mínimo y su máximo.

    Args:
        x: valores del eje horizontal, forma (k,).
        values: arreglo (num_seeds, k): una fila por semilla.
        label: nombre de la curva en la leyenda.
        ax: ejes donde dibujar (si es None, se crea una figura).

    Returns:
        Los ejes, con una línea (la media) y una banda.

    Raises:
        TypeError: si `x` o `values` no son numéricos o `ax` no es un `Axes`.
        ValueError: si `values` no tiene forma (num_seeds, k) con k = len(x).
    """
    x = finite_array(x, "x")
    values = finite_array(values, "values")
    if x.ndim != 1 or values.ndim != 2 or values.shape[1] != len(x) or len(x) == 0:
        raise ValueError(f"values debe tener forma (num_seeds, {len(x)}); recibí {values.shape}")
    ax = _axes(ax)
    (line,) = ax.plot(x, values.mean(axis=0), marker="o", label=label)
    ax.fill_between(x, values.min(axis=0), values.max(axis=0), color=line.get_color(), alpha=0.2)
    ax.legend()
    return ax


class InvertedDropout(nn.Module):
    """Dropout invertido con máscaras de `torch.rand`: las mismas en cualquier computadora.

    Calcula lo mismo que `torch.nn.Dropout(p)`: al entrenar pone en 0 cada activación con
    probabilidad `p` y divide las demás por `1 - p`; al evaluar no hace nada. La diferencia es
    de dónde salen las máscaras: `nn.Dropout` en la CPU las sortea con MKL si PyTorch se compiló
    con MKL (x86) y con el generador de PyTorch si no (ARM), así que las salidas guardadas de un
    notebook cambiarían de una máquina a otra. `torch.rand` usa el generador de PyTorch siempre.
    El capítulo 14 pide escribir la misma operación como ejercicio.

    Args:
        p: probabilidad de apagar cada activación, en [0, 1).

    Raises:
        TypeError: si `p` no es un número.
        ValueError: si `p` no está en [0, 1).
    """

    def __init__(self, p: float):
        super().__init__()
        if isinstance(p, bool) or not isinstance(p, (int, float, np.floating)):
            raise TypeError(f"p debe ser un número; recibí {type(p).__name__}")
        if not 0 <= p < 1:
            raise ValueError(f"p debe estar en [0, 1); recibí {p}")
        self.p = float(p)

    def forward(self, h: torch.Tensor) -> torch.Tensor:
        if not self.training or self.p == 0:
            return h
        mask = torch.rand(h.shape, dtype=h.dtype, device=h.device) >= self.p
        return h * mask / (1 - self.p)
