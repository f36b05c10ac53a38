"""Datos de secuencias y una figura para el capítulo 18 («Redes recurrentes»).

Lo que el estudiante debe aprender (la recurrencia, la red, el bucle de entrenamiento, el
pronóstico recursivo) está escrito en el notebook; aquí solo quedan los generadores de datos
con semilla (la serie de dos senos del curso de la FIUBA y una tarea de memoria larga), el
corte en ventanas y el dibujo de un pronóstico.
"""

import numpy as np
from matplotlib.axes import Axes

from dlnotes._validate import as_array, as_rng, finite_array, non_negative, positive_int
from dlnotes.plots import _axes


def two_sine_series(
    n_series: int,
    *,
    length: int = 50,
    noise: float = 0.0,
    rng: np.random.Generator | int,
) -> np.ndarray:
    """Series de tiempo: cada una es la suma de dos senos con frecuencias y fases al azar.

    En los instantes t de `length` puntos equiespaciados en [0, 1], la serie vale
    0.5 sin(w1 (t - p1)) + 0.2 sin(w2 (t - p2)) más ruido uniforme en [-noise/2, noise/2],
    con w1 en [10, 20), w2 en [20, 40) y las fases p1, p2 en [0, 1), sorteadas para cada serie.

    Args:
        n_series: cuántas series generar.
        length: pasos de cada serie.
        noise: ancho del ruido uniforme (0 = sin ruido).
        rng: semilla entera o `numpy.random.Generator`.

    Returns:
        Un arreglo float64 de forma (n_series, length).

    Raises:
        TypeError: si `n_series`/`length` no son enteros, `noise` no es un número o `rng`
            no es una semilla ni un generador.
        ValueError: si `n_series` o `length` no son positivos o `noise` es negativo.
    """
    n_series = positive_int(n_series, "n_series")
    length = positive_int(length, "length")
    noise = non_negative(noise, "noise")
    rng = as_rng(rng)
    freq1, freq2, phase1, phase2 = rng.random((4, n_series, 1))
    t = np.linspace(0.0, 1.0, length)
    series = 0.5 * np.sin((t - phase1) * (10 + 10 * freq1))
    series += 0.2 * np.sin((t - phase2) * (20 + 20 * freq2))
    return series + noise * (rng.random((n_series, length)) - 0.5)


def make_windows(series: object, *, input_len: int, horizon: int) -> tuple[np.ndarray, np.ndarray]:
    """Corta cada serie en una ventana de entrada y los `horizon` valores que le siguen.

    Args:
        series: arreglo (n, length) de series.
        input_len: pasos de la ventana de entrada (los primeros de cada serie).
        horizon: pasos a predecir después de la ventana (1 = el siguiente).

    Returns:
        `(X, Y)`: `X` de forma (n, input_len) y `Y` de forma (n, horizon), con
        `Y[i, k] = series[i, input_len + k]`.

    Raises:
        TypeError: si `series` no es numérico o `input_len`/`horizon` no son enteros.
        ValueError: si `series` no es (n, length) con valores finitos o si
            `input_len + horizon > length`.
    """
    series = finite_array(series, "series")
    if series.ndim != 2 or series.shape[0] == 0:
        raise ValueError(f"series debe tener forma (n, length) con n > 0; recibí {series.shape}")
    input_len = positive_int(input_len, "input_len")
    horizon = positive_int(horizon, "horizon")
    if input_len + horizon > series.shape[1]:
        raise ValueError(
            f"input_len + horizon = {input_len + horizon} no cabe en series de "
            f"{series.shape[1]} pasos"
        )
    return series[:, :input_len].copy(), series[:, input_len : input_len + horizon].copy()


