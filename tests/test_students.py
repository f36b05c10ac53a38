"""Cada capítulo como lo corre un estudiante: «Ejecutar todas» sin abrir ninguna solución.

Se ejecuta cada notebook sin sus celdas `# @title Solución` (make test-students): ni las
comprobaciones ocultas del libro ni los ejercicios siguientes pueden depender de una solución,
porque en Colab esa celda es opcional y un `NameError` detiene «Ejecutar todas».
"""

import os
from pathlib import Path

import nbclient
import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
# `make test-students NOTEBOOKS=...` elige cuáles (por defecto, todos).
NOTEBOOKS = sorted(ROOT / p for p in os.environ.get("STUDENT_NOTEBOOKS", "").split()) or sorted(
    (ROOT / "chapters").glob("*.ipynb")
)
TIMEOUT_SECONDS = 300

pytestmark = pytest.mark.students


def without_solutions(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    nb.cells = [
        c
        for c in nb.cells
        if not (c.cell_type == "code" and c.source.startswith("# @title Solución"))
    ]
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_runs_with_every_solution_skipped(path):
    nb = without_solutions(path)
    client = nbclient.NotebookClient(
        nb,
        kernel_name="python3",
        timeout=TIMEOUT_SECONDS,
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as exc:
        pytest.fail(f"sin las soluciones, una celda falla:\n{str(exc)[-1500:]}")
