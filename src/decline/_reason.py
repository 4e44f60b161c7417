"""Why the candidate declines: :class:`DeclineReason`, checked against the guidance.

A custom reason is read by the guidance engine when it is made (G4, G5), so this
module sits above :mod:`decline.guidance` and calls down into it.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from decline import _i18n
from decline._errors import FieldError, GuidanceError
from decline._model import LIMITS, ReasonKind, _clean, _instance_of, _normalise

__all__ = ["DeclineReason"]


def _check_reason_text(
    instance: DeclineReason, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        return
    _clean("reason.text", value, LIMITS["reason"])


@attrs.frozen
class DeclineReason:
    """Why the candidate declines — optional, and one neutral sentence at most (G4).

    Build one with a class method: a canned kind (:meth:`other_offer`,
    :meth:`career_fit`, …) is worded by the letter's locale and tone; a
    :meth:`custom` text is checked against the guidance and used as written;
    :meth:`none` gives no reason at all.

    Attributes:
        kind: The canned reason, or for a custom text its most likely kind (used
            to suggest a neutral rewording), or ``None``.
        text: The custom wording, or ``None`` for a canned reason.
        locale: The language the custom text is written in.

    Examples:
        >>> DeclineReason.other_offer().kind
        <ReasonKind.OTHER_OFFER: 'other_offer'>
        >>> DeclineReason.none().given
        False
    """

    kind: ReasonKind | None = attrs.field(
        default=None, validator=_instance_of(ReasonKind, optional=True)
    )
    text: str | None = attrs.field(
        default=None, kw_only=True, converter=_normalise, validator=_check_reason_text
    )
    locale: str | None = attrs.field(default=None, kw_only=True)

    _canned: ClassVar[tuple[str, ...]] = tuple(k.value for k in ReasonKind)

    def __attrs_post_init__(self) -> None:
        if self.text is None:
            if self.locale is not None:
                raise FieldError(
                    "reason.locale", "is only meaningful with a custom text"
                )
            return
        if self.locale is None:
            raise FieldError(
                "reason.locale", "is required with a custom text (e.g. 'en')"
            )
        object.__setattr__(self, "locale", _i18n.negotiate(self.locale))
        # The guidance engine and its rules load on first use, not at `import decline`.
        from decline.guidance import check  # noqa: PLC0415

        report = check(self)
        if not report.ok:
            raise GuidanceError(
                "reason: the text breaks the guidance (G4, G5); "
                "keep it to one neutral sentence",
                report.errors,
            )

    @property
    def given(self) -> bool:
        """Whether the letter states a reason at all."""
        return self.kind is not None or self.text is not None

    @classmethod
    def other_offer(cls) -> DeclineReason:
        """I have accepted another offer."""
        return cls(ReasonKind.OTHER_OFFER)

    @classmethod
    def career_fit(cls) -> DeclineReason:
        """The role does not fit where my career is going."""
        return cls(ReasonKind.CAREER_FIT)

    @classmethod
    def compensation(cls) -> DeclineReason:
        """The pay or package does not meet my needs (said neutrally)."""
        return cls(ReasonKind.COMPENSATION)

    @classmethod
    def location(cls) -> DeclineReason:
        """The location or commute does not work for me."""
        return cls(ReasonKind.LOCATION)

    @classmethod
    def personal(cls) -> DeclineReason:
        """Personal circumstances."""
        return cls(ReasonKind.PERSONAL)

    @classmethod
    def staying(cls) -> DeclineReason:
        """I have decided to stay with my current employer."""
        return cls(ReasonKind.STAYING)

    @classmethod
    def unspecified(cls) -> DeclineReason:
        """A neutral sentence that gives no particular reason."""
        return cls(ReasonKind.UNSPECIFIED)

    @classmethod
    def none(cls) -> DeclineReason:
        """No reason at all (the guidance says a reason is optional)."""
        return cls()

    @classmethod
    def custom(cls, text: str, *, locale: str = "en") -> DeclineReason:
        """Your own reason, checked against the guidance.

        Args:
            text: One neutral sentence.
            locale: The language it is written in.

        Raises:
            GuidanceError: The text is more than one sentence, too long, or makes a
                negative remark; ``.diagnostics`` says where and what to write.

        Examples:
            >>> DeclineReason.custom("I have accepted a role closer to home.").text
            'I have accepted a role closer to home.'
        """
        # The guidance engine and its rules load on first use, not at `import decline`.
        from decline.guidance import classify  # noqa: PLC0415

        cleaned = _clean("reason.text", text, LIMITS["reason"])
        tag = _i18n.negotiate(locale)
        return cls(classify(cleaned, tag), text=cleaned, locale=tag)

    @classmethod
    def from_value(
        cls, value: str | ReasonKind | DeclineReason, *, locale: str = "en"
    ) -> DeclineReason:
        """Parse a command-line value: a canned kind name (``other-offer``) or free text.

        A :class:`ReasonKind` gives its canned reason and a :class:`DeclineReason`
        is returned as it is; ``"none"`` or an empty string gives no reason.

        Raises:
            TypeError: *value* is not a string, a kind or a reason.
            GuidanceError: Free text that breaks the guidance (see :meth:`custom`).

        Examples:
            >>> DeclineReason.from_value("other-offer").kind
            <ReasonKind.OTHER_OFFER: 'other_offer'>
            >>> DeclineReason.from_value(None)
            Traceback (most recent call last):
            ...
            TypeError: reason: expected a string such as 'other-offer' or your own sentence, got NoneType
        """
        if isinstance(value, DeclineReason):
            return value
        if isinstance(value, ReasonKind):
            return cls(value)
        if not isinstance(value, str):
            raise TypeError(
                "reason: expected a string such as 'other-offer' or your own "
                f"sentence, got {type(value).__name__}"
            )
        key = value.strip().lower().replace("-", "_")
        if key in ("none", ""):
            return cls.none()
        if key in cls._canned:
            return cls(ReasonKind(key))
        return cls.custom(value, locale=locale)
