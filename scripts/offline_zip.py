"""Escribe `_build/apuntes-notebooks.zip` para estudiantes sin buena conexión (`make book`).

Contiene cada notebook de `chapters/` con sus salidas, un wheel de `dlnotes` y un LÉEME.
La introducción del libro lo enlaza para descargarlo.
"""

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "_build" / "apuntes-notebooks.zip"

README = """\
Aprendizaje profundo — apuntes ejecutables (copia para usar sin conexión)
========================================================================

Contenido
- notebooks/: cada capítulo del libro, con sus resultados ya calculados.
- {wheel}: la biblioteca del libro, dlnotes.

Para ejecutar los notebooks en tu computador necesitas Python 3.10 o más nuevo con numpy,
torch, matplotlib y jupyter. Luego, en esta carpeta:

    pip install {wheel}
    jupyter notebook notebooks/

dlnotes no reemplaza el torch ni el numpy que ya tengas instalados. Algunos capítulos usan
además scikit-learn (pip install scikit-learn). Ningún notebook descarga datos.
"""


def build_wheel(dist: Path) -> Path:
    """Construye el wheel de dlnotes en `dist` y devuelve su ruta."""
    cmd = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(ROOT)]
    subprocess.run(cmd, check=True, capture_output=True)
    (wheel,) = dist.glob("dlnotes-*.whl")
    return wheel


def main() -> int:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = build_wheel(Path(tmp))
        with zipfile.ZipFile(OUTPUT, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for notebook in sorted((ROOT / "chapters").glob("*.ipynb")):
                archive.write(notebook, f"notebooks/{notebook.name}")
            archive.write(wheel, wheel.name)
            archive.writestr("LÉEME.txt", README.format(wheel=wheel.name))
    print(f"escrito {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
