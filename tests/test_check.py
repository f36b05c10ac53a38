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


def test_close_rejects_negative_tolerances():
    with pytest.raises(ValueError, match="no negativos"):
        check.close(1.0, 1.0, rtol=-1)


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


def test_messages_show_only_the_shape_of_large_inputs():
    image = np.zeros((2, 32, 32))
    result = check.function(lambda x: x + 1, lambda x: x, [image], name="f")
    assert not result and "un arreglo de forma (2, 32, 32)" in result.message
    assert len(result.message) < 300
