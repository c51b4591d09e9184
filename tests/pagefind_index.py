"""Read what Pagefind wrote, so tests can count entries without running its JavaScript."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def fragments(site_dir: Path) -> list[dict]:
    """Every indexed page as Pagefind stored it: url, content, meta, filters."""
    out = []
    for path in sorted((site_dir / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        out.append(json.loads(raw.removeprefix(SIGNATURE)))
    return out
