"""Datos e imágenes para las redes convolucionales (capítulo 17).

MNIST-1D generado sin conexión, dígitos pegados en un lienzo más grande, un `DataLoader` con
semilla y una cuadrícula de imágenes. Los modelos y los bucles de entrenamiento se escriben en
el capítulo, no aquí.
"""

import random
from collections.abc import Sequence

import numpy as np
import torch
from matplotlib.axes import Axes
from torch.utils.data import (
    BatchSampler,
    DataLoader,
    RandomSampler,
    SequentialSampler,
    TensorDataset,
)

from dlnotes._validate import as_array, finite_array, non_negative, positive_int, seed_value


def load_mnist1d(
    *,
    num_samples: int = 5000,
    train_split: float = 0.8,
    seq_length: int = 40,
    shuffle_seq: bool = False,
    seed: int = 42,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Genera MNIST-1D (Greydanus y Kobak, 2024) sin descargar nada.

    Envuelve `mnist1d.data.make_dataset` con los argumentos por defecto del artículo (5000
    señales de largo 40, 4000 de entrenamiento y 1000 de prueba). `make_dataset` fija la
    semilla global de NumPy y de `random`; aquí se guarda y se restaura su estado, para que
    generar los datos no cambie los números al azar del resto del notebook.

    Args:
        num_samples: número total de señales (múltiplo de 10: las mismas por clase).
        train_split: fracción para entrenamiento, en (0, 1).
        seq_length: largo de cada señal.
        shuffle_seq: si es True, permuta las posiciones de todas las señales con una misma
            permutación (destruye el orden espacial, no la información).
        seed: semilla del generador de MNIST-1D (42 es la del artículo).

    Returns:
        `X_train` (n_train, seq_length) en float64, `y_train` (n_train,) enteros 0..9,
        `X_test` y `y_test`.

    Raises:
        TypeError: si un argumento no es del tipo pedido.
        ValueError: si `num_samples` no es un múltiplo positivo de 10, `train_split` no está
            en (0, 1), `seq_length` < 12 o `seed` es negativo.
    """
    from mnist1d.data import get_dataset_args, make_dataset  # aquí: importar dlnotes no lo carga

    num_samples = positive_int(num_samples, "num_samples")
    if num_samples % 10:
        raise ValueError(f"num_samples debe ser múltiplo de 10; recibí {num_samples}")
    train_split = non_negative(train_split, "train_split")
    if not 0 < train_split < 1 or int(num_samples * train_split) in (0, num_samples):
        raise ValueError(f"train_split debe dejar ejemplos en los dos lados; recibí {train_split}")
    seq_length = positive_int(seq_length, "seq_length")
    if seq_length < 12:
        raise ValueError(
            f"seq_length debe ser al menos 12 (el largo de las plantillas); recibí {seq_length}"
        )
    if not isinstance(shuffle_seq, bool):
        raise TypeError(f"shuffle_seq debe ser True o False; recibí {shuffle_seq!r}")
    seed = seed_value(seed)
    args = get_dataset_args()
    args.num_samples, args.train_split, args.final_seq_length = num_samples, train_split, seq_length
    args.shuffle_seq, args.seed = shuffle_seq, seed
    np_state, py_state = np.random.get_state(), random.getstate()
    try:
        data = make_dataset(args)
    finally:
        np.random.set_state(np_state)
        random.setstate(py_state)
    return (
        data["x"].astype(np.float64),
        data["y"].astype(np.int64),
        data["x_test"].astype(np.float64),
        data["y_test"].astype(np.int64),
    )


def place_on_canvas(
    images: object, positions: object, *, canvas_shape: tuple[int, int]
) -> np.ndarray:
    """Pega cada imagen en un lienzo de ceros más grande, con su esquina superior izquierda
    en la posición (fila, columna) que se indica.

    Args:
        images: arreglo (n, h, w) de imágenes.
        positions: arreglo (n, 2) de enteros (fila, columna), o un solo par para todas.
        canvas_shape: (alto, ancho) del lienzo.

    Returns:
        Un arreglo float64 (n, alto, ancho).

    Raises:
        TypeError: si `images` o `positions` no son numéricos o `canvas_shape` no es un par
            de enteros.
        ValueError: si las formas no son las pedidas, una posición no es entera o alguna
            imagen se sale del lienzo.
    """
    images = finite_array(images, "images")
    if images.ndim != 3 or images.shape[0] == 0:
        raise ValueError(f"images debe tener forma (n, h, w) con n > 0; recibí {images.shape}")
    n, h, w = images.shape
    if not isinstance(canvas_shape, (tuple, list)) or len(canvas_shape) != 2:
        raise TypeError(f"canvas_shape debe ser un par (alto, ancho); recibí {canvas_shape!r}")
    height, width = (positive_int(s, "canvas_shape") for s in canvas_shape)
    pos = as_array(positions, "positions", dtype=None)
    if pos.shape == (2,):
        pos = np.tile(pos, (n, 1))
    if pos.shape != (n, 2):
        raise ValueError(f"positions debe tener forma ({n}, 2) o (2,); recibí {pos.shape}")
    if pos.dtype.kind not in "iu":
        raise ValueError("positions debe contener enteros (fila, columna)")
    rows, cols = pos[:, 0], pos[:, 1]
    if rows.min() < 0 or cols.min() < 0 or (rows + h).max() > height or (cols + w).max() > width:
        raise ValueError(
            f"alguna imagen de {h}x{w} se sale del lienzo de {height}x{width}: las filas deben "
            f"estar en [0, {height - h}] y las columnas en [0, {width - w}]"
        )
    canvas = np.zeros((n, height, width))
    for k, (r, c) in enumerate(pos):
        canvas[k, r : r + h, c : c + w] = images[k]
    return canvas


def make_loader(
    X: object, y: object, *, batch_size: int, seed: int, shuffle: bool = True
) -> DataLoader:
    """Un `DataLoader` de tensores que recorre los datos en un orden fijado por `seed`.

    Dos cargadores creados con la misma semilla entregan los mismos mini-batches en el mismo
    orden (se explica en el capítulo 12); cada época, una permutación nueva.

    Args:
        X: tensor de entradas (n, ...).
        y: tensor de etiquetas (n,).
        batch_size: tamaño de cada mini-batch.
        seed: semilla del `torch.Generator` que baraja.
        shuffle: si es False, recorre los datos en orden.

    Returns:
        Un `torch.utils.data.DataLoader`.

    Raises:
        TypeError: si `X` o `y` no son tensores, o `batch_size`/`seed` no son enteros.
        ValueError: si `X` e `y` tienen distinto número de filas o están vacíos, o
            `batch_size` no es positivo, o `seed` es negativo.
    """
    if not isinstance(X, torch.Tensor) or not isinstance(y, torch.Tensor):
        raise TypeError(f"X e y deben ser tensores; recibí {type(X).__name__} y {type(y).__name__}")
    if X.ndim == 0 or y.ndim == 0 or len(X) != len(y) or len(X) == 0:
        raise ValueError(
            "X e y deben tener el mismo número de filas (> 0); "
            f"recibí {tuple(X.shape)} y {tuple(y.shape)}"
        )
    batch_size = positive_int(batch_size, "batch_size")
    seed = seed_value(seed)
    dataset = TensorDataset(X, y)
    generator = torch.Generator().manual_seed(seed)
    order = RandomSampler(dataset, generator=generator) if shuffle else SequentialSampler(dataset)
    # Cada mini-batch se toma de una vez (X[índices]), no ejemplo por ejemplo: con datos
    # pequeños en memoria es mucho más rápido. `batch_size=None`: el lote ya viene armado.
    sampler = BatchSampler(order, batch_size=batch_size, drop_last=False)
    return DataLoader(dataset, sampler=sampler, batch_size=None)


def plot_image_grid(
    images: object,
    axes: Sequence[Axes] | np.ndarray,
    *,
    titles: Sequence[str] | None = None,
    symmetric: bool = False,
) -> np.ndarray:
    """Dibuja una imagen (o una señal 1-D como franja) en cada eje, con un marco y sin marcas.

    Args:
        images: arreglo (n, h, w) o (n, largo); cada señal 1-D se dibuja como una franja de
            alto 1.
        axes: n ejes de matplotlib (una lista o el arreglo que devuelve `plt.subplots`).
        titles: un título por imagen (opcional).
        symmetric: si es True, usa una escala de colores rojo-azul centrada en 0, común a
            todas (para pesos); si no, escala de grises invertida (para tinta).

    Returns:
        Los ejes, como arreglo plano de NumPy.

    Raises:
        TypeError: si `images` no es numérico o algún eje no es un `Axes`.
        ValueError: si `images` no es (n, h, w) o (n, largo), o si el número de ejes o de
            títulos no es n.
    """
    images = finite_array(images, "images")
    if images.ndim == 2:
        images = images[:, None, :]
    if images.ndim != 3 or images.shape[0] == 0:
        raise ValueError(f"images debe tener forma (n, h, w) o (n, largo); recibí {images.shape}")
    axes = np.asarray(axes, dtype=object).ravel()
    if len(axes) != len(images):
        raise ValueError(f"hay {len(images)} imágenes y {len(axes)} ejes")
    if not all(isinstance(ax, Axes) for ax in axes):
        raise TypeError("axes debe contener ejes de matplotlib (Axes)")
    if titles is not None and len(titles) != len(images):
        raise ValueError(f"hay {len(images)} imágenes y {len(titles)} títulos")
    vmax = float(np.abs(images).max()) or 1.0
    style = dict(cmap="RdBu_r", vmin=-vmax, vmax=vmax) if symmetric else dict(cmap="gray_r")
    for k, (ax, image) in enumerate(zip(axes, images, strict=True)):
        ax.imshow(image, aspect="auto" if image.shape[0] == 1 else "equal", **style)
        ax.set_xticks([]), ax.set_yticks([])
        ax.grid(False)
        for spine in ax.spines.values():  # un marco fino: se ve dónde termina la imagen
            spine.set_visible(True)
            spine.set_linewidth(0.5)
        if titles is not None:
            ax.set_title(str(titles[k]), fontsize=8)
    return axes
