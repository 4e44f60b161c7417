"""The speed-ups of check() and of the builder must not change a single result.

Each fast path is compared with the plain way of doing the same thing: memos
against cleared memos, the combined index against each list's own trie, the
cached format string against filling a message piece by piece, and the standard
library's idea of whitespace and line breaks against the tokenizer's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decline import _i18n
from decline import check as decline_check
from decline._analysis import (
    Token,
    _common,
    available_data,
    load_data,
    sentences,
    tokenize,
)
from decline._analysis import phrases as _phrases
from decline._analysis import tokens as _tokens
from decline._analysis.constructions import EFFECTS
from decline._analysis.morphology import Stemmer
from decline._analysis.phrases import Match, PhraseSet
from decline.guidance import Context

if TYPE_CHECKING:
    from collections.abc import Mapping

_ALL_CHARACTERS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


# ---------------------------------------------------------------- the tokenizer


def test_str_split_and_the_tokenizer_agree_on_whitespace() -> None:
    """The tokenizer splits chunks with str.split(); re's \\s is the same set."""
    spaces = re.findall(r"\s", _ALL_CHARACTERS)
    others = re.sub(r"\s", "", _ALL_CHARACTERS)
    assert others.split() == [others]  # nothing else splits
    for space in spaces:
        assert f"a{space}b".split() == ["a", "b"], hex(ord(space))


def test_splitlines_breaks_at_exactly_the_line_ends() -> None:
    """Line breaks are found with str.splitlines(); it must break at _LINE_ENDS only."""
    breaking = {c for c in _ALL_CHARACTERS if len(f"a{c}b".splitlines()) == 2}
    assert breaking == set(sentences._LINE_ENDS)
    assert "a\r\nb".splitlines() == ["a", "b"]  # one break, not two


def _by_chunks(text: str) -> tuple[Token, ...]:
    """Tokenise each \\S+ run on its own: what the layout memo must reproduce."""
    out: list[Token] = []
    for m in re.finditer(r"\S+", text):
        _tokens._chunk(text, m.start(), m.end(), out)
    return tuple(out)


chunky_texts = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Hello,",
                "e.g.",
                "Dr.",
                "(https://nordlys.dk/job?id=4).",
                "jo@example.org",
                "«quoted»",
                "don't",
                "l'entreprise",
                "45.000",
                "3,5",
                "...",
                "?!",
                "A/S",
                "x" * 60,
                "a.b" * 20,
                "nordlys.dk",
                "www.x",
                "José",
                "Jose\u0301",
                "\u2029",
                "\r\n",
                "\t",
                "\u00a0",
            ]
        ),
        st.text(max_size=12),
    ),
    max_size=30,
).map(" ".join)


@given(text=chunky_texts)
def test_tokenizing_with_the_layout_memo_equals_chunk_by_chunk(text: str) -> None:
    """Remembered layouts, offsets found with str.find, long chunks: same tokens."""
    assert _tokens._tokenize(text) == _by_chunks(text)


@given(
    chunk=st.text(
        st.sampled_from("aZéßİǅ\u0301,.;:!?…1_'-@/()«"), min_size=1, max_size=8
    )
)
def test_a_chunk_layout_is_what_the_full_tokenizer_finds(chunk: str) -> None:
    """The shortcuts for a lone word and a word with one mark change nothing."""
    out: list[Token] = []
    _tokens._chunk(chunk, 0, len(chunk), out)
    assert _tokens._layout(chunk) == tuple(out)


@given(text=chunky_texts)
def test_tokens_do_not_depend_on_what_the_memo_remembers(text: str) -> None:
    """A warm memo and an empty one give the same tokens."""
    warm = _tokens._tokenize(text)
    _tokens._LAYOUTS.clear()
    assert _tokens._tokenize(text) == warm


