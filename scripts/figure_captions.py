"""Escribe bajo cada figura de un notebook su pie numerado, para que Colab también lo muestre.

El pie de una figura está en los metadatos de su celda (`mystnb.figure.caption`): el sitio lo
muestra como `<figcaption>` con su número («Figura 3.2»), pero Colab ignora los metadatos. Este
script pone justo después de cada celda con figura una celda Markdown
`**Figura 3.2.** <pie>` con las etiquetas `remove-cell` (el sitio no la muestra: el pie aparece
una sola vez) y `figure-caption`. Numera como Sphinx: el número del capítulo en `_toc.yml` y el
orden de la figura en el notebook. Es idempotente; `tests/test_book.py` exige el resultado.

    python scripts/figure_captions.py --write chapters/*.ipynb   # (make captions)
    python scripts/figure_captions.py chapters/*.ipynb           # solo dice qué cambiaría
"""

import argparse
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
TAG = "figure-caption"


def chapter_numbers(toc_path: Path = ROOT / "_toc.yml") -> dict[str, int]:
    """Número de cada capítulo de las partes numeradas de `_toc.yml` ("chapters/01-x" -> 1)."""
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    files = [c["file"] for part in toc["parts"] if part.get("numbered") for c in part["chapters"]]
    return {file: number for number, file in enumerate(files, start=1)}


def caption_of(cell: nbformat.NotebookNode) -> str | None:
    """El pie de la figura de una celda de código, o None si no tiene figura con pie."""
    if cell.cell_type != "code":
        return None
    return cell.metadata.get("mystnb", {}).get("figure", {}).get("caption")


def caption_cell(number: str, caption: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(f"**Figura {number}.** {caption}")
    cell.metadata["tags"] = ["remove-cell", TAG]
    return cell


def with_captions(nb: nbformat.NotebookNode, chapter: int) -> list[nbformat.NotebookNode]:
    """Las celdas del notebook con un pie numerado después de cada figura (y ningún otro)."""
    cells, k = [], 0
    for cell in nb.cells:
        if TAG in cell.metadata.get("tags", []):
            continue  # los pies viejos se reemplazan por los nuevos
        cells.append(cell)
        if caption := caption_of(cell):
            k += 1
            new = caption_cell(f"{chapter}.{k}", caption)
            old = next((c for c in nb.cells if c.get("id") and _is_caption_for(c, new)), None)
            if old is not None:
                new["id"] = old["id"]  # conserva el id: el diff queda limpio
            cells.append(new)
    return cells


def _is_caption_for(cell: nbformat.NotebookNode, new: nbformat.NotebookNode) -> bool:
    return TAG in cell.metadata.get("tags", []) and cell.source == new.source


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="guarda los cambios")
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    numbers, stale = chapter_numbers(), 0
    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        chapter = numbers.get(str(path.resolve().relative_to(ROOT).with_suffix("")))
        if chapter is None:
            continue  # fuera de las partes numeradas: sus figuras no llevan número
        cells = with_captions(nb, chapter)
        if [c.source for c in cells] != [c.source for c in nb.cells]:
            stale += 1
            print(
                f"{path}: pies de figura desactualizados" + (" (reescritos)" if args.write else "")
            )
            if args.write:
                nb.cells = cells
                nbformat.write(nb, path)
    return 1 if stale and not args.write else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
