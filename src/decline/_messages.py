"""Every message ``decline`` writes: its id, what it is for, and its placeholders.

This table is the source of ``locale/decline.pot`` (``nox -s i18n -- extract``
regenerates it) and what catalog checks and tone validation compare against.

Placeholders a message may use (the builder fills all of them):

=================  ==========================================================
``{company}``      the employer
``{position}``     the job title offered
``{contact}``      the contact's full name
``{contact_first}``  the contact's first name
``{contact_formal}`` honorific and surname (``Ms Hansen``), else the full name
``{contact_surname}`` the contact's surname
``{contact_honorific}`` the contact's honorific as given (``Frau``), or empty
``{contact_title}`` what follows the first word of a two-part honorific, with a
                   space (``Dr. `` from ``Frau Dr.``), or empty
``{candidate}``    the candidate's full name
``{candidate_first}`` the candidate's first name
``{people}``       the interviewers' names, joined as the language joins a list
``{date}``         a date written out in the locale (plan steps)
=================  ==========================================================

Messages marked *per tone* exist once for each built-in tone, with the tone's name
as gettext context; the others exist once, without context. *Optional* messages
are variants a language may need and others can leave out: ``greeting.female`` and
``greeting.male`` are used instead of ``greeting`` when the contact's honorific
tells the grammatical gender (``Sehr geehrte Frau …``), and likewise for the
closing (French repeats ``Madame`` there).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

__all__ = ["MESSAGES", "PLACEHOLDERS", "TONE_CONTEXTS", "MessageSpec"]

#: Every placeholder the builder fills.
PLACEHOLDERS = frozenset(
    {
        "company",
        "position",
        "contact",
        "contact_first",
        "contact_formal",
        "contact_surname",
        "contact_honorific",
        "contact_title",
        "candidate",
        "candidate_first",
        "people",
        "date",
    }
)

#: The contexts of per-tone messages: the built-in tones.
TONE_CONTEXTS = ("formal", "warm", "brief")


@attrs.frozen
class MessageSpec:
    """One message of the catalog.

    Attributes:
        msgid: The message id (a dotted key, never shown to users).
        comment: What the message is for, for translators.
        required: Placeholders every translation must use.
        per_tone: Whether each built-in tone has its own wording.
        optional: Whether a language may leave the message out.
    """

    msgid: str
    comment: str
    required: frozenset[str] = frozenset()
    per_tone: bool = True
    optional: bool = False


def _spec(
    msgid: str,
    comment: str,
    *required: str,
    per_tone: bool = True,
    optional: bool = False,
) -> MessageSpec:
    return MessageSpec(msgid, comment, frozenset(required), per_tone, optional)


_ALL = (
    # Greetings and sign-offs, shared by the letters.
    _spec("greeting", "Greeting line of the written letters; address the contact."),
    _spec("closing", "Sign-off above the candidate's name, as the language writes it."),
    _spec(
        "greeting.female",
        "Optional: greeting for a woman (Frau, Mme, Sra.).",
        optional=True,
    ),
    _spec(
        "greeting.male", "Optional: greeting for a man (Herr, M., Sr.).", optional=True
    ),
    _spec(
        "closing.female",
        "Optional: sign-off that names a woman's title.",
        optional=True,
    ),
    _spec(
        "closing.male", "Optional: sign-off that names a man's title.", optional=True
    ),
    # Step 1: the phone call.
    _spec("call.subject", "Title of the call script.", "contact", "position"),
    _spec(
        "call.opening",
        "First thing said on the phone: who is calling, about what.",
        "position",
    ),
    _spec("call.decision", "The decision, said plainly."),
    _spec("call.thanks", "Thanks for their time during the process."),
    _spec("call.follow_up", "Says that a short written confirmation follows today."),
    _spec("call.voicemail", "A complete short message for voicemail.", "position"),
    _spec(
        "call.voicemail_label", "Label before the voicemail message.", per_tone=False
    ),
    _spec("call.closing", "Last words of the call."),
    # Step 2: the written confirmation.
    _spec("confirmation.subject", "Subject line of the confirmation.", "position"),
    _spec(
        "confirmation.thanks",
        "Thanks for the offer of the position.",
        "position",
        "company",
    ),
    _spec("confirmation.decision", "The decision, stated plainly, as confirmation."),
    _spec("confirmation.people", "Thanks to the interviewers by name.", "people"),
    _spec(
        "confirmation.people_contact",
        "Thanks to the contact when no interviewers are named.",
    ),
    _spec(
        "confirmation.wishes", "Good wishes to the contact and the company.", "company"
    ),
    # Step 3: the thank-you note.
    _spec("thank_you.subject", "Subject line of the thank-you note."),
    _spec(
        "thank_you.thanks",
        "Thanks for considering the candidate and for their time.",
        "position",
    ),
    _spec("thank_you.kind_word", "A kind word about the conversations.", "company"),
    _spec("thank_you.stay_in_touch", "An invitation to stay in touch."),
    _spec(
        "thank_you.links",
        "Introduces the candidate's professional links, one per line.",
    ),
    # Canned reasons: one neutral sentence each.
    _spec("reason.other_offer", "Neutral reason: accepted another offer."),
    _spec(
        "reason.career_fit", "Neutral reason: the role does not fit the career plan."
    ),
    _spec(
        "reason.compensation",
        "Neutral reason: the pay does not meet the candidate's needs.",
    ),
    _spec("reason.location", "Neutral reason: location or commute."),
    _spec("reason.personal", "Neutral reason: personal circumstances."),
    _spec("reason.staying", "Neutral reason: staying with the current employer."),
    _spec("reason.unspecified", "Neutral sentence that gives no particular reason."),
    # The plan.
    _spec("plan.call", "Step 1 of the plan.", "contact", per_tone=False),
    _spec("plan.confirmation", "Step 2 of the plan.", "contact", per_tone=False),
    _spec("plan.thank_you", "Step 3 of the plan.", "contact", per_tone=False),
    _spec(
        "plan.overdue",
        "Warning in the plan when the answer is overdue.",
        "date",
        per_tone=False,
    ),
    # Names of the letter kinds, for display.
    _spec("kind.call_script", "Name of the call script, for display.", per_tone=False),
    _spec(
        "kind.confirmation",
        "Name of the written confirmation, for display.",
        per_tone=False,
    ),
    _spec("kind.thank_you", "Name of the thank-you note, for display.", per_tone=False),
    _spec(
        "label.subject",
        "Label before the subject line in plain text; a colon follows it, so end it "
        "with the space your language puts before a colon (French: U+202F).",
        per_tone=False,
    ),
    # Diagnostics of the guidance rules; placeholders are the rule's own.
    _spec(
        "rule.reason.one-sentence",
        "The reason has more than one sentence.",
        "count",
        per_tone=False,
    ),
    _spec(
        "rule.reason.too-long",
        "The reason is too long.",
        "words",
        "limit",
        per_tone=False,
    ),
    _spec(
        "rule.reason.negative-remark",
        "A negative term in a reason.",
        "term",
        per_tone=False,
    ),
    _spec(
        "rule.letter.negative-remark",
        "A negative term in a letter.",
        "term",
        per_tone=False,
    ),
    _spec(
        "rule.letter.long-reason",
        "More than one sentence explains why.",
        per_tone=False,
    ),
    _spec(
        "rule.letter.too-long",
        "The letter is over its word limit.",
        "words",
        "limit",
        per_tone=False,
    ),
    _spec("rule.letter.no-thanks", "The letter thanks no one.", per_tone=False),
    _spec("rule.letter.no-decision", "The decision is not stated.", per_tone=False),
    _spec(
        "rule.note.stay-in-touch",
        "The note does not ask to stay in touch.",
        per_tone=False,
    ),
    _spec("rule.note.no-links", "The note has no professional link.", per_tone=False),
    _spec(
        "rule.letter.unrequested-referral",
        "Offers a referral nobody asked for.",
        per_tone=False,
    ),
    _spec(
        "rule.letter.placeholder", "An unfilled placeholder.", "term", per_tone=False
    ),
    _spec(
        "rule.letter.other-offer-details",
        "Names the other employer or its pay.",
        "term",
        per_tone=False,
    ),
    _spec(
        "rule.timing.prompt",
        "Days have passed since the offer arrived.",
        "days",
        per_tone=False,
    ),
    _spec(
        "rule.locale.mismatch",
        "The text reads as another language than the one it was checked in; "
        "language is its name in the checked language, code its locale code.",
        "language",
        "code",
        per_tone=False,
    ),
    _spec(
        "rule.timing.prompt.overdue",
        "The deadline for an answer has passed.",
        "date",
        per_tone=False,
    ),
)

#: The messages by id.
MESSAGES: Mapping[str, MessageSpec] = {spec.msgid: spec for spec in _ALL}