def test_memos_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every memo starts afresh at its size limit instead of growing without end."""
    monkeypatch.setattr(_common, "MEMO_SIZE", 50)
    data = load_data("en")
    for memo in (_tokens._LAYOUTS, data._starts, data._pairs):
        memo.clear()
    # "thank" may begin "thank you", so each new word after it is a new pair.
    text = " ".join(f"word{i} thank new{i}" for i in range(400))
    tokens = tokenize(text, data)
    data.find_all(tokens)
    assert 0 < len(_tokens._LAYOUTS) <= 50
    assert 0 < len(data._starts) <= 50
    assert 0 < len(data._pairs) <= 50
    assert len(tokens) == 1200


def test_memos_keep_no_long_words() -> None:
    """Words and chunks over 40 characters are worked out each time, never stored.

    A memo's entry count is capped, so capping its keys' length caps its bytes.
    """
    from decline import check

    data = load_data("en")
    long_word = "Thank" + "x" * 95
    text = f"{long_word} you {long_word}, thank {long_word}.\nKind {long_word}\n" * 3
    check(text, locale="en", kind="thank_you")
    memos = [
        _tokens._LAYOUTS,
        data._starts,
        *(ps._can_start for ps in data.searched.values()),
    ]
    assert all(len(key) <= _common.MEMO_KEY_MAX for memo in memos for key in memo)
    assert all(max(map(len, pair)) <= _common.MEMO_KEY_MAX for pair in data._pairs)
    assert _tokens.fold(long_word) == long_word.casefold()


# ------------------------------------------------------------------ the matcher


def _vocabulary(locale: str) -> list[str]:
    """Entries, their single words (stars taken off), and fillers, for one locale."""
    data = load_data(locale)
    words: list[str] = []
    for phrases in data.searched.values():
        for term in phrases.terms[:40]:
            words.append(term.replace("*", "x").replace("xn't", "n't"))
            words.extend(w.strip("*") for w in term.split() if w.strip("*"))
    return [*words, "zebra", "Xylophone", ",", ".", "!", "https://x.dk", "a@b.dk"]


VOCABULARY = {locale: _vocabulary(locale) for locale in available_data()}


@st.composite
def lexicon_texts(draw: st.DrawFn) -> tuple[str, str]:
    locale = draw(st.sampled_from(sorted(VOCABULARY)))
    words = draw(st.lists(st.sampled_from(VOCABULARY[locale]), max_size=40))
    cased = draw(st.lists(st.booleans(), min_size=len(words), max_size=len(words)))
    return locale, " ".join(
        w.capitalize() if up else w for w, up in zip(words, cased, strict=True)
    )


@settings(max_examples=300)
@given(sample=lexicon_texts())
def test_find_all_equals_each_list_on_its_own(sample: tuple[str, str]) -> None:
    """One pass with the memos and the first-word index finds what each list finds."""
    locale, text = sample
    data = load_data(locale)
    tokens = tokenize(text, data)
    found = data.find_all(tokens)
    assert list(found) == list(data.searched)
    for name, phrases in data.searched.items():
        assert found[name] == phrases.find(tokens), name


@given(sample=lexicon_texts())
def test_find_all_does_not_depend_on_what_the_memos_remember(
    sample: tuple[str, str],
) -> None:
    """Cleared memos give the same matches as warm ones."""
    locale, text = sample
    data = load_data(locale)
    tokens = tokenize(text, data)
    warm = data.find_all(tokens)
    data._starts.clear()
    data._pairs.clear()
    assert data.find_all(tokens) == warm


@pytest.mark.parametrize("locale", available_data())
def test_first_word_index_reaches_the_same_nodes_as_each_root(locale: str) -> None:
    """The index of every list's first words equals asking each list's root."""
    data = load_data(locale)
    for text in VOCABULARY[locale]:
        for token in tokenize(text, data):
            index = data._first_nodes(token)
            for which, phrases in enumerate(data.searched.values()):
                own = phrases._root.children(token, data.stemmer.stem(token.lower))
                assert sorted(map(id, index.get(which, []))) == sorted(map(id, own))


# ----------------------------------------------------- the walk memo (windows)


def _construction_vocabulary(locale: str) -> list[str]:
    """The words of the locale's patterns, of the lists they name, and fillers."""
    data = load_data(locale)
    assert data.constructions is not None
    words: list[str] = []
    named: set[str] = set()
    for spec in data.constructions.specs:
        for pattern in spec.patterns:
            for element in pattern.split():
                if element.startswith("@"):
                    named.add(element[1:])
                elif not element.startswith("~"):
                    words.append(element.strip("*=").replace("*", "x"))
    lists = {**data.lexicon, **data.lists}
    for name in sorted(named & set(lists)):
        for term in lists[name].terms[:15]:
            words.extend(w.strip("*=") for w in term.split() if w.strip("*="))
    return [*filter(None, words), "zebra", "42", '"', ",", ".", ";", "!"]


