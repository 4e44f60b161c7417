r"""Text that is safe to print on a terminal: control and invisible characters shown.

A draft, an offer file or a file name may come from someone else. Printed as it is,
an escape sequence in it can clear the screen, retitle the window or hide lines of a
CI log, and a bidirectional control can make a line read differently from what it
holds. :func:`visible` replaces every such character with a visible token:

- C0 controls except tab, DEL and the C1 controls become ``\xNN`` (line feed and
  carriage return become ``\n`` and ``\r``, so one printed line stays one line);
- format characters (Unicode category Cf: the bidirectional embeddings, overrides
  and isolates, LRM, RLM and ALM, zero-width spaces, soft hyphens, tag
  characters…), the line and paragraph separators, and the Hangul fillers that
  render as blank letters become ``<U+XXXX>``, and so do private-use and unassigned
  code points (a newer terminal may give them any meaning); the zero-width joiner
  and non-joiner stay, as letters and emoji need them to join;
- a lone surrogate (an undecodable byte in a file name) becomes ``\xNN`` for the
  byte it stands for, or ``<U+XXXX>``.

Everything else, tabs and spaces of any width included, is printed as it is. The
result is for reading: a draft that holds the four characters ``\x1b`` prints the
same as one that holds an escape character. Machine-readable output (JSON) keeps the
exact text; :func:`json_safe` writes the same characters there as ``\u`` escapes.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["json_safe", "visible"]

# Letters that render as nothing: the Hangul fillers.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
# Joiners that letters and emoji sequences need.
_JOINERS = frozenset("\u200c\u200d")
_SHORT = {"\n": "\\n", "\r": "\\r"}
# Quick screen: anything outside printable ASCII (plus tab) is looked at closely.
_SUSPECT = re.compile(r"[^\t\x20-\x7e]")
# In JSON, tab, line feed and carriage return only ever stand between values (inside
# strings json.dumps escapes them), so they stay.
_JSON_SUSPECT = re.compile(r"[^\t\n\r\x20-\x7e]")


def _unsafe(ch: str) -> bool:
    if ch in _JOINERS:
        return False
    if ch in _BLANK_LETTERS:
        return True
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Cn", "Co")


def _token(ch: str) -> str:
    code = ord(ch)
    if ch in _SHORT:
        return _SHORT[ch]
    if code < 0xA0:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte that could not be decoded
        return f"\\x{code - 0xDC00:02x}"
    return f"<U+{code:04X}>"


def _replace(match: re.Match[str]) -> str:
    ch = match.group()
    return _token(ch) if ch != "\t" and _unsafe(ch) else ch


def visible(text: str) -> str:
    r"""*text* with every control, format and invisible character shown as a token.

    Args:
        text: Any string, lone surrogates included.

    Returns:
        The same text where it is safe; see the module's description.

    Examples:
        >>> visible("Dear [Company\x1b[2J Name],")
        'Dear [Company\\x1b[2J Name],'
        >>> visible("abc\u202edef")
        'abc<U+202E>def'
        >>> visible("two\nlines\tand a tab")
        'two\\nlines\tand a tab'
    """
    if _SUSPECT.search(text) is None:
        return text
    return _SUSPECT.sub(_replace, text)


def _json_escape(match: re.Match[str]) -> str:
    ch = match.group()
    if not _unsafe(ch):
        return ch
    code = ord(ch)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_safe(document: str) -> str:
    r"""A JSON document with the characters :func:`visible` shows written as ``\u`` escapes.

    The document reads back as the same value: such characters can only stand
    inside JSON strings, where ``\uXXXX`` means the character itself.

    Args:
        document: JSON text, as :func:`json.dumps` writes it.

    Returns:
        The same JSON, safe to print on a terminal.

    Examples:
        >>> import json
        >>> doc = json.dumps({"text": "a\u202eb\x85"}, ensure_ascii=False)
        >>> json_safe(doc)
        '{"text": "a\\u202eb\\u0085"}'
        >>> json.loads(json_safe(doc)) == json.loads(doc)
        True
    """
    if _JSON_SUSPECT.search(document) is None:
        return document
    return _JSON_SUSPECT.sub(_json_escape, document)
