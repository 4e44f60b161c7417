"""Sentences: where one ends, driven by the locale's abbreviations, titles and months.

A sentence ends after ``.``, ``!``, ``?``, ``…`` (and any closing quotes or
brackets) only when whitespace and then an upper-case letter, a digit, an opening
quote or bracket, or a list marker ("b. Write …") follow; with no space, only
between a lower-case word and a capitalised one ("today.Tomorrow"). A full stop
does not end a sentence after a known abbreviation, an initial, a title, a list
number at the start of a sentence ("2. Send the letter"), a day number before a
month name, or a month before a number. An abbreviation or initial still ends one
before a line break and a capital; one that closes a list ("etc.") before any
capital; one that often ends a sentence ("Ltd.", "U.K.") before a word that
usually starts one ("We", "The"). An ellipsis ends a sentence before such a word,
never inside brackets ("[…]"). A blank line always ends a sentence; a single line
break does when one of the two lines is a greeting or a sign-off, when the lines
follow a sign-off (the signature), or when the next line starts with a bullet. When
a boundary is uncertain the text is *not* split.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from typing import TYPE_CHECKING, Final, NamedTuple

import attrs

from decline._analysis._common import new_tuple
from decline._analysis.tokens import NUMBER, PUNCT, START, TEXT, WORD, Token, tokenize

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from decline._analysis.lexicon import LocaleData
    from decline._analysis.phrases import Match

__all__ = ["Sentence", "Text", "analyse", "signs_off", "split_sentences"]


def signs_off(tokens: Sequence[Token], m: Match, stop: int) -> bool:
    """Whether a closing phrase *m* that starts a line is a sign-off, not a sentence.

    It is when it ends the line (*stop* is the index of the line's end), is followed
    by a comma or a dash ("Best, Jonas"), or only by a name ("Kind regards Jonas"):
    "Thanks for the offer" and "Merci pour votre offre" go on as sentences.
    """
    after = m.last + 1
    if after >= stop:  # the phrase ends the line (or runs on past its end)
        return True
    if tokens[after].text in {",", "-", "–", "—"}:  # noqa: RUF001
        return True
    return all(t.kind == WORD and t.text[0].isupper() for t in tokens[after:stop])


class Sentence(NamedTuple):
    """A sentence: a span of the original text, trimmed, with its tokens.

    A named tuple, like :class:`Token`: a text has many, and they never change.

    Attributes:
        start: Offset of the sentence's first character in the original text.
        end: Offset just past its last character (final punctuation included).
        text: ``original[start:end]``.
        tokens: The sentence's tokens, with offsets into the original text.
    """

    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]


_TERMINALS: Final = frozenset(".!?…")
_CLOSERS: Final = frozenset("\"'”’»«“›‹)]}")  # noqa: RUF001
_OPENERS: Final = frozenset("\"'“„«»‘‚‹›([{¿¡")  # noqa: RUF001
_ENDING_MARKS: Final = _TERMINALS | _CLOSERS  # what _terminal_before() can start from
_QUOTES: Final = frozenset("\"'”’»«“„‘‚›‹")  # noqa: RUF001
_BULLETS: Final = frozenset("-*•–—·◦‣▪●")  # noqa: RUF001
_LINE_ENDS: Final = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_PARAGRAPH: Final = 2  # line breaks that make a paragraph break
_CLOSE_MAX_WORDS: Final = 6
_GREETING_MAX_WORDS: Final = 10
_GREETING_SHORT: Final = 5
_ORDINAL_DIGITS: Final = 2
_LIST_DIGITS: Final = 3
_CLOSER_DEPTH: Final = 3
_RUN_DEPTH: Final = 6
_FIRST_CHARACTER: Final = operator.itemgetter(0)
_ELLIPSES: Final = frozenset(("...", "…"))
_OMISSION_OPENERS: Final = frozenset("([")  # "[…]", "(...)": a cut in a quotation
_NUMERO: Final = frozenset("°º")  # "N°. 4": the sign of a number abbreviation
_ELISION_MARKS: Final = frozenset("'’")  # noqa: RUF001

# What a full stop after a token means.
_PLAIN_STOP, _SOFT_STOP, _NO_STOP = 0, 1, 2


def _gap_breaks(text: str, tokens: Sequence[Token]) -> tuple[list[int], list[int]]:
    """Count the line breaks after each token (a paragraph separator counts two).

    Returns:
        The count per token, and the indices of the tokens followed by a break.
    """
    breaks = [0] * len(tokens)
    broken: list[int] = []
    starts: list[int] | None = None
    last = len(tokens) - 1
    at = 0
    # str.splitlines() breaks at exactly the characters of _LINE_ENDS (and at
    # "\r\n" as one break), and much faster than a regular expression finds them.
    for line in text.splitlines(keepends=True):
        at += len(line)
        end = line[-1]
        if end not in _LINE_ENDS:
            break  # the last line, with no break after it
        if starts is None:
            starts = list(map(START, tokens))
        # No token holds a line break: the break lies after the last token that
        # starts before it.
        i = bisect.bisect_right(starts, at - 1) - 1
        if 0 <= i < last:
            breaks[i] += 2 if end == "\u2029" else 1
            if not broken or broken[-1] != i:
                broken.append(i)
    return breaks, broken


class _Splitter:
    """Find the last token of every sentence."""

    def __init__(self, text: str, tokens: Sequence[Token], data: LocaleData) -> None:
        self.text = text
        self.tokens = tokens
        self.data = data
        self.breaks, self.broken = _gap_breaks(text, tokens)
        self.line_first = [0, *(i + 1 for i in self.broken)]
        self.line_stop = [*self.line_first[1:], len(tokens)]
        self._first_sign_off: int | None = None
        self._sentence_start = 0  # the first token of the sentence being read

    # -- lines ----------------------------------------------------------------------

    def _words(self, line: int) -> int:
        """How many tokens of a line are not punctuation."""
        stop = self.line_stop[line]
        return sum(
            1 for t in self.tokens[self.line_first[line] : stop] if t.kind != PUNCT
        )

    def _greeting(self, line: int) -> bool:
        """Tell whether a line is a greeting ("Dear Ms Hansen,")."""
        first, stop = self.line_first[line], self.line_stop[line]
        if self.data.lexicon["greetings"].match_at(self.tokens, first) is None:
            return False
        words = self._words(line)
        return words <= _GREETING_MAX_WORDS and (
            words <= _GREETING_SHORT or self.tokens[stop - 1].text in {",", ":", "!"}
        )

    def _closing(self, line: int) -> bool:
        """Tell whether a line is a sign-off ("Kind regards,", "Best, Jonas")."""
        m = self.data.lexicon["closings"].match_at(self.tokens, self.line_first[line])
        return (
            m is not None
            and self._words(line) <= _CLOSE_MAX_WORDS
            and self._sign_off(m, self.line_stop[line])
        )

    def _first_closing(self) -> int:
        """The first sign-off line (the number of lines when there is none)."""
        if self._first_sign_off is None:
            lines = len(self.line_first)
            self._first_sign_off = next(
                (k for k in range(lines) if self._closing(k)), lines
            )
        return self._first_sign_off

    def _sign_off(self, m: Match, stop: int) -> bool:
        """Tell whether a closing phrase starting a line ends it or precedes a name."""
        return signs_off(self.tokens, m, stop)

    def _bullet(self, line: int) -> bool:
        """Tell whether a line starts with a bullet ("-", "•") or "1." / "a)"."""
        tokens = self.tokens
        first, stop = self.line_first[line], self.line_stop[line]
        if stop <= first + 1:
            return False
        head, mark = tokens[first], tokens[first + 1]
        if head.text in _BULLETS:
            return True
        return (
            (head.kind == NUMBER or (head.kind == WORD and len(head.text) == 1))
            and mark.text in {".", ")"}
            and mark.start == head.end
            and stop > first + 2
        )

    # -- sentence ends ----------------------------------------------------------------

    def _starts(self, j: int) -> bool:
        """Tell whether ``tokens[j]`` can begin a sentence."""
        tokens = self.tokens
        for _ in range(_CLOSER_DEPTH + 1):
            char = tokens[j].text[0]
            if char not in _OPENERS:
                return (
                    char.isupper()
                    or char.isdigit()
                    or (char.isalpha() and not char.islower())
                    or self._list_letter(j)
                )
            if j + 1 >= len(tokens) or tokens[j + 1].start != tokens[j].end:
                return False  # a free-standing quote closes, it does not open
            j += 1
        return False

    def _list_letter(self, j: int) -> bool:
        """Tell whether ``tokens[j]`` is a lettered list marker ("b." in "b. Write")."""
        tokens = self.tokens
        if j + 2 >= len(tokens) or len(tokens[j].text) != 1:
            return False
        mark, first = tokens[j + 1], tokens[j + 2]
        return (
            tokens[j].kind == WORD
            and mark.text in {".", ")"}
            and mark.start == tokens[j].end
            and first.start > mark.end
            and first.text[0].isupper()
        )

    def _starter(self, j: int) -> bool:
        """Tell whether ``tokens[j]`` is a word that usually begins a sentence."""
        tokens = self.tokens
        low = tokens[j].lower
        if (
            len(low) == 1
            and j + 1 < len(tokens)
            and tokens[j + 1].text == "."
            and tokens[j + 1].start == tokens[j].end
        ):
            return False  # "J. A. Moreno": another initial, not the word "a"
        if low in self.data.starters:
            return True
        # An elided pronoun or article ("J'", "L'") begins sentences as often.
        return (
            len(low) > 1
            and low[-1] in _ELISION_MARKS
            and low[:-1] in self.data.elisions
        )

    def _glued(self, g: int) -> bool:
        """Tell whether a sentence mark with no space after it ends a sentence.

        Only between a lower-case word and a capitalised one ("today.Tomorrow",
        "open?Please"): never inside "e.g.", "Ph.D", "ASP.NET" or "Node.js".
        """
        tokens = self.tokens
        if g == 0 or tokens[g].text not in {".", "!", "?", "?!", "!?"}:
            return False
        before, after = tokens[g - 1], tokens[g + 1]
        if before.kind != WORD or after.kind != WORD or len(before.text) < 2:
            return False
        head = after.text
        if not (before.text[-1].islower() and head[0].isupper()):
            return False
        if f"{before.lower}.{after.lower}" in self.data.abbreviations:
            return False  # "Ph.D"
        if len(head) > 1:
            return head[1].islower()
        # One capital letter ("dag.I morgen") is a word only before a space.
        return g + 2 >= len(tokens) or tokens[g + 2].start > after.end

    def _terminal_before(self, g: int) -> int:
        """Return the index of the sentence mark that token ``g`` closes, or -1."""
        tokens = self.tokens
        k = g
        for _ in range(_CLOSER_DEPTH):
            tok = tokens[k]
            if tok.kind != PUNCT or tok.text[0] not in _CLOSERS or k == 0:
                break
            attached = tokens[k - 1].end == tok.start
            free = tok.text in _QUOTES and (
                k + 1 >= len(tokens) or tokens[k + 1].start != tok.end
            )
            if not (attached or free):
                break
            k -= 1
        tok = tokens[k]
        return k if tok.kind == PUNCT and tok.text[0] in _TERMINALS else -1

    def _at_line_start(self, i: int) -> bool:
        return i == 0 or self.breaks[i - 1] > 0

    def _abbreviation(self, k: int) -> tuple[str, str] | None:
        """Tell whether word ``tokens[k]`` ends a known title or abbreviation."""
        tokens, data = self.tokens, self.data
        run = tokens[k].lower
        candidates = [run]
        for _ in range(_RUN_DEPTH):
            if k <= 1:
                break
            sep, word = tokens[k - 1], tokens[k - 2]
            attached = sep.end == tokens[k].start or (
                sep.text == "." and self.text[sep.end : tokens[k].start] == " "
            )
            if (
                sep.text not in {".", "/"}
                or not attached
                or word.end != sep.start
                or word.kind not in (WORD, NUMBER)
            ):
                break
            run = word.lower + sep.text + run
            candidates.append(run)
            k -= 2
        for candidate in candidates:
            if candidate in data.titles:
                return "title", candidate
            if candidate in data.abbreviations:
                return "abbreviation", candidate
        return None

    def _initial(self, k: int) -> bool:
        """Tell whether ``tokens[k]`` is a lone initial (``J.``), not the S of A/S."""
        letter = self.tokens[k]
        if len(letter.text) != 1 or not letter.text.isalpha():
            return False
        if k == 0:
            return True
        before = self.tokens[k - 1]
        if before.end != letter.start or before.text[0] in _OPENERS:
            return True
        # The P of "J.P." and "J.-P.": a letter right after another initial's
        # full stop, or after the hyphen that follows one.
        j = k - 1
        if before.text == "-" and k >= 2 and self.tokens[k - 2].end == before.start:
            j = k - 2
            before = self.tokens[j]
        return (
            before.text == "."
            and j >= 1
            and self.tokens[j - 1].end == before.start
            and len(self.tokens[j - 1].text) == 1
            and self.tokens[j - 1].text.isalpha()
        )

    def _stop_kind(self, t: int, j: int) -> int:
        """Classify the full stop ``tokens[t]``: plain, soft or none.

        A soft stop ends a sentence only before a line break.
        """
        tokens = self.tokens
        if t == 0 or tokens[t - 1].end != tokens[t].start:
            return _PLAIN_STOP
        before, nxt = tokens[t - 1], tokens[j]
        if before.kind == WORD:
            return self._word_stop(t - 1, j)
        if before.kind == NUMBER:
            return self._number_stop(t - 1, nxt)
        if (  # "N°. 4", "n.º 5": the numero sign
            before.text in _NUMERO
            and t >= 2
            and tokens[t - 2].end == before.start
            and nxt.text[0].isdigit()
        ):
            return _SOFT_STOP
        return _PLAIN_STOP

    def _word_stop(self, k: int, j: int) -> int:
        """Classify a full stop after the word ``tokens[k]``; ``tokens[j]`` follows."""
        tokens, data = self.tokens, self.data
        word = tokens[k].lower
        found = self._abbreviation(k)
        if found is not None and found[0] == "title":
            return _NO_STOP
        if found is not None or self._initial(k):
            return self._abbreviation_stop(k, j, None if found is None else found[1])
        digit = tokens[j].text[0].isdigit()
        if digit and (word in data.months or word in data.before_numbers):
            return _SOFT_STOP  # "1 jan. 2027", "No. 4"
        if data.abbreviation_endings and tokens[k].text[0].isupper():
            for ending in data.abbreviation_endings:
                if len(word) > len(ending) and word.endswith(ending):
                    return _SOFT_STOP  # "Hauptstr. 5"
        return _PLAIN_STOP

    def _abbreviation_stop(self, k: int, j: int, name: str | None) -> int:
        """Classify a full stop after an abbreviation (*name*) or an initial (``None``)."""
        data = self.data
        word = self.tokens[k].lower
        full = word if name is None else name
        if (full in data.list_enders or word in data.list_enders) and self.tokens[
            j
        ].text[0].isupper():
            return _PLAIN_STOP  # "… pay, hours, etc. All of it …"
        starter = self._starter(j)
        if starter and (full in data.enders or word in data.enders):
            return _PLAIN_STOP  # "… at Acme Ltd. My manager …": a new sentence
        if starter and name is None and not self._name_goes_on(j):
            return _PLAIN_STOP  # "I met Jonas B. He was kind."
        return _SOFT_STOP

    def _ellipsis_stop(self, t: int, g: int) -> int:
        """Classify the ellipsis ``tokens[t]`` (``tokens[g]`` closes it).

        "[…]" and "(...)" mark a cut, not an end; otherwise an ellipsis ends the
        sentence before a word that usually starts one, a number, a quote or a
        bracket, and only before a line break when a name or noun follows
        ("We visited... Copenhagen, Aarhus and Odense").
        """
        tokens = self.tokens
        if (
            t > 0
            and tokens[t - 1].text in _OMISSION_OPENERS
            and tokens[t - 1].end == tokens[t].start
        ):
            return _NO_STOP
        nxt = tokens[g + 1]
        if nxt.kind != WORD or self._starter(g + 1):
            return _PLAIN_STOP
        return _SOFT_STOP

    def _name_goes_on(self, j: int) -> bool:
        """Tell whether the capitalised word ``tokens[j]`` is followed by another.

        "P. De Vries", "K. Le Goff": an article that is part of a surname.
        """
        tokens = self.tokens
        return (
            j + 1 < len(tokens)
            and tokens[j + 1].kind == WORD
            and tokens[j + 1].text[0].isupper()
        )

    def _number_stop(self, k: int, nxt: Token) -> int:
        """Classify a full stop after the number ``tokens[k]``: a date, a list item."""
        number = self.tokens[k].text
        if not number.isdigit():
            return _PLAIN_STOP
        if k == self._sentence_start and len(number) <= _LIST_DIGITS:
            return _NO_STOP  # "2. Send the letter.": a list item
        date = nxt.kind == WORD and nxt.lower in self.data.months
        if len(number) <= _ORDINAL_DIGITS and date:
            return _NO_STOP
        ordinal = self.data.ordinal_numbers or self._at_line_start(k)
        if len(number) <= _LIST_DIGITS and ordinal:
            return _NO_STOP
        return _PLAIN_STOP

    def ends(self) -> list[int]:
        """Return the index of the last token of each sentence, in order."""
        n = len(self.tokens)
        if not n:
            return []
        out = []
        self._sentence_start = 0
        for g, line in self._candidates():
            if self._splits(g, line):
                out.append(g)
                self._sentence_start = g + 1
        out.append(n - 1)
        return out

    def _candidates(self) -> Iterator[tuple[int, int]]:
        """Yield the tokens that may end a sentence, each with its line.

        Only a sentence mark, a closing quote or bracket, or a token before a line
        break can, and only with a space after it: a word or a comma followed by
        a space never ends a sentence.
        """
        tokens = self.tokens
        n = len(tokens)
        # Only punctuation starts with one of these marks (words, numbers, links
        # and addresses start with a letter, a digit or + - _), so the first
        # character alone picks the candidates, without a Python-level loop.
        firsts = map(_FIRST_CHARACTER, map(TEXT, tokens))
        candidates = list(
            itertools.compress(
                itertools.count(), map(_ENDING_MARKS.__contains__, firsts)
            )
        )
        if self.broken:
            candidates = sorted({*candidates, *self.broken})
        breaks = iter(self.broken)
        next_break = next(breaks, n)
        line = 0
        for g in candidates:
            if g >= n - 1:
                return
            while next_break < g:  # count the lines passed since the last candidate
                line += 1
                next_break = next(breaks, n)
            if tokens[g].end != tokens[g + 1].start or self._glued(g):
                yield g, line

    def _splits(self, g: int, line: int) -> bool:
        """Tell whether a sentence ends after ``tokens[g]``, which is on *line*."""
        breaks = self.breaks[g]
        if breaks >= _PARAGRAPH:
            return True
        tokens = self.tokens
        t = self._terminal_before(g)
        if t >= 0 and self._starts(g + 1):
            mark = tokens[t].text
            if mark == ".":
                stop = self._stop_kind(t, g + 1)
            elif mark in _ELLIPSES:
                stop = self._ellipsis_stop(t, g)
            else:
                stop = _PLAIN_STOP
            if stop == _PLAIN_STOP or (stop == _SOFT_STOP and breaks > 0):
                return True
        return breaks > 0 and (
            self._greeting(line)
            or self._greeting(line + 1)
            or line >= self._first_closing()
            or self._closing(line + 1)
            or self._bullet(line + 1)
        )


def _sentences(
    text: str, tokens: tuple[Token, ...], data: LocaleData
) -> tuple[Sentence, ...]:
    out = []
    first = 0
    for last in _Splitter(text, tokens, data).ends():
        start, end = tokens[first].start, tokens[last].end
        out.append(
            new_tuple(Sentence, (start, end, text[start:end], tokens[first : last + 1]))
        )
        first = last + 1
    return tuple(out)


def split_sentences(text: str, data: LocaleData) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences using the locale's data.

    Args:
        text: Any text: a reason, a letter, a draft.
        data: The locale's data from :func:`load_data`.

    Returns:
        The sentences, in order; whitespace-only text has none.

    Examples:
        >>> from decline._analysis import load_data
        >>> da = load_data("da")
        >>> [s.text for s in split_sentences("Vi ses 1. marts ca. kl. 10. Tak!", da)]
        ['Vi ses 1. marts ca. kl. 10.', 'Tak!']
    """
    return _sentences(text, tokenize(text, data), data)


# ---------------------------------------------------------------------------- text


@attrs.frozen
class Text:
    """A text analysed for one locale.

    Attributes:
        raw: The original text.
        locale: The locale it was analysed with.
        sentences: Its sentences.
        tokens: All its tokens (the sentences' tokens, concatenated).
    """

    raw: str
    locale: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]


def analyse(text: str, data: LocaleData) -> Text:
    r"""Tokenise ``text`` and split it into sentences.

    Args:
        text: Any text.
        data: The locale's data from :func:`load_data`.

    Returns:
        The analysed text.

    Raises:
        TypeError: If ``text`` is not a string.

    Examples:
        >>> from decline._analysis import load_data
        >>> en = load_data("en")
        >>> text = analyse("Dear Ms. Hansen,\nThanks, e.g. for the call.", en)
        >>> [s.text for s in text.sentences]
        ['Dear Ms. Hansen,', 'Thanks, e.g. for the call.']
    """
    tokens = tokenize(text, data)
    return Text(text, data.locale, _sentences(text, tokens, data), tokens)
