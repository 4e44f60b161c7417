"""Terminal-safe text: control and invisible characters are shown, never sent (issue #12, item 3)."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from decline._terminal import json_safe, visible

# Every kind of character the terminal must never receive raw.
HIDDEN = (
    "\x00",
    "\x07",
    "\x08",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9b",
    "\x9d",
    "\r",
    "\n",
    "\u00ad",
    "\u061c",
    "\u115f",
    "\u180e",
    "\u200b",
    "\u200e",
    "\u200f",
    "\u2028",
    "\u2029",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2060",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u3164",
    "\ufeff",
    "\ufff9",
    "\U000e0041",
    "\ud800",
    "\udcff",
)


def unsafe(ch: str) -> bool:
    """The test's own statement of what must not reach a terminal."""
    if ch in "\u200c\u200d\t":
        return False
    return unicodedata.category(ch) in (
        "Cc",
        "Cf",
        "Zl",
        "Zp",
        "Cs",
        "Cn",
        "Co",
    ) or ch in ("\u115f\u1160\u3164\uffa0")


@pytest.mark.parametrize("ch", HIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_each_hidden_character_is_shown(ch: str) -> None:
    """Each control, bidi, invisible or surrogate character becomes a visible ASCII token."""
    shown = visible(f"a{ch}b")
    assert shown.startswith("a") and shown.endswith("b")
    token = shown[1:-1]
    assert token.isascii() and token.isprintable() and len(token) >= 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dear [Company\x1b[2J Name],", "Dear [Company\\x1b[2J Name],"),
        ("\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07"),
        ("abc\u202edef", "abc<U+202E>def"),
        ("x\x9b31m", "x\\x9b31m"),
        ("one\ntwo\r", "one\\ntwo\\r"),
        ("bad\udcffname", "bad\\xffname"),
        ("\U000e0041", "<U+E0041>"),
    ],
)
def test_tokens(text: str, expected: str) -> None:
    """Tokens follow the documented forms: \\xNN, \\n, \\r and <U+XXXX>."""
    assert visible(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kære Søren Ærø,",
        "« Madame »\u00a0Dupont",
        "👩\u200d💻 and می\u200cخواهم",
        "tab\there",
        "李小龙",
        "",
    ],
)
def test_ordinary_text_is_unchanged(text: str) -> None:
    """Letters, spaces of any width, tabs, emoji and joiners print as they are."""
    assert visible(text) == text


# Any code point, lone surrogates included.
any_text = st.text(st.characters(blacklist_categories=[]))


@given(any_text)
def test_nothing_unsafe_survives(text: str) -> None:
    """For any string, the result has no unsafe character and encodes as UTF-8."""
    shown = visible(text)
    assert not any(unsafe(ch) for ch in shown)
    shown.encode("utf-8")


@given(
    st.text(
        st.characters(blacklist_categories=("Cc", "Cf", "Zl", "Zp", "Cs", "Cn", "Co"))
    )
)
def test_safe_text_is_identical(text: str) -> None:
    """Text without unsafe characters comes back unchanged."""
    if any(unsafe(ch) for ch in text):
        return
    assert visible(text) == text


@given(
    st.recursive(
        st.none() | st.integers() | any_text,
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=8,
    )
)
def test_json_safe_is_exact(value: object) -> None:
    """json_safe keeps the value exactly, and the document holds no unsafe character."""
    document = json.dumps(value, ensure_ascii=False, indent=2)
    safe = json_safe(document)
    assert json.loads(safe) == json.loads(document)
    assert not any(unsafe(ch) and ch not in "\n\r" for ch in safe)
    safe.encode("utf-8")
