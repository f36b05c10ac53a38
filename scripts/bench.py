"""Benchmark de los notebooks (`make bench`): tiempo y memoria de ejecutar cada uno.

Cada notebook se ejecuta en un proceso aparte (con su kernel); se informa el tiempo de pared,
el tiempo de CPU (usuario + sistema, proceso y kernel) y la memoria residente máxima.
Meta del libro: cada notebook en menos de 60 s en 2 núcleos de CPU.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

TARGET_SECONDS = 60.0
HERE = Path(__file__).resolve().parent


def measure(path: Path) -> tuple[float, float, float]:
    """Ejecuta un notebook sin guardarlo; devuelve (pared s, CPU s, memoria máxima MiB)."""
    start = time.perf_counter()
    cmd = [sys.executable, str(HERE / "execute_notebooks.py"), "--no-write", str(path)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{path} falló al ejecutarse; pruébalo con make outputs")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main(paths: list[str]) -> int:
    print(f"| notebook | pared (s) | CPU (s) | memoria máx. (MiB) | ≤ {TARGET_SECONDS:.0f} s |")
    print("|---|---:|---:|---:|:---:|")
    slow = 0
    for name in paths:
        wall, cpu, rss = measure(Path(name))
        ok = wall <= TARGET_SECONDS
        slow += not ok
        print(
            f"| {Path(name).name} | {wall:.1f} | {cpu:.1f} | {rss:.0f} | {'sí' if ok else 'NO'} |"
        )
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
