"""Pruebas de estructura del libro: lo que debe cumplir cada notebook guardado."""

import json
import re
from pathlib import Path

import nbformat
import pytest
import yaml

import book_links
import colab_cells
import figure_captions
import glossary_links

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = ROOT / "chapters"
NOTEBOOKS = sorted(CHAPTERS.glob("*.ipynb"))
IDS = [p.name for p in NOTEBOOKS]
MAX_BYTES = 2_000_000

# Sintaxis MyST que Colab mostraría como texto crudo.
MYST_ONLY = [
    (re.compile(r"^\s*(```|~~~)\s*\{"), "directiva MyST (```{...})"),
    (re.compile(r"^\s*:::"), "bloque ::: de MyST"),
    (re.compile(r"\{[a-z:]+\}`"), "rol MyST ({cite}`...`)"),
    (re.compile(r"^\s*\([\w-]+\)=\s*$"), "destino MyST (label)="),
]
# Lo que nunca debe quedar en una salida guardada.
FORBIDDEN_OUTPUT = [
    (re.compile(r"0x[0-9a-fA-F]{6,}"), "una dirección de memoria"),
    (re.compile(r"<Figure size"), "el texto <Figure size ...>"),
    (re.compile(r"Wall time|CPU times|\d+(\.\d+)?\s?(ms|µs|it/s|s/it)\b"), "un tiempo"),
    (re.compile(r"\d+%\|"), "una barra de progreso"),
    (re.compile(r"\d\.\d{7,}"), "un número sin redondear (7 o más decimales)"),
]


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def text_of(output: dict) -> str:
    if "text" in output:
        return "".join(output["text"])
    return "".join("".join(v) for k, v in output.get("data", {}).items() if k.startswith("text/"))


def toc_files() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [chapter["file"] for chapter in part["chapters"]]
    return files


def test_there_are_notebooks():
    assert NOTEBOOKS, "no hay notebooks en chapters/"


