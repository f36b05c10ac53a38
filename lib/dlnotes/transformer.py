"""Ayudas del capítulo 20 («Atención y Transformer»): datos en tensores, mini-batches con
semilla y el modelo de referencia GRU + atención aditiva.

Lo que el capítulo enseña (la atención de producto escalar, la atención multicabeza, la
codificación posicional, el Transformer pequeño, el bucle de entrenamiento y la exactitud) está
escrito en el notebook. Aquí queda lo repetitivo y el modelo de comparación, que se explica en
el capítulo 19.
"""

import math

import torch
from torch import nn

from dlnotes._validate import positive_int
from dlnotes.dates import CharVocab
from dlnotes.seq2seq import epoch_batches as epoch_batches  # la del capítulo 19, reexportada


def pair_tensors(pairs: object, vocab: CharVocab) -> tuple[torch.Tensor, torch.Tensor]:
    """Codifica pares (fuente, objetivo) como dos tensores de índices.

    Args:
        pairs: lista de pares de textos (fuente, objetivo), como los de `date_splits`.
        vocab: el `CharVocab` que codifica los caracteres.

    Returns:
        `src` (N, L) con EOS al final de cada fuente y `tgt` (N, T) con SOS al principio y EOS
        al final, ambos rellenados con PAD = 0.

    Raises:
        TypeError: si `pairs` no es una lista de pares de textos o `vocab` no es un `CharVocab`.
        ValueError: si `pairs` está vacía.
    """
    if not isinstance(vocab, CharVocab):
        raise TypeError(f"vocab debe ser un CharVocab; recibí {type(vocab).__name__}")
    if isinstance(pairs, str) or not isinstance(pairs, (list, tuple)):
        raise TypeError("pairs debe ser una lista de pares (fuente, objetivo)")
    if not pairs:
        raise ValueError("pairs está vacía")
    for pair in pairs:
        if not (isinstance(pair, (list, tuple)) and len(pair) == 2):
            raise TypeError(f"cada elemento de pairs debe ser un par de textos; recibí {pair!r}")
    src, _ = vocab.encode([s for s, _ in pairs], eos=True)
    tgt, _ = vocab.encode([t for _, t in pairs], sos=True, eos=True)
    return src, tgt


def trim_padding(src: torch.Tensor) -> torch.Tensor:
    """Quita las columnas finales que son relleno (PAD = 0) en todas las filas de `src`.

    Raises:
        TypeError: si `src` no es un tensor de enteros.
        ValueError: si `src` no es (N, L) o alguna fila es todo relleno.
    """
    if not isinstance(src, torch.Tensor) or src.dtype != torch.long:
        raise TypeError("src debe ser un tensor de índices (torch.long)")
    if src.ndim != 2:
        raise ValueError(f"src debe tener forma (N, L); recibí {tuple(src.shape)}")
    lengths = (src != 0).sum(1)
    if (lengths == 0).any():
        raise ValueError("src tiene una fila vacía (solo relleno)")
    return src[:, : int(lengths.max())]


class GRUAttention(nn.Module):
    """Codificador GRU y decodificador GRU con atención aditiva (Bahdanau et al., 2015).

    Es la variante de Bahdanau del modelo con atención del capítulo 19: la consulta de la
    atención es el estado anterior del decodificador, y el decodificador recibe en cada paso el
    carácter anterior y el contexto (el promedio de las salidas del codificador pesado por la
    atención), un paso a la vez.

    Args:
        vocab_size: tamaño del vocabulario de caracteres.
        embedding_dim: dimensión de los embeddings de caracteres.
        hidden_size: dimensión del estado oculto de las dos GRU.

    Raises:
        TypeError: si algún argumento no es un entero.
        ValueError: si algún argumento no es positivo.
    """

    def __init__(self, vocab_size: int, *, embedding_dim: int = 32, hidden_size: int = 64):
        super().__init__()
        V = positive_int(vocab_size, "vocab_size")
        E = positive_int(embedding_dim, "embedding_dim")
        H = positive_int(hidden_size, "hidden_size")
        self.src_embedding = nn.Embedding(V, E, padding_idx=0)
        self.encoder = nn.GRU(E, H, batch_first=True)
        self.tgt_embedding = nn.Embedding(V, E, padding_idx=0)
        self.cell = nn.GRUCell(E + H, H)
        self.W_query = nn.Linear(H, H, bias=False)
        self.W_key = nn.Linear(H, H, bias=False)
        self.v = nn.Linear(H, 1, bias=False)
        self.out = nn.Linear(2 * H, V)

    def encode(self, src: torch.Tensor) -> tuple:
        """El estado inicial del decodificador: salidas del codificador, sus proyecciones,
        la máscara de relleno y el estado oculto en el último carácter real de cada fuente."""
        keys, _ = self.encoder(self.src_embedding(src))
        last = (src != 0).sum(1) - 1
        h = keys[torch.arange(len(src)), last]
        return keys, self.W_key(keys), src == 0, h

    def step(self, y: torch.Tensor, state: tuple) -> tuple[torch.Tensor, torch.Tensor, tuple]:
        """Un paso del decodificador: (logits, pesos de atención, estado nuevo)."""
        keys, projected, pad, h = state
        scores = self.v(torch.tanh(projected + self.W_query(h)[:, None])).squeeze(-1)
        weights = scores.masked_fill(pad, -math.inf).softmax(-1)
        context = (weights[:, :, None] * keys).sum(1)
        h = self.cell(torch.cat([self.tgt_embedding(y), context], -1), h)
        return self.out(torch.cat([h, context], -1)), weights, (keys, projected, pad, h)

    def forward(self, src: torch.Tensor, tgt_in: torch.Tensor) -> torch.Tensor:
        """Logits (N, T, V) con forzado del profesor: `tgt_in` es el objetivo desde SOS."""
        state = self.encode(src)
        logits = []
        for t in range(tgt_in.shape[1]):
            step_logits, _, state = self.step(tgt_in[:, t], state)
            logits.append(step_logits)
        return torch.stack(logits, 1)

    @torch.no_grad()
    def greedy(self, src: torch.Tensor, steps: int) -> torch.Tensor:
        """Decodificación voraz: (N, steps) índices, empezando desde SOS = 1."""
        steps = positive_int(steps, "steps")
        state = self.encode(src)
        y = torch.full((len(src),), CharVocab.SOS, dtype=torch.long, device=src.device)
        out = []
        for _ in range(steps):
            step_logits, _, state = self.step(y, state)
            y = step_logits.argmax(-1)
            out.append(y)
        return torch.stack(out, 1)
