"""How well does the splitter find sentence boundaries? Accuracy per locale and class.

Run it with ``python benchmarks/sentences.py`` (``-v`` lists every case it gets
wrong). It reads the labelled corpus in ``tests/boundaries/<ll>.toml`` and counts a
case as right only when every sentence comes out exactly as labelled. It asserts
nothing; ``tests/test_boundaries.py`` holds the 97 % bar.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import tomllib

from decline._analysis import available_data, load_data, split_sentences

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "boundaries"


def cases(locale: str) -> list[dict[str, object]]:
    """The labelled cases of one locale, each with its text filled in."""
    doc = tomllib.loads((CORPUS / f"{locale}.toml").read_text(encoding="utf-8"))
    out = []
    for case in doc["case"]:
        sentences = list(case["sentences"])
        out.append({**case, "text": case.get("text", " ".join(sentences))})
    return out


def main(argv: list[str]) -> int:
    """Print the table (and the misses with ``-v``)."""
    verbose = "-v" in argv
    locales = [a for a in argv if not a.startswith("-")] or list(available_data())
    print(f"{'locale':<8}{'cases':>7}{'right':>7}{'accuracy':>10}")
    total = right_total = 0
    held_total = [0, 0]  # cases written after the splitter work, and those right
    for locale in locales:
        data = load_data(locale)
        right = 0
        misses: Counter[str] = Counter()
        listing = []
        every = cases(locale)
        for case in every:
            got = [s.text for s in split_sentences(str(case["text"]), data)]
            if got == case["sentences"]:
                right += 1
            else:
                misses[str(case["class"])] += 1
                listing.append((case, got))
        total += len(every)
        right_total += right
        held = [c for c in every if c.get("held_out")]
        if held:
            held_right = sum(
                1
                for c in held
                if [s.text for s in split_sentences(str(c["text"]), data)]
                == c["sentences"]
            )
            held_total[0] += len(held)
            held_total[1] += held_right
        print(f"{locale:<8}{len(every):>7}{right:>7}{right / len(every):>10.1%}")
        if misses:
            print(
                "        misses by class: "
                + ", ".join(f"{k} {v}" for k, v in sorted(misses.items()))
            )
        if verbose:
            for case, got in listing:
                print(f"    [{case['class']}] {case['text']!r}")
                print(f"        want {case['sentences']}")
                print(f"        got  {got}")
    print(f"{'all':<8}{total:>7}{right_total:>7}{right_total / total:>10.1%}")
    if held_total[0]:
        cases_, right_ = held_total
        print(
            f"held out{cases_:>7}{right_:>7}{right_ / cases_:>10.1%}  (written after the splitter work)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
