"""Measured, not guessed (issue 11): every query set in tests/zoekvragen/ through
window.menukaartZoek on the built site. At least 95 % of the queries of each file must
have a right page in their first `top` results, and no query may end without results."""
from __future__ import annotations

import pytest

from tests.search_quality import describe, query_files, run_file

pytestmark = pytest.mark.browser

THRESHOLD = 0.95


@pytest.mark.parametrize("path", query_files(), ids=lambda p: p.name)
def test_query_set_lands_on_the_right_pages(page, site_url, path):
    page.goto(site_url + "tools/")
    score = run_file(page, site_url, path)
    assert len(score.outcomes) >= 20, f"{path.name}: te weinig zoekvragen"
    assert not score.empty, "zonder resultaten:\n" + describe(score)
    assert score.share >= THRESHOLD, describe(score)
