"""Los ejercicios como los encuentra un estudiante, en Colab y en el sitio.

Convenciones (README, «Cómo agregar un capítulo»):

- Cada ejercicio empieza con una celda Markdown `**Ejercicio N (...).**`.
- Antes de su solución tiene una celda para el estudiante: código con una autoevaluación
  `dlnotes.check` cuya salida guardada es un ❌ (el marcador de posición falla), o, si la
  respuesta es en prosa, una celda Markdown que empieza con `**Tu respuesta.**`.
- Una celda de solución (`# @title Solución`) guarda solo la salida de su autoevaluación, un ✅:
  ni números, ni tablas, ni figuras que revelen la respuesta antes de abrirla (Colab pliega el
  código de la celda, no su salida). nbval la ejecuta igual, y una solución equivocada daría ❌.
- Cada comprobación oculta del libro (etiqueta `remove-cell`) empieza con
  `# Comprobación del libro:`; `tests/test_students.py` comprueba que no dependa de las soluciones.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb"))
IDS = [p.name for p in NOTEBOOKS]
EXERCISE = re.compile(r"^\*\*Ejercicio (\d+)\b", re.MULTILINE)
HIDDEN_CHECK_LABEL = "# Comprobación del libro:"
ANSWER_SPACE = "**Tu respuesta.**"


def cells_of(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    return "".join(cell["source"])


def output_text(cell: dict) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if "text" in output:
            parts.append("".join(output["text"]))
        parts += ["".join(v) for k, v in output.get("data", {}).items() if k.startswith("text/")]
    return "\n".join(parts)


def is_solution_code(cell: dict) -> bool:
    return cell["cell_type"] == "code" and source(cell).startswith("# @title Solución")


def is_solution_prose(cell: dict) -> bool:
    return cell["cell_type"] == "markdown" and "<summary>Solución" in source(cell)


def exercises(cells: list[dict]) -> list[tuple[str, list[dict]]]:
    """(número, celdas) de cada ejercicio, desde su enunciado hasta el siguiente o el resumen."""
    starts = [
        i
        for i, c in enumerate(cells)
        if c["cell_type"] == "markdown" and EXERCISE.search(source(c))
    ]
    ends = starts[1:] + [next(i for i, c in enumerate(cells) if source(c).startswith("## Resumen"))]
    return [
        (EXERCISE.search(source(cells[s])).group(1), cells[s:e])
        for s, e in zip(starts, ends, strict=True)
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_exercises_are_numbered_in_order(path):
    numbers = [n for n, _ in exercises(cells_of(path))]
    assert numbers == [str(k) for k in range(1, len(numbers) + 1)], numbers
    assert numbers, "el capítulo no tiene ejercicios"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_exercise_has_a_student_cell_before_its_solution(path):
    for number, cells in exercises(cells_of(path)):
        first_solution = next(
            (i for i, c in enumerate(cells) if is_solution_code(c) or is_solution_prose(c)), None
        )
        assert first_solution is not None, f"el ejercicio {number} no tiene solución"
        before = cells[1:first_solution]
        student_code = [
            c for c in before if c["cell_type"] == "code" and "dlnotes.check." in source(c)
        ]
        answer_space = [
            c for c in before if c["cell_type"] == "markdown" and source(c).startswith(ANSWER_SPACE)
        ]
        assert student_code or answer_space, (
            f"el ejercicio {number} no tiene celda para el estudiante (código con dlnotes.check "
            f"o una celda Markdown que empiece con {ANSWER_SPACE!r}) antes de la solución"
        )
        for cell in student_code:
            assert "❌" in output_text(cell), (
                f"ejercicio {number}: la autoevaluación del estudiante debe fallar con el "
                f"marcador de posición (salida guardada con ❌); guardó {output_text(cell)[:120]!r}"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_code_solutions_store_only_their_passing_self_check(path):
    for number, cells in exercises(cells_of(path)):
        for cell in filter(is_solution_code, cells):
            assert "dlnotes.check." in source(cell), (
                f"la solución del ejercicio {number} no termina con su autoevaluación"
            )
            images = [o for o in cell["outputs"] if "image/png" in o.get("data", {})]
            assert not images, f"la solución del ejercicio {number} guarda una figura"
            lines = [line for line in output_text(cell).splitlines() if line.strip()]
            assert lines, f"la solución del ejercicio {number} no guardó su ✅"
            revealing = [line for line in lines if not line.startswith("✅")]
            assert not revealing, (
                f"la solución del ejercicio {number} guarda una salida que revela la respuesta: "
                f"{revealing[0][:100]!r} (llévala a la explicación en <details>)"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_hidden_checks_say_what_they_are(path):
    for i, cell in enumerate(cells_of(path)[1:], start=1):
        if cell["cell_type"] == "code" and "remove-cell" in cell["metadata"].get("tags", []):
            assert source(cell).startswith(HIDDEN_CHECK_LABEL), (
                f"la celda oculta {i} debe empezar con {HIDDEN_CHECK_LABEL!r} (en Colab se ve): "
                f"{source(cell)[:80]!r}"
            )
