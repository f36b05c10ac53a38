import numpy as np
import pytest

import dlnotes

GATES = {
    "and": lambda a, b: a and b,
    "or": lambda a, b: a or b,
    "xor": lambda a, b: a ^ b,
    "nand": lambda a, b: not (a and b),
    "nor": lambda a, b: not (a or b),
}


@pytest.mark.parametrize("name", sorted(GATES))
def test_logic_gate_matches_python_operators(name):
    X, y = dlnotes.logic_gate(name)
    assert X.shape == (4, 2) and y.shape == (4,)
    expected = [int(GATES[name](int(a), int(b))) for a, b in X]
    np.testing.assert_array_equal(y, expected)
    assert set(map(tuple, X.tolist())) == {(0, 0), (0, 1), (1, 0), (1, 1)}


def test_logic_gate_ignores_case():
    np.testing.assert_array_equal(dlnotes.logic_gate("XOR")[1], dlnotes.logic_gate("xor")[1])


@pytest.mark.parametrize("bad", ["xnor", "", 3, None])
def test_logic_gate_rejects_unknown_names(bad):
    with pytest.raises(ValueError, match="compuerta desconocida"):
        dlnotes.logic_gate(bad)


@pytest.mark.parametrize("n", [2, 7, 100, 1001])
def test_blobs_shapes_and_balanced_labels(n):
    X, y = dlnotes.make_blobs(n, rng=3)
    assert X.shape == (n, 2) and y.shape == (n,)
    counts = np.bincount(y)
    assert counts.max() - counts.min() <= 1


def test_blobs_are_centred_on_the_centers():
    centers = np.array([[-3.0, 0.0], [2.0, 1.0], [0.0, 4.0]])
    X, y = dlnotes.make_blobs(6000, centers=centers, std=0.5, rng=0)
    for k, c in enumerate(centers):
        np.testing.assert_allclose(X[y == k].mean(axis=0), c, atol=0.05)
        np.testing.assert_allclose(X[y == k].std(axis=0), 0.5, atol=0.05)


def test_generators_are_deterministic_per_seed():
    for make in (dlnotes.make_blobs, dlnotes.make_moons, dlnotes.make_spirals):
        a, b, c = make(50, rng=1), make(50, rng=1), make(50, rng=2)
        np.testing.assert_array_equal(a[0], b[0])
        assert not np.array_equal(a[0], c[0])


def test_generator_accepts_numpy_generator():
    X1, _ = dlnotes.make_moons(20, rng=np.random.default_rng(5))
    X2, _ = dlnotes.make_moons(20, rng=5)
    np.testing.assert_array_equal(X1, X2)


def test_moons_without_noise_lie_on_their_arcs():
    X, y = dlnotes.make_moons(400, noise=0.0, rng=0)
    upper, lower = X[y == 0], X[y == 1]
    np.testing.assert_allclose(np.hypot(*upper.T), 1.0)
    np.testing.assert_allclose(np.hypot(lower[:, 0] - 1, lower[:, 1] - 0.5), 1.0)
    assert upper[:, 1].min() >= 0 and lower[:, 1].max() <= 0.5


@pytest.mark.parametrize("num_classes", [2, 3, 5])
def test_spirals_follow_their_arm(num_classes):
    X, y = dlnotes.make_spirals(300, num_classes=num_classes, turns=1.5, noise=0.0, rng=0)
    assert set(np.unique(y)) == set(range(num_classes))
    radius = np.hypot(*X.T)
    assert radius.max() <= 1.0
    expected = 2 * np.pi * (1.5 * radius + y / num_classes)
    np.testing.assert_allclose(np.cos(expected), X[:, 0] / radius, atol=1e-9)
    np.testing.assert_allclose(np.sin(expected), X[:, 1] / radius, atol=1e-9)


def test_regression_line_without_noise_is_exact():
    x, y = dlnotes.make_regression_line(30, slope=-1.5, intercept=0.25, noise=0.0, rng=0)
    np.testing.assert_allclose(y, -1.5 * x + 0.25)


