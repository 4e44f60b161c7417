"""List the entries of a locale's data file that meet a word of another form in a stem.

Usage::

    python tools/stem_clashes.py sv              # one locale
    python tools/stem_clashes.py --min 3 de fr   # only words seen 3 times or more

A data file's entries match every inflection of their words because the entry and
the text are reduced by the same ``[morphology]`` endings. The endings are simple,
so two different words sometimes meet in one stem: English "car" and "career" in
``car``, French "salle" (a room) and "sales" (dirty) in ``sal``, Swedish "flytande"
(fluent) and "flyttar" (moves) in ``flyt``. An entry such as "car" then matches
"career", and a good sentence draws a finding.

This tool reads every word of the labelled corpora (``tests/judgement/``, its
subfolders and ``tests/corpus/``) and prints, per single-word entry of the
``[lexicon]`` lists, the corpus words that share its stem although neither is the
other with an ending of the locale stripped, most frequent first. Most lines are
harmless (a word's own derivations); for the others, write the entry exact
(``"=car"``, and ``"=cars"`` if the plural matters) and add a case to
``tests/test_constructions.py`` (``TestWordsThatMeetInAStem``). It changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from decline._analysis import available_data, load_data, tokenize

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "decline" / "_analysis" / "data"


def corpus_words(locale: str) -> Counter[str]:
    """How often each word (lower case) occurs in the locale's labelled corpora."""
    data = load_data(locale)
    words: Counter[str] = Counter()
    files = [
        *(ROOT / "tests" / "judgement").rglob(f"{locale}.toml"),
        *(ROOT / "tests" / "corpus").glob(f"{locale}.toml"),
    ]
    for path in files:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        for item in (
            *doc.get("sentence", ()),
            *doc.get("letter", ()),
            *doc.get("reason", ()),
        ):
            for token in tokenize(item["text"], data):
                if token.kind == "word":
                    words[token.lower] += 1
    return words


def clashes(
    locale: str, least: int = 1
) -> list[tuple[str, str, list[tuple[int, str]]]]:
    """``(list, entry, [(count, word), …])`` for each single-word entry that meets others."""
    data = load_data(locale)
    stem = data.stemmer.stem
    endings = {*data.stemmer.endings, ""}
    words = corpus_words(locale)
    by_stem: defaultdict[str, set[str]] = defaultdict(set)
    for word in words:
        by_stem[stem(word)].add(word)
    lexicon = tomllib.loads((DATA / f"{locale}.toml").read_text(encoding="utf-8"))[
        "lexicon"
    ]

    def another_word(entry: str, word: str) -> bool:
        shared = next(
            (i for i, (a, b) in enumerate(zip(entry, word, strict=False)) if a != b),
            min(len(entry), len(word)),
        )
        return word != entry and not (
            entry[shared:] in endings and word[shared:] in endings
        )

    found = []
    for name, entries in lexicon.items():
        for entry in entries:
            if " " in entry or entry.startswith(("=", "@")) or "*" in entry:
                continue
            if any(c.isupper() for c in entry):
                continue  # matched as spelt
            met = sorted(
                (
                    (words[word], word)
                    for word in by_stem.get(stem(entry), ())
                    if words[word] >= least and another_word(entry, word)
                ),
                reverse=True,
            )
            if met:
                found.append((name, entry, met))
    return sorted(found, key=lambda row: -row[2][0][0])


def main(argv: list[str] | None = None) -> int:
    """Print the clashes of the chosen locales."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("locales", nargs="*", help="locales (default: all)")
    parser.add_argument(
        "--min", type=int, default=1, help="only corpus words seen this often"
    )
    args = parser.parse_args(argv)
    for locale in args.locales or available_data():
        for name, entry, met in clashes(locale, args.min):
            shown = ", ".join(f"{word} ({count})" for count, word in met[:4])
            print(f"{locale}  {name:24} {entry:24} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
