"""El sitio construido en un navegador real (Chromium de Debian, manejado con Playwright).

Sirve `_build/html` en 127.0.0.1 y recorre cada página: todo responde 200, nada sale de
127.0.0.1, no hay errores de JavaScript, la matemática queda procesada por MathJax, las figuras
cargan con texto alternativo, los botones funcionan, el buscador encuentra los términos clave y el
modo oscuro cambia. Guarda capturas de escritorio y de teléfono en `_build/screenshots/`.
Sin Chromium se omite (en CI falla): `make test-browser` explica cómo habilitarla.
"""

import functools
import http.server
import json
import os
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import quote, urljoin, urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
SHOTS = ROOT / "_build" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.browser
if CHROMIUM is None:
    if os.environ.get("CI"):
        raise RuntimeError(
            "CI necesita Chromium para la prueba de navegador (apt install chromium)"
        )
    pytest.skip(
        "no hay Chromium: instala el paquete Debian 'chromium' para esta prueba",
        allow_module_level=True,
    )

sync_api = pytest.importorskip("playwright.sync_api")


def toc_pages() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]


PAGES = toc_pages()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # sin ruido en la salida de pytest
        pass


@pytest.fixture(scope="module")
def server():
    assert (HTML / "index.html").exists(), "construye el sitio primero (make strict-book)"
    handler = functools.partial(QuietHandler, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Visit:
    """Una página abierta, con el registro de respuestas, salidas a la red y errores."""

    def __init__(self, browser, url: str, viewport: dict | None = None) -> None:
        self.context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.bad_responses, self.external, self.errors = [], [], []
        self.context.route("**/*", self._route)
        self.page.on("response", lambda r: r.status >= 400 and self.bad_responses.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        response = self.page.goto(url, wait_until="networkidle")
        assert response.status == 200, url
        if self.page.locator("script[src*='mathjax']").count():
            self.page.wait_for_function("() => window.MathJax && MathJax.startup?.promise")
            self.page.evaluate("() => MathJax.startup.promise")

    def _route(self, route) -> None:
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort()

    def close(self) -> None:
        self.context.close()


# Palabras de la interfaz en inglés que los temas dejan sin traducir (ver _ext/spanish_ui.py).
ENGLISH_UI = re.compile(
    r"\b(Toggle|Launch|Download|Search|Print|Fullscreen|Full screen|Copy|Copied|Click|Contents|"
    r"Skip|Previous|Next|Page|Main|logo|Light|Dark|System|Theme|Source|Edit|Open|Close|Show|"
    r"Hide|Menu|Back to top|Navigation|Version|Repository)\b"
)
UI_LABELS_JS = """() => {
  const labels = [];
  for (const el of document.querySelectorAll("*")) {
    if (el.closest("main article") && el.tagName === "IMG") continue;  // alt de las figuras
    for (const a of ["title", "aria-label", "alt", "placeholder", "data-tooltip",
                     "data-bs-title", "data-bs-original-title"]) {
      if (el.getAttribute(a)) labels.push(`${a}="${el.getAttribute(a)}"`);
    }
  }
  const chrome = "header button, nav, .bd-sidebar-secondary, .header-article, summary, "
    + ".toggle-button, .copybtn";
  for (const el of document.querySelectorAll(chrome)) {
    if (el.innerText) labels.push(el.innerText);
  }
  return labels;
}"""


@pytest.mark.parametrize("page_name", PAGES)
def test_page_in_a_real_browser(server, browser, page_name):
    visit = Visit(browser, f"{server}/{page_name}.html")
    page = visit.page
    try:
        assert page.get_attribute("html", "lang") == "es"
        text = page.inner_text("main")
        if page.locator("span.math, div.math").count():
            assert page.locator("mjx-container").count() > 0, "MathJax no procesó la matemática"
        assert "$$" not in text and "\\(" not in text, "quedó matemática sin procesar"
        for img in page.locator("main img").all():
            assert img.get_attribute("alt"), f"imagen sin alt: {img.get_attribute('src')}"
            assert img.evaluate("i => i.complete && i.naturalWidth > 0"), img.get_attribute("src")
        notebook = (ROOT / f"{page_name}.ipynb").exists()
        colab = page.locator("a[href^='https://colab.research.google.com/']")
        assert colab.count() == (1 if notebook else 0)
        if notebook:
            button = page.locator("a[href*='_sources/'][href$='.ipynb']")
            assert button.count() == 1, "falta el botón para descargar el .ipynb"
            download = page.request.get(urljoin(page.url, button.get_attribute("href")))
            assert download.status == 200 and json.loads(download.body())["cells"]
        page.screenshot(path=str(SHOTS / f"{Path(page_name).name}-escritorio.png"), full_page=True)
        assert not visit.bad_responses, visit.bad_responses
        assert not visit.external, f"pedidos fuera de 127.0.0.1: {visit.external}"
        assert not visit.errors, f"errores de JavaScript: {visit.errors}"
        assert_no_english_ui(page)
    finally:
        visit.close()


def assert_no_english_ui(page) -> None:
    for toggle in page.locator("details.hide summary, button.toggle-button").all()[:2]:
        toggle.click()  # sphinx-togglebutton crea sus etiquetas al abrir y cerrar
    english = [s for s in page.evaluate(UI_LABELS_JS) if ENGLISH_UI.search(s)]
    assert not english, f"etiquetas de la interfaz en inglés: {sorted(set(english))[:8]}"


def test_search_page_has_no_english_ui_label(server, browser):
    visit = Visit(browser, f"{server}/search.html")
    try:
        assert_no_english_ui(visit.page)
    finally:
        visit.close()


@pytest.mark.parametrize("page_name", PAGES)
def test_page_fits_a_phone(server, browser, page_name):
    visit = Visit(browser, f"{server}/{page_name}.html", viewport=PHONE)
    try:
        overflow = visit.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        visit.page.screenshot(
            path=str(SHOTS / f"{Path(page_name).name}-telefono.png"), full_page=True
        )
        assert overflow <= 1, f"la página es {overflow}px más ancha que el teléfono"
    finally:
        visit.close()


@pytest.mark.parametrize("term", ["perceptrón", "retropropagación", "backpropagation"])
def test_search_finds_key_terms(server, browser, term):
    visit = Visit(browser, f"{server}/search.html?q={quote(term)}")
    try:
        results = visit.page.locator("#search-results ul.search li")
        results.first.wait_for(timeout=10_000)
        assert results.count() >= 1
        assert not visit.external and not visit.errors
    finally:
        visit.close()


def test_dark_mode_toggles(server, browser):
    visit = Visit(browser, f"{server}/{PAGES[1]}.html")
    try:
        page = visit.page
        themes = [page.get_attribute("html", "data-theme")]
        for _ in range(2):
            page.locator("button.theme-switch-button").first.click()
            themes.append(page.get_attribute("html", "data-theme"))
        assert "dark" in themes and "light" in themes, themes
    finally:
        visit.close()