def test_regression_line_recovers_slope_with_noise():
    x, y = dlnotes.make_regression_line(
        5000, slope=2.0, intercept=-1.0, noise=0.3, x_range=(0, 3), rng=0
    )
    assert x.min() >= 0 and x.max() <= 3
    slope, intercept = np.polyfit(x, y, 1)
    assert abs(slope - 2.0) < 0.02 and abs(intercept + 1.0) < 0.03


@pytest.mark.parametrize("bad_n", [0, -3])
def test_generators_reject_non_positive_sizes(bad_n):
    for make in (
        dlnotes.make_blobs,
        dlnotes.make_moons,
        dlnotes.make_spirals,
        dlnotes.make_regression_line,
    ):
        with pytest.raises(ValueError, match="n_samples debe ser positivo"):
            make(bad_n)


@pytest.mark.parametrize("bad_n", [2.5, "10", True])
def test_generators_reject_non_integer_sizes(bad_n):
    with pytest.raises(TypeError, match="n_samples debe ser un entero"):
        dlnotes.make_moons(bad_n)


@pytest.mark.parametrize("bad", [-0.1, float("nan"), float("inf")])
def test_generators_reject_bad_noise(bad):
    with pytest.raises(ValueError, match="noise debe ser finito y no negativo"):
        dlnotes.make_spirals(10, noise=bad)
    with pytest.raises(ValueError, match="std debe ser finito y no negativo"):
        dlnotes.make_blobs(10, std=bad)


def test_blobs_reject_bad_centers():
    with pytest.raises(ValueError, match=r"centers debe tener forma \(k, 2\)"):
        dlnotes.make_blobs(10, centers=[[0, 0, 0], [1, 1, 1]])
    with pytest.raises(ValueError, match="k >= 2"):
        dlnotes.make_blobs(10, centers=[[0, 0]])


def test_regression_line_rejects_bad_arguments():
    with pytest.raises(ValueError, match="x_range"):
        dlnotes.make_regression_line(10, x_range=(1.0, 0.0))
    with pytest.raises(ValueError, match="slope debe ser finito"):
        dlnotes.make_regression_line(10, slope=float("nan"))


def test_rng_must_be_seed_or_generator():
    with pytest.raises(TypeError, match="rng debe ser un entero"):
        dlnotes.make_moons(10, rng="semilla")
    with pytest.raises(ValueError, match="num_classes debe ser positivo"):
        dlnotes.make_spirals(10, num_classes=0)


@pytest.mark.parametrize(
    ("centers", "error", "match"),
    [
        ("ab", TypeError, "centers debe ser numérico"),
        ([[0.0, 0.0], [1.0]], TypeError, "centers debe ser numérico .* mismo largo"),
        ([[np.nan, 0.0], [1.0, 1.0]], ValueError, "centers contiene valores no finitos"),
    ],
)
def test_blobs_reject_non_numeric_centers(centers, error, match):
    with pytest.raises(error, match=match):
        dlnotes.make_blobs(10, centers=centers)


@pytest.mark.parametrize(
    "make",
    [dlnotes.make_blobs, dlnotes.make_moons, dlnotes.make_spirals, dlnotes.make_regression_line],
)
def test_generators_reject_negative_seeds(make):
    with pytest.raises(ValueError, match="rng debe ser una semilla no negativa; recibí -1"):
        make(10, rng=-1)


@pytest.mark.parametrize(
    ("x_range", "error", "match"),
    [
        (1.0, TypeError, r"x_range debe ser un par \(mínimo, máximo\)"),
        ((0.0, 1.0, 2.0), TypeError, r"x_range debe ser un par \(mínimo, máximo\)"),
        (("a", "b"), TypeError, r"x_range\[0\] debe ser un número"),
        ((-np.inf, 0.0), ValueError, r"x_range\[0\] debe ser finito"),
        ((0.0, np.nan), ValueError, r"x_range\[1\] debe ser finito"),
        ((1.0, 1.0), ValueError, "x_range debe cumplir mínimo < máximo"),
    ],
)
def test_regression_line_rejects_bad_ranges(x_range, error, match):
    with pytest.raises(error, match=match):
        dlnotes.make_regression_line(10, x_range=x_range)
