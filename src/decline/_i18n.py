"""Locales: negotiation, message catalogs and CLDR formatting.

Nothing here keeps a current locale: every function takes the locale it works in.
Catalogs are read once per language and cached; the cache is filled under a lock,
so the module is safe to use from many threads.

A catalog is ``locale/<language>/LC_MESSAGES/decline.mo`` when the wheel was built
(the build hook compiles it), or the ``.po`` file beside it in a source checkout or
an editable install.
"""

from __future__ import annotations

import os
import re
import struct
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from decline._errors import UnknownLocaleError

if TYPE_CHECKING:
    import datetime as dt
    from importlib.abc import Traversable

__all__ = [
    "DOMAIN",
    "Catalog",
    "available_locales",
    "catalog",
    "fill",
    "format_date",
    "format_list",
    "negotiate",
    "read_catalog",
    "territory",
    "variants",
]

DOMAIN = "decline"

#: Languages that are written with another language's catalog.
_ALIASES: Mapping[str, str] = {"no": "nb", "nn": "nb"}

_TAG = re.compile(
    r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|\d{3}))?$"
)
_FIELD = re.compile(r"\{([a-z_]+)\}")


def _locale_dir() -> Traversable:
    from importlib import resources  # noqa: PLC0415 - keep `import decline` light

    return resources.files("decline") / "locale"


@lru_cache(maxsize=1)
def _catalog_folders() -> tuple[str, ...]:
    """The folders under ``locale/`` that hold a catalog, sorted.

    Read with :mod:`os` where the package is a folder (an ordinary install), so
    that the tones made at ``import decline`` load neither :mod:`pathlib` nor
    :mod:`importlib.resources` to check their locales.
    """
    # os.path, not pathlib: see above.
    here = os.path.join(os.path.dirname(__file__), "locale")  # noqa: PTH118, PTH120
    if os.path.isdir(here):  # noqa: PTH112
        return tuple(
            name
            for name in sorted(os.listdir(here))  # noqa: PTH208
            if any(
                os.path.isfile(os.path.join(here, name, "LC_MESSAGES", DOMAIN + ext))  # noqa: PTH113, PTH118
                for ext in (".po", ".mo")
            )
        )
    found = []  # pragma: no cover - a zip import
    for entry in _locale_dir().iterdir():  # pragma: no cover
        messages = entry / "LC_MESSAGES"
        if (messages / f"{DOMAIN}.po").is_file() or (
            messages / f"{DOMAIN}.mo"
        ).is_file():
            found.append(entry.name)
    return tuple(sorted(found))  # pragma: no cover


@lru_cache(maxsize=1)
def available_locales() -> tuple[str, ...]:
    """Return the languages ``decline`` writes, sorted.

    A language is available when its catalog ships with the package, so adding a
    locale needs a catalog and a data file, not code.

    Returns:
        The language codes, e.g. ``("da", "en")``.

    Examples:
        >>> "da" in available_locales()
        True
    """
    # A folder with a territory (en_US) is a regional variant, not a language.
    return tuple(name for name in _catalog_folders() if "_" not in name)


@attrs.frozen
class _Tag:
    language: str
    territory: str | None


def _parse(identifier: object) -> _Tag:
    if not isinstance(identifier, str):
        try:
            from babel import Locale  # noqa: PLC0415 - only for callers who pass one

            if isinstance(identifier, Locale):
                return _Tag(identifier.language, identifier.territory)
        except ImportError:  # pragma: no cover - babel is a dependency
            pass
        raise TypeError(
            f"locale: expected a string such as 'da' or 'en_GB', "
            f"got {type(identifier).__name__}"
        )
    text = identifier.strip()
    # POSIX forms: da_DK.UTF-8, de_DE@euro
    text = text.split(".", 1)[0].split("@", 1)[0]
    match = _TAG.match(text)
    if match is None:
        raise UnknownLocaleError(identifier, available_locales())
    language, _script, territory = match.groups()
    return _Tag(language.lower(), territory.upper() if territory else None)


