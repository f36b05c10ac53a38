import random
import subprocess
import sys

import numpy as np
import pytest
import torch

import dlnotes


def _draws() -> tuple[float, float, float]:
    return random.random(), float(np.random.rand()), float(torch.rand(1))


def test_seed_makes_python_numpy_and_torch_repeatable():
    rng_a = dlnotes.seed(7)
    first, gen_first = _draws(), rng_a.normal(size=3)
    rng_b = dlnotes.seed(7)
    assert _draws() == first
    np.testing.assert_array_equal(rng_b.normal(size=3), gen_first)


def test_different_seeds_give_different_draws():
    dlnotes.seed(1)
    a = _draws()
    dlnotes.seed(2)
    assert _draws() != a


def test_seed_returns_generator_and_enables_determinism():
    rng = dlnotes.seed(0)
    assert isinstance(rng, np.random.Generator)
    assert torch.are_deterministic_algorithms_enabled()


@pytest.mark.parametrize("bad", [1.5, "0", None, True])
def test_seed_rejects_non_integers(bad):
    with pytest.raises(TypeError, match="entero"):
        dlnotes.seed(bad)


@pytest.mark.parametrize("bad", [-1, 2**32])
def test_seed_rejects_out_of_range(bad):
    with pytest.raises(ValueError, match="entre 0 y 2\\*\\*32 - 1"):
        dlnotes.seed(bad)


def test_device_is_cpu_without_gpu(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert dlnotes.device() == torch.device("cpu")


def test_device_is_cuda_with_gpu(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert dlnotes.device() == torch.device("cuda")


def test_import_has_no_side_effects():
    code = (
        "import matplotlib as mpl, numpy as np, torch\n"
        "rc = dict(mpl.rcParams); opts = np.get_printoptions()\n"
        "state = np.random.get_state()[1][:5].copy()\n"
        "import dlnotes\n"
        "assert dict(mpl.rcParams) == rc, 'rcParams cambió'\n"
        "assert np.get_printoptions() == opts, 'printoptions cambió'\n"
        "assert (np.random.get_state()[1][:5] == state).all(), 'semilla de numpy cambió'\n"
        "assert not torch.are_deterministic_algorithms_enabled(), 'determinismo activado'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
