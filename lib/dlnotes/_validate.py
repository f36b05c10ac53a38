"""Validación de argumentos con mensajes que un estudiante entiende."""

from collections.abc import Callable

import numpy as np


def as_rng(rng: np.random.Generator | int) -> np.random.Generator:
    """Convierte una semilla entera o un generador en un `numpy.random.Generator`."""
    if isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, bool) or not isinstance(rng, (int, np.integer)):
        raise TypeError(f"rng debe ser un entero o un numpy.random.Generator; recibí {rng!r}")
    return np.random.default_rng(int(rng))


def positive_int(value: object, name: str) -> int:
    """Comprueba que `value` sea un entero positivo y lo devuelve."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} debe ser un entero; recibí {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"{name} debe ser positivo; recibí {value}")
    return int(value)


def non_negative(value: object, name: str) -> float:
    """Comprueba que `value` sea un número real finito y no negativo."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} debe ser un número; recibí {type(value).__name__}")
    if not np.isfinite(value) or value < 0:
        raise ValueError(f"{name} debe ser finito y no negativo; recibí {value}")
    return float(value)


def points_2d(X: object, name: str = "X") -> np.ndarray:
    """Convierte `X` en un arreglo float de forma (n, 2) con valores finitos."""
    arr = np.asarray(X, dtype=float)
    if arr.ndim != 2 or arr.shape[1] != 2 or arr.shape[0] == 0:
        raise ValueError(f"{name} debe tener forma (n, 2) con n > 0; recibí {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contiene valores no finitos (nan o inf)")
    return arr


def labels(y: object, n: int, name: str = "y") -> np.ndarray:
    """Convierte `y` en un vector de `n` etiquetas enteras no negativas."""
    arr = np.asarray(y)
    if arr.shape != (n,):
        raise ValueError(f"{name} debe tener forma ({n},); recibí {arr.shape}")
    if arr.dtype.kind not in "iub" and not np.all(np.mod(arr, 1) == 0):
        raise ValueError(f"{name} debe contener etiquetas enteras (0, 1, ...)")
    if np.any(arr < 0):
        raise ValueError(f"{name} no puede contener etiquetas negativas")
    return arr.astype(int)


def callable_(fn: object, name: str) -> Callable:
    """Comprueba que `fn` sea una función (algo que se puede llamar)."""
    if not callable(fn):
        raise TypeError(f"{name} debe ser una función; recibí {type(fn).__name__}")
    return fn


def finite(value: object, name: str) -> float:
    """Comprueba que `value` sea un número real finito."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} debe ser un número; recibí {type(value).__name__}")
    if not np.isfinite(value):
        raise ValueError(f"{name} debe ser finito; recibí {value}")
    return float(value)
