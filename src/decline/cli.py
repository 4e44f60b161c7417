r"""The command line: ``decline write``, ``decline check``, ``decline locales``, ``decline tones``.

A thin argparse front end over the public API; it has no logic of its own.

Exit codes: 0 success; 1 an input was refused (the message names the field) or
``check`` found something at its ``--fail-on`` level; 2 bad usage, or a file or
stream that cannot be read or written (a missing file, text that is not UTF-8, a
closed stream, a reader that closed the pipe) — and for ``check``, any input it
cannot use (a bad settings file, a draft whose language cannot be told). Every
failure ends with one ``decline: error: …`` line on standard error, never a
traceback. A tone plugin that cannot be used is one ``decline: warning: …`` line,
and the command carries on without it.

An ``--offer`` file's values are read as the TOML type each key takes (strings,
dates, a boolean, arrays and tables of people), never converted: a value of
another type is refused, naming the key and the type it takes.

Text output shows control and invisible characters from drafts, offer files and file
names as visible tokens (``\x1b``, ``<U+202E>``), so nothing the command prints can
move the cursor, retitle the terminal or reorder a line; JSON output keeps the exact
text, with such characters written as ``\u`` escapes. ``-o FILE`` writes a temporary
file in the same folder and renames it over FILE, so FILE is never left half written.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import json
import os
import stat
import sys
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from decline._errors import DeclineError, FieldError
from decline._terminal import json_safe, visible

if TYPE_CHECKING:
    from decline.guidance import Report

_FORMATS = ("text", "markdown", "html", "eml", "json", "ics")
_INPUT_FORMATS = ("plain", "markdown", "html", "eml")
_KINDS = ("call", "confirmation", "thank-you", "plan", "all")

#: The keys of a person's table in an offer file, all strings but ``links``.
_PERSON_TEXT_KEYS = (
    "name",
    "email",
    "honorific",
    "phone",
    "family_name",
    "given_name",
    "title",
)

#: An offer file may be at most this many bytes.
MAX_OFFER_BYTES = 1 << 20


class _StreamError(Exception):
    """A file or stream cannot be read or written; the command line exits 2.

    Attributes:
        what: The option, argument or stream concerned (``-o``, ``FILE``).
        problem: What went wrong and, where it helps, what to do.
    """

    def __init__(self, what: str, problem: str) -> None:
        self.what = what
        self.problem = problem
        super().__init__(f"{what}: {problem}")


class _CheckError(_StreamError):
    """An option or input of ``decline check`` that cannot be used; exit 2."""

    def __init__(self, message: str) -> None:
        Exception.__init__(self, message)
        self.what = "check"
        self.problem = message


class _PipeClosedError(Exception):
    """Standard output's reader closed the pipe."""


def _shown(path: str | Path) -> str:
    """A file name, quoted, as it may be printed."""
    return visible(repr(str(path)))


