"""Tones: the :class:`Tone` type and the built-in presets ``formal``, ``warm``, ``brief``.

A tone is a value: it knows its settings and looks its wording up in the catalogs.
Finding a tone by name is :mod:`decline._registry`'s job; registering one, which
checks the letters it writes, is :mod:`decline.tones`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

import attrs

from decline._errors import FieldError, UnknownLocaleError
from decline._i18n import Catalog, catalog, fields, language, negotiate, read_catalog

if TYPE_CHECKING:
    from pathlib import Path

    from decline._letter import LetterKind

__all__ = [
    "BRIEF",
    "BUILTIN_TONES",
    "ENTRY_POINT_GROUP",
    "FORMAL",
    "MAX_DESCRIPTION_CHARS",
    "MAX_MESSAGE_CHARS",
    "OPTIONAL_PARAGRAPHS",
    "WARM",
    "AddressForm",
    "Salutation",
    "Tone",
    "check_override",
]

#: The entry-point group plugin packages publish tones in.
ENTRY_POINT_GROUP = "decline.tones"

#: Paragraphs a tone may leave out, by name.
OPTIONAL_PARAGRAPHS: tuple[str, ...] = ("kind_word", "people", "voicemail")

#: The longest wording a tone may give one message, in characters.
MAX_MESSAGE_CHARS = 1000
#: The longest description of a tone, in characters.
MAX_DESCRIPTION_CHARS = 200

AddressForm = Literal["polite", "familiar"]
Salutation = Literal["formal", "full_name", "first_name"]
_SALUTATIONS = ("formal", "full_name", "first_name")
_ADDRESS_FORMS = ("polite", "familiar")

_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
# A gettext domain is a file name without its extension: never a path.
_DOMAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")
_KINDS = ("call_script", "confirmation", "thank_you")
# What a line of a letter may not hold (as decline._model refuses in names): C0 and
# C1 controls, DEL, line and paragraph separators, the bidi controls that can make a
# line read differently (U+202A-U+202E, U+2066-U+2069), a byte-order mark and lone
# surrogates.
_FORBIDDEN = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _type_error(field: str, expected: str, value: object) -> TypeError:
    return TypeError(f"{field}: expected {expected}, got {type(value).__name__}")


def _line_problem(text: str) -> str | None:
    """Why *text* cannot be one line of a letter, or ``None``."""
    bad = _FORBIDDEN.search(text)
    if bad is None:
        return None
    char = bad.group()
    what = "a line break" if char in _LINE_BREAKS else "a control character"
    return f"contains {what} ({char!r}); write it on one line, without it"


def _text_problem(text: str) -> str | None:
    """Why *text* cannot be a message's wording, or ``None``."""
    if not text.strip():
        return "must not be empty"
    if len(text) > MAX_MESSAGE_CHARS:
        return f"is {len(text)} characters long; the limit is {MAX_MESSAGE_CHARS}"
    problem = _line_problem(text)
    if problem is not None:
        return problem
    rest = _PLACEHOLDER.sub("", text)
    if "{" in rest or "}" in rest:
        return (
            "has a '{' or '}' that is not a placeholder; a placeholder is a "
            "lower-case name in braces, such as {company}"
        )
    return None


