"""The macros' finished HTML goes around Markdown (macros/late_html.py) and lands exactly where its marker was."""
from __future__ import annotations

import markdown
import pytest

from macros import late_html


def test_html_comes_back_in_place_of_its_marker_after_markdown():
    big = "<ul>" + "".join(f"<li>rij {i} &amp; meer</li>" for i in range(3)) + "</ul>"
    text = f"# Kop\n\nVoor.\n\n{late_html.put('p.md', big)}\n\nNa, met *nadruk*.\n"
    html = markdown.markdown(text)
    assert big not in html  # Markdown saw only the marker
    out = late_html.fill(html, late_html.take("p.md"))
    assert big in out and out.index("Voor.") < out.index(big) < out.index("Na, met <em>nadruk</em>")
    assert late_html.take("p.md") == []  # taken once: nothing carries over to the next build


def test_markers_are_numbered_per_page_so_a_rebuild_gives_the_same_markdown():
    first = [late_html.put("a.md", "<p>1</p>"), late_html.put("a.md", "<p>2</p>"), late_html.put("b.md", "<p>3</p>")]
    late_html.take("a.md"), late_html.take("b.md")
    again = [late_html.put("a.md", "<p>1</p>"), late_html.put("a.md", "<p>2</p>"), late_html.put("b.md", "<p>3</p>")]
    assert first == again and first[0] != first[1] and first[0] == first[2]
    late_html.take("a.md"), late_html.take("b.md")


@pytest.mark.parametrize("html", ["<p>niets</p>", "<!--menukaart-html-0--><!--menukaart-html-0-->", "<!--menukaart-html-1-->"])
def test_a_lost_doubled_or_unknown_marker_stops_the_build(html):
    with pytest.raises(ValueError):
        late_html.fill(html, ["<p>fragment</p>"])
