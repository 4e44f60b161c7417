"""A self-contained HTML fragment: inline styles, no scripts, every value escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from decline.render import URL_LINE

if TYPE_CHECKING:
    from decline._letter import Letter

_CARD = (
    "font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.5;"
    "max-width:42em;padding:1em 1.25em;border:1px solid rgba(127,127,127,.35);"
    "border-radius:8px;color:inherit;background:transparent"
)
_BADGE = (
    "font-size:.75em;padding:.1em .5em;border-radius:1em;"
    "border:1px solid rgba(127,127,127,.5);margin-right:.4em;opacity:.8"
)


def _line(text: str) -> str:
    if URL_LINE.match(text):
        href = escape(text, quote=True)
        return f'<a href="{href}" rel="noopener noreferrer">{href}</a>'
    return escape(text, quote=True)


def _paragraph(text: str) -> str:
    return "<p>" + "<br>\n".join(_line(line) for line in text.split("\n")) + "</p>"


def render(letter: Letter, *, badges: bool = True) -> str:
    """The letter as an ``<article>`` with the subject as a heading.

    Args:
        letter: The letter.
        badges: Show small locale, tone and kind badges (for notebooks).
    """
    lang = escape(letter.locale.replace("_", "-"), quote=True)
    parts = [f'<article class="decline-letter" lang="{lang}" style="{_CARD}">']
    if badges:
        tags = (letter.kind.value.replace("_", " "), letter.locale, letter.tone)
        parts.append(
            "<div>" + "".join(f'<span style="{_BADGE}">{escape(t)}</span>' for t in tags) + "</div>"
        )
    parts.append(f'<h3 style="margin:.5em 0">{escape(letter.subject)}</h3>')
    if letter.greeting:
        parts.append(f"<p>{escape(letter.greeting)}</p>")
    parts.extend(_paragraph(p) for p in letter.paragraphs)
    ending = [escape(line) for line in (letter.closing, *letter.signature) if line]
    if ending:
        parts.append("<p>" + "<br>\n".join(ending) + "</p>")
    parts.append("</article>")
    return "\n".join(parts) + "\n"


def mimebundle(
    obj: object,
    html: str,
    include: Sequence[str] | None = None,
    exclude: Sequence[str] | None = None,
) -> dict[str, str]:
    """A Jupyter MIME bundle with ``text/plain`` and ``text/html``."""
    bundle = {"text/plain": repr(obj), "text/html": html}
    if include:
        bundle = {k: v for k, v in bundle.items() if k in include}
    if exclude:
        bundle = {k: v for k, v in bundle.items() if k not in exclude}
    return bundle
