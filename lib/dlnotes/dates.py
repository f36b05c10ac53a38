"""Fechas escritas en español y su forma ISO: la tarea de traducción de los capítulos 19 y 20.

Cada ejemplo es un par (fuente, objetivo): la fuente es una fecha escrita de una de varias
maneras, de 8 a más de 40 caracteres,

    "3 de marzo de 2024", "tres de marzo de dos mil veinticuatro", "03/03/2024", "3 mar. 2024"

y el objetivo es siempre la fecha ISO de 10 caracteres, "2024-03-03". La tarea se genera (nada
se descarga), tiene una única respuesta correcta por fuente y obliga al modelo a alinear: el día
de la salida viene del día de la entrada, el mes del mes, el año del año.

Uso:

    splits = date_splits(train=4000, val=500, test=1000, seed=0)
    vocab = CharVocab()
    src, src_len = vocab.encode([s for s, _ in splits["train"]])
"""

import datetime

import numpy as np
import torch
from matplotlib.axes import Axes

from ._validate import as_rng, positive_int
from .plots import _axes

MONTHS = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
_UNITS = [
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
]
_TENS = {
    3: "treinta",
    4: "cuarenta",
    5: "cincuenta",
    6: "sesenta",
    7: "setenta",
    8: "ochenta",
    9: "noventa",
}

FIRST_YEAR, LAST_YEAR = 1950, 2049


def number_to_words(n: int) -> str:
    """Un número entero de 0 a 2099 escrito en palabras, en español: 1984 → "mil novecientos
    ochenta y cuatro"."""
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        raise TypeError(f"n debe ser un entero, no {type(n).__name__}")
    n = int(n)
    if not 0 <= n <= 2099:
        raise ValueError(f"n debe estar entre 0 y 2099, no {n}")
    if n < 30:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (f" y {_UNITS[unit]}" if unit else "")
    if n < 1000:
        raise ValueError(f"las centenas sueltas no se usan en las fechas: {n}")
    thousands, rest = divmod(n, 1000)
    head = "mil" if thousands == 1 else "dos mil"
    if rest == 0:
        return head
    if rest >= 100:
        if rest // 100 != 9:
            raise ValueError(f"solo se escriben los años de 1900 a 2099, no {n}")
        head += " novecientos"
        rest -= 900
        if rest == 0:
            return head
    return f"{head} {number_to_words(rest)}"


def _formats(date: datetime.date) -> list[str]:
    d, m, y = date.day, date.month, date.year
    month = MONTHS[m - 1]
    return [
        f"{d} de {month} de {y}",
        f"{number_to_words(d)} de {month} de {number_to_words(y)}",
        f"{d} de {month} de {number_to_words(y)}",
        f"{d:02d}/{m:02d}/{y}",
        f"{d} {month[:3]}. {y}",
        f"{number_to_words(d)} de {month} del {y}",
    ]


#: Cuántas maneras de escribir una fecha hay (el índice de formato va de 0 a NUM_FORMATS - 1).
NUM_FORMATS = len(_formats(datetime.date(2000, 1, 1)))


def write_date(date: datetime.date, fmt: int) -> str:
    """La fecha escrita con el formato número `fmt` (de 0 a NUM_FORMATS - 1)."""
    if not isinstance(date, datetime.date):
        raise TypeError(f"date debe ser un datetime.date, no {type(date).__name__}")
    if not FIRST_YEAR <= date.year <= LAST_YEAR:
        raise ValueError(f"el año debe estar entre {FIRST_YEAR} y {LAST_YEAR}, no {date.year}")
    if isinstance(fmt, bool) or not isinstance(fmt, (int, np.integer)):
        raise TypeError(f"fmt debe ser un entero, no {type(fmt).__name__}")
    if not 0 <= fmt < NUM_FORMATS:
        raise ValueError(f"fmt debe estar entre 0 y {NUM_FORMATS - 1}, no {fmt}")
    return _formats(date)[int(fmt)]


def make_date_pairs(n: int, *, seed: int | np.random.Generator) -> list[tuple[str, str]]:
    """`n` pares (fecha escrita, fecha ISO) distintos, con fechas uniformes entre 1950 y 2049 y
    formatos uniformes. Dos pares nunca tienen la misma fuente."""
    n = positive_int(n, "n")
    rng = as_rng(seed)
    first = datetime.date(FIRST_YEAR, 1, 1).toordinal()
    days = datetime.date(LAST_YEAR, 12, 31).toordinal() - first + 1
    if n > days * NUM_FORMATS:
        raise ValueError(f"solo hay {days * NUM_FORMATS} pares distintos; se pidieron {n}")
    codes = rng.choice(days * NUM_FORMATS, size=n, replace=False)
    pairs = []
    for code in codes:
        day, fmt = divmod(int(code), NUM_FORMATS)
        date = datetime.date.fromordinal(first + day)
        pairs.append((write_date(date, fmt), date.isoformat()))
    return pairs


