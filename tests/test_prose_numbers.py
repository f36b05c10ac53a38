"""La prosa no se aleja de las salidas.

Todo número medido o derivado que cita el Markdown de un notebook —con dos o más decimales
(`0.972`, `1.10`, `4.16`) o un porcentaje (`83 %`)— tiene que estar impreso por alguna celda
del mismo notebook con al menos esas cifras y redondear a él (`1.77e-01` sostiene «0.18»;
`0.298` no sostiene «0.32»), o ser exactamente una constante del código fuente. Un porcentaje
vale también contra una proporción impresa (`0.854` sostiene «85 %», no «83 %»). Las URL, las
etiquetas HTML y las citas textuales entre comillas («…», de las diapositivas) no cuentan.

Si la prosa cita un número que el código no imprime, imprímelo (o cita el que se imprime).
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "chapters").glob("*.ipynb"))

# Un decimal con 2+ cifras tras el punto que no sea parte de una versión (2.13.0).
DECIMAL = re.compile(r"(?<![\w.])(\d+\.\d{2,})(?![\d.]\d)")
# Un porcentaje entero o con decimales: «83 %», «83%», «3.5 %», también «83\,\%» en LaTeX.
PERCENT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:\\,|\\ )?\s*\\?%")
URL = re.compile(r"\]\([^)]*\)|https?://\S+|<[^>]+>")
# Texto citado entre comillas (de una diapositiva): una cita no es un resultado.
QUOTE = re.compile(r"«[^»]*»|“[^”]*”")
# «sección 6.2.2», «secciones 3.13 (entropía) y 5.5»: números de sección de un libro.
SECTION = re.compile(
    r"\bsecci(?:ón|ones)\s+\d+(?:\.\d+)+(?:\s*(?:\([^)]*\))?\s*(?:,|y)\s*\d+(?:\.\d+)+)*"
)
# Notación científica en LaTeX o en texto: «$1.32 \cdot 10^{-4}$», «4.16 × 10⁻⁵».
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
SCI = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:\\cdot|\\times|·|×)\s*10\s*"
    r"(?:\^\s*\{?\s*([-+−]?\d+)\s*\}?|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))"
)


def cells_of(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def text(value) -> str:
    return value if isinstance(value, str) else "".join(value)


def outputs_of(cells: list[dict]) -> str:
    parts = []
    for cell in cells:
        for output in cell.get("outputs", []):
            if "text" in output:
                parts.append(text(output["text"]))
            for mime, value in output.get("data", {}).items():
                if mime.startswith("text/"):
                    parts.append(text(value))
    return "\n".join(parts)


def code_of(cells: list[dict]) -> str:
    return "\n".join(text(c["source"]) for c in cells if c["cell_type"] == "code")


def prose_of(cells: list[dict]) -> str:
    """El Markdown que lee el estudiante, sin URLs, etiquetas HTML ni citas textuales."""
    parts = []
    for cell in cells:
        if cell["cell_type"] != "markdown":
            continue
        source = text(cell["source"])
        # El pie de figura para Colab repite el caption de los metadatos: se revisa igual.
        parts.append(SECTION.sub(" ", QUOTE.sub(" ", URL.sub(" ", source))))
    return "\n".join(parts)


NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.(\d+))?)(?:[eE]([-+]?\d+))?(?![\d.]\d)")


def printed_values(haystack: str) -> list[tuple[float, int]]:
    """(valor, decimales con que se imprimió) de cada número de `haystack`; 4.01e-03 tiene 5."""
    values = []
    for match in NUMBER.finditer(haystack):
        decimals = len(match.group(2) or "") - int(match.group(3) or 0)
        values.append((float(match.group(0)), decimals))
    return values


def supported(quoted: str, values: list[tuple[float, int]], scale: float = 1.0) -> bool:
    """¿Algún número impreso, con al menos las cifras citadas, redondea a `quoted`?

    `scale` = 100 para un porcentaje citado contra una proporción impresa (0.854 → 85 %).
    """
    decimals = len(quoted.split(".")[1]) if "." in quoted else 0
    return supported_value(float(quoted), decimals, values, scale)


def supported_value(
    target: float, decimals: int, values: list[tuple[float, int]], scale: float = 1.0
) -> bool:
    """Como `supported`, con el valor citado y sus decimales (negativos: 5.5·10⁵ tiene −4)."""
    half = 0.5 * 10.0**-decimals
    for value, printed_decimals in values:
        shown = value * scale
        shown_decimals = printed_decimals - (2 if scale == 100 else 0)
        if shown_decimals >= decimals and abs(shown - target) <= half * (1 + 1e-9):
            return True
    return False


def unsupported_numbers(cells: list[dict]) -> list[str]:
    prose = prose_of(cells)
    printed = printed_values(outputs_of(cells))
    constants = printed_values(code_of(cells))
    missing = []
    for match in SCI.finditer(prose):
        mantissa, exponent = match.group(1), match.group(2) or match.group(3)
        exponent = int(exponent.replace("−", "-").translate(SUPERSCRIPTS))
        decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
        value = float(mantissa) * 10.0**exponent
        found = supported_value(value, decimals - exponent, printed) or _exact(
            str(value), constants
        )
        if decimals and not found:
            missing.append(match.group(0))
    prose = SCI.sub(" ", prose)
    for match in DECIMAL.finditer(prose):
        number = match.group(1)
        if not (supported(number, printed) or _exact(number, constants)):
            missing.append(number)
    for match in PERCENT.finditer(prose):
        number = match.group(1)
        ok = (
            supported(number, printed)
            or supported(number, [(v, d) for v, d in printed if d >= 2], scale=100)
            or _exact(number, constants)
            or _exact(str(float(number) / 100), constants)  # test_size=0.25 fija «25 %»
        )
        if not ok:
            missing.append(f"{number} %")
    return sorted(set(missing), key=missing.index)


def _exact(quoted: str, values: list[tuple[float, int]]) -> bool:
    """Una constante del código cuenta solo si es exactamente el número citado."""
    target = float(quoted)
    return any(abs(v - target) <= 1e-12 * max(1.0, abs(target)) for v, _ in values)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_number_in_the_prose_is_printed_or_set_by_the_code(path):
    missing = unsupported_numbers(cells_of(path))
    assert not missing, (
        f"{path.name}: la prosa cita números que ninguna salida imprime ni el código fija: "
        f"{missing}. Imprímelos con ese redondeo o cita lo que se imprime."
    )


def test_the_check_can_fail():
    cells = [
        {"cell_type": "markdown", "source": "El techo es 83 % y la pérdida 0.298, no 0.32."},
        {
            "cell_type": "code",
            "source": "print(round(best, 3))",
            "outputs": [{"output_type": "stream", "text": "techo 0.854\npérdida 0.298\n"}],
        },
    ]
    assert unsupported_numbers(cells) == ["0.32", "83 %"]
    cells[0]["source"] = "El techo es 85 % y la pérdida 0.30 ([enlace](x.html#0.55))."
    assert unsupported_numbers(cells) == []
    # Más cifras que las impresas no valen; una constante del código, solo si es exacta.
    cells[0]["source"] = "La pérdida es 0.2980 y la tasa 0.05 o 0.050."
    cells[1]["source"] = "lr = 0.05\nprint(round(best, 3))"
    assert unsupported_numbers(cells) == ["0.2980"]
    # Notación científica: «4.16 \\cdot 10^{-5}» es 0.0000416; los números de sección no cuentan.
    cells[0]["source"] = "ECM $4.16 \\cdot 10^{-5}$ (ver Goodfellow, secciones 3.13 (KL) y 5.5)."
    cells[1]["outputs"][0]["text"] = "ECM 4.16e-05\n"
    assert unsupported_numbers(cells) == []
    cells[0]["source"] = "Exceso $5.5 \\cdot 10^{5}$, ECM 4.2 × 10⁻⁵."
    cells[1]["outputs"][0]["text"] = "exceso 5.54e+05, ECM 4.16e-05\n"
    assert unsupported_numbers(cells) == []
    cells[0]["source"] = "ECM 4.20 × 10⁻⁵ o $4.16 \\times 10^{-4}$."
    assert unsupported_numbers(cells) == ["4.20 × 10⁻⁵", "4.16 \\times 10^{-4}"]
