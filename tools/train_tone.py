"""Train the tone models (``src/decline/_analysis/data/<ll>.tone``) from labelled sentences.

Usage::

    pip install ".[train]"                      # scikit-learn, for this tool only
    python tools/train_tone.py                  # every locale, every training corpus
    python tools/train_tone.py da de            # some locales
    python tools/train_tone.py --waves wave2    # learn from one corpus only
    python tools/train_tone.py --check          # exit 1 if a model is out of date

A model is a logistic regression over the stems of a sentence's words and their
pairs, their letter groups, and the locale's lists with a phrase in the sentence
(see :mod:`decline._analysis.tone`), learnt from the sentences of the
judgement corpora under ``tests/judgement/``: ``wave1`` is ``tests/judgement/<ll>.toml``,
``wave2`` is ``tests/judgement/wave2/<ll>.toml``, and so on. ``tests/judgement/heldout/``
is never learnt from: it measures whether the checker generalises.

The threshold is chosen by five-fold cross-validation: the lowest score at which at
most ``--false-alarms`` (default 3.5 %) of the acceptable sentences would be flagged;
for a sentence inside a letter, at most ``--letter-false-alarms`` (default 1 %).
The reason threshold is set on acceptable reasons only; the letter threshold on every
acceptable sentence, the lines from inside letters of :data:`LETTER_LINES` included.
The reason default was chosen on wave 5 before it was learnt from: trained on waves
1, 2 and 4, 3.5 % flagged 5-6 points more of wave 5's flag sentences than 2 % for 1-2
points of its acceptable ones (da, nb, sv, en). The letter default was chosen with
``benchmarks/accuracy.py --in-letter`` on the held-out corpora and the good letters
of both letter corpora: 1 % caught 5-6 points more of the held-out remarks inside a
letter than 0.3 % with no more good letters failing; 2 % caught 6 more points but
failed one more good letter, and 3.5 % (the reason threshold) eight more.
Weights below ``--prune`` are dropped to keep the file small. The same words reduce
to the same stems at training and at run time because both use the locale's
``[morphology]``; the model records a hash of it, and ``decline`` refuses a model
whose hash no longer matches (train again after changing ``[morphology]``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
#: Letter groups of this length join the word features (see decline._analysis.tone).
CHAR_NGRAMS = 4
#: List features enter the model at this value (see train()).
LIST_SCALE = 2
CORPUS = ROOT / "tests" / "judgement"
DATA = ROOT / "src" / "decline" / "_analysis" / "data"
sys.path.insert(0, str(ROOT / "src"))


def corpus_file(wave: str, locale: str) -> Path:
    """The file of one corpus wave for *locale*."""
    if wave.startswith("heldout"):
        msg = "the held-out corpus is never learnt from"
        raise SystemExit(msg)
    return (
        CORPUS / f"{locale}.toml"
        if wave == "wave1"
        else CORPUS / wave / f"{locale}.toml"
    )


def waves() -> list[str]:
    """Every training corpus there is: wave1 and the wave folders."""
    found = ["wave1"]
    found += sorted(
        p.name for p in CORPUS.iterdir() if p.is_dir() and p.name.startswith("wave")
    )
    return found


#: Corpora of lines from inside letters (call notes, headings, thanks for the
#: visit, parting shots) rather than reasons: learnt from like the others, but
#: their acceptable lines set only the letter threshold, which judges such lines.
LETTER_LINES = frozenset({"wave9"})


def sentences(locale: str, chosen: list[str]) -> list[tuple[str, int, bool]]:
    """(text, 1 for flag or 0 for ok, from a letter-lines corpus) of the chosen waves."""
    out = []
    for wave in chosen:
        path = corpus_file(wave, locale)
        if not path.is_file():
            continue
        with path.open("rb") as fh:
            doc = tomllib.load(fh)
        lines = wave in LETTER_LINES
        out += [
            (s["text"], int(s["label"] == "flag"), lines)
            for s in doc.get("sentence", [])
        ]
    return out


def own_letters(locale: str) -> list[str]:
    """The sentences of every letter the library writes: acceptable by construction.

    Every tone, kind and canned reason, for the sample offers to a person, to a team
    and to no one named; the whole text (the call script's opening too), only
    sentences of four words or more (what the checker asks the model about).
    """
    from attrs import evolve

    from decline import DeclineReason, LetterBuilder, LetterKind, ReasonKind
    from decline._analysis import load_data, split_sentences
    from decline._builder import sample_offer

    data = load_data(locale)
    reasons = [None, DeclineReason.none(), *(DeclineReason(k) for k in ReasonKind)]
    found: set[str] = set()
    offers = [
        sample_offer(),
        sample_offer(team=True),
        evolve(sample_offer(), contact=None),
    ]
    for tone in ("formal", "warm", "brief"):
        for reason, offer in itertools.product(reasons, offers):
            builder = LetterBuilder(offer, locale=locale, tone=tone, reason=reason)
            for kind in LetterKind:
                letter = builder._compose(kind)  # noqa: SLF001 - unchecked: we train the check
                for paragraph in letter.text.split("\n\n"):
                    for sentence in split_sentences(paragraph, data):
                        if sum(t.kind == "word" for t in sentence.tokens) >= 4:
                            found.add(sentence.text)
    return sorted(found)


def featurise(locale: str, texts: list[str]) -> list[str]:
    """Each text as its stems joined by spaces, as the library reads it."""
    from decline._analysis import load_data, tokenize
    from decline._analysis.tone import sentence_stems

    data = load_data(locale)
    return [" ".join(sentence_stems(tokenize(t, data), data.stemmer)) for t in texts]


#: Lists that are not about what a sentence says: they are left out of the model.
STRUCTURAL = frozenset(
    {
        "closings",
        "greetings",
        "currencies",
        "employer_prepositions",
        "negation_breakers",
        "negation_limits",
    }
)


def model_lists(locale: str) -> list[str]:
    """The lists the model sees as ``L:`` features: lexicon, reason kinds, constructions."""
    from decline._analysis import load_data
    from decline._analysis.constructions import EFFECTS

    data = load_data(locale)
    names = sorted(set(data.searched) - STRUCTURAL)
    return names + [f"construction.{effect}" for effect in EFFECTS]


def listed(locale: str, texts: list[str], names: list[str]) -> list[str]:
    """Each text as the ``L:`` features the checker would give it, joined by spaces."""
    from decline.guidance._context import Context

    out = []
    for text in texts:
        ctx = Context(
            text, locale=locale, kind="reason", offer=None, tone=None, today=None
        )
        found: set[str] = set()
        for sentence in ctx.sentences:
            found.update(ctx.listed(names, sentence))
        out.append(" ".join(f"L:{name}" for name in sorted(found)))
    return out


def _threshold(ok_scores: list[float], false_alarms: float) -> float:
    """The lowest score that at most *false_alarms* of the ok sentences reach."""
    ranked = sorted(ok_scores)
    allowed = int(false_alarms * len(ranked))
    return min(max(ranked[len(ranked) - allowed - 1] + 1e-6, 0.5), 0.99)


def train(
    locale: str,
    chosen: list[str],
    false_alarms: float,
    letter_false_alarms: float,
    prune: float,
    *,
    strength: float = 1.0,
) -> str:
    """Learn *locale*'s model; return the text of its file."""
    import numpy as np
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from decline._analysis import load_data
    from decline._analysis.tone import FORMAT, morphology_hash

    rows = sentences(locale, chosen)
    labelled = len(rows)
    rows += [(text, 0, False) for text in own_letters(locale)]
    if labelled < 200:
        msg = (
            f"{locale}: only {len(rows)} labelled sentences; write more before training"
        )
        raise SystemExit(msg)
    texts = featurise(locale, [t for t, _, _ in rows])
    labels = np.array([y for _, y, _ in rows])
    reasons = np.array([not lines for _, _, lines in rows])
    words = CountVectorizer(
        ngram_range=(1, 2),
        token_pattern=r"\S+",  # noqa: S106 - a regular expression, not a password
        binary=True,
        lowercase=False,
    )
    letters = CountVectorizer(
        analyzer="char_wb",
        ngram_range=(CHAR_NGRAMS, CHAR_NGRAMS),
        binary=True,
        lowercase=False,
        min_df=2,
    )
    lists = model_lists(locale)
    found = CountVectorizer(token_pattern=r"\S+", binary=True, lowercase=False)  # noqa: S106
    # Scaled up so the penalty holds them back less than one word of the corpus:
    # a list stands for hundreds of words. The weights are written scaled back.
    list_matrix = LIST_SCALE * found.fit_transform(
        listed(locale, [t for t, _, _ in rows], lists)
    )
    matrix = hstack(
        [words.fit_transform(texts), letters.fit_transform(texts), list_matrix]
    ).tocsr()
    names = [
        *words.get_feature_names_out(),
        *(f"c:{g}" for g in letters.get_feature_names_out()),
        *found.get_feature_names_out(),
    ]
    model = LogisticRegression(C=strength, max_iter=5000)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    scores = cross_val_predict(model, matrix, labels, cv=folds, method="predict_proba")[
        :, 1
    ]
    # A reason is judged against acceptable reasons; a sentence of a letter against
    # every acceptable sentence, the lines from inside letters included.
    ok_reasons = [float(x) for x in scores[(labels == 0) & reasons]]
    ok_scores = [float(x) for x in scores[labels == 0]]
    threshold = _threshold(ok_reasons, false_alarms)
    letter_threshold = max(threshold, _threshold(ok_scores, letter_false_alarms))
    recall = float((scores[(labels == 1) & reasons] >= threshold).mean())
    model.fit(matrix, labels)
    weights = sorted(
        (
            (float(w) * (LIST_SCALE if f.startswith("L:") else 1), str(f))
            for w, f in zip(model.coef_[0], names, strict=True)
            if abs(w) >= prune
        ),
        key=lambda wf: (-abs(wf[0]), wf[1]),
    )
    flags = int(labels.sum())
    lines = [
        f"# decline tone model {FORMAT}",
        f"locale = {locale}",
        f"threshold = {threshold:.4f}",
        f"letter_threshold = {letter_threshold:.4f}",
        f"intercept = {float(model.intercept_[0]):.4f}",
        f"char_ngrams = {CHAR_NGRAMS}",
        f"lists = {' '.join(lists)}",
        f"morphology = {morphology_hash(load_data(locale).stemmer)}",
        (
            f"trained_on = {'+'.join(chosen)}: {flags} flag and {labelled - flags} ok "
            f"sentences, and {len(rows) - labelled} of decline's own letters, "
            f"{dt.datetime.now(dt.timezone.utc).date().isoformat()}"
        ),
        (
            f"# cross-validated: {recall:.1%} of flag sentences at or over the "
            f"threshold, at most {false_alarms:.0%} of ok ones"
        ),
        *(f"{w:.4f}\t{f}" for w, f in weights),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    """Train, or check, the chosen locales' models."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("locales", nargs="*")
    parser.add_argument(
        "--waves", nargs="*", help="corpora to learn from (default: all)"
    )
    parser.add_argument("--false-alarms", type=float, default=0.035)
    parser.add_argument("--letter-false-alarms", type=float, default=0.01)
    parser.add_argument("--prune", type=float, default=0.02)
    parser.add_argument(
        "--C",
        dest="strength",
        type=float,
        default=1.0,
        help="inverse strength of the penalty (default: 1)",
    )
    parser.add_argument(
        "--check", action="store_true", help="only check models are current"
    )
    args = parser.parse_args()
    from decline._analysis import available_data, load_data
    from decline._analysis.tone import morphology_hash, read_model

    chosen = args.waves or waves()
    stale = []
    for locale in args.locales or available_data():
        path = DATA / f"{locale}.tone"
        if args.check:
            model = read_model(path.name, path.read_text(encoding="utf-8").splitlines())
            if model.morphology != morphology_hash(load_data(locale).stemmer):
                stale.append(locale)
            continue
        path.write_text(
            train(
                locale,
                chosen,
                args.false_alarms,
                args.letter_false_alarms,
                args.prune,
                strength=args.strength,
            ),
            encoding="utf-8",
        )
        print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print(
            f"out of date: {', '.join(stale)}; run python tools/train_tone.py {' '.join(stale)}"
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
