"""The command line: ``decline write``, ``decline check``, ``decline locales``, ``decline tones``.

A thin argparse front end over the public API; it has no logic of its own.

Exit codes: 0 success; 1 an input was refused (the message names the field) or
``check`` found errors; 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from decline._errors import DeclineError, FieldError

if TYPE_CHECKING:
    from decline.guidance import Diagnostic

_FORMATS = ("text", "markdown", "html", "eml", "json")
_INPUT_FORMATS = ("plain", "markdown", "html", "eml")
_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".eml": "eml",
}
_KINDS = ("call", "confirmation", "thank-you", "plan", "all")
_OFFER_KEYS = {
    "company",
    "position",
    "contact",
    "candidate",
    "received_on",
    "respond_by",
    "interviewers",
    "referral_requested",
    "reason",
    "locale",
    "tone",
}


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date; write YYYY-MM-DD"
        ) from None


def _parser() -> argparse.ArgumentParser:
    from decline import __version__  # noqa: PLC0415

    parser = argparse.ArgumentParser(
        prog="decline",
        description="Decline a job offer quickly, kindly and briefly.",
        epilog="Exit codes: 0 success, 1 refused input or errors found, 2 bad usage.",
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
        "--contact", metavar="NAME", help="the recruiter or hiring manager"
    )
    source.add_argument("--contact-email", metavar="EMAIL")
    source.add_argument("--contact-honorific", metavar="TITLE", help="e.g. Ms, Dr.")
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

    check = sub.add_parser(
        "check",
        help="check a draft against the guidance",
        description="Check a reason or letter; prints FILE:LINE:COL: RULE SEVERITY MESSAGE.",
    )
    check.add_argument(
        "file", metavar="FILE", help="the draft, or - for standard input"
    )
    check.add_argument(
        "--locale",
        default="auto",
        help="the draft's language, e.g. da, en_GB (default: auto, told from the text)",
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
    check.add_argument("--format", choices=("text", "json"), default="text")
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

    sub.add_parser("locales", help="list the languages decline writes")
    tones = sub.add_parser("tones", help="list the tones, built in and installed")
    tones.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _load_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415
    else:  # pragma: no cover
        import tomli as tomllib  # noqa: PLC0415
    try:
        with path.open("rb") as fh:
            data: dict[str, Any] = tomllib.load(fh)
    except OSError as exc:
        raise FieldError(
            "--offer", f"cannot read {str(path)!r}: {exc.strerror}"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise FieldError("--offer", f"{str(path)!r} is not valid TOML: {exc}") from None
    return data


def _person(data: object, field: str) -> Any:
    """A person from the offer file: a name, or a table like ``Letter.to_dict()``'s."""
    from decline._model import person_from_dict  # noqa: PLC0415

    if isinstance(data, str):
        data = {"name": data}
    if not isinstance(data, Mapping):
        raise FieldError(field, "must be a name or a table with name, email, …")
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
    for attr in ("email", "honorific", "phone"):
        value = getattr(args, f"{role}_{attr}", None)
        if value is not None:
            person[attr] = value
    if role == "candidate" and getattr(args, "link", None):
        person["links"] = args.link
    return person


def _offer_data(args: argparse.Namespace) -> dict[str, Any]:
    data: dict[str, Any] = _load_toml(args.offer) if args.offer else {}
    unknown = set(data) - _OFFER_KEYS
    if unknown:
        raise FieldError(
            "--offer", f"has unknown keys {sorted(unknown)}; use {sorted(_OFFER_KEYS)}"
        )
    for key in (
        "company",
        "position",
        "received_on",
        "respond_by",
        "referral_requested",
    ):
        value = getattr(args, key, None)
        if value is not None:
            data[key] = value
    for role in ("contact", "candidate"):
        person = _person_flags(args, role, data.get(role, {}))
        if person:
            data[role] = person
    if getattr(args, "interviewer", None):
        data["interviewers"] = args.interviewer
    return data


def _offer(data: Mapping[str, Any]) -> Any:
    from decline._model import Offer  # noqa: PLC0415

    for key in ("company", "position", "contact", "candidate"):
        if key not in data:
            flag = "--" + key
            raise FieldError(
                key, f"is required: pass {flag} or put it in the --offer file"
            )
    return Offer(
        company=data["company"],
        position=data["position"],
        contact=_person(data["contact"], "contact"),
        candidate=_person(data["candidate"], "candidate"),
        received_on=data.get("received_on"),
        respond_by=data.get("respond_by"),
        interviewers=tuple(
            _person(p, f"interviewers[{i}]")
            for i, p in enumerate(data.get("interviewers", ()))
        ),
        referral_requested=bool(data.get("referral_requested", False)),
    )


