"""Build the locale-detection model, ``src/decline/_analysis/data/detection.tsv``.

Usage::

    python tools/detection_model.py          # write the model
    python tools/detection_model.py --check  # fail if the written model is out of date

The model counts, per locale, the words and the character trigrams of the library's
own text in that language: every translated message of the catalog
(``locale/<ll>/LC_MESSAGES/decline.po``, placeholders left out) and the phrases of
the data file (``_analysis/data/<ll>.toml``: lexicons, reason kinds, sentence
starters). No other text is used, and the labelled judgement sentences that the
accuracy is measured on (``tests/judgement/``) are never read here. See
``docs/explanation/detection.md``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "decline"
MODEL = PACKAGE / "_analysis" / "data" / "detection.tsv"
sys.path.insert(0, str(ROOT / "src"))

from decline._analysis.detection import features  # noqa: E402

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_LETTER_LISTS = (
    "thanks",
    "decision",
    "wishes",
    "stay_in_touch",
    "referral",
    "explanation",
    "greetings",
    "closings",
    "polite",
    "negators",
)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


_NOT_PROSE = ("check.", "rule.suppression.")


def training_text(locale: str) -> str:
    """The library's own text in *locale*: its catalog and its data file's phrases."""
    texts: list[str] = []
    with (PACKAGE / "locale" / locale / "LC_MESSAGES" / "decline.po").open("rb") as fh:
        catalog = read_po(fh, locale=locale)
    for message in catalog:
        # decline check's own words (its summary, the unused-suppression finding)
        # are no letter's prose; leaving them out keeps the model what letters need.
        if str(message.id).startswith(_NOT_PROSE):
            continue
        if message.id and message.string:
            string = message.string
            texts.append(
                _PLACEHOLDER.sub(
                    " ", string if isinstance(string, str) else " ".join(string)
                )
            )
    doc = tomllib.loads(
        (PACKAGE / "_analysis" / "data" / f"{locale}.toml").read_text(encoding="utf-8")
    )
    # The phrases of letters, not the long word lists of the judgement rules: those
    # share many words between related languages (Danish and Norwegian) and would
    # blur the very differences detection needs.
    for name in _LETTER_LISTS:
        texts.extend(p.replace("*", "").replace("=", "") for p in doc["lexicon"][name])
    for phrases in doc["reason_kinds"].values():
        texts.extend(p.replace("*", "").replace("=", "") for p in phrases)
    texts.extend(doc["sentences"]["starters"])
    return "\n".join(texts)


def build() -> str:
    """The model file's text."""
    # Languages, not their variants: en_US is English, with en's data file.
    locales = sorted(
        p.name
        for p in (PACKAGE / "locale").iterdir()
        if (p / "LC_MESSAGES").is_dir()
        and (PACKAGE / "_analysis" / "data" / f"{p.name}.toml").is_file()
    )
    counts = {loc: Counter(features(training_text(loc))) for loc in locales}
    vocabulary = sorted(set().union(*counts.values()))
    lines = [
        "# decline locale-detection model: built by tools/detection_model.py from the",
        "# library's catalogs and data files. Do not edit by hand.",
        "locales\t" + "\t".join(locales),
        "totals\t" + "\t".join(str(sum(counts[loc].values())) for loc in locales),
    ]
    for gram in vocabulary:
        row = "\t".join(
            str(counts[loc][gram]) if counts[loc][gram] else "" for loc in locales
        )
        lines.append(f"{gram}\t{row}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = build()
    if "--check" in argv:
        current = MODEL.read_text(encoding="utf-8") if MODEL.exists() else ""
        if current != text:
            print(f"{MODEL} is out of date: run python tools/detection_model.py")
            return 1
        return 0
    MODEL.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL} ({len(text.splitlines()) - 4} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
