"""Reading ``data/<locale>.toml``: validation that names the file and the key.

:func:`load_data` reads, validates and caches one locale's data file; every problem
(an unknown table, a missing key, a wrong type, a duplicate entry) is a
``ValueError`` that names the file and the key, so a translator can fix it.
"""

from __future__ import annotations

import functools
import re
import sys
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Protocol

from decline._analysis._common import type_name, widen
from decline._analysis.lexicon import (
    HONORIFIC_GENDERS,
    PLACEHOLDER_FIELDS,
    REASON_KINDS,
    REQUIRED_LISTS,
    SCHEMA,
    LocaleData,
)
from decline._analysis.phrases import PhraseSet
from decline._analysis.tokens import fold

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["available_data", "load_data"]

_TABLES: Final = (
    "meta",
    "sentences",
    "lexicon",
    "reason_kinds",
    "placeholders",
    "honorifics",
    "reading",
)


class _DataFile(Protocol):
    @property
    def name(self) -> str: ...

    def read_bytes(self) -> bytes: ...


_META_KEYS: Final = {"locale": str, "schema": int, "negation_scope": int}
_SENTENCE_KEYS: Final = {
    "abbreviations": list,
    "before_numbers": list,
    "titles": list,
    "months": list,
    "enders": list,
    "starters": list,
    "elisions": list,
    "ordinal_numbers": bool,
}
# The optional [reading] table: how a reply's attribution line begins and its verb.
_READING_KEYS: Final = ("reply_openers", "reply_verbs")
# Keys a data file may leave out; each reads as an empty list.
_OPTIONAL_SENTENCE_KEYS: Final = {"list_enders": list, "abbreviation_endings": list}
_ABBREVIATION: Final = re.compile(r"\w+(?:[./]\w+)*")
_LOCALE_ID: Final = re.compile(r"[a-z]{2,3}(?:_[A-Za-z0-9]{2,8})*")
_MAX_SCOPE: Final = 20
_MIN_ENDING: Final = 2


