"""Coverage-guided fuzzing of check() and Letter.from_dict() with atheris.

Run with ``nox -s fuzz`` (or ``python fuzz/fuzz_decline.py -max_total_time=60``).
Not part of CI. A finding is any exception other than the refusals decline
documents (DeclineError, TypeError, ValueError).
"""

from __future__ import annotations

import contextlib
import json
import sys

import atheris

with atheris.instrument_imports():
    from decline import DeclineError, Letter, available_locales, check

LOCALES = (*available_locales(), None)  # None: detect the locale
KINDS = ("reason", "letter", "call_script", "confirmation", "thank_you", None)
FORMATS = ("plain", "markdown", "html", "eml")


def one_input(data: bytes) -> None:
    """Feed arbitrary text to check() and arbitrary JSON to Letter.from_dict()."""
    provider = atheris.FuzzedDataProvider(data)
    locale = LOCALES[provider.ConsumeIntInRange(0, len(LOCALES) - 1)]
    kind = KINDS[provider.ConsumeIntInRange(0, len(KINDS) - 1)]
    fmt = FORMATS[provider.ConsumeIntInRange(0, len(FORMATS) - 1)]
    text = provider.ConsumeUnicodeNoSurrogates(provider.ConsumeIntInRange(0, 4000))
    try:
        report = check(text, locale=locale, kind=kind, format=fmt)
        report.fixed()
        report.to_json()
    except (DeclineError, TypeError, ValueError):
        pass
    try:
        payload = json.loads(provider.ConsumeUnicodeNoSurrogates(2000))
    except ValueError:
        return
    with contextlib.suppress(DeclineError, TypeError, ValueError):
        Letter.from_dict(payload)


def main() -> None:
    """Start the fuzzer."""
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
