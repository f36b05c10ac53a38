"""Ejecuta notebooks de principio a fin y guarda sus salidas: lo usa `make outputs`.

Usa el kernel del entorno actual (el mismo que usa nbval en `make test`) y normaliza las
salidas de figuras: el texto `<Figure size ...>` se reemplaza por una cadena vacía (el
sanitizador de nbval, tests/nbval_sanitize.cfg, hace lo mismo al comparar).

    python scripts/execute_notebooks.py chapters/*.ipynb
    python scripts/execute_notebooks.py --no-write chapters/01-perceptron.ipynb
"""

import argparse
import re
import sys
from pathlib import Path

import nbclient
import nbformat

FIGURE_TEXT = re.compile(r"^<Figure size \d+x\d+ with \d+ Axes>$")
TIMEOUT_SECONDS = 300


def execute(path: Path) -> nbformat.NotebookNode:
    """Ejecuta el notebook en su carpeta y devuelve el notebook con salidas nuevas."""
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        kernel_name="python3",
        timeout=TIMEOUT_SECONDS,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return nb


def normalize(nb: nbformat.NotebookNode) -> None:
    """Quita de las salidas el texto de figuras, que no aporta y cambia con el tamaño."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/plain")
            if text is not None and "image/png" in output["data"] and FIGURE_TEXT.match(text):
                output["data"]["text/plain"] = ""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true", help="ejecuta sin guardar")
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    for path in args.notebooks:
        nb = execute(path)
        normalize(nb)
        if not args.no_write:
            nbformat.write(nb, path)
            print(f"ejecutado y guardado: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
