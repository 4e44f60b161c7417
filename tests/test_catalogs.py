"""Catalog QA: every locale complete, nothing fuzzy, placeholders as the template says."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from decline._i18n import available_locales, fields
from decline._messages import MESSAGES, TONE_CONTEXTS

LOCALE_DIR = Path(__file__).parent.parent / "src" / "decline" / "locale"


def read(path: Path, locale: str | None = None):  # type: ignore[no-untyped-def]
    with path.open("rb") as fh:
        return read_po(fh, locale=locale)


TEMPLATE = read(LOCALE_DIR / "decline.pot")
KEYS = [(m.context, m.id) for m in TEMPLATE if m.id]


def test_template_matches_the_message_table() -> None:
    """decline.pot is what `nox -s i18n -- extract` writes from _messages.py."""
    expected = {
        (ctx, spec.msgid)
        for spec in MESSAGES.values()
        for ctx in (TONE_CONTEXTS if spec.per_tone else (None,))
    }
    assert set(KEYS) == expected


@pytest.mark.parametrize("locale", available_locales())
def test_catalog_is_complete(locale: str) -> None:
    """Every (msgctxt, msgid) of the template is translated, not fuzzy, not empty."""
    catalog = read(LOCALE_DIR / locale / "LC_MESSAGES" / "decline.po", locale)
    for context, msgid in KEYS:
        message = catalog.get(msgid, context=context)
        if MESSAGES[msgid].optional and (message is None or not message.string):
            continue
        assert message is not None, f"{locale}: {context}/{msgid} missing"
        assert message.string, f"{locale}: {context}/{msgid} empty"
        assert not message.fuzzy, f"{locale}: {context}/{msgid} fuzzy"


@pytest.mark.parametrize("locale", available_locales())
def test_placeholders(locale: str) -> None:
    """Translations use the required fields and no unknown ones."""
    catalog = read(LOCALE_DIR / locale / "LC_MESSAGES" / "decline.po", locale)
    for context, msgid in KEYS:
        spec = MESSAGES[msgid]
        message = catalog.get(msgid, context=context)
        if spec.optional and (message is None or not message.string):
            continue
        used = fields(message.string)
        assert not spec.problems(used), (
            f"{locale}: {context}/{msgid}: {spec.problems(used)}"
        )


@pytest.mark.parametrize("locale", available_locales())
def test_same_placeholders_across_locales(locale: str) -> None:
    """Rule messages keep exactly the English placeholders (they have no choice of names)."""
    ours = read(LOCALE_DIR / locale / "LC_MESSAGES" / "decline.po", locale)
    english = read(LOCALE_DIR / "en" / "LC_MESSAGES" / "decline.po", "en")
    for context, msgid in KEYS:
        if msgid.startswith(("rule.", "plan.")):
            assert fields(ours.get(msgid, context=context).string) == fields(
                english.get(msgid, context=context).string
            ), f"{locale}: {msgid}"


@pytest.mark.parametrize("locale", available_locales())
def test_babel_checker_is_clean(locale: str) -> None:
    """Babel's own checks find nothing."""
    catalog = read(LOCALE_DIR / locale / "LC_MESSAGES" / "decline.po", locale)
    assert [(m.id, e) for m, errors in catalog.check() for e in errors] == []


def test_no_compiled_catalogs_committed() -> None:
    """.mo files are built, never kept in the source tree by git."""
    ignore = (Path(__file__).parent.parent / ".gitignore").read_text()
    assert "*.mo" in ignore


@pytest.mark.parametrize("locale", available_locales())
def test_compiled_catalog_reads_like_the_source(locale: str, tmp_path: Path) -> None:
    """A .mo built as the wheel builds it gives the same messages, contexts included."""
    from babel.messages.mofile import write_mo

    from decline._i18n import read_catalog

    source = LOCALE_DIR / locale / "LC_MESSAGES"
    folder = tmp_path / "LC_MESSAGES"
    folder.mkdir()
    with (folder / "decline.mo").open("wb") as fh:
        write_mo(fh, read(source / "decline.po", locale))
    from_mo = read_catalog(folder, "decline", locale)
    from_po = read_catalog(source, "decline", locale)
    assert from_mo is not None and from_po is not None
    assert from_mo.messages == from_po.messages
    assert from_mo.get("warm", "greeting") is not None


def test_every_locale_has_guidance_data() -> None:
    """A language is complete only with both a catalog and a guidance data file."""
    from decline._analysis import available_data

    assert set(available_locales()) == set(available_data())
