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

import attrs

from decline._analysis._common import type_name, widen
from decline._analysis.constructions import EFFECTS, Construction, Constructions
from decline._analysis.lexicon import (
    HONORIFIC_GENDERS,
    PLACEHOLDER_FIELDS,
    REASON_KINDS,
    REQUIRED_LISTS,
    SCHEMA,
    LocaleData,
)
from decline._analysis.morphology import Compounds, Stemmer
from decline._analysis.phrases import BUILT_IN_LISTS, Matcher, PhraseSet
from decline._analysis.tokens import fold
from decline._analysis.tone import ToneModel, morphology_hash, read_model

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "Addressing",
    "available_data",
    "compile_data",
    "load_addressing",
    "load_data",
    "load_tone",
    "read_tone",
]

_TABLES: Final = (
    "meta",
    "sentences",
    "morphology",
    "compounds",
    "lexicon",
    "construction",
    "reason_kinds",
    "placeholders",
    "honorifics",
    "titles",
    "names",
    "company_articles",
    "reading",
)
_TITLE_KEYS: Final = (
    "known",
    "female",
    "male",
    "feminine",
    "contractions",
    "stop_after",
)
_NAME_KEYS: Final = ("capitalise_particle",)
_ARTICLE_KEYS: Final = ("legal_forms", "dative", "accusative")
_GENDERS: Final = ("f", "m", "n")
_TERRITORY: Final = re.compile(r"[A-Z]{2}|\d{3}")


class _DataFile(Protocol):
    @property
    def name(self) -> str: ...

    def read_bytes(self) -> bytes: ...


