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
        (lambda g: g.update(w=np.array([np.nan, 0.0, 0.0])), "el de 'w' contiene nan o inf"),
        (lambda g: g.update(w="abc"), "el de 'w' no es numérico"),
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


def test_gradients_may_be_tensors_and_loss_may_be_a_torch_scalar():
    loss_fn, params, grads = quadratic_problem()
    grads["w"] = torch.tensor(grads["w"], requires_grad=True)  # p. ej. sin .detach()
    assert dlnotes.check_gradients(loss_fn, params, grads)
    x = np.array([1.0, 2.0])
    torch_loss = lambda: (torch.from_numpy(x) ** 2).sum().requires_grad_()  # noqa: E731
    np.testing.assert_allclose(dlnotes.numerical_gradient(torch_loss, x), [2.0, 4.0])


@pytest.mark.parametrize("arg", ["params", "grads"])
@pytest.mark.parametrize("bad", ["w", ["w", "b"], None, np.zeros(3)])
def test_params_and_grads_must_be_dicts(arg, bad):
    loss_fn, params, grads = quadratic_problem()
    kwargs = {"params": params, "grads": grads, arg: bad}
    with pytest.raises(TypeError, match=rf"{arg} debe ser un diccionario \(Mapping\) nombre ->"):
        dlnotes.check_gradients(loss_fn, **kwargs)


@pytest.mark.parametrize(
    "bad",
    [np.array([1, 2, 3]), [1.0, 2.0, 3.0], torch.zeros(3, dtype=torch.float64), 3.0],
    ids=["int-array", "list", "tensor", "float"],
)
def test_params_must_be_float_numpy_arrays(bad):
    loss_fn, params, grads = quadratic_problem()
    params["w"] = bad
    with pytest.raises(TypeError, match=r"params\['w'\] debe ser un numpy.ndarray de punto"):
        dlnotes.check_gradients(loss_fn, params, grads)


def test_params_must_be_writable_and_not_empty():
    loss_fn, params, grads = quadratic_problem()
    params["w"] = np.broadcast_to(np.zeros(1), (3,))
    with pytest.raises(ValueError, match=r"params\['w'\] es de solo lectura"):
        dlnotes.check_gradients(loss_fn, params, grads)
    with pytest.raises(ValueError, match="params no puede estar vacío"):
        dlnotes.check_gradients(lambda: 0.0, {}, {})


@pytest.mark.parametrize(
    ("loss_fn", "error", "match"),
    [
        ("loss", TypeError, "loss_fn debe ser una función"),
        (lambda params: 0.0, TypeError, "loss_fn debe poder llamarse sin argumentos"),
        (lambda: None, TypeError, "loss_fn debe devolver un número; devolvió None"),
        (lambda: "0.5", TypeError, "loss_fn debe devolver un número; devolvió str"),
        (lambda: np.ones(3), ValueError, r"loss_fn debe devolver un número; .* forma \(3,\)"),
        (lambda: float("inf"), ValueError, "loss_fn devolvió un valor no finito"),
    ],
)
def test_bad_loss_fn_is_rejected_and_params_are_restored(loss_fn, error, match):
    _, params, grads = quadratic_problem()
    before = {k: v.copy() for k, v in params.items()}
    with pytest.raises(error, match=match):
        dlnotes.check_gradients(loss_fn, params, grads)
    for k, v in params.items():
        np.testing.assert_array_equal(v, before[k])


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"eps": float("nan")}, ValueError, "eps debe ser positivo y finito"),
        ({"eps": float("inf")}, ValueError, "eps debe ser positivo y finito"),
        ({"eps": -1e-6}, ValueError, "eps debe ser positivo y finito"),
        ({"eps": "1e-6"}, TypeError, "eps debe ser un número"),
        ({"eps": True}, TypeError, "eps debe ser un número"),
        ({"tol": float("nan")}, ValueError, "tol debe ser finito y no negativo"),
        ({"tol": -1.0}, ValueError, "tol debe ser finito y no negativo"),
        ({"tol": None}, TypeError, "tol debe ser un número"),
        ({"atol": float("nan")}, ValueError, "atol debe ser finito y no negativo"),
        ({"atol": -1.0}, ValueError, "atol debe ser finito y no negativo"),
        ({"atol": "0"}, TypeError, "atol debe ser un número"),
    ],
)
def test_bad_tolerances_are_rejected(kwargs, error, match):
    loss_fn, params, grads = quadratic_problem()
    with pytest.raises(error, match=match):
        dlnotes.check_gradients(loss_fn, params, grads, **kwargs)


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        (("f", np.zeros(2)), {}, TypeError, "f debe ser una función"),
        ((lambda x: 0.0, np.zeros(2)), {}, TypeError, "f debe poder llamarse sin argumentos"),
        ((lambda: 0.0, [1.0, 2.0]), {}, TypeError, "x debe ser un numpy.ndarray .* recibí list"),
        ((lambda: 0.0, torch.zeros(2)), {}, TypeError, "x debe ser .* recibí Tensor"),
        ((lambda: 0.0, np.zeros(2)), {"eps": float("inf")}, ValueError, "eps debe ser positivo"),
        ((lambda: 0.0, np.zeros(2)), {"eps": None}, TypeError, "eps debe ser un número"),
        ((lambda: np.ones(3), np.zeros(2)), {}, ValueError, "f debe devolver un número"),
        ((lambda: None, np.zeros(2)), {}, TypeError, "f debe devolver un número; devolvió None"),
    ],
)
def test_numerical_gradient_rejects_bad_arguments(args, kwargs, error, match):
    with pytest.raises(error, match=match):
        dlnotes.numerical_gradient(*args, **kwargs)


def test_failure_names_the_entry_but_never_the_finite_difference_value():
    w = np.array([1.0, 2.0])
    result = dlnotes.check_gradients(
        lambda: float(np.sum(w**2)), {"w": w}, {"w": np.array([2.0, 0.5])}
    )
    assert not result.ok
    assert "w[1]" in result.message and "demasiado pequeño" in result.message
    assert "4" not in result.message.split("tu valor")[1].split("(")[0]  # el valor correcto es 4
