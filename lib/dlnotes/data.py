"""Generadores de datos pequeños y deterministas para los capítulos."""

import numpy as np

from dlnotes._validate import as_rng, finite, finite_array, interval, non_negative, positive_int

_GATES = {
    "and": [0, 0, 0, 1],
    "or": [0, 1, 1, 1],
    "xor": [0, 1, 1, 0],
    "nand": [1, 1, 1, 0],
    "nor": [1, 0, 0, 0],
}


def logic_gate(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Tabla de verdad de una compuerta lógica de dos entradas.

    Args:
        name: una de "and", "or", "xor", "nand", "nor" (sin distinguir mayúsculas).

    Returns:
        `X` de forma (4, 2) con las entradas (0,0), (0,1), (1,0), (1,1) y `y` de forma (4,)
        con las salidas enteras 0/1.

    Raises:
        ValueError: si la compuerta no existe.
    """
    if not isinstance(name, str) or name.lower() not in _GATES:
        raise ValueError(f"compuerta desconocida {name!r}; usa una de {sorted(_GATES)}")
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    return X, np.array(_GATES[name.lower()], dtype=int)


def make_blobs(
    n_samples: int = 100,
    *,
    centers: object = ((-1.0, -1.0), (1.0, 1.0)),
    std: float = 0.5,
    rng: np.random.Generator | int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Nubes gaussianas en 2-D, una por centro; la etiqueta es el índice del centro.

    Args:
        n_samples: número total de puntos (se reparten por igual entre los centros).
        centers: arreglo (k, 2) con los centros; con centros lejanos las clases son
            linealmente separables.
        std: desviación estándar de cada nube.
        rng: semilla o generador de NumPy.

    Returns:
        `X` (n_samples, 2) y `y` (n_samples,) con etiquetas 0..k-1.

    Raises:
        TypeError: si `n_samples` no es un entero, `std` no es un número, `centers` no es
            numérico o `rng` no es una semilla ni un generador.
        ValueError: si `n_samples` no es positivo, `std` es negativo o no finito, `centers`
            no es (k, 2) con k >= 2 y valores finitos o `rng` es negativo.
    """
    n_samples = positive_int(n_samples, "n_samples")
    std = non_negative(std, "std")
    centers = finite_array(centers, "centers")
    if centers.ndim != 2 or centers.shape[1] != 2 or len(centers) < 2:
        raise ValueError(f"centers debe tener forma (k, 2) con k >= 2; recibí {centers.shape}")
    rng = as_rng(rng)
    y = np.arange(n_samples) % len(centers)
    X = centers[y] + std * rng.standard_normal((n_samples, 2))
    return X, y


def make_moons(
    n_samples: int = 200, *, noise: float = 0.1, rng: np.random.Generator | int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Dos medialunas entrelazadas (no separables por una recta).

    Returns:
        `X` (n_samples, 2) y `y` (n_samples,) con etiquetas 0/1.

    Raises:
        TypeError: si `n_samples` no es un entero, `noise` no es un número o `rng` no es una
            semilla ni un generador.
        ValueError: si `n_samples` no es positivo, `noise` es negativo o no finito o `rng`
            es negativo.
    """
    n_samples = positive_int(n_samples, "n_samples")
    noise = non_negative(noise, "noise")
    rng = as_rng(rng)
    y = np.arange(n_samples) % 2
    t = np.pi * rng.uniform(size=n_samples)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])
    X = np.where(y[:, None] == 0, upper, lower)
    return X + noise * rng.standard_normal((n_samples, 2)), y


def make_spirals(
    n_samples: int = 200,
    *,
    num_classes: int = 2,
    turns: float = 1.0,
    noise: float = 0.1,
    rng: np.random.Generator | int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Espirales entrelazadas, una por clase, dentro del disco unitario.

    Returns:
        `X` (n_samples, 2) y `y` (n_samples,) con etiquetas 0..num_classes-1.

    Raises:
        TypeError: si `n_samples` o `num_classes` no son enteros, `turns` o `noise` no son
            números o `rng` no es una semilla ni un generador.
        ValueError: si `n_samples` o `num_classes` no son positivos, `turns` o `noise` son
            negativos o no finitos o `rng` es negativo.
    """
    n_samples = positive_int(n_samples, "n_samples")
    num_classes = positive_int(num_classes, "num_classes")
    turns = non_negative(turns, "turns")
    noise = non_negative(noise, "noise")
    rng = as_rng(rng)
    y = np.arange(n_samples) % num_classes
    radius = rng.uniform(0.05, 1.0, size=n_samples)
    angle = 2 * np.pi * (turns * radius + y / num_classes)
    X = radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return X + noise * rng.standard_normal((n_samples, 2)), y


def make_regression_line(
    n_samples: int = 50,
    *,
    slope: float = 2.0,
    intercept: float = -1.0,
    noise: float = 0.3,
    x_range: tuple[float, float] = (-1.0, 1.0),
    rng: np.random.Generator | int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Puntos (x, y) con y = slope·x + intercept + ruido gaussiano.

    Returns:
        `x` (n_samples,) uniforme en `x_range` e `y` (n_samples,).

    Raises:
        TypeError: si `n_samples` no es un entero, `slope`, `intercept`, `noise` o los
            extremos de `x_range` no son números, o `rng` no es una semilla ni un generador.
        ValueError: si `n_samples` no es positivo, `slope` o `intercept` no son finitos,
            `noise` es negativo o no finito, `x_range` no cumple mínimo < máximo con
            extremos finitos o `rng` es negativo.
    """
    n_samples = positive_int(n_samples, "n_samples")
    slope = finite(slope, "slope")
    intercept = finite(intercept, "intercept")
    noise = non_negative(noise, "noise")
    low, high = interval(x_range, "x_range")
    rng = as_rng(rng)
    x = rng.uniform(low, high, size=n_samples)
    return x, slope * x + intercept + noise * rng.standard_normal(n_samples)