_META_KEYS: Final = {
    "locale": str,
    "schema": int,
    "negation_scope": int,
    "negation_backward": bool,
}
_MORPHOLOGY_KEYS: Final = {
    "endings": list,
    "min_stem": int,
    "passes": int,
    "fold_accents": bool,
    "undouble": bool,
    "same": list,
    "distinct": list,
}
_COMPOUND_KEYS: Final = {
    "modifiers": list,
    "heads": list,
    "exceptions": list,
    "min_rest": int,
}
_CONSTRUCTION_KEYS: Final = ("class", "effect", "patterns", "matches", "rejects")
_NAME: Final = re.compile(r"[a-z][a-z0-9_]*")
_CLASS: Final = re.compile(r"[a-z][a-z-]*")
_REFERENCE: Final = re.compile(r"(?<!\S)@([a-z][a-z0-9_]*)")
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

    def mapping(
        self,
        table: str,
        key: str,
        value: object,
        *,
        values: Iterable[str] | None = None,
    ) -> Mapping[str, str]:
        """Read an inline table of strings; keys are folded, without full stops."""
        if not isinstance(value, dict):
            raise self.fail(
                f"[{table}] {key}",
                f"expected a table of strings, got {type_name(value)}",
            )
        out: dict[str, str] = {}
        allowed = tuple(values) if values is not None else None
        for name, item in value.items():
            if not isinstance(item, str) or not item.strip():
                raise self.fail(
                    f"[{table}] {key}.{name}", "expected a non-empty string"
                )
            if allowed is not None and item not in allowed:
                raise self.fail(
                    f"[{table}] {key}.{name}",
                    f"{item!r} is not one of {', '.join(allowed)}",
                )
            folded = _fold_form(name)
            if not folded:
                raise self.fail(f"[{table}] {key}.{name}", "empty key")
            if folded in out:
                raise self.fail(f"[{table}] {key}.{name}", "listed twice")
            out[folded] = item.strip()
        return MappingProxyType(out)

    def phrase_set(
        self, table: str, key: str, value: object, stemmer: Stemmer | None = None
    ) -> PhraseSet:
        try:
            return PhraseSet(self.strings(table, key, value), stemmer=stemmer)
        except ValueError as exc:
            raise self.fail(f"[{table}] {key}", str(exc)) from None

    def number(self, table: str, key: str, value: object, low: int, high: int) -> int:
        """Read a whole number from *low* to *high*."""
        number: int = self.scalar(table, key, value, int)
        if not low <= number <= high:
            raise self.fail(
                f"[{table}] {key}", f"expected {low} to {high}, got {number}"
            )
        return number

    def morphology(self) -> Stemmer:
        """The ``[morphology]`` table as a :class:`Stemmer`."""
        table = self.table("morphology", _MORPHOLOGY_KEYS)
        endings = self.strings(
            "morphology", "endings", table["endings"], allow_empty=True
        )
        for i, ending in enumerate(endings):
            if not ending.isalpha() or fold(ending) != ending:
                raise self.fail(
                    f"[morphology] endings[{i}]",
                    f"{ending!r}: write endings in lower-case letters only",
                )
        return Stemmer(
            tuple(endings),
            min_stem=self.number("morphology", "min_stem", table["min_stem"], 2, 8),
            passes=self.number("morphology", "passes", table["passes"], 1, 3),
            fold_accents=self.scalar(
                "morphology", "fold_accents", table["fold_accents"], bool
            ),
            undouble=self.scalar("morphology", "undouble", table["undouble"], bool),
        )

    def word_groups(
        self, key: str, value: object, *, pairs: bool
    ) -> tuple[tuple[str, ...], ...]:
        """Read ``[morphology] same`` or ``distinct``: lists of words (pairs)."""
        if not isinstance(value, list):
            raise self.fail(
                f"[morphology] {key}",
                f"expected a list of lists, got {type_name(value)}",
            )
        groups = []
        for i, group in enumerate(value):
            words = self.strings("morphology", f"{key}[{i}]", group)
            if len(words) < 2 or (pairs and len(words) != 2):
                wanted = "two words" if pairs else "at least two words"
                raise self.fail(f"[morphology] {key}[{i}]", f"expected {wanted}")
            groups.append(tuple(fold(w) for w in words))
        return tuple(groups)

    def compounds(self, stemmer: Stemmer) -> Compounds:
        """The ``[compounds]`` table."""
        table = self.table("compounds", _COMPOUND_KEYS)
        parts = {}
        for key in ("modifiers", "heads", "exceptions"):
            words = self.strings("compounds", key, table[key], allow_empty=True)
            for i, word in enumerate(words):
                if not word.isalpha() or fold(word) != word:
                    raise self.fail(
                        f"[compounds] {key}[{i}]",
                        f"{word!r}: write one lower-case word, without a hyphen",
                    )
                if word in words[:i]:
                    raise self.fail(
                        f"[compounds] {key}[{i}]", f"{word!r} is listed twice"
                    )
            parts[key] = tuple(words)
        return Compounds(
            parts["modifiers"],
            parts["heads"],
            parts["exceptions"],
            stemmer,
            min_rest=self.number("compounds", "min_rest", table["min_rest"], 2, 8),
        )

    def constructions(
        self, stemmer: Stemmer, lists: Mapping[str, Matcher]
    ) -> Constructions:
        """The ``[[construction]]`` tables."""
        value = self.doc.get("construction", [])
        if not isinstance(value, list):
            raise self.fail("[[construction]]", "expected an array of tables")
        specs = [self.construction(n, item) for n, item in enumerate(value)]
        try:
            return Constructions(specs, stemmer, lists)
        except ValueError as exc:
            raise self.fail("[[construction]]", str(exc)) from None

    def construction(self, n: int, item: object) -> Construction:
        """One ``[[construction]]`` table."""
        where = f"[[construction]] {n}"
        if not isinstance(item, dict):
            raise self.fail(where, f"expected a table, got {type_name(item)}")
        for key in item:
            if key not in (*_CONSTRUCTION_KEYS, "note", "together"):
                raise self.fail(f"{where} {key}", "unknown key")
        for key in _CONSTRUCTION_KEYS:
            if key not in item:
                raise self.fail(f"{where} {key}", "missing required key")
        cls = self.scalar(where, "class", item["class"], str)
        if not _CLASS.fullmatch(cls):
            raise self.fail(f"{where} class", f"{cls!r}: use lower-case words and -")
        effect = self.scalar(where, "effect", item["effect"], str)
        if effect not in EFFECTS:
            raise self.fail(f"{where} effect", f"{effect!r}: use one of {EFFECTS}")
        together = self.groups(where, item.get("together", []))
        return Construction(
            cls,
            effect,
            tuple(
                self.strings(
                    where, "patterns", item["patterns"], allow_empty=bool(together)
                )
            ),
            tuple(self.strings(where, "matches", item["matches"])),
            tuple(self.strings(where, "rejects", item["rejects"])),
            self.scalar(where, "note", item.get("note", ""), str),
            together,
        )

    def groups(self, where: str, value: object) -> tuple[tuple[str, ...], ...]:
        """A construction's ``together`` key: lists of two patterns or more."""
        if not isinstance(value, list):
            raise self.fail(
                f"{where} together",
                f"expected a list of lists of patterns, got {type_name(value)}",
            )
        out = []
        for i, group in enumerate(value):
            patterns = self.strings(where, f"together[{i}]", group)
            if len(patterns) < 2:
                raise self.fail(
                    f"{where} together[{i}]",
                    "a group needs two patterns or more (one pattern goes in patterns)",
                )
            if len(set(patterns)) != len(patterns):
                raise self.fail(
                    f"{where} together[{i}]", "a pattern is in the group twice"
                )
            out.append(tuple(patterns))
        return tuple(out)

    def lexicon(
        self, stemmer: Stemmer
    ) -> tuple[dict[str, PhraseSet], dict[str, PhraseSet]]:
        """The ``[lexicon]`` table: the lists the rules read, and the others."""
        table = self.doc.get("lexicon")
        if not isinstance(table, dict):
            raise self.fail("[lexicon]", "missing table")
        for key in REQUIRED_LISTS:
            if key not in table:
                raise self.fail(f"[lexicon] {key}", "missing required key")
        rules: dict[str, PhraseSet] = {}
        others: dict[str, PhraseSet] = {}
        for key, items in table.items():
            if key not in REQUIRED_LISTS and not _NAME.fullmatch(key):
                raise self.fail(f"[lexicon] {key}", "name a list in lower case, with _")
            into = rules if key in REQUIRED_LISTS else others
            into[key] = self.phrase_set("lexicon", key, items, stemmer)
        return rules, others


