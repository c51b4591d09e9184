"""`make build` validates the data once: inside the build, with every problem listed."""
from __future__ import annotations

import subprocess

from tests.conftest import ROOT, build_site


def test_make_build_does_not_run_a_separate_validation_first():
    dry = subprocess.run(["make", "-n", "build"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "mkdocs build --strict" in dry
    assert "macros.cli" not in dry  # the build's own validation is the only one


def test_the_build_reports_every_data_problem_the_way_make_validate_does(tmp_path, data_copy):
    tool = sorted((data_copy / "tools").glob("*.yaml"))[0]
    tool.write_text(tool.read_text("utf-8").replace("titel:", "tietel:", 1), "utf-8")
    wijk = sorted((data_copy / "wijken").glob("*.yaml"))[0]
    wijk.write_text(wijk.read_text("utf-8") + "onbekend_veld: x\n", "utf-8")
    run = build_site(tmp_path / "site", env={"MENUKAART_DATA": str(data_copy)})
    assert run.returncode != 0
    out = run.stdout + run.stderr
    assert f"data/tools/{tool.name}:" in out and ": tietel: " in out
    assert f"data/wijken/{wijk.name}:" in out and ": onbekend_veld: " in out


def test_a_clean_build_over_an_old_site_leaves_nothing_of_it(tmp_path):
    """The build writes over the old site and deletes what it did not write (macros/old_site.py); what MkDocs' cleaning keeps stays."""
    site = tmp_path / "site"
    for stale in ("verdwenen-pagina", "tools/verdwenen-tool-nep", "pagefind/fragment"):
        (site / stale).mkdir(parents=True)
    (site / "verdwenen-pagina" / "index.html").write_text("<p>oud</p>", "utf-8")
    (site / "tools" / "verdwenen-tool-nep" / "index.html").write_text('<html lang="nl"><div data-pagefind-body>oud</div></html>', "utf-8")
    (site / "pagefind" / "fragment" / "nl_oud.pf_fragment").write_bytes(b"oud")
    (site / "oud.txt").write_text("oud", "utf-8")
    (site / ".git").mkdir()
    run = build_site(site)
    assert run.returncode == 0, run.stderr[-2000:]
    assert not (site / "verdwenen-pagina").exists() and not (site / "tools" / "verdwenen-tool-nep").exists()
    assert not (site / "pagefind" / "fragment" / "nl_oud.pf_fragment").exists() and not (site / "oud.txt").exists()
    assert "verdwenen" not in (site / "sw.js").read_text("utf-8")  # nor stored for offline use
    assert (site / ".git").is_dir() and (site / "index.html").is_file() and (site / "pagefind" / "pagefind-entry.json").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no hidden folder with the old site left beside it
