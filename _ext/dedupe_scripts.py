"""Extensión de Sphinx: quita los scripts repetidos de cada página.

sphinx-thebe (que jupyter-book carga siempre) agrega dos veces el script en línea que declara
`const THEBE_JS_URL`, y el navegador registra un error de JavaScript en cada página
("Identifier 'THEBE_JS_URL' has already been declared"). La prueba de navegador lo detecta.
"""

from sphinx.application import Sphinx


def remove_duplicates(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """Deja una sola copia de cada script (mismo archivo y mismo contenido en línea)."""
    seen, unique = set(), []
    for script in context.get("script_files", []):
        key = (
            getattr(script, "filename", str(script)) or "",  # None y "" son ambos en línea
            str(getattr(script, "attributes", {}).get("body", "")),
        )
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"][:] = unique  # en el lugar: otros hooks agregan después (MathJax)


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", remove_duplicates, priority=100)  # antes de que otro corte
    return {"parallel_read_safe": True, "parallel_write_safe": True}
