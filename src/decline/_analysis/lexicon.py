"""Locale data: every list, abbreviation and title one language's checks use.

:class:`LocaleData` holds what :mod:`decline._analysis.datafile` read from
``data/<locale>.toml``, and finds the phrases of all its lists in one pass over a
text (:meth:`LocaleData.find_all`).
"""

from __future__ import annotations

import itertools
import operator
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from decline._analysis._common import new_tuple, remember
from decline._analysis.morphology import Compounds, Stemmer
from decline._analysis.phrases import Match, PhraseSet, _Ends, _Node
from decline._analysis.tokens import EMAIL, PUNCT, TEXT, URL, WORD, Token, fold, norm

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from decline._analysis.constructions import Constructions

__all__ = [
    "HONORIFIC_GENDERS",
    "PLACEHOLDER_FIELDS",
    "REASON_KINDS",
    "REQUIRED_LISTS",
    "SCHEMA",
    "LocaleData",
]

REQUIRED_LISTS: Final = (
    "negative",
    "positive",
    "negators",
    "negation_breakers",
    "negation_limits",
    "first_person",
    "targets",
    "polite",
    "sarcasm",
    "idioms",
    "thanks",
    "decision",
    "wishes",
    "stay_in_touch",
    "referral",
    "explanation",
    "other_offer_details",
    "greetings",
    "closings",
    "neutral",
    "currencies",
    "employer_prepositions",
    "candour",
)
REASON_KINDS: Final = (
    "other_offer",
    "career_fit",
    "compensation",
    "location",
    "personal",
    "staying",
)
PLACEHOLDER_FIELDS: Final = ("company", "position", "candidate", "contact")
SCHEMA: Final = 2
HONORIFIC_GENDERS: Final = ("female", "male", "neutral")


class _FirstWords:
    """The first edges of several lists' tries, in one index per kind of edge.

    Each entry is ``(list index, node)``; prefix and suffix edges are keyed by
    their full text, and looked up once per length that occurs.
    """

    __slots__ = (
        "cased",
        "exact",
        "prefix_heads",
        "prefix_lengths",
        "prefixes",
        "stems",
        "suffix_lengths",
        "suffix_tails",
        "suffixes",
    )

    def __init__(self) -> None:
        self.exact: dict[str, list[tuple[int, _Node]]] = {}
        self.stems: dict[str, list[tuple[int, _Node]]] = {}
        self.cased: dict[str, list[tuple[int, _Node]]] = {}
        self.prefixes: dict[str, list[tuple[int, _Node]]] = {}
        self.suffixes: dict[str, list[tuple[int, _Node]]] = {}
        self.prefix_lengths: tuple[int, ...] = ()
        self.suffix_lengths: tuple[int, ...] = ()
        # Every prefix's first and every suffix's last (shortest length) characters:
        # a word without one of these begins no prefix entry, ends no suffix entry.
        self.prefix_heads: frozenset[str] = frozenset()
        self.suffix_tails: frozenset[str] = frozenset()

    @classmethod
    def of(cls, sets: Sequence[PhraseSet]) -> _FirstWords:
        index = cls()
        for which, phrases in enumerate(sets):
            root = phrases._root  # noqa: SLF001
            for table, edges in (
                (index.exact, root.exact),
                (index.stems, root.stems),
                (index.cased, root.cased),
                (index.prefixes, root.prefixes),
                (index.suffixes, root.suffixes),
            ):
                for key, node in edges.items():
                    table.setdefault(key, []).append((which, node))
        index.prefix_lengths = tuple(sorted({len(k) for k in index.prefixes}))
        index.suffix_lengths = tuple(sorted({len(k) for k in index.suffixes}))
        if index.prefix_lengths:
            shortest = index.prefix_lengths[0]
            index.prefix_heads = frozenset(k[:shortest] for k in index.prefixes)
        if index.suffix_lengths:
            shortest = index.suffix_lengths[0]
            index.suffix_tails = frozenset(k[-shortest:] for k in index.suffixes)
        return index

    def wildcards(self, low: str, hits: list[tuple[int, _Node]]) -> None:
        """Add the prefix (``word*``) and suffix (``*word``) edges *low* takes."""
        size = len(low)
        lengths = self.prefix_lengths
        if lengths and low[: lengths[0]] in self.prefix_heads:
            for length in lengths:
                if length <= size:
                    hits.extend(self.prefixes.get(low[:length], ()))
        lengths = self.suffix_lengths
        if lengths and size >= lengths[0] and low[-lengths[0] :] in self.suffix_tails:
            for length in lengths:
                if length <= size:
                    hits.extend(self.suffixes.get(low[-length:], ()))