def test_every_notebook_is_in_the_toc_and_every_toc_entry_exists():
    listed = toc_files()
    stems = {str(p.relative_to(ROOT).with_suffix("")) for p in NOTEBOOKS}
    assert stems <= set(listed), f"notebooks fuera de _toc.yml: {sorted(stems - set(listed))}"
    for entry in listed:
        matches = [p for p in (ROOT / f"{entry}.md", ROOT / f"{entry}.ipynb") if p.exists()]
        assert len(matches) == 1, f"{entry} de _toc.yml no existe (o existe como .md y .ipynb)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_executed_once_in_order_without_errors(path):
    cells = code_cells(load(path))
    counts = [c["execution_count"] for c in cells]
    assert counts == list(range(1, len(cells) + 1)), "ejecuta con `make outputs`"
    errors = [o for c in cells for o in c["outputs"] if o["output_type"] == "error"]
    assert not errors, f"salida de error guardada: {errors[0].get('ename')}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_colab_cell_is_canonical(path):
    assert not colab_cells.differs(load(path), colab_cells.repository_url()), (
        "la primera celda no es la celda de Colab canónica; usa `make colab-cells`"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_is_small(path):
    assert path.stat().st_size < MAX_BYTES


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_markdown_renders_in_colab_and_on_the_site(path):
    for cell in load(path)["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for line in "".join(cell["source"]).splitlines():
            for pattern, what in MYST_ONLY:
                assert not pattern.search(line), f"{what} en markdown: {line!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_stored_outputs_are_clean(path):
    for cell in code_cells(load(path)):
        for output in cell["outputs"]:
            text = text_of(output)
            for pattern, what in FORBIDDEN_OUTPUT:
                match = pattern.search(text)
                assert not match, f"salida con {what}: {match.group(0)!r} en {text[:80]!r}"
            assert output.get("name") != "stderr", f"salida en stderr: {text[:200]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_chapter_skeleton(path):
    nb = load(path)
    markdown = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert nb["cells"][1]["cell_type"] == "markdown"
    assert "".join(nb["cells"][1]["source"]).startswith("# "), "el título va en la celda 2"
    for needed in [
        "**En este capítulo**",
        "Diapositivas:",
        "## Ejercicios",
        "## Resumen",
        "## Referencias",
    ]:
        assert needed in markdown, f"falta {needed!r}"
    assert markdown.index("## Ejercicios") < markdown.index("## Resumen")
    assert markdown.index("## Resumen") < markdown.index("## Referencias")
    setup = "".join(code_cells(nb)[1]["source"])
    for call in ["dlnotes.seed(", "dlnotes.device()", "dlnotes.use_book_style()"]:
        assert call in setup, f"la celda de preparación debe llamar a {call}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_solutions_are_hidden_in_both_readers(path):
    nb = load(path)
    solutions = 0
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and source.startswith("# @title Solución"):
            solutions += 1
            assert cell["metadata"].get("cellView") == "form", "falta cellView: form (Colab)"
            assert "hide-input" in cell["metadata"].get("tags", []), "falta hide-input (sitio)"
        if cell["cell_type"] == "markdown" and "<details>" in source:
            solutions += 1
            assert "<summary>Solución" in source
            assert re.search(r"</summary>\n\n", source), "línea en blanco tras </summary>"
            assert re.search(r"\n\n</details>", source), "línea en blanco antes de </details>"
    assert solutions >= 2, "los ejercicios necesitan soluciones ocultas"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_exercises_have_self_checks(path):
    nb = load(path)
    start = next(i for i, c in enumerate(nb["cells"]) if "## Ejercicios" in "".join(c["source"]))
    checks = [
        c
        for c in nb["cells"][start:]
        if c["cell_type"] == "code" and "dlnotes.check." in "".join(c["source"])
    ]
    assert checks, "al menos un ejercicio con autoevaluación dlnotes.check"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_plt_show_stored_a_figure(path):
    for i, cell in enumerate(code_cells(load(path))):
        if "plt.show()" in "".join(cell["source"]):
            images = [o for o in cell["outputs"] if "image/png" in o.get("data", {})]
            assert images, f"la celda de código {i} llama a plt.show() pero no guardó una imagen"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_figures_have_captions_and_hidden_asserts(path):
    cells = load(path)["cells"]
    for i, cell in enumerate(cells):
        outputs = cell.get("outputs", [])
        if not any("image/png" in o.get("data", {}) for o in outputs):
            continue
        figure = cell["metadata"].get("mystnb", {}).get("figure", {})
        assert figure.get("caption") and figure.get("name"), f"figura sin caption (celda {i})"
        assert cell["metadata"]["mystnb"].get("image", {}).get("alt"), f"figura sin alt ({i})"
        following = cells[i + 1 :]
        checks = next(
            (
                c
                for c in following
                if c["cell_type"] == "code"
                and "remove-cell" in c["metadata"].get("tags", [])
                and "assert" in "".join(c["source"])
            ),
            None,
        )
        assert checks is not None, (
            f"la figura de la celda {i} no tiene una celda oculta con asserts"
        )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_figure_has_its_numbered_caption_right_below_for_colab(path):
    nb = nbformat.read(path, as_version=4)
    chapter = figure_captions.chapter_numbers()[str(path.relative_to(ROOT).with_suffix(""))]
    expected = [c.source for c in figure_captions.with_captions(nb, chapter)]
    assert [c.source for c in nb.cells] == expected, "pies de figura desactualizados: make captions"
    for i, cell in enumerate(nb.cells):
        if figure_captions.caption_of(cell):
            below = nb.cells[i + 1]
            assert below.cell_type == "markdown" and below.source.startswith("**Figura ")
            assert below.metadata["tags"] == ["remove-cell", figure_captions.TAG]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_ignored_outputs_have_a_compared_twin(path):
    cells = load(path)["cells"]
    ids = {c.get("id"): c for c in cells}
    for cell in cells:
        if "nbval-ignore-output" in cell.get("metadata", {}).get("tags", []):
            twin = ids.get(cell["metadata"].get("nbval_twin"))
            assert twin is not None, "nbval-ignore-output sin metadato nbval_twin válido"
            assert "nbval-ignore-output" not in twin["metadata"].get("tags", [])


REFERENCES_URL = book_links.page_url("chapters/referencias")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_link_works_when_the_notebook_is_opened_in_colab(path):
    site = book_links.site_url()
    for cell in load(path)["cells"]:
        if cell["cell_type"] == "markdown":
            for target in book_links.links("".join(cell["source"])):
                why = book_links.dead_in_colab(target, site)
                assert why is None, f"enlace muerto en Colab: {target}: {why}"


def test_reference_links_point_to_bibliography_entries():
    keys = set(re.findall(r"^@\w+\{([^,\s]+),", (ROOT / "references.bib").read_text(), re.M))
    for path in NOTEBOOKS:
        markdown = "".join("".join(c["source"]) for c in load(path)["cells"])
        for key in re.findall(rf"\]\({re.escape(REFERENCES_URL)}#([^)]+)\)", markdown):
            assert key in keys, f"{path.name} enlaza a {key!r}, que no está en references.bib"


def test_config_names_the_repository_once_and_executes_nothing():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["execute"]["execute_notebooks"] == "off"
    assert config["only_build_toc_files"] is True
    assert config["repository"]["branch"] == "main"
    assert config["sphinx"]["config"]["language"] == "es"
    url = colab_cells.repository_url()
    others = [
        p
        for p in ROOT.rglob("*")
        if p.is_file()
        and p.suffix in {".md", ".yml", ".py"}
        and ".venv" not in p.parts
        and "_build" not in p.parts
        and p.name != "_config.yml"
        and url in p.read_text(encoding="utf-8")
    ]
    allowed = {ROOT / "README.md", CHAPTERS / "intro.md"}
    assert set(others) <= allowed, f"la URL del repositorio aparece fuera de _config.yml: {others}"


def test_every_notebook_has_a_measured_runtime():
    runtimes = json.loads((ROOT / "bench" / "runtimes.json").read_text(encoding="utf-8"))
    missing = [p.name for p in NOTEBOOKS if f"chapters/{p.name}" not in runtimes]
    assert not missing, f"sin tiempo medido (corre make bench): {missing}"


GLOSSARY_URL = book_links.page_url("chapters/glosario")
GLOSSARY_LINK = re.compile(rf"\]\({re.escape(GLOSSARY_URL)}#([^)]+)\)")
GLOSSARY_TERMS = glossary_links.glossary_terms()
GLOSSARY_ANCHORS = {glossary_links.anchor(t): t for t in GLOSSARY_TERMS}


def markdown_text(path: Path) -> str:
    """El Markdown del notebook sin los pies de figura (copias de un metadato)."""
    cells = [
        c
        for c in load(path)["cells"][1:]
        if c["cell_type"] == "markdown" and figure_captions.TAG not in c["metadata"].get("tags", [])
    ]
    return "\n\n".join("".join(c["source"]) for c in cells)


def test_glossary_links_point_to_existing_terms():
    for path in NOTEBOOKS:
        for anchor in GLOSSARY_LINK.findall(markdown_text(path)):
            assert anchor in GLOSSARY_ANCHORS, f"{path.name} enlaza al término inexistente {anchor}"
    for page in CHAPTERS.glob("*.md"):
        for term in re.findall(r"\{term\}`([^`<]+)", page.read_text(encoding="utf-8")):
            assert term.strip() in GLOSSARY_TERMS, f"{page.name} usa {{term}} con {term!r}"


def test_every_glossary_term_is_linked_somewhere():
    linked = set()
    for path in NOTEBOOKS:
        linked |= set(GLOSSARY_LINK.findall(markdown_text(path)))
    for page in CHAPTERS.glob("*.md"):
        text = page.read_text(encoding="utf-8")
        linked |= {glossary_links.anchor(t) for t in re.findall(r"\{term\}`([^`<]+)`", text)}
    never = sorted(GLOSSARY_ANCHORS[a] for a in set(GLOSSARY_ANCHORS) - linked)
    assert not never, f"términos del glosario que ningún capítulo enlaza: {never}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_first_use_of_each_term_is_linked(path):
    text = markdown_text(path)
    for term in GLOSSARY_TERMS:
        free = glossary_links.first_free_match(text, term, GLOSSARY_TERMS)
        if free is None:
            continue
        link = text.find(f"]({GLOSSARY_URL}#{glossary_links.anchor(term)})")
        context = text[max(0, free.start() - 40) : free.end()]
        assert 0 <= link < free.start(), (
            f"primer uso de {term!r} sin enlace al glosario: …{context!r} (make glossary-links)"
        )


def test_figure_names_are_unique_across_the_book():
    names = [
        cell["metadata"]["mystnb"]["figure"]["name"]
        for path in NOTEBOOKS
        for cell in load(path)["cells"]
        if cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("name")
    ]
    repeated = sorted({n for n in names if names.count(n) > 1})
    assert not repeated, f"nombres de figura repetidos (el build estricto falla): {repeated}"
