"""Tones: how a letter sounds, and the registry users extend.

A :class:`Tone` decides the wording (gettext messages whose context is the tone's
name), the address form where a language has one, which optional paragraphs
appear, whether a neutral reason is added when none was chosen, and the word limits
the guidance holds letters to. Three tones are built in — ``formal``, ``warm`` and
``brief`` — and they are made exactly as a user's tone is made.

A tone derives from another (its :attr:`Tone.base`) and inherits everything it does
not override, like ``rich.theme.Theme(inherit=True)``. Wording is looked up in this
order, first match wins:

1. the tone's own overrides (:attr:`Tone.messages`, then its plugin catalog),
   then those of its base, and so on;
2. the built-in catalog under the tone's name, then its base's name, …;
3. the built-in catalog under the address form (``@polite`` or ``@familiar``);
4. the built-in catalog without context.

Entry points: a package publishes tones in the ``decline.tones`` group; each entry
point names a :class:`Tone` (or a callable returning one, or several). They are
loaded lazily — when a name is not built in or registered, or when tones are listed
— never at ``import decline``. A plugin that cannot be loaded, whose factory
raises, that gives something other than tones, or whose tone fails
:func:`validate_tone` is left out with one :class:`RuntimeWarning` naming the entry
point and the reason; the other plugins are listed all the same.
"""

from __future__ import annotations

from decline import _i18n
from decline._errors import GuidanceError
from decline._registry import (
    _registry,
    all_tones,
    available_tones,
    get_tone,
    install_validator,
)
from decline._tone import (
    BRIEF,
    BUILTIN_TONES,
    ENTRY_POINT_GROUP,
    FORMAL,
    OPTIONAL_PARAGRAPHS,
    WARM,
    AddressForm,
    Salutation,
    Tone,
    check_override,
)

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
    "all_tones",
    "available_tones",
    "get_tone",
    "register",
    "unregister",
    "validate_tone",
]


def register(tone: Tone, *, replace: bool = False, validate: bool = True) -> Tone:
    """Make a tone available by name to the builder and the command line.

    A tone's settings are checked when it is made (every overridden message keeps
    exactly the placeholders of the message it replaces, and so on). Before it is
    registered it is checked again as a whole: the gettext catalogs of the tone and
    of its bases must be readable and hold only messages that pass the same checks,
    and the tone must build all three letters in every locale it covers without
    breaking the guidance.

    Args:
        tone: The tone.
        replace: Replace a registered tone of the same name.
        validate: Run the checks above (leave on unless you run them yourself).

    Returns:
        The tone, so that ``register`` can be used as an expression.

    Raises:
        FieldError: The name is taken, or a catalog of the tone or of a base cannot
            be read or holds a refused message (a changed placeholder, a line
            break, an unknown message id).
        GuidanceError: A letter built with the tone breaks the guidance.
        TypeError: *tone* is not a :class:`~decline.Tone`.

    Examples:
        >>> tone = register(FORMAL.derive(name="example-tone"))
        >>> get_tone("example-tone") is tone
        True
        >>> unregister("example-tone")
    """
    if not isinstance(tone, Tone):
        raise TypeError(f"tone: expected a Tone, got {type(tone).__name__}")
    if validate:
        validate_tone(tone)
    _registry.add(tone, replace=replace)
    return tone


def unregister(name: str) -> None:
    """Remove a registered tone (built-in tones stay).

    Raises:
        UnknownToneError: No registered tone has that name.

    Examples:
        >>> unregister("never-registered")
        Traceback (most recent call last):
        ...
        decline.UnknownToneError: tone: 'never-registered' is unknown; use one of formal, warm, brief
    """
    _registry.remove(name)


def validate_tone(tone: Tone) -> None:
    """Check a tone's catalogs and the letters it writes; see :func:`register`.

    A tone's own settings are checked when it is made; this reads the gettext
    catalogs of the tone and of each base (``domain`` and ``localedir``), checks
    every message in them as :attr:`~decline.Tone.messages` are checked, and builds the
    letters.

    Raises:
        FieldError: A catalog cannot be read, sits in a folder that is not a
            locale, or holds a message that is refused.
        GuidanceError: A letter built with the tone breaks the guidance.

    Examples:
        >>> validate_tone(WARM.derive(name="fine"))  # passes silently
    """
    if not isinstance(tone, Tone):
        raise TypeError(f"tone: expected a Tone, got {type(tone).__name__}")
    for link in tone.chain:
        for folder, msgid, text in link.catalog_overrides():
            where = (
                f"tone.localedir: {folder}/LC_MESSAGES/{link.domain}: message {msgid!r}"
            )
            check_override(link, folder, msgid, text, where)
    # The builder and the guidance engine load on first use, not at `import decline`.
    from decline._builder import sample_letters  # noqa: PLC0415
    from decline.guidance import check  # noqa: PLC0415

    for locale in tone.locales or _i18n.available_locales():
        for letter, offer in sample_letters(tone, locale):
            report = check(letter, offer=offer, tone=tone)
            if not report.ok:
                raise GuidanceError(
                    f"tone {tone.name!r}: its {letter.kind.value} in {locale!r} "
                    "breaks the guidance",
                    report.errors,
                )


install_validator(validate_tone)