@lru_cache(maxsize=256)
def _negotiate(identifier: str) -> str:
    tag = _parse(identifier)
    language = _ALIASES.get(tag.language, tag.language)
    if language not in available_locales():
        raise UnknownLocaleError(identifier, available_locales())
    return f"{language}_{tag.territory}" if tag.territory else language


def negotiate(identifier: object) -> str:
    """Map a locale identifier to the form ``decline`` uses.

    Accepts ``da``, ``da_DK``, ``da-DK``, ``da_DK.UTF-8`` and ``babel.Locale``
    objects; ``no`` and ``nn`` are written in Bokmål (``nb``). The territory is
    kept, because it decides how dates are written (``en_GB`` and ``en_US``).

    Args:
        identifier: The locale as a user gave it.

    Returns:
        ``language`` or ``language_TERRITORY``, e.g. ``"da_DK"``.

    Raises:
        UnknownLocaleError: No catalog exists for the language.
        TypeError: The identifier is not a string.

    Examples:
        >>> negotiate("da-DK")
        'da_DK'
        >>> negotiate("en_GB.UTF-8")
        'en_GB'
    """
    if isinstance(identifier, str):
        return _negotiate(identifier)
    tag = _parse(identifier)
    return _negotiate(
        f"{tag.language}_{tag.territory}" if tag.territory else tag.language
    )


def language(locale: str) -> str:
    """Return the catalog language of a negotiated locale (``"da_DK"`` → ``"da"``)."""
    return locale.split("_", 1)[0]


def _read_only(table: Mapping[tuple[str | None, str], str]) -> Mapping[Key, str]:
    """Converter: a read-only copy of a catalog's table (catalogs are shared)."""
    return MappingProxyType(dict(table))


#: A message's address in a catalog: (context, message id).
Key = tuple["str | None", str]


@attrs.frozen
class Catalog:
    """The messages of one language, read from its gettext catalog.

    Attributes:
        language: The catalog's language code.
        messages: Translations by (context, message id); contexts are tone names.
    """

    language: str
    messages: Mapping[tuple[str | None, str], str] = attrs.field(
        repr=False, converter=_read_only
    )
    plural: str = "(n != 1)"

    def get(self, context: str | None, msgid: str) -> str | None:
        """Return the translation of *msgid* in *context*, or ``None``."""
        return self.messages.get((context, msgid))

    def plural_index(self, count: int) -> int:
        """The plural form the catalog's ``Plural-Forms`` header picks for *count*.

        Examples:
            >>> Catalog("fr", {}, "(n > 1)").plural_index(0)
            0
            >>> Catalog("da", {}).plural_index(0)
            1
        """
        return _plural_function(self.plural)(count)

    def counted(self, msgid: str, count: int) -> str | None:
        """The wording of *msgid* for *count* things, ``{count}`` filled.

        A counted message is kept once per plural form, as ``msgid.0``,
        ``msgid.1``…; the header's ``Plural-Forms`` expression picks the form.

        Examples:
            >>> catalog("da").counted("check.count.warning", 2)
            '2 advarsler'
        """
        text = self.get(None, f"{msgid}.{self.plural_index(count)}")
        return None if text is None else fill(text, {"count": str(count)})


@lru_cache(maxsize=32)
def _plural_function(expression: str) -> Callable[[int], int]:
    """A gettext ``plural=`` expression as a function (the standard library's parser)."""
    import gettext  # noqa: PLC0415 - used by counted messages only

    return gettext.c2py(expression)


_lock = threading.RLock()  # a variant catalog (en_US) reads its base under it
_catalogs: dict[str, Catalog] = {}


@lru_cache(maxsize=1)
def variants() -> tuple[str, ...]:
    """Return the regional variants that have a catalog of their own, sorted.

    A variant's catalog (``locale/en_US/LC_MESSAGES/decline.po``) holds only the
    messages that differ from its language's; every other message comes from the
    language's catalog.

    Examples:
        >>> variants()
        ('en_US',)
    """
    return tuple(name for name in _catalog_folders() if "_" in name)


