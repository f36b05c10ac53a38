"""Benchmark (`make bench`): el motor de NumPy contra PyTorch, y cada notebook.

1. Entrena el mismo MLP con `dlnotes.engine` y con PyTorch (mismos pesos iniciales, float64,
   descenso del gradiente de lote completo): razón de tiempos (meta ≤ 1.5) y pérdida final.
2. Ejecuta cada notebook en un proceso aparte (con su kernel): tiempo de pared, tiempo de CPU
   (usuario + sistema, proceso y kernel) y memoria residente máxima (meta: < 60 s cada uno).
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import torch

import dlnotes
from dlnotes import engine

TARGET_SECONDS = 60.0
TARGET_ENGINE_RATIO = 1.5
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RUNTIMES = ROOT / "bench" / "runtimes.json"
SIZES, NUM_STEPS, LR, REPEATS = [2, 64, 64, 1], 500, 0.2, 3


def train_engine(X: np.ndarray, y: np.ndarray) -> tuple[float, list[np.ndarray]]:
    """Entrena con el motor de NumPy; devuelve la pérdida final y los pesos iniciales."""
    model = engine.MLP(SIZES, activation="tanh", rng=0)
    initial = [p.copy() for p in model.parameters()]
    for _ in range(NUM_STEPS):
        model.zero_grad()
        loss, grad = engine.bce_with_logits_loss(model.forward(X), y)
        model.backward(grad)
        model.step(LR)
    return loss, initial


def train_torch(X: np.ndarray, y: np.ndarray, initial: list[np.ndarray]) -> float:
    """La misma red y el mismo entrenamiento con PyTorch (autograd + torch.optim.SGD)."""
    layers = [
        torch.nn.Linear(m, k, dtype=torch.float64)
        for m, k in zip(SIZES[:-1], SIZES[1:], strict=True)
    ]
    model = torch.nn.Sequential(layers[0], torch.nn.Tanh(), layers[1], torch.nn.Tanh(), layers[2])
    with torch.no_grad():
        for p, value in zip(model.parameters(), initial, strict=True):
            p.copy_(torch.from_numpy(value))
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    X_t, y_t = torch.from_numpy(X), torch.from_numpy(y)
    for _ in range(NUM_STEPS):
        optimizer.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(model(X_t), y_t)
        loss.backward()
        optimizer.step()
    return loss.item()


def best_time(fn, *args) -> tuple[float, object]:
    """Mejor tiempo de pared de REPEATS corridas y el resultado de la última."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = fn(*args)
        times.append(time.perf_counter() - start)
    return min(times), result


def bench_engine() -> bool:
    """Imprime la tabla motor vs PyTorch; devuelve si se cumple la meta de tiempo."""
    X, labels = dlnotes.make_moons(512, noise=0.2, rng=0)
    y = labels[:, None].astype(float)
    t_engine, (loss_engine, initial) = best_time(train_engine, X, y)
    t_torch, loss_torch = best_time(train_torch, X, y, initial)
    ratio = t_engine / t_torch
    print(f"MLP {'-'.join(map(str, SIZES))}, {NUM_STEPS} pasos de GD sobre 512 ejemplos (float64)")
    print("| implementación | tiempo (s) | pérdida final |")
    print("|---|---:|---:|")
    print(f"| dlnotes.engine (NumPy) | {t_engine:.2f} | {loss_engine:.6f} |")
    print(f"| PyTorch | {t_torch:.2f} | {loss_torch:.6f} |")
    same = abs(loss_engine - loss_torch) <= 1e-8 * max(1.0, abs(loss_torch))
    print(
        f"razón de tiempos NumPy/PyTorch: {ratio:.2f} (meta ≤ {TARGET_ENGINE_RATIO}); "
        f"misma pérdida final: {'sí' if same else 'NO'}\n"
    )
    return ratio <= TARGET_ENGINE_RATIO and same


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


def write_runtimes(cpu_seconds: dict[str, float]) -> None:
    """Guarda el tiempo de CPU de cada notebook; el sitio lo muestra bajo cada título."""
    RUNTIMES.parent.mkdir(exist_ok=True)
    old = json.loads(RUNTIMES.read_text(encoding="utf-8")) if RUNTIMES.exists() else {}
    merged = {**old, **{k: round(v, 1) for k, v in cpu_seconds.items()}}
    RUNTIMES.write_text(json.dumps(dict(sorted(merged.items())), indent=2) + "\n", encoding="utf-8")


def main(paths: list[str]) -> int:
    engine_ok = bench_engine()
    print(f"| notebook | pared (s) | CPU (s) | memoria máx. (MiB) | ≤ {TARGET_SECONDS:.0f} s |")
    print("|---|---:|---:|---:|:---:|")
    slow = 0
    cpu_seconds = {}
    for name in paths:
        wall, cpu, rss = measure(Path(name))
        cpu_seconds[Path(name).as_posix()] = cpu  # "chapters/NN-nombre.ipynb"
        ok = wall <= TARGET_SECONDS
        slow += not ok
        print(
            f"| {Path(name).name} | {wall:.1f} | {cpu:.1f} | {rss:.0f} | {'sí' if ok else 'NO'} |"
        )
    write_runtimes(cpu_seconds)
    print(f"\ntiempos de CPU guardados en {RUNTIMES.relative_to(ROOT)}")
    return 1 if slow or not engine_ok else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
