import numpy as np
import pytest
import torch

from dlnotes import check


def test_result_is_truthy_and_shows_its_message():
    result = check.close(1.0, 1.0, name="x")
    assert result and result.ok
    assert repr(result) == result.message and result.message.startswith("✅ x")


def test_close_accepts_arrays_lists_and_tensors():
    expected = np.linspace(0, 1, 5)
    assert check.close(expected.tolist(), expected)
    assert check.close(torch.tensor(expected), expected)
    assert check.close(expected + 1e-9, expected)


def test_close_reports_first_mismatch_and_count():
    expected = np.zeros((2, 3))
    actual = expected.copy()
    actual[1, 2] = 0.5
    result = check.close(actual, expected, name="W")
    assert not result
    assert "1 de 6 valores" in result.message and "(1, 2)" in result.message
    assert "obtuve 0.5" in result.message


@pytest.mark.parametrize(
    ("actual", "fragment"),
    [
        (None, "es None"),
        (np.zeros(3), "forma (3,)"),
        ("hola", "no es numérico"),
        (np.array([np.nan, 0.0]), "nan o inf"),
    ],
)
def test_close_explains_what_is_wrong(actual, fragment):
    result = check.close(actual, np.zeros(2))
    assert not result and fragment in result.message


@pytest.mark.parametrize("tolerance", ["rtol", "atol"])
@pytest.mark.parametrize(
    ("bad", "error", "match"),
    [
        (-1, ValueError, "debe ser finito y no negativo"),
        (float("nan"), ValueError, "debe ser finito y no negativo"),
        (float("inf"), ValueError, "debe ser finito y no negativo"),
        ("0.1", TypeError, "debe ser un número"),
        (None, TypeError, "debe ser un número"),
        (True, TypeError, "debe ser un número"),
    ],
)
def test_close_and_function_reject_bad_tolerances(tolerance, bad, error, match):
    with pytest.raises(error, match=f"{tolerance} {match}"):
        check.close(1.0, 1.0, **{tolerance: bad})
    with pytest.raises(error, match=f"{tolerance} {match}"):  # aunque la función falle antes
        check.function(lambda x: 1 / 0, np.tanh, [1.0], **{tolerance: bad})


@pytest.mark.parametrize(
    ("expected", "error", "match"),
    [
        ("x", TypeError, "expected debe ser numérico"),
        (None, TypeError, "expected debe ser numérico"),
        ([[1.0], [1.0, 2.0]], TypeError, "expected debe ser numérico .* mismo largo"),
        (float("nan"), ValueError, "expected contiene valores no finitos"),
        ([0.0, float("inf")], ValueError, "expected contiene valores no finitos"),
    ],
)
def test_close_rejects_bad_expected_values(expected, error, match):
    with pytest.raises(error, match=match):
        check.close(1.0, expected)


def test_close_accepts_lists_of_tensors_that_require_grad():
    losses = [torch.tensor(v, requires_grad=True) * 2 for v in (0.5, 0.25)]  # sin .item()
    assert check.close(losses, [1.0, 0.5])


def test_function_against_torch_oracle():
    inputs = [np.linspace(-3, 3, 7), np.array([0.0]), np.array([[1.0, -2.0]])]

    def oracle(z):
        return torch.tanh(torch.as_tensor(z)).numpy()

    assert check.function(np.tanh, oracle, inputs)
    wrong = check.function(np.sin, oracle, inputs, name="mi_tanh")
    assert not wrong and wrong.message.startswith("❌ mi_tanh")


def test_function_passes_tuples_as_several_arguments():
    def bce(y, p):
        return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))

    def oracle(y, p):
        return torch.nn.functional.binary_cross_entropy(torch.tensor(p), torch.tensor(y)).item()

    cases = [(np.array([1.0, 0.0]), np.array([0.9, 0.2])), (np.array([1.0]), np.array([0.3]))]
    assert check.function(bce, oracle, cases)


