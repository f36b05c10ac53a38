"""Extensión de Sphinx: muestra bajo el título de cada notebook su tiempo de ejecución en CPU.

Los tiempos los escribe `make bench` en `bench/runtimes.json` (segundos de CPU por notebook);
nadie los escribe a mano. Así el estudiante sabe cuánto tarda antes de abrir Colab.
"""

import json
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

RUNTIMES = "bench/runtimes.json"


def runtime_text(seconds: float) -> str:
    """Texto que se muestra: segundos redondeados hacia arriba, al menos 1."""
    return f"Tiempo de ejecución en CPU: ~{max(1, round(seconds + 0.5))} s (medido con make bench)."


def add_runtime(app: Sphinx, doctree: nodes.document) -> None:
    """Inserta el tiempo medido después del título de la página, si es un notebook medido."""
    path = Path(app.srcdir) / RUNTIMES
    docname = app.env.docname
    if not path.exists() or not (Path(app.srcdir) / f"{docname}.ipynb").exists():
        return
    seconds = json.loads(path.read_text(encoding="utf-8")).get(f"{docname}.ipynb")
    section = next(iter(doctree.findall(nodes.section)), None)
    if seconds is None or section is None:
        return
    paragraph = nodes.paragraph(classes=["runtime"])
    paragraph += nodes.emphasis(text=runtime_text(seconds))
    section.insert(1, paragraph)


def setup(app: Sphinx) -> dict:
    app.connect("doctree-read", add_runtime)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
