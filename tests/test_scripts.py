"""Pruebas de los scripts que generan la celda de Colab y guardan las salidas."""

import nbformat
import pytest

import colab_cells
import execute_notebooks

URL = "https://github.com/org/repo"


def _notebook(*cells: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    return nb


def test_colab_source_installs_only_inside_colab():
    source = colab_cells.colab_source(URL)
    assert 'if "google.colab" in sys.modules:' in source
    assert f'%pip install --quiet "dlnotes @ git+{URL}"' in source


def test_rewrite_replaces_a_stale_cell_and_keeps_the_rest():
    stale = nbformat.v4.new_code_cell('import sys\nif "google.colab" in sys.modules:\n    pass')
    body = nbformat.v4.new_markdown_cell("# Título")
    nb = _notebook(stale, body)
    assert colab_cells.differs(nb, URL)
    colab_cells.rewrite(nb, URL)
    assert not colab_cells.differs(nb, URL)
    assert nb.cells[0].metadata["tags"] == ["remove-cell"] and nb.cells[1] is body


def test_rewrite_inserts_the_cell_when_missing():
    nb = _notebook(nbformat.v4.new_markdown_cell("# Título"))
    colab_cells.rewrite(nb, URL)
    assert len(nb.cells) == 2 and not colab_cells.differs(nb, URL)


def test_a_cell_without_the_tag_differs():
    nb = _notebook(nbformat.v4.new_code_cell(colab_cells.colab_source(URL)))
    assert colab_cells.differs(nb, URL)


def test_check_mode_fails_on_a_stale_notebook(tmp_path, capsys):
    path = tmp_path / "capitulo.ipynb"
    nbformat.write(_notebook(nbformat.v4.new_markdown_cell("# Título")), path)
    assert colab_cells.main(["--check", str(path)]) == 1
    assert "make colab-cells" in capsys.readouterr().out
    assert colab_cells.main(["--write", str(path)]) == 0
    assert colab_cells.main(["--check", str(path)]) == 0


@pytest.mark.parametrize(
    "bad",
    ["https://github.com/org/repo.git", "https://gitlab.com/org/r", "https://github.com/org/repo/"],
)
def test_repository_url_must_be_a_plain_github_url(tmp_path, bad):
    config = tmp_path / "_config.yml"
    config.write_text(f"repository:\n  url: {bad}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="repository.url"):
        colab_cells.repository_url(config)


def test_normalize_blanks_only_figure_text():
    figure = nbformat.v4.new_output(
        "display_data",
        data={"image/png": "iVBOR", "text/plain": "<Figure size 640x480 with 1 Axes>"},
    )
    text = nbformat.v4.new_output(
        "execute_result", data={"text/plain": "<Figure size 1x1>"}, execution_count=1
    )
    cell = nbformat.v4.new_code_cell("plt.show()")
    cell.outputs = [figure, text]
    nb = _notebook(cell)
    execute_notebooks.normalize(nb)
    assert figure.data["text/plain"] == "" and figure.data["image/png"] == "iVBOR"
    assert text.data["text/plain"] == "<Figure size 1x1>"
