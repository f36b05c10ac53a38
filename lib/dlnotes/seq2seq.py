"""Ayudas para el encoder–decoder de fechas del capítulo 19: tensores, mini-batches, tramos.

Lo que el capítulo enseña (el modelo, la atención, la decodificación voraz, las métricas) está
escrito en el notebook; aquí solo queda lo que no es la lección:

    src, src_len, tgt = encode_pairs(splits["train"], vocab)
    for idx in epoch_batches(len(src), 32, generator=torch.Generator().manual_seed(0)): ...
    date_spans("3 de marzo de 2024")  # {"day": (0, 1), "month": (5, 10), "year": (14, 18)}
"""

import re

import numpy as np
import torch
from matplotlib.axes import Axes

from ._validate import as_array, positive_int
from .dates import CharVocab
from .plots import _axes

#: Dónde está cada parte en la fecha ISO de la salida, "2024-03-03": [inicio, fin).
ISO_SPANS = {"year": (0, 4), "month": (5, 7), "day": (8, 10)}

_WRITTEN = re.compile(r"^(.+) de (\S+) (?:de|del) (.+)$")
_SHORT = re.compile(r"^(\d+) (\S+\.) (\d{4})$")
_NUMERIC = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")


def encode_pairs(pairs: object, vocab: CharVocab) -> tuple[torch.Tensor, ...]:
    """Los pares (fuente, ISO) como tensores: fuentes con EOS y objetivos de largo fijo.

    Args:
        pairs: lista de pares (texto fuente, fecha ISO), como los de `date_splits`.
        vocab: el `CharVocab` de la tarea.

    Returns:
        `(src, src_len, tgt)`: `src` (N, L) con EOS al final de cada fuente y relleno PAD,
        `src_len` (N,) contando el EOS, y `tgt` (N, 10) sin SOS ni EOS (toda fecha ISO tiene 10
        caracteres, así que el decodificador da siempre 10 pasos).

    Raises:
        TypeError: si `pairs` no es una lista de pares de textos o `vocab` no es un `CharVocab`.
        ValueError: si `pairs` está vacía o algún objetivo no tiene 10 caracteres.
    """
    if not isinstance(vocab, CharVocab):
        raise TypeError(f"vocab debe ser un CharVocab; recibí {type(vocab).__name__}")
    if not isinstance(pairs, (list, tuple)):
        raise TypeError(f"pairs debe ser una lista de pares (fuente, ISO); recibí {type(pairs)}")
    if not pairs:
        raise ValueError("pairs está vacía")
    for p in pairs:
        if not (
            isinstance(p, (list, tuple)) and len(p) == 2 and all(isinstance(s, str) for s in p)
        ):
            raise TypeError(f"cada elemento de pairs debe ser un par de textos; recibí {p!r}")
        if len(p[1]) != 10:
            raise ValueError(
                f"el objetivo debe ser una fecha ISO de 10 caracteres; recibí {p[1]!r}"
            )
    src, src_len = vocab.encode([s for s, _ in pairs], eos=True)
    tgt, _ = vocab.encode([t for _, t in pairs], sos=False, eos=False)
    return src, src_len, tgt


def epoch_batches(n: int, batch_size: int, *, generator: torch.Generator) -> list[torch.Tensor]:
    """Los índices de los mini-batches de una época, en un orden que fija `generator`.

    Args:
        n: número de ejemplos.
        batch_size: ejemplos por mini-batch (el último puede ser más pequeño).
        generator: un `torch.Generator` con semilla; cada llamada avanza su estado, así que
            cada época recibe una permutación nueva, la misma en cualquier máquina.

    Returns:
        Una lista de tensores de índices que cubren 0..n-1 una vez cada uno.

    Raises:
        TypeError: si `n` o `batch_size` no son enteros o `generator` no es un `torch.Generator`.
        ValueError: si `n` o `batch_size` no son positivos.
    """
    n = positive_int(n, "n")
    batch_size = positive_int(batch_size, "batch_size")
    if not isinstance(generator, torch.Generator):
        raise TypeError(f"generator debe ser un torch.Generator; recibí {type(generator).__name__}")
    perm = torch.randperm(n, generator=generator)
    return list(perm.split(batch_size))


