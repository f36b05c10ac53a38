"""Pruebas del sitio construido (`_build/html`), después del build estricto (`make test-site`).

Comprueban en el HTML lo que un estudiante ve: idioma, botón de Colab, descarga del .ipynb,
soluciones plegadas con la matemática procesada, figuras numeradas y celdas ocultas ausentes.
"""

import html as htmllib
import json
import re
import zipfile
from pathlib import Path

import pytest
import yaml

import book_links
import colab_cells
import figure_captions

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
pytestmark = pytest.mark.site


def toc_pages() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]


PAGES = toc_pages()
NOTEBOOK_PAGES = [p for p in PAGES if (ROOT / f"{p}.ipynb").exists()]


def html_of(page: str) -> str:
    path = HTML / f"{page}.html"
    assert path.exists(), f"falta {path}; ¿corriste el build? (make strict-book)"
    return path.read_text(encoding="utf-8")


def notebook_cells(page: str) -> list[dict]:
    return json.loads((ROOT / f"{page}.ipynb").read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    return "".join(cell["source"])


@pytest.mark.parametrize("page", PAGES)
def test_page_is_spanish(page):
    html = html_of(page)
    assert re.search(r'<html lang="es"', html)
    assert 'placeholder="Buscar en el libro..."' in html
    assert "Link to this heading" not in html, "falta la traducción de _locale/es"


@pytest.mark.parametrize("page", PAGES)
def test_colab_button_only_on_notebook_pages(page):
    links = re.findall(r'href="(https://colab\.research\.google\.com/[^"]*)"', html_of(page))
    if page in NOTEBOOK_PAGES:
        org_repo = colab_cells.repository_url().removeprefix("https://github.com/")
        expected = f"https://colab.research.google.com/github/{org_repo}/blob/main/{page}.ipynb"
        assert links == [expected]
    else:
        assert links == []


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_ipynb_download_works(page):
    html = html_of(page)
    name = Path(page).name
    assert f'href="../_sources/{page}.ipynb"' in html
    downloaded = HTML / "_sources" / f"{page}.ipynb"
    assert downloaded.read_bytes() == (ROOT / f"{page}.ipynb").read_bytes(), name


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_code_solutions_are_folded(page):
    html = html_of(page)
    expected = sum(source(c).startswith("# @title Solución") for c in notebook_cells(page))
    folded = re.findall(r'<details class="[^"]*hide above-input">(.*?)</details>', html, re.S)
    assert len(folded) == expected
    assert all("Solución" in block for block in folded)


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_prose_solutions_are_collapsed_with_typeset_math(page):
    html = html_of(page)
    cells = [source(c) for c in notebook_cells(page) if c["cell_type"] == "markdown"]
    expected = [c for c in cells if "<details>" in c]
    blocks = re.findall(r"<details>(.*?)</details>", html, re.S)
    assert len(blocks) == len(expected)
    for cell, block in zip(expected, blocks, strict=True):
        assert "<summary>Solución" in block and "<p>" in block, "el interior no se procesó"
        inside = cell[cell.index("<details>") : cell.index("</details>")]
        if "$" in inside:
            assert 'class="math' in block and "$" not in block, "matemática sin procesar"


def visible_text(html: str) -> str:
    """Texto de la página sin etiquetas (el resaltado de código parte cada línea en spans)."""
    return htmllib.unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_hidden_cells_are_not_on_the_site(page):
    text = visible_text(html_of(page))
    code = [c for c in notebook_cells(page) if c["cell_type"] == "code"]
    assert source(code[1]).strip() in text, "control: la celda de preparación debería verse"
    for cell in code:
        if "remove-cell" in cell["metadata"].get("tags", []):
            block = source(cell).strip()
            assert block not in text, f"una celda remove-cell se ve en el sitio: {block[:60]!r}"


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_figures_are_numbered_in_spanish(page):
    html = html_of(page)
    figures = [c for c in notebook_cells(page) if c["metadata"].get("mystnb", {}).get("figure")]
    numbers = re.findall(r'<span class="caption-number">Figura (\d+\.\d+) </span>', html)
    assert len(numbers) == len(figures)
    images = re.findall(r"<img ([^>]*)>", html)
    assert all('alt="' in img and 'alt=""' not in img for img in images)


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_notebook_pages_show_the_measured_runtime(page):
    runtimes = json.loads((ROOT / "bench" / "runtimes.json").read_text(encoding="utf-8"))
    seconds = runtimes[f"{page}.ipynb"]
    expected = f"Tiempo de ejecución en CPU: ~{max(1, round(seconds + 0.5))} s"
    assert expected in visible_text(html_of(page))


def test_api_page_uses_corrected_spanish_labels():
    text = visible_text(html_of("chapters/biblioteca"))
    assert "Lanza:" in text and "Muestra:" not in text


def test_intro_links_the_offline_zip():
    links = re.findall(r'href="([^"]*apuntes-notebooks\.zip)"', html_of(PAGES[0]))
    assert len(links) == 1
    archive = (HTML / "chapters" / links[0]).resolve()
    names = zipfile.ZipFile(archive).namelist()
    notebooks = sorted(f"notebooks/{Path(p).name}.ipynb" for p in NOTEBOOK_PAGES)
    assert sorted(n for n in names if n.endswith(".ipynb")) == notebooks
    assert any(n.startswith("dlnotes-") and n.endswith(".whl") for n in names)
    assert "LÉEME.txt" in names


def ids_of(path: Path) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("page", PAGES)
def test_every_link_on_the_page_reaches_a_page_and_anchor_that_exist(page):
    # Los enlaces de los notebooks al sitio (html.baseurl) ya se volvieron relativos aquí.
    source_page = HTML / f"{page}.html"
    ids_cache: dict[Path, set[str]] = {}
    site = book_links.site_url()
    for href in re.findall(r'<a\s[^>]*href="([^"]+)"', html_of(page)):
        href = htmllib.unescape(href)
        assert not href.startswith(site), (
            f"enlace al sitio publicado que no se volvió relativo: {href}"
        )
        if re.match(r"[a-z]+:", href):
            continue  # externo (https:, mailto:)
        path, _, anchor = href.partition("#")
        target = (source_page.parent / path).resolve() if path else source_page
        assert target.exists(), f"{page}: el enlace {href!r} lleva a una página que no existe"
        if anchor and target.suffix == ".html":
            ids = ids_cache.setdefault(target, ids_of(target))
            assert anchor in ids, f"{page}: el enlace {href!r} lleva a un ancla que no existe"


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_figure_captions_appear_once_with_the_number_colab_shows(page):
    # Colab muestra la celda «**Figura N.k.** pie» (scripts/figure_captions.py); el sitio, el
    # <figcaption> numerado por Sphinx. Deben decir lo mismo, y el pie no aparece dos veces.
    html = html_of(page)
    shown = [
        " ".join(htmllib.unescape(re.sub(r"<[^>]+>", "", n)).split())
        for n in re.findall(r'<span class="caption-number">([^<]*)</span>', html)
    ]
    colab = [
        re.match(r"\*\*(Figura [\d.]+)\.\*\*", source(c)).group(1)
        for c in notebook_cells(page)
        if figure_captions.TAG in c["metadata"].get("tags", [])
    ]
    assert [s.rstrip(". ") for s in shown] == colab
    assert "<strong>Figura" not in html, "el pie para Colab también se ve en el sitio"