class _Reader:
    """Validating access to a parsed data file; errors name the file and the key."""

    def __init__(self, file: str, doc: Mapping[str, Any]) -> None:
        self.file = file
        self.doc = doc

    def fail(self, where: str, problem: str) -> ValueError:
        return ValueError(f"{self.file}: {where}: {problem}")

    def table(
        self, name: str, keys: Iterable[str], optional: Iterable[str] = ()
    ) -> Mapping[str, Any]:
        value = self.doc.get(name)
        if not isinstance(value, dict):
            problem = (
                "missing table"
                if value is None
                else f"expected a table, got {type_name(value)}"
            )
            raise self.fail(f"[{name}]", problem)
        required = set(keys)
        allowed = required | set(optional)
        for key in value:
            if key not in allowed:
                raise self.fail(
                    f"[{name}] {key}",
                    f"unknown key (expected: {', '.join(sorted(allowed))})",
                )
        for key in sorted(required - set(value)):
            raise self.fail(f"[{name}] {key}", "missing required key")
        return value

    def scalar(self, table: str, key: str, value: object, kind: type) -> Any:
        if type(value) is not kind:
            raise self.fail(
                f"[{table}] {key}", f"expected {kind.__name__}, got {type_name(value)}"
            )
        return value

    def strings(
        self, table: str, key: str, value: object, *, allow_empty: bool = False
    ) -> list[str]:
        if not isinstance(value, list):
            raise self.fail(
                f"[{table}] {key}",
                f"expected a list of strings, got {type_name(value)}",
            )
        if not value and not allow_empty:
            raise self.fail(f"[{table}] {key}", "the list is empty")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise self.fail(
                    f"[{table}] {key}[{i}]", f"expected a string, got {type_name(item)}"
                )
            if not item.strip():
                raise self.fail(f"[{table}] {key}[{i}]", "empty string")
        return value

    def words(
        self,
        key: str,
        value: object,
        *,
        table: str = "sentences",
        allow_empty: bool = False,
    ) -> frozenset[str]:
        """Read a list of single words: abbreviations, titles, months, elisions."""
        out: set[str] = set()
        items = self.strings(table, key, value, allow_empty=allow_empty)
        for i, item in enumerate(items):
            word = fold(re.sub(r"\.\s+", ".", item.strip()))
            if word.endswith(".") or not _ABBREVIATION.fullmatch(word):
                problem = f"{item!r}: write it without its final full stop"
                raise self.fail(f"[{table}] {key}[{i}]", problem)
            if word in out:
                raise self.fail(f"[{table}] {key}[{i}]", f"{item!r} is listed twice")
            out.add(word)
        return frozenset(out)

    def endings(self, key: str, value: object) -> tuple[str, ...]:
        """Read word endings (letters only, lower case), longest first."""
        items = self.strings("sentences", key, value, allow_empty=True)
        out: list[str] = []
        for i, item in enumerate(items):
            ending = fold(item.strip())
            if not ending.isalpha() or len(ending) < _MIN_ENDING:
                problem = f"{item!r}: an ending is {_MIN_ENDING} or more letters, no full stop"
                raise self.fail(f"[sentences] {key}[{i}]", problem)
            if ending in out:
                raise self.fail(f"[sentences] {key}[{i}]", f"{item!r} is listed twice")
            out.append(ending)
        return tuple(sorted(out, key=len, reverse=True))

    def phrases_of(self, table: str, key: str, value: object) -> tuple[str, ...]:
        """Read a list of lower-case phrases of one or more words (may be empty)."""
        items = self.strings(table, key, value, allow_empty=True)
        out: list[str] = []
        for i, item in enumerate(items):
            phrase = fold(" ".join(item.split()))
            if phrase in out:
                raise self.fail(f"[{table}] {key}[{i}]", f"{item!r} is listed twice")
            out.append(phrase)
        return tuple(out)

    def keywords(self, table: str, key: str, value: object) -> tuple[str, ...]:
        """Read a list of lower-case keywords, matched as substrings."""
        out = tuple(
            fold(" ".join(item.split())) for item in self.strings(table, key, value)
        )
        for i, item in enumerate(out):
            if item in out[:i]:
                raise self.fail(f"[{table}] {key}[{i}]", f"{item!r} is listed twice")
        return out

    def phrase_set(self, table: str, key: str, value: object) -> PhraseSet:
        try:
            return PhraseSet(self.strings(table, key, value))
        except ValueError as exc:
            raise self.fail(f"[{table}] {key}", str(exc)) from None


