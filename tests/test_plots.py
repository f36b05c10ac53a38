import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

import dlnotes


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_use_book_style_sets_rcparams():
    with mpl.rc_context():
        dlnotes.use_book_style()
        assert mpl.rcParams["figure.dpi"] == 100
        assert mpl.rcParams["axes.grid"] is True


def test_plot_points_draws_one_group_per_class():
    X, y = dlnotes.make_blobs(30, centers=[[0, 0], [3, 3], [0, 3]], rng=0)
    ax = dlnotes.plot_points(X, y)
    assert len(ax.collections) == 3
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["clase 0", "clase 1", "clase 2"]
    np.testing.assert_allclose(ax.collections[1].get_offsets(), X[y == 1])
    assert ax.get_xlabel() == "$x_1$" and ax.get_ylabel() == "$x_2$"


def test_plot_linear_boundary_points_satisfy_the_equation():
    w, b = np.array([2.0, -0.5]), 0.3
    ax = dlnotes.plot_linear_boundary(w, b, xlim=(-2, 2))
    x1, x2 = ax.lines[0].get_data()
    np.testing.assert_allclose(w[0] * x1 + w[1] * x2, b)
    assert ax.get_xlim() == (-2, 2)


def test_plot_linear_boundary_vertical_when_w2_is_zero():
    ax = dlnotes.plot_linear_boundary([4.0, 0.0], 2.0)
    x1, _ = ax.lines[0].get_data()
    np.testing.assert_allclose(x1, 0.5)


@pytest.mark.parametrize(
    ("w", "b", "match"),
    [
        ([0.0, 0.0], 1.0, "no es una recta"),
        ([1.0, 2.0, 3.0], 0.0, "2 componentes"),
        ([np.nan, 1.0], 0.0, "finito"),
        ([1.0, 1.0], np.inf, "finito"),
    ],
)
def test_plot_linear_boundary_rejects_bad_weights(w, b, match):
    with pytest.raises(ValueError, match=match):
        dlnotes.plot_linear_boundary(w, b)


def test_plot_decision_boundary_colours_the_predicted_regions():
    X, y = dlnotes.make_blobs(40, centers=[[-2, 0], [2, 0]], std=0.3, rng=0)
    calls = []

    def predict(G):
        calls.append(G.shape)
        return (G[:, 0] > 0).astype(int)

    ax = dlnotes.plot_decision_boundary(predict, X, y, grid_size=50)
    assert calls == [(2500, 2)]
    assert len(ax.collections) >= 3  # regiones + una nube por clase


@pytest.mark.parametrize(
    ("predict", "error", "match"),
    [
        (lambda G: np.zeros(3), ValueError, "debe devolver"),
        (lambda G: -np.ones(len(G)), ValueError, "negativas"),
        (lambda G: np.full(len(G), 0.5), ValueError, "enteras"),
        ("no soy una función", TypeError, "predict debe ser una función"),
    ],
)
def test_plot_decision_boundary_rejects_bad_predict(predict, error, match):
    X, y = dlnotes.logic_gate("xor")
    with pytest.raises(error, match=match):
        dlnotes.plot_decision_boundary(predict, X, y, grid_size=10)


def test_plots_reject_bad_points():
    with pytest.raises(ValueError, match=r"X debe tener forma \(n, 2\)"):
        dlnotes.plot_points(np.zeros((4, 3)), [0, 1, 0, 1])
    with pytest.raises(ValueError, match=r"y debe tener forma \(4,\)"):
        dlnotes.plot_points(np.zeros((4, 2)), [0, 1])
    with pytest.raises(ValueError, match="no finitos"):
        dlnotes.plot_points([[0, np.nan]], [0])


def test_plot_training_curve_draws_values_by_epoch():
    values = [1.0, 0.5, 0.25, 0.125]
    ax = dlnotes.plot_training_curve(values, label="ECM", logy=True)
    x, yv = ax.lines[0].get_data()
    np.testing.assert_array_equal(x, [1, 2, 3, 4])
    np.testing.assert_array_equal(yv, values)
    assert ax.get_yscale() == "log" and ax.get_xlabel() == "época"
    assert ax.get_legend().get_texts()[0].get_text() == "ECM"


def test_plot_helpers_reuse_the_given_axes():
    _, ax = plt.subplots()
    assert dlnotes.plot_training_curve([1.0, 2.0], ax=ax) is ax


@pytest.mark.parametrize("bad", [[], [[1.0, 2.0]]])
def test_plot_training_curve_rejects_bad_values(bad):
    with pytest.raises(ValueError, match="1-D no vacía"):
        dlnotes.plot_training_curve(bad)


