# Aprendizaje profundo — apuntes ejecutables
# `make book` y `make test` hacen toda la preparación en una máquina nueva.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NOTEBOOKS := $(sort $(wildcard chapters/*.ipynb))
# MathJax se sirve desde el sitio (funciona sin conexión): se baja del registro npm al construir.
MATHJAX_VERSION := 3.2.2
MATHJAX_INTEGRITY := sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtRZM1vO+geW0OhGw==
VENDOR := _build/vendor
MATHJAX := $(VENDOR)/mathjax/tex-chtml.js
# Copia para usar sin conexión (notebooks + wheel de dlnotes), enlazada desde la introducción.
ZIP := _build/apuntes-notebooks.zip

# Un solo bloque de entorno para `make outputs`, `make test` y `make bench`:
# fija lo que vuelve reproducibles los números de punto flotante en CPU.
# Las salidas guardadas no deben depender de esto (ver el perfil perturbado más abajo): fijarlo
# solo hace que dos ejecuciones en la misma máquina den exactamente lo mismo.
export OMP_NUM_THREADS := 1
export MKL_NUM_THREADS := 1
export OPENBLAS_NUM_THREADS := 1
export MKL_CBWR := COMPATIBLE
export PYTHONHASHSEED := 0
export JUPYTER_PLATFORM_DIRS := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1
# Sin MPLBACKEND: con Agg el kernel no guardaría las figuras (necesita el backend inline).
unexport MPLBACKEND
ARCH := $(shell uname -m)
# Los núcleos de PyTorch y oneDNN se fijan en AVX2 solo en x86 (en ARM esos valores no existen).
ifeq ($(ARCH),x86_64)
export ATEN_CPU_CAPABILITY := avx2
export ONEDNN_MAX_CPU_ISA := AVX2
endif

# Perfil perturbado: la aritmética de otra máquina. Núcleos portables de PyTorch y oneDNN, otro
# núcleo de OpenBLAS, NumPy sin AVX2 y 2 hilos. `make test` valida las mismas salidas guardadas
# con los dos perfiles: un número impreso que cambie con el redondeo de la CPU hace fallar la prueba.
# OMP_WAIT_POLICY=PASSIVE no cambia ningún número: evita que los hilos ociosos giren esperando
# (con los tres trabajos de `make nbval` compartiendo los núcleos, girar lo vuelve varias veces más lento).
PERTURBED := OMP_NUM_THREADS=2 MKL_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 MKL_CBWR=AUTO \
	OMP_WAIT_POLICY=PASSIVE ATEN_CPU_CAPABILITY=default ONEDNN_MAX_CPU_ISA=SSE41
ifeq ($(ARCH),x86_64)
PERTURBED += OPENBLAS_CORETYPE=Sandybridge NPY_DISABLE_CPU_FEATURES=X86_V3
endif
NBVAL := $(BIN)/python -m pytest -q --nbval --nbval-current-env \
	--nbval-sanitize-with tests/nbval_sanitize.cfg -p no:randomly -p no:cacheprovider
STUDENTS = STUDENT_NOTEBOOKS="$(NOTEBOOKS)" $(BIN)/python -m pytest -q -m students tests/test_students.py

.PHONY: help glossary-links install book test lint unit test-install test-site test-browser nbval nbval-canonical nbval-perturbed test-students strict-book outputs colab-cells captions links bench lock clean

help:
	@echo "make book        crea .venv, instala y construye el sitio en _build/html"
	@echo "make test        lint, pruebas de dlnotes y del libro, nbval, build estricto"
	@echo "make outputs     re-ejecuta los notebooks y guarda sus salidas (única vía)"
	@echo "make colab-cells reescribe la celda de instalación de Colab desde _config.yml"
	@echo "make captions    escribe bajo cada figura su pie numerado (para Colab)"
	@echo "make links       convierte los enlaces a páginas .md en URLs del sitio (para Colab)"
	@echo "make glossary-links enlaza al glosario el primer uso de cada término"
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

