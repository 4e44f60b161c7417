"""How well is the locale detected? Accuracy on the judgement corpus, cost, and rivals.

Run it with ``python benchmarks/detection.py``. It reads the labelled sentences and
letters of ``tests/judgement/<ll>.toml`` (written by native-level writers; the
model never sees them) and prints, for decline's own detector and for
``py3langid`` and ``simplemma`` when they are installed (each restricted to the
eight locales): the share detected right, the share refused as too short or too
close to call (decline only), the share wrong, the time per text, and the cold
start (a fresh interpreter: import, then the first detection). It asserts nothing;
``tests/test_detection.py`` holds the bars (90 % of sentences, 98 % of letters).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "judgement"
LOCALES = ("en", "da", "de", "sv", "nb", "fr", "es", "nl")


def corpus() -> dict[str, list[tuple[str, str]]]:
    """(locale, text) of every labelled sentence and letter."""
    out: dict[str, list[tuple[str, str]]] = {"sentences": [], "letters": []}
    for locale in LOCALES:
        doc = tomllib.loads((CORPUS / f"{locale}.toml").read_text(encoding="utf-8"))
        out["sentences"] += [(locale, s["text"]) for s in doc.get("sentence", [])]
        out["letters"] += [(locale, x["text"]) for x in doc.get("letter", [])]
    return out


def ours():  # type: ignore[no-untyped-def]
    from decline._analysis.detection import detect

    return lambda text: detect(text).locale


def py3langid():  # type: ignore[no-untyped-def]
    from py3langid import langid

    langid.set_languages(["en", "da", "de", "sv", "no", "fr", "es", "nl"])
    return lambda text: {"no": "nb"}.get(code := langid.classify(text)[0], code)


def simplemma():  # type: ignore[no-untyped-def]
    from simplemma import langdetect

    codes = ("en", "da", "de", "sv", "nb", "fr", "es", "nl")
    return lambda text: langdetect(text, lang=codes)[0][0]


COLD = {
    "decline": "import decline; from decline._analysis.detection import detect; "
    "detect('Tak for tilbuddet.')",
    "decline (import only)": "import decline",
    "py3langid": "from py3langid import langid; langid.classify('Tak for tilbuddet.')",
    "simplemma": "from simplemma import langdetect; "
    "langdetect('Tak for tilbuddet.', lang=('en','da','de','sv','nb','fr','es','nl'))",
}


def cold(name: str) -> float:
    """Median wall time of a fresh interpreter that detects one sentence, minus a bare one."""

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    bare = statistics.median(run("pass") for _ in range(5))
    return statistics.median(run(COLD[name]) for _ in range(5)) - bare


def main() -> int:
    """Print the table."""
    data = corpus()
    print(
        f"Python {sys.version.split()[0]}; judgement corpus: "
        f"{len(data['sentences'])} sentences, {len(data['letters'])} letters"
    )
    for name, make in (
        ("decline", ours),
        ("py3langid", py3langid),
        ("simplemma", simplemma),
    ):
        try:
            guess = make()
        except ImportError:
            print(f"{name}: not installed")
            continue
        extra = ""
        if name == "decline":
            extra = (
                f"; import decline alone {cold('decline (import only)') * 1000:.0f} ms"
            )
        print(f"{name} (cold start {cold(name) * 1000:.0f} ms{extra})")
        for kind, items in data.items():
            right = refused = 0
            confusions: Counter[tuple[str, str]] = Counter()
            start = time.perf_counter()
            for locale, text in items:
                found = guess(text)
                if found == locale:
                    right += 1
                elif found is None:
                    refused += 1
                else:
                    confusions[(locale, found)] += 1
            per_text = (time.perf_counter() - start) / len(items)
            wrong = len(items) - right - refused
            print(
                f"    {kind:<10} right {right / len(items):6.1%}  refused "
                f"{refused / len(items):5.1%}  wrong {wrong / len(items):5.1%}  "
                f"{per_text * 1e6:8.0f} µs per text"
            )
            if confusions:
                top = ", ".join(
                    f"{a}→{b} {n}" for (a, b), n in confusions.most_common(4)
                )
                print(f"               most confused: {top}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
