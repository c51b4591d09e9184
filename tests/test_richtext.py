"""Rich text from YAML: CommonMark as editors type it, cleaned to a small allowlist."""
from __future__ import annotations

from macros.richtext import to_html, to_text


def test_a_list_may_follow_a_line_of_text_directly():
    html = str(to_html("Wat we deden:\n- een wijkwandeling\n- een buurtgesprek"))
    assert html.count("<li>") == 2 and "<ul>" in html
    assert "Wat we deden:" in html and "- een" not in html


def test_a_list_nests_under_the_text_of_its_item():
    """As in data/tools/rasci.yaml: sub-items indented to the text of a numbered item."""
    html = str(to_html("1. Geef per taak aan:\n   - **R**: voert uit.\n   - **A**: eindverantwoordelijk.\n2. Bespreek de tabel."))
    assert html.startswith("<ol>") and "<ul>" in html
    assert html.index("<ul>") < html.index("Bespreek")
    assert html.count("<li>") == 4
    assert "<strong>R</strong>" in html


def test_raw_html_stays_visible_text():
    html = str(to_html('Zie <b onmouseover="x()">dit</b> en <script>alert(1)</script>'))
    assert html == '<p>Zie &lt;b onmouseover="x()"&gt;dit&lt;/b&gt; en &lt;script&gt;alert(1)&lt;/script&gt;</p>\n'


def test_only_https_and_mailto_links_survive():
    html = str(to_html("[a](https://example.org) [b](http://example.org) [c](javascript:alert(1)) [d](mailto:x@example.org)"))
    assert html.count("href=") == 2
    assert 'href="https://example.org"' in html and 'href="mailto:x@example.org"' in html
    assert "javascript:alert(1)" not in html.replace("[c](javascript:alert(1))", "")  # only as the text typed
    assert html.count('rel="noopener noreferrer"') == 3


def test_plain_text_drops_the_markup():
    assert to_text("**Vet** en *schuin*\n\n- een").split() == ["Vet", "en", "schuin", "een"]
