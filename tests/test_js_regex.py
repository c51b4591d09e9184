"""The validator's regular expressions, translated for the browser (macros/js_regex.py), match
what Python matches: the character classes code point by code point, and the checks the
/indienen/ form uses (privacy, hidden characters, HTML and links, the schema's patterns) on
a table of examples, run in Chromium (an empty page: no site needed).
tests/test_indienen_checks.py runs the same table with the built form page's own RegExps."""
from __future__ import annotations

import json
import re
import unicodedata

import pytest

from conftest import ROOT
from macros import editor_checks as checks
from macros import js_regex
from macros.validate import HTML_TAG, MD_LINK

# (pattern name, text, what Python's search finds or None): the table both sides run.
PATTERNS = {"phone": checks.PHONE, "email": checks.EMAIL, "hidden": checks.HIDDEN, "htmlTag": HTML_TAG, "markdownLink": MD_LINK}
EXAMPLES = [
    ("phone", "Bel Marieke, 06-12345678", "06-12345678"),
    ("phone", "tel. 043 123 45 67 (werkdagen)", "043 123 45 67"),
    ("phone", "+31 6 12345678", "+31 6 12345678"),
    ("phone", "0031 (0)43 1234567", "0031 (0)43 1234567"),
    ("phone", "06 12 34 56 78", "06 12 34 56 78"),
    ("phone", "06\u00a012345678", "06\u00a012345678"),  # a no-break space between the parts
    ("phone", "06١٢٣٤٥٦٧٨", "06١٢٣٤٥٦٧٨"),  # Arabic-Indic digits are digits to Python
    ("phone", "https://voorbeeld.nl/0612345678", None),
    ("phone", "versie.0612345678", None),
    ("phone", "ABN-0612345678", None),
    ("phone", "café0612345678", None),  # no word boundary after é for Python
    ("phone", "06123456789012", None),
    ("phone", "ordernummer 20230612", None),
    ("email", "mail jan.jansen@voorbeeld.nl gerust", "jan.jansen@voorbeeld.nl"),
    ("email", "josé@voorbeeld.nl", "josé@voorbeeld.nl"),
    ("email", "müller@straße.de.", "müller@straße.de"),
    ("email", "info@wijkteam.nl", "info@wijkteam.nl"),
    ("email", "geen adres @ hier", None),
    ("email", "jan@localhost", None),
    ("hidden", "tekst\u202eomgedraaid", "\u202e"),
    ("hidden", "zero\u200bwidth", "\u200b"),
    ("hidden", "bel\x07", "\x07"),
    ("hidden", "regel\nnieuwe regel\tmet tab", None),
    ("hidden", "gewoon Nederlands: één, café, ß", None),
    ("htmlTag", "Zie <script>alert(1)</script>", "<script>"),
    ("htmlTag", "< /div >", "< /div >"),
    ("htmlTag", "3 < 4 en 5 > 2", None),
    ("markdownLink", "[dit](javascript:alert(1))", "](javascript:alert(1)"),
    ("markdownLink", "<https://voorbeeld.nl>", "<https://voorbeeld.nl>"),
    ("markdownLink", "zie HTTPS://voorbeeld.nl.", "HTTPS://voorbeeld.nl."),
    ("markdownLink", "éhttps://voorbeeld.nl", None),  # Python sees no word boundary before the h
    ("markdownLink", "gewone tekst zonder link", None),
]


def python_matches(pattern: re.Pattern, text: str) -> list:
    """Every match as [text before it, the match, its groups]: what the JS side gives too."""
    return [[text[: m.start()], m.group(), list(m.groups())] for m in pattern.finditer(text)]


JS_MATCHES = """cases => cases.map(([rx, text]) => Array.from(text.matchAll(new RegExp(rx.source, rx.flags + "g")),
    m => [text.slice(0, m.index), m[0], m.slice(1).map(g => g === undefined ? null : g)]))"""


def test_the_table_says_what_python_finds():
    for name, text, found in EXAMPLES:
        match = PATTERNS[name].search(text)
        assert (match.group() if match else None) == found, (name, text)


