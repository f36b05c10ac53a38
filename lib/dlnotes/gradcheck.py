"""Comprobación de gradientes por diferencias finitas centrales (para el backward propio)."""

from collections.abc import Callable, Mapping

import numpy as np

from dlnotes._validate import (
    callable_without_arguments,
    non_negative,
    positive_finite,
    to_numpy,
    writable_float_array,
)
from dlnotes.check import Result, _direction


def numerical_gradient(f: Callable[[], float], x: np.ndarray, *, eps: float = 1e-6) -> np.ndarray:
    """Gradiente de `f()` respecto de `x` por diferencias centrales (mueve `x` y lo restaura).

    Args:
        f: función sin argumentos que devuelve la pérdida usando el valor actual de `x`.
        x: arreglo float de parámetros; se modifica en el lugar durante el cálculo.
        eps: paso de las diferencias finitas.

    Returns:
        Un arreglo con la forma de `x`: la derivada aproximada de `f()` respecto de cada entrada.

    Raises:
        TypeError: si `f` no es una función sin argumentos, si `x` no es un `numpy.ndarray`
            float, si `eps` no es un número o si `f()` no devuelve un número.
        ValueError: si `eps` no es positivo y finito, si `x` es de solo lectura o si `f()`
            devuelve más de un número, nan o inf.
    """
    callable_without_arguments(f, "f")
    writable_float_array(x, "x")
    positive_finite(eps, "eps")
    return _differences(f, x, eps, "f")


def _differences(f: Callable[[], float], x: np.ndarray, eps: float, name: str) -> np.ndarray:
    """Diferencias centrales entrada por entrada; `x` vuelve a su valor aunque `f` falle."""
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        original = x[idx]
        try:
            x[idx] = original + eps
            plus = _scalar(f(), name)
            x[idx] = original - eps
            minus = _scalar(f(), name)
        finally:
            x[idx] = original
        grad[idx] = (plus - minus) / (2 * eps)
    return grad


def check_gradients(
    loss_fn: Callable[[], float],
    params: Mapping[str, np.ndarray],
    grads: Mapping[str, object],
    *,
    eps: float = 1e-6,
    tol: float = 1e-5,
    atol: float = 1e-8,
) -> Result:
    """Compara tus gradientes con diferencias finitas y dice cuál parámetro está mal.

    Args:
        loss_fn: función sin argumentos que calcula la pérdida con los valores actuales de
            `params` (por ejemplo `lambda: loss(forward(X, params), y)`).
        params: nombre -> arreglo float de cada parámetro (se mueven y se restauran).
        grads: nombre -> tu gradiente de la pérdida respecto de ese parámetro.
        eps: paso de las diferencias finitas.
        tol: máximo error relativo aceptado, `abs(g - g_num) / max(abs(g) + abs(g_num), 1e-8)`.
        atol: diferencias absolutas menores que esto se aceptan siempre (con gradientes
            diminutos, el error relativo de las diferencias finitas no dice nada).

    Returns:
        Un `Result`; si falta, sobra o está mal un gradiente, dice cuál y en qué entrada.

    Raises:
        TypeError: si `loss_fn` no es una función sin argumentos o no devuelve un número, si
            `params` o `grads` no son diccionarios, si un valor de `params` no es un
            `numpy.ndarray` float o si `eps`, `tol` o `atol` no son números.
        ValueError: si `params` está vacío o tiene un arreglo de solo lectura, si `eps` no es
            positivo y finito, si `tol` o `atol` son negativos o no finitos o si `loss_fn`
            devuelve más de un número, nan o inf.
    """
    _check_arguments(loss_fn, params, grads, eps=eps, tol=tol, atol=atol)
    if set(params) != set(grads):
        missing = sorted(set(params) - set(grads), key=str)
        extra = sorted(set(grads) - set(params), key=str)
        return Result(False, f"❌ gradientes: faltan {missing}, sobran {extra}")
    worst = []
    for name, x in params.items():
        g = _student_gradient(name, grads[name], x.shape)
        if isinstance(g, Result):
            return g
        g_num = _differences(loss_fn, x, eps, "loss_fn")
        diff = np.abs(g - g_num)
        rel = np.where(diff > atol, diff / np.maximum(np.abs(g) + np.abs(g_num), 1e-8), 0.0)
        idx = np.unravel_index(np.argmax(rel), rel.shape) if rel.size else ()
        worst.append((float(rel.max(initial=0.0)), name, idx, g, g_num))
    return _verdict(worst, tol)


