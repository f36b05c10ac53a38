import numpy as np
import pytest
import torch

import dlnotes


def quadratic_problem():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(6, 3)), rng.normal(size=6)
    params = {"w": rng.normal(size=3), "b": np.array(0.3)}

    def loss_fn():
        return np.mean((X @ params["w"] + params["b"] - y) ** 2)

    w_t = torch.tensor(params["w"], requires_grad=True)
    b_t = torch.tensor(params["b"], requires_grad=True)
    torch.mean((torch.tensor(X) @ w_t + b_t - torch.tensor(y)) ** 2).backward()
    grads = {"w": w_t.grad.numpy(), "b": b_t.grad.numpy()}
    return loss_fn, params, grads


def test_numerical_gradient_matches_autograd_and_restores_x():
    loss_fn, params, grads = quadratic_problem()
    before = params["w"].copy()
    np.testing.assert_allclose(
        dlnotes.numerical_gradient(loss_fn, params["w"]), grads["w"], rtol=1e-7
    )
    np.testing.assert_array_equal(params["w"], before)


def test_correct_gradients_pass():
    loss_fn, params, grads = quadratic_problem()
    result = dlnotes.check_gradients(loss_fn, params, grads)
    assert result and "correctos" in result.message


def test_wrong_gradient_names_the_parameter_and_entry():
    loss_fn, params, grads = quadratic_problem()
    grads["w"] = grads["w"].copy()
    grads["w"][2] *= -1
    result = dlnotes.check_gradients(loss_fn, params, grads)
    assert not result
    assert "mal en 'w'" in result.message and "w[2]" in result.message


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (lambda g: g.pop("b"), "faltan ['b']"),
        (lambda g: g.update(c=1.0), "sobran ['c']"),
        (lambda g: g.update(w=np.zeros(2)), "forma (2,)"),
        (lambda g: g.update(b=None), "es None"),
    ],
)
def test_malformed_gradients_are_explained(mutate, fragment):
    loss_fn, params, grads = quadratic_problem()
    mutate(grads)
    result = dlnotes.check_gradients(loss_fn, params, grads)
    assert not result and fragment in result.message


def test_bad_inputs_raise_clear_errors():
    with pytest.raises(TypeError, match="punto flotante"):
        dlnotes.numerical_gradient(lambda: 0.0, np.array([1, 2]))
    with pytest.raises(ValueError, match="eps debe ser positivo"):
        dlnotes.numerical_gradient(lambda: 0.0, np.zeros(2), eps=0)
    with pytest.raises(ValueError, match="no finito"):
        dlnotes.numerical_gradient(lambda: float("nan"), np.zeros(2))


def test_tiny_gradients_do_not_raise_false_alarms():
    x = np.array([1e-3])
    params = {"x": x}

    def loss_fn():
        return 1e-6 * params["x"][0] ** 2  # gradiente 2e-9: el error relativo no sirve

    slightly_off = {"x": np.array([2.2e-9])}
    assert dlnotes.check_gradients(loss_fn, params, slightly_off)
    assert not dlnotes.check_gradients(loss_fn, params, slightly_off, atol=0.0)


def test_passing_message_does_not_depend_on_rounding_noise():
    loss_fn, params, grads = quadratic_problem()
    message = dlnotes.check_gradients(loss_fn, params, grads).message
    assert message == "✅ gradientes: correctos (error relativo < 1e-05 en w, b)."