def test_function_reports_student_exceptions_instead_of_raising():
    def broken(z):
        raise NotImplementedError("todavía no")

    result = check.function(broken, np.tanh, [np.zeros(2)])
    assert not result and "NotImplementedError: todavía no" in result.message


def test_function_rejects_non_callables_and_empty_inputs():
    assert not check.function(None, np.tanh, [1.0])
    with pytest.raises(ValueError, match="no puede estar vacío"):
        check.function(np.tanh, np.tanh, [])


def test_function_rejects_a_bad_oracle():
    with pytest.raises(TypeError, match="oracle debe ser una función; recibí str"):
        check.function(np.tanh, "tanh", [1.0])
    with pytest.raises(TypeError, match="expected debe ser numérico"):
        check.function(np.tanh, lambda x: "tanh", [1.0])


@pytest.mark.parametrize("bad", [5, None, "abc", {"x": 1.0}])
def test_function_rejects_inputs_that_are_not_a_list_of_inputs(bad):
    with pytest.raises(TypeError, match="inputs debe ser una lista de entradas de prueba"):
        check.function(np.tanh, np.tanh, bad)


def test_classifies_accepts_correct_and_reports_wrong_example():
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([0, 1, 1, 1])
    assert check.classifies(lambda X: (X.sum(axis=1) >= 1).astype(int), X, y)
    result = check.classifies(lambda X: (X.sum(axis=1) >= 2).astype(int), X, y, name="OR")
    assert not result and "2 de 4" in result.message and "[0., 1.]" in result.message


@pytest.mark.parametrize(
    ("predict", "fragment"),
    [
        (lambda X: np.zeros(3), "devolvió forma"),
        (lambda X: 1 / 0, "ZeroDivisionError"),
        ("no", "se esperaba una función"),
    ],
)
def test_classifies_explains_failures(predict, fragment):
    X, y = np.zeros((4, 2)), np.zeros(4, dtype=int)
    result = check.classifies(predict, X, y)
    assert not result and fragment in result.message


def test_classifies_rejects_inconsistent_data():
    with pytest.raises(ValueError, match="X debe ser"):
        check.classifies(lambda X: X, np.zeros((4, 2)), np.zeros(3))


@pytest.mark.parametrize(
    ("X", "y", "error", "match"),
    [
        ("abc", [0], TypeError, "X debe ser numérico"),
        ([[0.0, 1.0], [1.0]], [0, 1], TypeError, "X debe ser numérico .* mismo largo"),
        (np.zeros((0, 2)), np.zeros(0), ValueError, "X e y no pueden estar vacíos"),
        ([[np.nan, 0.0]], [0], ValueError, "X contiene valores no finitos"),
    ],
)
def test_classifies_rejects_bad_inputs(X, y, error, match):
    with pytest.raises(error, match=match):
        check.classifies(lambda X: np.zeros(len(X)), X, y)


def test_classifies_accepts_tensors_that_require_grad():
    X = torch.tensor([[0.0, 1.0], [2.0, 0.0]], requires_grad=True)

    def predict(X):  # devuelve un tensor con requires_grad, como sin .detach()
        return (torch.tensor(X) > 1).any(1).double().requires_grad_()

    assert check.classifies(predict, X, [0, 1])


def test_messages_show_only_the_shape_of_large_inputs():
    image = np.zeros((2, 32, 32))
    result = check.function(lambda x: x + 1, lambda x: x, [image], name="f")
    assert not result and "un arreglo de forma (2, 32, 32)" in result.message
    assert len(result.message) < 300


@pytest.mark.parametrize(
    ("actual", "direction"), [(300, "demasiado pequeño"), (400, "demasiado grande")]
)
def test_close_failure_never_shows_the_expected_value(actual, direction):
    result = check.close(actual, 325, name="parámetros entrenables")
    assert not result.ok
    assert "325" not in result.message and direction in result.message