def catalog(locale: str) -> Catalog:
    """Return the (cached) catalog for a negotiated locale.

    A locale with a variant catalog (``en_US``) gets its language's messages with
    the variant's laid over them.

    Args:
        locale: A locale as returned by :func:`negotiate`.

    Returns:
        The :class:`Catalog` of the variant or the language.
    """
    key = locale if locale in variants() else language(locale)
    found = _catalogs.get(key)
    if found is None:
        if language(key) not in available_locales():  # never a path to read
            raise UnknownLocaleError(locale, available_locales())
        with _lock:
            found = _catalogs.get(key)
            if found is None:
                found = _catalogs[key] = _read_catalog(key)
    return found


def _read_catalog(key: str) -> Catalog:
    lang = language(key)
    found = read_catalog(_locale_dir() / key / "LC_MESSAGES", DOMAIN, key)
    if found is None:  # pragma: no cover - available_locales() lists only real ones
        raise LookupError(f"no catalog for {key!r}")
    if key == lang:
        return found
    base = catalog(lang)
    return Catalog(key, {**base.messages, **found.messages}, base.plural)


def read_catalog(folder: Traversable, domain: str, lang: str) -> Catalog | None:
    """Read ``<domain>.mo`` in *folder*, or ``<domain>.po`` if there is no ``.mo``.

    Returns:
        The catalog, or ``None`` when the folder has neither file.

    Raises:
        OSError: The file cannot be read.
        ValueError: A broken ``.mo`` file (see :func:`read_mo`).
        Exception: Whatever Babel's reader raises for a broken ``.po`` file
            (``ValueError``, ``PoFileError``…).
    """
    mo, po = folder / f"{domain}.mo", folder / f"{domain}.po"
    if mo.is_file():
        messages, plural = read_mo(mo.read_bytes())
        return Catalog(lang, messages, plural)
    if po.is_file():
        from babel.messages.pofile import read_po  # noqa: PLC0415

        with po.open("rb") as fh:
            # abort_invalid: Babel would print a broken line to standard output.
            parsed = read_po(fh, locale=lang, domain=domain, abort_invalid=True)
            return Catalog(lang, messages_from(parsed), _plural_of(parsed))
    return None


_MO_MAGIC: Final = {b"\xde\x12\x04\x95": "<", b"\x95\x04\x12\xde": ">"}
_CHARSET: Final = re.compile(r"charset=([\w.:-]+)", re.IGNORECASE)
_PLURAL_FORMS: Final = re.compile(
    r"^plural-forms:.*?\bplural\s*=\s*([^;\n]+)", re.IGNORECASE | re.MULTILINE
)