def date_splits(*, train: int, val: int, test: int, seed: int = 0) -> dict:
    """Particiones disjuntas de pares: {"train": [...], "val": [...], "test": [...]}.

    Ninguna fecha (día del calendario) aparece en dos particiones, en ningún formato: la prueba
    mide fechas que el modelo nunca vio.
    """
    sizes = {k: positive_int(v, k) for k, v in (("train", train), ("val", val), ("test", test))}
    rng = as_rng(seed)
    first = datetime.date(FIRST_YEAR, 1, 1).toordinal()
    days = datetime.date(LAST_YEAR, 12, 31).toordinal() - first + 1
    total = sum(sizes.values())
    if total > days:
        raise ValueError(f"solo hay {days} fechas distintas; se pidieron {total}")
    chosen = rng.choice(days, size=total, replace=False)
    formats = rng.integers(0, NUM_FORMATS, size=total)
    out, start = {}, 0
    for name, size in sizes.items():
        pairs = []
        for day, fmt in zip(
            chosen[start : start + size], formats[start : start + size], strict=True
        ):
            date = datetime.date.fromordinal(first + int(day))
            pairs.append((write_date(date, int(fmt)), date.isoformat()))
        out[name] = pairs
        start += size
    return out


class CharVocab:
    """Vocabulario de caracteres de la tarea, con tres símbolos especiales.

    Índices: 0 = relleno (PAD), 1 = inicio (SOS), 2 = fin (EOS); luego los caracteres que
    pueden aparecer en una fuente o un objetivo, en orden fijo (el mismo en cualquier máquina).
    """

    PAD, SOS, EOS = 0, 1, 2

    def __init__(self) -> None:
        chars = set("0123456789-/. ")
        words = MONTHS + _UNITS + list(_TENS.values()) + ["de", "del", "y", "mil", "novecientos"]
        for word in words:
            chars |= set(word)
        self.chars = sorted(chars)
        self.index = {c: i + 3 for i, c in enumerate(self.chars)}

    def __len__(self) -> int:
        return len(self.chars) + 3

    def encode(self, strings: object, *, sos: bool = False, eos: bool = True) -> tuple:
        """Codifica una lista de textos en un tensor (N, L) de índices rellenado con PAD, y sus
        largos (N,) contando SOS y EOS si se agregan."""
        if isinstance(strings, str) or not isinstance(strings, (list, tuple)):
            raise TypeError("strings debe ser una lista de textos")
        if not strings:
            raise ValueError("strings está vacía")
        rows = []
        for s in strings:
            if not isinstance(s, str):
                raise TypeError(f"cada elemento debe ser un texto, no {type(s).__name__}")
            unknown = sorted(set(s) - set(self.index))
            if unknown:
                raise ValueError(f"caracteres fuera del vocabulario en {s!r}: {unknown}")
            rows.append([self.SOS] * sos + [self.index[c] for c in s] + [self.EOS] * eos)
        lengths = torch.tensor([len(r) for r in rows])
        out = torch.full((len(rows), int(lengths.max())), self.PAD, dtype=torch.long)
        for i, r in enumerate(rows):
            out[i, : len(r)] = torch.tensor(r, dtype=torch.long)
        return out, lengths

    def decode(self, ids: object) -> str:
        """El texto de una fila de índices: ignora SOS y PAD y se detiene en el primer EOS."""
        if isinstance(ids, torch.Tensor):
            ids = ids.tolist()
        if not isinstance(ids, (list, tuple, np.ndarray)):
            raise TypeError("ids debe ser una fila de índices (lista o tensor 1-D)")
        chars = []
        for i in ids:
            i = int(i)
            if i == self.EOS:
                break
            if i in (self.PAD, self.SOS):
                continue
            if not 3 <= i < len(self):
                raise ValueError(f"índice {i} fuera del vocabulario (0 a {len(self) - 1})")
            chars.append(self.chars[i - 3])
        return "".join(chars)


def plot_attention(weights: object, source: str, target: str, *, ax: Axes | None = None) -> Axes:
    """Dibuja una matriz de atención: fila i = carácter i de la salida, columna j = carácter j
    de la entrada; el color es el peso que la salida i da a la entrada j."""
    w = weights.detach().cpu().numpy() if isinstance(weights, torch.Tensor) else weights
    w = np.asarray(w, dtype=float)
    if not isinstance(source, str) or not isinstance(target, str):
        raise TypeError("source y target deben ser textos")
    if w.ndim != 2 or w.shape[0] < len(target) or w.shape[1] < len(source):
        raise ValueError(
            f"weights debe ser una matriz de al menos {len(target)}×{len(source)}, no {w.shape}"
        )
    ax = _axes(ax)
    w = w[: len(target), : len(source)]
    ax.imshow(w, cmap="Greys", vmin=0, vmax=max(w.max(), 1e-12), aspect="auto")
    ax.set_xticks(range(len(source)), list(source), fontsize=7)
    ax.set_yticks(range(len(target)), list(target), fontsize=7)
    ax.set_xlabel("entrada (carácter)")
    ax.set_ylabel("salida (carácter)")
    return ax
