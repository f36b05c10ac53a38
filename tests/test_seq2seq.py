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
    length_batches,
    plot_accuracy_by_length,
    reverse_padded,
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


# --- length_batches ---------------------------------------------------------------------------


def test_length_batches_cover_every_example_once_grouped_by_length():
    lengths = torch.randint(5, 60, (1003,), generator=torch.Generator().manual_seed(0))
    batches = length_batches(lengths, batch_size=100, seed=4)
    assert sorted(torch.cat(batches).tolist()) == list(range(1003))
    assert sorted(len(b) for b in batches) == [3] + [100] * 10
    # Ordenados por largo: los rangos de largo de dos mini-batches casi no se solapan.
    spans = sorted((int(lengths[b].min()), int(lengths[b].max())) for b in batches)
    assert all(hi <= lo2 for (_, hi), (lo2, _) in zip(spans, spans[1:], strict=False))


def test_length_batches_are_seeded():
    lengths = np.arange(1, 301) % 37 + 1
    a = length_batches(lengths, batch_size=32, seed=1)
    b = length_batches(lengths, batch_size=32, seed=1)
    c = length_batches(lengths, batch_size=32, seed=2)
    assert all(torch.equal(x, y) for x, y in zip(a, b, strict=True))
    assert not all(torch.equal(x, y) for x, y in zip(a, c, strict=True))


def test_length_batches_rejects_bad_input():
    with pytest.raises(ValueError, match="enteros positivos"):
        length_batches([3, 0, 2], batch_size=2, seed=0)
    with pytest.raises(ValueError, match="enteros positivos"):
        length_batches([1.5, 2.0], batch_size=2, seed=0)
    with pytest.raises(ValueError, match="enteros positivos"):
        length_batches([], batch_size=2, seed=0)
    with pytest.raises(TypeError):
        length_batches("abc", batch_size=2, seed=0)
    with pytest.raises(ValueError, match="batch_size"):
        length_batches([1, 2], batch_size=0, seed=0)
    with pytest.raises(TypeError, match="seed"):
        length_batches([1, 2], batch_size=1, seed=1.0)
    with pytest.raises(ValueError, match="seed"):
        length_batches([1, 2], batch_size=1, seed=-1)


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


# --- reverse_padded ---------------------------------------------------------------------------


def test_reverse_padded_reverses_inside_each_length_and_is_its_own_inverse():
    x = torch.tensor([[1, 2, 3, 0], [4, 5, 0, 0], [6, 7, 8, 9]])
    lengths = torch.tensor([3, 2, 4])
    expected = torch.tensor([[3, 2, 1, 0], [5, 4, 0, 0], [9, 8, 7, 6]])
    assert torch.equal(reverse_padded(x, lengths), expected)
    X = torch.randn(3, 4, 5)
    assert torch.equal(reverse_padded(reverse_padded(X, lengths), lengths), X)
    for n, L in enumerate(lengths.tolist()):
        assert torch.equal(reverse_padded(X, lengths)[n, :L], X[n, :L].flip(0))


def test_reverse_padded_lets_a_gru_read_backwards_like_a_bidirectional_one():
    torch.manual_seed(0)
    gru = torch.nn.GRU(3, 4, batch_first=True, bidirectional=True, dtype=torch.float64)
    backward = torch.nn.GRU(3, 4, batch_first=True, dtype=torch.float64)
    with torch.no_grad():
        for name in ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"]:
            getattr(backward, name).copy_(getattr(gru, name + "_reverse"))
    x, lengths = torch.randn(2, 6, 3, dtype=torch.float64), torch.tensor([6, 4])
    H_bw = reverse_padded(backward(reverse_padded(x, lengths))[0], lengths)
    for n, L in enumerate(lengths.tolist()):  # el oráculo: la GRU bidireccional sin relleno
        H, _ = gru(x[n : n + 1, :L])
        torch.testing.assert_close(H_bw[n, :L], H[0, :, 4:])


def test_reverse_padded_rejects_bad_input():
    x = torch.zeros(2, 3)
    with pytest.raises(TypeError):
        reverse_padded([[1, 2]], torch.tensor([1]))
    with pytest.raises(TypeError, match="enteros"):
        reverse_padded(x, torch.tensor([1.0, 2.0]))
    with pytest.raises(ValueError, match="forma|\\(N"):
        reverse_padded(x, torch.tensor([1, 2, 3]))
    with pytest.raises(ValueError, match="entre 1 y 3"):
        reverse_padded(x, torch.tensor([0, 2]))
    with pytest.raises(ValueError, match="entre 1 y 3"):
        reverse_padded(x, torch.tensor([1, 4]))
