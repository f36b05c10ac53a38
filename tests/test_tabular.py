import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
from sklearn import metrics
from torch.utils.data import TensorDataset

from dlnotes.tabular import mean_std, plot_confusion_matrix, plot_roc_curve, seeded_loader


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _order(loader, num_epochs=2):
    return [torch.cat([idx for (idx,) in loader]).tolist() for _ in range(num_epochs)]


def test_seeded_loader_same_seed_same_order_and_new_permutation_each_epoch():
    dataset = TensorDataset(torch.arange(50))
    first = _order(seeded_loader(dataset, batch_size=8, seed=3))
    again = _order(seeded_loader(dataset, batch_size=8, seed=3))
    other = _order(seeded_loader(dataset, batch_size=8, seed=4))
    assert first == again
    assert first != other
    assert first[0] != first[1]
    assert sorted(first[0]) == list(range(50))


def test_seeded_loader_drop_last_and_batch_sizes():
    dataset = TensorDataset(torch.arange(50))
    kept = [len(idx) for (idx,) in seeded_loader(dataset, batch_size=8, seed=0)]
    dropped = [len(idx) for (idx,) in seeded_loader(dataset, batch_size=8, seed=0, drop_last=True)]
    assert kept == [8] * 6 + [2]
    assert dropped == [8] * 6


def test_seeded_loader_without_shuffle_keeps_the_order():
    dataset = TensorDataset(torch.arange(10))
    assert _order(seeded_loader(dataset, batch_size=3, seed=0, shuffle=False), 1) == [
        list(range(10))
    ]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (dict(dataset=[1, 2], batch_size=0, seed=0), ValueError, "batch_size"),
        (dict(dataset=[1, 2], batch_size=2.0, seed=0), TypeError, "batch_size"),
        (dict(dataset=[1, 2], batch_size=2, seed=-1), ValueError, "seed"),
        (dict(dataset=[1, 2], batch_size=2, seed=1.5), TypeError, "seed"),
        (dict(dataset=[1, 2], batch_size=2, seed=True), TypeError, "seed"),
        (dict(dataset=[], batch_size=2, seed=0), ValueError, "vacío"),
        (dict(dataset=5, batch_size=2, seed=0), TypeError, "Dataset"),
        (dict(dataset=[1, 2], batch_size=2, seed=0, shuffle=1), TypeError, "shuffle"),
        (dict(dataset=[1, 2], batch_size=2, seed=0, drop_last="no"), TypeError, "drop_last"),
    ],
)
def test_seeded_loader_rejects_bad_input(kwargs, error, message):
    dataset = kwargs.pop("dataset")
    with pytest.raises(error, match=message):
        seeded_loader(dataset, **kwargs)


@pytest.mark.parametrize("seed", range(5))
def test_mean_std_matches_numpy(seed):
    values = np.random.default_rng(seed).normal(size=7)
    assert mean_std(values, digits=4) == f"{np.mean(values):.4f} ± {np.std(values):.4f}"


def test_mean_std_accepts_lists_and_tensors():
    assert mean_std([0.9, 1.0]) == "0.950 ± 0.050"
    assert mean_std(torch.tensor([2.0, 2.0]), digits=1) == "2.0 ± 0.0"


@pytest.mark.parametrize(
    ("values", "digits", "error", "message"),
    [
        ([], 3, ValueError, "vacío"),
        ([1.0, np.nan], 3, ValueError, "no finitos"),
        ("abc", 3, TypeError, "numérico"),
        ([1.0], 0, ValueError, "digits"),
        ([1.0], 2.5, TypeError, "digits"),
    ],
)
def test_mean_std_rejects_bad_input(values, digits, error, message):
    with pytest.raises(error, match=message):
        mean_std(values, digits=digits)


def test_plot_confusion_matrix_writes_each_count_in_its_cell():
    y_true, y_pred = [0, 0, 1, 1, 1, 0, 1], [0, 1, 1, 1, 0, 0, 1]
    cm = metrics.confusion_matrix(y_true, y_pred)
    ax = plot_confusion_matrix(cm, labels=("benigno", "maligno"))
    cells = {
        (round(t.get_position()[1]), round(t.get_position()[0])): t.get_text() for t in ax.texts
    }
    assert cells == {(i, j): str(cm[i, j]) for i in range(2) for j in range(2)}
    assert [t.get_text() for t in ax.get_xticklabels()] == ["benigno", "maligno"]
    assert ax.get_xlabel() == "clase predicha" and ax.get_ylabel() == "clase verdadera"


@pytest.mark.parametrize(
    ("cm", "labels", "error", "message"),
    [
        (np.ones((3, 3)), ("0", "1"), ValueError, "forma"),
        ([[1, -1], [0, 2]], ("0", "1"), ValueError, "no negativos"),
        ([[1.5, 1], [0, 2]], ("0", "1"), ValueError, "enteros"),
        ("xx", ("0", "1"), TypeError, "numérico"),
        ([[1, 1], [0, 2]], ("0",), TypeError, "labels"),
        ([[1, 1], [0, 2]], (0, 1), TypeError, "labels"),
    ],
)
def test_plot_confusion_matrix_rejects_bad_input(cm, labels, error, message):
    with pytest.raises(error, match=message):
        plot_confusion_matrix(cm, labels=labels)


def test_plot_roc_curve_draws_the_curve_and_the_chance_diagonal():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 40)
    fpr, tpr, _ = metrics.roc_curve(y, y + rng.normal(size=40))
    ax = plot_roc_curve(fpr, tpr, label="modelo")
    np.testing.assert_allclose(ax.lines[0].get_xydata(), np.column_stack([fpr, tpr]))
    np.testing.assert_allclose(ax.lines[1].get_xydata(), [[0, 0], [1, 1]])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["modelo", "al azar"]
    assert ax.get_xlim() == (0, 1)


@pytest.mark.parametrize(
    ("fpr", "tpr", "label", "error", "message"),
    [
        ([0, 1], [0, 0.5, 1], None, ValueError, "mismo largo"),
        ([0.5], [0.5], None, ValueError, "al menos 2"),
        ([0, 1.5], [0, 1], None, ValueError, "fpr"),
        ([0, 1], [1, 0], None, ValueError, "tpr debe ser creciente"),
        ([0, 1], [0, 1], 3, TypeError, "label"),
        (None, [0, 1], None, TypeError, "fpr"),
    ],
)
def test_plot_roc_curve_rejects_bad_input(fpr, tpr, label, error, message):
    with pytest.raises(error, match=message):
        plot_roc_curve(fpr, tpr, label=label)


def test_plots_reject_something_that_is_not_axes():
    with pytest.raises(TypeError, match="Axes"):
        plot_roc_curve([0, 1], [0, 1], ax="ejes")
