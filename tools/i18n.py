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


def _is_variant(po_path: Path) -> bool:
    """A regional variant (en_US) holds only the messages that differ."""
    return "_" in po_path.parts[-3]


def update() -> None:
    pot = template()
    for po_path in _po_files():
        with po_path.open("rb") as fh:
            catalog = read_po(fh, locale=po_path.parts[-3])
        catalog.update(pot, no_fuzzy_matching=True)
        if _is_variant(po_path):
            for message in list(catalog):
                if message.id and not message.string:
                    catalog.delete(message.id, context=message.context)
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


def problems_of(po_path: Path, base: Catalog | None = None) -> list[str]:  # noqa: C901
    """Every problem of one catalog: missing, fuzzy, wrong placeholders, no .unnamed.

    A variant catalog (en_US) is read over its language's *base*: it need not
    repeat a message, but what it has must exist in the template.
    """
    from decline._i18n import fields
    from decline._messages import CONTACT_PLACEHOLDERS, MESSAGES

    pot = template()
    problems: list[str] = []
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=po_path.parts[-3])
    name = po_path.parts[-3]
    problems.extend(
        f"{name}: {message.context or '-'}/{message.id}: not in the template"
        for message in catalog
        if message.id
        and message.string
        and pot.get(message.id, message.context) is None
    )

    def wording(msgid: str, context: str | None) -> str | None:
        found = catalog.get(msgid, context=context)
        if found is not None and found.string:
            return str(found.string)
        if base is not None:
            found = base.get(msgid, context=context)
            if found is not None and found.string:
                return str(found.string)
        return None

    for message in pot:
        if not message.id:
            continue
        msgid, context = str(message.id), message.context
        where = f"{name}: {context or '-'}/{msgid}"
        spec = MESSAGES.get(msgid)
        found = catalog.get(msgid, context=context)
        text = wording(msgid, context)
        if text is None:
            if not (spec and spec.optional):
                problems.append(f"{where}: missing")
            continue
        if found is not None and found.fuzzy:
            problems.append(f"{where}: fuzzy")
        used = fields(text)
        if spec:
            problems.extend(f"{where}: {p}" for p in spec.problems(used))
        unnamed = f"{msgid}.unnamed"
        if (
            used & CONTACT_PLACEHOLDERS
            and unnamed in MESSAGES
            and wording(unnamed, context) is None
        ):
            problems.append(
                f"{where}: names the contact but {unnamed} is missing "
                "(letters to a team or to no one named need it)"
            )
        if msgid.endswith(".unnamed") and used & CONTACT_PLACEHOLDERS:
            problems.append(f"{where}: names the contact, but no one is named")
    return problems


def check() -> None:
    problems: list[str] = []
    bases: dict[str, Catalog] = {}
    for po_path in _po_files():
        if _is_variant(po_path):
            continue
        with po_path.open("rb") as fh:
            bases[po_path.parts[-3]] = read_po(fh, locale=po_path.parts[-3])
        problems.extend(problems_of(po_path))
    for po_path in _po_files():
        if _is_variant(po_path):
            language = po_path.parts[-3].split("_")[0]
            problems.extend(problems_of(po_path, bases.get(language)))
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
