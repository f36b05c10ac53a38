"""Comprobación de gradientes por diferencias finitas centrales (para el backward propio)."""

from collections.abc import Callable, Mapping

import numpy as np

from dlnotes.check import Result


def numerical_gradient(f: Callable[[], float], x: np.ndarray, *, eps: float = 1e-6) -> np.ndarray:
    """Gradiente de `f()` respecto de `x` por diferencias centrales (mueve `x` y lo restaura).

    Args:
        f: función sin argumentos que devuelve la pérdida usando el valor actual de `x`.
        x: arreglo float de parámetros; se modifica en el lugar durante el cálculo.
        eps: paso de las diferencias finitas.
    """
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise TypeError("x debe ser un numpy.ndarray de punto flotante (se modifica en el lugar)")
    if not eps > 0:
        raise ValueError(f"eps debe ser positivo; recibí {eps}")
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        original = x[idx]
        x[idx] = original + eps
        plus = _scalar(f())
        x[idx] = original - eps
        minus = _scalar(f())
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
    """
    if set(params) != set(grads):
        missing, extra = sorted(set(params) - set(grads)), sorted(set(grads) - set(params))
        return Result(False, f"❌ gradientes: faltan {missing}, sobran {extra}")
    worst = []
    for name, x in params.items():
        if grads[name] is None:
            return Result(False, f"❌ gradientes: el de {name!r} es None")
        g = np.asarray(grads[name], dtype=float)
        if g.shape != np.shape(x):
            return Result(
                False,
                f"❌ gradientes: {name!r} tiene forma {g.shape}; "
                f"el parámetro tiene forma {np.shape(x)}",
            )
        g_num = numerical_gradient(loss_fn, x, eps=eps)
        diff = np.abs(g - g_num)
        rel = np.where(diff > atol, diff / np.maximum(np.abs(g) + np.abs(g_num), 1e-8), 0.0)
        idx = np.unravel_index(np.argmax(rel), rel.shape) if rel.size else ()
        worst.append((float(rel.max(initial=0.0)), name, idx, g, g_num))
    bad = [w for w in worst if w[0] > tol]
    if not bad:
        return Result(
            True, f"✅ gradientes: correctos (error relativo < {tol:g} en {_names_of(worst)})."
        )
    rel, name, idx, g, g_num = max(bad, key=lambda w: w[0])
    where = f"[{', '.join(map(str, idx))}]" if idx else ""
    names = ", ".join(repr(w[1]) for w in bad)
    return Result(
        False,
        f"❌ gradientes: mal en {names}. Peor: {name}{where}: tu valor "
        f"{g[idx]:.4g}, diferencias finitas {g_num[idx]:.4g} "
        f"(error relativo {rel:.1e})",
    )


def _names_of(worst: list[tuple]) -> str:
    """Nombres de los parámetros comprobados, para el mensaje."""
    return ", ".join(w[1] for w in worst) or "ningún parámetro"


def _scalar(value: object) -> float:
    value = float(np.asarray(value))
    if not np.isfinite(value):
        raise ValueError("loss_fn devolvió un valor no finito (nan o inf)")
    return value