def _emit(text: str, output: Path | None, stdout: TextIO) -> None:
    if output is None:
        stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def _write(args: argparse.Namespace, stdout: TextIO) -> int:
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
        else DeclineReason.from_value(str(reason_value), locale=locale)
    )
    if args.kind == "plan":
        the_plan = plan(offer, reason, locale=locale, tone=tone, today=args.today)
        if args.format == "json":
            _emit(
                json.dumps(the_plan.to_dict(), ensure_ascii=False, indent=2) + "\n",
                args.output,
                stdout,
            )
        elif args.format == "text":
            _emit(the_plan.to_text(), args.output, stdout)
        else:
            raise FieldError("--format", "a plan is written as text or json")
        return 0
    builder = LetterBuilder(offer, locale=locale, tone=tone, reason=reason)
    kinds = list(LetterKind) if args.kind == "all" else [LetterKind.parse(args.kind)]
    letters = [builder.build(kind) for kind in kinds]
    if args.format == "json":
        payload: Any = (
            [x.to_dict() for x in letters]
            if args.kind == "all"
            else letters[0].to_dict()
        )
        _emit(
            json.dumps(payload, ensure_ascii=False, indent=2) + "\n",
            args.output,
            stdout,
        )
    elif args.format == "eml":
        if len(letters) != 1:
            raise FieldError("--format", "eml writes one letter; choose --kind")
        message = letters[0].to_email()
        if args.output is not None:
            args.output.write_bytes(bytes(message))
        else:
            stdout.write(message.as_string())
    else:
        render = {
            "text": lambda x: x.to_text(),
            "markdown": lambda x: x.to_markdown(),
            "html": lambda x: x.to_html(),
        }
        _emit("\n".join(render[args.format](x) for x in letters), args.output, stdout)
    return 0


def _check(args: argparse.Namespace, stdout: TextIO, stdin: TextIO) -> int:
    from decline.guidance import check  # noqa: PLC0415

    fmt = args.input_format or (
        "plain"
        if args.file == "-"
        else _EXTENSIONS.get(Path(args.file).suffix.lower(), "plain")
    )
    text: str | bytes
    if args.file == "-":
        text, name = stdin.read(), "<stdin>"
    else:
        path = Path(args.file)
        try:
            text = (
                path.read_bytes() if fmt == "eml" else path.read_text(encoding="utf-8")
            )
        except (OSError, UnicodeDecodeError) as exc:
            raise FieldError("FILE", f"cannot read {args.file!r}: {exc}") from None
        name = args.file
    offer = _offer(_offer_data(args)) if args.offer else None
    report = check(
        text,
        locale=args.locale,
        kind=args.kind,
        format=fmt,
        offer=offer,
        select=args.select,
        ignore=args.ignore,
        today=args.today,
    )
    if args.format == "json":
        stdout.write(report.to_json() + "\n")
    else:
        for d in report:
            stdout.write(
                f"{name}:{d.line}:{d.column}: {d.rule} {d.severity.value} {d.message}\n"
            )
            if d.suggestion is not None:
                stdout.write(f"    suggestion: {_describe_fix(report.text, d)}\n")
        counts = f"{len(report.errors)} errors, {len(report.warnings)} warnings, {len(report.infos)} info"
        stdout.write(f"{name}: {counts}\n")
    return 0 if report.ok else 1


def _describe_fix(text: str, diagnostic: Diagnostic) -> str:
    """A suggestion in one line: the new text, or which text to delete."""
    suggestion = (diagnostic.suggestion or "").strip().replace("\n", " / ")
    if suggestion:
        return suggestion
    start, end = diagnostic.replaces or diagnostic.span
    cut = " ".join(text[start:end].split())
    return f"delete “{cut if len(cut) <= 70 else cut[:67] + '...'}”"


def _locales(stdout: TextIO) -> int:
    from babel import Locale  # noqa: PLC0415

    from decline._i18n import available_locales  # noqa: PLC0415

    for code in available_locales():
        locale = Locale.parse(code)
        stdout.write(
            f"{code}\t{locale.get_display_name('en')}\t{locale.get_display_name(code)}\n"
        )
    return 0


def _tones(args: argparse.Namespace, stdout: TextIO) -> int:
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
        stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    for row in rows:
        base = f" (from {row['base']})" if row["base"] else ""
        locales = ", ".join(map(str, row["locales"] or ())) or "all"
        stdout.write(
            f"{row['name']}{base} [{row['source']}; locales: {locales}]\n    {row['description']}\n"
        )
    return 0


# Options given more than once collect their values in a list.
_REPEATABLE = frozenset({"link", "interviewer", "select", "ignore"})


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


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the command line; return the exit code."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    try:
        _refuse_lone_separator(args)
        if args.command == "write":
            return _write(args, out)
        if args.command == "check":
            return _check(args, out, stdin or sys.stdin)
        if args.command == "locales":
            return _locales(out)
        return _tones(args, out)
    except (DeclineError, ValueError, TypeError) as exc:
        err.write(f"decline: error: {exc}\n")
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
