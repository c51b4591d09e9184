"""A clean build that writes over the previous site instead of deleting it first.

`mkdocs build --clean` deletes the previous site file by file (at 5,000 records some 10,000
files), then creates every file again. Creating thousands of files right after deleting as
many is slow on some file systems: for every new file, ext4 without a journal (this project's
build machine) skips past each inode freed in the last minute or so, so the kernel time grows
with both numbers (perf: a quarter of a 2,000-practice build). So the folders of the old site
are moved aside before MkDocs cleans (a rename each), and moved back right after: the build
then writes over the same files.
At the end everything this build did not write is deleted, so the result is the site a clean
build gives. The old top-level files are deleted at once (a handful). Hidden entries stay,
as MkDocs' own cleaning leaves them.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass
class OldSite:
    site_dir: Path
    aside: Path
    since_ns: int = 0  # a file changed earlier than this was not written by this build


def set_aside(site_dir: Path) -> OldSite | None:
    """Before MkDocs cleans: move the site's entries out of its way; None if there was nothing to move (or moving failed)."""
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        return None
    entries = [e for e in os.listdir(site_dir) if not e.startswith(".")]
    if not entries:
        return None
    aside = site_dir.parent / f".{site_dir.name}.oud-{os.getpid()}"
    try:
        aside.mkdir()
        for entry in entries:
            os.rename(site_dir / entry, aside / entry)  # same file system: a rename, nothing is copied
    except OSError:  # read-only parent, another file system, …: MkDocs cleans the folder itself
        return None
    return OldSite(site_dir, aside)


def put_back(old: OldSite | None) -> None:
    """After MkDocs cleaned (an empty folder): the old folders return, to be written over; the old top-level files go."""
    if old is None:
        return
    for entry in os.scandir(old.aside):
        if entry.is_dir(follow_symlinks=False):
            os.rename(entry.path, old.site_dir / entry.name)
    # The file system's own clock, as it stamps the files written from now on (not time.time():
    # file times come from a coarser clock that can lag behind it).
    marker = old.aside / ".begin"
    marker.touch()
    old.since_ns = marker.stat().st_ctime_ns
    shutil.rmtree(old.aside)


def remove_unwritten(old: OldSite | None, skip: tuple[str, ...] = ()) -> list[str]:
    """Once the build wrote its files: delete what remains of the old site (not in the top folders in skip); return the paths deleted."""
    if old is None:
        return []
    if old.aside.exists():  # the build stopped before put_back
        shutil.rmtree(old.aside, ignore_errors=True)
        return []
    removed: list[str] = []
    for top in os.scandir(old.site_dir):
        if top.is_dir(follow_symlinks=False) and not top.name.startswith(".") and top.name not in skip:
            _remove_older(Path(top.path), old.since_ns, old.site_dir, removed)
    return removed


def _remove_older(folder: Path, since_ns: int, site_dir: Path, removed: list[str]) -> bool:
    """Delete the files in folder changed before since_ns, and the folders left empty; True if folder went too."""
    empty = True
    for entry in os.scandir(folder):
        if entry.is_dir(follow_symlinks=False):
            empty &= _remove_older(Path(entry.path), since_ns, site_dir, removed)
        elif entry.stat(follow_symlinks=False).st_ctime_ns < since_ns:
            os.unlink(entry.path)
            removed.append(Path(entry.path).relative_to(site_dir).as_posix())
        else:
            empty = False
    if empty:
        folder.rmdir()
    return empty
