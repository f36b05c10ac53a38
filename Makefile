# Aprendizaje profundo — apuntes ejecutables
# `make book` y `make test` hacen toda la preparación en una máquina nueva.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard chapters/*.ipynb))

# Un solo bloque de entorno para `make outputs`, `make test` y `make bench`:
# fija lo que vuelve reproducibles los números de punto flotante en CPU.
export OMP_NUM_THREADS := 1
export MKL_NUM_THREADS := 1
export OPENBLAS_NUM_THREADS := 1
export ATEN_CPU_CAPABILITY := avx2
export ONEDNN_MAX_CPU_ISA := AVX2
export MKL_CBWR := COMPATIBLE
export PYTHONHASHSEED := 0
export JUPYTER_PLATFORM_DIRS := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1
# Sin MPLBACKEND: con Agg el kernel no guardaría las figuras (necesita el backend inline).
unexport MPLBACKEND

.PHONY: help install book test lint unit test-install test-site nbval strict-book outputs colab-cells bench lock clean

help:
	@echo "make book        crea .venv, instala y construye el sitio en _build/html"
	@echo "make test        lint, pruebas de dlnotes y del libro, nbval, build estricto"
	@echo "make outputs     re-ejecuta los notebooks y guarda sus salidas (única vía)"
	@echo "make colab-cells reescribe la celda de instalación de Colab desde _config.yml"
	@echo "make bench       tabla de tiempo y memoria por notebook"
	@echo "make clean       borra _build"

install: $(STAMP)

# torch se instala primero y con versión exacta: un torch sin fijar trae la build CUDA (varios GB).
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt "torch==2.13.0"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[book,test]"
	touch $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build .
	@echo "Sitio listo: _build/html/index.html"

test: lint unit test-install nbval strict-book test-site

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not install and not site" tests

test-install: $(STAMP)
	$(BIN)/python -m pytest -q -m install tests

nbval: $(STAMP)
	$(BIN)/python -m pytest -q --nbval --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg -p no:randomly $(NOTEBOOKS)

strict-book: $(STAMP)
	rm -rf _build/.doctrees
	$(BIN)/jupyter-book build -W --keep-going --all .

# Pruebas del HTML construido (después de strict-book).
test-site: $(STAMP)
	$(BIN)/python -m pytest -q -m site tests

outputs: $(STAMP) colab-cells
	$(BIN)/python scripts/execute_notebooks.py $(NOTEBOOKS)

colab-cells: $(STAMP)
	$(BIN)/python scripts/colab_cells.py --write $(NOTEBOOKS)

bench: $(STAMP)
	$(BIN)/python scripts/bench.py $(NOTEBOOKS)

# Congela las versiones del entorno actual en constraints.txt (después: make outputs).
lock: $(STAMP)
	$(BIN)/python scripts/lock.py > constraints.txt.new && mv constraints.txt.new constraints.txt

clean:
	rm -rf _build
