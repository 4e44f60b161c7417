"""The translator's tools: extract the template, update and compile catalogs, check them.

Usage (or through nox: ``nox -s i18n -- extract``)::

    python tools/i18n.py extract   # write src/decline/locale/decline.pot from decline._messages
    python tools/i18n.py update    # merge the template into every <ll>/LC_MESSAGES/decline.po
    python tools/i18n.py init LL   # start a catalog for a new language
    python tools/i18n.py compile   # write .mo files beside the .po files (not committed)
    python tools/i18n.py check     # fail on missing, fuzzy or mismatched entries
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "src" / "decline" / "locale"
POT = LOCALE_DIR / "decline.pot"
sys.path.insert(0, str(ROOT / "src"))


def template() -> Catalog:
    """The catalog template, from the message table and the guidance rules."""
    from decline._messages import MESSAGES, TONE_CONTEXTS

    pot = Catalog(project="decline", domain="decline", fuzzy=False)
    for spec in MESSAGES.values():
        placeholders = ", ".join(f"{{{name}}}" for name in sorted(spec.required))
        comment = spec.comment + (f" Must use: {placeholders}." if placeholders else "")
        if spec.optional:
            comment += " May be left untranslated."
        for context in TONE_CONTEXTS if spec.per_tone else (None,):
            pot.add(spec.msgid, context=context, auto_comments=[comment])
    return pot


def extract() -> None:
    with POT.open("wb") as fh:
        write_po(fh, template(), omit_header=False, sort_output=False, width=88)
    print(f"wrote {POT.relative_to(ROOT)}")


def _po_files() -> list[Path]:
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/decline.po"))


def update() -> None:
    pot = template()
    for po_path in _po_files():
        with po_path.open("rb") as fh:
            catalog = read_po(fh, locale=po_path.parts[-3])
        catalog.update(pot, no_fuzzy_matching=True)
        with po_path.open("wb") as fh:
            write_po(fh, catalog, width=88, ignore_obsolete=True)
        print(f"updated {po_path.relative_to(ROOT)}")


def init(language: str) -> None:
    target = LOCALE_DIR / language / "LC_MESSAGES" / "decline.po"
    if target.exists():
        sys.exit(f"{target} exists; use update")
    target.parent.mkdir(parents=True)
    catalog = template()
    catalog.locale = language  # type: ignore[assignment]
    with target.open("wb") as fh:
        write_po(fh, catalog, width=88)
    print(f"created {target.relative_to(ROOT)}: translate every msgstr")


def compile_all() -> None:
    for po_path in _po_files():
        with po_path.open("rb") as fh:
            catalog = read_po(fh, locale=po_path.parts[-3])
        errors = [(m.id, e) for m, e in catalog.check() for e in e]
        if errors:
            sys.exit(f"{po_path}: {errors}")
        with po_path.with_suffix(".mo").open("wb") as fh:
            write_mo(fh, catalog)
        print(f"compiled {po_path.relative_to(ROOT)}")


def check() -> None:  # noqa: C901 - one loop, many small checks
    from decline._i18n import fields
    from decline._messages import MESSAGES, PLACEHOLDERS

    pot = template()
    problems: list[str] = []
    for po_path in _po_files():
        with po_path.open("rb") as fh:
            catalog = read_po(fh, locale=po_path.parts[-3])
        for message in pot:
            if not message.id:
                continue
            found = catalog.get(message.id, context=message.context)
            where = f"{po_path.parts[-3]}: {message.context or '-'}/{message.id}"
            spec = MESSAGES.get(str(message.id))
            if found is None or not found.string:
                if not (spec and spec.optional):
                    problems.append(f"{where}: missing")
                continue
            if found.fuzzy:
                problems.append(f"{where}: fuzzy")
            used = fields(str(found.string))
            if spec and used - PLACEHOLDERS - spec.required:
                problems.append(
                    f"{where}: unknown placeholders {sorted(used - PLACEHOLDERS - spec.required)}"
                )
            if spec and spec.required - used:
                problems.append(
                    f"{where}: missing placeholders {sorted(spec.required - used)}"
                )
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print("catalogs complete")


if __name__ == "__main__":
    command, *rest = sys.argv[1:] or ["check"]
    {"extract": extract, "update": update, "compile": compile_all, "check": check}.get(
        command,
        lambda: init(rest[0]) if command == "init" and rest else sys.exit(__doc__),
    )()
