"""Los workflows de GitHub Actions que recibe cada fork: pruebas en cada push y el sitio en Pages.

Lo esencial de cada workflow se lee con PyYAML; la sintaxis completa la revisa actionlint en
`make lint`. Aquí también se comprueba que actionlint de verdad falla ante un workflow roto.
"""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent  # el mismo $(BIN) del Makefile
ACTIONLINT = BIN / "actionlint"
SHELLCHECK = BIN / "shellcheck"


def load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # PyYAML (YAML 1.1) lee la clave `on:` como el booleano True.
    on = workflow.get("on", workflow.get(True))
    return {on: None} if isinstance(on, str) else dict.fromkeys(on) if isinstance(on, list) else on


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def uses(workflow: dict, action: str) -> list[dict]:
    return [s for s in steps(workflow) if s.get("uses", "").split("@")[0] == action]


def test_the_test_workflow_runs_make_test_on_every_push_and_pull_request():
    workflow = load("test.yml")
    assert {"push", "pull_request"} <= set(triggers(workflow))
    assert any(s.get("run", "").strip() == "make test" for s in steps(workflow))
    (job,) = workflow["jobs"].values()
    assert str(job["env"]["CI"]).lower() == "true"
    assert "bookworm" in job["container"], "Debian, como las máquinas del proyecto"
    installs = " ".join(
        s.get("run", "") for s in steps(workflow) if "apt-get install" in s.get("run", "")
    )
    assert "chromium" in installs.split(), "la prueba de navegador usa el Chromium de Debian"
    (cache,) = uses(workflow, "actions/cache")
    assert "constraints.txt" in cache["with"]["key"], "la caché de pip depende de las versiones"
    assert workflow["concurrency"]["cancel-in-progress"] is True


def test_the_pages_workflow_uploads_build_html_and_deploys_it():
    workflow = load("pages.yml")
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    assert "main" in triggers(workflow)["push"]["branches"]
    assert any(s.get("run", "").strip() == "make book" for s in steps(workflow))
    (upload,) = uses(workflow, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "_build/html"
    (deploy,) = uses(workflow, "actions/deploy-pages")
    assert deploy["id"] == "deployment"
    deploy_job = workflow["jobs"]["deploy"]
    assert deploy_job["environment"]["name"] == "github-pages"
    assert deploy_job["needs"] == "build"
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_make_lint_runs_actionlint_with_shellcheck():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "$(BIN)/actionlint -shellcheck=$(BIN)/shellcheck" in recipe


def actionlint(*files: Path) -> subprocess.CompletedProcess:
    assert ACTIONLINT.exists() and SHELLCHECK.exists(), "falta el extra test: make install"
    return subprocess.run(
        [ACTIONLINT, "-oneline", f"-shellcheck={SHELLCHECK}", *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_actionlint_accepts_the_workflows():
    result = actionlint(*sorted(WORKFLOWS.glob("*.yml")))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        # `runs-on` mal escrito: falta una clave obligatoria y sobra una desconocida.
        ("    run-on: ubuntu-latest\n    steps:\n      - run: make test\n", "syntax-check"),
        # Variable sin comillas en un script de `run:`: solo la encuentra shellcheck.
        ("    runs-on: ubuntu-latest\n    steps:\n      - run: echo $HOME\n", "SC2086"),
    ],
    ids=["sintaxis", "shellcheck"],
)
def test_actionlint_fails_on_a_broken_workflow(tmp_path, body, rule):
    broken = tmp_path / "roto.yml"
    broken.write_text("on: push\njobs:\n  test:\n" + body, encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert rule in result.stdout
