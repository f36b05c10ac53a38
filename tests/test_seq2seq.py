"""Pruebas de dlnotes.seq2seq: las ayudas del encoder–decoder de fechas del capítulo 19."""

import datetime

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

from dlnotes.dates import NUM_FORMATS, CharVocab, date_splits, write_date
from dlnotes.seq2seq import (
    ISO_SPANS,
    accuracy_by_length,
    date_spans,
    encode_pairs,
    epoch_batches,
    plot_accuracy_by_length,
)

# --- encode_pairs -----------------------------------------------------------------------------


def test_encode_pairs_round_trips_through_the_vocabulary():
    vocab = CharVocab()
    pairs = date_splits(train=50, val=1, test=1, seed=3)["train"]
    src, src_len, tgt = encode_pairs(pairs, vocab)
    assert tgt.shape == (50, 10) and src.shape == (50, int(src_len.max()))
    for (source, iso), row, length, t in zip(pairs, src, src_len, tgt, strict=True):
        assert vocab.decode(row) == source and vocab.decode(t) == iso
        assert row[length - 1] == CharVocab.EOS and (row[length:] == CharVocab.PAD).all()
        assert length == len(source) + 1


def test_encode_pairs_rejects_bad_input():
    vocab = CharVocab()
    with pytest.raises(TypeError, match="CharVocab"):
        encode_pairs([("3 mar. 2024", "2024-03-03")], "vocab")
    with pytest.raises(TypeError, match="lista"):
        encode_pairs("3 mar. 2024", vocab)
    with pytest.raises(ValueError, match="vacía"):
        encode_pairs([], vocab)
    with pytest.raises(TypeError, match="par de textos"):
        encode_pairs([("3 mar. 2024",)], vocab)
    with pytest.raises(ValueError, match="10 caracteres"):
        encode_pairs([("3 mar. 2024", "2024-3-3")], vocab)


# --- date_spans -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", range(NUM_FORMATS))
def test_date_spans_find_day_month_and_year_in_every_format(fmt):
    for date in [datetime.date(2024, 3, 3), datetime.date(1987, 11, 27), datetime.date(2000, 1, 1)]:
        source = write_date(date, fmt)
        spans = date_spans(source)
        parts = {k: source[a:b] for k, (a, b) in spans.items()}
        assert (
            parts["month"].rstrip(".") in write_date(date, 0)
            or parts["month"] == f"{date.month:02d}"
        )
        # Reescribir cada parte por separado reproduce la fuente.
        (d0, d1), (m0, m1), (y0, y1) = spans["day"], spans["month"], spans["year"]
        assert d0 == 0 and y1 == len(source) and d1 < m0 < m1 < y0
        assert source[:d1] in (str(date.day), f"{date.day:02d}") or not source[0].isdigit()
        assert str(date.year) == parts["year"] or not parts["year"][0].isdigit()


def test_iso_spans_cut_an_iso_date_into_its_parts():
    iso = "2024-03-07"
    assert {k: iso[a:b] for k, (a, b) in ISO_SPANS.items()} == {
        "year": "2024",
        "month": "03",
        "day": "07",
    }


def test_date_spans_rejects_bad_input():
    with pytest.raises(TypeError):
        date_spans(20240303)
    with pytest.raises(ValueError, match="formato"):
        date_spans("2024-03-03")


# --- accuracy_by_length -----------------------------------------------------------------------


def test_accuracy_by_length_matches_a_loop():
    rng = np.random.default_rng(0)
    lengths = rng.integers(10, 60, size=500)
    correct = rng.random(500) < 0.7
    edges = [10, 16, 26, 41, 60]
    acc, counts = accuracy_by_length(correct, lengths, edges)
    for k in range(4):
        sel = (lengths >= edges[k]) & (lengths < edges[k + 1])
        assert counts[k] == sel.sum()
        np.testing.assert_allclose(acc[k], correct[sel].mean())


def test_accuracy_by_length_gives_nan_for_an_empty_bucket():
    acc, counts = accuracy_by_length([1, 0], [3, 4], [0, 2, 5])
    assert counts.tolist() == [0, 2] and np.isnan(acc[0]) and acc[1] == 0.5


def test_accuracy_by_length_rejects_bad_input():
    with pytest.raises(ValueError, match="mismo tamaño"):
        accuracy_by_length([1, 0], [3], [0, 5])
    with pytest.raises(ValueError, match="creciente"):
        accuracy_by_length([1], [3], [5, 0])
    with pytest.raises(ValueError, match="fuera"):
        accuracy_by_length([1], [7], [0, 5])
    with pytest.raises(TypeError):
        accuracy_by_length(None, [3], [0, 5])


# --- plot_accuracy_by_length ------------------------------------------------------------------


def test_plot_accuracy_by_length_draws_the_mean_of_the_seeds():
    plt.switch_backend("Agg")
    fig, ax = plt.subplots()
    values = np.array([[0.2, 0.4, 0.6], [0.4, 0.6, 0.8]])
    out = plot_accuracy_by_length([0, 10, 20, 30], {"a": values, "b": values / 2}, ax=ax)
    assert out is ax and len(ax.lines) == 2
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [0.3, 0.5, 0.7])
    assert ax.get_xlabel().startswith("largo") and ax.get_ylabel() == "exactitud"
    plt.close(fig)


def test_plot_accuracy_by_length_rejects_bad_input():
    plt.switch_backend("Agg")
    with pytest.raises(TypeError, match="diccionario"):
        plot_accuracy_by_length([0, 1, 2], [[0.5, 0.5]])
    with pytest.raises(ValueError, match="semillas"):
        plot_accuracy_by_length([0, 1, 2], {"a": [0.5, 0.5, 0.5]})
    with pytest.raises(ValueError, match="2 bordes"):
        plot_accuracy_by_length([0], {"a": [[0.5]]})
    plt.close("all")


# --- epoch_batches ----------------------------------------------------------------------------


def test_epoch_batches_cover_every_example_once_and_repeat_with_the_seed():
    batches = epoch_batches(10, 3, generator=torch.Generator().manual_seed(0))
    assert [len(b) for b in batches] == [3, 3, 3, 1]
    assert sorted(torch.cat(batches).tolist()) == list(range(10))
    again = epoch_batches(10, 3, generator=torch.Generator().manual_seed(0))
    assert all(torch.equal(a, b) for a, b in zip(batches, again, strict=True))
    g = torch.Generator().manual_seed(0)
    first, second = epoch_batches(10, 10, generator=g), epoch_batches(10, 10, generator=g)
    assert not torch.equal(first[0], second[0])  # cada época, otra permutación


@pytest.mark.parametrize(
    ("n", "batch_size", "generator", "error"),
    [
        (0, 3, torch.Generator(), ValueError),
        (10, 0, torch.Generator(), ValueError),
        (10.0, 3, torch.Generator(), TypeError),
        (10, 3, 0, TypeError),
    ],
)
def test_epoch_batches_rejects_bad_input(n, batch_size, generator, error):
    with pytest.raises(error):
        epoch_batches(n, batch_size, generator=generator)