def _fold_form(text: str) -> str:
    """A title or legal form as looked up: lower case, no full stops or spaces."""
    return fold(text).replace(".", "").replace(" ", "")


@attrs.frozen
class Addressing:
    """How a locale addresses people and names companies, read from its data file.

    The letters use it; the text checks do not. Reading it parses the data file
    but compiles none of the lexicons, so it is cheap.

    Attributes:
        locale: The locale, e.g. ``"de"``.
        honorifics: Words for a form of address under ``female``, ``male`` and
            ``neutral`` (``frau``, ``herr``, ``divers``), lower case, no full stop.
        titles: Academic titles recognised in a free-text honorific (``dr``,
            ``prof``), folded, without full stops.
        female_titles: Titles that tell a woman in this language (Spanish ``dra``).
        male_titles: Titles that, alone, read as a man's (Spanish ``dr``).
        feminine: A title's feminine form, by title (Spanish ``dr`` → ``Dra.``).
        contractions: Titles that keep the word's last letter (English ``dr``,
            ``mr``): some territories write them with a full stop, others without.
        stop_after: Territories that write a full stop after *contractions*
            (``US``); everywhere else it is dropped.
        capitalise_particle: Whether a surname's particle is capitalised when it
            stands without the given name (Dutch ``mevrouw De Vries``).
        legal_forms: Legal forms that take an article, with the article's gender
            (``gmbh`` → ``f``), folded and without full stops or spaces.
        articles: The article per case (``dative``, ``accusative``) and gender.

    Examples:
        >>> from decline._analysis import load_addressing
        >>> load_addressing("de").legal_forms["gmbh"]
        'f'
    """

    locale: str
    honorifics: Mapping[str, frozenset[str]]
    titles: frozenset[str]
    female_titles: frozenset[str]
    male_titles: frozenset[str]
    feminine: Mapping[str, str]
    contractions: frozenset[str]
    stop_after: frozenset[str]
    capitalise_particle: bool
    legal_forms: Mapping[str, str]
    articles: Mapping[str, Mapping[str, str]]


def _addressing(read: _Reader, locale: str) -> Addressing:
    honorifics = read.table("honorifics", HONORIFIC_GENDERS)
    titles = read.table("titles", _TITLE_KEYS)
    names = read.table("names", _NAME_KEYS)
    articles = read.table("company_articles", _ARTICLE_KEYS)
    stop_after = read.strings(
        "titles", "stop_after", titles["stop_after"], allow_empty=True
    )
    for i, territory in enumerate(stop_after):
        if not _TERRITORY.fullmatch(territory):
            raise read.fail(
                f"[titles] stop_after[{i}]",
                f"{territory!r} is not a territory; write a code such as 'US'",
            )

    def forms(key: str) -> frozenset[str]:
        items = read.strings("titles", key, titles[key], allow_empty=True)
        return frozenset(_fold_form(item) for item in items)

    known = forms("known")
    for key in ("female", "male", "contractions"):
        unknown = forms(key) - known
        if unknown:
            raise read.fail(
                f"[titles] {key}",
                f"{sorted(unknown)} are not listed under [titles] known",
            )
    return Addressing(
        locale=locale,
        honorifics=MappingProxyType(
            {
                k: read.words(k, honorifics[k], table="honorifics", allow_empty=True)
                for k in HONORIFIC_GENDERS
            }
        ),
        titles=known,
        female_titles=forms("female"),
        male_titles=forms("male"),
        feminine=read.mapping("titles", "feminine", titles["feminine"]),
        contractions=forms("contractions"),
        stop_after=frozenset(stop_after),
        capitalise_particle=read.scalar(
            "names", "capitalise_particle", names["capitalise_particle"], bool
        ),
        legal_forms=read.mapping(
            "company_articles",
            "legal_forms",
            articles["legal_forms"],
            values=_GENDERS,
        ),
        articles=MappingProxyType(
            {
                case: read.mapping("company_articles", case, articles[case])
                for case in ("dative", "accusative")
            }
        ),
    )


