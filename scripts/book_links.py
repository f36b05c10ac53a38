"""Enlaces de los notebooks a las páginas del libro que funcionan en Colab y en el sitio.

Colab resuelve un enlace relativo contra su propia URL: `glosario.md#term-Peso` no lleva a
ninguna parte (y en GitHub el `.md` crudo no tiene anclas). Por eso un notebook enlaza las
páginas `.md` del libro con la URL absoluta del sitio publicado, `html.baseurl` de
`_config.yml` más `chapters/glosario.html#term-Peso`; la extensión `_ext/site_links.py` las
vuelve relativas al construir el sitio, que así sigue funcionando sin conexión. Los enlaces a
otro capítulo (`05-gradiente.ipynb`) quedan relativos: Colab abre ese notebook.

    python scripts/book_links.py --write chapters/*.ipynb   # convierte los enlaces relativos a .md
    python scripts/book_links.py chapters/*.ipynb          # solo lista los muertos en Colab
"""

import argparse
import re
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = ROOT / "chapters"
# Lo que no es texto: matemática y código (ahí `f[...](x)` no es un enlace).
NOT_TEXT = re.compile(r"\$\$[\s\S]*?\$\$|\$[^$\n]+\$|```[\s\S]*?```|`[^`\n]*`")
LINK = re.compile(r"(?<!\!)\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^)\s]+)\)")
RELATIVE_PAGE = re.compile(r"\]\((?!https?://)([\w-]+)\.md(#[^)\s]*)?\)")


def site_url(config_path: Path = ROOT / "_config.yml") -> str:
    """Lee `html.baseurl` de `_config.yml`: la URL del sitio publicado, con barra final."""
    url = yaml.safe_load(config_path.read_text(encoding="utf-8"))["html"]["baseurl"]
    if not re.fullmatch(r"https://[^\s/]+/(\S+/)?", url):
        raise ValueError(f"html.baseurl debe ser https://<sitio>/<ruta>/ (con barra); es {url!r}")
    return url


def page_url(page: str, anchor: str = "", *, site: str | None = None) -> str:
    """URL absoluta de una página del libro (`chapters/glosario`) y un ancla opcional."""
    return f"{site or site_url()}{page}.html" + (f"#{anchor}" if anchor else "")


def absolutize(text: str, site: str) -> str:
    """Reemplaza `](glosario.md#x)` por `](<sitio>/chapters/glosario.html#x)`."""
    return RELATIVE_PAGE.sub(
        lambda m: f"]({site}chapters/{m.group(1)}.html{m.group(2) or ''})", text
    )


def links(text: str) -> list[str]:
    """Destinos de los enlaces Markdown de un texto, sin mirar dentro de matemática ni código."""
    return LINK.findall(NOT_TEXT.sub(" ", text))


def dead_in_colab(target: str, site: str) -> str | None:
    """Por qué `target` no funciona abierto en Colab desde GitHub, o None si funciona."""
    if target.startswith(site):
        page = target[len(site) :].split("#")[0]
        if not page.endswith(".html"):
            return "un enlace al sitio debe terminar en .html"
        stem = page.removesuffix(".html")
        if not any((ROOT / f"{stem}{s}").exists() for s in (".md", ".ipynb")):
            return f"el sitio no tiene la página {stem}"
        return None
    if re.match(r"https?://", target):
        return None  # un sitio externo
    path = target.split("#")[0]
    if path.endswith(".ipynb") and "/" not in path:
        return None if (CHAPTERS / path).exists() else f"no existe chapters/{path}"
    return "Colab resuelve un enlace relativo contra su URL: usa la URL del sitio (html.baseurl)"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="convierte y guarda")
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    site, dead = site_url(), 0
    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        for cell in (c for c in nb.cells if c.cell_type == "markdown"):
            if args.write:
                cell.source = absolutize(cell.source, site)
            for target in links(cell.source):
                if why := dead_in_colab(target, site):
                    dead += 1
                    print(f"{path}: {target}: {why}")
        if args.write:
            nbformat.write(nb, path)
    return 1 if dead else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
