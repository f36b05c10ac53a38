"""La ruta de instalación de Colab, en un entorno limpio (lenta, ~1 min: `make test-install`).

Colab ya trae torch, numpy, matplotlib e ipykernel. Instalar dlnotes no debe reemplazar
ninguno, y un capítulo debe ejecutarse con la biblioteca instalada desde el wheel.
"""

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = ROOT / "chapters" / "01-perceptron.ipynb"
# Lo que Colab ya trae y usa dlnotes (scipy y requests, para mnist1d).
PREINSTALLED = [
    "torch==2.13.0",
    "numpy",
    "matplotlib",
    "scipy",
    "requests",
    "ipykernel",
    "nbclient",
]
# Lo único que instalar dlnotes puede agregar: ella misma y mnist1d (Python puro, sin dependencias
# que Colab no tenga).
ADDED = {"dlnotes", "mnist1d"}

pytestmark = pytest.mark.install


def run(*args: object, cwd: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=env
    )
    assert result.returncode == 0, f"{args} falló:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def freeze(python: Path) -> dict[str, str]:
    lines = run(python, "-m", "pip", "list", "--format=json")
    return {p["name"].lower(): p["version"] for p in json.loads(lines)}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", dist, ROOT)
    (path,) = dist.glob("dlnotes-*.whl")
    return path


@pytest.fixture(scope="module")
def colab_like(tmp_path_factory) -> Path:
    venv = tmp_path_factory.mktemp("colab") / "venv"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", "-c", ROOT / "constraints.txt", *PREINSTALLED)
    return python


def test_wheel_holds_only_the_package(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "dlnotes/__init__.py" in names
    assert all(n.startswith(("dlnotes/", "dlnotes-")) for n in names), names


def test_installing_replaces_nothing_and_runs_a_chapter(wheel, colab_like, tmp_path):
    before = freeze(colab_like)
    run(colab_like, "-m", "pip", "install", "--quiet", wheel)
    after = freeze(colab_like)
    assert {k: v for k, v in after.items() if k not in ADDED} == before, "pip cambió paquetes"
    assert after["dlnotes"] == "0.1.0" and "mnist1d" in after

    where = run(colab_like, "-c", "import dlnotes; print(dlnotes.__file__)", cwd=tmp_path)
    assert "site-packages" in where and str(ROOT) not in where

    notebook = tmp_path / CHAPTER.name
    shutil.copy(CHAPTER, notebook)
    code = (
        "import nbclient, nbformat, sys\n"
        "nb = nbformat.read(sys.argv[1], as_version=4)\n"
        "nbclient.NotebookClient(nb, kernel_name='python3', timeout=300).execute()\n"
        "nbformat.write(nb, sys.argv[1])\n"
    )
    run(colab_like, "-c", code, notebook, cwd=tmp_path)
    executed = json.loads(notebook.read_text(encoding="utf-8"))
    stored = json.loads(CHAPTER.read_text(encoding="utf-8"))
    assert _streams(executed) == _streams(stored)


def _streams(nb: dict) -> list[str]:
    """Por celda, todo el texto que imprimió y los mensajes de autoevaluación.

    Se concatena por celda porque el kernel puede partir una misma impresión en varios
    fragmentos de `stream` (nbval también los une antes de comparar).
    """
    texts = []
    for cell in nb["cells"]:
        parts = []
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", output.get("evalue")
            data = output.get("data", {})
            if "image/png" not in data:
                parts.append("".join(output.get("text") or data.get("text/plain", "")))
        texts.append("".join(parts))
    return texts
