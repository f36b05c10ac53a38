"""Pruebas de dlnotes.dates: la tarea de fechas de los capítulos 19 y 20."""

import datetime

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

from dlnotes.dates import (
    NUM_FORMATS,
    CharVocab,
    date_splits,
    make_date_pairs,
    number_to_words,
    plot_attention,
    write_date,
)


@pytest.mark.parametrize(
    "n, words",
    [
        (1, "uno"),
        (16, "dieciséis"),
        (22, "veintidós"),
        (30, "treinta"),
        (31, "treinta y uno"),
        (1950, "mil novecientos cincuenta"),
        (1999, "mil novecientos noventa y nueve"),
        (2000, "dos mil"),
        (2001, "dos mil uno"),
        (2024, "dos mil veinticuatro"),
        (2049, "dos mil cuarenta y nueve"),
    ],
)
def test_number_to_words(n, words):
    assert number_to_words(n) == words


def test_number_to_words_rejects_bad_input():
    with pytest.raises(TypeError):
        number_to_words(3.0)
    with pytest.raises(TypeError):
        number_to_words(True)
    with pytest.raises(ValueError):
        number_to_words(-1)
    with pytest.raises(ValueError):
        number_to_words(2100)
    with pytest.raises(ValueError):
        number_to_words(500)


def test_write_date_formats():
    d = datetime.date(2024, 3, 3)
    texts = [write_date(d, f) for f in range(NUM_FORMATS)]
    assert texts[0] == "3 de marzo de 2024"
    assert texts[1] == "tres de marzo de dos mil veinticuatro"
    assert texts[3] == "03/03/2024"
    assert texts[4] == "3 mar. 2024"
    assert len(set(texts)) == NUM_FORMATS
    with pytest.raises(ValueError):
        write_date(d, NUM_FORMATS)
    with pytest.raises(TypeError):
        write_date("2024-03-03", 0)
    with pytest.raises(ValueError):
        write_date(datetime.date(1900, 1, 1), 0)


def test_make_date_pairs_is_seeded_distinct_and_correct():
    pairs = make_date_pairs(500, seed=3)
    assert pairs == make_date_pairs(500, seed=3)
    assert pairs != make_date_pairs(500, seed=4)
    assert len({s for s, _ in pairs}) == 500
    for source, iso in pairs:
        date = datetime.date.fromisoformat(iso)
        assert source in [write_date(date, f) for f in range(NUM_FORMATS)]
    lengths = [len(s) for s, _ in pairs]
    assert min(lengths) <= 11 and max(lengths) >= 40
    with pytest.raises(TypeError):
        make_date_pairs(10.0, seed=0)
    with pytest.raises(ValueError):
        make_date_pairs(0, seed=0)
    with pytest.raises(ValueError):
        make_date_pairs(10**7, seed=0)


def test_date_splits_share_no_date():
    splits = date_splits(train=1000, val=200, test=300, seed=1)
    assert [len(splits[k]) for k in ("train", "val", "test")] == [1000, 200, 300]
    dates = {k: {iso for _, iso in v} for k, v in splits.items()}
    assert not dates["train"] & dates["test"]
    assert not dates["train"] & dates["val"]
    assert not dates["val"] & dates["test"]
    assert splits == date_splits(train=1000, val=200, test=300, seed=1)
    with pytest.raises(ValueError):
        date_splits(train=40000, val=1, test=1)
    with pytest.raises(TypeError):
        date_splits(train="10", val=1, test=1)


def test_vocab_round_trip_and_padding():
    vocab = CharVocab()
    pairs = make_date_pairs(300, seed=0)
    sources = [s for s, _ in pairs]
    ids, lengths = vocab.encode(sources)
    assert ids.dtype == torch.long and ids.shape == (300, int(lengths.max()))
    assert [vocab.decode(row) for row in ids] == sources
    assert (lengths == torch.tensor([len(s) + 1 for s in sources])).all()
    for i, n in enumerate(lengths.tolist()):
        assert ids[i, n - 1] == vocab.EOS and (ids[i, n:] == vocab.PAD).all()
    targets, _ = vocab.encode([t for _, t in pairs], sos=True)
    assert (targets[:, 0] == vocab.SOS).all() and targets.shape[1] == 12
    assert int(ids.max()) < len(vocab)


def test_vocab_rejects_bad_input():
    vocab = CharVocab()
    with pytest.raises(TypeError):
        vocab.encode("3 de marzo")
    with pytest.raises(ValueError):
        vocab.encode([])
    with pytest.raises(ValueError):
        vocab.encode(["3 de Marzo"])  # mayúscula fuera del vocabulario
    with pytest.raises(TypeError):
        vocab.encode([3])
    with pytest.raises(ValueError):
        vocab.decode([len(vocab)])
    with pytest.raises(TypeError):
        vocab.decode("abc")


def test_plot_attention_draws_and_validates():
    w = torch.softmax(torch.randn(11, 20), dim=1)
    ax = plot_attention(w, "3 de marzo de 2024", "2024-03-03")
    assert ax.get_images()[0].get_array().shape == (10, 18)
    assert [t.get_text() for t in ax.get_yticklabels()] == list("2024-03-03")
    with pytest.raises(ValueError):
        plot_attention(np.ones((3, 3)), "3 de marzo de 2024", "2024-03-03")
    with pytest.raises(TypeError):
        plot_attention(w, 3, "2024-03-03")
    plt.close("all")
