"""Reading and checking drafts, one by one or in worker processes."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

import attrs

from decline._config import Config
from decline._diagnostic import Diagnostic
from decline._errors import DeclineError
from decline._model import Offer
from decline._terminal import visible
from decline.guidance import MAX_TEXT_CHARS, Report, check

__all__ = ["EXTENSIONS", "Draft", "FileResult", "Settings", "check_drafts"]

#: The input format a file's extension tells; anything else is plain text.
EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".eml": "eml",
}


@attrs.frozen
class Settings:
    """How to check a draft: what :func:`~decline.check` is given besides the text."""

    locale: str | None = None
    kind: str | None = None
    input_format: str | None = None  #: ``None``: from the file's extension
    offer: Offer | None = None
    tone: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    today: dt.date | None = None
    config: Config | None = None  #: the settings file's, for this draft


@attrs.frozen
class Draft:
    """One draft to check: a file to read, or text already read (standard input)."""

    name: str  #: as the output shows it
    settings: Settings
    path: str | None = None
    text: str | bytes | None = None

    @property
    def format(self) -> str:
        """The input format: the one set, else the one the extension tells."""
        if self.settings.input_format is not None:
            return self.settings.input_format
        if self.path is None:
            return "plain"
        return EXTENSIONS.get(Path(self.path).suffix.lower(), "plain")


@attrs.frozen
class FileResult:
    """What checking one draft gave: a report, or why it could not be checked."""

    name: str
    report: Report | None = None
    error: str | None = None
    suppressed: tuple[Diagnostic, ...] = ()

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """The findings by line, column and rule."""
        if self.report is None:
            return ()
        return _by_position(self.report.diagnostics)


def _by_position(found: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(found, key=lambda d: (d.line, d.column, d.span, d.rule)))


def _read(path: str) -> bytes:
    limit = 4 * MAX_TEXT_CHARS  # UTF-8 needs at most four bytes a character
    try:
        with Path(path).open("rb") as fh:
            data = fh.read(limit + 1)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise _UnreadableError(f"cannot read it: {reason}") from None
    if len(data) > limit:
        raise _UnreadableError(
            f"it is over {limit} bytes; check() reads at most {MAX_TEXT_CHARS} "
            "characters: split it or check the letter alone"
        )
    return data


class _UnreadableError(Exception):
    """A draft that cannot be read; the message says why."""


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _UnreadableError(
            f"cannot read it: it is not UTF-8 text (byte 0x{data[exc.start]:02x} at "
            f"offset {exc.start}); save it as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_draft(draft: Draft) -> FileResult:
    """Read and check one draft; an error is kept in the result, never raised."""
    s = draft.settings
    try:
        fmt = draft.format
        source: str | bytes
        if draft.text is not None:
            source = draft.text
        else:
            assert draft.path is not None  # noqa: S101 - a draft has one or the other
            raw = _read(draft.path)
            source = raw if fmt == "eml" else _decode(raw)
        report = check(
            source,
            locale=s.locale,
            kind=s.kind,
            format=fmt,
            offer=s.offer,
            tone=s.tone,
            select=s.select,
            ignore=s.ignore,
            today=s.today,
            config=s.config,
        )
    except (_UnreadableError, DeclineError, ValueError, TypeError) as exc:
        message = " ".join(visible(line) for line in str(exc).split("\n"))
        return FileResult(draft.name, error=message)
    return FileResult(draft.name, report=report, suppressed=report.suppressed)


def _language_hint(draft: Draft) -> str:
    """The draft's language as far as a quick look tells, to group drafts by it.

    Only an ordering hint: the draft is read and checked properly in its worker.
    """
    if draft.settings.locale not in (None, "auto"):
        return str(draft.settings.locale)
    if draft.settings.config is not None and draft.settings.config.locale not in (
        None,
        "auto",
    ):
        return str(draft.settings.config.locale)
    from decline._analysis.detection import detect  # noqa: PLC0415 - loaded by check

    try:
        text = draft.text if draft.text is not None else _read(draft.path or "")
        if isinstance(text, bytes):
            text = text.decode("utf-8", errors="replace")
        return detect(text[:4000]).locale or ""
    except (_UnreadableError, ValueError, TypeError):
        return ""


def _check_group(drafts: Sequence[Draft]) -> list[FileResult]:
    return [check_draft(d) for d in drafts]


def check_drafts(
    drafts: Sequence[Draft], *, jobs: int | None = None
) -> list[FileResult]:
    """Check every draft, in *jobs* worker processes (default: one per CPU).

    The results come back in the order of *drafts*, whatever order the workers
    finish in. One draft, or ``jobs=1``, is checked in this process.

    A process pays once for each language it checks (its word lists and tone
    model load on first use), so the drafts go to the workers grouped by
    language: each worker meets as few languages as it can.
    """
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    workers = max(1, min(workers, len(drafts)))
    if workers == 1:
        return [check_draft(d) for d in drafts]
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - on use

    groups: dict[str, list[int]] = {}
    for index, draft in enumerate(drafts):
        groups.setdefault(_language_hint(draft), []).append(index)
    # Big groups are split so that the workers stay busy to the end.
    size = max(1, -(-len(drafts) // (workers * 4)))
    tasks = [
        indexes[i : i + size]
        for indexes in sorted(groups.values(), key=len, reverse=True)
        for i in range(0, len(indexes), size)
    ]
    results: list[FileResult | None] = [None] * len(drafts)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = pool.map(_check_group, [[drafts[i] for i in task] for task in tasks])
        for task, found in zip(tasks, done, strict=True):
            for i, result in zip(task, found, strict=True):
                results[i] = result
    return [r for r in results if r is not None]