def recall_task(
    n: int, *, length: int, num_symbols: int = 4, rng: np.random.Generator | int
) -> tuple[np.ndarray, np.ndarray]:
    """Tarea de memoria larga: recordar el primer símbolo después de `length - 1` pasos de ruido.

    Cada secuencia tiene `length` pasos de `2 * num_symbols` canales. En el paso 0 llega el
    símbolo a recordar, en codificación one-hot en los primeros `num_symbols` canales; en los
    pasos siguientes llegan símbolos distractores sorteados al azar, one-hot en los últimos
    `num_symbols` canales. La etiqueta es el primer símbolo: el ruido no dice nada de ella, así
    que el azar acierta `1 / num_symbols`.

    Args:
        n: cuántas secuencias.
        length: pasos de cada secuencia (incluido el primero); al menos 2.
        num_symbols: cuántos símbolos distintos (al menos 2).
        rng: semilla entera o `numpy.random.Generator`.

    Returns:
        `(X, y)`: `X` float64 de forma (n, length, 2 * num_symbols) e `y` enteros de forma (n,).

    Raises:
        TypeError: si `n`, `length` o `num_symbols` no son enteros, o `rng` no es una
            semilla ni un generador.
        ValueError: si no son positivos, `length < 2` o `num_symbols < 2`.
    """
    n = positive_int(n, "n")
    length = positive_int(length, "length")
    num_symbols = positive_int(num_symbols, "num_symbols")
    if length < 2 or num_symbols < 2:
        raise ValueError(
            f"length y num_symbols deben ser al menos 2; recibí {length} y {num_symbols}"
        )
    rng = as_rng(rng)
    y = rng.integers(num_symbols, size=n)
    noise = rng.integers(num_symbols, size=(n, length - 1))
    X = np.zeros((n, length, 2 * num_symbols))
    X[np.arange(n), 0, y] = 1.0
    rows, steps = np.meshgrid(np.arange(n), np.arange(1, length), indexing="ij")
    X[rows, steps, num_symbols + noise] = 1.0
    return X, y


def plot_forecast(
    history: object,
    target: object,
    forecasts: dict[str, object] | None = None,
    *,
    ax: Axes | None = None,
) -> Axes:
    """Dibuja una serie (la ventana de entrada), los valores que siguen y uno o más pronósticos.

    Args:
        history: los `input_len` valores de la ventana de entrada (vector).
        target: los `horizon` valores verdaderos que siguen (vector).
        forecasts: nombre -> vector de `horizon` valores predichos (opcional).
        ax: ejes donde dibujar (por defecto, los de una figura nueva).

    Returns:
        Los ejes, con una línea por la historia, una por el objetivo y una por pronóstico.

    Raises:
        TypeError: si algún argumento no es numérico o `forecasts` no es un diccionario.
        ValueError: si no son vectores o un pronóstico no tiene el largo de `target`.
    """
    history = as_array(history, "history")
    target = as_array(target, "target")
    if history.ndim != 1 or target.ndim != 1 or history.size == 0 or target.size == 0:
        raise ValueError(
            f"history y target deben ser vectores no vacíos; recibí {history.shape} y "
            f"{target.shape}"
        )
    if forecasts is not None and not isinstance(forecasts, dict):
        raise TypeError(f"forecasts debe ser un diccionario; recibí {type(forecasts).__name__}")
    ax = _axes(ax)
    steps = np.arange(history.size + target.size)
    ax.plot(steps[: history.size], history, "k.-", label="entrada")
    ax.plot(steps[history.size :], target, "o-", color="tab:green", label="valor real")
    colors = ["tab:blue", "tab:orange", "tab:red", "tab:purple", "tab:brown", "tab:pink"]
    for k, (name, values) in enumerate((forecasts or {}).items()):
        values = as_array(values, f"forecasts[{name!r}]")
        if values.shape != target.shape:
            raise ValueError(
                f"forecasts[{name!r}] debe tener forma {target.shape}; recibí {values.shape}"
            )
        ax.plot(steps[history.size :], values, "x--", color=colors[k % len(colors)], label=name)
    ax.set(xlabel="paso $t$", ylabel="valor de la serie")
    ax.legend()
    return ax
