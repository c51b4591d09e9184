"""The GitHub workflows keep the rules that make a pull request from anyone safe to check.

Every workflow: never `pull_request_target`; read-only top-level permissions; every action
pinned to a full commit SHA; no `${{ github.event… }}` pasted into a `run:` script (event
values are attacker-controlled text; they go through `env:`). Plus what each workflow is
for, and the label check run for real on a throw-away git repository.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
SHA = re.compile(r"[^@\s]+@[0-9a-f]{40}")
LABEL = "code-review-ok"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def triggers(workflow: dict) -> dict:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on


def steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def by_name(name: str) -> dict:
    return load(GITHUB / "workflows" / name)


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"controle.yml", "alleen-data.yml", "publiceren.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_never_pull_request_target(path):
    assert "pull_request_target" not in triggers(load(path))
    assert "pull_request_target" not in path.read_text("utf-8")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_top_level_permissions_are_read_only(path):
    permissions = load(path).get("permissions")
    assert isinstance(permissions, dict) and permissions, "set `permissions:` explicitly at the top"
    assert all(v in ("read", "none") for v in permissions.values()), permissions


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit_sha(path):
    workflow = load(path)
    uses = [step["uses"] for _, step in steps(workflow) if "uses" in step]
    uses += [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
    assert uses
    for ref in uses:
        assert ref.startswith("./") or SHA.fullmatch(ref), ref


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_event_data_inside_run_scripts(path):
    for job_id, step in steps(load(path)):
        script = step.get("run", "")
        for expression in re.findall(r"\$\{\{(.*?)\}\}", script, re.S):
            assert not re.search(r"github\s*\.\s*(event|head_ref)|github\[", expression), (job_id, expression)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_write_permissions_only_where_pages_are_deployed(path):
    for job_id, job in load(path)["jobs"].items():
        writes = {k for k, v in (job.get("permissions") or {}).items() if v == "write"}
        if not writes:
            continue
        assert writes <= {"pages", "id-token"}, (job_id, writes)
        assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job["steps"]), job_id


def test_pull_request_check_validates_changed_files_with_annotations_and_builds():
    workflow = by_name("controle.yml")
    assert set(triggers(workflow)) == {"pull_request"}
    scripts = "\n".join(step.get("run", "") for _, step in steps(workflow))
    assert "git diff --name-only" in scripts and "-- data/" in scripts
    assert "macros.cli --github" in scripts  # it refuses NOG INVULLEN too (tests/test_editor_messages.py)
    assert "macros.misplaced --github" in scripts
    assert re.search(r"^make build$", scripts, re.M)


def test_deploy_runs_on_push_to_main_with_the_pages_actions():
    workflow = by_name("publiceren.yml")
    assert triggers(workflow)["push"] == {"branches": ["main"]}
    uses = [step.get("uses", "").split("@")[0] for _, step in steps(workflow)]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    build = workflow["jobs"]["bouwen"]
    assert all(v in ("read", "none") for v in build.get("permissions", {}).values())  # the build job writes nothing
    assert any(step.get("run") == "make build" for step in build["steps"])
    assert workflow["jobs"]["publiceren"]["permissions"] == {"pages": "write", "id-token": "write"}


# ---------------------------------------------------------------- the label check, run for real


def label_script() -> tuple[str, dict]:
    workflow = by_name("alleen-data.yml")
    assert set(triggers(workflow)["pull_request"]["types"]) >= {"labeled", "unlabeled", "synchronize", "opened"}
    (step,) = [s for _, s in steps(workflow) if "run" in s]
    assert LABEL in step["env"]["CODE_REVIEW_OK"]
    return step["run"], step["env"]


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture
def pr_repo(tmp_path):
    """A base commit and a place to make pull-request commits on top of it."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "test@example.invalid")
    _git(repo, "config", "user.name", "Test")
    for name in ("data/wijken/a.yaml", "data/schema/x.json", "docs/index.md"):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text("begin\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "base")
    return repo, _git(repo, "rev-parse", "HEAD")


def run_label_check(repo: Path, base: str, labelled: bool, tmp_path: Path) -> subprocess.CompletedProcess:
    script, _ = label_script()
    env = {**os.environ, "BASE_SHA": base, "CODE_REVIEW_OK": "true" if labelled else "false", "RUNNER_TEMP": str(tmp_path)}
    return subprocess.run(["bash", "-e", "-c", script], cwd=repo, env=env, capture_output=True, text=True)


def _change(repo: Path, name: str) -> None:
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("anders\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", f"change {name}")


def test_label_check_passes_a_data_only_change(pr_repo, tmp_path):
    repo, base = pr_repo
    _change(repo, "data/good-practices/a/nieuw.yaml")
    assert run_label_check(repo, base, False, tmp_path).returncode == 0


@pytest.mark.parametrize("name", ["docs/index.md", "macros/main.py", "data/schema/x.json", ".github/workflows/x.yml"])
def test_label_check_fails_code_changes_until_labelled(pr_repo, tmp_path, name):
    repo, base = pr_repo
    _change(repo, "data/wijken/a.yaml")
    _change(repo, name)
    refused = run_label_check(repo, base, False, tmp_path)
    assert refused.returncode == 1
    assert name in refused.stdout and "::error title=Code-review nodig::" in refused.stdout
    assert run_label_check(repo, base, True, tmp_path).returncode == 0


# ---------------------------------------------------------------- templates


def test_pull_request_template_has_the_review_checklist():
    text = (GITHUB / "pull_request_template.md").read_text("utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, re.M)
    assert len(boxes) >= 8
    for must in ("bron", "Geen namen", "functioneel", "NOG INVULLEN", "bijgewerkt", LABEL, "make validate"):
        assert any(must.lower() in b.lower() for b in boxes), must


def test_issue_form_is_valid_and_uses_the_real_status_values():
    form = load(GITHUB / "ISSUE_TEMPLATE" / "praktijk-melden.yml")
    assert form["name"] == "Praktijk melden" and form["description"]
    ids = [item.get("id") for item in form["body"] if item["type"] != "markdown"]
    assert len(ids) == len(set(ids)) and {"titel", "wijk", "samenvatting", "bronnen", "toestemming"} <= set(ids)
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        assert item["attributes"].get("label") or item["type"] == "markdown"
    status = next(i for i in form["body"] if i.get("id") == "status")
    vocab = json.loads((ROOT / "data" / "schema" / "vocabulaires.json").read_text("utf-8"))
    assert status["attributes"]["options"] == vocab["status"]


def test_contributing_explains_the_routes_and_the_label():
    text = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    for must in ("/indienen/", "make nieuw", "praktijk-melden", LABEL, "bron", "toestemming", "privé"):
        assert must in text, must


# ---------------------------------------------------------------- publishing (issue 14)


def test_deploy_builds_with_the_address_pages_reports():
    build = by_name("publiceren.yml")["jobs"]["bouwen"]
    names = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    (pages,) = [step for step in build["steps"] if step.get("uses", "").startswith("actions/configure-pages@")]
    (make,) = [step for step in build["steps"] if step.get("run") == "make build"]
    assert names.index("actions/configure-pages") < build["steps"].index(make)
    assert make["env"]["SITE_URL"] == "${{ steps.%s.outputs.base_url }}" % pages["id"]
    assert build["permissions"].get("pages") == "read"


def test_pull_requests_are_checked_on_the_lowest_and_highest_python():
    job = by_name("controle.yml")["jobs"]["data-en-site"]
    versions = job["strategy"]["matrix"]["python"]
    project = __import__("tomllib").loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["requires-python"] == ">=3.11,<3.14"
    assert versions == ["3.11", "3.13"]
    (setup,) = [s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    assert setup["with"]["python-version"] == "${{ matrix.python }}"
    assert job["env"]["PYTHON"] == "python${{ matrix.python }}"  # make takes this one, not the runner's own


# ---------------------------------------------------------------- a data file in the wrong place

PRACTICE_TEXT = "id: buurtkamer-nep\ntitel: Buurtkamer (nep)\nwijk: geleen\nstatus: idee\n"


@pytest.mark.parametrize("name", ["geleen/buurtkamer-nep.yaml", "buurtkamer-nep.yml", "data/buurtkamer-nep.yaml", "data/good-practices/geleen/extra/buurtkamer-nep.yaml"])
def test_a_practice_outside_its_wijk_folder_is_told_where_to_move(tmp_path, name):
    from macros.misplaced import misplaced

    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(PRACTICE_TEXT, "utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "x.yml").write_text("nav: []\n", "utf-8")  # not data-like: no message
    found = [str(p) for p in misplaced([name, "docs/x.yml", "data/good-practices/geleen/goed.yaml"], root=tmp_path)]
    assert found == [
        f"{name}:1: bestand: dit lijkt een databestand, maar het staat op de verkeerde plek, dus het wordt niet gelezen — "
        "verplaats het naar data/good-practices/geleen/buurtkamer-nep.yaml (op GitHub: open het bestand, klik op het potlood en "
        "verander de naam bovenaan in het volledige pad; een map maak je door een / te typen)"
    ]


def test_label_check_names_the_folder_for_a_misplaced_practice(pr_repo, tmp_path):
    repo, base = pr_repo
    (repo / "geleen").mkdir()
    (repo / "geleen" / "buurtkamer-nep.yaml").write_text(PRACTICE_TEXT, "utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "practice in the wrong place")
    refused = run_label_check(repo, base, False, tmp_path)
    assert refused.returncode == 1
    assert ("::error title=Bestand op de verkeerde plek::geleen/buurtkamer-nep.yaml lijkt een databestand. "
            "Verplaats het naar data/good-practices/geleen/buurtkamer-nep.yaml; dan is er geen code-review nodig.") in refused.stdout


def test_pull_request_template_separates_the_editors_checklist_from_the_reviewers():
    text = (GITHUB / "pull_request_template.md").read_text("utf-8")
    editor, reviewer = text.split("## Voor de redactie")
    assert "## Voor jou" in editor
    editor_boxes = re.findall(r"^- \[ \] (.+)$", editor, re.M)
    reviewer_boxes = re.findall(r"^- \[ \] (.+)$", reviewer, re.M)
    assert len(editor_boxes) >= 5 and len(reviewer_boxes) >= 5
    assert any("NOG INVULLEN" in b for b in editor_boxes) and any("bron" in b for b in editor_boxes)
    assert any(LABEL in b for b in reviewer_boxes) and any("waarschuwing" in b for b in reviewer_boxes)


def test_contributing_explains_sources_wijk_folders_and_the_decisions():
    text = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    vocab = json.loads((ROOT / "data" / "schema" / "vocabulaires.json").read_text("utf-8"))
    assert "bronnen:\n  - titel:" in text  # a bronnen example
    for document in vocab["documenten"]:
        assert f"| `{document}` |" in text, document  # every document choice explained
    for must in ("### Staat je wijk er niet bij?", "`daalhof/buurtkamer-daalhof.yaml`", "redactie_email", "**waarschuwing**",
                 "Mail naar de redactie", "make validate DEBUG=1", "Alles in orde"):
        assert must in text, must
    # the titles the validator's messages point to exist
    for heading in ("## Bronnen en toestemming", "## Privacy: geen persoonsgegevens", "### Staat je wijk er niet bij?"):
        assert heading in text, heading