def _parse(path: _DataFile) -> tuple[_Reader, Mapping[str, Any]]:
    # Only compiling reads TOML: a wheel's compiled data never needs the parser.
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # noqa: PLC0415
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
    return read, doc


def _check_articles(read: _Reader, found: Addressing) -> None:
    needed = set(found.legal_forms.values())
    for case, table in found.articles.items():
        missing = sorted(needed - set(table))
        if missing:
            raise read.fail(
                f"[company_articles] {case}",
                f"no article for gender {', '.join(missing)}, used by legal_forms",
            )


@functools.cache
def load_addressing(locale: str) -> Addressing:
    """Load, validate and cache how *locale* addresses people and names companies.

    Raises:
        LookupError: There is no data file for *locale*.
        ValueError: The file is invalid (the message names the file and the key).
    """
    if not isinstance(widen(locale), str) or locale not in available_data():
        known = ", ".join(available_data())
        msg = f"no guidance data for locale {locale!r} (available: {known})"
        raise LookupError(msg)
    read, _doc = _parse(_data_dir() / f"{locale}.toml")
    found = _addressing(read, locale)
    _check_articles(read, found)
    return found


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
    read, doc = _parse(path)
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
    stemmer = read.morphology()
    morphology = doc["morphology"]
    compounds = read.compounds(stemmer)
    lexicon, others = read.lexicon(stemmer)
    lists = {**BUILT_IN_LISTS, **lexicon, **others}
    constructions = read.constructions(stemmer, lists)
    named = {
        name
        for spec in constructions.specs
        for pattern in (*spec.patterns, *(p for g in spec.together for p in g))
        for name in _REFERENCE.findall(pattern)
    }
    for key in sorted(set(others) - named):
        raise read.fail(
            f"[lexicon] {key}",
            "unknown key: no construction names this list (the rules read "
            f"{', '.join(REQUIRED_LISTS)}); fix the name or drop the list",
        )
    kinds = read.table("reason_kinds", REASON_KINDS)
    fields = read.table("placeholders", PLACEHOLDER_FIELDS)
    addressing = _addressing(read, locale)  # validated here too, used by the letters
    _check_articles(read, addressing)
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
        honorifics=addressing.honorifics,
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
        negation_backward=meta["negation_backward"],
        lexicon=MappingProxyType({k: lexicon[k] for k in REQUIRED_LISTS}),
        lists=MappingProxyType(others),
        stemmer=stemmer,
        morphology_examples=read.word_groups("same", morphology["same"], pairs=False),
        morphology_distinct=read.word_groups(
            "distinct", morphology["distinct"], pairs=True
        ),
        compounds=compounds or None,
        constructions=constructions,
        reason_kinds=MappingProxyType(
            {
                k: read.phrase_set("reason_kinds", k, kinds[k], stemmer)
                for k in REASON_KINDS
            }
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
    from decline._analysis import prebuilt  # noqa: PLC0415 - hashlib, pickle

    data = prebuilt.load(locale)
    return compile_data(locale) if data is None else data


def read_tone(locale: str) -> ToneModel | None:
    """Read the tone model file of *locale*, if it has one, without the cache.

    What :func:`load_tone` reads when there is no current compiled copy; the
    wheel build compiles this (:mod:`decline._analysis.prebuilt`).
    """
    path = _data_dir() / f"{locale}.tone"
    if not path.is_file():
        return None
    return read_model(path.name, path.read_text(encoding="utf-8").splitlines())


def compile_data(locale: str) -> LocaleData:
    """Compile the data file of *locale* (an available one), without the cache.

    :func:`load_data` uses the copy compiled when the wheel was built
    (:mod:`decline._analysis.prebuilt`) while it is current, and this otherwise.
    """
    return _load_data_file(_data_dir() / f"{locale}.toml", locale)


@functools.cache
def load_tone(locale: str) -> ToneModel | None:
    """Load and cache the tone model of *locale* (``data/<locale>.tone``), if any.

    Raises:
        ValueError: The file is malformed, or was trained with other
            ``[morphology]`` settings than the locale's data file has now (train it
            again with ``tools/train_tone.py``).
    """
    data = load_data(locale)
    from decline._analysis import prebuilt  # noqa: PLC0415 - hashlib, pickle

    model = prebuilt.load_tone(locale)  # None without a .tone file: no key
    if model is None:
        model = read_tone(locale)
    if model is None:
        return None
    name = f"{locale}.tone"
    if model.locale != locale:
        msg = f"{name}: the model is for {model.locale!r}, not {locale!r}"
        raise ValueError(msg)
    if model.morphology != morphology_hash(data.stemmer):
        msg = (
            f"{name}: trained with other [morphology] settings than "
            f"{locale}.toml has now; train it again (python tools/train_tone.py {locale})"
        )
        raise ValueError(msg)
    return model
