"""Every message ``decline`` writes: its id, what it is for, and its placeholders.

This table is the source of ``locale/decline.pot`` (``nox -s i18n -- extract``
regenerates it) and what catalog checks and tone validation compare against.

Placeholders a message may use (the builder fills all of them):

=======================  ====================================================
``{company}``            the employer
``{company_dat}``        the employer with the article its legal form takes in
                         the dative (German ``der Acme GmbH``), else the name
``{company_acc}``        the same in the accusative (``die Acme GmbH``)
``{position}``           the job title offered, without an ad's gender marker
                         such as ``(m/w/d)``
``{position_de}``        the job title after French *de*, elided before a vowel
                         (``d'Analyst``, ``de Data Engineer``)
``{contact}``            the contact's full name
``{contact_first}``      the contact's given names
``{contact_formal}``     the contact named formally, as the ``address.*``
                         messages say (``Ms Hansen``, ``Frau Dr. Weber``)
``{contact_surname}``    the contact's surname (``De Vries`` where the language
                         capitalises a particle without the given name)
``{contact_honorific}``  the word for the contact's honorific (``Frau``), or empty
``{contact_title}``      the contact's academic title with a space (``Dr. ``), or
                         empty
``{candidate}``          the candidate's full name
``{candidate_first}``    the candidate's given names
``{people}``             the interviewers, each named as the ``mention.*``
                         messages say, joined as the language joins a list
``{referral}``           the person the candidate refers (``referral.named``)
``{date}``               a date written out in the locale (plan steps)
``{holiday}``            the name of a public holiday (``plan.moved.holiday``)
``{count}``              a number, in the ``check.count.*`` messages (one per
                         plural form: ``.0``, ``.1``, as ``Plural-Forms`` numbers
                         them)
=======================  ====================================================

Messages marked *per tone* exist once for each built-in tone, with the tone's name
as gettext context; the others exist once, without context. *Optional* messages
are variants a language may need and others can leave out.

Variants the builder looks for first:

- ``.female``, ``.male``, ``.mx`` after ``greeting`` and ``closing``: when the
  contact's :class:`~decline.Honorific` (or, in Spanish, the title) tells it
  (``Sehr geehrte Frau …``; French repeats ``Madame`` in the closing).
- ``.unnamed`` after any message that names the contact: when the contact is a
  :class:`~decline.Team` or ``None`` (``Sehr geehrte Damen und Herren,``). A
  language whose message names the contact must have its ``.unnamed`` variant.

The ``address.*``, ``mention.*`` and ``honorific.*`` messages name one person, with
their own placeholders ``{name}``, ``{given}``, ``{surname}``, ``{title}`` (with a
trailing space, or empty) and ``{honorific}``: ``address`` in a greeting,
``mention`` in running text (German ``Herrn Weber``, in the dative its sentence
needs). A ``.titled`` variant is used when the person has a title.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

__all__ = [
    "ALTERNATIVES",
    "CONTACT_PLACEHOLDERS",
    "MESSAGES",
    "PERSON_PLACEHOLDERS",
    "PLACEHOLDERS",
    "TONE_CONTEXTS",
    "MessageSpec",
]

#: Every placeholder the builder fills.
PLACEHOLDERS = frozenset(
    {
        "company",
        "company_dat",
        "company_acc",
        "position",
        "position_de",
        "contact",
        "contact_first",
        "contact_formal",
        "contact_surname",
        "contact_honorific",
        "contact_title",
        "candidate",
        "candidate_first",
        "people",
        "referral",
        "date",
        "holiday",
    }
)

#: The placeholders that name the contact; empty when no person is named.
CONTACT_PLACEHOLDERS = frozenset(p for p in PLACEHOLDERS if p.startswith("contact"))

#: The placeholders of the messages that name one person (``address.*``, …).
PERSON_PLACEHOLDERS = frozenset({"name", "given", "surname", "title", "honorific"})

#: Placeholders that stand in for a required one (the company with its article).
ALTERNATIVES: Mapping[str, frozenset[str]] = {
    "company": frozenset({"company_dat", "company_acc"}),
    "position": frozenset({"position_de"}),
}

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
    allowed: frozenset[str] = PLACEHOLDERS

    def problems(self, used: frozenset[str]) -> list[str]:
        """What is wrong with a wording that uses the placeholders *used*.

        A required placeholder may be replaced by one of its
        :data:`ALTERNATIVES` (``{company_dat}`` for ``{company}``).

        Examples:
            >>> MESSAGES["confirmation.wishes"].problems(frozenset({"company_dat"}))
            []
            >>> MESSAGES["confirmation.wishes"].problems(frozenset({"cmpany"}))
            ["missing placeholders ['company']", "unknown placeholders ['cmpany']"]
        """
        out = []
        missing = sorted(
            name
            for name in self.required
            if name not in used and not (ALTERNATIVES.get(name, frozenset()) & used)
        )
        if missing:
            out.append(f"missing placeholders {missing}")
        unknown = sorted(used - self.allowed - self.required)
        if unknown:
            out.append(f"unknown placeholders {unknown}")
        return out


def _spec(
    msgid: str,
    comment: str,
    *required: str,
    per_tone: bool = True,
    optional: bool = False,
) -> MessageSpec:
    return MessageSpec(msgid, comment, frozenset(required), per_tone, optional)


def _person(msgid: str, comment: str, *, optional: bool = True) -> MessageSpec:
    """A message that names one person, with the person's own placeholders."""
    return MessageSpec(
        msgid,
        comment + " Placeholders: {name}, {given}, {surname}, {title}, {honorific}.",
        per_tone=False,
        optional=optional,
        allowed=PERSON_PLACEHOLDERS,
    )


