"""HTML: inline styles, no scripts, every value escaped.

A letter is a card for reading (badges, the subject as a heading, a border) or,
without chrome, the letter alone as an e-mail's HTML part carries it; either may
be wrapped in a complete document (:func:`document`).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from decline._i18n import catalog, format_date
from decline.render import URL_LINE

if TYPE_CHECKING:
    from decline._letter import Letter
    from decline._model import Offer
    from decline._plan import Plan
    from decline.guidance import Report

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


#: The letter alone, as an e-mail's HTML part: only styles mail programs keep
#: (inline, no colours, so a dark-mode reader keeps its own).
_MAIL = (
    "font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;"
    "max-width:42em"
)
_MAIL_P = "margin:0 0 1em 0"
_LINK = "font-size:.85em;display:inline-block;margin-top:.2em"


def _lang(letter: Letter) -> str:
    return escape(letter.locale.replace("_", "-"), quote=True)


def _body_parts(letter: Letter, p_open: str) -> list[str]:
    """The greeting, paragraphs and ending as ``<p>`` elements."""
    parts = []
    if letter.greeting:
        parts.append(f"{p_open}{escape(letter.greeting)}</p>")
    parts.extend(
        p_open + "<br>\n".join(_line(line) for line in p.split("\n")) + "</p>"
        for p in letter.paragraphs
    )
    ending = [escape(line) for line in (letter.closing, *letter.signature) if line]
    if ending:
        parts.append(p_open + "<br>\n".join(ending) + "</p>")
    return parts


def _mailto_link(letter: Letter) -> str:
    """A link that opens the letter as a new e-mail, or "" when it is too long."""
    from decline._errors import MailtoTooLongError  # noqa: PLC0415 - loaded already
    from decline.render.mailto import render as mailto  # noqa: PLC0415

    try:
        href = escape(mailto(letter), quote=True)
    except MailtoTooLongError:
        return ""  # a link that mail programs would cut is no help
    label = catalog(letter.locale).get(None, "label.mailto") or "Open as a new e-mail"
    return f'<div><a href="{href}" style="{_LINK}">{escape(label)}</a></div>'


def document(body: str, *, lang: str, title: str) -> str:
    """*body* in a complete HTML document: UTF-8, *lang*, *title*, light and dark."""
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(lang, quote=True)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{escape(title)}</title>\n"
        "</head>\n"
        '<body style="margin:0;padding:1.5em">\n'
        f"{body}"
        "</body>\n"
        "</html>\n"
    )


def render(
    letter: Letter, *, badges: bool = True, chrome: bool = True, document: bool = False
) -> str:
    """The letter as HTML: a card (*chrome*), or the letter alone, for e-mail.

    Args:
        letter: The letter.
        badges: On the card, show small locale, tone and kind badges and the
            link that opens the letter as a new e-mail (for notebooks).
        chrome: A card with the subject as a heading; without, only the greeting,
            paragraphs, closing and signature, in styles mail programs keep.
        document: A complete HTML document around it.
    """
    lang = _lang(letter)
    if not chrome:
        parts = [f'<div class="decline-letter" lang="{lang}" style="{_MAIL}">']
        parts.extend(_body_parts(letter, f'<p style="{_MAIL_P}">'))
        parts.append("</div>")
    else:
        parts = [
            f'<article class="decline-letter" lang="{lang}" style="{_CARD}">',
            "<header>",  # the badges and the subject: what a reader takes for no prose
        ]
        if badges:
            tags = (letter.kind.value.replace("_", " "), letter.locale, letter.tone)
            parts.append(
                "<div>"
                + "".join(f'<span style="{_BADGE}">{escape(t)}</span>' for t in tags)
                + "</div>"
            )
        parts.append(f'<h3 style="margin:.5em 0">{escape(letter.subject)}</h3>')
        if badges:
            link = _mailto_link(letter)
            if link:
                parts.append(link)
        parts.append("</header>")
        parts.extend(_body_parts(letter, "<p>"))
        parts.append("</article>")
    html = "\n".join(parts) + "\n"
    if document:
        return _document(
            html, lang=letter.locale.replace("_", "-"), title=letter.subject
        )
    return html


_document = document  # render's own argument hides the function's name


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


_MARK = {
    "error": "background:rgba(220,50,47,.25);border-bottom:2px solid rgb(220,50,47)",
    "warning": "background:rgba(181,137,0,.25);border-bottom:2px solid rgb(181,137,0)",
    "info": "background:rgba(38,139,210,.2);border-bottom:2px dotted rgb(38,139,210)",
}
_CELL = "padding:.2em .6em;border-bottom:1px solid rgba(127,127,127,.3);text-align:left;vertical-align:top"


def report_html(report: Report) -> str:
    """A report as HTML: the text with each finding's span marked, then a table.

    Overlapping spans are marked once (the first to start wins); zero-width spans
    (a missing sentence) show as a small caret.
    """
    text = report.text
    pieces: list[str] = []
    position = 0
    for diagnostic in sorted(report, key=lambda d: d.span):
        start, end = diagnostic.span
        if start < position:
            continue
        pieces.append(escape(text[position:start]))
        style = _MARK[diagnostic.severity.value]
        title = escape(f"{diagnostic.rule}: {diagnostic.message}", quote=True)
        inner = escape(text[start:end]) if end > start else "&#8248;"
        pieces.append(
            f'<mark style="{style};color:inherit" title="{title}">{inner}</mark>'
        )
        position = max(position, end)
    pieces.append(escape(text[position:]))
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td style="{_CELL}">{cell}</td>'
            for cell in (
                f"<code>{escape(d.rule)}</code>",
                escape(d.severity.value),
                f"{d.line}:{d.column}",
                escape(d.message),
                ""
                if d.suggestion is None
                else escape(d.suggestion.strip() or "(delete)"),
            )
        )
        + "</tr>"
        for d in report
    )
    head = "".join(
        f'<th style="{_CELL}">{h}</th>'
        for h in ("rule", "severity", "where", "message", "suggestion")
    )
    verdict = "ok" if report.ok else "errors"
    summary = (
        f"{escape(report.kind.replace('_', ' '))} · {escape(report.locale)} · {verdict}: "
        f"{len(report.errors)} errors, {len(report.warnings)} warnings, {len(report.infos)} info"
    )
    table = (
        f'<table style="border-collapse:collapse;margin-top:.8em;font-size:.9em">'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        if len(report)
        else ""
    )
    return (
        f'<div class="decline-report" style="{_CARD}">'
        f'<div style="font-size:.8em;opacity:.8">{summary}</div>'
        f'<pre style="white-space:pre-wrap;font-family:inherit;margin:.6em 0">{"".join(pieces)}</pre>'
        f"{table}</div>\n"
    )


def plan_html(plan: Plan) -> str:
    """A plan as a dated timeline; each step's letter folds out under it."""
    names = catalog(plan.locale)
    steps = []
    for step in plan.steps:
        when = escape(format_date(step.on, plan.locale, "full"))
        kind = escape(names.get(None, f"kind.{step.kind.value}") or step.kind.value)
        steps.append(
            '<li style="margin:0 0 .9em 0;padding-left:.6em;border-left:3px solid rgba(127,127,127,.5)">'
            f'<div style="font-size:.8em;opacity:.75">{step.number}. {when}</div>'
            f"<div><strong>{escape(step.action)}</strong></div>"
            + (
                f'<div style="font-size:.8em;opacity:.75">{escape(step.note)}</div>'
                if step.note
                else ""
            )
            + f'<details style="margin-top:.3em"><summary>{kind}</summary>'
            f"{render(step.letter, badges=False)}</details></li>"
        )
    overdue = (
        f'<p style="{_MARK["error"]};padding:.3em .6em">{escape(plan.overdue)}</p>'
        if plan.overdue
        else ""
    )
    return (
        f'<div class="decline-plan" style="{_CARD}">{overdue}'
        f'<ol style="list-style:none;padding:0;margin:0">{"".join(steps)}</ol></div>\n'
    )


def _contact_text(offer: Offer) -> str:
    contact = offer.contact
    if contact is None:
        return "none named"
    name = contact.name or "team"
    if offer.addressee is None:
        name = f"{name} (team)"
    return name + (f" <{contact.email}>" if contact.email else "")


def offer_html(offer: Offer) -> str:
    """An offer as a small card: company, position, contact, candidate, dates."""
    rows = [
        ("company", offer.company),
        ("position", offer.position),
        ("contact", _contact_text(offer)),
        ("candidate", offer.candidate.name),
    ]
    if offer.interviewers:
        rows.append(("interviewers", ", ".join(p.name for p in offer.interviewers)))
    if offer.received_on:
        rows.append(("received", offer.received_on.isoformat()))
    if offer.respond_by:
        rows.append(("respond by", offer.respond_by.isoformat()))
    rows.append(("referral requested", "yes" if offer.referral_requested else "no"))
    body = "".join(
        f'<tr><th style="{_CELL};opacity:.75">{escape(k)}</th><td style="{_CELL}">{escape(v)}</td></tr>'
        for k, v in rows
    )
    return f'<div class="decline-offer" style="{_CARD}"><table style="border-collapse:collapse">{body}</table></div>\n'
