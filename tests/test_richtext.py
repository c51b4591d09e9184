"""Rich text from YAML: CommonMark as editors type it, cleaned to a small allowlist."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from macros import richtext
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


# Characters that matter to CommonMark (syntax, whitespace of every kind, line starts), and prose.
_MARKDOWN_ALPHABET = list("ab c\n\n  \"'.:;,!?()/=-+%{}*_[]<>&#~|`\\\t\r\x00\x0b\x0c\x85\xa0\u2003\u2028é1") + [
    "\n ", " \n", "  \n", "\n-", "\n1", "\n1.", "\n=", "\n+", "\n>", "\n    ", "\n---", "https://x.nl", "a@b.nl", "&amp;",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_MARKDOWN_ALPHABET), max_size=30).map("".join))
def test_prose_without_markdown_renders_as_markdown_it_would(text):
    """The shortcut for plain paragraphs gives markdown-it's HTML, or steps aside."""
    shortcut = richtext._paragraphs_only(text)
    if shortcut is not None:
        assert shortcut == richtext._MARKDOWN.render(text)


def test_plain_paragraphs_take_the_shortcut_and_markdown_does_not():
    prose = 'Het wijkteam zocht "de buurt" op, samen met inwoners.\nDat werkte: 12 mensen!\n\nEen tweede alinea (met €).\n'
    assert richtext._paragraphs_only(prose) == richtext._MARKDOWN.render(prose)
    assert str(to_html(prose)).count("<p>") == 2
    for markdown in ("- een\n- twee", "Titel\n---", "1. eerste", "**vet**", "regel  \nbreuk", "a &amp; b", "    code", "> citaat"):
        assert richtext._paragraphs_only(markdown) is None, markdown