def _counted(noun: str, what: str) -> tuple[MessageSpec, ...]:
    """A count in decline check's summary, once per plural form (``.0``, ``.1``)."""
    return tuple(
        _spec(
            f"check.count.{noun}.{form}",
            f"Plural form {form} (as the catalog's Plural-Forms numbers them) of the "
            f"count of {what}.",
            "count",
            per_tone=False,
        )
        for form in (0, 1)
    )


_FORMS = (("female", "a woman"), ("male", "a man"), ("mx", "the gender-neutral Mx"))


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
    _spec(
        "greeting.mx",
        "Optional: greeting for the gender-neutral honorific (English Mx).",
        optional=True,
    ),
    _spec(
        "closing.mx",
        "Optional: sign-off for the gender-neutral honorific.",
        optional=True,
    ),
    _spec(
        "greeting.unnamed",
        "Greeting when no person is named (a team address, or no contact): the "
        "language's usual greeting for an unnamed reader.",
    ),
    _spec(
        "closing.unnamed",
        "Optional: sign-off after greeting.unnamed, where it differs (Yours faithfully).",
        optional=True,
    ),
    # How one person is named: in a greeting, in running text, the honorific word.
    _person(
        "address.neutral",
        "A person named formally in a greeting, with no gendered honorific.",
        optional=False,
    ),
    _person("address.neutral.titled", "The same, for a person with a title."),
    *(
        spec
        for form, who in _FORMS
        for spec in (
            _person(
                f"address.{form}", f"Optional: {who} named formally in a greeting."
            ),
            _person(f"address.{form}.titled", "Optional: the same, with a title."),
        )
    ),
    *(
        _person(
            f"mention.{form}",
            f"Optional: {who} named in running text (thanks to the interviewers); "
            "the full name if left out.",
        )
        for form, who in (*_FORMS, ("neutral", "a person with no honorific"))
    ),
    *(
        _person(f"honorific.{form}", f"Optional: the word for {who} (Frau, Mme).")
        for form, who in _FORMS
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
    _spec("call.closing", "Last words of the call, before the voicemail version."),
    _spec(
        "call.subject.unnamed",
        "Title of the call script when no person is named.",
        "company",
        "position",
    ),
    _spec(
        "call.opening.unnamed",
        "Opening when no person is named: who is calling, about what, and a request "
        "to speak to the person who made the offer.",
        "position",
    ),
    _spec(
        "call.voicemail.unnamed",
        "Voicemail message when no person is named; needed where call.voicemail "
        "names the contact.",
        "position",
        optional=True,
    ),
    # Referrals, only when the employer asked for one (G6).
    _spec(
        "referral.offer",
        "Only when they asked for a referral: offers to suggest someone.",
    ),
    _spec(
        "referral.named",
        "Only when they asked for a referral: names the person the candidate suggests.",
        "referral",
    ),
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
        "thank_you.subject.unnamed",
        "Optional: subject of the note when no person is named.",
        optional=True,
    ),
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
        "plan.call.unnamed",
        "Step 1 when no person is named: call the company, ask for whoever made the offer.",
        "company",
        per_tone=False,
    ),
    _spec(
        "plan.confirmation.unnamed",
        "Step 2 when no person is named.",
        "company",
        per_tone=False,
    ),
    _spec(
        "plan.thank_you.unnamed",
        "Step 3 when no person is named.",
        "company",
        per_tone=False,
    ),
    _spec(
        "plan.moved.weekend",
        "A step moved off a weekend day to the next working day.",
        "date",
        per_tone=False,
    ),
    _spec(
        "plan.moved.holiday",
        "A step moved off a public holiday to the next working day.",
        "date",
        "holiday",
        per_tone=False,
    ),
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
    _spec(
        "label.mailto",
        "Text of the link on a letter's HTML card that opens the letter as a new, "
        "unsent e-mail in the reader's mail program (a mailto: link).",
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
        "rule.letter.long-reason.long",
        "One sentence explains why, at great length (over 30 words).",
        "words",
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
        "rule.letter.no-wishes",
        "The confirmation wishes them nothing.",
        per_tone=False,
    ),
    _spec(
        "rule.letter.bargaining",
        "Sets conditions that would change the decision.",
        "term",
        per_tone=False,
    ),
    _spec(
        "rule.letter.wavering",
        "Takes the decision back or leaves it open.",
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
    # decline check's own words: the suggestion line and the summary.
    _spec(
        "check.suggestion",
        "decline check's line under a finding that says what to write instead.",
        "text",
        per_tone=False,
    ),
    _spec(
        "check.delete",
        "A suggestion to delete a piece of text, quoted as the language quotes.",
        "text",
        per_tone=False,
    ),
    *_counted("error", "errors found"),
    *_counted("warning", "warnings found"),
    *_counted("note", "findings of severity info"),
    *_counted("suppressed", "findings an inline comment suppressed"),
    *_counted("file", "files checked"),
    _spec(
        "check.count.none",
        "The summary's findings when there are none (only suppressed ones).",
        per_tone=False,
    ),
    _spec(
        "check.summary",
        "decline check's summary line: the counts of findings in so many files.",
        "findings",
        "files",
        per_tone=False,
    ),
    _spec(
        "rule.suppression.unused",
        "An inline suppression comment that suppressed nothing; rules are the "
        "rule ids it names (or 'all').",
        "rules",
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
