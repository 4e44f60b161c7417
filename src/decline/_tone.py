"""Tones: the :class:`Tone` type and the built-in presets ``formal``, ``warm``, ``brief``.

A tone is a value: it knows its settings and looks its wording up in the catalogs.
Finding a tone by name is :mod:`decline._registry`'s job; registering one, which
checks the letters it writes, is :mod:`decline.tones`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import attrs

from decline._errors import FieldError
from decline._i18n import Catalog, catalog, language, read_catalog

if TYPE_CHECKING:
    from pathlib import Path

    from decline._letter import LetterKind

__all__ = [
    "BRIEF",
    "BUILTIN_TONES",
    "ENTRY_POINT_GROUP",
    "FORMAL",
    "OPTIONAL_PARAGRAPHS",
    "WARM",
    "AddressForm",
    "Salutation",
    "Tone",
]

#: The entry-point group plugin packages publish tones in.
ENTRY_POINT_GROUP = "decline.tones"

#: Paragraphs a tone may leave out, by name.
OPTIONAL_PARAGRAPHS: tuple[str, ...] = ("kind_word", "people", "voicemail")

AddressForm = Literal["polite", "familiar"]
Salutation = Literal["formal", "full_name", "first_name"]
_SALUTATIONS = ("formal", "full_name", "first_name")

_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
_KINDS = ("call_script", "confirmation", "thank_you")


def _check_name(instance: Tone, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(f"tone.name: expected a string, got {type(value).__name__}")
    if not _NAME.match(value):
        raise FieldError(
            "tone.name",
            f"{value!r} is not a tone name; use lowercase letters, digits, '-' or '_' "
            "(at most 40, starting with a letter)",
        )


def _check_salutation(
    instance: Tone, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and value not in _SALUTATIONS:
        raise FieldError("tone.salutation", f"{value!r} is not one of {_SALUTATIONS}")


def _frozen_mapping(value: object) -> object:
    if isinstance(value, Mapping):
        return {k: (dict(v) if isinstance(v, Mapping) else v) for k, v in value.items()}
    return value


def _check_messages(
    instance: Tone, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, dict):
        raise TypeError("tone.messages: expected {locale: {message id: text}}")
    for lang, table in value.items():
        if not isinstance(lang, str) or not isinstance(table, dict):
            raise TypeError("tone.messages: expected {locale: {message id: text}}")
        for msgid, text in table.items():
            if (
                not isinstance(msgid, str)
                or not isinstance(text, str)
                or not text.strip()
            ):
                raise FieldError(
                    f"tone.messages[{lang!r}][{msgid!r}]",
                    "must be a non-empty string",
                )


def _check_limits(
    instance: Tone, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, dict):
        raise TypeError("tone.word_limits: expected {letter kind: words}")
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
        raise TypeError("tone.omit: expected a set of paragraph names")
    unknown = set(value) - set(OPTIONAL_PARAGRAPHS)
    if unknown:
        raise FieldError(
            "tone.omit",
            f"{sorted(unknown)} are not optional paragraphs; use {OPTIONAL_PARAGRAPHS}",
        )


def _to_path(value: object) -> Path | None:
    """Converter: a directory as a :class:`~pathlib.Path` (``None`` stays ``None``)."""
    if value is None:
        return None
    from pathlib import Path  # noqa: PLC0415 - only plugins use it

    if not isinstance(value, (str, Path)):
        raise TypeError(f"tone.localedir: expected a path, got {type(value).__name__}")
    return Path(value)


def _to_frozenset(value: object) -> object:
    if value is None or isinstance(value, frozenset):
        return value
    if isinstance(value, str):
        return frozenset((value,))
    if isinstance(value, Iterable):
        return frozenset(value)
    return value


#: The optional paragraphs of each letter kind.
_OPTIONAL: Mapping[str, tuple[str, ...]] = {
    "call_script": ("voicemail",),
    "confirmation": ("people",),
    "thank_you": ("kind_word",),
}


@attrs.frozen(eq=False)
class Tone:
    """A tone preset.

    Attributes:
        name: The tone's name, also the gettext context of its wording.
        description: One line for ``decline tones``.
        base: The tone this one derives from; everything left as ``None`` or empty
            is inherited from it.
        address: The address form per language (``{"de": "polite"}``); languages
            with a single form ignore it.
        omit: Optional paragraphs to leave out (see
            :data:`~decline.tones.OPTIONAL_PARAGRAPHS`).
        default_reason: Whether a neutral reason sentence is added when the
            builder was given no reason at all.
        salutation: How the greeting names the contact: ``"formal"`` (honorific
            and surname, else the full name), ``"full_name"`` or ``"first_name"``;
            ``None`` keeps the wording's own choice.
        word_limits: Word limits per letter kind; over the limit is a warning,
            half as much again an error.
        messages: Wording overrides, ``{locale: {message id: text}}``; each must
            keep the placeholders of the message it replaces.
        domain: The gettext domain of a plugin's own catalogs, or ``None``.
        localedir: The directory holding ``<ll>/LC_MESSAGES/<domain>.po`` (or
            ``.mo``) for *domain*.
        source: Where the tone comes from (``"built in"``, ``"registered"``, or a
            plugin's distribution name); filled in by the registry.

    Examples:
        >>> academic = FORMAL.derive(
        ...     name="academic",
        ...     description="For university posts",
        ...     messages={"en": {"wishes": "I wish you and the department every success."}},
        ... )
        >>> academic.base.name
        'formal'
    """

    name: str = attrs.field(validator=_check_name)
    description: str = attrs.field(default="", kw_only=True)
    base: Tone | None = attrs.field(default=None, kw_only=True)
    address: Mapping[str, AddressForm] = attrs.field(
        factory=dict, kw_only=True, converter=_frozen_mapping
    )
    omit: frozenset[str] | None = attrs.field(
        default=None, kw_only=True, converter=_to_frozenset, validator=_check_omit
    )
    default_reason: bool | None = attrs.field(default=None, kw_only=True)
    salutation: Salutation | None = attrs.field(
        default=None, kw_only=True, validator=_check_salutation
    )
    word_limits: Mapping[str, int] = attrs.field(
        factory=dict, kw_only=True, converter=_frozen_mapping, validator=_check_limits
    )
    messages: Mapping[str, Mapping[str, str]] = attrs.field(
        factory=dict, kw_only=True, converter=_frozen_mapping, validator=_check_messages
    )
    domain: str | None = attrs.field(default=None, kw_only=True)
    localedir: Path | None = attrs.field(default=None, kw_only=True, converter=_to_path)
    source: str = attrs.field(default="registered", kw_only=True)
    _plugin_catalogs: dict[str, Catalog | None] = attrs.field(
        factory=dict, init=False, repr=False, eq=False
    )
    # Resolved wording by (locale, msgid): a tone and its catalogs never change.
    _resolved: dict[tuple[str, str], str | None] = attrs.field(
        factory=dict, init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        """Check what one field's validator cannot: the base and the plugin catalog."""
        if self.base is not None and not isinstance(self.base, Tone):
            raise TypeError(
                f"tone.base: expected a Tone, got {type(self.base).__name__}"
            )
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

    def _plugin_catalog(self, lang: str) -> Catalog | None:
        if self.domain is None or self.localedir is None:
            return None
        cache = self._plugin_catalogs
        if lang not in cache:
            cache[lang] = _read_plugin_catalog(self.localedir, self.domain, lang)
        return cache[lang]

    def own_message(self, locale: str, msgid: str) -> str | None:
        """This tone's own override of *msgid* in *locale* (not inherited)."""
        lang = language(locale)
        text = self.messages.get(locale, {}).get(msgid) or self.messages.get(
            lang, {}
        ).get(msgid)
        if text is not None:
            return text
        plugin = self._plugin_catalog(lang)
        if plugin is not None:
            return plugin.get(self.name, msgid) or plugin.get(None, msgid)
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
        """Yield (locale, message id, text) for every override this tone itself sets."""
        for lang, table in self.messages.items():
            for msgid, text in table.items():
                yield lang, msgid, text
        if (
            self.domain is not None
            and self.localedir is not None
            and self.localedir.is_dir()
        ):
            for entry in sorted(self.localedir.iterdir()):
                plugin = self._plugin_catalog(entry.name)
                if plugin is None:
                    continue
                for (_ctx, msgid), text in plugin.messages.items():
                    yield entry.name, msgid, text

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
    return read_catalog(localedir / lang / "LC_MESSAGES", domain, lang)


_DEFAULT_LIMITS = {"call_script": 170, "confirmation": 150, "thank_you": 120}

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

#: The tones that ship with ``decline``, by name.
BUILTIN_TONES: Mapping[str, Tone] = {t.name: t for t in (FORMAL, WARM, BRIEF)}
