"""Python regular expressions as JavaScript ones, meaning the same, for the browser checks.

The validator's patterns (macros/editor_checks.py, macros/validate.py) are the single
source; the /indienen/ form gets them through its spec and builds its RegExps from them.
The two dialects differ where it matters for Dutch text: Python's `\\w`, `\\d`, `\\s` and
`\\b` know every script, JavaScript's only ASCII (`\\w`, `\\d`, `\\b`) or another list of
spaces (`\\s`); Python's `.` and `$` treat only "\\n" as a line end. So those are spelled
out with Unicode properties (flag `u`), and syntax JavaScript lacks or reads otherwise
raises `NotTranslatable` instead of being passed on silently.
tests/test_js_regex.py checks the classes character by character and whole patterns on
a table of examples in Chromium.
"""
from __future__ import annotations

import re

WORD = r"\p{L}\p{N}_"  # Python's \w: str.isalnum() or "_"
DIGIT = r"\p{Nd}"  # Python's \d: Unicode decimal digits
SPACE = r"\t-\r\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"  # str.isspace()
BOUNDARY = f"(?:(?<=[{WORD}])(?![{WORD}])|(?<![{WORD}])(?=[{WORD}]))"
NOT_BOUNDARY = f"(?:(?<=[{WORD}])(?=[{WORD}])|(?<![{WORD}])(?![{WORD}]))"
START, END = r"(?<![\s\S])", r"(?![\s\S])"
SYNTAX = set("^$\\.*+?()[]{}|/")
QUANTIFIER = re.compile(r"\{\d+(?:,\d*)?\}")
SUPPORTED_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.UNICODE


class NotTranslatable(ValueError):
    """A construct the translation does not know: write the JS form by hand next to the pattern."""


def to_js(pattern: re.Pattern) -> dict:
    """{"source": ..., "flags": ...} for `new RegExp(source, flags)` that matches what `pattern` matches."""
    try:
        if pattern.flags & ~SUPPORTED_FLAGS:
            raise NotTranslatable(f"flags {pattern.flags:#x}")
        source = _source(pattern.pattern, bool(pattern.flags & re.MULTILINE), bool(pattern.flags & re.DOTALL))
    except NotTranslatable as problem:
        raise NotTranslatable(f"het patroon {pattern.pattern!r} kan niet mee naar het formulier /indienen/ ({problem}) — "
                              "schrijf het zonder die constructie, of breid macros/js_regex.py uit") from None
    flags = "u" + ("i" if pattern.flags & re.IGNORECASE else "") + ("s" if pattern.flags & re.DOTALL else "")
    return {"source": source, "flags": flags}


def _source(text: str, multiline: bool, dotall: bool) -> str:
    out = []
    i, in_class, class_start = 0, False, -1
    while i < len(text):
        c = text[i]
        if c == "\\":
            if i + 1 >= len(text):
                raise NotTranslatable(f"a lone backslash at the end of {text!r}")
            js, used = _escape(text, i + 1, in_class)
            out.append(js)
            i += 1 + used
            continue
        if in_class:
            if c == "]" and i != class_start:
                in_class = False
                out.append("]")
            elif c in "[]":
                out.append("\\" + c)  # Python: a literal ']' first in a class, or a '['
            else:
                out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            negated = text.startswith("^", i + 1)
            out.append("[^" if negated else "[")
            i += 2 if negated else 1
            class_start = i
            continue
        if c == "(" and text.startswith("(?", i):
            js, used = _group(text, i)
            out.append(js)
            i += used
            continue
        if c == "{":
            quantifier = QUANTIFIER.match(text, i)
            if quantifier:
                out.append(quantifier.group())
                i += len(quantifier.group())
                _no_possessive(text, i)
                continue
            out.append("\\{")
        elif c == "}":
            out.append("\\}")
        elif c == ".":
            out.append("." if dotall else "[^\n]")
        elif c == "$":
            out.append(f"(?=\\n|{END})" if multiline else f"(?=\\n?{END})")
        elif c == "^":
            out.append(f"(?:(?<=\\n)|{START})" if multiline else "^")
        else:
            out.append(c)
            if c in "*+?":
                _no_possessive(text, i + 1)
        i += 1
    if in_class:
        raise NotTranslatable(f"an unclosed [ in {text!r}")
    return "".join(out)


def _no_possessive(text: str, i: int) -> None:
    if text.startswith("+", i):
        raise NotTranslatable(f"a possessive quantifier in {text!r}")


def _group(text: str, i: int) -> tuple[str, int]:
    """A '(?' group: the same in JavaScript, a named group in its spelling, or not translatable."""
    for same in ("(?:", "(?=", "(?!", "(?<=", "(?<!"):
        if text.startswith(same, i):
            return same, len(same)
    named = re.compile(r"\(\?P<(\w+)>|\(\?P=(\w+)\)").match(text, i)
    if named and named.group(1):
        return f"(?<{named.group(1)}>", len(named.group())
    if named:
        return f"\\k<{named.group(2)}>", len(named.group())
    raise NotTranslatable(f"the group {text[i:i + 4]!r}… in {text!r}")


def _escape(text: str, i: int, in_class: bool) -> tuple[str, int]:
    """The escape after a backslash at text[i]: (JavaScript text, characters used)."""
    c = text[i]
    if in_class:
        classes = {"w": WORD, "d": DIGIT, "s": SPACE, "D": r"\P{Nd}"}
    else:
        classes = {"w": f"[{WORD}]", "W": f"[^{WORD}]", "d": DIGIT, "D": r"\P{Nd}", "s": f"[{SPACE}]", "S": f"[^{SPACE}]",
                   "b": BOUNDARY, "B": NOT_BOUNDARY, "A": START, "Z": END}
    if c in classes:
        return classes[c], 1
    if c in "ntrfv":
        return "\\" + c, 1
    if c in "123456789" and not in_class:
        return "\\" + c, 1
    if c == "x" and re.fullmatch(r"[0-9a-fA-F]{2}", text[i + 1:i + 3]):
        return "\\" + text[i:i + 3], 3
    if c == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[i + 1:i + 5]):
        return "\\" + text[i:i + 5], 5
    if c == "U" and re.fullmatch(r"[0-9a-fA-F]{8}", text[i + 1:i + 9]):
        return "\\u{" + text[i + 1:i + 9] + "}", 9
    if c.isalnum() or c == "_":
        raise NotTranslatable(f"the escape \\{c} in {text!r}")
    if c in SYNTAX or (in_class and c == "-"):
        return "\\" + c, 1
    return c, 1  # an escaped character without meaning: JavaScript's u flag wants it bare
