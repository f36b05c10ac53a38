"""Enlaza en cada notebook el primer uso de cada término del glosario (`make glossary-links`).

Los términos salen de `chapters/glosario.md`. En los notebooks el enlace es Markdown común a la
URL del sitio, `[perceptrón](<html.baseurl>chapters/glosario.html#term-Perceptron)`, para que
Colab muestre texto limpio y el enlace funcione allí (ver `scripts/book_links.py`). Nunca enlaza
dentro de títulos, matemática, código, enlaces ni etiquetas HTML. Es idempotente: un término
ya enlazado en un notebook no se vuelve a tocar. `tests/test_book.py` comprueba el resultado.
"""

import re
import sys
from pathlib import Path

import nbformat
from sphinx.util.nodes import _make_id

import book_links
import figure_captions

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "chapters" / "glosario.md"
# Formas adicionales (plurales, nombre en inglés) con que aparece un término en el texto.
EXTRA_FORMS = {
    "Peso": ["pesos"],
    "Sesgo": ["sesgos"],
    "Umbral": ["umbrales"],
    "Capa oculta": ["capas ocultas"],
    "Función de activación": ["funciones de activación"],
    "Función de pérdida": ["funciones de pérdida"],
    "Logit": ["logits"],
    "Métrica": ["métricas"],
    "Época": ["épocas"],
    "Mini-batch": ["mini-batches"],
    "Retropropagación": ["backpropagation"],
    "Diferencias finitas": ["diferencias finitas centrales"],
    "Perceptrón multicapa": ["perceptrones multicapa"],
    "Representación": ["representaciones"],
    "Sonda lineal": ["sondas lineales"],
    "Embedding": ["embeddings"],
    "Tensor": ["tensores"],
    "Pasada hacia adelante": ["pasadas hacia adelante"],
    "Pasada hacia atrás": ["pasadas hacia atrás"],
    "Mínimo local": ["mínimos locales"],
    "Grafo de cómputo": ["grafos de cómputo"],
    "Decaimiento de pesos": ["decaimiento de los pesos"],
    "Congelar": ["congelado", "congelada", "congelados", "congeladas"],
    "Cuerpo": ["cuerpos"],
    "Conjunto de validación": ["conjuntos de validación"],
    "Conjunto de prueba": ["conjuntos de prueba"],
    "Matriz de confusión": ["matrices de confusión"],
    "Curva ROC": ["curvas ROC"],
    "Hiperparámetro": ["hiperparámetros"],
    "Kernel": ["kernels"],
    "Red recurrente": ["redes recurrentes"],
    "Estado oculto": ["estados ocultos"],
    "Compuerta": ["compuertas"],
    "Codificador": ["codificadores"],
    "Decodificador": ["decodificadores"],
    "Cabeza de atención": ["cabezas de atención"],
    "Autoencoder": ["autoencoders"],
    "Autoencoder variacional": ["autoencoders variacionales"],
    "Red generativa adversaria": ["redes generativas adversarias"],
    "Generador": ["generadores"],
    "Divergencia KL": ["divergencia de Kullback-Leibler", "divergencias KL"],
    "Análisis de componentes principales": ["PCA"],
    "Ángulo principal": ["ángulos principales"],
    "Autoencoder ralo": ["autoencoders ralos"],
    "Autoencoder de eliminación de ruido": ["autoencoders de eliminación de ruido"],
    "GAN condicional": ["GAN condicionales"],
    "Discriminador": ["discriminadores"],
    "Mapa de características": ["mapas de características"],
    "Campo receptivo": ["campos receptivos"],
    "Red convolucional": ["redes convolucionales"],
    "Conexión residual": ["conexiones residuales"],
}
# Lo que nunca se toca: matemática, código, enlaces, etiquetas HTML y negritas con enlace.
PROTECTED = re.compile(
    r"\$\$[\s\S]*?\$\$|\$[^$\n]+\$|`[^`\n]*`|!?\[[^\]]*\]\([^)]*\)|<[^>\n]+>|^#.*$|^Diapositivas:.*$",
    re.MULTILINE,
)


def glossary_terms(path: Path = GLOSSARY) -> list[str]:
    """Términos del bloque {glossary}: las líneas sin sangría dentro del bloque."""
    block = path.read_text(encoding="utf-8").split("```{glossary}")[1].split("```")[0]
    return [line.strip() for line in block.splitlines() if line.strip() and line[0] != " "]


def anchor(term: str) -> str:
    """Ancla que Sphinx da al término (la misma función que usa Sphinx)."""
    return _make_id(f"term-{term}")


def pattern(term: str) -> re.Pattern:
    """Expresión que encuentra el término o sus otras formas como palabras completas."""
    forms = sorted([term, *EXTRA_FORMS.get(term, [])], key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def first_free_match(text: str, term: str, terms: list[str]) -> re.Match | None:
    """Primer uso del término fuera de las zonas protegidas, o None.

    Un uso dentro de un término más largo del glosario no cuenta: «perceptrón» dentro de
    «perceptrón multicapa» es el otro término.
    """
    protected = [m.span() for m in PROTECTED.finditer(text)]
    for longer in terms:
        if len(longer) > len(term) and term.lower() in longer.lower():
            protected += [m.span() for m in pattern(longer).finditer(text)]
    for match in pattern(term).finditer(text):
        if not any(a <= match.start() < b for a, b in protected):
            return match
    return None


def link_notebook(nb: nbformat.NotebookNode, terms: list[str]) -> int:
    """Enlaza el primer uso de cada término aún no enlazado; devuelve cuántos enlazó."""
    # Los pies de figura repiten un metadato (scripts/figure_captions.py): no se enlazan.
    markdown = [
        c
        for c in nb.cells[1:]
        if c.cell_type == "markdown" and figure_captions.TAG not in c.metadata.get("tags", [])
    ]
    added = 0
    for term in terms:
        target = book_links.page_url("chapters/glosario", anchor(term))
        if any(f"({target})" in c.source for c in markdown):
            continue
        for cell in markdown:
            match = first_free_match(cell.source, term, terms)
            if match:
                link = f"[{match.group(0)}]({target})"
                cell.source = cell.source[: match.start()] + link + cell.source[match.end() :]
                added += 1
                break
    return added


def main(paths: list[str]) -> int:
    terms = glossary_terms()
    for name in paths:
        nb = nbformat.read(name, as_version=4)
        added = link_notebook(nb, terms)
        if added:
            nbformat.write(nb, name)
        print(f"{name}: {added} términos enlazados")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