CONSTRUCTION_WORDS = {
    locale: _construction_vocabulary(locale) for locale in available_data()
}


@st.composite
def construction_texts(draw: st.DrawFn) -> tuple[str, str]:
    locale = draw(st.sampled_from(sorted(CONSTRUCTION_WORDS)))
    words = draw(st.lists(st.sampled_from(CONSTRUCTION_WORDS[locale]), max_size=30))
    return locale, " ".join(words)


@pytest.mark.parametrize("locale", available_data())
def test_flattened_starts_answer_as_each_root_does(locale: str) -> None:
    """Whether a token can begin an entry: the flattened first edges equal the root.

    For every list and construction set of the locale, on the words of its
    patterns and lists, their inflections, capitalised forms, and tokens of every
    kind (numbers, quotes, links, e-mail addresses, punctuation).
    """
    data = load_data(locale)
    assert data.constructions is not None
    sets = [*data.lexicon.values(), *data.lists.values()]
    sets.extend(data.constructions.phrases(effect) for effect in EFFECTS)
    words = CONSTRUCTION_WORDS[locale]
    odd_tokens = ["https://example.org", "jo@example.org", "3,5", "«", "'", "-"]
    text = " ".join(
        [
            *words,
            *(w.capitalize() for w in words),
            *(w + "e" for w in words),
            *odd_tokens,
        ]
    )
    tokens = tokenize(text, data)
    flattened = 0
    for phrases in sets:
        flat = phrases._flatten()
        if flat is None:
            continue
        flattened += 1
        for token in tokens:
            own = phrases._root.children(token, phrases._stem(token.lower))
            assert flat.may_start(token, phrases._stem) == bool(own), (
                phrases,
                token,
            )
    assert flattened == len(sets)  # every shipped set shares its locale's stemmer


def _walked_plainly(phrases: PhraseSet, tokens: tuple[Token, ...]) -> list[Match]:
    """``PhraseSet.find`` with every walk done afresh: no windows, no shared ends."""
    found: list[Match] = []
    free = 0
    for i, token in enumerate(tokens):
        if i < free or not phrases._may_start(token):
            continue
        last, term, _ = phrases._walk(tokens, i, {})
        if last >= 0:
            found.append(Match(token.start, tokens[last].end, i, last, term))
            free = last + 1
    return found


def _windows_of(locale: str) -> list[dict[tuple[str | None, ...], object]]:
    data = load_data(locale)
    sets = [*data.lexicon.values(), *data.lists.values()]
    assert data.constructions is not None
    sets.extend(data.constructions.phrases(effect) for effect in EFFECTS)
    return [ps._windows for ps in sets]


@settings(max_examples=300)
@given(sample=construction_texts())
def test_remembered_walks_find_what_plain_walks_find(sample: tuple[str, str]) -> None:
    """A walk answered from the window memo is the walk itself, in every effect."""
    locale, text = sample
    data = load_data(locale)
    assert data.constructions is not None
    tokens = tuple(tokenize(text, data))
    for effect in EFFECTS:
        phrases = data.constructions.phrases(effect)
        warm = phrases.find(tokens)
        assert warm == _walked_plainly(phrases, tokens), effect
        assert phrases.find(tokens) == warm  # and again, all from the memo


@settings(max_examples=100)
@given(sample=construction_texts())
def test_walks_do_not_depend_on_what_the_windows_remember(
    sample: tuple[str, str],
) -> None:
    """Cleared windows, and a memo that starts afresh every few walks, change nothing."""
    locale, text = sample
    data = load_data(locale)
    assert data.constructions is not None
    tokens = tuple(tokenize(text, data))
    sets = [data.constructions.phrases(effect) for effect in EFFECTS]
    warm = [ps.find_overlapping(tokens) for ps in sets]
    for windows in _windows_of(locale):
        windows.clear()
    assert [ps.find_overlapping(tokens) for ps in sets] == warm
    kept = _phrases._WINDOWS_KEPT
    _phrases._WINDOWS_KEPT = 3  # type: ignore[misc]
    try:
        assert [ps.find_overlapping(tokens) for ps in sets] == warm
    finally:
        _phrases._WINDOWS_KEPT = kept  # type: ignore[misc]


