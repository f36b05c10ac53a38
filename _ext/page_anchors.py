"""Extensión de Sphinx: anclas válidas para enlaces Markdown comunes desde los notebooks.

Los notebooks no pueden usar `{cite}` ni `{term}` (Colab los mostraría como texto crudo), así
que enlazan con `[Rosenblatt (1958)](referencias.md#rosenblatt1958)` y
`[perceptrón](glosario.md#term-perceptron)`. MyST solo valida anclas de títulos; esta extensión
registra como anclas válidas cada clave de `references.bib` (en la página de referencias; el
ancla existe porque `bibtex_cite_id` es "{key}") y cada término del glosario. Un enlace a una
clave o un término inexistente rompe el build estricto.
"""

import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

REFERENCES_DOC = "chapters/referencias"
GLOSSARY_DOC = "chapters/glosario"
KEY = re.compile(r"^@\w+\{([^,\s]+),", re.MULTILINE)


def bib_keys(app: Sphinx) -> list[str]:
    """Claves de todas las entradas de los archivos de `bibtex_bibfiles`."""
    keys: list[str] = []
    for name in app.config.bibtex_bibfiles:
        keys += KEY.findall((Path(app.srcdir) / name).read_text(encoding="utf-8"))
    return keys


def register_anchors(app: Sphinx, doctree: nodes.document) -> None:
    """Agrega claves bibliográficas y términos del glosario a las anclas conocidas."""
    env = app.env
    if env.docname == REFERENCES_DOC:
        anchors = {key: key for key in bib_keys(app)}
    elif env.docname == GLOSSARY_DOC:
        anchors = {i: term.astext() for term in doctree.findall(nodes.term) for i in term["ids"]}
    else:
        return
    slugs = env.metadata[env.docname].setdefault("myst_slugs", {})
    for anchor, text in anchors.items():
        slugs.setdefault(anchor, (None, anchor, text))


def setup(app: Sphinx) -> dict:
    app.connect("doctree-read", register_anchors)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