def read_mo(data: bytes) -> tuple[dict[tuple[str | None, str], str], str]:
    """Read a compiled gettext catalog (a GNU ``.mo`` file).

    The format is the one the GNU gettext manual describes ("The Format of GNU MO
    Files"), in either byte order. Like :func:`messages_from`, it keeps singular
    messages with a translation and splits a context off at the character U+0004; the header
    gives the charset and the ``plural=`` expression of ``Plural-Forms``. Reading
    it here, not with Babel, spares a cold start Babel's catalog machinery and the
    ``email`` package it parses headers with.

    Returns:
        The messages by (context, message id), and the plural expression.

    Raises:
        ValueError: The data is not a whole ``.mo`` file, or not in its charset.
    """
    order = _MO_MAGIC.get(data[:4])
    if order is None:
        msg = "not a gettext .mo file (its first four bytes are not the magic number)"
        raise ValueError(msg)
    try:
        _, count, originals, translations = struct.unpack_from(f"{order}4I", data, 4)
        pairs = []
        for i in range(count):
            size, start = struct.unpack_from(f"{order}2I", data, originals + 8 * i)
            tsize, tstart = struct.unpack_from(f"{order}2I", data, translations + 8 * i)
            if start + size > len(data) or tstart + tsize > len(data):
                msg = f"entry {i} runs past the end of the file"
                raise ValueError(msg)
            pairs.append((data[start : start + size], data[tstart : tstart + tsize]))
    except struct.error as exc:
        msg = f"truncated .mo file ({exc})"
        raise ValueError(msg) from None
    header = next((text for key, text in pairs if not key), b"").decode(
        "ascii", "replace"
    )
    charset = _CHARSET.search(header)
    encoding = charset.group(1) if charset is not None else "utf-8"
    forms = _PLURAL_FORMS.search(header)
    plural = forms.group(1).strip() if forms is not None else "(n != 1)"
    table: dict[tuple[str | None, str], str] = {}
    try:
        for key, text in pairs:
            if not key or not text or b"\x00" in key:  # header, untranslated, plural
                continue
            context, sep, msgid = key.partition(b"\x04")
            if not sep:
                context, msgid = b"", key
            table[
                (context.decode(encoding) if sep else None, msgid.decode(encoding))
            ] = text.decode(encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        msg = f"cannot decode the catalog as {encoding}: {exc}"
        raise ValueError(msg) from None
    return table, plural


def _plural_of(parsed: object) -> str:
    """The ``plural=`` expression of a catalog's ``Plural-Forms`` header."""
    expression = getattr(parsed, "plural_expr", None)
    return expression if isinstance(expression, str) and expression else "(n != 1)"


def messages_from(parsed: Iterable[object]) -> dict[tuple[str | None, str], str]:
    """Turn a :class:`babel.messages.Catalog` into a plain lookup table.

    Fuzzy and empty entries are left out, as gettext would.
    """
    table: dict[tuple[str | None, str], str] = {}
    for message in parsed:
        msgid = getattr(message, "id", "")
        text = getattr(message, "string", "")
        if not msgid or not isinstance(msgid, str) or not isinstance(text, str):
            continue
        if not text or getattr(message, "fuzzy", False):
            continue
        context = getattr(message, "context", None)
        if isinstance(context, bytes):  # Babel's read_mo leaves contexts undecoded
            context = context.decode("utf-8")
        table[(context, msgid)] = text
    return table


def fields(template: str) -> frozenset[str]:
    """Return the ``{placeholder}`` names a message uses."""
    return frozenset(_FIELD.findall(template))


def fill(template: str, values: Mapping[str, str]) -> str:
    """Fill the ``{placeholder}`` fields of a message.

    Only plain names are fields: no attribute access, indexing or format specs, so a
    message from a plugin cannot reach into Python objects.

    A value that ends with a full stop ("Acme Ltd.") does not double the full stop
    the message puts after it.

    Raises:
        KeyError: The message uses a field that *values* does not have.

    Examples:
        >>> fill("Thank you, {company}.", {"company": "Acme Ltd."})
        'Thank you, Acme Ltd.'
    """
    fmt, dotted = _compiled(template)
    for name in dotted:
        if values[name].endswith("."):
            break
    else:
        return fmt.format_map(values)  # the common case, at C speed
    parts = _parts(template)
    out = [parts[0]]
    for i in range(1, len(parts), 2):
        text = values[parts[i]]
        after = parts[i + 1]
        if after.startswith(".") and text.endswith("."):
            text = text[:-1]
        out.append(text)
        out.append(after)
    return "".join(out)


@lru_cache(maxsize=4096)
def _compiled(template: str) -> tuple[str, tuple[str, ...]]:
    """A message as a :meth:`str.format_map` string, and the fields before a full stop.

    Literal braces are doubled and every field is a plain name, so formatting
    reaches no attribute or index of a value.
    """
    parts = _parts(template)
    out = [parts[0].replace("{", "{{").replace("}", "}}")]
    dotted = []
    for i in range(1, len(parts), 2):
        after = parts[i + 1]
        out.append("{" + parts[i] + "}")
        out.append(after.replace("{", "{{").replace("}", "}}"))
        if after.startswith("."):
            dotted.append(parts[i])
    return "".join(out), tuple(dotted)


@lru_cache(maxsize=4096)
def _parts(template: str) -> tuple[str, ...]:
    """A message split into literal text and field names, alternating."""
    return tuple(_FIELD.split(template))


#: The territory a bare language is written for: plain ``en`` is British English.
DEFAULT_TERRITORY: Mapping[str, str] = {"en": "GB"}


@lru_cache(maxsize=256)
def territory(locale: str) -> str | None:
    """Return the territory a negotiated locale writes for.

    The locale's own territory if it has one; for a bare language, the one
    :data:`DEFAULT_TERRITORY` names (``en`` → ``GB``), else the territory CLDR
    gives the language (``da`` → ``DK``, ``nb`` → ``NO``).

    Examples:
        >>> territory("en"), territory("en_US"), territory("da"), territory("nb")
        ('GB', 'US', 'DK', 'NO')
    """
    lang, _, own = locale.partition("_")
    if own:
        return own
    if lang in DEFAULT_TERRITORY:
        return DEFAULT_TERRITORY[lang]
    from babel.core import get_global  # noqa: PLC0415 - CLDR loads on first use

    likely = str(get_global("likely_subtags").get(lang, ""))
    last = likely.rsplit("_", 1)[-1] if "_" in likely else ""
    return last if len(last) == 2 and last.isalpha() else None


@lru_cache(maxsize=64)
def _babel_locale(locale: str) -> object:
    from babel import Locale  # noqa: PLC0415
    from babel import UnknownLocaleError as BabelUnknown  # noqa: PLC0415

    lang, _, own = locale.partition("_")
    if not own and lang in DEFAULT_TERRITORY:
        locale = f"{lang}_{DEFAULT_TERRITORY[lang]}"
    try:
        return Locale.parse(locale)
    except (BabelUnknown, ValueError):
        return Locale.parse(language(locale))


#: Languages that write the first day of a month as an ordinal CLDR lacks ("1er").
_FIRST_OF_MONTH: Mapping[str, str] = {"fr": "er"}
_DAY = re.compile(r"(?<![d'])d(?!d)")


def format_date(value: dt.date, locale: str, fmt: str = "long") -> str:
    """Format a date as the locale writes it (``3. marts 2025``, ``1er mars 2025``).

    Examples:
        >>> import datetime as dt
        >>> format_date(dt.date(2025, 3, 1), "fr")
        '1er mars 2025'
    """
    from babel.dates import format_date as babel_format_date  # noqa: PLC0415

    babel_locale: Any = _babel_locale(locale)
    suffix = _FIRST_OF_MONTH.get(language(locale))
    if suffix and value.day == 1 and fmt in ("long", "full", "medium"):
        pattern = _DAY.sub(
            f"d'{suffix}'", babel_locale.date_formats[fmt].pattern, count=1
        )
        return babel_format_date(value, format=pattern, locale=babel_locale)
    return babel_format_date(value, format=fmt, locale=babel_locale)


def format_list(items: Sequence[str], locale: str) -> str:
    """Join names the way *locale* does (``A, B and C``; ``A, B og C``).

    Examples:
        >>> format_list(["Carlos Pérez", "Inés Ruiz"], "es")
        'Carlos Pérez e Inés Ruiz'
        >>> format_list(["Carlos Pérez", "Hielo Ruiz"], "es")
        'Carlos Pérez y Hielo Ruiz'
    """
    return _format_list(tuple(items), locale)


#: Spanish writes "e" for "y" before a word that starts with an i sound (RAE).
_SPANISH_E = re.compile(r" y (?=(?:[iIíÍ]|[hH][iIíÍ])(?![aeoáéóAEOÁÉÓ]))")


@lru_cache(maxsize=1024)
def _format_list(items: tuple[str, ...], locale: str) -> str:
    from babel.lists import format_list as babel_format_list  # noqa: PLC0415

    joined: str = babel_format_list(list(items), locale=_babel_locale(locale))  # type: ignore[arg-type]
    if language(locale) == "es":
        joined = _SPANISH_E.sub(" e ", joined)
    return joined
