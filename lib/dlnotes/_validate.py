"""Validación de argumentos con mensajes que un estudiante entiende."""

import inspect
from collections.abc import Callable

import numpy as np

_NUMBER = (int, float, np.integer, np.floating)


def as_rng(rng: np.random.Generator | int) -> np.random.Generator:
    """Convierte una semilla entera o un generador en un `numpy.random.Generator`."""
    if isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, bool) or not isinstance(rng, (int, np.integer)):
        raise TypeError(f"rng debe ser un entero o un numpy.random.Generator; recibí {rng!r}")
    if rng < 0:
        raise ValueError(f"rng debe ser una semilla no negativa; recibí {rng}")
    return np.random.default_rng(int(rng))


def positive_int(value: object, name: str) -> int:
    """Comprueba que `value` sea un entero positivo y lo devuelve."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} debe ser un entero; recibí {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"{name} debe ser positivo; recibí {value}")
    return int(value)


def seed_value(value: object, name: str = "seed") -> int:
    """Comprueba que `value` sea una semilla (un entero no negativo) y la devuelve."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} debe ser un entero; recibí {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} debe ser un entero no negativo; recibí {value}")
    return int(value)


def _number(value: object, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, _NUMBER):
        raise TypeError(f"{name} debe ser un número; recibí {type(value).__name__}")


def non_negative(value: object, name: str) -> float:
    """Comprueba que `value` sea un número real finito y no negativo."""
    _number(value, name)
    if not np.isfinite(value) or value < 0:
        raise ValueError(f"{name} debe ser finito y no negativo; recibí {value}")
    return float(value)


def positive_finite(value: object, name: str) -> float:
    """Comprueba que `value` sea un número real finito y positivo (un paso, una tasa)."""
    _number(value, name)
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} debe ser positivo y finito; recibí {value}")
    return float(value)


def finite(value: object, name: str) -> float:
    """Comprueba que `value` sea un número real finito."""
    _number(value, name)
    if not np.isfinite(value):
        raise ValueError(f"{name} debe ser finito; recibí {value}")
    return float(value)


def interval(value: object, name: str) -> tuple[float, float]:
    """Comprueba que `value` sea un par (mínimo, máximo) de números finitos con mínimo < máximo."""
    try:
        low, high = value
    except (TypeError, ValueError):
        raise TypeError(f"{name} debe ser un par (mínimo, máximo); recibí {value!r}") from None
    low, high = finite(low, f"{name}[0]"), finite(high, f"{name}[1]")
    if not low < high:
        raise ValueError(f"{name} debe cumplir mínimo < máximo; recibí {value}")
    return low, high


def to_numpy(value: object, dtype: type | None = float) -> np.ndarray:
    """Convierte números, listas, arreglos o tensores de PyTorch (o listas de tensores)."""
    if hasattr(value, "detach"):
        value = value.detach().cpu().numpy()
    elif isinstance(value, (list, tuple)):  # p. ej. una lista de pérdidas sin `.item()`
        value = [v.detach().cpu().numpy() if hasattr(v, "detach") else v for v in value]
    return np.asarray(value, dtype=dtype)


def as_array(value: object, name: str, dtype: type | None = float) -> np.ndarray:
    """Como `to_numpy`, pero con un error claro si `value` no es numérico."""
    if value is None or isinstance(value, (str, bytes)):
        raise TypeError(
            f"{name} debe ser numérico (número, lista, arreglo o tensor); recibí {value!r}"
        )
    try:
        return to_numpy(value, dtype)
    except (TypeError, ValueError, RuntimeError) as exc:
        raise TypeError(
            f"{name} debe ser numérico (número, lista, arreglo o tensor) y sus filas del mismo "
            f"largo; recibí {type(value).__name__} que no se puede convertir"
        ) from exc


def finite_array(value: object, name: str) -> np.ndarray:
    """Como `as_array`, y además sin nan ni inf."""
    arr = as_array(value, name)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} contiene valores no finitos (nan o inf)")
    return arr


def matrix(X: object, num_columns: int, name: str) -> np.ndarray:
    """Convierte `X` en un arreglo float (n, num_columns) con valores finitos."""
    arr = finite_array(X, name)
    if arr.ndim != 2 or arr.shape[1] != num_columns:
        raise ValueError(f"{name} debe tener forma (n, {num_columns}); recibí {arr.shape}")
    return arr


def same_shape(a: object, b: object, name_a: str, name_b: str) -> tuple[np.ndarray, np.ndarray]:
    """La predicción `a` y el objetivo `b` como arreglos float finitos no vacíos de igual forma."""
    a, b = finite_array(a, name_a), finite_array(b, name_b)
    if a.shape != b.shape:
        raise ValueError(
            f"{name_a} (predicción) e {name_b} (objetivo) deben tener la misma forma; "
            f"{a.shape} != {b.shape}"
        )
    if a.size == 0:
        raise ValueError(f"{name_a} e {name_b} no pueden estar vacíos")
    return a, b


def points_2d(X: object, name: str = "X") -> np.ndarray:
    """Convierte `X` en un arreglo float de forma (n, 2) con valores finitos."""
    arr = finite_array(X, name)
    if arr.ndim != 2 or arr.shape[1] != 2 or arr.shape[0] == 0:
        raise ValueError(f"{name} debe tener forma (n, 2) con n > 0; recibí {arr.shape}")
    return arr


def labels(y: object, n: int, name: str = "y") -> np.ndarray:
    """Convierte `y` en un vector de `n` etiquetas enteras no negativas."""
    arr = as_array(y, name, dtype=None)
    if arr.shape != (n,):
        raise ValueError(f"{name} debe tener forma ({n},); recibí {arr.shape}")
    if arr.dtype.kind not in "iubf":
        got = {"U": "textos", "S": "textos", "O": "objetos (¿hay un None?)"}.get(arr.dtype.kind)
        raise TypeError(
            f"{name} debe contener etiquetas enteras (0, 1, ...); recibí {got or arr.dtype}"
        )
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


def callable_without_arguments(fn: object, name: str) -> Callable:
    """Comprueba que `fn` sea una función que se puede llamar sin argumentos: `fn()`."""
    callable_(fn, name)
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):  # algunas funciones escritas en C no tienen firma
        return fn
    try:
        signature.bind()
    except TypeError:
        raise TypeError(
            f"{name} debe poder llamarse sin argumentos, como `lambda: loss(...)`; "
            f"la que pasaste pide {signature}"
        ) from None
    return fn


def writable_float_array(x: object, name: str) -> np.ndarray:
    """Comprueba que `x` sea un `numpy.ndarray` float que se puede modificar en el lugar."""
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        got = f"un arreglo de {x.dtype}" if isinstance(x, np.ndarray) else type(x).__name__
        raise TypeError(
            f"{name} debe ser un numpy.ndarray de punto flotante (se modifica en el lugar); "
            f"recibí {got}"
        )
    if not x.flags.writeable:
        raise ValueError(f"{name} es de solo lectura y se necesita modificarlo en el lugar")
    return x