def _check_name(instance: Tone, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise _type_error("tone.name", "a string", value)
    if not _NAME.match(value):
        raise FieldError(
            "tone.name",
            f"{value!r} is not a tone name; use lowercase letters, digits, '-' or '_' "
            "(at most 40, starting with a letter)",
        )


def _one_line(
    limit: int,
) -> Any:
    """Validator: a string of at most *limit* characters on one line."""

    def check(instance: Tone, attribute: attrs.Attribute[Any], value: object) -> None:
        field = f"tone.{attribute.name}"
        if not isinstance(value, str):
            raise _type_error(field, "a string", value)
        if len(value) > limit:
            raise FieldError(
                field, f"is {len(value)} characters long; the limit is {limit}"
            )
        problem = _line_problem(value)
        if problem is not None:
            raise FieldError(field, problem)

    return check


def _check_salutation(
    instance: Tone, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise _type_error("tone.salutation", f"one of {_SALUTATIONS} or None", value)
    if value not in _SALUTATIONS:
        raise FieldError("tone.salutation", f"{value!r} is not one of {_SALUTATIONS}")


def _check_default_reason(
    instance: Tone, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and not isinstance(value, bool):
        raise _type_error("tone.default_reason", "True, False or None", value)


def _locale_key(field: str, key: object) -> str:
    """A locale key of a table, as :func:`~decline._i18n.negotiate` writes it."""
    if not isinstance(key, str):
        raise TypeError(
            f"{field}: the keys are locales such as 'da' or 'en_US', "
            f"got {type(key).__name__}"
        )
    try:
        return negotiate(key)
    except UnknownLocaleError as exc:
        raise FieldError(
            f"{field}[{key!r}]",
            f"is not a supported locale; use one of {', '.join(exc.available)}",
        ) from None


def _freeze_address(value: object) -> Mapping[str, AddressForm]:
    """Converter: check an address table and make it read-only."""
    if not isinstance(value, Mapping):
        raise _type_error("tone.address", "{language: 'polite' or 'familiar'}", value)
    table: dict[str, AddressForm] = {}
    given: dict[str, object] = {}
    for key, form in value.items():
        lang = _locale_key("tone.address", key)
        field = f"tone.address[{key!r}]"
        if lang != language(lang):
            raise FieldError(
                field,
                f"an address form is set per language; write {language(lang)!r}",
            )
        if lang in given:
            raise FieldError(field, f"repeats the language of {given[lang]!r}")
        given[lang] = key
        if not isinstance(form, str):
            raise _type_error(field, "'polite' or 'familiar'", form)
        if form not in _ADDRESS_FORMS:
            raise FieldError(
                field, f"{form!r} is not an address form; use 'polite' or 'familiar'"
            )
        table[lang] = form  # type: ignore[assignment]  # checked just above
    return MappingProxyType(table)


def _freeze_limits(value: object) -> Mapping[str, int]:
    """Converter: make the word limits read-only (the validator checks them)."""
    if not isinstance(value, Mapping):
        raise _type_error("tone.word_limits", "{letter kind: words}", value)
    return MappingProxyType(dict(value))


def _freeze_messages(value: object) -> Mapping[str, Mapping[str, str]]:
    """Converter: check the wording overrides and make them read-only.

    Locale keys are written as :func:`~decline._i18n.negotiate` writes them
    (``"EN"`` and ``"en-gb"`` become ``"en"`` and ``"en_GB"``); two keys for the
    same locale are refused. Placeholders are compared with the base's wording
    in ``__attrs_post_init__``, once the base is known.
    """
    if not isinstance(value, Mapping):
        raise _type_error("tone.messages", "{locale: {message id: text}}", value)
    if not value:
        return MappingProxyType({})
    # The message table loads on first use, not at `import decline`.
    from decline._messages import MESSAGES  # noqa: PLC0415

    out: dict[str, Mapping[str, str]] = {}
    given: dict[str, object] = {}
    for key, table in value.items():
        lang = _locale_key("tone.messages", key)
        where = f"tone.messages[{key!r}]"
        if lang in given:
            raise FieldError(
                where, f"is the locale {lang!r} again (as {given[lang]!r}); merge them"
            )
        given[lang] = key
        out[lang] = _freeze_table(where, table, MESSAGES)
    return MappingProxyType(out)


def _freeze_table(
    where: str, table: object, known: Mapping[str, object]
) -> Mapping[str, str]:
    """One locale's overrides, checked and read-only; *known* holds the message ids."""
    if not isinstance(table, Mapping):
        raise _type_error(where, "{message id: text}", table)
    entries: dict[str, str] = {}
    for msgid, text in table.items():
        if not isinstance(msgid, str):
            raise TypeError(
                f"{where}: the keys are message ids, got {type(msgid).__name__}"
            )
        field = f"{where}[{msgid!r}]"
        if msgid not in known:
            raise FieldError(
                field,
                "is not a message id decline uses; the ids are listed in "
                "locale/decline.pot",
            )
        if not isinstance(text, str):
            raise _type_error(field, "a string", text)
        problem = _text_problem(text)
        if problem is not None:
            raise FieldError(field, problem)
        entries[msgid] = text
    return MappingProxyType(entries)


def _check_limits(
    instance: Tone, attribute: attrs.Attribute[Any], value: Mapping[object, object]
) -> None:
    for kind, limit in value.items():
        if kind not in _KINDS:
            raise FieldError(
                f"tone.word_limits[{kind!r}]",
                f"is not a letter kind; use one of {_KINDS}",
            )
        if (
            not isinstance(limit, int)
            or isinstance(limit, bool)
            or not 20 <= limit <= 1000
        ):
            raise FieldError(
                f"tone.word_limits[{kind!r}]", "must be a whole number from 20 to 1000"
            )


def _check_omit(instance: Tone, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, frozenset):
        raise _type_error("tone.omit", "a set of paragraph names", value)
    for item in value:
        if not isinstance(item, str):
            raise _type_error("tone.omit", "paragraph names (strings)", item)
    unknown = set(value) - set(OPTIONAL_PARAGRAPHS)
    if unknown:
        raise FieldError(
            "tone.omit",
            f"{sorted(unknown)} are not optional paragraphs; use {OPTIONAL_PARAGRAPHS}",
        )


def _check_domain(
    instance: Tone, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise _type_error("tone.domain", "a string", value)
    if not _DOMAIN.match(value):
        raise FieldError(
            "tone.domain",
            f"{value!r} is not a gettext domain: use the catalog's file name without "
            "'.po' (letters, digits, '_', '-' or '.', at most 64, no folders), and "
            "put the folder in localedir",
        )


def _to_path(value: object) -> Path | None:
    """Converter: a directory as a :class:`~pathlib.Path` (``None`` stays ``None``)."""
    if value is None:
        return None
    import os  # noqa: PLC0415 - only plugins use it
    from pathlib import Path  # noqa: PLC0415 - only plugins use it

    if isinstance(value, Path):
        return value
    if not isinstance(value, str):
        if not isinstance(value, os.PathLike):
            raise _type_error("tone.localedir", "a path", value)
        value = os.fspath(value)
        if not isinstance(value, str):
            raise _type_error("tone.localedir", "a path", value)
    if "\0" in value:
        raise FieldError("tone.localedir", "a path cannot hold a NUL character")
    return Path(value)


def _check_localedir(
    instance: Tone, attribute: attrs.Attribute[Any], value: Path | None
) -> None:
    if value is None:
        return
    try:
        is_folder = value.is_dir()
    except (OSError, ValueError, UnicodeError):
        is_folder = False
    if not is_folder:
        raise FieldError(
            "tone.localedir",
            f"{str(value)!r} is not a folder; give the folder that holds "
            "<ll>/LC_MESSAGES/<domain>.po",
        )


def _to_frozenset(value: object) -> object:
    if value is None or isinstance(value, frozenset):
        return value
    if isinstance(value, str):
        return frozenset((value,))
    if isinstance(value, Iterable):
        try:
            return frozenset(value)
        except TypeError:
            raise TypeError(
                "tone.omit: expected a set of paragraph names, got an item that "
                "cannot be one"
            ) from None
    return value


#: The optional paragraphs of each letter kind.
_OPTIONAL: Mapping[str, tuple[str, ...]] = {
    "call_script": ("voicemail",),
    "confirmation": ("people",),
    "thank_you": ("kind_word",),
}


@attrs.frozen(eq=False)
class Tone:
    r"""A tone preset: a frozen value, checked field by field when it is made.

    Every setting is checked when a tone is made (``Tone(...)``, :meth:`derive`,
    ``attrs.evolve()``), and a refused one raises :class:`~decline.FieldError`
    (or :class:`TypeError` for a value of the wrong type) naming the field. The
    tables (:attr:`messages`, :attr:`address`, :attr:`word_limits`) are read-only
    copies of what was given, so a tone cannot change once made. A tone pickles
    by its settings and is checked again when unpickled.

    Attributes:
        name: The tone's name, also the gettext context of its wording.
        description: One line for ``decline tones`` (at most 200 characters, no
            control characters).
        base: The tone this one derives from; everything left as ``None`` or empty
            is inherited from it.
        address: The address form, ``"polite"`` or ``"familiar"``, per language
            (``{"de": "polite"}``); languages with a single form ignore it. Keys
            are languages without a territory, normalised as the locale
            arguments are (``"DE"`` is ``"de"``).
        omit: Optional paragraphs to leave out (see
            :data:`~decline.tones.OPTIONAL_PARAGRAPHS`).
        default_reason: Whether a neutral reason sentence is added when the
            builder was given no reason at all (``True``, ``False``, or ``None``
            to inherit).
        salutation: How the greeting names the contact: ``"formal"`` (honorific
            and surname, else the full name), ``"full_name"`` or ``"first_name"``;
            ``None`` keeps the wording's own choice.
        word_limits: Word limits per letter kind; over the limit is a warning,
            half as much again an error.
        messages: Wording overrides, ``{locale: {message id: text}}``. Locale keys
            are normalised as the locale arguments are (``"EN"`` is ``"en"``,
            ``"en-us"`` is ``"en_US"``; two keys for one locale are refused).
            Each wording is one line without control characters, at most
            1 000 characters, and keeps exactly the
            placeholders of the message it replaces.
        domain: The gettext domain of a plugin's own catalogs (the catalog's file
            name without ``.po``; never a path), or ``None``.
        localedir: The folder holding ``<ll>/LC_MESSAGES/<domain>.po`` (or
            ``.mo``) for *domain*; it must exist. Folders are named as the
            locales are written (``en``, ``en_US``).
        source: Where the tone comes from (``"built in"``, ``"registered"``, or a
            plugin's distribution name); filled in by the registry.

    Examples:
        >>> academic = FORMAL.derive(
        ...     name="academic",
        ...     description="For university posts",
        ...     messages={"en": {"confirmation.wishes": "I wish you and the department every success at {company}."}},
        ... )
        >>> academic.base.name
        'formal'
        >>> academic.messages["en"]["confirmation.wishes"] = "Changed."
        Traceback (most recent call last):
        ...
        TypeError: 'mappingproxy' object does not support item assignment
        >>> FORMAL.derive(name="odd", messages={"en": {"closing": "Best,\r\nBcc: x"}})
        Traceback (most recent call last):
        ...
        decline._errors.FieldError: tone.messages['en']['closing']: contains a line break ('\r'); write it on one line, without it
    """

    name: str = attrs.field(validator=_check_name)
    description: str = attrs.field(
        default="", kw_only=True, validator=_one_line(MAX_DESCRIPTION_CHARS)
    )
    base: Tone | None = attrs.field(default=None, kw_only=True)
    address: Mapping[str, AddressForm] = attrs.field(
        factory=dict, kw_only=True, converter=_freeze_address
    )
    omit: frozenset[str] | None = attrs.field(
        default=None, kw_only=True, converter=_to_frozenset, validator=_check_omit
    )
    default_reason: bool | None = attrs.field(
        default=None, kw_only=True, validator=_check_default_reason
    )
    salutation: Salutation | None = attrs.field(
        default=None, kw_only=True, validator=_check_salutation
    )
    word_limits: Mapping[str, int] = attrs.field(
        factory=dict, kw_only=True, converter=_freeze_limits, validator=_check_limits
    )
    messages: Mapping[str, Mapping[str, str]] = attrs.field(
        factory=dict, kw_only=True, converter=_freeze_messages
    )
    domain: str | None = attrs.field(
        default=None, kw_only=True, validator=_check_domain
    )
    localedir: Path | None = attrs.field(
        default=None, kw_only=True, converter=_to_path, validator=_check_localedir
    )
    source: str = attrs.field(
        default="registered", kw_only=True, validator=_one_line(100)
    )
    # The plugin catalog by language, read on first use.
    _plugin_catalogs: dict[str, Catalog | None] = attrs.field(
        factory=dict, init=False, repr=False, eq=False
    )
    # Resolved wording by (locale, msgid): a tone and its catalogs never change.
    _resolved: dict[tuple[str, str], str | None] = attrs.field(
        factory=dict, init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        """Check what one field's validator cannot: the base, and overrides against it."""
        if self.base is not None and not isinstance(self.base, Tone):
            raise _type_error("tone.base", "a Tone", self.base)
        if (self.domain is None) != (self.localedir is None):
            raise FieldError(
                "tone.domain", "domain and localedir go together; give both"
            )
        names = [tone.name for tone in self.chain]
        if len(set(names)) != len(names):
            raise FieldError(
                "tone.name",
                f"{self.name!r} is also the name of one of its bases "
                f"({' → '.join(names)}); choose a new name",
            )
        for lang, table in self.messages.items():
            for msgid, text in table.items():
                check_override(self, lang, msgid, text)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle a tone by its settings; unpickling builds and checks it again.

        A built-in preset unpickles as the preset itself.
        """
        if self.source == "built in" and BUILTIN_TONES.get(self.name) is self:
            return (_builtin, (self.name,))
        settings = {
            field.name: getattr(self, field.name)
            for field in attrs.fields(Tone)
            if field.init
        }
        # Read-only mappings do not pickle; plain copies do.
        settings["address"] = dict(self.address)
        settings["word_limits"] = dict(self.word_limits)
        settings["messages"] = {k: dict(v) for k, v in self.messages.items()}
        return (_rebuild, (type(self), settings))

    def __repr__(self) -> str:
        """Name and base only: the wording tables are long."""
        base = f", base={self.base.name!r}" if self.base else ""
        return f"Tone({self.name!r}{base})"

    # Identity by value of what matters, without recursing into cached state.
    def __eq__(self, other: object) -> bool:
        """Equal when every setting, the base included, is equal."""
        if not isinstance(other, Tone):
            return NotImplemented
        return _identity(self) == _identity(other)

    def __hash__(self) -> int:
        """Hash by name (equal tones share a name)."""
        return hash(self.name)

    @property
    def chain(self) -> tuple[Tone, ...]:
        """This tone, then its base, its base's base, and so on."""
        return (self, *self.base.chain) if self.base is not None else (self,)

    def derive(self, *, name: str, **changes: Any) -> Tone:
        """Return a new tone based on this one.

        Args:
            name: The new tone's name.
            **changes: Any other :class:`Tone` field to override.

        Examples:
            >>> short = WARM.derive(name="short-warm", omit={"kind_word"})
            >>> short.optional_paragraphs("thank_you")
            ()
        """
        changes.setdefault("source", "registered")
        return Tone(name, base=self, **changes)

    # --- resolved settings -------------------------------------------------

    def _inherited(self, attribute: str) -> Any:
        for tone in self.chain:
            value = getattr(tone, attribute)
            if value is not None:
                return value
        return None

    def address_form(self, locale: str) -> AddressForm:
        """The address form this tone uses in *locale* (``polite`` by default)."""
        lang = language(locale)
        for tone in self.chain:
            if lang in tone.address:
                return tone.address[lang]
        return "polite"

    def omits(self, paragraph: str) -> bool:
        """Whether an optional paragraph is left out."""
        omitted = self._inherited("omit")
        return paragraph in omitted if omitted is not None else False

    def optional_paragraphs(self, kind: str) -> tuple[str, ...]:
        """The optional paragraphs this tone includes in letters of *kind*."""
        return tuple(p for p in _OPTIONAL.get(kind, ()) if not self.omits(p))

    @property
    def salutation_style(self) -> Salutation | None:
        """The inherited :attr:`salutation`, or ``None``."""
        value: Salutation | None = self._inherited("salutation")
        return value

    @property
    def adds_default_reason(self) -> bool:
        """Whether a neutral reason is added when none was chosen."""
        return bool(self._inherited("default_reason"))

    def word_limit(self, kind: LetterKind | str) -> int:
        """The word limit for letters of *kind*."""
        key = str(getattr(kind, "value", kind))
        for tone in self.chain:
            if key in tone.word_limits:
                return tone.word_limits[key]
        return _DEFAULT_LIMITS[key]

    # --- wording ------------------------------------------------------------

    def _plugin_catalog(self, folder: str) -> Catalog | None:
        if self.domain is None or self.localedir is None:
            return None
        cache = self._plugin_catalogs
        if folder not in cache:
            cache[folder] = _read_plugin_catalog(self.localedir, self.domain, folder)
        return cache[folder]

    def own_message(self, locale: str, msgid: str) -> str | None:
        """This tone's own override of *msgid* in *locale* (not inherited).

        The locale's own table or catalog folder (``en_US``) comes first, then its
        language's (``en``).
        """
        lang = language(locale)
        text = self.messages.get(locale, {}).get(msgid) or self.messages.get(
            lang, {}
        ).get(msgid)
        if text is not None:
            return text
        for folder in dict.fromkeys((locale, lang)):
            plugin = self._plugin_catalog(folder)
            if plugin is not None:
                text = plugin.get(self.name, msgid) or plugin.get(None, msgid)
                if text is not None:
                    return text
        return None

    def message(self, locale: str, msgid: str) -> str:
        """Return the wording of *msgid* for this tone in *locale*.

        Raises:
            LookupError: No catalog has the message (a missing translation).
        """
        text = self.find_message(locale, msgid)
        if text is None:
            raise LookupError(
                f"message {msgid!r} has no wording in locale {language(locale)!r} "
                f"for tone {self.name!r}"
            )
        return text

    def find_message(self, locale: str, msgid: str) -> str | None:
        """Like :meth:`message`, but ``None`` when no catalog has the message."""
        key = (locale, msgid)
        try:
            return self._resolved[key]
        except KeyError:
            found = self._resolved[key] = self._lookup(locale, msgid)
            return found

    def _lookup(self, locale: str, msgid: str) -> str | None:
        # A locale is a folder name below: only one decline writes is looked up.
        locale = negotiate(locale)
        for tone in self.chain:
            text = tone.own_message(locale, msgid)
            if text is not None:
                return text
        builtin = catalog(locale)
        for tone in self.chain:
            text = builtin.get(tone.name, msgid)
            if text is not None:
                return text
        return builtin.get(f"@{self.address_form(locale)}", msgid) or builtin.get(
            None, msgid
        )

    def overridden(self) -> Iterable[tuple[str, str, str]]:
        """Yield (locale, message id, text) for every override this tone itself sets.

        First those of :attr:`messages`, then those of its own catalogs (see
        :meth:`catalog_overrides`).
        """
        for lang, table in self.messages.items():
            for msgid, text in table.items():
                yield lang, msgid, text
        yield from self.catalog_overrides()

    def catalog_overrides(self) -> Iterator[tuple[str, str, str]]:
        """Yield (folder, message id, text) for every message of this tone's catalogs.

        Raises:
            FieldError: The folder or a catalog in it cannot be read.
        """
        if self.domain is None or self.localedir is None:
            return
        try:
            entries = sorted(entry.name for entry in self.localedir.iterdir())
        except OSError as exc:
            raise FieldError(
                "tone.localedir",
                f"{str(self.localedir)!r} cannot be read: "
                f"{exc.strerror or type(exc).__name__}",
            ) from None
        for folder in entries:
            found = self.localedir / folder / "LC_MESSAGES"
            if not any(
                (found / f"{self.domain}{ext}").is_file() for ext in (".mo", ".po")
            ):
                continue
            try:
                written = negotiate(folder)
            except UnknownLocaleError as exc:
                raise FieldError(
                    "tone.localedir",
                    f"the folder {folder!r} holds a catalog but is not a locale "
                    f"decline writes; use one of {', '.join(exc.available)}",
                ) from None
            if written != folder:
                raise FieldError(
                    "tone.localedir",
                    f"the folder {folder!r} is never read; name it {written!r}, "
                    "as decline writes the locale",
                )
            plugin = self._plugin_catalog(folder)
            if plugin is None:
                continue
            for (_ctx, msgid), text in plugin.messages.items():
                yield folder, msgid, text

    @property
    def locales(self) -> tuple[str, ...]:
        """Languages this tone (or any base) overrides wording for, sorted."""
        found: set[str] = set()
        for tone in self.chain:
            found.update(lang for lang, _, _ in tone.overridden())
        return tuple(sorted(found))


def _identity(tone: Tone) -> tuple[Any, ...]:
    return (
        tone.name,
        tone.description,
        _identity(tone.base) if tone.base else None,
        tuple(sorted(tone.address.items())),
        tone.omit,
        tone.default_reason,
        tone.salutation,
        tuple(sorted(tone.word_limits.items())),
        tuple(sorted((k, tuple(sorted(v.items()))) for k, v in tone.messages.items())),
        tone.domain,
        tone.localedir,
    )


def _read_plugin_catalog(localedir: Path, domain: str, lang: str) -> Catalog | None:
    """A plugin's catalog for *lang*, or ``None``; a broken file is a FieldError."""
    folder = localedir / lang / "LC_MESSAGES"
    try:
        return read_catalog(folder, domain, lang)
    # A plugin's .mo or .po file may be anything: a .mo fails with ValueError, and
    # Babel's .po reader with OSError, ValueError, LookupError, AttributeError or
    # its own errors, so every Exception is one broken catalog.
    except Exception as exc:  # noqa: BLE001
        mo = folder / f"{domain}.mo"
        path = mo if mo.is_file() else folder / f"{domain}.po"
        kind = type(exc)
        name = (
            kind.__qualname__
            if kind.__module__ == "builtins"
            else f"{kind.__module__}.{kind.__qualname__}"
        )
        raise FieldError(
            "tone.localedir",
            f"the catalog {str(path)!r} cannot be read ({name}: {exc}); "
            "write it again, or compile it with `pybabel compile`",
        ) from None


def check_override(
    tone: Tone, lang: str, msgid: str, text: str, where: str | None = None
) -> None:
    """Check one wording *tone* sets for *msgid* in *lang*.

    The wording must be one line of text, and keep exactly the placeholders of the
    wording it replaces (the base's), or, when nothing is replaced, those the
    message may use.

    Args:
        tone: The tone that sets the wording.
        lang: The locale, as decline writes it.
        msgid: The message id.
        text: The wording.
        where: The field to name in an error (default:
            ``tone.messages[lang][msgid]``).

    Raises:
        FieldError: The wording is refused.
    """
    # The message table loads on first use, not at `import decline`.
    from decline._messages import MESSAGES  # noqa: PLC0415

    where = where or f"tone.messages[{lang!r}][{msgid!r}]"
    spec = MESSAGES.get(msgid)
    if spec is None:
        raise FieldError(
            where,
            "is not a message id decline uses; the ids are listed in "
            "locale/decline.pot",
        )
    problem = _text_problem(text)
    if problem is not None:
        raise FieldError(where, problem)
    original = tone.base.find_message(lang, msgid) if tone.base else None
    used = fields(text)
    if original is not None and used != fields(original):
        raise FieldError(
            where,
            f"uses the placeholders {sorted(used)} but the original uses "
            f"{sorted(fields(original))}; keep exactly the original's",
        )
    problems = spec.problems(used) if original is None else []
    if problems:
        raise FieldError(
            where,
            f"uses the placeholders {sorted(used)}: {'; '.join(problems)} "
            f"(it may use {sorted(spec.allowed | spec.required)})",
        )


def _builtin(name: str) -> Tone:
    """Unpickle a built-in preset as the preset itself."""
    return BUILTIN_TONES[name]


def _rebuild(kind: type[Tone], settings: dict[str, Any]) -> Tone:
    """Unpickle a tone: build it again from its settings, with every check."""
    return kind(**settings)


_DEFAULT_LIMITS: Mapping[str, int] = MappingProxyType(
    {"call_script": 170, "confirmation": 150, "thank_you": 120}
)

FORMAL = Tone(
    "formal",
    description="Courteous and complete: polite address, full names, every paragraph.",
    address={
        "de": "polite",
        "fr": "polite",
        "es": "polite",
        "nl": "polite",
        # Scandinavian business letters use du in every tone.
        "da": "familiar",
        "sv": "familiar",
        "nb": "familiar",
    },
    omit=frozenset(),
    default_reason=False,
    word_limits=_DEFAULT_LIMITS,
    source="built in",
)
WARM = FORMAL.derive(
    name="warm",
    description="Friendly and personal: first names, a kind word, a neutral reason by default.",
    address={"nl": "familiar"},
    default_reason=True,
    source="built in",
)
BRIEF = FORMAL.derive(
    name="brief",
    description="As short as courtesy allows: no optional paragraphs.",
    omit=frozenset({"kind_word", "people"}),
    word_limits={"call_script": 110, "confirmation": 100, "thank_you": 80},
    source="built in",
)

#: The tones that ship with ``decline``, by name (read-only).
BUILTIN_TONES: Mapping[str, Tone] = MappingProxyType(
    {t.name: t for t in (FORMAL, WARM, BRIEF)}
)
