"""Motor de redes en NumPy: un MLP con paso hacia adelante, retropropagación y SGD.

Es la versión vectorizada de la retropropagación que se deriva en el capítulo 7; los capítulos
siguientes la usan para comparar con PyTorch. Cada activación y cada pérdida tiene su derivada
escrita al lado, como en micrograd. Convención de PyTorch: un ejemplo por fila,
`Z = A W^T + b`, con `W` de forma (salidas, entradas).
"""

from collections.abc import Iterable, Sequence

import numpy as np

from dlnotes._validate import as_rng, finite_array, matrix, positive_finite, same_shape


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # estable para |z| grande


# nombre: (f(z), f'(z) escrita con z y a = f(z))
ACTIVATIONS = {
    "identity": (lambda z: z, lambda z, a: np.ones_like(z)),
    "sigmoid": (_sigmoid, lambda z, a: a * (1.0 - a)),
    "tanh": (np.tanh, lambda z, a: 1.0 - a**2),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z, a: (z > 0).astype(z.dtype)),
}


def _activation(name: object, arg: str) -> tuple:
    if not isinstance(name, str) or name not in ACTIVATIONS:
        raise ValueError(
            f"activación desconocida {name!r} en {arg}; usa una de {sorted(ACTIVATIONS)}"
        )
    return ACTIVATIONS[name]


def _sizes(sizes: object) -> list[int]:
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Iterable):
        raise TypeError(f"sizes debe ser una lista de enteros, como [2, 2, 1]; recibí {sizes!r}")
    sizes = list(sizes)
    if len(sizes) < 2 or any(
        isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1 for k in sizes
    ):
        raise ValueError(f"sizes debe tener al menos 2 enteros positivos; recibí {sizes}")
    return [int(k) for k in sizes]


class MLP:
    """Perceptrón multicapa: capas lineales con una activación oculta y una de salida."""

    def __init__(
        self,
        sizes: Sequence[int],
        *,
        activation: str = "tanh",
        output: str = "identity",
        rng: np.random.Generator | int = 0,
    ) -> None:
        """Crea la red con pesos U(-1/√m, 1/√m), como `torch.nn.Linear`.

        Args:
            sizes: anchos de las capas, de la entrada a la salida (por ejemplo [2, 2, 1]).
            activation: activación de las capas ocultas ("sigmoid", "tanh", "relu", ...).
            output: activación de la salida ("identity" si la pérdida recibe logits).
            rng: semilla o generador para inicializar los pesos.

        Raises:
            TypeError: si `sizes` no es una lista o `rng` no es una semilla ni un generador.
            ValueError: si `sizes` no son al menos 2 enteros positivos, si una activación no
                existe o si `rng` es negativo.
        """
        self.sizes = _sizes(sizes)
        _activation(activation, "activation")  # valida el nombre aunque no haya capas ocultas
        _activation(output, "output")
        self.activation_names = [activation] * (len(self.sizes) - 2) + [output]
        self.activations = [ACTIVATIONS[name] for name in self.activation_names]
        rng = as_rng(rng)
        self.weights, self.biases = [], []
        for m, k in zip(self.sizes[:-1], self.sizes[1:], strict=True):
            bound = 1.0 / np.sqrt(m)
            self.weights.append(rng.uniform(-bound, bound, size=(k, m)))
            self.biases.append(rng.uniform(-bound, bound, size=k))
        self.zero_grad()
        self._cache: list[tuple[np.ndarray, np.ndarray, np.ndarray]] | None = None

    def forward(self, X: object) -> np.ndarray:
        """Calcula la salida para un lote `X` de forma (n, entradas) y guarda lo necesario.

        Raises:
            TypeError: si `X` no es numérico. ValueError: si no es (n, entradas) y finito.
        """
        a = matrix(X, self.sizes[0], "X")
        self._cache = []
        for W, b, (f, _) in zip(self.weights, self.biases, self.activations, strict=True):
            z = a @ W.T + b
            a_next = f(z)
            self._cache.append((a, z, a_next))
            a = a_next
        return a

    __call__ = forward

    def backward(self, grad_output: object) -> np.ndarray:
        """Retropropaga dL/d(salida); acumula los gradientes y devuelve dL/dX.

        Raises:
            RuntimeError: si todavía no se llamó a `forward`. TypeError: si `grad_output` no es
                numérico. ValueError: si no tiene la forma de la última salida o no es finito.
        """
        if self._cache is None:
            raise RuntimeError("llama a forward antes de backward")
        n = len(self._cache[0][0])
        grad = matrix(grad_output, self.sizes[-1], "grad_output")
        if len(grad) != n:
            raise ValueError(
                f"grad_output debe tener {n} filas (una por ejemplo); tiene {len(grad)}"
            )
        for i in reversed(range(len(self.weights))):
            a_in, z, a_out = self._cache[i]
            dz = grad * self.activations[i][1](z, a_out)  # regla de la cadena por la activación
            self.grad_weights[i] += dz.T @ a_in  # dL/dW = dz^T a
            self.grad_biases[i] += dz.sum(axis=0)  # dL/db = suma de dz sobre el lote
            grad = dz @ self.weights[i]  # dL/da de la capa anterior
        return grad

    def parameters(self) -> list[np.ndarray]:
        """Pesos y sesgos en orden: [W1, b1, W2, b2, ...] (los mismos arreglos, no copias)."""
        return [p for pair in zip(self.weights, self.biases, strict=True) for p in pair]

    def gradients(self) -> list[np.ndarray]:
        """Gradientes en el mismo orden que `parameters()`."""
        return [g for pair in zip(self.grad_weights, self.grad_biases, strict=True) for g in pair]

    def zero_grad(self) -> None:
        """Pone en cero los gradientes acumulados."""
        self.grad_weights = [np.zeros_like(W) for W in self.weights]
        self.grad_biases = [np.zeros_like(b) for b in self.biases]

    def step(self, lr: float) -> None:
        """Un paso de descenso del gradiente: p ← p − lr · dL/dp, en el lugar.

        Raises:
            TypeError: si `lr` no es un número. ValueError: si no es positivo y finito.
        """
        positive_finite(lr, "lr")
        for p, g in zip(self.parameters(), self.gradients(), strict=True):
            p -= lr * g