def test_a_walk_reads_the_end_of_the_text_when_the_end_decides() -> None:
    """A remark cut short before its last word is told apart from the whole remark.

    The window holds the end of the text (None) when the walk saw it, so the
    answer for the words of a remark going on is never taken for the answer where
    they stop, nor the other way round. Checked on every example of the data.
    """
    told_apart = 0
    for locale in available_data():
        data = load_data(locale)
        assert data.constructions is not None
        remark = data.constructions.phrases("remark")
        for spec in data.constructions.specs:
            if spec.effect != "remark":
                continue
            for example in spec.matches:
                whole = tuple(tokenize(example, data))
                found = remark.find(whole)
                assert found, example
                cut = whole[: found[0].last]  # the remark without its last token
                for tokens in (cut, whole, cut):  # the second cut from the memo
                    assert remark.find(tokens) == _walked_plainly(remark, tokens)
                told_apart += remark.find(cut) != found
    assert told_apart > 100


def test_window_memo_stays_bounded_and_keeps_no_long_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_phrases, "_WINDOWS_KEPT", 40)
    for windows in _windows_of("en"):
        windows.clear()
    long_word = "x" * 60
    text = " ".join(
        f"I was not really w{i}x, and the {long_word} team was not" for i in range(300)
    )
    decline_check(text, locale="en", kind="reason")
    windows = _windows_of("en")
    assert any(windows)
    assert all(len(memo) <= 40 for memo in windows)
    assert all(
        len(text) <= _common.MEMO_KEY_MAX
        for memo in windows
        for key in memo
        for text in key
        if text is not None
    )
    assert all(len(key) <= _phrases._WINDOW for memo in windows for key in memo)


def test_reason_kinds_are_matched_with_the_lexicon() -> None:
    """find_all also covers the reason kinds, as kind.<name>."""
    data = load_data("en")
    tokens = tokenize("I have accepted another offer.", data)
    assert data.find_all(tokens)["kind.other_offer"]


# ------------------------------------------------------------------ the engine


def test_context_hands_out_matches_per_sentence() -> None:
    """Matches come back per sentence, with indices relative to the sentence."""
    text = "Thank you for the offer. I have accepted another offer."
    ctx = Context(
        text, locale="en", kind="confirmation", offer=None, tone=None, today=None
    )
    first, second = ctx.sentences
    (thanks,) = ctx.find("thanks", first)
    assert (thanks.first, text[thanks.start : thanks.end]) == (0, "Thank you")
    assert ctx.find("thanks", second) == ()
    (other,) = ctx.find("kind.other_offer", second)
    assert second.tokens[other.first].text == "accepted"
    assert ctx.anywhere("kind.other_offer")
    assert not ctx.anywhere("sarcasm")


@settings(max_examples=100)
@given(sample=lexicon_texts())
def test_sentences_with_are_the_sentences_that_find_something(
    sample: tuple[str, str],
) -> None:
    """The rules skip sentences with nothing evaluative; the skip loses none."""
    locale, text = sample
    ctx = Context(text, locale=locale, kind="reason", offer=None, tone=None, today=None)
    lists = ("sarcasm", "negative", "positive")
    expected = [s for s in ctx.sentences if any(ctx.find(n, s) for n in lists)]
    assert ctx.sentences_with(*lists) == expected


def _phrases_of(locale: str) -> list[str]:
    data = load_data(locale)
    return [
        t.replace("*", "")
        for phrases in data.searched.values()
        for t in phrases.terms
        if len(t.split()) > 1
    ]


PHRASES = {locale: _phrases_of(locale) for locale in available_data()}


@st.composite
def broken_phrases(draw: st.DrawFn) -> tuple[str, str]:
    """Texts where a paragraph break falls inside a multi-word entry."""
    locale = draw(st.sampled_from(sorted(PHRASES)))
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        words = draw(st.sampled_from(PHRASES[locale])).split()
        cut = draw(st.integers(1, len(words) - 1))
        after = draw(st.lists(st.sampled_from(VOCABULARY[locale]), max_size=5))
        parts.append(" ".join(words[:cut]) + "\n\n" + " ".join([*words[cut:], *after]))
    return locale, " ".join(parts)