@pytest.mark.browser
def test_javascript_finds_what_python_finds_on_the_table(page):
    js = page.evaluate(JS_MATCHES, [[js_regex.to_js(PATTERNS[name]), text] for name, text, _ in EXAMPLES])
    for (name, text, _), got in zip(EXAMPLES, js):
        assert got == python_matches(PATTERNS[name], text), (name, text)


def schema_patterns() -> list[str]:
    """Every `pattern` in the practice schema, read from the raw JSON."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                found.append(node["pattern"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads((ROOT / "data" / "schema" / "praktijken.schema.json").read_text("utf-8")))
    return found


@pytest.mark.browser
def test_the_schema_patterns_mean_the_same_in_javascript(page):
    patterns = schema_patterns()
    assert len(patterns) >= 3
    texts = ["buurtkamer-daalhof", "Buurtkamer", "a--b", "2022", "2022-05", "2022-5", "https://x.nl", "mailto:a@b.nl",
             "https://\x1cx", "https://x\ufeff", "https://x y", "x"]
    cases = []
    for pattern in patterns:
        rx = js_regex.to_js(re.compile(pattern))
        cases += [[{"source": "^(?:" + rx["source"] + ")$", "flags": rx["flags"]}, text] for text in texts]
    js = page.evaluate(JS_MATCHES, cases)
    expected = [bool(re.fullmatch(p, t)) for p in patterns for t in texts]
    assert [bool(got) for got in js] == expected
    assert any(expected) and not all(expected)


CLASS_BITS = r"""classes => {
    const [word, digit, space] = classes.map(s => new RegExp("^[" + s + "]$", "u"));
    const unassigned = /^\p{Cn}$/u;
    const out = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) { out.push("-"); continue; }
        const c = String.fromCodePoint(cp);
        out.push(unassigned.test(c) ? "-" : String((word.test(c) ? 1 : 0) | (digit.test(c) ? 2 : 0) | (space.test(c) ? 4 : 0)));
    }
    return out.join("");
}"""


@pytest.mark.browser
def test_word_digit_and_space_classes_agree_on_every_character(page):
    """Python's \\w, \\d and \\s against their JavaScript spelling, on every code point that both
    Unicode versions (Python's unicodedata, Chromium's ICU) have assigned."""
    js = page.evaluate(CLASS_BITS, [js_regex.WORD, js_regex.DIGIT, js_regex.SPACE])
    word, digit, space = re.compile(r"\w"), re.compile(r"\d"), re.compile(r"\s")
    wrong = []
    for cp, bits in enumerate(js):
        if bits == "-" or unicodedata.category(chr(cp)) == "Cn":
            continue
        c = chr(cp)
        mine = (1 if word.match(c) else 0) | (2 if digit.match(c) else 0) | (4 if space.match(c) else 0)
        if str(mine) != bits:
            wrong.append(f"U+{cp:04X} python={mine} js={bits}")
    assert not wrong, wrong[:20]


@pytest.mark.parametrize("pattern, expected", [
    (r"\d+", r"\p{Nd}+"),
    (r"a.b$", "a[^\n]b(?=\\n?(?![\\s\\S]))"),
    (r"(?P<jaar>[0-9]{4})-(?P=jaar)", r"(?<jaar>[0-9]{4})-\k<jaar>"),
    (r"[]a]\-\#{x", r"[\]a]-#\{x"),
    (r"[\w.-]", r"[\p{L}\p{N}_.-]"),
])
def test_translation_spells_python_for_javascript(pattern, expected):
    assert js_regex.to_js(re.compile(pattern))["source"] == expected


@pytest.mark.parametrize("pattern", [r"(?i)abc", r"a++", r"(?>a)", r"[\W]", r"\N{BULLET}", r"(?#uitleg)a", r"[\b]"])
def test_what_javascript_cannot_say_stops_the_build(pattern):
    with pytest.raises(js_regex.NotTranslatable):
        js_regex.to_js(re.compile(pattern))


def test_verbose_patterns_are_refused():
    with pytest.raises(js_regex.NotTranslatable):
        js_regex.to_js(re.compile("a b", re.VERBOSE))

