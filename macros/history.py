"""Edit history of a data file from git, read once per build without any network."""
from __future__ import annotations

import subprocess
from collections import defaultdict
from pathlib import Path

SEP = "\x1f"


def git_history(root: Path):
    """Return a lookup path -> [{date, message}], newest first; empty outside a git checkout.

    One `git log` for the whole data folder keeps this O(commits), not O(files × commits).
    """
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "--no-merges", "--date=short", f"--format=@@{SEP}%ad{SEP}%s", "--name-only", "--", "data"],
            capture_output=True, text=True, check=True, timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return lambda path: []
    history: dict[str, list[dict]] = defaultdict(list)
    current = None
    for line in out.splitlines():
        if line.startswith("@@" + SEP):
            _, day, message = line.split(SEP, 2)
            current = {"date": day, "message": message}
        elif line.strip() and current is not None:
            history[line.strip()].append(current)
    return lambda path: history.get(path, [])
