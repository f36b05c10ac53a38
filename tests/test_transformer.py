import pytest
import torch

from dlnotes import seq2seq, transformer
from dlnotes.dates import CharVocab, date_splits
from dlnotes.transformer import GRUAttention, pair_tensors, trim_padding

PAIRS = date_splits(train=20, val=5, test=5, seed=0)["train"]


def test_pair_tensors_round_trip_through_the_vocabulary():
    vocab = CharVocab()
    src, tgt = pair_tensors(PAIRS, vocab)
    assert src.shape[0] == tgt.shape[0] == len(PAIRS)
    assert (tgt[:, 0] == vocab.SOS).all()
    for i, (s, t) in enumerate(PAIRS):
        assert vocab.decode(src[i]) == s
        assert vocab.decode(tgt[i]) == t


@pytest.mark.parametrize(
    ("pairs", "vocab", "error"),
    [
        ("03/03/2024", CharVocab(), TypeError),
        ([], CharVocab(), ValueError),
        ([("a", "b", "c")], CharVocab(), TypeError),
        (PAIRS, "vocab", TypeError),
    ],
)
def test_pair_tensors_rejects_bad_input(pairs, vocab, error):
    with pytest.raises(error):
        pair_tensors(pairs, vocab)


def test_epoch_batches_is_the_one_from_seq2seq():
    assert transformer.epoch_batches is seq2seq.epoch_batches


def test_trim_padding_keeps_the_longest_row():
    src = torch.tensor([[5, 6, 0, 0], [5, 0, 0, 0]])
    assert torch.equal(trim_padding(src), src[:, :2])
    with pytest.raises(TypeError):
        trim_padding(src.double())
    with pytest.raises(ValueError):
        trim_padding(src[0])
    with pytest.raises(ValueError):
        trim_padding(torch.tensor([[5, 0], [0, 0]]))


def model_and_data():
    torch.manual_seed(0)
    vocab = CharVocab()
    src, tgt = pair_tensors(PAIRS, vocab)
    return GRUAttention(len(vocab), embedding_dim=8, hidden_size=12).double(), src, tgt


def test_gru_attention_weights_are_a_distribution_that_ignores_padding():
    model, src, tgt = model_and_data()
    state = model.encode(src)
    _, weights, _ = model.step(tgt[:, 0], state)
    torch.testing.assert_close(weights.sum(1), torch.ones(len(src), dtype=torch.float64))
    assert (weights[src == 0] == 0).all()
    assert model(src, tgt[:, :-1]).shape == (len(src), tgt.shape[1] - 1, len(CharVocab()))


def test_greedy_decoding_agrees_with_teacher_forcing_on_its_own_output():
    model, src, _ = model_and_data()
    pred = model.greedy(src, 6)
    fed = torch.cat([torch.full((len(src), 1), CharVocab.SOS), pred[:, :-1]], 1)
    torch.testing.assert_close(model(src, fed).argmax(-1), pred)


def test_padding_after_the_source_does_not_change_the_output():
    model, src, tgt = model_and_data()
    padded = torch.cat([src, torch.zeros(len(src), 3, dtype=torch.long)], 1)
    torch.testing.assert_close(model(padded, tgt[:, :-1]), model(src, tgt[:, :-1]))


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [({"embedding_dim": 0}, ValueError), ({"hidden_size": 2.5}, TypeError)],
)
def test_gru_attention_rejects_bad_sizes(kwargs, error):
    with pytest.raises(error):
        GRUAttention(40, **kwargs)
    with pytest.raises(ValueError):
        model_and_data()[0].greedy(model_and_data()[1], 0)