def date_spans(source: str) -> dict[str, tuple[int, int]]:
    """Dónde están el día, el mes y el año dentro de una fecha escrita: [inicio, fin).

    Reconoce los formatos de `dlnotes.dates`: "3 de marzo de 2024", "tres de marzo del 2024",
    "03/03/2024" y "3 mar. 2024" (y sus variantes con palabras).

    Raises:
        TypeError: si `source` no es un texto.
        ValueError: si `source` no tiene ninguno de esos formatos.
    """
    if not isinstance(source, str):
        raise TypeError(f"source debe ser un texto; recibí {type(source).__name__}")
    match = _NUMERIC.match(source) or _SHORT.match(source) or _WRITTEN.match(source)
    if match is None:
        raise ValueError(f"{source!r} no es una fecha con un formato conocido")
    return {name: match.span(i + 1) for i, name in enumerate(["day", "month", "year"])}


def accuracy_by_length(
    correct: object, lengths: object, edges: object
) -> tuple[np.ndarray, np.ndarray]:
    """La fracción de aciertos en cada tramo de largo de la fuente.

    Args:
        correct: un acierto (1/0 o True/False) por ejemplo, 1-D.
        lengths: el largo de la fuente de cada ejemplo, 1-D, del mismo tamaño.
        edges: bordes crecientes de los tramos; el tramo k es `edges[k] <= largo < edges[k+1]`.

    Returns:
        `(accuracy, counts)`: la media de `correct` y el número de ejemplos en cada tramo (nan
        en un tramo vacío).

    Raises:
        TypeError: si algún argumento no es numérico.
        ValueError: si las formas no coinciden, `edges` no es creciente con al menos 2 bordes o
            algún largo queda fuera de los tramos.
    """
    c = as_array(correct, "correct")
    n = as_array(lengths, "lengths")
    e = as_array(edges, "edges")
    if c.ndim != 1 or c.shape != n.shape or c.size == 0:
        raise ValueError(f"correct y lengths deben ser 1-D del mismo tamaño; {c.shape}, {n.shape}")
    if e.ndim != 1 or e.size < 2 or not np.all(np.diff(e) > 0):
        raise ValueError("edges debe ser una lista creciente de al menos 2 bordes")
    if n.min() < e[0] or n.max() >= e[-1]:
        raise ValueError(f"hay largos fuera de los tramos [{e[0]:g}, {e[-1]:g})")
    bucket = np.searchsorted(e, n, side="right") - 1
    counts = np.bincount(bucket, minlength=e.size - 1)
    sums = np.bincount(bucket, weights=c, minlength=e.size - 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return sums / counts, counts


def plot_accuracy_by_length(
    edges: object, curves: dict, *, ylabel: str = "exactitud", ax: Axes | None = None
) -> Axes:
    """Dibuja la exactitud por tramo de largo: la media de las semillas y su rango (mín.–máx.).

    Args:
        edges: los bordes de los tramos, como en `accuracy_by_length`.
        curves: nombre → arreglo (semillas, tramos) de exactitudes.
        ylabel: el rótulo del eje vertical.
        ax: los ejes donde dibujar (si es None, los actuales).

    Returns:
        Los ejes, con una línea por curva.

    Raises:
        TypeError: si `curves` no es un diccionario o algún valor no es numérico.
        ValueError: si alguna curva no tiene forma (semillas, len(edges) - 1).
    """
    e = as_array(edges, "edges")
    if e.ndim != 1 or e.size < 2:
        raise ValueError("edges debe tener al menos 2 bordes")
    if not isinstance(curves, dict) or not curves:
        raise TypeError("curves debe ser un diccionario no vacío nombre → (semillas, tramos)")
    ax = _axes(ax)
    x = np.arange(e.size - 1)
    for name, values in curves.items():
        v = as_array(values, f"curves[{name!r}]")
        if v.ndim != 2 or v.shape[1] != e.size - 1:
            raise ValueError(f"curves[{name!r}] debe ser (semillas, {e.size - 1}); es {v.shape}")
        (line,) = ax.plot(x, v.mean(0), marker="o", label=name)
        ax.fill_between(x, v.min(0), v.max(0), color=line.get_color(), alpha=0.2)
    ax.set_xticks(x, [f"{e[k]:g}–{e[k + 1] - 1:g}" for k in x])
    ax.set_xlabel("largo de la fuente (caracteres)")
    ax.set_ylabel(ylabel)
    ax.set_ylim(-0.02, 1.02)
    ax.legend()
    return ax
