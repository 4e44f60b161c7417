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
— never at ``import decline``.
"""

from __future__ import annotations

from decline import _i18n
from decline._errors import FieldError, GuidanceError
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

    Before it is registered the tone is checked: every overridden message must keep
    exactly the placeholders of the message it replaces, and the tone must build
    all three letters in every locale it covers without breaking the guidance.

    Args:
        tone: The tone.
        replace: Replace a registered tone of the same name.
        validate: Run the checks above (leave on unless you run them yourself).

    Returns:
        The tone, so that ``register`` can be used as an expression.

    Raises:
        FieldError: The name is taken, or an override changes placeholders.
        GuidanceError: A letter built with the tone breaks the guidance.

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
    """Check a tone's overrides and the letters it writes; see :func:`register`.

    Examples:
        >>> validate_tone(WARM.derive(name="fine"))  # passes silently
    """
    # The message table loads on first use, not at `import decline`.
    from decline._messages import MESSAGES  # noqa: PLC0415

    for lang, msgid, text in tone.overridden():
        spec = MESSAGES.get(msgid)
        if spec is None:
            raise FieldError(
                f"tone.messages[{lang!r}][{msgid!r}]",
                "is not a message id decline uses",
            )
        try:
            _i18n.negotiate(lang)
        except LookupError as exc:
            raise FieldError(f"tone.messages[{lang!r}]", str(exc)) from None
        original = tone.base.find_message(lang, msgid) if tone.base else None
        used = _i18n.fields(text)
        where = f"tone.messages[{lang!r}][{msgid!r}]"
        if original is not None and used != _i18n.fields(original):
            raise FieldError(
                where,
                f"uses the placeholders {sorted(used)} but the original uses "
                f"{sorted(_i18n.fields(original))}; keep exactly the original's",
            )
        problems = spec.problems(used) if original is None else []
        if problems:
            raise FieldError(
                where,
                f"uses the placeholders {sorted(used)}: {'; '.join(problems)} "
                f"(it may use {sorted(spec.allowed | spec.required)})",
            )
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