@settings(max_examples=200)
@given(sample=st.one_of(broken_phrases(), lexicon_texts()))
def test_find_within_reads_each_sentence_on_its_own(sample: tuple[str, str]) -> None:
    """find_within() equals matching the sentence's tokens alone, for every list."""
    locale, text = sample
    ctx = Context(text, locale=locale, kind="reason", offer=None, tone=None, today=None)
    for name, phrases in ctx.data.searched.items():
        for sentence in ctx.sentences:
            alone = tuple(phrases.find(sentence.tokens))
            assert ctx.find_within(name, sentence) == alone, (name, sentence.text)


def test_a_phrase_across_a_paragraph_break_hides_nothing_from_the_rules() -> None:
    """ "an offer" ending one paragraph does not swallow "Elsewhere" in the next."""
    from decline import check

    report = check(
        "I got an offer\n\nElsewhere they pay 90,000 EUR.", locale="en", kind="reason"
    )
    found = {(d.rule, d.text) for d in report}
    assert ("letter.other-offer-details", "90,000 EUR") in found


def test_context_refuses_a_list_the_locale_lacks() -> None:
    """An unknown list name is an error that names the list, not an empty answer."""
    ctx = Context("Hi.", locale="en", kind="reason", offer=None, tone=None, today=None)
    with pytest.raises(ValueError, match="has no list 'nope'"):
        ctx.find("nope", ctx.sentences[0])
    with pytest.raises(ValueError, match="has no list 'nope'"):
        ctx.anywhere("nope")


@settings(max_examples=200)
@given(sample=lexicon_texts())
def test_matches_handed_to_sentences_point_at_their_tokens(
    sample: tuple[str, str],
) -> None:
    """Per-sentence indices name the sentence's own tokens, and no match is lost.

    Every whole-text match that lies inside one sentence is handed to that
    sentence; a match across a sentence end goes to neither.
    """
    locale, text = sample
    text = text.replace(" . ", ". ").replace(" , ", ", ")
    ctx = Context(text, locale=locale, kind="reason", offer=None, tone=None, today=None)
    for name in ctx.data.searched:
        handed = 0
        for sentence in ctx.sentences:
            for m in ctx.find(name, sentence):
                assert sentence.tokens[m.first].start == m.start
                assert sentence.tokens[m.last].end == m.end
                handed += 1
        inside = [
            m
            for m in ctx.data.find_all(ctx.analysed.tokens)[name]
            if any(s.start <= m.start and m.end <= s.end for s in ctx.sentences)
        ]
        assert handed == len(inside), name


# --------------------------------------------------------------- filling messages


def _fill_piece_by_piece(template: str, values: Mapping[str, str]) -> str:
    """The plain definition of fill(): fields in, no doubled full stop."""
    parts = re.split(r"\{([a-z_]+)\}", template)
    out = [parts[0]]
    for i in range(1, len(parts), 2):
        value, after = values[parts[i]], parts[i + 1]
        if after.startswith(".") and value.endswith("."):
            value = value[:-1]
        out += [value, after]
    return "".join(out)


FIELDS = ("company", "position", "contact")
templates = st.lists(
    st.one_of(
        st.sampled_from([f"{{{f}}}" for f in FIELDS]),
        st.sampled_from(
            [".", ". ", "{", "}", "{{", "}}", "{0}", "{x.y}", "{a!r}", " "]
        ),
        st.text(max_size=6),
    ),
    max_size=12,
).map("".join)
values = st.fixed_dictionaries(
    {
        f: st.one_of(
            st.sampled_from(["Acme Ltd.", "Nordlys A/S", "{x}", "."]), st.text()
        )
        for f in FIELDS
    }
)


@given(template=templates, filled=values)
def test_fill_equals_filling_piece_by_piece(
    template: str, filled: dict[str, str]
) -> None:
    """The cached format string gives what filling field by field gives."""
    assert _i18n.fill(template, filled) == _fill_piece_by_piece(template, filled)