# What one token tells about a list: (list index, the entry the token alone
# completes or None, the trie nodes a longer entry may go on from).
_Start = tuple[int, "str | None", "tuple[_Node, ...]"]
# The same once the next token is known: whether a longer entry does go on.
_Settled = tuple[int, "str | None", bool]
# The lists a token may begin, and whether any entry may go on; () when none.
_Begins = tuple[tuple[_Start, ...], bool]
_Starts = _Begins | tuple[()]


@attrs.frozen(eq=False)
class LocaleData:
    """Everything the text machinery knows about one locale, read from its data file.

    Attributes:
        locale: The locale's identifier, e.g. ``"da"``.
        abbreviations: Abbreviations written with a full stop, lower case, without
            the final period (``"e.g"``, ``"f.eks"``).
        before_numbers: Abbreviations that are one only before a number
            (``"no"`` in ``No. 4521``, but not in ``I said no. Then``).
        titles: Titles that stand before a name (``"mr"``, ``"hr"``); a full stop
            after one never ends a sentence.
        months: Month names and their abbreviations, lower case, for ordinal dates.
        elisions: Elided words written with an apostrophe before the next word
            (French ``l'``, ``d'``, ``qu'``); the tokenizer splits them off, so
            ``l'entreprise`` matches the lexicon entry ``entreprise``.
        honorifics: Words for a form of address, under ``female``, ``male`` and
            ``neutral`` (lower case, no final full stop): ``Frau``, ``Herr``,
            ``Divers``. :class:`decline.Person` reads a free-text honorific with
            them.
        enders: Abbreviations that often end a sentence (``"ltd"``, ``"kr"``); a
            full stop after one ends the sentence when a word of *starters* follows.
        starters: Words that usually begin a sentence (``"my"``, ``"det"``).
        ordinal_numbers: Whether any number of up to three digits followed by a full
            stop is an ordinal (German ``am 3. Tag``), never a sentence end.
        negation_scope: How many words after a negator it reaches.
        negation_backward: Whether a negator that ends a clause negates the
            words before it (German "Fair finde ich das nicht").
        lexicon: Every list the rules read, under ``[lexicon]``, by name.
        lists: The other lists under ``[lexicon]``, which only constructions name.
        stemmer: Reduces words to the stem their inflections share.
        morphology_examples: Groups of words that must share a stem (tested).
        morphology_distinct: Pairs of words that must not (tested).
        compounds: Negative first and last parts of compound words.
        constructions: Patterns of remarks and of harmless wording.
        reason_kinds: Keyword phrases per reason kind.
        placeholders: Per offer field (``company``, ``position``, ``candidate``,
            ``contact``), lower-case words that name it inside a placeholder
            such as ``[firmanavn]``.
        list_enders: Abbreviations that close a list (``"etc"``, ``"osv"``): a
            full stop after one ends the sentence before any capitalised word.
        abbreviation_endings: Endings that make a compound an abbreviation
            (German ``"str"``: ``Hauptstr.``), longest first.
        reply_openers: First words of a reply's attribution line (``"on"`` in
            "On 3 May, Mette wrote:").
        reply_verbs: Its verbs (``"wrote"``, ``"a écrit"``).
    """

    locale: str
    abbreviations: frozenset[str]
    before_numbers: frozenset[str]
    titles: frozenset[str]
    months: frozenset[str]
    enders: frozenset[str]
    starters: frozenset[str]
    elisions: frozenset[str]
    honorifics: Mapping[str, frozenset[str]]
    ordinal_numbers: bool
    negation_scope: int
    lexicon: Mapping[str, PhraseSet]
    reason_kinds: Mapping[str, PhraseSet]
    placeholders: Mapping[str, tuple[str, ...]]
    stemmer: Stemmer = attrs.field(factory=Stemmer)
    morphology_examples: tuple[tuple[str, ...], ...] = ()
    morphology_distinct: tuple[tuple[str, ...], ...] = ()
    compounds: Compounds | None = None
    constructions: Constructions | None = None
    lists: Mapping[str, PhraseSet] = attrs.field(factory=dict)
    negation_backward: bool = False
    list_enders: frozenset[str] = frozenset()
    abbreviation_endings: tuple[str, ...] = ()
    reply_openers: frozenset[str] = frozenset()
    reply_verbs: tuple[str, ...] = ()
    searched: Mapping[str, PhraseSet] = attrs.field(
        init=False,
        repr=False,
        default=attrs.Factory(
            lambda self: MappingProxyType(
                {
                    **self.lexicon,
                    **{f"kind.{k}": v for k, v in self.reason_kinds.items()},
                }
            ),
            takes_self=True,
        ),
    )
    _first_words: _FirstWords = attrs.field(
        init=False,
        repr=False,
        default=attrs.Factory(
            lambda self: _FirstWords.of(tuple(self.searched.values())), takes_self=True
        ),
    )
    _starts: dict[str, _Starts] = attrs.field(factory=dict, init=False, repr=False)
    _pairs: dict[tuple[str, str], tuple[_Settled, ...]] = attrs.field(
        factory=dict, init=False, repr=False
    )

    def find_all(self, tokens: Sequence[Token]) -> dict[str, list[Match]]:
        """Find the phrases of every list of :attr:`searched` in one pass over *tokens*.

        The same matches as calling :meth:`PhraseSet.find` per list, but each
        token is looked at once. Two memos spare almost every trie walk: one says
        which lists have an entry that can begin with a token, the other whether
        any of those entries can go on with the token after it. Only when one can
        is the trie walked.

        Returns:
            The matches per list name (the lexicon's lists, then ``kind.<name>``
            per reason kind), in text order.
        """
        sets = tuple(self.searched.values())
        results: list[list[Match]] = [[] for _ in sets]
        free = [0] * len(sets)  # per list: the first token a new match may use
        memo: _Ends = {}  # @list matches the lists share
        for i, entries in self._entries(tokens):
            token = tokens[i]
            # *walk* is a flag once the next token settled it, or (for the last
            # token) the nodes a longer entry may go on from: truthy if any.
            for which, word, walk in entries:
                if i < free[which]:
                    continue
                if walk:
                    last, term, _ = sets[which]._longest(tokens, i, memo)  # noqa: SLF001
                    if last >= 0:
                        results[which].append(
                            new_tuple(
                                Match, (token.start, tokens[last].end, i, last, term)
                            )
                        )
                        free[which] = last + 1
                elif word is not None:
                    results[which].append(
                        new_tuple(Match, (token.start, token.end, i, i, word))
                    )
                    free[which] = i + 1
        return dict(zip(self.searched, results, strict=True))

    def _entries(
        self, tokens: Sequence[Token]
    ) -> list[tuple[int, tuple[_Start, ...] | tuple[_Settled, ...]]]:
        """Each token index where some list's entry can begin, with the lists.

        The answer for a token comes from the memo of single tokens; when a
        longer entry may go on from it, the memo of token pairs settles whether
        one does with the next token.
        """
        singles = self._starts
        pairs = self._pairs
        texts = list(map(TEXT, tokens))
        # Each is a _Begins, () for a token that begins nothing, or None when unknown.
        known: list[Any] = list(map(singles.get, texts))
        if None in known:  # words met for the first time
            unknown = map(operator.is_, known, itertools.repeat(None))
            for i in itertools.compress(itertools.count(), unknown):
                entry = singles.get(texts[i])  # learnt earlier in this text?
                if entry is None:
                    text = texts[i]
                    entry = remember(
                        singles, text, self._starting(tokens[i]), len(text)
                    )
                known[i] = entry
        last_index = len(tokens) - 1
        out = []
        # A token that begins nothing is remembered as (), which compress() skips.
        for i in itertools.compress(itertools.count(), known):
            entries, may_go_on = known[i]
            if may_go_on and i < last_index:
                key = (texts[i], texts[i + 1])
                resolved = pairs.get(key)
                if resolved is None:
                    resolved = remember(
                        pairs,
                        key,
                        self._going_on(entries, tokens[i + 1]),
                        max(len(key[0]), len(key[1])),
                    )
                entries = resolved
            out.append((i, entries))
        return out

    def _starting(self, token: Token) -> _Starts:
        """The lists with an entry that can begin with *token*.

        Per list (by its place in :attr:`searched`): the entry the token alone
        completes (the first listed, if several), or ``None``; and whether a longer
        entry may go on from it. The flag after the tuple says whether any may.
        """
        out: list[_Start] = []
        for which, nodes in sorted(self._first_nodes(token).items()):
            ends = [n for n in nodes if n.term is not None]
            word = min(ends, key=lambda n: n.rank).term if ends else None
            out.append((which, word, tuple(n for n in nodes if n.has_children)))
        part = self._compound_part(token)
        if part is not None:  # a compound with a negative part is a negative word
            negative = self._negative_index
            at = next((k for k, e in enumerate(out) if e[0] == negative), None)
            if at is None:
                out.append((negative, part, ()))
                out.sort(key=operator.itemgetter(0))
            elif out[at][1] is None:
                out[at] = (negative, part, out[at][2])
        if not out:
            return ()
        return tuple(out), any(going for _, _, going in out)

    def _going_on(
        self, entries: tuple[_Start, ...], after: Token
    ) -> tuple[_Settled, ...]:
        """A token's *entries* with each "may go on" settled by the token *after*.

        Entries that neither end at the token nor go on are dropped.
        """
        out: list[_Settled] = []
        for which, word, going in entries:
            stem = self.stemmer.stem(after.lower)
            walk = any(n.children(after, stem) for n in going)
            if walk or word is not None:
                out.append((which, word, walk))
        return tuple(out)

    def _compound_part(self, token: Token) -> str | None:
        """The negative part of a compound word (see :class:`Compounds`), if any."""
        if self.compounds is None or token.kind is not WORD:
            return None
        return self.compounds.part(token.lower)

    @property
    def _negative_index(self) -> int:
        """The place of the ``negative`` list in :attr:`searched`."""
        return tuple(self.searched).index("negative")

    def _first_nodes(self, token: Token) -> dict[int, list[_Node]]:
        """Every list's trie nodes reached from its root by *token*, by list index.

        The same nodes as each root's :meth:`_Node.children`, found through one
        index of all the lists' first words instead of one lookup per list.
        """
        found: dict[int, list[_Node]] = {}
        kind = token.kind
        if kind in (URL, EMAIL):
            return found
        index = self._first_words
        hits = list(index.exact.get(token.lower, ()))
        if index.stems:
            hits.extend(index.stems.get(self.stemmer.stem(token.lower), ()))
        if index.cased:
            hits.extend(index.cased.get(norm(token.text), ()))
        if kind != PUNCT:
            index.wildcards(token.lower, hits)
        for which, node in hits:
            found.setdefault(which, []).append(node)
        return found

    def gender(self, honorific: str | None) -> str | None:
        """Return ``"female"``, ``"male"``, ``"neutral"`` or ``None`` for ``Frau``.

        Examples:
            >>> from decline._analysis import load_data
            >>> load_data("da").gender("fru")
            'female'
            >>> load_data("en").gender("Dr.") is None
            True
            >>> load_data("de").gender("Frau Dr.")
            'female'

        """
        if not honorific:
            return None
        words = honorific.split()
        for key in (
            (honorific.strip(), words[0]) if len(words) > 1 else (honorific.strip(),)
        ):
            folded = fold(key.rstrip("."))
            for gender, titles in self.honorifics.items():
                if folded in titles:
                    return gender
        return None

    def phrases(self, name: str) -> PhraseSet:
        """Return the lexicon list ``name``.

        Args:
            name: A list under ``[lexicon]``, e.g. ``"negative"``.

        Returns:
            The compiled list.

        Raises:
            ValueError: If the locale has no such list.
        """
        try:
            return self.lexicon[name]
        except KeyError:
            known = ", ".join(sorted(self.lexicon))
            msg = (
                f"locale {self.locale!r} has no lexicon list {name!r} (lists: {known})"
            )
            raise ValueError(msg) from None
