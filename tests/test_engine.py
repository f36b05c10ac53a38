"""El motor de NumPy contra PyTorch autograd (float64) en muchas arquitecturas."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from dlnotes import engine

TORCH_ACTIVATIONS = {
    "identity": lambda z: z,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
}


def torch_forward(model: engine.MLP, X: object) -> tuple[torch.Tensor, list[torch.Tensor]]:
    """La misma red en PyTorch, con los mismos pesos, y sus parámetros en el mismo orden.

    `X` puede ser un arreglo o un tensor (por ejemplo con `requires_grad` para dL/dX).
    """
    params = [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in model.parameters()]
    a = X if torch.is_tensor(X) else torch.tensor(X, dtype=torch.float64)
    for i, name in enumerate(model.activation_names):
        a = TORCH_ACTIVATIONS[name](a @ params[2 * i].T + params[2 * i + 1])
    return a, params


def random_case(seed: int) -> tuple[engine.MLP, np.ndarray]:
    rng = np.random.default_rng(seed)
    sizes = rng.integers(1, 7, size=rng.integers(2, 6)).tolist()
    model = engine.MLP(
        sizes,
        activation=str(rng.choice(["sigmoid", "tanh", "relu", "identity"])),
        output=str(rng.choice(["identity", "sigmoid", "tanh"])),
        rng=seed,
    )
    return model, rng.normal(size=(int(rng.integers(1, 9)), sizes[0]))


@pytest.mark.parametrize("seed", range(40))
def test_forward_and_gradients_match_torch_on_random_networks(seed):
    model, X = random_case(seed)
    y = np.random.default_rng(seed + 1000).normal(size=(len(X), model.sizes[-1]))
    loss, grad = engine.mse_loss(model.forward(X), y)
    model.backward(grad)

    out_t, params_t = torch_forward(model, X)
    loss_t = F.mse_loss(out_t, torch.tensor(y))
    loss_t.backward()
    np.testing.assert_allclose(model.forward(X), out_t.detach().numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(loss, loss_t.item(), rtol=1e-12)
    for g, p in zip(model.gradients(), params_t, strict=True):
        np.testing.assert_allclose(g, p.grad.numpy(), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("seed", range(10))
def test_backward_returns_the_input_gradient(seed):
    model, X = random_case(seed)
    X_t = torch.tensor(X, requires_grad=True)
    model.forward(X)
    grad_X = model.backward(np.ones((len(X), model.sizes[-1])))
    out_t, _ = torch_forward(model, X_t)
    out_t.sum().backward()
    np.testing.assert_allclose(grad_X, X_t.grad.numpy(), rtol=1e-9, atol=1e-12)


def assert_loss_matches_torch(engine_loss, torch_loss, prediction, target, target_t) -> None:
    """Pérdida y gradiente del motor contra la función de PyTorch, en float64."""
    prediction_t = torch.tensor(prediction, requires_grad=True)
    loss_t = torch_loss(prediction_t, target_t)
    loss_t.backward()
    loss, grad = engine_loss(prediction, target)
    np.testing.assert_allclose(loss, loss_t.item(), rtol=1e-12)
    np.testing.assert_allclose(grad, prediction_t.grad.numpy(), rtol=1e-10, atol=1e-15)


@pytest.mark.parametrize("seed", range(10))
def test_bce_with_logits_matches_torch(seed):
    rng = np.random.default_rng(seed)
    z = rng.normal(scale=10, size=(5, 3))
    y = (rng.random((5, 3)) < 0.5).astype(float)
    assert_loss_matches_torch(
        engine.bce_with_logits_loss, F.binary_cross_entropy_with_logits, z, y, torch.tensor(y)
    )


@pytest.mark.parametrize("scale", [1.0, 100.0, 1000.0])
def test_cross_entropy_matches_torch_even_for_huge_logits(scale):
    rng = np.random.default_rng(0)
    logits = scale * rng.normal(size=(6, 4))
    targets = rng.integers(0, 4, size=6)
    assert_loss_matches_torch(
        engine.cross_entropy_loss, F.cross_entropy, logits, targets, torch.tensor(targets)
    )


def test_training_with_step_matches_torch_sgd():
    model = engine.MLP([2, 4, 1], activation="tanh", rng=3)
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    _, params_t = torch_forward(model, X)
    optimizer = torch.optim.SGD(params_t, lr=0.5)
    for _ in range(50):
        model.zero_grad()
        model.backward(engine.mse_loss(model.forward(X), y)[1])
        model.step(0.5)
        optimizer.zero_grad()
        a = torch.tensor(X)
        a = torch.tanh(a @ params_t[0].T + params_t[1]) @ params_t[2].T + params_t[3]
        F.mse_loss(a, torch.tensor(y)).backward()
        optimizer.step()
    for p, p_t in zip(model.parameters(), params_t, strict=True):
        np.testing.assert_allclose(p, p_t.detach().numpy(), rtol=1e-9, atol=1e-12)


def test_gradients_accumulate_until_zero_grad():
    model, X = random_case(1)
    grad = np.ones((len(X), model.sizes[-1]))
    model.forward(X)
    model.backward(grad)
    first = [g.copy() for g in model.gradients()]
    model.backward(grad)
    for g, g1 in zip(model.gradients(), first, strict=True):
        np.testing.assert_allclose(g, 2 * g1)
    model.zero_grad()
    assert all(not g.any() for g in model.gradients())


def test_initialisation_is_seeded_and_bounded():
    a, b = engine.MLP([3, 5, 2], rng=7), engine.MLP([3, 5, 2], rng=7)
    for p, q in zip(a.parameters(), b.parameters(), strict=True):
        np.testing.assert_array_equal(p, q)
    assert np.abs(a.weights[0]).max() <= 1 / np.sqrt(3)
    assert np.abs(a.weights[1]).max() <= 1 / np.sqrt(5)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"sizes": [3]}, "al menos 2"),
        ({"sizes": [3, 0, 1]}, "enteros positivos"),
        ({"sizes": [2, 2.5, 1]}, "enteros positivos"),
        ({"sizes": [2, 1], "activation": "swish"}, "activación desconocida 'swish'"),
        ({"sizes": [2, 1], "output": "softmax"}, "desconocida"),
    ],
)
def test_bad_architectures_are_rejected(kwargs, match):
    with pytest.raises(ValueError, match=match):
        engine.MLP(**kwargs)


def test_bad_inputs_are_rejected():
    model = engine.MLP([2, 3, 1])
    with pytest.raises(RuntimeError, match="forward antes de backward"):
        model.backward(np.ones((4, 1)))
    with pytest.raises(ValueError, match=r"X debe tener forma \(n, 2\)"):
        model.forward(np.ones((4, 3)))
    with pytest.raises(ValueError, match="no finitos"):
        model.forward(np.array([[np.nan, 0.0]]))
    model.forward(np.ones((4, 2)))
    with pytest.raises(ValueError, match="4 filas"):
        model.backward(np.ones((3, 1)))
    with pytest.raises(ValueError, match=r"grad_output debe tener forma \(n, 1\)"):
        model.backward(np.ones((4, 2)))
    with pytest.raises(ValueError, match="lr debe ser positivo"):
        model.step(-0.1)
    with pytest.raises(ValueError, match="lr debe ser positivo"):
        model.step(float("nan"))


def test_bad_loss_inputs_are_rejected():
    with pytest.raises(ValueError, match="misma forma"):
        engine.mse_loss(np.ones((3, 1)), np.ones(3))
    with pytest.raises(ValueError, match="no finitos"):
        engine.mse_loss(np.array([np.inf]), np.array([0.0]))
    with pytest.raises(ValueError, match="entre 0 y 1"):
        engine.bce_with_logits_loss(np.zeros(2), np.array([0.0, 2.0]))
    with pytest.raises(ValueError, match="clases enteras entre 0 y 2"):
        engine.cross_entropy_loss(np.zeros((2, 3)), np.array([0, 3]))
    with pytest.raises(ValueError, match="clases enteras"):
        engine.cross_entropy_loss(np.zeros((2, 3)), np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match=r"logits debe ser \(n, K\)"):
        engine.cross_entropy_loss(np.zeros(3), np.array([0]))


@pytest.mark.parametrize("bad", [3, None, "221"])
def test_sizes_must_be_a_list(bad):
    with pytest.raises(TypeError, match="sizes debe ser una lista de enteros"):
        engine.MLP(bad)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"activation": ["tanh"]}, r"activación desconocida \['tanh'\] en activation"),
        ({"output": "softmax"}, "activación desconocida 'softmax' en output"),
        ({"output": None}, "activación desconocida None en output"),
    ],
)
def test_unknown_activations_name_the_argument(kwargs, match):
    with pytest.raises(ValueError, match=match):
        engine.MLP([2, 2, 1], **kwargs)


def test_negative_seed_is_rejected():
    with pytest.raises(ValueError, match="rng debe ser una semilla no negativa"):
        engine.MLP([2, 1], rng=-1)


@pytest.mark.parametrize("bad", ["abc", [[1.0, 2.0], [1.0]], None])
def test_forward_and_backward_reject_non_numeric_inputs(bad):
    model = engine.MLP([2, 3, 1])
    with pytest.raises(TypeError, match="X debe ser numérico"):
        model.forward(bad)
    model.forward(np.ones((2, 2)))
    with pytest.raises(TypeError, match="grad_output debe ser numérico"):
        model.backward(bad)


def test_forward_accepts_tensors_that_require_grad():
    model = engine.MLP([2, 3, 1], rng=1)
    X = np.random.default_rng(0).normal(size=(4, 2))
    X_t = torch.tensor(X, requires_grad=True)
    np.testing.assert_array_equal(model.forward(X_t), model.forward(X))


@pytest.mark.parametrize("bad", ["0.1", None, True])
def test_step_rejects_non_numeric_learning_rates(bad):
    with pytest.raises(TypeError, match="lr debe ser un número"):
        engine.MLP([2, 1]).step(bad)


@pytest.mark.parametrize(
    ("loss", "args", "error", "match"),
    [
        (engine.mse_loss, ("a", [1.0]), TypeError, "y_hat debe ser numérico"),
        (engine.mse_loss, ([1.0], ["a"]), TypeError, "y debe ser numérico"),
        (engine.mse_loss, (np.zeros(0), np.zeros(0)), ValueError, "y_hat e y no pueden estar"),
        (engine.mse_loss, (np.ones(2), np.ones(3)), ValueError, r"y_hat \(predicción\) e y"),
        (engine.bce_with_logits_loss, (np.zeros(0), np.zeros(0)), ValueError, "z e y no pueden"),
        (engine.bce_with_logits_loss, ([0.0], [np.nan]), ValueError, "y contiene valores no"),
        (engine.cross_entropy_loss, ("ab", [0]), TypeError, "logits debe ser numérico"),
        (engine.cross_entropy_loss, ([[np.nan, 0.0]], [0]), ValueError, "logits contiene valores"),
        (engine.cross_entropy_loss, ([[np.inf, 0.0]], [0]), ValueError, "logits contiene valores"),
        (engine.cross_entropy_loss, (np.zeros((0, 3)), []), ValueError, "logits no puede estar"),
        (engine.cross_entropy_loss, (np.zeros((2, 0)), [0, 0]), ValueError, "logits no puede"),
    ],
)
def test_losses_reject_bad_inputs(loss, args, error, match):
    with pytest.raises(error, match=match):
        loss(*args)


def test_losses_accept_tensors_that_require_grad():
    y_hat = torch.tensor([[0.5], [2.0]], requires_grad=True)
    loss, grad = engine.mse_loss(y_hat, [[1.0], [1.0]])
    assert loss == pytest.approx(0.625)
    np.testing.assert_allclose(grad, [[-0.5], [1.0]])
