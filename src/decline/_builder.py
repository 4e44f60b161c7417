"""The builder: :class:`LetterBuilder` writes the three letters for one offer.

It composes a letter from messages (see :mod:`decline._messages`): it looks each one
up through the tone (:meth:`decline.Tone.message`), fills the placeholders from the
offer, and joins the sentences into paragraphs. It then checks what it built against
the guidance; a built letter that breaks it is a bug, and raises.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

import attrs

from decline import _i18n
from decline._errors import FieldError, GuidanceError
from decline._letter import Letter, LetterKind, _negotiate, _trusted_letter
from decline._model import (
    Offer,
    Person,
    ReasonKind,
    Team,
    contact_form,
    placeholder_values,
)
from decline._reason import DeclineReason
from decline._registry import get_tone
from decline._tone import FORMAL, Tone

__all__ = ["LetterBuilder", "sample_letters", "sample_offer"]


def _to_referral(value: object) -> object:
    """Converter: a name becomes a :class:`Person`."""
    if isinstance(value, str):
        return Person(value)
    return value


class _Judged:
    """A bounded, thread-safe set of letter wordings that passed the guidance."""

    def __init__(self, size: int = 4096) -> None:
        self._lock = threading.Lock()
        self._keys: dict[object, None] = {}
        self._size = size

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def add(self, key: object) -> None:
        with self._lock:
            if len(self._keys) >= self._size:
                self._keys.pop(next(iter(self._keys)))
            self._keys[key] = None


_JUDGED = _Judged()


def _terminate(sentence: str) -> str:
    sentence = sentence.strip()
    if sentence and sentence[-1] not in ".!?…\"'”»)":
        sentence += "."
    return sentence


def _join(*sentences: str | None) -> str:
    return " ".join(s for s in sentences if s)


@attrs.frozen
class LetterBuilder:
    """Writes the three letters for one offer; immutable.

    Every ``with_*`` method returns a new builder.

    Args:
        offer: The offer being declined.
        locale: The language to write in (``"da"``, ``"en_GB"``, ``"da_DK.UTF-8"``).
        tone: A tone name or :class:`~decline.Tone`.
        reason: Why the candidate declines; ``None`` lets the tone decide
            (``warm`` adds a neutral sentence), :meth:`DeclineReason.none` gives
            no reason at all.
        referral: Someone to suggest for the role (a :class:`Person` or a name),
            only when the employer asked (``Offer.referral_requested``). When they
            asked and no one is given, the confirmation and the call offer to
            suggest someone.

    Examples:
        >>> from decline import Offer, Person
        >>> offer = Offer(company="Nordlys A/S", position="Data Engineer",
        ...               contact=Person("Mette Hansen"), candidate=Person("Jonas Berg"))
        >>> letter = LetterBuilder(offer, locale="da", tone="warm").confirmation()
        >>> letter.greeting
        'Kære Mette'
    """

    offer: Offer = attrs.field()
    locale: str = attrs.field(default="en", kw_only=True, converter=_negotiate)
    tone: Tone = attrs.field(default=FORMAL, kw_only=True, converter=get_tone)
    reason: DeclineReason | None = attrs.field(default=None, kw_only=True)
    referral: Person | None = attrs.field(
        default=None, kw_only=True, converter=_to_referral
    )

    @referral.validator
    def _referral(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if not isinstance(value, Person):
            raise TypeError(
                f"referral: expected a Person or a name, got {type(value).__name__}"
            )
        if isinstance(self.offer, Offer) and not self.offer.referral_requested:
            raise FieldError(
                "referral",
                "the employer did not ask for a referral (offer.referral_requested "
                "is False); suggest someone only when they ask (guidance G6)",
            )

    @offer.validator
    def _offer(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Offer):
            raise TypeError(f"offer: expected Offer, got {type(value).__name__}")

    @reason.validator
    def _reason(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, DeclineReason):
            raise TypeError(
                f"reason: expected DeclineReason, got {type(value).__name__}; "
                "use DeclineReason.custom(text) for your own wording"
            )
        if isinstance(value, DeclineReason) and value.text is not None:
            reason_lang = _i18n.language(value.locale or "en")
            if reason_lang != _i18n.language(self.locale):
                raise FieldError(
                    "reason.locale",
                    f"the reason is written in {reason_lang!r} but the letter in "
                    f"{_i18n.language(self.locale)!r}; write it in the letter's language",
                )

    def with_reason(self, reason: DeclineReason | None) -> LetterBuilder:
        """Return a builder that gives *reason*."""
        return attrs.evolve(self, reason=reason)

    def with_tone(self, tone: str | Tone) -> LetterBuilder:
        """Return a builder that writes in *tone*."""
        return attrs.evolve(self, tone=tone)

    def with_locale(self, locale: str) -> LetterBuilder:
        """Return a builder that writes in *locale*."""
        return attrs.evolve(self, locale=locale)

    def with_referral(self, referral: Person | str | None) -> LetterBuilder:
        """Return a builder that suggests *referral* (the employer must have asked)."""
        return attrs.evolve(self, referral=referral)

    # --- composition ---------------------------------------------------------

    @property
    def _unnamed(self) -> bool:
        return self.offer.addressee is None

    def _values(self) -> dict[str, str]:
        values = placeholder_values(self.offer, self.locale)
        if self.referral is not None:
            values["referral"] = self.referral.name
        return values

    def _say(self, msgid: str, values: Mapping[str, str]) -> str:
        """A message, in its ``.unnamed`` variant when no person is named."""
        if self._unnamed:
            variant = self.tone.find_message(self.locale, f"{msgid}.unnamed")
            if variant is not None:
                return _i18n.fill(variant, values)
        return _i18n.fill(self.tone.message(self.locale, msgid), values)

    def _say_to_contact(self, msgid: str, values: Mapping[str, str]) -> str:
        """Greeting or closing: the gendered variant when the honorific tells it.

        A tone's :attr:`~decline.Tone.salutation` decides how the contact is named.
        """
        style = self.tone.salutation_style
        if style is not None:
            name = values[
                {
                    "formal": "contact_formal",
                    "full_name": "contact",
                    "first_name": "contact_first",
                }[style]
            ]
            values = {
                **values,
                "contact": name,
                "contact_first": name,
                "contact_formal": name,
            }

        contact = self.offer.addressee
        if contact is not None:
            form = contact_form(contact, self.locale)
            if form != "neutral":
                variant = self.tone.find_message(self.locale, f"{msgid}.{form}")
                if variant is not None:
                    return _i18n.fill(variant, values)
        return self._say(msgid, values)

    def _referral_sentence(self, values: Mapping[str, str]) -> str | None:
        """The referral offer, only when the employer asked for one (G6)."""
        if not self.offer.referral_requested:
            return None
        msgid = "referral.named" if self.referral is not None else "referral.offer"
        return self._say(msgid, values)

    def _reason_sentence(self) -> str | None:
        reason = self.reason
        if reason is None:
            reason = (
                DeclineReason.unspecified() if self.tone.adds_default_reason else None
            )
        if reason is None or not reason.given:
            return None
        if reason.text is not None:
            return _terminate(reason.text)
        kind = reason.kind or ReasonKind.UNSPECIFIED
        return self.tone.message(self.locale, kind.msgid)

    def _signature(self, *, details: bool) -> tuple[str, ...]:
        candidate = self.offer.candidate
        lines = [candidate.name]
        if details:
            lines += [v for v in (candidate.email, candidate.phone) if v]
        return tuple(lines)

    def build(self, kind: LetterKind | str) -> Letter:
        """Build the letter of *kind* and check it against the guidance.

        Raises:
            GuidanceError: The letter breaks the guidance — with a built-in tone
                this is a bug; with your own tone, its wording is at fault.
        """
        letter = self._compose(LetterKind.parse(kind))
        # The same letter for the same offer is judged once: the verdict depends
        # on the text and the offer (a finding may span the template's words and
        # the offer's values), so both are the key, never a masked wording.
        key = (self.tone, letter.locale, letter.kind, letter.text, self.offer)
        if key in _JUDGED:
            return letter
        attrs.validate(letter)  # new wording: every field's validator runs once
        from decline.guidance import check  # noqa: PLC0415

        report = check(letter, offer=self.offer, tone=self.tone)
        if not report.ok:
            raise GuidanceError(
                f"the {letter.kind.value} written in tone {self.tone.name!r} "
                f"and locale {self.locale!r} breaks the guidance",
                report.errors,
            )
        _JUDGED.add(key)
        return letter

    def _compose(self, kind: LetterKind) -> Letter:
        v = self._values()
        say = self._say
        optional = self.tone.optional_paragraphs(kind.value)
        reason = self._reason_sentence()
        common = {
            "kind": kind,
            "locale": self.locale,
            "tone": self.tone.name,
            "sender": self.offer.candidate,
            "recipient": self.offer.contact,
        }
        referral = self._referral_sentence(v)
        if kind is LetterKind.CALL_SCRIPT:
            # The last words of the call come before the voicemail version, which
            # is complete in itself: the script ends with no second goodbye.
            paragraphs = [
                _join(say("call.decision", v), reason),
                _join(say("call.thanks", v), referral, say("call.follow_up", v)),
                say("call.closing", v),
            ]
            if "voicemail" in optional:
                paragraphs.append(
                    say("call.voicemail_label", v) + "\n" + say("call.voicemail", v)
                )
            return _trusted_letter(
                subject=say("call.subject", v),
                greeting=say("call.opening", v),
                paragraphs=tuple(paragraphs),
                closing="",
                **common,
            )
        if kind is LetterKind.CONFIRMATION:
            paragraphs = [
                _join(
                    say("confirmation.thanks", v),
                    say("confirmation.decision", v),
                    reason,
                )
            ]
            if "people" in optional:
                key = (
                    "confirmation.people"
                    if self.offer.interviewers
                    else "confirmation.people_contact"
                )
                paragraphs.append(say(key, v))
            if referral is not None:
                paragraphs.append(referral)
            paragraphs.append(say("confirmation.wishes", v))
            return _trusted_letter(
                subject=say("confirmation.subject", v),
                greeting=self._say_to_contact("greeting", v),
                paragraphs=tuple(paragraphs),
                closing=self._say_to_contact("closing", v),
                signature=self._signature(details=True),
                **common,
            )
        first = [say("thank_you.thanks", v)]
        if "kind_word" in optional:
            first.append(say("thank_you.kind_word", v))
        touch = say("thank_you.stay_in_touch", v)
        links = self.offer.candidate.links
        if links:
            touch = "\n".join((_join(touch, say("thank_you.links", v)), *links))
        return _trusted_letter(
            subject=say("thank_you.subject", v),
            greeting=self._say_to_contact("greeting", v),
            paragraphs=(_join(*first), touch),
            closing=self._say_to_contact("closing", v),
            signature=self._signature(details=False),
            **common,
        )

    def call_script(self) -> Letter:
        """Step 1: what to say on the phone, with a short version for voicemail."""
        return self.build(LetterKind.CALL_SCRIPT)

    def confirmation(self) -> Letter:
        """Step 2: the short written confirmation of the decision."""
        return self.build(LetterKind.CONFIRMATION)

    def thank_you(self) -> Letter:
        """Step 3: the thank-you note that asks to stay in touch."""
        return self.build(LetterKind.THANK_YOU)

    def letters(self) -> tuple[Letter, Letter, Letter]:
        """All three letters, in the order they are sent."""
        return (self.call_script(), self.confirmation(), self.thank_you())


def sample_offer(*, team: bool = False) -> Offer:
    """A plain offer used to try tones out; with *team*, to a team that asked for a referral."""
    if team:
        return Offer(
            company="Example Ltd",
            position="Analyst",
            contact=Team("Recruitment", email="jobs@example.org"),
            candidate=Person("Sam Taylor", email="sam@example.org"),
            referral_requested=True,
        )
    return Offer(
        company="Example Ltd",
        position="Analyst",
        contact=Person("Alex Morgan", email="alex@example.org", honorific="Dr."),
        candidate=Person(
            "Sam Taylor", email="sam@example.org", links=("https://example.org/sam",)
        ),
        interviewers=(Person("Kim Lee"), Person("Robin Park")),
    )


def sample_letters(tone: Tone, locale: str) -> list[tuple[Letter, Offer]]:
    """The letters *tone* writes in *locale* for the sample offers, unchecked.

    The three letters to a named contact, then the three to a team that asked for
    a referral, each with its offer. :func:`decline.tones.validate_tone` checks
    them itself, to report the findings.
    """
    out: list[tuple[Letter, Offer]] = []
    for offer in (sample_offer(), sample_offer(team=True)):
        builder = LetterBuilder(offer, locale=locale, tone=tone)
        out.extend((builder._compose(kind), offer) for kind in LetterKind)  # noqa: SLF001
    return out
