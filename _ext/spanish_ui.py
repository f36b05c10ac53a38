"""Extensión de Sphinx: las etiquetas de la interfaz que el tema deja en inglés, en español.

sphinx-book-theme, pydata-sphinx-theme, sphinx-togglebutton y myst-nb escriben varias etiquetas
(títulos emergentes, `aria-label`, `alt`) directamente en sus plantillas o en su JavaScript, sin
pasar por un catálogo de traducción: `_locale/` no las alcanza. Al terminar el build, esta
extensión las reemplaza, texto exacto por texto exacto, en cada página HTML y en los `.js` de
`_static`. `tests/test_browser.py` comprueba en Chromium que no quede ninguna etiqueta en inglés.
"""

from pathlib import Path

from sphinx.application import Sphinx

# Texto exacto (con su atributo, para no tocar el contenido) -> traducción.
UI_STRINGS = {
    'title="Toggle primary sidebar"': 'title="Mostrar u ocultar el índice del libro"',
    'title="Toggle secondary sidebar"': 'title="Mostrar u ocultar el índice de la página"',
    'aria-label="Toggle hidden content"': 'aria-label="Mostrar u ocultar el contenido"',
    'title="Launch on Colab"': 'title="Abrir en Colab"',
    'aria-label="Launch interactive content"': 'aria-label="Abrir en un entorno interactivo"',
    'alt="Colab logo"': 'alt="Logo de Colab"',
    'aria-label="Main"': 'aria-label="Índice del libro"',
    'aria-label="Page"': 'aria-label="Página"',
    'aria-label="Descarga esta pagina"': 'aria-label="Descargar esta página"',  # sin tilde
}


def translate_file(path: Path) -> bool:
    """Aplica `UI_STRINGS` a un archivo; dice si cambió."""
    text = path.read_text(encoding="utf-8")
    new = text
    for english, spanish in UI_STRINGS.items():
        new = new.replace(english, spanish)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


def translate_site(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    for path in [*out.rglob("*.html"), *(out / "_static").rglob("*.js")]:
        translate_file(path)


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", translate_site)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
