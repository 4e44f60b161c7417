"""Project settings for checking drafts: ``[tool.decline]`` or ``.decline.toml``.

:meth:`Config.discover` walks up from a draft (or a folder) to the first folder
with a ``.decline.toml`` (its top level is the settings) or a ``pyproject.toml``
with a ``[tool.decline]`` table, as ruff and Vale find theirs::

    [tool.decline]
    locale = "da"               # or "auto"
    kind = "confirmation"       # reason, letter, call_script, confirmation, thank_you
    tone = "warm"
    select = ["letter", "note"] # rule ids or prefixes
    ignore = ["timing.prompt"]
    fail-on = "warning"         # error (default), warning or info
    include = ["*.md", "*.txt"] # what a folder is searched for
    exclude = ["archive"]

    [tool.decline.per-file."english/*"]   # globs relative to the file's folder
    locale = "en"
    ignore = ["letter.too-long"]

A key the file does not know, or a value of the wrong type or outside what the key
allows, is a :class:`~decline.FieldError` naming the file, the key and what is
allowed.
"""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from decline import _i18n
from decline._errors import DeclineError, FieldError
from decline._letter import LetterKind
from decline._registry import get_tone

__all__ = ["CONFIG_FILES", "FAIL_LEVELS", "Config"]

#: The files :meth:`Config.discover` looks for in each folder, in this order.
CONFIG_FILES = (".decline.toml", "pyproject.toml")

#: The most a settings file may hold, in bytes.
MAX_CONFIG_BYTES = 1 << 20

#: The values of ``fail-on`` (and ``--fail-on``): the lowest severity that fails.
FAIL_LEVELS = ("error", "warning", "info")
_FAIL_LEVELS = FAIL_LEVELS
_KINDS = ("reason", "letter", "call_script", "confirmation", "thank_you")
_LISTS = ("select", "ignore", "include", "exclude")
_PER_FILE_KEYS = ("locale", "kind", "tone", "select", "ignore")
_KEYS = (*_PER_FILE_KEYS, "fail-on", "include", "exclude", "per-file")


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


@attrs.frozen
class Config:
    """Settings for :func:`~decline.check` and ``decline check``, from a file or by hand.

    Every field left ``None`` (or empty) leaves the choice to the caller's
    argument or the default. Pass a config to :func:`~decline.check` as
    ``config=``; arguments given to ``check()`` win over it.

    Attributes:
        locale: The drafts' language, or ``"auto"``.
        kind: What the drafts are.
        tone: The tone whose word limits apply.
        select: Run only these rules (ids or prefixes).
        ignore: Skip these rules.
        fail_on: The lowest severity that fails ``decline check``.
        include: What a folder is searched for (``None``: the defaults).
        exclude: What a folder's search leaves out, besides the defaults.
        per_file: Overrides by glob, relative to :attr:`root`, in file order.
        path: The file the settings were read from, if any.

    Examples:
        >>> from decline import check
        >>> config = Config(locale="en", kind="reason", ignore=("reason.one-sentence",))
        >>> check("It was far. And slow.", config=config).ok
        True
    """

    locale: str | None = None
    kind: str | None = None
    tone: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()
    per_file: tuple[tuple[str, Mapping[str, Any]], ...] = ()
    path: Path | None = None

    @property
    def root(self) -> Path | None:
        """The folder of :attr:`path`, where per-file globs start."""
        return None if self.path is None else self.path.parent

    @classmethod
    def load(cls, path: str | Path) -> Config:
        """Read the settings of one file: a ``.decline.toml``, or a ``pyproject.toml``.

        A ``pyproject.toml`` without a ``[tool.decline]`` table gives the defaults.

        Raises:
            FieldError: The file cannot be read, is not TOML, or has a key or value
                it may not have; the message names the file and the key.
        """
        where = Path(path)
        table = _read_table(where)
        return _from_table(where, table or {})

    @classmethod
    def discover(cls, path: str | Path = ".") -> Config:
        """The settings that govern *path*: the nearest settings file above it.

        For a file, the per-file overrides that match it are applied, so the result
        can be passed to :func:`~decline.check` as it is; for a folder they are kept
        for :meth:`for_file`. No settings file at all gives the defaults.
        """
        where = Path(path).absolute()
        start = where if where.is_dir() else where.parent
        for folder in (start, *start.parents):
            for name in CONFIG_FILES:
                candidate = folder / name
                if not candidate.is_file():
                    continue
                table = _read_table(candidate)
                if table is None:  # a pyproject.toml without [tool.decline]
                    continue
                found = _from_table(candidate, table)
                return found if where.is_dir() else found.for_file(where)
        return cls()

    def for_file(self, path: str | Path) -> Config:
        """These settings with the per-file overrides that match *path* applied.

        A glob matches the path relative to :attr:`root` (``/`` between folders)
        or the file's name; overrides apply in the file's order, later ones
        winning. The result has no overrides left.
        """
        if not self.per_file:
            return self
        target = Path(path).absolute()
        relative = target.name
        if self.root is not None:
            try:
                relative = target.relative_to(self.root.absolute()).as_posix()
            except ValueError:
                relative = target.name
        changes: dict[str, Any] = {}
        for glob, values in self.per_file:
            if fnmatch.fnmatchcase(relative, glob) or fnmatch.fnmatchcase(
                target.name, glob
            ):
                changes.update(values)
        return attrs.evolve(self, per_file=(), **changes)


