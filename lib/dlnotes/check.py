"""Autoevaluaciones de los ejercicios: dicen al estudiante si su respuesta es correcta y por qué no.

Cada función devuelve un `Result`. En un notebook, ponla en la última línea de la celda y
Jupyter (o Colab) mostrará el mensaje; `bool(result)` dice si la respuesta es correcta.
La solución de referencia nunca está aquí: se compara contra un oráculo independiente
(NumPy, PyTorch) o contra propiedades que la respuesta debe cumplir.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from dlnotes._validate import callable_, finite_array, non_negative, to_numpy


@dataclass(frozen=True)
class Result:
    """Resultado de una autoevaluación: `ok` y un mensaje para el estudiante."""

    ok: bool
    message: str

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        return self.message


def _pass(name: str, detail: str) -> Result:
    return Result(True, f"✅ {name}: correcto. {detail}".rstrip())


def _direction(actual: float, expected: float) -> str:
    """Hacia qué lado se equivoca `actual`, sin decir el valor esperado (es la respuesta)."""
    return "demasiado grande" if actual > expected else "demasiado pequeño"


def _fail(name: str, detail: str) -> Result:
    return Result(False, f"❌ {name}: {detail}")


def close(
    actual: object,
    expected: object,
    *,
    name: str = "respuesta",
    rtol: float = 1e-5,
    atol: float = 1e-8,
) -> Result:
    """Compara un resultado numérico con el esperado, con tolerancia.

    Args:
        actual: lo que calculó el estudiante (número, lista, arreglo o tensor).
        expected: el valor correcto (calculado con un oráculo independiente).
        name: cómo se llama la respuesta en el mensaje.
        rtol: tolerancia relativa.
        atol: tolerancia absoluta.

    Returns:
        Un `Result` que dice si `actual` coincide con `expected` y, si no, dónde y hacia qué
        lado se equivoca, sin mostrar el valor esperado (en un ejercicio es la respuesta).

    Raises:
        TypeError: si `expected` no es numérico o `rtol`/`atol` no son números.
        ValueError: si `expected` tiene nan o inf o `rtol`/`atol` son negativos o no finitos.
    """
    _tolerances(rtol, atol)
    e = finite_array(expected, "expected")
    if actual is None:
        return _fail(name, "es None; ¿olvidaste el `return` o completar la celda?")
    try:
        a = to_numpy(actual)
    except (TypeError, ValueError, RuntimeError) as exc:
        return _fail(name, f"no es numérico ({exc})")
    if a.shape != e.shape:
        return _fail(name, f"tiene forma {a.shape}; se esperaba {e.shape}")
    if not np.all(np.isfinite(a)):
        return _fail(name, "contiene nan o inf")
    bad = ~np.isclose(a, e, rtol=rtol, atol=atol)
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0]) if a.ndim else ()
        where = f" en la posición {idx}" if idx else ""
        # Sin el valor esperado: en un ejercicio, ese valor es la respuesta.
        return _fail(
            name,
            f"{int(bad.sum())} de {max(a.size, 1)} valores no coinciden; "
            f"por ejemplo{where} obtuve {_fmt(a[idx])}, {_direction(a[idx], e[idx])}",
        )
    return _pass(name, "")


def function(
    fn: object,
    oracle: Callable[..., object],
    inputs: Iterable[object],
    *,
    name: str | None = None,
    rtol: float = 1e-5,
    atol: float = 1e-8,
) -> Result:
    """Compara la función del estudiante con un oráculo en varias entradas.

    Args:
        fn: la función del estudiante.
        oracle: una implementación independiente (por ejemplo de NumPy o PyTorch).
        inputs: entradas de prueba; una tupla se pasa como varios argumentos
            (`fn(*x)`), cualquier otra cosa como un solo argumento (`fn(x)`).
        name: cómo se llama la función en el mensaje (por defecto, su `__name__`).
        rtol, atol: tolerancias, como en `close`.

    Returns:
        Un `Result`; si `fn` no es una función, falla o no coincide, dice en qué entrada.

    Raises:
        TypeError: si `oracle` no es una función, `inputs` no es una lista de entradas o
            `rtol`/`atol` no son números.
        ValueError: si `inputs` está vacío o `rtol`/`atol` son negativos o no finitos.
    """
    oracle = callable_(oracle, "oracle")
    _tolerances(rtol, atol)
    inputs = _inputs(inputs)
    if not callable(fn):
        return _fail(name or "función", f"se esperaba una función; recibí {type(fn).__name__}")
    name = name or getattr(fn, "__name__", "función")
    for x in inputs:
        args = x if isinstance(x, tuple) else (x,)
        shown = ", ".join(_fmt(a) for a in args)
        try:
            got = fn(*args)
        except Exception as exc:  # el código del estudiante puede fallar de cualquier forma
            return _fail(name, f"lanzó {type(exc).__name__}: {exc} con la entrada {shown}")
        result = close(got, oracle(*args), name=f"{name}({shown})", rtol=rtol, atol=atol)
        if not result:
            return _fail(name, result.message.removeprefix("❌ "))
    return _pass(name, f"Coincide en {len(inputs)} entradas de prueba.")


def classifies(predict: object, X: object, y: object, *, name: str = "clasificador") -> Result:
    """Comprueba que `predict(X)` devuelva exactamente las etiquetas `y`.

    Args:
        predict: función que recibe `X` (n, d) y devuelve n etiquetas.
        X: entradas.
        y: etiquetas correctas.
        name: cómo se llama el clasificador en el mensaje.

    Returns:
        Un `Result`; si `predict` se equivoca, dice en cuántos ejemplos y muestra uno.

    Raises:
        TypeError: si `X` no es numérico.
        ValueError: si `X` no es (n, d) con n > 0 y valores finitos o si `y` no es (n,).
    """
    X = finite_array(X, "X")
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (len(X),):
        raise ValueError(f"X debe ser (n, d) e y (n,); recibí {X.shape} y {y.shape}")
    if len(X) == 0:
        raise ValueError("X e y no pueden estar vacíos: no hay ejemplos que clasificar")
    if not callable(predict):
        return _fail(name, f"se esperaba una función; recibí {type(predict).__name__}")
    try:
        pred = to_numpy(predict(X), dtype=None)
    except Exception as exc:  # el código del estudiante puede fallar de cualquier forma
        return _fail(name, f"lanzó {type(exc).__name__}: {exc}")
    if pred.shape not in (y.shape, (len(y), 1)):
        return _fail(name, f"devolvió forma {pred.shape}; se esperaban {len(y)} etiquetas")
    wrong = np.flatnonzero(pred.reshape(-1) != y)
    if wrong.size:
        i = wrong[0]
        return _fail(
            name,
            f"se equivoca en {wrong.size} de {len(y)} ejemplos; por ejemplo x = {_fmt(X[i])} "
            f"da {_fmt(pred.reshape(-1)[i])} y debería dar {_fmt(y[i])}",
        )
    return _pass(name, f"Clasifica bien los {len(y)} ejemplos.")


def _tolerances(rtol: object, atol: object) -> None:
    """Las tolerancias son argumentos del autor: si están mal, es una excepción."""
    non_negative(rtol, "rtol")
    non_negative(atol, "atol")


def _inputs(inputs: object) -> list:
    """Las entradas de prueba como lista, o un error si no son una colección de entradas."""
    if isinstance(inputs, (str, bytes, Mapping)) or not isinstance(inputs, Iterable):
        raise TypeError(
            f"inputs debe ser una lista de entradas de prueba; recibí {type(inputs).__name__}"
        )
    inputs = list(inputs)
    if not inputs:
        raise ValueError("inputs no puede estar vacío")
    return inputs


def _fmt(value: object, *, max_elements: int = 12) -> str:
    """Formatea un número o un arreglo pequeño con 4 cifras; de uno grande, solo su forma."""
    arr = np.asarray(value)
    if arr.dtype.kind not in "fciub":
        return repr(value)
    if arr.ndim == 0:
        return f"{arr.item():.4g}"
    if arr.size > max_elements:
        return f"un arreglo de forma {arr.shape}"
    return np.array2string(arr, precision=4, separator=", ")
