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


def _mo(entries: dict[bytes, bytes], order: str = "<") -> bytes:
    """A GNU .mo file of *entries* (original to translation), in byte *order*."""
    import struct

    keys = sorted(entries)
    count = len(keys)
    originals, translations = 28, 28 + 8 * count
    data_at = 28 + 16 * count
    blob, table_o, table_t = b"", b"", b""
    for key in keys:
        table_o += struct.pack(f"{order}2I", len(key), data_at + len(blob))
        blob += key + b"\x00"
    for key in keys:
        text = entries[key]
        table_t += struct.pack(f"{order}2I", len(text), data_at + len(blob))
        blob += text + b"\x00"
    head = struct.pack(
        f"{order}7I", 0x950412DE, 0, count, originals, translations, 0, 0
    )
    return head + table_o + table_t + blob


HEADER = (
    b"Content-Type: text/plain; charset=UTF-8\n"
    b"Plural-Forms: nplurals=2; plural=(n > 1);\n"
)


@pytest.mark.parametrize("order", ["<", ">"])
def test_read_mo_reads_contexts_and_the_plural_rule(order: str) -> None:
    """Both byte orders; a context splits off; plurals and empty ones are skipped."""
    from decline._i18n import read_mo

    messages, plural = read_mo(
        _mo(
            {
                b"": HEADER,
                b"greeting": "Hej då".encode(),
                b"warm\x04greeting": "Kære".encode(),
                b"one\x00many": b"en\x00flere",
                b"untranslated": b"",
            },
            order,
        )
    )
    assert messages == {(None, "greeting"): "Hej då", ("warm", "greeting"): "Kære"}
    assert plural == "(n > 1)"


def test_read_mo_decodes_the_charset_the_header_names() -> None:
    from decline._i18n import read_mo

    header = b"Content-Type: text/plain; charset=ISO-8859-1\n"
    messages, plural = read_mo(
        _mo({b"": header, b"thanks": "Merci à vous".encode("latin-1")})
    )
    assert messages == {(None, "thanks"): "Merci à vous"}
    assert plural == "(n != 1)"  # no Plural-Forms: gettext's default


@pytest.mark.parametrize(
    ("blob", "says"),
    [
        (b"", "not a gettext .mo file"),
        (b"\x00" * 40, "not a gettext .mo file"),
        (b"\xde\x12\x04\x95" + b"\x00" * 4, "truncated"),
        (_mo({b"a": b"b"})[:-4], "runs past the end"),
        (_mo({b"": b"charset=no-such-codec\n", b"a": b"b"}), "cannot decode"),
        (_mo({b"a": b"\xff\xfe"}), "cannot decode"),
    ],
)
def test_read_mo_refuses_a_broken_file_with_a_clear_error(
    blob: bytes, says: str
) -> None:
    from decline._i18n import read_mo

    with pytest.raises(ValueError, match=says):
        read_mo(blob)


def test_read_mo_reads_what_babel_writes_as_babel_does(tmp_path: Path) -> None:
    """The reader agrees with Babel's own on a catalog with every kind of entry."""
    import io

    from babel.messages.catalog import Catalog as BabelCatalog
    from babel.messages.mofile import read_mo as babel_read_mo
    from babel.messages.mofile import write_mo

    from decline._i18n import messages_from, read_mo

    source = BabelCatalog(locale="fr")
    source.add("plain", "simple")
    source.add("greeting", "Bonjour", context="formal")
    source.add(("one", "many"), ("un", "plusieurs"))
    source.add("draft", "brouillon", flags=["fuzzy"])
    source.add("empty", "")
    out = io.BytesIO()
    write_mo(out, source)
    blob = out.getvalue()
    theirs = babel_read_mo(io.BytesIO(blob))
    messages, plural = read_mo(blob)
    assert messages == messages_from(theirs)
    assert messages == {(None, "plain"): "simple", ("formal", "greeting"): "Bonjour"}
    assert plural == theirs.plural_expr  # CLDR's rule for French, from the header