$(MATHJAX):
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)
	cd $(VENDOR) && npm pack --silent mathjax@$(MATHJAX_VERSION) > /dev/null
	$(BIN)/python scripts/verify_integrity.py $(VENDOR)/mathjax-$(MATHJAX_VERSION).tgz "$(MATHJAX_INTEGRITY)"
	tar -xzf $(VENDOR)/mathjax-$(MATHJAX_VERSION).tgz -C $(VENDOR)
	mv $(VENDOR)/package/es5 $(VENDOR)/mathjax && rm -rf $(VENDOR)/package $(VENDOR)/*.tgz

$(ZIP): $(STAMP) $(NOTEBOOKS) $(wildcard lib/dlnotes/*.py) pyproject.toml
	$(BIN)/python scripts/offline_zip.py

book: $(STAMP) $(MATHJAX) $(ZIP)
	$(BIN)/jupyter-book build .
	@echo "Sitio listo: _build/html/index.html"

test: lint unit test-install nbval strict-book test-site test-browser

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/actionlint -shellcheck=$(BIN)/shellcheck

unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not install and not site and not browser and not students" tests

test-install: $(STAMP)
	$(BIN)/python -m pytest -q -m install tests

# Los notebooks se ejecutan tres veces a la vez (comparten los núcleos), cada una con su registro
# en _build: nbval con el perfil canónico, nbval con el perturbado y, como un estudiante, sin
# ninguna celda de solución (make test-students). Al final se muestran los tres.
# `make nbval-canonical`, `make nbval-perturbed` y `make test-students` corren uno solo.
nbval: $(STAMP)
	@mkdir -p _build
	@echo "nbval (perfiles canónico y perturbado) y notebooks sin soluciones, en paralelo ($(words $(NOTEBOOKS)) notebooks)"
	@$(NBVAL) $(NOTEBOOKS) > _build/nbval-canonical.log 2>&1 & c=$$!; \
	$(STUDENTS) > _build/students.log 2>&1 & s=$$!; \
	env $(PERTURBED) $(NBVAL) $(NOTEBOOKS) > _build/nbval-perturbed.log 2>&1; perturbed=$$?; \
	wait $$c; canonical=$$?; wait $$s; students=$$?; \
	echo "--- nbval, perfil canónico ---"; tail -n 30 _build/nbval-canonical.log; \
	echo "--- nbval, perfil perturbado ($(PERTURBED)) ---"; tail -n 30 _build/nbval-perturbed.log; \
	echo "--- sin soluciones (make test-students) ---"; tail -n 30 _build/students.log; \
	if [ $$canonical -ne 0 ] || [ $$perturbed -ne 0 ] || [ $$students -ne 0 ]; then \
		echo "ERROR: falló (canónico: $$canonical, perturbado: $$perturbed, sin soluciones:" \
			"$$students); registros completos en _build/nbval-*.log y _build/students.log"; exit 1; fi

test-students: $(STAMP)
	$(STUDENTS)

nbval-canonical: $(STAMP)
	$(NBVAL) $(NOTEBOOKS)

nbval-perturbed: $(STAMP)
	env $(PERTURBED) $(NBVAL) $(NOTEBOOKS)

strict-book: $(STAMP) $(MATHJAX) $(ZIP)
	rm -rf _build/.doctrees
	$(BIN)/jupyter-book build -W --keep-going --all .

# Pruebas del HTML construido (después de strict-book).
test-site: $(STAMP)
	$(BIN)/python -m pytest -q -m site tests

# El sitio en un navegador real. Usa el Chromium de Debian (nunca baja un navegador).
# En CI (variable CI definida) falta Chromium es un error; en otra máquina solo se avisa.
test-browser: $(STAMP)
	@if command -v chromium > /dev/null || [ -n "$$CHROMIUM" ]; then \
		mkdir -p _build/screenshots && \
		$(BIN)/python -m pytest -q -m browser -p no:randomly tests; \
	elif [ -n "$$CI" ]; then \
		echo "ERROR: CI necesita Chromium para la prueba de navegador (apt install chromium)"; exit 1; \
	else \
		echo "AVISO: se omitió la prueba de navegador: no hay Chromium."; \
		echo "       Para habilitarla: sudo apt install chromium (paquete Debian 'chromium')."; \
	fi

outputs: $(STAMP) colab-cells captions
	$(BIN)/python scripts/execute_notebooks.py $(NOTEBOOKS)

colab-cells: $(STAMP)
	$(BIN)/python scripts/colab_cells.py --write $(NOTEBOOKS)

# Bajo cada figura, su pie numerado en una celda Markdown (Colab no muestra los metadatos).
captions: $(STAMP)
	$(BIN)/python scripts/figure_captions.py --write $(NOTEBOOKS)

# Enlaces a las páginas .md del libro con la URL del sitio (html.baseurl): funcionan en Colab.
links: $(STAMP)
	$(BIN)/python scripts/book_links.py --write $(NOTEBOOKS)

# Enlaza al glosario el primer uso de cada término en cada notebook (solo cambia Markdown).
glossary-links: $(STAMP)
	$(BIN)/python scripts/glossary_links.py $(NOTEBOOKS)

# Sin MKL_CBWR=COMPATIBLE (que fuerza en MKL un camino genérico, unas dos veces más lento): el
# tiempo que importa es el que ve un estudiante. Las salidas no dependen de eso (el perfil
# perturbado ya corre con MKL_CBWR=AUTO).
bench: $(STAMP)
	env -u MKL_CBWR $(BIN)/python scripts/bench.py $(NOTEBOOKS)

# Congela las versiones del entorno actual en constraints.txt (después: make outputs).
lock: $(STAMP)
	$(BIN)/python scripts/lock.py > constraints.txt.new && mv constraints.txt.new constraints.txt

clean:
	rm -rf _build