def test_plot_helpers_reject_non_axes():
    with pytest.raises(TypeError, match="ax debe ser un matplotlib Axes"):
        dlnotes.plot_training_curve([1.0], ax="ejes")


@pytest.mark.parametrize(
    ("X", "y", "error", "match"),
    [
        ("abc", [0], TypeError, "X debe ser numérico"),
        ([[0.0, 1.0], [1.0]], [0, 1], TypeError, "X debe ser numérico .* mismo largo"),
        (np.zeros((2, 2)), ["a", "b"], TypeError, "y debe contener etiquetas enteras .* textos"),
        (np.zeros((2, 2)), [None, 1], TypeError, "y debe contener etiquetas enteras"),
        (np.zeros((2, 2)), None, TypeError, "y debe ser numérico"),
    ],
)
def test_plot_points_rejects_non_numeric_data(X, y, error, match):
    with pytest.raises(error, match=match):
        dlnotes.plot_points(X, y)


@pytest.mark.parametrize(
    ("w", "b", "kwargs", "error", "match"),
    [
        ("ab", 0.0, {}, TypeError, "w debe ser numérico"),
        ([1.0, 1.0], "x", {}, TypeError, "b debe ser numérico"),
        ([1.0, 1.0], None, {}, TypeError, "b debe ser numérico"),
        ([1.0, 1.0], [1.0, 2.0], {}, ValueError, "b debe ser un número finito"),
        ([1.0, 1.0], 0.5, {"xlim": 3}, TypeError, r"xlim debe ser un par \(mínimo, máximo\)"),
        ([1.0, 1.0], 0.5, {"xlim": (0, np.nan)}, ValueError, r"xlim\[1\] debe ser finito"),
        ([1.0, 1.0], 0.5, {"xlim": (1, 1)}, ValueError, "xlim debe cumplir mínimo < máximo"),
        ([1.0, 1.0], 0.5, {"colour": "k"}, TypeError, "argumento de estilo no válido.*colour"),
        ([1.0, 0.0], 0.5, {"colour": "k"}, TypeError, "argumento de estilo no válido.*colour"),
    ],
)
def test_plot_linear_boundary_rejects_bad_arguments(w, b, kwargs, error, match):
    with pytest.raises(error, match=match):
        dlnotes.plot_linear_boundary(w, b, **kwargs)


def test_plot_linear_boundary_accepts_numpy_scalars_for_b():
    for b in (np.float64(0.5), np.array(0.5), np.array([0.5])):
        x1, x2 = dlnotes.plot_linear_boundary([1.0, 1.0], b).lines[0].get_data()
        np.testing.assert_allclose(x1 + x2, 0.5)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"padding": "a"}, TypeError, "padding debe ser un número"),
        ({"padding": np.nan}, ValueError, "padding debe ser finito y no negativo"),
        ({"padding": -1.0}, ValueError, "padding debe ser finito y no negativo"),
        ({"grid_size": 1}, ValueError, "grid_size debe ser al menos 2"),
        ({"grid_size": 2.5}, TypeError, "grid_size debe ser un entero"),
    ],
)
def test_plot_decision_boundary_rejects_bad_grid(kwargs, error, match):
    X, y = dlnotes.logic_gate("xor")
    with pytest.raises(error, match=match):
        dlnotes.plot_decision_boundary(lambda G: np.zeros(len(G), dtype=int), X, y, **kwargs)


def test_plot_decision_boundary_rejects_text_predictions_and_accepts_grad_tensors():
    X, y = dlnotes.logic_gate("xor")
    with pytest.raises(TypeError, match="la salida de predict debe contener etiquetas enteras"):
        dlnotes.plot_decision_boundary(lambda G: np.array(["a"] * len(G)), X, y, grid_size=5)
    predict = lambda G: torch.zeros(len(G), requires_grad=True)  # noqa: E731
    dlnotes.plot_decision_boundary(predict, X, y, grid_size=5)


@pytest.mark.parametrize("bad", ["abc", None, [[1.0], [1.0, 2.0]]])
def test_plot_training_curve_rejects_non_numeric_values(bad):
    with pytest.raises(TypeError, match="values debe ser numérico"):
        dlnotes.plot_training_curve(bad)


@pytest.mark.parametrize("bad", ["no", None, 1])
def test_plot_training_curve_rejects_non_boolean_logy(bad):
    with pytest.raises(TypeError, match="logy debe ser True o False"):
        dlnotes.plot_training_curve([1.0, 0.5], logy=bad)


def test_plot_training_curve_accepts_losses_that_still_require_grad():
    losses = [torch.tensor(v, requires_grad=True) * 1 for v in (1.0, 0.5)]  # sin .item()
    _, yv = dlnotes.plot_training_curve(losses).lines[0].get_data()
    np.testing.assert_array_equal(yv, [1.0, 0.5])