class _Parser(argparse.ArgumentParser):
    """argparse, with the values it quotes in errors made safe for a terminal."""

    def error(self, message: str) -> NoReturn:
        """Print the usage and *message* (control characters shown), and exit 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {visible(message)}\n")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date; write YYYY-MM-DD"
        ) from None


def _delivery_options(write: argparse.ArgumentParser) -> None:
    """The options of ``decline write`` that shape e-mails, HTML and calendars."""
    deliver = write.add_argument_group("delivery")
    deliver.add_argument(
        "--draft",
        action="store_true",
        help="with --format eml: a draft that mail programs open as a new message "
        "to edit and send (X-Unsent: 1, no Date or Message-ID)",
    )
    deliver.add_argument(
        "--fragment",
        action="store_true",
        help="with --format html: an HTML fragment instead of a complete document",
    )
    deliver.add_argument(
        "--no-chrome",
        dest="chrome",
        action="store_false",
        help="with --format html: the letter alone, as an e-mail shows it (no "
        "badges, card or subject heading)",
    )
    deliver.add_argument(
        "--timezone",
        metavar="ZONE",
        help="with --kind plan --format ics: your time zone, e.g. Europe/Copenhagen "
        "(default: the calendar's own)",
    )


def _parser() -> argparse.ArgumentParser:
    from decline import __version__  # noqa: PLC0415

    parser = _Parser(
        prog="decline",
        description="Decline a job offer quickly, kindly and briefly.",
        epilog="Exit codes: 0 success, 1 refused input or findings at check's "
        "--fail-on level, 2 bad usage, a file or stream that cannot be read or "
        "written, or input check cannot use.",
    )
    parser.add_argument("--version", action="version", version=f"decline {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    write = sub.add_parser(
        "write",
        help="write the call script, confirmation, thank-you note or the whole plan",
        description="Write a letter from flags or a TOML offer file (flags win).",
    )
    source = write.add_argument_group("the offer")
    source.add_argument(
        "--offer", type=Path, metavar="FILE", help="TOML file describing the offer"
    )
    source.add_argument("--company", help="the employer's name")
    source.add_argument("--position", help="the job title offered")
    source.add_argument(
        "--contact",
        metavar="NAME",
        help="the recruiter or hiring manager (leave out when no one is named)",
    )
    source.add_argument(
        "--team",
        nargs="?",
        const=True,
        default=None,
        metavar="NAME",
        help="write to a team address instead of a person (NAME is optional, "
        "e.g. Recruitment; give its address with --contact-email)",
    )
    source.add_argument("--contact-email", metavar="EMAIL")
    source.add_argument(
        "--contact-honorific",
        metavar="HONORIFIC",
        help="ms, mr or mx (gender-neutral), or a word such as Frau, Mme, Sra.",
    )
    source.add_argument(
        "--contact-title", metavar="TITLE", help="an academic title, e.g. Dr., Prof."
    )
    source.add_argument(
        "--contact-family-name",
        metavar="NAME",
        help="the surname, when it is not the last word (Gómez Ruiz)",
    )
    source.add_argument("--candidate", metavar="NAME", help="your name")
    source.add_argument("--candidate-email", metavar="EMAIL")
    source.add_argument("--candidate-phone", metavar="PHONE")
    source.add_argument(
        "--link",
        action="append",
        default=None,
        metavar="URL",
        help="a professional page (repeatable)",
    )
    source.add_argument(
        "--interviewer",
        action="append",
        default=None,
        metavar="NAME",
        help="someone you met (repeatable)",
    )
    source.add_argument("--received-on", type=_date, metavar="DATE")
    source.add_argument("--respond-by", type=_date, metavar="DATE")
    source.add_argument("--referral-requested", action="store_true", default=None)
    source.add_argument(
        "--referral",
        metavar="NAME",
        help="someone to suggest for the role (needs --referral-requested)",
    )
    source.add_argument(
        "--country",
        metavar="CC",
        help="country whose public holidays the plan skips, e.g. DK "
        "(default: from the locale)",
    )
    out = write.add_argument_group("the letter")
    out.add_argument(
        "--reason",
        metavar="REASON",
        help="other-offer, career-fit, compensation, location, personal, staying, "
        "unspecified, none, or your own sentence",
    )
    out.add_argument("--locale", help="language, e.g. en, da, da_DK (default: en)")
    out.add_argument(
        "--tone", help="formal, warm, brief or an installed tone (default: formal)"
    )
    out.add_argument(
        "--kind", choices=_KINDS, default="confirmation", help="default: confirmation"
    )
    out.add_argument("--format", choices=_FORMATS, default="text", help="default: text")
    out.add_argument(
        "--today",
        type=_date,
        metavar="DATE",
        help="first day of the plan (default: today)",
    )
    out.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout"
    )
    _delivery_options(write)

    check = sub.add_parser(
        "check",
        help="check a draft against the guidance",
        description="Check reasons or letters; prints FILE:LINE:COL: RULE SEVERITY "
        "MESSAGE. Exit codes: 0 nothing at or above the --fail-on level, 1 findings "
        "at or above it, 2 a draft or an option that could not be used.",
    )
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="drafts and folders (searched recursively), or - for standard input",
    )
    check.add_argument(
        "--locale",
        default=None,
        help="the draft's language, e.g. da, en_GB, or auto (default: the settings "
        "file's, else auto: told from the text)",
    )
    check.add_argument(
        "--kind",
        default=None,
        choices=(
            "reason",
            "letter",
            "call_script",
            "call",
            "confirmation",
            "thank_you",
            "thank-you",
        ),
        help="what the draft is (default: told from the text when clear, else "
        "any letter)",
    )
    check.add_argument(
        "--input-format",
        choices=_INPUT_FORMATS,
        default=None,
        help="how the draft is written (default: from the file's extension: "
        ".md/.markdown, .html/.htm, .eml; plain otherwise and for -)",
    )
    check.add_argument(
        "--format",
        choices=("text", "json", "sarif", "github"),
        default="text",
        help="text (default), one JSON document, SARIF 2.1.0, or GitHub Actions "
        "annotations",
    )
    _check_options(check)
    check.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="RULE",
        help="only these rules or prefixes",
    )
    check.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULE",
        help="skip these rules or prefixes",
    )
    check.add_argument(
        "--offer",
        type=Path,
        metavar="FILE",
        help="TOML offer, for suggestions and referrals",
    )
    check.add_argument(
        "--today", type=_date, metavar="DATE", help="judge timing as of this date"
    )
    _add_fix_options(check)
    _listing_commands(sub)
    return parser


def _listing_commands(sub: Any) -> None:
    """``decline locales``, ``rules`` and ``tones``: what there is, as text or JSON."""
    locales = sub.add_parser("locales", help="list the languages decline writes")
    locales.add_argument("--format", choices=("text", "json"), default="text")
    rules = sub.add_parser(
        "rules",
        help="list every rule: id, severity, guidance item and an example",
        description="List every rule of the guidance; decline check --explain RULE "
        "shows one in full.",
    )
    rules.add_argument("--format", choices=("text", "json"), default="text")
    tones = sub.add_parser("tones", help="list the tones, built in and installed")
    tones.add_argument("--format", choices=("text", "json"), default="text")


def _check_options(check: argparse.ArgumentParser) -> None:
    """The linter's options of ``decline check``: paths, jobs, fail level, output."""
    from decline._config import FAIL_LEVELS  # noqa: PLC0415
    from decline._lint import DEFAULT_INCLUDE  # noqa: PLC0415

    check.add_argument(
        "--include",
        action="append",
        default=None,
        metavar="GLOB",
        help="which files a folder is searched for (repeatable or comma-separated; "
        f"default: {', '.join(DEFAULT_INCLUDE)})",
    )
    check.add_argument(
        "--exclude",
        action="append",
        default=None,
        metavar="GLOB",
        help="files and folders to leave out of a folder's search (repeatable or "
        "comma-separated; hidden folders, node_modules, venv, build and dist "
        "always are)",
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=None,
        metavar="N",
        help="check in N worker processes (default: one per CPU)",
    )
    check.add_argument(
        "--fail-on",
        choices=FAIL_LEVELS,
        default=None,
        help="exit 1 for findings of this severity or above (default: error)",
    )
    check.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="print the findings only, no summary",
    )
    check.add_argument(
        "--show-suppressed",
        action="store_true",
        help="print the findings inline comments suppressed too, marked (suppressed)",
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print how often each rule reported instead of the findings",
    )
    check.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout"
    )
    check.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="read the settings from FILE (a .decline.toml, or a pyproject.toml with "
        "[tool.decline]) instead of looking for them above each draft",
    )
    check.add_argument(
        "--isolated",
        action="store_true",
        help="read no settings file at all",
    )


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a number of jobs (1 or more)"
        )
    return number


