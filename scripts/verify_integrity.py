"""Comprueba que un archivo bajado tenga el hash `sha512-...` publicado por el registro npm."""

import base64
import hashlib
import sys
from pathlib import Path


def main(path: str, integrity: str) -> int:
    algorithm, _, expected = integrity.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, Path(path).read_bytes()).digest()).decode()
    if digest != expected:
        print(f"{path}: el hash no coincide con {integrity}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
