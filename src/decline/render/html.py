"""A self-contained HTML fragment: inline styles, no scripts, every value escaped."""

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


def _paragraph(text: str) -> str:
    return "<p>" + "<br>\n".join(_line(line) for line in text.split("\n")) + "</p>"


def render(letter: Letter, *, badges: bool = True) -> str:
    """The letter as an ``<article>`` with the subject as a heading.

    Args:
        letter: The letter.
        badges: Show small locale, tone and kind badges (for notebooks).
    """
    lang = escape(letter.locale.replace("_", "-"), quote=True)
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
    parts.append("</header>")
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
