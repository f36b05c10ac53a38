import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pytest

from dlnotes.sequences import make_windows, plot_forecast, recall_task, two_sine_series


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_two_sine_series_shape_seed_and_range():
    a = two_sine_series(20, length=50, rng=3)
    b = two_sine_series(20, length=50, rng=3)
    c = two_sine_series(20, length=50, rng=4)
    assert a.shape == (20, 50) and a.dtype == np.float64
    np.testing.assert_array_equal(a, b)
    assert not np.allclose(a, c)
    assert np.abs(a).max() <= 0.7 + 1e-12  # 0.5 + 0.2


def test_two_sine_series_without_noise_follows_an_order_4_linear_recurrence():
    # Una suma de dos senos cumple x_t = sum_k a_k x_{t-k} con 4 coeficientes (numpy.linalg).
    series = two_sine_series(1, length=200, rng=0)[0]
    lags = np.stack([series[4 - k : len(series) - k] for k in range(1, 5)], axis=1)
    coef, *_ = np.linalg.lstsq(lags, series[4:], rcond=None)
    np.testing.assert_allclose(lags @ coef, series[4:], atol=1e-9)


def test_two_sine_series_noise_is_uniform_with_the_given_width():
    clean = two_sine_series(200, length=50, rng=1)
    noisy = two_sine_series(200, length=50, noise=0.1, rng=1)
    diff = noisy - clean
    assert np.abs(diff).max() <= 0.05 + 1e-12
    np.testing.assert_allclose(diff.var(), 0.1**2 / 12, rtol=0.05)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"n_series": 0}, ValueError),
        ({"n_series": 2.5}, TypeError),
        ({"n_series": 3, "length": -1}, ValueError),
        ({"n_series": 3, "noise": -0.1}, ValueError),
        ({"n_series": 3, "noise": "mucho"}, TypeError),
        ({"n_series": 3, "rng": "semilla"}, TypeError),
    ],
)
def test_two_sine_series_rejects_bad_input(kwargs, error):
    kwargs = {"rng": 0, **kwargs}
    with pytest.raises(error):
        two_sine_series(**kwargs)


@pytest.mark.parametrize(("input_len", "horizon"), [(40, 1), (40, 10), (5, 3)])
def test_make_windows_splits_input_and_target(input_len, horizon):
    series = np.arange(3 * 50, dtype=float).reshape(3, 50)
    X, Y = make_windows(series, input_len=input_len, horizon=horizon)
    assert X.shape == (3, input_len) and Y.shape == (3, horizon)
    np.testing.assert_array_equal(X, series[:, :input_len])
    np.testing.assert_array_equal(Y[:, 0], series[:, input_len])
    np.testing.assert_array_equal(Y[:, -1], series[:, input_len + horizon - 1])
    X[0, 0] = -1.0  # una copia: no modifica las series
    assert series[0, 0] == 0.0


@pytest.mark.parametrize(
    ("series", "kwargs", "error", "match"),
    [
        (np.zeros((2, 50)), {"input_len": 45, "horizon": 10}, ValueError, "no cabe"),
        (np.zeros(50), {"input_len": 4, "horizon": 1}, ValueError, "forma"),
        (np.zeros((2, 50)), {"input_len": 0, "horizon": 1}, ValueError, "positivo"),
        (np.zeros((2, 50)), {"input_len": 4.0, "horizon": 1}, TypeError, "entero"),
        ("serie", {"input_len": 4, "horizon": 1}, TypeError, "numérico"),
        (np.full((2, 50), np.nan), {"input_len": 4, "horizon": 1}, ValueError, "finitos"),
    ],
)
def test_make_windows_rejects_bad_input(series, kwargs, error, match):
    with pytest.raises(error, match=match):
        make_windows(series, **kwargs)


def test_recall_task_puts_the_label_first_and_distractors_after():
    X, y = recall_task(100, length=12, num_symbols=3, rng=0)
    assert X.shape == (100, 12, 6) and y.shape == (100,)
    np.testing.assert_array_equal(X[:, 0, :3].argmax(axis=1), y)
    assert np.all(X[:, 0, 3:] == 0) and np.all(X[:, 1:, :3] == 0)
    np.testing.assert_array_equal(X[:, 1:, 3:].sum(axis=2), np.ones((100, 11)))
    assert set(np.unique(y)) == {0, 1, 2}
    X2, y2 = recall_task(100, length=12, num_symbols=3, rng=0)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)


def test_recall_task_distractors_say_nothing_about_the_label():
    X, y = recall_task(4000, length=6, num_symbols=2, rng=1)
    for step in range(1, 6):
        agree = np.mean(X[:, step, 2:].argmax(axis=1) == y)
        assert abs(agree - 0.5) < 0.05


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"n": 0, "length": 5}, ValueError),
        ({"n": 10, "length": 1}, ValueError),
        ({"n": 10, "length": 5, "num_symbols": 1}, ValueError),
        ({"n": 10, "length": 5.5}, TypeError),
        ({"n": 10, "length": 5, "rng": -1}, ValueError),
    ],
)
def test_recall_task_rejects_bad_input(kwargs, error):
    kwargs = {"rng": 0, **kwargs}
    with pytest.raises(error):
        recall_task(**kwargs)


def test_plot_forecast_draws_history_target_and_each_forecast():
    ax = plot_forecast(np.zeros(40), np.ones(10), {"lineal": np.full(10, 0.5), "RNN": np.ones(10)})
    assert len(ax.lines) == 4
    np.testing.assert_array_equal(ax.lines[1].get_xdata(), np.arange(40, 50))
    assert ax.get_xlabel() and ax.get_ylabel()
    assert [t.get_text() for t in ax.get_legend().get_texts()][-2:] == ["lineal", "RNN"]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((np.zeros((2, 3)), np.ones(10)), ValueError),
        ((np.zeros(4), np.ones(10), {"x": np.ones(3)}), ValueError),
        ((np.zeros(4), np.ones(10), [np.ones(10)]), TypeError),
        ((None, np.ones(10)), TypeError),
    ],
)
def test_plot_forecast_rejects_bad_input(args, error):
    with pytest.raises(error):
        plot_forecast(*args)


def test_plot_forecast_rejects_something_that_is_not_axes():
    with pytest.raises(TypeError, match="Axes"):
        plot_forecast(np.zeros(4), np.ones(2), ax="ejes")
