"""Genera la celda de instalación de Colab de cada notebook desde `_config.yml`.

python scripts/colab_cells.py --write chapters/*.ipynb   # reescribe la primera celda
python scripts/colab_cells.py --check chapters/*.ipynb   # falla si alguna difiere
"""

import argparse
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
TAG = "remove-cell"


def repository_url(config_path: Path = ROOT / "_config.yml") -> str:
    """Lee `repository.url` de `_config.yml` (sin `.git` ni barra final)."""
    url = yaml.safe_load(config_path.read_text(encoding="utf-8"))["repository"]["url"]
    if not url.startswith("https://github.com/") or url.endswith((".git", "/")):
        raise ValueError(f"repository.url debe ser https://github.com/<org>/<repo>; es {url!r}")
    return url


def colab_source(url: str) -> str:
    """Código canónico de la celda: instala dlnotes solo dentro de Google Colab."""
    return (
        "# Instala la biblioteca del libro en Google Colab. Fuera de Colab no hace nada.\n"
        "import sys\n"
        "\n"
        'if "google.colab" in sys.modules:\n'
        f'    %pip install --quiet "dlnotes @ git+{url}"'
    )


def source_of(cell: dict) -> str:
    """Texto de una celda, venga como cadena (nbformat) o como lista de líneas (JSON)."""
    source = cell.get("source", "")
    return source if isinstance(source, str) else "".join(source)


def is_colab_cell(cell: dict) -> bool:
    """¿Es esta celda una celda de instalación de Colab (canónica o no)?"""
    return cell.get("cell_type") == "code" and "google.colab" in source_of(cell)


def differs(nb: dict, url: str) -> bool:
    """¿La primera celda del notebook no es la celda canónica?"""
    first = nb["cells"][0] if nb["cells"] else {}
    tags = first.get("metadata", {}).get("tags", [])
    return not (is_colab_cell(first) and source_of(first) == colab_source(url) and TAG in tags)


def rewrite(nb: dict, url: str) -> None:
    """Pone la celda canónica al principio del notebook (reemplaza la anterior si existe)."""
    if nb["cells"] and is_colab_cell(nb["cells"][0]):
        cell = nb["cells"][0]
        cell["source"] = colab_source(url)
    else:
        cell = nbformat.v4.new_code_cell(colab_source(url))
        nb["cells"].insert(0, cell)
    tags = cell.setdefault("metadata", {}).setdefault("tags", [])
    if TAG not in tags:
        tags.append(TAG)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="reescribe los notebooks")
    parser.add_argument("--check", action="store_true", help="solo comprueba")
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    url = repository_url()
    stale = []
    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        if differs(nb, url):
            stale.append(path)
            if args.write:
                rewrite(nb, url)
                nbformat.write(nb, path)
                print(f"reescrita la celda de Colab de {path}")
    if args.check and stale:
        print("Celda de Colab distinta de la canónica en:", *stale, "\nUsa: make colab-cells")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
