"""Extensión de Sphinx: permite enlazar cada entrada bibliográfica con un enlace Markdown común.

Los notebooks no pueden usar `{cite}` (Colab lo mostraría como texto crudo), así que citan con
`[Rosenblatt (1958)](referencias.md#rosenblatt1958)`. MyST solo valida anclas de títulos; esta
extensión registra cada clave de `references.bib` como ancla válida de la página de
referencias, de modo que un enlace a una clave inexistente rompe el build estricto.
El ancla existe en el HTML porque `bibtex_cite_id` es "{key}".
"""

import re
from pathlib import Path

from sphinx.application import Sphinx

REFERENCES_DOC = "chapters/referencias"
KEY = re.compile(r"^@\w+\{([^,\s]+),", re.MULTILINE)


def bib_keys(app: Sphinx) -> list[str]:
    """Claves de todas las entradas de los archivos de `bibtex_bibfiles`."""
    keys: list[str] = []
    for name in app.config.bibtex_bibfiles:
        keys += KEY.findall((Path(app.srcdir) / name).read_text(encoding="utf-8"))
    return keys


def register_anchors(app: Sphinx, doctree: object) -> None:
    """Agrega las claves bibliográficas a las anclas conocidas de la página de referencias."""
    env = app.env
    if env.docname != REFERENCES_DOC:
        return
    slugs = env.metadata[env.docname].setdefault("myst_slugs", {})
    for key in bib_keys(app):
        slugs.setdefault(key, (None, key, key))


def setup(app: Sphinx) -> dict:
    app.connect("doctree-read", register_anchors)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
