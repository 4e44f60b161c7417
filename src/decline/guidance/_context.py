"""What a rule sees: the :class:`Context` of one text, analysed once and asked often."""

from __future__ import annotations

import bisect
import itertools
import operator
from functools import cached_property
from typing import TYPE_CHECKING

from decline import _i18n
from decline._analysis import (
    LocaleData,
    Match,
    PhraseSet,
    Reading,
    Sentence,
    Text,
    Token,
    analyse,
    load_data,
    negation_flags,
)
from decline._analysis.constructions import EFFECTS, UNLESS_NEGATED, Construction
from decline._analysis.datafile import load_tone
from decline._analysis.detection import Detection, detect, score
from decline._analysis.tone import ToneModel, sentence_stems
from decline._model import ReasonKind, offer_words, placeholder_values
from decline._tone import FORMAL

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from decline._model import Offer
    from decline._tone import Tone

__all__ = ["Context"]

_KIND = operator.itemgetter(4)  # Token.kind
_new_tuple = tuple.__new__  # a named tuple without its Python-level __new__
_WORDY = frozenset(("word", "number"))
#: The fewest words a sentence needs for the tone model to judge it.
_TONE_WORDS = 4
#: The prefix that names a locale's constructions of one effect, as a list.
CONSTRUCTIONS = "construction."
#: The constructions that keep a span: it only looks like a remark.
KEEP = "construction.keep"
_DETECTED_CHARS = 600  # enough to tell a language; the cost stays bounded
_QUICK_TOKENS = 60  # the tokens whose words are weighed first
#: The kinds of letter; a generic letter is read with the limit of the longest.
_LETTER_KINDS = ("call_script", "confirmation", "thank_you")


