"""Extensión de Sphinx: los enlaces absolutos al sitio publicado se vuelven relativos.

Los notebooks enlazan las páginas del libro con la URL del sitio (`html.baseurl` de
`_config.yml`, que Jupyter Book pasa a Sphinx como `html_baseurl`), porque es la única que
funciona también en Colab (ver `scripts/book_links.py`). Al construir el sitio, cada enlace a
`<html_baseurl>chapters/glosario.html#term-Peso` pasa a ser relativo a la página que lo
contiene: el sitio funciona sin conexión y en cualquier otra dirección. Un enlace a una página
que el libro no tiene rompe el build estricto; `tests/test_site.py` comprueba las anclas.
"""

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)


def relativize(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Reescribe los enlaces de `docname` que apuntan al propio sitio."""
    site = app.config.html_baseurl
    if not site or app.builder.format != "html":
        return
    for node in doctree.findall(nodes.reference):
        uri = node.get("refuri", "")
        if not uri.startswith(site):
            continue
        page, _, anchor = uri[len(site) :].partition("#")
        target = page.removesuffix(".html")
        if not page.endswith(".html") or target not in app.env.all_docs:
            logger.warning(f"enlace a una página que el libro no tiene: {uri}", location=node)
            continue
        node["refuri"] = app.builder.get_relative_uri(docname, target) + (
            f"#{anchor}" if anchor else ""
        )
        node["internal"] = True


def setup(app: Sphinx) -> dict:
    app.connect("doctree-resolved", relativize)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