def test_fill_reaches_no_attribute_or_index() -> None:
    """Braces that are not a plain field stay text: no format-string injection."""
    assert _i18n.fill("{x.__class__} {0} {company}", {"company": "A"}) == (
        "{x.__class__} {0} A"
    )


# ------------------------------------------------------- word forms and compounds


def _plain_strip(stemmer: Stemmer, word: str) -> str:
    """Stemmer._strip as a plain loop over every ending, longest first."""
    for _ in range(stemmer.passes):
        for ending in stemmer.endings:
            if len(word) - len(ending) >= stemmer.min_stem and word.endswith(ending):
                word = word[: len(word) - len(ending)]
                break
        else:
            break
    return word


def _words_of(locale: str) -> list[str]:
    """Every word the locale's data and judgement corpus write, lower case."""
    from pathlib import Path

    import tomllib

    root = Path(__file__).resolve().parent
    texts: list[str] = []
    for path in (
        root.parent / "src" / "decline" / "_analysis" / "data" / f"{locale}.toml",
        root / "judgement" / f"{locale}.toml",
    ):
        with path.open("rb") as fh:
            doc = tomllib.load(fh)

        def walk(value: object) -> None:
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, list):
                for item in value:
                    walk(item)
            elif isinstance(value, dict):
                for item in value.values():
                    walk(item)

        walk(doc)
    return sorted({t.lower for text in texts for t in tokenize(text, None)})


@pytest.mark.parametrize("locale", available_data())
def test_the_stemmer_strips_what_the_plain_loop_strips(locale: str) -> None:
    """One set lookup per ending length finds the ending the loop over all finds."""
    stemmer = load_data(locale).stemmer
    for word in _words_of(locale):
        assert stemmer._strip(word) == _plain_strip(stemmer, word), word


@given(st.text(alphabet="abcdeilnorstuyæøåäöüé", min_size=1, max_size=14))
@settings(max_examples=300)
def test_the_stemmer_agrees_with_the_plain_loop_on_any_word(word: str) -> None:
    for locale in available_data():
        stemmer = load_data(locale).stemmer
        assert stemmer._strip(word) == _plain_strip(stemmer, word)


@pytest.mark.parametrize("locale", ["da", "de", "nb", "nl", "sv"])
def test_compound_parts_are_what_the_plain_loop_finds(locale: str) -> None:
    """The longest modifier, else the longest head, as looping over them all finds.

    For words of letters only; a word with hyphens is asked piece by piece
    (tests/test_constructions.py).
    """
    compounds = load_data(locale).compounds
    assert compounds is not None
    modifiers = compounds._modifiers
    heads = compounds._heads
    rest = compounds.min_rest
    words = _words_of(locale)
    words += [m + "jobbet" for m in modifiers] + ["arbejds" + h for h in heads]
    for word in filter(str.isalpha, words):
        expected = None
        if word not in compounds.exceptions:
            expected = next(
                (
                    m + "-"
                    for m in modifiers
                    if len(word) - len(m) >= rest and word.startswith(m)
                ),
                None,
            )
            if expected is None:
                stem = compounds.stemmer.stem(word)
                expected = next(
                    (
                        "-" + h
                        for h in heads
                        if len(stem) - len(h) >= rest and stem.endswith(h)
                    ),
                    None,
                )
        assert compounds._part(word) == expected, word


def test_a_set_whose_lists_stem_otherwise_is_asked_at_its_root() -> None:
    """No flattening across stemmers: the set falls back to asking its root."""
    stemmed = PhraseSet(["rudely"], stemmer=Stemmer(endings=("ly",), min_stem=3))
    plain = PhraseSet(["@manners indeed"], lists={"manners": stemmed})
    assert plain._flatten() is None
    # ...through every list it reaches; lists that stem alike flatten
    assert PhraseSet(["@m ok"], lists={"m": plain})._flatten() is None
    alike = PhraseSet(["@m ok"], lists={"m": PhraseSet(["rude"])})
    assert alike._flatten() is not None
    tokens = tokenize("rude indeed, rudely indeed", None)
    assert [plain._may_start(t) for t in tokens] == [
        bool(plain._root.children(t, t.lower)) for t in tokens
    ]
    assert [m.term for m in plain.find(tokens)] == ["@manners indeed"] * 2
