"""Reproducibilidad: semillas, algoritmos deterministas y dispositivo."""

import os
import random

import numpy as np
import torch


def seed(value: int = 0) -> np.random.Generator:
    """Fija las semillas de Python, NumPy y PyTorch y pide algoritmos deterministas.

    También fija cómo se imprimen los arreglos (4 decimales, sin notación científica),
    para que las salidas de los notebooks sean estables y legibles.

    Args:
        value: semilla entera no negativa.

    Returns:
        Un `numpy.random.Generator` creado con esa semilla, para generar datos.

    Raises:
        TypeError: si `value` no es un entero.
        ValueError: si `value` es negativo o mayor que 2**32 - 1.
    """
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"la semilla debe ser un entero; recibí {type(value).__name__}")
    if not 0 <= value < 2**32:
        raise ValueError(f"la semilla debe estar entre 0 y 2**32 - 1; recibí {value}")
    value = int(value)
    random.seed(value)
    np.random.seed(value)
    torch.manual_seed(value)
    # cuBLAS necesita esta variable para ser determinista en GPU (Colab).
    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
    torch.use_deterministic_algorithms(True)
    torch.backends.cudnn.benchmark = False
    np.set_printoptions(precision=4, suppress=True)
    torch.set_printoptions(precision=4, sci_mode=False)
    return np.random.default_rng(value)


def device() -> torch.device:
    """Devuelve `cuda` si hay una GPU disponible (por ejemplo en Colab) y `cpu` si no."""
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")