def _toml() -> Any:
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415
    else:  # pragma: no cover
        import tomli as tomllib  # noqa: PLC0415
    return tomllib


def _read_table(path: Path) -> dict[str, Any] | None:
    """The settings table of a file; ``None`` for a pyproject.toml without one."""
    shown = str(path)
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_CONFIG_BYTES + 1)
    except OSError as exc:
        raise FieldError(shown, f"cannot read it: {exc.strerror}") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise FieldError(shown, f"is over {MAX_CONFIG_BYTES} bytes")
    tomllib = _toml()
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise FieldError(shown, "is not UTF-8 text; save it as UTF-8") from None
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        raise FieldError(shown, f"is not valid TOML: {exc}") from None
    tool = doc.get("tool")
    if path.name != "pyproject.toml" and not (
        isinstance(tool, dict) and "decline" in tool
    ):
        return dict(doc)
    if not isinstance(tool, dict) or "decline" not in tool:
        return None
    table = tool["decline"]
    if not isinstance(table, dict):
        raise FieldError(f"{shown}: [tool.decline]", "must be a table")
    return dict(table)


def _check_fail_on(value: str) -> str | None:
    if value in _FAIL_LEVELS:
        return None
    return f"{value!r} is not allowed; use {', '.join(_FAIL_LEVELS)}"


def _check_locale(value: str) -> str | None:
    if value.strip().lower() == "auto":
        return None
    try:
        _i18n.negotiate(value)
    except DeclineError:
        allowed = ", ".join(("auto", *_i18n.available_locales()))
        return f"{value!r} is not a locale; use {allowed}"
    return None


def _check_kind(value: str) -> str | None:
    if value.strip().lower() in {"reason", "letter"}:
        return None
    try:
        LetterKind.parse(value)
    except (DeclineError, ValueError):
        return f"{value!r} is not a kind; use {', '.join(_KINDS)}"
    return None


def _check_tone(value: str) -> str | None:
    try:
        get_tone(value)
    except LookupError as exc:
        return str(exc)
    return None


_STRING_CHECKS = {
    "fail-on": _check_fail_on,
    "locale": _check_locale,
    "kind": _check_kind,
    "tone": _check_tone,
}


def _checked(where: str, key: str, value: object) -> Any:
    """*value* of *key* as the config holds it, or a FieldError saying what is allowed."""
    if key in _LISTS:
        if isinstance(value, str):
            value = [value]
        if not _strings(value):
            raise FieldError(f"{where} {key}", "must be an array of strings")
        assert isinstance(value, list)  # noqa: S101 - narrowed by _strings
        return tuple(value)
    if not isinstance(value, str):
        raise FieldError(f"{where} {key}", "must be a string")
    problem = _STRING_CHECKS[key](value)
    if problem is not None:
        raise FieldError(f"{where} {key}", problem)
    return value


def _from_table(path: Path, table: Mapping[str, Any]) -> Config:
    where = f"{path}:"
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise FieldError(
            f"{where} {unknown[0]}",
            f"is not a setting; use {', '.join(_KEYS)}",
        )
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key == "per-file":
            values["per_file"] = _per_file(where, value)
        else:
            values[key.replace("-", "_")] = _checked(where, key, value)
    return Config(**values, path=path)


def _per_file(where: str, value: object) -> tuple[tuple[str, Mapping[str, Any]], ...]:
    if not isinstance(value, dict):
        raise FieldError(
            f"{where} per-file",
            'must be a table of globs, e.g. [tool.decline.per-file."drafts/*"]',
        )
    out = []
    for glob, table in value.items():
        inner = f"{where} per-file.{glob!r}"
        if not isinstance(table, dict):
            raise FieldError(inner, f"must be a table of {', '.join(_PER_FILE_KEYS)}")
        unknown = sorted(set(table) - set(_PER_FILE_KEYS))
        if unknown:
            raise FieldError(
                f"{inner}.{unknown[0]}",
                f"cannot be set per file; use {', '.join(_PER_FILE_KEYS)}",
            )
        out.append((glob, {k: _checked(inner, k, v) for k, v in table.items()}))
    return tuple(out)
