"""Markdown: every user value escaped, links as autolinks."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from decline.render import URL_LINE

if TYPE_CHECKING:
    from decline._letter import Letter

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~&])")


def escape(text: str) -> str:
    r"""Backslash-escape every character Markdown could read as markup.

    Examples:
        >>> escape("<b>A/S</b> *bold*")
        '\\<b\\>A/S\\</b\\> \\*bold\\*'
    """
    return _SPECIAL.sub(r"\\\1", text)


def _paragraph(text: str) -> str:
    lines = [
        f"<{line}>" if URL_LINE.match(line) else escape(line)
        for line in text.split("\n")
    ]
    # A hard line break in Markdown is a backslash at the end of the line.
    return "\\\n".join(lines)


def render(letter: Letter) -> str:
    """The letter as Markdown: the subject as a heading, then the body."""
    blocks = [f"## {escape(letter.subject)}"]
    if letter.greeting:
        blocks.append(escape(letter.greeting))
    blocks.extend(_paragraph(p) for p in letter.paragraphs)
    ending = [escape(line) for line in (letter.closing, *letter.signature) if line]
    if ending:
        blocks.append("\\\n".join(ending))
    return "\n\n".join(blocks) + "\n"
