"""Ayudas para entrenar con datos tabulares: cargador con semilla, resúmenes y figuras.

Se usan en el capítulo 13 («PyTorch en la práctica»). Lo que el estudiante debe aprender (el
`Dataset`, el modelo, el bucle de entrenamiento, las métricas) está escrito en el notebook; aquí
solo queda lo repetitivo: crear un `DataLoader` reproducible, resumir varias semillas como
«media ± desviación» y dibujar una matriz de confusión o una curva ROC.
"""

import numpy as np
import torch
from matplotlib.axes import Axes
from torch.utils.data import DataLoader

from dlnotes._validate import as_array, finite_array, positive_int, seed_value
from dlnotes.plots import _axes


def seeded_loader(
    dataset: object,
    *,
    batch_size: int,
    seed: int,
    shuffle: bool = True,
    drop_last: bool = False,
) -> DataLoader:
    """Un `DataLoader` cuyo orden de mini-batches depende solo de `seed`.

    Se explica en el capítulo 13: el `DataLoader` baraja con su propio `torch.Generator`; con
    la misma semilla recorre los datos en el mismo orden, época por época.

    Args:
        dataset: un `torch.utils.data.Dataset` (algo con `__len__` y `__getitem__`).
        batch_size: ejemplos por mini-batch.
        seed: semilla entera no negativa del generador que baraja.
        shuffle: si es True, una permutación nueva en cada época.
        drop_last: si es True, descarta el último mini-batch cuando queda incompleto.

    Returns:
        El `DataLoader`; su generador está en `loader.generator`.

    Raises:
        TypeError: si `dataset` no tiene `__len__` y `__getitem__`, si `batch_size` o `seed`
            no son enteros o si `shuffle`/`drop_last` no son booleanos.
        ValueError: si `dataset` está vacío, `batch_size` no es positivo o `seed` es negativa.
    """
    if not (hasattr(dataset, "__len__") and hasattr(dataset, "__getitem__")):
        raise TypeError(
            "dataset debe tener __len__ y __getitem__ (un Dataset); "
            f"recibí {type(dataset).__name__}"
        )
    if len(dataset) == 0:
        raise ValueError("dataset está vacío: no hay ejemplos que cargar")
    batch_size = positive_int(batch_size, "batch_size")
    seed = seed_value(seed)
    for flag, name in [(shuffle, "shuffle"), (drop_last, "drop_last")]:
        if not isinstance(flag, bool):
            raise TypeError(f"{name} debe ser True o False; recibí {flag!r}")
    generator = torch.Generator().manual_seed(int(seed))
    return DataLoader(
        dataset, batch_size=batch_size, shuffle=shuffle, drop_last=drop_last, generator=generator
    )


def mean_std(values: object, *, digits: int = 3) -> str:
    """Resume varias semillas como `"media ± desviación"` (desviación estándar poblacional).

    Args:
        values: los resultados, uno por semilla (lista, arreglo o tensor de números finitos).
        digits: decimales de los dos números.

    Returns:
        Un texto como `"0.962 ± 0.019"`.

    Raises:
        TypeError: si `values` no es numérico o `digits` no es un entero.
        ValueError: si `values` está vacío o tiene nan/inf, o si `digits` no es positivo.
    """
    arr = finite_array(values, "values").reshape(-1)
    if arr.size == 0:
        raise ValueError("values está vacío: no hay resultados que resumir")
    digits = positive_int(digits, "digits")
    return f"{arr.mean():.{digits}f} ± {arr.std():.{digits}f}"


def plot_confusion_matrix(
    cm: object, *, ax: Axes | None = None, labels: tuple[str, str] = ("0", "1")
) -> Axes:
    """Dibuja una matriz de confusión 2 × 2 con el conteo en cada casilla.

    Filas: la clase verdadera; columnas: la clase predicha (la convención de scikit-learn).

    Args:
        cm: matriz 2 × 2 de conteos enteros no negativos.
        ax: ejes donde dibujar (por defecto, una figura nueva).
        labels: nombres de la clase 0 y de la clase 1.

    Returns:
        Los ejes con la matriz.

    Raises:
        TypeError: si `cm` no es numérica o `labels` no son dos textos.
        ValueError: si `cm` no es 2 × 2 de enteros no negativos.
    """
    cm = as_array(cm, "cm")
    if cm.shape != (2, 2):
        raise ValueError(f"cm debe tener forma (2, 2); recibí {cm.shape}")
    if not np.all(np.isfinite(cm)) or np.any(cm < 0) or np.any(np.mod(cm, 1) != 0):
        raise ValueError("cm debe contener conteos enteros no negativos")
    if not (isinstance(labels, (tuple, list)) and len(labels) == 2):
        raise TypeError(f"labels debe ser un par de textos; recibí {labels!r}")
    if not all(isinstance(label, str) for label in labels):
        raise TypeError(f"labels debe ser un par de textos; recibí {labels!r}")
    ax = _axes(ax)
    ax.imshow(cm, cmap="Blues", vmin=0)
    for (i, j), count in np.ndenumerate(cm):
        color = "white" if count > cm.max() / 2 else "black"
        ax.text(j, i, f"{int(count)}", ha="center", va="center", color=color, fontsize=14)
    ax.set(xticks=[0, 1], yticks=[0, 1], xticklabels=labels, yticklabels=labels)
    ax.set(xlabel="clase predicha", ylabel="clase verdadera")
    ax.grid(False)
    return ax


def plot_roc_curve(
    fpr: object, tpr: object, *, ax: Axes | None = None, label: str | None = None
) -> Axes:
    """Dibuja una curva ROC (tasa de verdaderos positivos contra la de falsos positivos).

    Args:
        fpr: tasas de falsos positivos, crecientes, en [0, 1].
        tpr: tasas de verdaderos positivos, del mismo largo, crecientes, en [0, 1].
        ax: ejes donde dibujar (por defecto, una figura nueva).
        label: nombre de la curva en la leyenda.

    Returns:
        Los ejes con la curva y la diagonal de un clasificador al azar.

    Raises:
        TypeError: si `fpr` o `tpr` no son numéricos o `label` no es un texto.
        ValueError: si no son vectores del mismo largo (al menos 2), crecientes y en [0, 1].
    """
    fpr, tpr = finite_array(fpr, "fpr"), finite_array(tpr, "tpr")
    if fpr.ndim != 1 or fpr.shape != tpr.shape or fpr.size < 2:
        raise ValueError(
            f"fpr y tpr deben ser vectores del mismo largo (al menos 2); recibí {fpr.shape} y "
            f"{tpr.shape}"
        )
    for arr, name in [(fpr, "fpr"), (tpr, "tpr")]:
        if np.any(arr < 0) or np.any(arr > 1) or np.any(np.diff(arr) < 0):
            raise ValueError(f"{name} debe ser creciente y estar en [0, 1]")
    if label is not None and not isinstance(label, str):
        raise TypeError(f"label debe ser un texto; recibí {type(label).__name__}")
    ax = _axes(ax)
    ax.plot(fpr, tpr, lw=2, label=label)
    ax.plot([0, 1], [0, 1], "--", color="gray", lw=1, label="al azar")
    ax.set(xlabel="tasa de falsos positivos", ylabel="tasa de verdaderos positivos")
    ax.set(xlim=(0, 1), ylim=(0, 1.02))
    ax.legend(loc="lower right")
    return ax
