"""dlnotes: la biblioteca compartida de «Aprendizaje profundo — apuntes ejecutables».

Importarla solo define nombres: no fija semillas, no cambia estilos, no descarga nada.
Cada efecto es una llamada explícita (`seed`, `use_book_style`).
"""

from dlnotes import check, engine
from dlnotes.data import logic_gate, make_blobs, make_moons, make_regression_line, make_spirals
from dlnotes.gradcheck import check_gradients, numerical_gradient
from dlnotes.plots import (
    plot_decision_boundary,
    plot_linear_boundary,
    plot_points,
    plot_training_curve,
    use_book_style,
)
from dlnotes.repro import device, seed

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "check",
    "check_gradients",
    "engine",
    "device",
    "logic_gate",
    "make_blobs",
    "make_moons",
    "make_regression_line",
    "make_spirals",
    "numerical_gradient",
    "plot_decision_boundary",
    "plot_linear_boundary",
    "plot_points",
    "plot_training_curve",
    "seed",
    "use_book_style",
]
