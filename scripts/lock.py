"""Escribe en la salida estándar el archivo de restricciones exactas (`make lock`).

Congela el entorno `.venv` actual, sin dlnotes (se instala desde el repositorio) y con torch
fijado a la build de CPU que se instala primero.
"""

import subprocess
import sys

HEADER = """\
# Versiones exactas de todo lo que cambia las salidas guardadas. Las usa `make` (pip -c).
# Regenerar: make lock (y luego make outputs).
"""


def main() -> int:
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    lines = sorted(
        (
            line.split("+")[0] if line.startswith("torch==") else line
            for line in frozen
            if line and not line.startswith(("dlnotes", "-e "))
        ),
        key=str.lower,
    )
    sys.stdout.write(HEADER + "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