def _load_data_file(path: _DataFile, locale: str) -> LocaleData:
    """Read and validate a locale data file.

    Args:
        path: A :class:`pathlib.Path` or an ``importlib.resources`` traversable.
        locale: The locale the file must declare in ``[meta] locale``.

    Returns:
        The compiled data.

    Raises:
        ValueError: If the file is not UTF-8 TOML, or a table or key is missing,
            unknown or of the wrong type; the message names the file and the key.
    """
    name = path.name
    try:
        doc = tomllib.loads(path.read_bytes().decode("utf-8"))
    except ValueError as exc:  # TOMLDecodeError and UnicodeDecodeError
        msg = f"{name}: not a valid UTF-8 TOML file: {exc}"
        raise ValueError(msg) from None
    read = _Reader(name, doc)
    for table in doc:
        if table not in _TABLES:
            raise read.fail(
                f"[{table}]",
                f"unknown table (expected: {', '.join(sorted(_TABLES))})",
            )

    meta = read.table("meta", _META_KEYS)
    for key, kind in _META_KEYS.items():
        read.scalar("meta", key, meta[key], kind)
    if meta["schema"] != SCHEMA:
        raise read.fail(
            "[meta] schema",
            f"unsupported schema {meta['schema']} (this version reads {SCHEMA})",
        )
    if meta["locale"] != locale:
        raise read.fail(
            "[meta] locale",
            f"declares {meta['locale']!r} but the file is for {locale!r}",
        )
    if not 1 <= meta["negation_scope"] <= _MAX_SCOPE:
        raise read.fail(
            "[meta] negation_scope",
            f"expected 1 to {_MAX_SCOPE}, got {meta['negation_scope']}",
        )

    sentences = read.table("sentences", _SENTENCE_KEYS, _OPTIONAL_SENTENCE_KEYS)
    ordinal_numbers = read.scalar(
        "sentences", "ordinal_numbers", sentences["ordinal_numbers"], bool
    )
    lexicon = read.table("lexicon", REQUIRED_LISTS)
    kinds = read.table("reason_kinds", REASON_KINDS)
    fields = read.table("placeholders", PLACEHOLDER_FIELDS)
    honorifics = read.table("honorifics", HONORIFIC_GENDERS)
    reading = read.table("reading", (), _READING_KEYS) if "reading" in doc else {}
    return LocaleData(
        locale=locale,
        abbreviations=read.words("abbreviations", sentences["abbreviations"]),
        before_numbers=read.words("before_numbers", sentences["before_numbers"]),
        titles=read.words("titles", sentences["titles"]),
        months=read.words("months", sentences["months"]),
        enders=read.words("enders", sentences["enders"]),
        starters=read.words("starters", sentences["starters"]),
        elisions=read.words("elisions", sentences["elisions"], allow_empty=True),
        honorifics=MappingProxyType(
            {
                k: read.words(k, honorifics[k], table="honorifics", allow_empty=True)
                for k in HONORIFIC_GENDERS
            }
        ),
        list_enders=read.words(
            "list_enders", sentences.get("list_enders", []), allow_empty=True
        ),
        abbreviation_endings=read.endings(
            "abbreviation_endings", sentences.get("abbreviation_endings", [])
        ),
        reply_openers=read.words(
            "reply_openers",
            reading.get("reply_openers", []),
            table="reading",
            allow_empty=True,
        ),
        reply_verbs=read.phrases_of(
            "reading", "reply_verbs", reading.get("reply_verbs", [])
        ),
        ordinal_numbers=ordinal_numbers,
        negation_scope=meta["negation_scope"],
        lexicon=MappingProxyType(
            {k: read.phrase_set("lexicon", k, lexicon[k]) for k in REQUIRED_LISTS}
        ),
        reason_kinds=MappingProxyType(
            {k: read.phrase_set("reason_kinds", k, kinds[k]) for k in REASON_KINDS}
        ),
        placeholders=MappingProxyType(
            {k: read.keywords("placeholders", k, fields[k]) for k in PLACEHOLDER_FIELDS}
        ),
    )


def _data_dir() -> Any:  # an importlib.resources Traversable
    return resources.files("decline._analysis") / "data"


@functools.lru_cache(maxsize=1)
def available_data() -> tuple[str, ...]:
    """Return the locales that have a data file, sorted.

    Returns:
        Locale identifiers such as ``("da", "en")``.
    """
    names = (entry.name for entry in _data_dir().iterdir())
    return tuple(
        sorted(name[: -len(".toml")] for name in names if name.endswith(".toml"))
    )


@functools.cache
def load_data(locale: str) -> LocaleData:
    """Load, validate and cache the data file of ``locale``.

    Args:
        locale: A locale with a data file, e.g. ``"en"`` (see :func:`available_data`).

    Returns:
        The compiled data; the same object on every call for a locale.

    Raises:
        TypeError: If ``locale`` is not a string.
        LookupError: If there is no data file for ``locale``.
        ValueError: If the data file is invalid (the message names the file and key).
    """
    if not isinstance(widen(locale), str):
        msg = f"locale must be a string, got {type_name(locale)}"
        raise TypeError(msg)
    if not _LOCALE_ID.fullmatch(locale) or locale not in available_data():
        known = ", ".join(available_data())
        msg = f"no guidance data for locale {locale!r} (available: {known})"
        raise LookupError(msg)
    return _load_data_file(_data_dir() / f"{locale}.toml", locale)