def _check_name(path: Path, what: str, verb: str) -> None:
    """Refuse a file name the operating system cannot take at all."""
    try:
        encoded = os.fsencode(path)
    except UnicodeError:
        problem = "the name cannot be written in the file system's encoding"
    else:
        if b"\0" not in encoded:
            return
        problem = "a file name cannot hold a NUL character"
    raise _StreamError(what, f"cannot {verb} {_shown(path)}: {problem}")


def _read_bytes(path: Path, what: str, limit: int) -> bytes:
    """Up to *limit* + 1 bytes of *path*; a file that cannot be read is a _StreamError."""
    _check_name(path, what, "read")
    try:
        with path.open("rb") as fh:
            return fh.read(limit + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise _StreamError(what, f"cannot read {_shown(path)}: {reason}") from None


def _decode(data: bytes, what: str, name: str) -> str:
    """*data* as UTF-8 text with universal newlines, as a text file is read."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _StreamError(
            what,
            f"cannot read {name}: it is not UTF-8 text (byte 0x{data[exc.start]:02x} "
            f"at offset {exc.start}); save it as UTF-8",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _load_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415
    else:  # pragma: no cover
        import tomli as tomllib  # noqa: PLC0415
    raw = _read_bytes(path, "--offer", MAX_OFFER_BYTES)
    if len(raw) > MAX_OFFER_BYTES:
        raise FieldError(
            "--offer",
            f"{_shown(path)} is over {MAX_OFFER_BYTES} bytes; an offer file is a "
            "few lines of TOML",
        )
    text = _decode(raw, "--offer", _shown(path))
    try:
        doc: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FieldError(
            "--offer", f"{_shown(path)} is not valid TOML: {exc}"
        ) from None
    except RecursionError:
        raise FieldError(
            "--offer",
            f"{_shown(path)} nests arrays or tables too deeply; an offer file is "
            "a few flat keys",
        ) from None
    return doc


def _toml_type(value: object) -> str:
    """The TOML name of a value's type, with its article ("a string")."""
    names = (
        (bool, "a boolean"),
        (int, "an integer"),
        (float, "a float"),
        (str, "a string"),
        (dt.datetime, "a date-time"),
        (dt.date, "a date"),
        (dt.time, "a time"),
        (list, "an array"),
        (dict, "a table"),
    )
    for kind, name in names:
        if isinstance(value, kind):
            return name
    return type(value).__name__  # pragma: no cover - TOML has no other types


def _wrong_type(key: str, expected: str, value: object, hint: str = "") -> FieldError:
    return FieldError(
        key,
        f"expected {expected} in the --offer file, got {_toml_type(value)}{hint}",
    )


def _check_text(key: str, value: object) -> None:
    if not isinstance(value, str):
        raise _wrong_type(key, "a string", value)


def _check_person(key: str, value: object, *, team: bool = False) -> None:
    """A person in an offer file: a name, or a table of strings (``links`` an array)."""
    if isinstance(value, str):
        return
    if not isinstance(value, dict):
        raise _wrong_type(key, "a name (a string) or a table", value)
    for name, item in value.items():
        where = f"{key}.{name}"
        if name == "links":
            if not isinstance(item, list):
                raise _wrong_type(where, "an array of URLs", item)
            for index, link in enumerate(item):
                _check_text(f"{where}[{index}]", link)
        elif name == "team" and team:
            if not isinstance(item, bool):
                raise _wrong_type(where, "a boolean (team = true)", item)
        elif name in _PERSON_TEXT_KEYS:
            _check_text(where, item)
        # Unknown keys are named by person_from_dict / contact_from_dict.


def _check_offer_file(doc: Mapping[str, Any]) -> None:
    """Check the type of every value of an offer file; an error names its key.

    A TOML value is never converted: ``interviewers = "Bob"`` is not three
    people, ``referral_requested = "false"`` is not true, and ``reason = 1e400``
    is not a reason.
    """
    unknown = set(doc) - set(_OFFER_TYPES)
    if unknown:
        raise FieldError(
            "--offer",
            f"has unknown keys {sorted(unknown)}; use {sorted(_OFFER_TYPES)}",
        )
    for key, value in doc.items():
        _OFFER_TYPES[key](key, value)


def _check_flag(key: str, value: object) -> None:
    if not isinstance(value, bool):
        hint = "; write true or false without quotes" if isinstance(value, str) else ""
        raise _wrong_type(key, "a boolean", value, hint)


def _check_contact(key: str, value: object) -> None:
    _check_person(key, value, team=True)


def _check_people(key: str, people: object) -> None:
    """An array of people: names or tables."""
    if not isinstance(people, list):
        raise _wrong_type(
            key,
            "an array of names or tables",
            people,
            '; write it as interviewers = ["Lars Holm", "Sofie Dahl"]',
        )
    for index, person in enumerate(people):
        _check_person(f"{key}[{index}]", person)


def _check_date(key: str, value: object) -> None:
    """A TOML local date (``2026-11-20``): not a string, a date-time or a time."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return
    hint = ""
    if isinstance(value, str):
        hint = f"; write it without quotes, such as {key} = 2026-11-20"
    elif isinstance(value, dt.datetime):
        hint = f"; write the day alone, such as {key} = 2026-11-20"
    raise _wrong_type(key, "a date", value, hint)


#: How each key of an offer file is checked.
_OFFER_TYPES: Mapping[str, Callable[[str, object], None]] = {
    "company": _check_text,
    "position": _check_text,
    "contact": _check_contact,
    "candidate": _check_person,
    "received_on": _check_date,
    "respond_by": _check_date,
    "interviewers": _check_people,
    "referral_requested": _check_flag,
    "referral": _check_person,
    "country": _check_text,
    "reason": _check_text,
    "locale": _check_text,
    "tone": _check_text,
}


def _person(data: object, field: str) -> Any:
    """A person from the offer file: a name, or a table like ``Letter.to_dict()``'s.

    For the contact, a table with ``team = true`` is a team address.
    """
    from decline._model import contact_from_dict, person_from_dict  # noqa: PLC0415

    if isinstance(data, str):
        data = {"name": data}
    if not isinstance(data, Mapping):
        raise FieldError(field, "must be a name or a table with name, email, …")
    if field == "contact":
        return contact_from_dict(data, field)
    return person_from_dict(data, field)


def _person_flags(args: argparse.Namespace, role: str, current: object) -> Any:
    """Merge --contact/--candidate flags into the person from the offer file."""
    if isinstance(current, str):
        current = {"name": current}
    if not isinstance(current, Mapping):
        raise FieldError(role, "must be a name or a table with name, email, …")
    person = dict(current)
    name = getattr(args, role, None)
    if name is not None:
        person["name"] = name
    for attr in ("email", "honorific", "phone", "title", "family_name"):
        value = getattr(args, f"{role}_{attr}", None)
        if value is not None:
            person[attr] = value
    if role == "candidate" and getattr(args, "link", None):
        person["links"] = args.link
    return person


def _team(args: argparse.Namespace) -> dict[str, Any] | None:
    """The contact table for ``--team [NAME]``, or ``None`` without it."""
    team = getattr(args, "team", None)
    if team is None:
        return None
    if getattr(args, "contact", None) is not None:
        raise FieldError(
            "--team", "write to a person (--contact) or a team (--team), not both"
        )
    if args.contact_honorific or args.contact_title or args.contact_family_name:
        raise FieldError("--team", "a team has no honorific, title or family name")
    table: dict[str, Any] = {"team": True}
    if isinstance(team, str):
        table["name"] = team
    if args.contact_email:
        table["email"] = args.contact_email
    return table


def _offer_data(args: argparse.Namespace) -> dict[str, Any]:
    data: dict[str, Any] = _load_toml(args.offer) if args.offer else {}
    _check_offer_file(data)
    for key in (
        "company",
        "position",
        "received_on",
        "respond_by",
        "referral_requested",
        "country",
        "referral",
    ):
        value = getattr(args, key, None)
        if value is not None:
            data[key] = value
    team = _team(args)
    if team is not None:
        data["contact"] = team
    for role in ("contact", "candidate"):
        current = data.get(role, {})
        if role == "contact" and isinstance(current, Mapping) and "team" in current:
            continue
        person = _person_flags(args, role, current)
        if person:
            data[role] = person
    if getattr(args, "interviewer", None):
        data["interviewers"] = args.interviewer
    return data


def _offer(data: Mapping[str, Any]) -> Any:
    from decline._model import Offer  # noqa: PLC0415

    for key in ("company", "position", "candidate"):
        if key not in data:
            flag = "--" + key
            raise FieldError(
                key, f"is required: pass {flag} or put it in the --offer file"
            )
    contact = data.get("contact")
    if isinstance(contact, Mapping) and not contact:
        contact = None  # no --contact and no contact in the file: no one is named
    return Offer(
        company=data["company"],
        position=data["position"],
        contact=None if contact is None else _person(contact, "contact"),
        candidate=_person(data["candidate"], "candidate"),
        received_on=data.get("received_on"),
        respond_by=data.get("respond_by"),
        interviewers=tuple(
            _person(p, f"interviewers[{i}]")
            for i, p in enumerate(data.get("interviewers", ()))
        ),
        referral_requested=data.get("referral_requested", False),
        country=data.get("country"),
    )


def _emit(data: str | bytes, output: Path | None, stdout: IO[Any] | None) -> None:
    """Write *data* to *output* atomically, or to standard output."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if output is not None:
        _write_file(output, raw)
        return
    if stdout is None:
        raise _StreamError(
            "standard output",
            "is closed; run decline with its output going to a terminal, a file or "
            "a pipe, or give -o FILE",
        )
    try:
        buffer = getattr(stdout, "buffer", None)
        if isinstance(data, bytes) and buffer is not None:
            stdout.flush()
            buffer.write(data)
        elif isinstance(data, bytes):
            stdout.write(data.decode("utf-8"))
        else:
            stdout.write(data)
    except BrokenPipeError:
        raise _PipeClosedError from None
    except UnicodeEncodeError as exc:
        bad = visible(repr(exc.object[exc.start : exc.end]))
        raise _StreamError(
            "standard output",
            f"its encoding ({exc.encoding}) cannot show {bad}; set "
            "PYTHONIOENCODING=utf-8, or write to a file with -o FILE",
        ) from None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise _StreamError("standard output", f"cannot be written: {reason}") from None


def _write_file(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file in the same folder.

    The temporary file is renamed over *path* only once it is complete, so a failed
    write leaves *path* as it was. A path that is a device or a pipe
    (``/dev/stdout``) is written directly.
    """
    _check_name(path, "-o", "write")
    try:
        current = path.stat()
    except OSError:
        current = None
    if current is not None and stat.S_ISDIR(current.st_mode):
        raise _StreamError(
            "-o", f"cannot write {_shown(path)}: it is a folder; give a file name"
        )
    try:
        if current is not None and not stat.S_ISREG(current.st_mode):
            with path.open("wb") as fh:
                fh.write(data)
            return
        target = Path(os.path.realpath(path))
        if not target.parent.is_dir():
            problem = "is not a folder" if target.parent.exists() else "does not exist"
            raise _StreamError(
                "-o",
                f"cannot write {_shown(path)}: {_shown(target.parent)} {problem}",
            )
        _replace_atomically(target, data, current)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise _StreamError("-o", f"cannot write {_shown(path)}: {reason}") from None


def _replace_atomically(
    target: Path, data: bytes, current: os.stat_result | None
) -> None:
    import secrets  # noqa: PLC0415

    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            # 0o666 less the umask: the permissions any new file gets.
            fd = os.open(temporary, flags, 0o666)
            break
        except FileExistsError:  # pragma: no cover - a 48-bit name collided
            continue
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if current is not None:  # keep the permissions of the file it replaces
            temporary.chmod(stat.S_IMODE(current.st_mode))
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _json(value: object) -> str:
    r"""JSON for output: exact, with terminal-unsafe characters as \u escapes."""
    return json_safe(json.dumps(value, ensure_ascii=False, indent=2)) + "\n"


def _write(args: argparse.Namespace, stdout: IO[Any] | None) -> int:
    from decline._builder import LetterBuilder  # noqa: PLC0415
    from decline._letter import LetterKind  # noqa: PLC0415
    from decline._plan import plan  # noqa: PLC0415
    from decline._reason import DeclineReason  # noqa: PLC0415

    data = _offer_data(args)
    offer = _offer(data)
    locale = args.locale or data.get("locale") or "en"
    tone = args.tone or data.get("tone") or "formal"
    reason_value = args.reason if args.reason is not None else data.get("reason")
    reason = (
        None
        if reason_value is None
        else DeclineReason.from_value(reason_value, locale=locale)
    )
    referral = data.get("referral")
    if isinstance(referral, Mapping):
        referral = _person(referral, "referral")
    if args.kind == "plan":
        the_plan = plan(
            offer, reason, locale=locale, tone=tone, today=args.today, referral=referral
        )
        _write_plan(the_plan, args, stdout)
        return 0
    _refuse_plan_only(args)
    builder = LetterBuilder(
        offer, locale=locale, tone=tone, reason=reason, referral=referral
    )
    kinds = list(LetterKind) if args.kind == "all" else [LetterKind.parse(args.kind)]
    letters = [builder.build(kind) for kind in kinds]
    if args.format == "json":
        payload: Any = (
            [x.to_dict() for x in letters]
            if args.kind == "all"
            else letters[0].to_dict()
        )
        _emit(_json(payload), args.output, stdout)
    elif args.format == "eml":
        if len(letters) != 1:
            raise FieldError("--format", "eml writes one letter; choose --kind")
        # The very bytes to_email() verified by reading them back.
        _emit(bytes(letters[0].to_email(draft=args.draft)), args.output, stdout)
    elif args.format == "html":
        html = "\n".join(x.to_html(chrome=args.chrome) for x in letters)
        if not args.fragment:
            from decline.render.html import document  # noqa: PLC0415

            html = document(
                html,
                lang=letters[0].locale.replace("_", "-"),
                title=letters[0].subject,
            )
        _emit(html, args.output, stdout)
    else:
        render = {
            "text": lambda x: x.to_text(),
            "markdown": lambda x: x.to_markdown(),
        }
        _emit("\n".join(render[args.format](x) for x in letters), args.output, stdout)
    return 0


def _refuse_plan_only(args: argparse.Namespace) -> None:
    """Name a --format or option that only a plan (or another format) takes."""
    if args.format == "ics":
        raise FieldError("--format", "ics writes the plan; add --kind plan")
    if args.timezone is not None:
        raise FieldError("--timezone", "dates the plan's calendar; add --kind plan")
    if args.draft and args.format != "eml":
        raise FieldError("--draft", "writes an e-mail draft; add --format eml")
    if (args.fragment or not args.chrome) and args.format != "html":
        option = "--fragment" if args.fragment else "--no-chrome"
        raise FieldError(option, "shapes HTML output; add --format html")


def _write_plan(
    the_plan: Any, args: argparse.Namespace, stdout: IO[Any] | None
) -> None:
    """Write a plan as text, Markdown, HTML, JSON or iCalendar."""
    if args.draft or not args.chrome:
        option = "--draft" if args.draft else "--no-chrome"
        raise FieldError(option, "shapes a single letter, not a plan; choose --kind")
    if args.timezone is not None and args.format != "ics":
        raise FieldError("--timezone", "dates the plan's calendar; add --format ics")
    if args.fragment and args.format != "html":
        raise FieldError("--fragment", "shapes HTML output; add --format html")
    if args.format == "eml":
        raise FieldError(
            "--format", "a plan is written as text, markdown, html, json or ics"
        )
    if args.format == "ics":
        data: str | bytes = the_plan.to_ics(timezone=args.timezone)
    elif args.format == "json":
        data = _json(the_plan.to_dict())
    elif args.format == "markdown":
        data = the_plan.to_markdown()
    elif args.format == "html":
        data = the_plan.to_html(document=not args.fragment)
    else:
        data = the_plan.to_text()
    _emit(data, args.output, stdout)


def _read_draft(
    file: str, stdin: IO[Any] | None, *, raw: bool = False
) -> tuple[str | bytes, str]:
    """The draft named on the command line, and its name for the output.

    Standard input and files are read alike: as bytes, decoded as strict UTF-8 —
    unless *raw* (an e-mail, which says its own encodings).
    """
    from decline.guidance import MAX_TEXT_CHARS  # noqa: PLC0415

    limit = 4 * MAX_TEXT_CHARS  # UTF-8 needs at most four bytes a character
    if file == "-":
        name = "<stdin>"
        if stdin is None:
            raise _StreamError(
                "FILE", "cannot read <stdin>: standard input is closed; give a file"
            )
        source = getattr(stdin, "buffer", stdin)
        try:
            data: str | bytes = source.read(limit + 1)
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise _StreamError("FILE", f"cannot read <stdin>: {reason}") from None
    else:
        name = file
        data = _read_bytes(Path(file), "FILE", limit)
    if len(data) > limit:
        raise FieldError(
            "text",
            f"{visible(name)} is over {limit} bytes; check() reads at most "
            f"{MAX_TEXT_CHARS} characters: split it or check the letter alone",
        )
    shown = name if file == "-" else _shown(file)
    if raw:
        return (data.encode("utf-8") if isinstance(data, str) else data), name
    text = data if isinstance(data, str) else _decode(data, "FILE", shown)
    return text, name


def _split(values: Sequence[str] | None) -> tuple[str, ...]:
    """Values of a repeatable option, each also split on commas: ``a,b`` is two."""
    return tuple(
        item.strip()
        for value in values or ()
        for item in value.split(",")
        if item.strip()
    )


def _check(
    args: argparse.Namespace,
    stdout: IO[Any] | None,
    stdin: IO[Any] | None,
    err: IO[Any] | None,
) -> int:
    """``decline check``: every error is exit 2, findings at the fail level exit 1."""
    try:
        return _check_paths(args, stdout, stdin, err)
    except (DeclineError, ValueError, TypeError) as exc:
        raise _CheckError(_error_lines(exc)) from None


def _check_paths(
    args: argparse.Namespace,
    stdout: IO[Any] | None,
    stdin: IO[Any] | None,
    err: IO[Any] | None,
) -> int:
    import attrs  # noqa: PLC0415

    from decline import _lint  # noqa: PLC0415
    from decline.guidance import RULES  # noqa: PLC0415
    from decline.guidance._engine import _selectors  # noqa: PLC0415
    from decline.guidance._suppress import split_selectors  # noqa: PLC0415

    if not args.paths:
        raise _StreamError("PATH", "give a draft, a folder or - for standard input")
    select, ignore = _split(args.select), _split(args.ignore)
    _selectors(select, "--select", RULES)
    _selectors(split_selectors(ignore)[0], "--ignore", RULES)
    configs = _lint.Configs(args.config, isolated=args.isolated)
    project = configs.project()
    _check_config_rules([project, *map(configs.for_draft, args.paths)])
    settings = _lint.Settings(
        locale=args.locale,
        kind=args.kind,
        input_format=args.input_format,
        offer=_offer(_offer_data(args)) if args.offer else None,
        select=select,
        ignore=ignore,
        today=args.today,
    )
    files, missing = _lint.collect(
        args.paths,
        include=_split(args.include) or project.include or _lint.DEFAULT_INCLUDE,
        exclude=(*project.exclude, *_split(args.exclude)),
    )
    if not files and not missing:
        raise _StreamError(
            "PATH",
            f"found no drafts to check in {', '.join(map(_shown, args.paths))}; "
            "name the files, or say which to look for with --include",
        )
    drafts = []
    for path in files:
        if path == "-":
            fmt = args.input_format or "plain"
            text, name = _read_draft("-", stdin, raw=fmt == "eml")
            own = attrs.evolve(settings, config=configs.for_draft(None))
            drafts.append(_lint.Draft(name, own, text=text))
        else:
            own = attrs.evolve(settings, config=configs.for_draft(path))
            drafts.append(_lint.Draft(path, own, path=path))
    results = _lint.check_drafts(drafts, jobs=args.jobs)
    if args.fix or args.diff:
        fixed = _fix_drafts(args, drafts, results, stdout)
        if args.diff:
            failed = [(r.name, r.error) for r in results if r.error is not None]
            for name, reason in [*failed, *missing]:
                _say(err, f"{visible(name)}: {reason}")
            return 2 if failed or missing else int(fixed > 0)
        if fixed:  # report what the fixes left
            results = _lint.check_drafts(drafts, jobs=args.jobs)
    return _check_results(args, project, results, missing, stdout, err)


def _check_results(  # noqa: PLR0917 - the parts of one run
    args: argparse.Namespace,
    project: Any,
    results: list[Any],
    missing: Sequence[tuple[str, str]],
    stdout: IO[Any] | None,
    err: IO[Any] | None,
) -> int:
    """Print the findings and errors of a run; its exit status."""
    from decline import _lint  # noqa: PLC0415

    results += [_lint.FileResult(path, error=reason) for path, reason in missing]
    results.sort(key=lambda r: r.name)
    for result in results:
        if result.error is not None:
            _say(err, f"{visible(result.name)}: {result.error}")
    fail_on = args.fail_on or project.fail_on or "error"
    _emit(_check_output(args, results, fail_on), args.output, stdout)
    return _lint.exit_code(results, fail_on)


def _check_config_rules(configs: Sequence[Any]) -> None:
    """Refuse a settings file's select or ignore that names no rule, naming the file."""
    from decline.guidance import RULES  # noqa: PLC0415
    from decline.guidance._engine import _selectors  # noqa: PLC0415
    from decline.guidance._suppress import split_selectors  # noqa: PLC0415

    for config in configs:
        if config is not None and config.path is not None:
            _selectors(config.select, f"{config.path}: select", RULES)
            ignore = split_selectors(config.ignore)[0]
            _selectors(ignore, f"{config.path}: ignore", RULES)


def _check_output(args: argparse.Namespace, results: list[Any], fail_on: str) -> str:
    from decline import _lint  # noqa: PLC0415

    if args.format == "json":
        return _lint.json_document(results, fail_on=fail_on)
    if args.format == "sarif":
        return _lint.sarif(results)
    if args.format == "github":
        return _lint.github(results)
    return _check_report_text(args, results)


def _check_report_text(args: argparse.Namespace, results: list[Any]) -> str:
    from decline import _lint  # noqa: PLC0415

    checked = [r for r in results if r.report is not None]
    body = (
        _lint.statistics(checked)
        if args.statistics
        else _lint.text(checked, show_suppressed=args.show_suppressed)
    )
    asked = args.statistics or any(r.diagnostics or r.suppressed for r in checked)
    if checked and asked and not args.quiet:
        body += _lint.summary(checked)
    return body


class _ExplainRequest(Exception):  # noqa: N818 - a request, not an error
    """``--explain RULE`` was given: print the rule's page instead of checking."""

    def __init__(self, rule: str) -> None:
        self.rule = rule
        super().__init__(rule)


class _Explain(argparse.Action):
    """``--explain RULE``: needs no draft, so it ends the parsing, as --version does."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        from decline._rulebook import unknown_rule  # noqa: PLC0415

        rule = str(values)
        problem = unknown_rule(rule)
        if problem is not None:
            parser.error(f"argument --explain: {problem}")
        raise _ExplainRequest(rule)


def _add_fix_options(check: argparse.ArgumentParser) -> None:
    """The options of ``decline check`` that fix drafts and explain rules."""
    fixes = check.add_argument_group("fixes and help")
    fixes.add_argument(
        "--fix",
        action="store_true",
        help="write the safe fixes into the file, then report what is left",
    )
    fixes.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="with --fix or --diff, also the fixes that cut or rewrite your words",
    )
    fixes.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes as a unified diff instead of writing them "
        "(exit 1 when there is one)",
    )
    fixes.add_argument(
        "--explain",
        action=_Explain,
        metavar="RULE",
        help="print the documentation of RULE and exit",
    )


def _fix_drafts(
    args: argparse.Namespace,
    drafts: Sequence[Any],
    results: Sequence[Any],
    stdout: IO[Any] | None,
) -> int:
    """``--fix`` or ``--diff`` over every draft that was checked; how many changed."""
    changed = 0
    for draft, result in zip(drafts, results, strict=True):
        if result.report is None:
            continue
        file = "-" if draft.path is None else draft.path
        text = draft.text if draft.path is None else _read_draft(file, None)[0]
        assert text is not None  # noqa: S101 - standard input was read before
        found = _fix(
            args,
            file=file,
            text=text,
            name=draft.name,
            report=result.report,
            stdout=stdout,
        )
        if found is not None:
            changed += 1
    return changed


def _fix(
    args: argparse.Namespace,
    *,
    file: str,
    text: str | bytes,
    name: str,
    report: Report,
    stdout: IO[Any] | None,
) -> str | None:
    """Apply *report*'s fixes (``--fix``) or print them (``--diff``).

    Returns the fixed text, or ``None`` when there was nothing to fix.
    """
    from decline._fixes import apply_fixes, unified_diff  # noqa: PLC0415

    option = "--diff" if args.diff else "--fix"
    shown = name if file == "-" else _shown(file)
    if args.fix and file == "-":
        raise _StreamError(
            "--fix",
            "cannot write fixes back to standard input; give a file or use --diff",
        )
    if isinstance(text, bytes) or report.text != text:
        raise _StreamError(
            option,
            f"cannot fix {shown}: an e-mail's body may be encoded, so its fixes cannot "
            "be written back; fix the text and check it again",
        )
    result = apply_fixes(report, unsafe=args.unsafe_fixes)
    err = getattr(args, "err", None)
    if result.skipped_unsafe:
        rules = ", ".join(sorted({d.rule for d in result.skipped_unsafe}))
        _say(
            err,
            f"{visible(shown)}: {_count_fixes(len(result.skipped_unsafe), 'unsafe fix')} left out "
            f"({rules}); add --unsafe-fixes to apply them",
            "note",
        )
    if not result.changed:
        return None
    if args.diff:
        diff = unified_diff(text, result.text, name)
        _emit("".join(visible(line) + "\n" for line in diff.splitlines()), None, stdout)
        return result.text
    path = Path(file)
    data = result.text
    with contextlib.suppress(OSError):
        if b"\r\n" in path.read_bytes():
            data = data.replace("\n", "\r\n")  # the file's own line ends
    try:
        _replace_atomically(
            Path(os.path.realpath(path)), data.encode("utf-8"), path.stat()
        )
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise _StreamError("--fix", f"cannot write {shown}: {reason}") from None
    _say(
        err,
        f"{visible(shown)}: applied {_count_fixes(len(result.applied), 'fix')}",
        "note",
    )
    return result.text


def _count_fixes(count: int, noun: str) -> str:
    """*count* and *noun* (``fix``), in the plural when it is not one."""
    return f"{count} {noun}" + ("" if count == 1 else "es")


def _rules(args: argparse.Namespace, stdout: IO[Any] | None) -> int:
    from decline._rulebook import rule_rows  # noqa: PLC0415

    rows = rule_rows()
    if args.format == "json":
        _emit(_json(rows), None, stdout)
        return 0
    lines = []
    for row in rows:
        guidance = ", ".join(row["guidance"]) or "-"
        lines.append(f"{row['id']}\t{row['severity']}\t{guidance}\t{row['summary']}\n")
        example = row["example"]
        if example is not None:
            first = " / ".join(
                line for line in example["text"].strip().split("\n") if line
            )
            if len(first) > 100:
                first = first[:97] + "..."
            lines.append(
                f"    e.g. ({example['locale']}, {example['kind']}): {visible(first)}\n"
            )
    _emit("".join(lines), None, stdout)
    return 0


def _explain(rule: str, stdout: IO[Any] | None) -> int:
    from decline._rulebook import explain  # noqa: PLC0415

    _emit(_visible_lines(explain(rule)), None, stdout)
    return 0


def _visible_lines(text: str) -> str:
    """*text* with each line made safe for a terminal (its line ends kept)."""
    return "".join(visible(line) + "\n" for line in text.split("\n")[:-1])


def _locales(args: argparse.Namespace, stdout: IO[Any] | None) -> int:
    from babel import Locale  # noqa: PLC0415

    from decline._i18n import available_locales  # noqa: PLC0415

    rows = []
    for code in available_locales():
        locale = Locale.parse(code)
        english, native = locale.get_display_name("en"), locale.get_display_name(code)
        rows.append({"code": code, "english": english or "", "native": native or ""})
    if args.format == "json":
        _emit(_json(rows), None, stdout)
        return 0
    lines = [
        f"{row['code']}\t{visible(row['english'])}\t{visible(row['native'])}\n"
        for row in rows
    ]
    _emit("".join(lines), None, stdout)
    return 0


def _tones(args: argparse.Namespace, stdout: IO[Any] | None) -> int:
    from decline.tones import all_tones  # noqa: PLC0415

    rows = [
        {
            "name": t.name,
            "description": t.description,
            "base": t.base.name if t.base else None,
            "locales": list(t.locales),
            "source": t.source,
        }
        for t in all_tones()
    ]
    if args.format == "json":
        _emit(_json(rows), None, stdout)
        return 0
    lines = []
    for row in rows:
        base = f" (from {row['base']})" if row["base"] else ""
        locales = ", ".join(map(str, row["locales"] or ())) or "all"
        head = f"{row['name']}{base} [{row['source']}; locales: {locales}]"
        lines.append(f"{visible(head)}\n    {visible(str(row['description']))}\n")
    _emit("".join(lines), None, stdout)
    return 0


# Options given more than once collect their values in a list.
_REPEATABLE = frozenset(
    {"link", "interviewer", "select", "ignore", "paths", "include", "exclude"}
)


def _refuse_lone_separator(args: argparse.Namespace) -> None:
    """Name the option whose value was a lone ``--``.

    argparse reads ``--company=--`` as "the options end here" and hands over an
    empty list instead of the text; say so instead of failing on the list later.
    """
    for name, value in vars(args).items():
        values = (value or ()) if name in _REPEATABLE else (value,)
        if any(isinstance(v, list) for v in values):
            raise FieldError(
                "--" + name.replace("_", "-"),
                "got a lone '--', which the command line reads as the end of the "
                "options; give the value another way (for example in an --offer file)",
            )


@contextlib.contextmanager
def _plugin_warnings(err: IO[Any] | None) -> Iterator[None]:
    """Show each tone plugin that was left out as one ``decline: warning:`` line.

    The registry warns (a :class:`RuntimeWarning`) about a plugin it cannot use;
    the command line says so in its own words instead of Python's warning format,
    and hands every other warning back to Python.
    """
    from decline._registry import PluginWarning  # noqa: PLC0415 - loaded already

    try:
        with warnings.catch_warnings(record=True) as caught:
            yield
    finally:
        for warning in caught:
            if issubclass(warning.category, PluginWarning):
                _say(err, visible(str(warning.message)), "warning")
            else:
                warnings.warn_explicit(
                    warning.message, warning.category, warning.filename, warning.lineno
                )


def _error_lines(exc: BaseException) -> str:
    """The message of *exc* for standard error, each line safe for a terminal."""
    lines = str(exc).split("\n")
    return "\n".join(visible(line) for line in lines)


def _say(err: IO[Any] | None, message: str, level: str = "error") -> None:
    """Write one message to standard error, if it can be written at all."""
    if err is None:
        return
    try:
        err.write(f"decline: {level}: {message}\n")
        err.flush()
    except (OSError, ValueError):
        pass


def _silence(stream: IO[Any] | None) -> None:
    """Point *stream*'s file descriptor at the null device.

    Python flushes standard output once more at exit; after the reader has closed
    the pipe that flush would fail again and print a traceback-like warning.
    """
    try:
        fd = stream.fileno() if stream is not None else -1
    except (OSError, ValueError, AttributeError):
        return
    if fd < 0:
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: IO[Any] | None = None,
    stderr: IO[Any] | None = None,
    stdin: IO[Any] | None = None,
) -> int:
    """Run the command line; return the exit code.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).
        stdout: Where output goes (default: :data:`sys.stdout`).
        stderr: Where errors go (default: :data:`sys.stderr`).
        stdin: Where ``decline check -`` reads from (default: :data:`sys.stdin`):
            a text stream with a ``buffer``, a binary stream, or a text stream
            such as :class:`io.StringIO`.

    Returns:
        0 on success; 1 when an input was refused or ``check`` found something at
        its fail level; 2 on bad usage, when a file or stream cannot be read or
        written, or when ``check`` cannot use an input.
    """
    out = sys.stdout if stdout is None else stdout
    err = sys.stderr if stderr is None else stderr
    parser = _parser()
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
            code = int(exc.code or 0)
        except _ExplainRequest as request:
            code = _explain(request.rule, out)
        else:
            args.err = err
            with _plugin_warnings(err):
                code = _run(args, out, sys.stdin if stdin is None else stdin, err)
        try:
            if out is not None:
                out.flush()
        except BrokenPipeError:
            raise _PipeClosedError from None
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise _StreamError(
                "standard output", f"cannot be written: {reason}"
            ) from None
    except _PipeClosedError:
        _silence(out)
        _say(
            err,
            "standard output: the program reading it closed the pipe before "
            "everything was written",
        )
        return 2
    except _StreamError as exc:
        _say(err, _error_lines(exc))
        return 2
    except (DeclineError, ValueError, TypeError) as exc:
        _say(err, _error_lines(exc))
        return 1
    return code


def _run(
    args: argparse.Namespace,
    out: IO[Any] | None,
    stdin: IO[Any] | None,
    err: IO[Any] | None = None,
) -> int:
    _refuse_lone_separator(args)
    if args.command == "write":
        return _write(args, out)
    if args.command == "check":
        return _check(args, out, stdin, err)
    if args.command == "locales":
        return _locales(args, out)
    if args.command == "rules":
        return _rules(args, out)
    return _tones(args, out)


def command() -> int:
    """The ``decline`` console script and ``python -m decline``: :func:`main`, then exit.

    The process ends right after, and every object it made ends with it; the
    interpreter's garbage collections at exit would walk them all once more (about
    40 ms of a cold ``decline check``, most of it the compiled locale data). They
    are frozen instead (:func:`gc.freeze`), so exiting only frees the memory.
    ``atexit`` handlers and the flushing of standard output and error still run.
    :func:`main` itself leaves the collector alone: programs and tests call it.

    Returns:
        The exit code of :func:`main`.
    """
    try:
        return main()
    finally:
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(command())