class Context:
    """What a rule sees: the analysed text and what is known about it.

    Attributes:
        raw: The text the rules read (the prose of a Markdown, HTML or e-mail source).
        locale: The negotiated locale.
        kind: ``"reason"``, a letter kind, or ``"letter"`` for any letter.
        reading: How *raw* was read from its source, for a source that was not
            plain text (``None`` otherwise).
        check_locale: Whether to ask if the text is in *locale* at all (not for a
            letter the builder wrote).
        data: The locale's lexicons.
        analysed: Sentences and tokens.
        offer: The offer, if given.
        tone: The tone, if given.
        today: The day of the check, if given.
    """

    def __init__(
        self,
        raw: str,
        *,
        locale: str,
        kind: str,
        offer: Offer | None,
        tone: Tone | None,
        today: dt.date | None,
        reading: Reading | None = None,
        check_locale: bool = False,
    ) -> None:
        self.raw = raw
        self.reading = reading
        self.check_locale = check_locale
        self.locale = locale
        self.kind = kind
        self.offer = offer
        self.tone = tone
        self.today = today
        self.data: LocaleData = load_data(_i18n.language(locale))
        self.analysed: Text = analyse(raw, self.data)
        self._all_matches: dict[str, list[Match]] | None = None
        self._owners: tuple[list[int], list[int]] | None = None
        self._per_sentence: dict[str, dict[int, tuple[Match, ...]]] = {}
        self._negated: dict[int, tuple[bool, ...]] = {}
        # Per list: the sentences a phrase of it runs into from or out of.
        self._crossed: dict[str, set[int]] = {}
        self._alone: dict[tuple[str, int], tuple[Match, ...]] = {}
        self._tones: dict[int, float | None] = {}
        self._listed: dict[tuple[str, ...], dict[int, list[str]]] = {}

    @property
    def source(self) -> str:
        """The text the findings point into: the source, or :attr:`raw` itself."""
        return self.raw if self.reading is None else self.reading.source

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of :attr:`raw` to :attr:`source`."""
        if self.reading is None:
            return start, end
        return self.reading.to_source(start, end)

    @property
    def subject(self) -> str | None:
        """The subject of the source (an e-mail header, a heading), if it has one."""
        return None if self.reading is None else self.reading.subject

    @cached_property
    def detection(self) -> Detection:
        """Which locale the text reads as, from its first 600 characters."""
        return detect(self.raw[:_DETECTED_CHARS])

    def other_locale(self, margin: float) -> str | None:
        """The locale the text is clearly written in, if not :attr:`locale`.

        Its words are weighed first (cheap: the tokens are at hand); only when
        they point away from the locale is the whole :attr:`detection` asked, and
        only a lead of *margin* per feature over the locale counts.
        """
        given = _i18n.language(self.locale)
        words = [
            f" {t.lower} "
            for t in self.analysed.tokens[:_QUICK_TOKENS]
            if t.kind == "word"
        ]
        quick = score(words, words=len(words))
        if quick.best is None or quick.best == given:
            return None
        found = self.detection
        if found.best in (None, given) or found.too_short:
            return None
        return found.best if found.leads(given, margin) else None

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences of the text."""
        return self.analysed.sentences

    @cached_property
    def words(self) -> tuple[Token, ...]:
        """Word and number tokens (links and e-mail addresses are not words)."""
        tokens = self.analysed.tokens
        return tuple(
            itertools.compress(tokens, map(_WORDY.__contains__, map(_KIND, tokens)))
        )

    @property
    def word_count(self) -> int:
        """``len(ctx.words)``, counted without building the tuple."""
        kinds = list(map(_KIND, self.analysed.tokens))
        return len(kinds) - sum(map(kinds.count, ("punct", "url", "email")))

    def words_in(self, sentence: Sentence) -> int:
        """How many words and numbers *sentence* holds (as :attr:`words` counts them)."""
        return sum(map(_WORDY.__contains__, map(_KIND, sentence.tokens)))

    def find(self, lexicon: str, sentence: Sentence) -> tuple[Match, ...]:
        """Occurrences of a list's phrases in one sentence.

        *lexicon* names a list under ``[lexicon]``, a reason kind as
        ``kind.<name>``, or the constructions of one effect as
        ``construction.<effect>`` (``construction.remark``). Every list is matched once over the whole text; a list's
        matches are handed out per sentence when first asked for, with token
        indices relative to the sentence. A match across a sentence end belongs
        to neither sentence.

        Raises:
            ValueError: If the locale has no list of that name.
        """
        per_sentence = self._per_sentence.get(lexicon)
        if per_sentence is None:
            per_sentence = self._by_sentence(lexicon)
        return per_sentence.get(sentence.start, ())

    def _by_sentence(self, lexicon: str) -> dict[int, tuple[Match, ...]]:
        """A list's matches by sentence start (worked out once per list)."""
        per_sentence = self._per_sentence.get(lexicon)
        if per_sentence is None:
            per_sentence = self._per_sentence[lexicon] = self._distribute(lexicon)
        return per_sentence

    def find_within(self, lexicon: str, sentence: Sentence) -> tuple[Match, ...]:
        """A list's phrases in *sentence* read on its own, not as part of the text.

        The same as :meth:`find` unless a phrase of the list runs across one of the
        sentence's ends: such a phrase belongs to neither sentence, and read alone
        the sentence may hold another phrase it had overlapped.
        """
        found = self.find(lexicon, sentence)
        if sentence.start not in self._crossed.get(lexicon, ()):
            return found
        key = (lexicon, sentence.start)
        alone = self._alone.get(key)
        if alone is None:
            phrases = self._phrases(lexicon)
            assert phrases is not None  # noqa: S101 - find() knew the list
            alone = self._alone[key] = tuple(
                phrases.find_overlapping(sentence.tokens)
                if lexicon == KEEP
                else phrases.find(sentence.tokens)
            )
        return alone

    @cached_property
    def _sentence_index(self) -> dict[int, int]:
        """Per sentence start, the sentence's place in :attr:`sentences`."""
        return {sentence.start: i for i, sentence in enumerate(self.sentences)}

    def before(self, sentence: Sentence) -> Sentence | None:
        """The sentence before *sentence*, or ``None`` for the first (constant time)."""
        index = self._sentence_index[sentence.start]
        return self.sentences[index - 1] if index > 0 else None

    def sentences_with(self, *lexicons: str) -> list[Sentence]:
        """The sentences that hold a phrase of any of the lists, in text order."""
        starts: set[int] = set()
        for lexicon in lexicons:
            starts.update(self._by_sentence(lexicon))
        if not starts:
            return []
        return [s for s in self.sentences if s.start in starts]

    def anywhere(self, lexicon: str) -> bool:
        """Whether a phrase of the list occurs in the text, even across sentences."""
        return bool(self._matches_of(lexicon))

    def _matches_of(self, lexicon: str) -> list[Match]:
        if self._all_matches is None:
            self._all_matches = self.data.find_all(self.analysed.tokens)
        matches = self._all_matches.get(lexicon)
        if matches is None and lexicon.startswith(CONSTRUCTIONS):
            phrases = self._phrases(lexicon)
            if phrases is not None:
                tokens = self.analysed.tokens
                # Every keep counts, even inside another: each silences what it covers.
                matches = (
                    phrases.find_overlapping(tokens)
                    if lexicon == KEEP
                    else phrases.find(tokens)
                )
                effect = lexicon[len(CONSTRUCTIONS) :]
                if effect in UNLESS_NEGATED and matches:
                    matches = self._not_negated(matches)
                matches = self._all_matches[lexicon] = self._with_together(
                    effect, matches
                )
        if matches is None:
            known = ", ".join(self.data.searched)
            raise ValueError(
                f"locale {self.data.locale!r} has no list {lexicon!r} (lists: {known})"
            )
        return matches

    def _not_negated(self, matches: list[Match]) -> list[Match]:
        """*matches* without those that start on a negated token of their sentence."""
        if self._owners is None:
            self._owners = self._sentence_of_each_token()
        owners, starts = self._owners
        return [
            m
            for m in matches
            if not self.negated(self.sentences[owners[m.first]])[
                m.first - starts[owners[m.first]]
            ]
        ]

    def _with_together(self, effect: str, matches: list[Match]) -> list[Match]:
        """*matches* and the ``together`` groups of *effect*, in text order.

        A group is looked for only in a sentence that holds a match of a group's
        first pattern and no pattern match of the effect.
        """
        constructions = self.data.constructions
        firsts = (
            () if constructions is None else constructions.may_hold_together(effect)
        )
        if not firsts:
            return matches
        assert constructions is not None  # noqa: S101 - it has groups
        tokens = self.analysed.tokens
        if self._owners is None:
            self._owners = self._sentence_of_each_token()
        owners, starts = self._owners
        taken = {owners[m.first] for m in matches}
        candidates = {
            owners[m.first]
            for first in firsts
            for m in first.find(tokens)
            if owners[m.first] == owners[m.last]
        } - taken
        if not candidates:
            return matches
        found = list(matches)
        for index in sorted(candidates):
            sentence = self.sentences[index]
            offset = starts[index]
            found.extend(
                _new_tuple(
                    Match, (m.start, m.end, m.first + offset, m.last + offset, m.term)
                )
                for m in constructions.find_together(
                    sentence.tokens, effect, self.negated(sentence)
                )
            )
        return sorted(found, key=lambda m: m.first)

    def _phrases(self, lexicon: str) -> PhraseSet | None:
        """The compiled list or constructions (``construction.<effect>``) of a name."""
        found = self.data.searched.get(lexicon)
        if found is None and lexicon.startswith(CONSTRUCTIONS):
            effect = lexicon[len(CONSTRUCTIONS) :]
            constructions = self.data.constructions
            if constructions is not None and effect in EFFECTS:
                found = constructions.phrases(effect)
        return found

    def construction(self, match: Match) -> Construction:
        """The construction a ``construction.<effect>`` match comes from."""
        assert self.data.constructions is not None  # noqa: S101 - it matched
        return self.data.constructions.of(match)

    def _distribute(self, lexicon: str) -> dict[int, tuple[Match, ...]]:
        """A list's matches by sentence start, with sentence-relative indices."""
        matches = self._matches_of(lexicon)
        if not matches:
            return {}
        if self._owners is None:
            self._owners = self._sentence_of_each_token()
        owners, firsts = self._owners
        sentences = self.sentences
        out: dict[int, list[Match]] = {}
        for m in matches:
            index = owners[m.first]
            if owners[m.last] != index:  # across a sentence end: it belongs to neither
                crossed = self._crossed.setdefault(lexicon, set())
                crossed.update(
                    sentences[i].start for i in range(index, owners[m.last] + 1)
                )
                continue
            first = firsts[index]
            out.setdefault(sentences[index].start, []).append(
                _new_tuple(
                    Match, (m.start, m.end, m.first - first, m.last - first, m.term)
                )
            )
        return {start: tuple(found) for start, found in out.items()}

    def _sentence_of_each_token(self) -> tuple[list[int], list[int]]:
        """Per token, the index of its sentence; per sentence, its first token.

        The sentences' tokens are consecutive runs of the text's tokens.
        """
        sizes = [len(s.tokens) for s in self.sentences]
        owners = list(
            itertools.chain.from_iterable(
                map(itertools.repeat, itertools.count(), sizes)
            )
        )
        return owners, list(itertools.accumulate(sizes[:-1], initial=0))

    @cached_property
    def _tone_model(self) -> ToneModel | None:
        return load_tone(self.data.locale)

    def tone_score(self, sentence: Sentence) -> float | None:
        """How likely *sentence* reads as criticism (0 to 1), or ``None``.

        ``None`` when the locale has no tone model or the sentence is too short to
        judge (under four words).
        """
        model = self._tone_model
        if model is None:
            return None
        cache = self._tones
        if sentence.start not in cache:
            words = sum(1 for t in sentence.tokens if t.kind == "word")
            if words < _TONE_WORDS:
                cache[sentence.start] = None
            else:
                stems = sentence_stems(sentence.tokens, self.data.stemmer)
                cache[sentence.start] = model.score(
                    stems, self.listed(model.lists, sentence)
                )
        return cache[sentence.start]

    def listed(self, names: Iterable[str], sentence: Sentence) -> list[str]:
        """Those of *names* (lists, as :meth:`find` names them) with a phrase in *sentence*.

        A name the locale's data does not have is left out.
        """
        names = tuple(names)
        by_sentence = self._listed.get(names)
        if by_sentence is None:
            by_sentence = self._listed[names] = self._lists_by_sentence(names)
        return list(by_sentence.get(sentence.start, ()))

    def _lists_by_sentence(self, names: tuple[str, ...]) -> dict[int, list[str]]:
        """Per sentence start, those of *names* with a phrase inside the sentence.

        What :meth:`find` would say for every list and sentence, worked out in one
        pass over each list's matches instead of handing the matches out per
        sentence: a match across a sentence end belongs to neither sentence.
        """
        if self._owners is None:
            self._owners = self._sentence_of_each_token()
        owners = self._owners[0]
        sentences = self.sentences
        out: dict[int, list[str]] = {}
        for name in names:
            if self._phrases(name) is None:
                continue
            held: set[int] = set()
            for m in self._matches_of(name):
                index = owners[m.first]
                if index == owners[m.last] and index not in held:
                    held.add(index)
                    out.setdefault(sentences[index].start, []).append(name)
        return out

    def critical(self, sentence: Sentence, *, as_reason: bool = False) -> bool:
        """Whether the tone model hears criticism in *sentence*.

        A reason, or a sentence of a letter judged *as_reason* (one that gives the
        reason), is held to the model's threshold; any other sentence of a letter
        to its stricter letter threshold.
        """
        score = self.tone_score(sentence)
        model = self._tone_model
        if score is None or model is None:
            return False
        if self.kind == "reason" or as_reason:
            return score >= model.threshold
        return score >= model.letter_threshold

    def tone_cues(self, sentence: Sentence, count: int = 2) -> list[str]:
        """The words of *sentence* that weigh most towards criticism, as written."""
        model = self._tone_model
        if model is None:
            return []
        tokens = [t for t in sentence.tokens if t.kind in ("word", "number", "punct")]
        stems = sentence_stems(tokens, self.data.stemmer)
        out = []
        for cue in model.cues(stems, count):
            parts = cue.split(" ")
            for i in range(len(stems) - len(parts) + 1):
                if stems[i : i + len(parts)] == parts:
                    first, last = tokens[i], tokens[i + len(parts) - 1]
                    out.append(self.raw[first.start : last.end])
                    break
        return out

    def negated(self, sentence: Sentence) -> tuple[bool, ...]:
        """Per token of *sentence*: is it in a negator's scope."""
        cache = self._negated
        if sentence.start not in cache:
            negators = self.find("negators", sentence)
            cache[sentence.start] = (
                negation_flags(
                    sentence.tokens,
                    negators,
                    self.find("negation_breakers", sentence),
                    self.find("negation_limits", sentence),
                    self.data.negation_scope,
                    backward=self.data.negation_backward,
                )
                if negators
                else (False,) * len(sentence.tokens)
            )
        return cache[sentence.start]

    def has(self, lexicon: str) -> bool:
        """Whether any sentence contains a phrase of *lexicon*."""
        return bool(self._by_sentence(lexicon))

    def message(self, msgid: str) -> str:
        """A message of the built-in catalog in the text's language."""
        return (self.tone or FORMAL).message(self.locale, msgid)

    def canned(self, kind: ReasonKind | None) -> str:
        """The neutral wording of a reason kind (unspecified if ``None``)."""
        return self.message((kind or ReasonKind.UNSPECIFIED).msgid)

    def letter_values(self) -> dict[str, str] | None:
        """The placeholder values of the offer, or ``None`` without one."""
        return self._letter_values

    @cached_property
    def _letter_values(self) -> dict[str, str] | None:
        if self.offer is None:
            return None
        return placeholder_values(self.offer, self.locale)

    @cached_property
    def protected(self) -> tuple[tuple[int, int], ...]:
        """Spans of the text that quote the offer: names, company, position, links.

        A finding inside one is about the offer's own data, not the writer's
        wording ("Rude Ltd" is a name, not a remark), so the engine drops it. A
        value counts where it stands as whole words ("Al" in "Al said", not in
        "Also"). The spans are sorted and merged, so that :meth:`quotes_offer`
        can look a finding up by bisection.
        """
        offer = self.offer
        if offer is None:
            return ()
        # The offer's words, and the forms a letter builds from them ("Ms Hansen",
        # "Lars Holm and Sofie Dahl").
        values = {v for v in (self.letter_values() or {}).values() if v}
        values.update(offer_words(offer))
        raw = self.raw
        spans = []
        for value in values:
            start = raw.find(value)
            while start != -1:
                end = start + len(value)
                if _standalone(raw, start, end):
                    spans.append((start, end))
                start = raw.find(value, start + 1)
        return _merged(spans)

    @cached_property
    def _protected_starts(self) -> list[int]:
        return [start for start, _ in self.protected]

    def quotes_offer(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside a span of :attr:`protected`."""
        if start >= end or not self.protected:
            return False
        at = bisect.bisect_right(self._protected_starts, start) - 1
        return at >= 0 and end <= self.protected[at][1]

    def word_limit(self) -> int:
        """The word limit for this kind of letter under the tone.

        A generic letter (kind ``"letter"``) gets the most generous of the limits.
        """
        tone = self.tone or FORMAL
        if self.kind == "letter":
            return max(tone.word_limit(kind) for kind in _LETTER_KINDS)
        return tone.word_limit(self.kind)


def _standalone(raw: str, start: int, end: int) -> bool:
    """Whether ``raw[start:end]`` is not part of a longer word."""
    before = raw[start - 1] if start > 0 else " "
    after = raw[end] if end < len(raw) else " "
    return not (before.isalnum() and raw[start].isalnum()) and not (
        after.isalnum() and raw[end - 1].isalnum()
    )


def _merged(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted spans with the overlapping and touching ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return tuple(out)
