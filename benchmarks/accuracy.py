"""How well does check() judge? Recall and false alarms per locale and per class.

Reads the labelled corpus in ``tests/judgement/<locale>.toml`` (sentences labelled
``flag`` or ``ok`` with a class, and short letters with the problems a careful
native reader sees in them) and prints, per locale:

- for sentences checked as reasons: the share of ``flag`` sentences a judgement rule
  reports (recall) and the share of ``ok`` sentences that draw any error or warning
  (false alarms), overall and per class;
- for letters: per problem, how many letters with it draw its rule; how many good
  letters draw any error or warning; and how many rude remarks a finding covers.

With ``--in-letter`` each sentence is checked instead as the one reason of an
otherwise good confirmation (:data:`FRAMES`): a remark must be found in a letter as
it is alone, and an acceptable reason must not draw a judgement rule there.

Run ``python benchmarks/accuracy.py`` (all locales), ``python benchmarks/accuracy.py
da de`` (some), ``--split dev`` or ``--split test`` for one half of the corpus (a
fixed split by a hash of each text, so a change can be judged on text it was not
tuned on), ``--in-letter`` to judge each sentence inside a letter, ``--misses`` to list the sentences judged wrongly, ``--corpus DIR`` for another
folder of corpus files (``tests/judgement/heldout``), and ``--json`` for the
figures as JSON. It asserts nothing; tests/test_judgement.py holds the floors.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from decline import Offer, Person, check
from decline.guidance import RULES, Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "judgement"

#: The rules that judge what a text says (not its length, shape or placeholders).
JUDGEMENT_RULES = frozenset(
    rule
    for rule in RULES
    if rule.endswith(
        (
            "negative-remark",
            "other-offer-details",
            "bargaining",
            "advice",
            "wavering",
            "over-explaining",
        )
    )
)

#: The rule a letter's problem name (in the corpus) is reported by.
PROBLEM_RULES = {
    "negative-remark": ("letter.negative-remark",),
    "over-explaining": ("letter.long-reason",),
    "other-offer-details": ("letter.other-offer-details",),
    "bargaining": ("letter.bargaining",),
    "wavering": ("letter.wavering",),
    "no-good-wishes": ("letter.no-wishes",),
    "no-thanks": ("letter.no-thanks",),
    "no-decision": ("letter.no-decision",),
    "unrequested-referral": ("letter.unrequested-referral",),
    "no-stay-in-touch": ("note.stay-in-touch",),
    "too-long": ("letter.too-long",),
    "placeholder": ("letter.placeholder",),
}

OFFER = Offer(
    company="Example Company",
    position="Example Position",
    contact=Person("Example Contact"),
    candidate=Person("Example Candidate"),
)


#: A good confirmation per locale with one place for a reason: ``--in-letter``
#: checks each corpus sentence there. Written for this script, one per locale.
FRAMES = {
    "da": (
        "Kære Example Contact\n\nTak for tilbuddet om stillingen. Jeg har besluttet "
        "at takke nej. {reason}\n\nJeg ønsker jer alt godt fremover.\n\n"
        "Venlig hilsen\nExample Candidate"
    ),
    "de": (
        "Sehr geehrte Frau Contact,\n\nvielen Dank für Ihr Angebot. Ich habe mich "
        "entschieden, die Stelle nicht anzunehmen. {reason}\n\nIch wünsche Ihnen "
        "und Ihrem Team weiterhin viel Erfolg.\n\nMit freundlichen Grüßen\n"
        "Example Candidate"
    ),
    "en": (
        "Dear Example Contact,\n\nThank you for offering me the position. I have "
        "decided to decline the offer. {reason}\n\nI wish you and the team every "
        "success.\n\nKind regards,\nExample Candidate"
    ),
    "es": (
        "Estimada Sra. Contact:\n\nGracias por la oferta del puesto. He decidido no "
        "aceptarla. {reason}\n\nLe deseo a usted y a su equipo mucho éxito.\n\n"
        "Un cordial saludo,\nExample Candidate"
    ),
    "fr": (
        "Madame,\n\nJe vous remercie de votre offre. J'ai décidé de ne pas "
        "l'accepter. {reason}\n\nJe vous souhaite, à vous et à votre équipe, une "
        "excellente continuation.\n\nBien cordialement,\nExample Candidate"
    ),
    "nb": (
        "Hei Example Contact\n\nTakk for tilbudet om stillingen. Jeg har bestemt "
        "meg for å takke nei. {reason}\n\nJeg ønsker dere alt godt videre.\n\n"
        "Vennlig hilsen\nExample Candidate"
    ),
    "nl": (
        "Beste Example Contact,\n\nHartelijk dank voor het aanbod. Ik heb besloten "
        "de functie niet aan te nemen. {reason}\n\nIk wens u en het team veel "
        "succes.\n\nMet vriendelijke groet,\nExample Candidate"
    ),
    "sv": (
        "Hej Example Contact\n\nTack för erbjudandet om tjänsten. Jag har bestämt "
        "mig för att tacka nej. {reason}\n\nJag önskar er allt gott framöver.\n\n"
        "Vänliga hälsningar\nExample Candidate"
    ),
}


def in_split(text: str, split: str) -> bool:
    """Whether *text* belongs to the ``dev`` or ``test`` half (``all``: both)."""
    if split == "all":
        return True
    bucket = int(hashlib.sha256(text.encode()).hexdigest(), 16) % 5
    return (bucket < 2) == (split == "test")


def load(locale: str, corpus: Path = CORPUS) -> dict[str, Any]:
    """The locale's corpus file."""
    with (corpus / f"{locale}.toml").open("rb") as fh:
        return tomllib.load(fh)