def mse_loss(y_hat: object, y: object) -> tuple[float, np.ndarray]:
    """ECM promedio sobre todos los elementos y su gradiente respecto de `y_hat`.

    Raises:
        TypeError: si no son numéricos. ValueError: si difieren en forma, o son vacíos o no finitos.
    """
    y_hat, y = same_shape(y_hat, y, "y_hat", "y")
    diff = y_hat - y
    return float(np.mean(diff**2)), 2.0 * diff / diff.size


def bce_with_logits_loss(z: object, y: object) -> tuple[float, np.ndarray]:
    """Entropía cruzada binaria desde logits (forma estable) y su gradiente respecto de `z`.

    Raises:
        TypeError: si no son numéricos. ValueError: si difieren en forma, o son vacíos o no
            finitos, o si `y` no está entre 0 y 1.
    """
    z, y = same_shape(z, y, "z", "y")
    if np.any((y < 0) | (y > 1)):
        raise ValueError("y debe estar entre 0 y 1")
    loss = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
    return float(np.mean(loss)), (_sigmoid(z) - y) / z.size


def cross_entropy_loss(logits: object, targets: object) -> tuple[float, np.ndarray]:
    """Entropía cruzada promedio desde logits (n, K) y clases enteras (n,), con su gradiente.

    Raises:
        TypeError: si `logits` no es numérico.
        ValueError: si `logits` no es (n, K) con n, K > 0 y valores finitos o si `targets`
            no son n clases enteras entre 0 y K - 1.
    """
    logits = finite_array(logits, "logits")
    targets = np.asarray(targets)
    if logits.ndim != 2 or targets.shape != (len(logits),):
        raise ValueError(
            f"logits debe ser (n, K) y targets (n,); recibí {logits.shape}, {targets.shape}"
        )
    if logits.size == 0:
        raise ValueError(f"logits no puede estar vacío; recibí forma {logits.shape}")
    if targets.dtype.kind not in "iu" or np.any((targets < 0) | (targets >= logits.shape[1])):
        raise ValueError(f"targets deben ser clases enteras entre 0 y {logits.shape[1] - 1}")
    shifted = logits - logits.max(axis=1, keepdims=True)  # log-sum-exp estable
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    n = len(logits)
    grad = np.exp(log_probs)
    grad[np.arange(n), targets] -= 1.0  # softmax − one-hot
    return float(-log_probs[np.arange(n), targets].mean()), grad / n