def _check_arguments(
    loss_fn: object, params: object, grads: object, *, eps: object, tol: object, atol: object
) -> None:
    """Errores de uso de `check_gradients` (no de tus gradientes): lanzan una excepción."""
    callable_without_arguments(loss_fn, "loss_fn")
    for arg, value in (("params", params), ("grads", grads)):
        if not isinstance(value, Mapping):
            raise TypeError(
                f"{arg} debe ser un diccionario (Mapping) nombre -> arreglo float de NumPy, "
                f"como {{'W1': W1, 'b1': b1}} (de una lista: dict(zip(nombres, lista))); "
                f"recibí {type(value).__name__}"
            )
    if not params:
        raise ValueError("params no puede estar vacío: no hay ningún gradiente que comprobar")
    for name, x in params.items():
        writable_float_array(x, f"params[{name!r}]")
    positive_finite(eps, "eps")
    non_negative(tol, "tol")
    non_negative(atol, "atol")


def _student_gradient(name: object, value: object, shape: tuple) -> np.ndarray | Result:
    """Tu gradiente como arreglo float, o un `Result` que explica por qué no sirve."""
    if value is None:
        return Result(False, f"❌ gradientes: el de {name!r} es None")
    try:
        g = to_numpy(value)
    except (TypeError, ValueError, RuntimeError) as exc:
        return Result(False, f"❌ gradientes: el de {name!r} no es numérico ({exc})")
    if g.shape != shape:
        return Result(
            False,
            f"❌ gradientes: {name!r} tiene forma {g.shape}; el parámetro tiene forma {shape}",
        )
    if not np.all(np.isfinite(g)):
        return Result(False, f"❌ gradientes: el de {name!r} contiene nan o inf")
    return g


def _verdict(worst: list[tuple], tol: float) -> Result:
    """El mensaje final: correctos, o cuáles están mal y la peor entrada."""
    bad = [w for w in worst if w[0] > tol]
    if not bad:
        names = ", ".join(str(w[1]) for w in worst)
        return Result(True, f"✅ gradientes: correctos (error relativo < {tol:g} en {names}).")
    rel, name, idx, g, g_num = max(bad, key=lambda w: w[0])
    where = f"[{', '.join(map(str, idx))}]" if idx else ""
    names = ", ".join(repr(w[1]) for w in bad)
    # Sin el valor de las diferencias finitas: en un ejercicio, ese valor es la respuesta.
    return Result(
        False,
        f"❌ gradientes: mal en {names}. Peor: {name}{where}: tu valor "
        f"{g[idx]:.4g} es {_direction(g[idx], g_num[idx])} (error relativo {rel:.1e})",
    )


def _scalar(value: object, name: str) -> float:
    """La pérdida que devolvió `name` como float; un error claro si no es un número finito."""
    got = "None; ¿olvidaste el `return`?" if value is None else type(value).__name__
    try:
        arr = to_numpy(value, dtype=None)
    except (TypeError, ValueError, RuntimeError):
        arr = np.asarray(None)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{name} debe devolver un número; devolvió {got}")
    if arr.size != 1:
        raise ValueError(
            f"{name} debe devolver un número; devolvió un arreglo de forma {arr.shape}"
        )
    value = float(arr.reshape(()))
    if not np.isfinite(value):
        raise ValueError(f"{name} devolvió un valor no finito (nan o inf)")
    return value