def locales(corpus: Path = CORPUS) -> list[str]:
    """Every locale with a corpus file."""
    return sorted(p.stem for p in corpus.glob("*.toml"))


def _serious(report: Any) -> list[Any]:
    return [d for d in report if d.severity is not Severity.INFO]


@dataclass
class Score:
    """Counts for one locale."""

    flagged: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    alarms: Counter[str] = field(default_factory=Counter)
    oks: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    problems: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    good_letters: int = 0
    good_alarms: int = 0
    remarks: int = 0
    remarks_covered: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The figures as plain numbers."""
        recall = sum(self.flagged.values()) / max(1, sum(self.flags.values()))
        alarms = sum(self.alarms.values()) / max(1, sum(self.oks.values()))
        return {
            "flag_recall": round(recall, 4),
            "ok_false_alarms": round(alarms, 4),
            "ok_passing": round(1 - alarms, 4),
            "sentences": {
                "flag": sum(self.flags.values()),
                "ok": sum(self.oks.values()),
            },
            "per_class": {
                **{
                    f"flag/{c}": [self.flagged[c], n]
                    for c, n in sorted(self.flags.items())
                },
                **{
                    f"ok/{c}": [n - self.alarms[c], n]
                    for c, n in sorted(self.oks.items())
                },
            },
            "letters": {
                "good_passing": [
                    self.good_letters - self.good_alarms,
                    self.good_letters,
                ],
                "remarks_covered": [self.remarks_covered, self.remarks],
                "problems": {
                    p: [self.caught[p], n] for p, n in sorted(self.problems.items())
                },
            },
        }


def _alarming(report: Any) -> list[Any]:
    """What makes an acceptable text fail: any error, or a judgement rule's warning.

    A length warning on a long but acceptable reason is the guidance working, not
    a false alarm.
    """
    return [
        d
        for d in report
        if d.severity is Severity.ERROR
        or (d.severity is Severity.WARNING and d.rule in JUDGEMENT_RULES)
    ]


def _judge_sentence(
    locale: str, entry: dict[str, Any], score: Score, *, in_letter: bool = False
) -> None:
    text, cls = entry["text"], entry["class"]
    if in_letter:
        letter = FRAMES[locale].format(reason=text)
        report = check(letter, locale=locale, kind="confirmation", offer=OFFER)
    else:
        report = check(text, locale=locale, kind="reason", offer=OFFER)
    judged = [d for d in _serious(report) if d.rule in JUDGEMENT_RULES]
    if entry["label"] == "flag":
        score.flags[cls] += 1
        if judged:
            score.flagged[cls] += 1
        else:
            score.misses.append(("missed", cls, text))
        return
    score.oks[cls] += 1
    # In a letter a long reason may rightly draw a length finding: only the
    # judgement rules can be wrong about what it says.
    alarms = judged if in_letter else _alarming(report)
    if alarms:
        score.alarms[cls] += 1
        rules = ",".join(sorted({d.rule for d in alarms}))
        score.misses.append((f"false alarm ({rules})", cls, text))


def _judge_letter(locale: str, entry: dict[str, Any], score: Score) -> None:
    text = entry["text"]
    report = check(text, locale=locale, kind=entry["kind"], offer=OFFER)
    serious = _serious(report)
    fired = {d.rule for d in serious}
    problems = entry.get("problems", [])
    if not problems:
        score.good_letters += 1
        alarms = _alarming(report)
        if alarms:
            score.good_alarms += 1
            rules = ",".join(sorted({d.rule for d in alarms}))
            score.misses.append((f"false alarm ({rules})", "letter", text))
    for problem in problems:
        score.problems[problem] += 1
        if fired & set(PROBLEM_RULES.get(problem, ())):
            score.caught[problem] += 1
        else:
            score.misses.append((f"letter missed {problem}", "letter", text))
    for remark in entry.get("remarks", []):
        start = text.find(remark)
        end = start + len(remark)
        score.remarks += 1
        if any(
            d.rule == "letter.negative-remark" and d.span[0] < end and start < d.span[1]
            for d in serious
        ):
            score.remarks_covered += 1
        else:
            score.misses.append(("remark not covered", "letter", remark))


def check_frame(locale: str) -> None:
    """Refuse to measure with a frame that draws a finding by itself."""
    frame = FRAMES.get(locale)
    if frame is None:
        raise SystemExit(
            f"--in-letter: no frame for locale {locale!r}; add it to FRAMES"
        )
    found = _serious(
        check(frame.format(reason=""), locale=locale, kind="confirmation", offer=OFFER)
    )
    if found:
        rules = ", ".join(sorted({d.rule for d in found}))
        raise SystemExit(f"--in-letter: the {locale} frame alone draws {rules}")


def judge(
    locale: str, split: str, corpus: Path = CORPUS, *, in_letter: bool = False
) -> Score:
    """Check every text of *locale*'s corpus in *split*.

    With *in_letter*, each sentence as the reason of its locale's :data:`FRAMES`.
    """
    data = load(locale, corpus)
    score = Score()
    if in_letter:
        check_frame(locale)
    for entry in data.get("sentence", []):
        if in_split(entry["text"], split):
            _judge_sentence(locale, entry, score, in_letter=in_letter)
    for entry in data.get("letter", []):
        if in_split(entry["text"], split):
            _judge_letter(locale, entry, score)
    return score


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f} %)" if whole else "-"


def _print_table(scores: dict[str, Score], split: str, *, in_letter: bool) -> None:
    print(f"split: {split}" + (", each sentence inside a letter" if in_letter else ""))
    print(
        f"{'locale':<7}{'flagged':>18}{'ok passing':>18}{'good letters':>14}"
        f"{'remarks':>12}"
    )
    for locale, s in scores.items():
        oks = sum(s.oks.values())
        print(
            f"{locale:<7}"
            f"{_percent(sum(s.flagged.values()), sum(s.flags.values())):>18}"
            f"{_percent(oks - sum(s.alarms.values()), oks):>18}"
            f"{s.good_letters - s.good_alarms:>8}/{s.good_letters:<5}"
            f"{s.remarks_covered:>6}/{s.remarks:<5}"
        )


def _print_classes(scores: dict[str, Score]) -> None:
    classes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    problems: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for s in scores.values():
        for c, n in s.flags.items():
            classes[f"flag/{c}"][0] += s.flagged[c]
            classes[f"flag/{c}"][1] += n
        for c, n in s.oks.items():
            classes[f"ok/{c}"][0] += n - s.alarms[c]
            classes[f"ok/{c}"][1] += n
        for p, n in s.problems.items():
            problems[p][0] += s.caught[p]
            problems[p][1] += n
    print("\nper class, all chosen locales (flag: caught; ok: passing)")
    for name, (good, total) in sorted(classes.items()):
        print(f"  {name:<28}{_percent(good, total):>18}")
    print("\nletters: problems caught, all chosen locales")
    for name, (good, total) in sorted(problems.items()):
        print(f"  {name:<28}{_percent(good, total):>18}")


def main(argv: list[str] | None = None) -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("locales", nargs="*", help="locales (default: all)")
    parser.add_argument("--split", choices=("all", "dev", "test"), default="all")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        help="folder of <locale>.toml files (default: tests/judgement)",
    )
    parser.add_argument(
        "--in-letter",
        action="store_true",
        help="check each sentence as the reason of a good confirmation",
    )
    parser.add_argument("--misses", action="store_true", help="list wrong verdicts")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    chosen = args.locales or locales(args.corpus)
    scores = {
        locale: judge(locale, args.split, args.corpus, in_letter=args.in_letter)
        for locale in chosen
    }
    if args.json:
        print(json.dumps({k: v.as_dict() for k, v in scores.items()}, indent=2))
        return 0
    _print_table(scores, args.split, in_letter=args.in_letter)
    _print_classes(scores)
    if args.misses:
        for locale, s in scores.items():
            print(f"\n== {locale}: wrong verdicts")
            for what, cls, text in s.misses:
                print(f"  [{what}] {cls}: {text.strip()[:200]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
