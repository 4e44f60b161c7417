"""Tones: built-in presets, deriving, overriding wording, the registry and plugins."""

from __future__ import annotations

import contextlib
import os
import pickle
import site
import subprocess
import sys
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.strategies import tone_values

import decline
from decline import (
    FieldError,
    GuidanceError,
    LetterBuilder,
    Offer,
    Person,
    UnknownToneError,
)
from decline._registry import PluginWarning
from decline.tones import (
    BRIEF,
    FORMAL,
    WARM,
    Tone,
    all_tones,
    available_tones,
    get_tone,
    register,
    unregister,
)

EXAMPLE = Path(__file__).parent.parent / "examples" / "decline-academic"


def round_trip(value: object) -> object:
    """*value* pickled and unpickled (our own values only)."""
    return pickle.loads(pickle.dumps(value))  # noqa: S301 - we made the bytes


@pytest.fixture
def registered() -> Iterator[list[str]]:
    """Names registered by a test, unregistered afterwards."""
    names: list[str] = []
    yield names
    for name in names:
        unregister(name)


class TestBuiltIn:
    def test_three_tones(self) -> None:
        """formal, warm and brief are built in, warm and brief derived from formal."""
        assert available_tones()[:3] == ("formal", "warm", "brief")
        assert WARM.base is FORMAL and BRIEF.base is FORMAL
        assert {t.source for t in (FORMAL, WARM, BRIEF)} == {"built in"}

    def test_settings_are_inherited(self) -> None:
        """brief overrides limits and omissions; warm inherits formal's limits."""
        assert BRIEF.word_limit("confirmation") == 100
        assert (
            WARM.word_limit("confirmation") == FORMAL.word_limit("confirmation") == 150
        )
        assert BRIEF.omits("kind_word") and not WARM.omits("kind_word")
        assert WARM.adds_default_reason and not BRIEF.adds_default_reason

    def test_address_forms(self) -> None:
        """Address form per language, polite unless a tone says otherwise."""
        assert FORMAL.address_form("de") == "polite"
        assert WARM.address_form("nl_BE") == "familiar"
        assert BRIEF.address_form("fr") == "polite"


class TestDerive:
    def test_five_lines_change_the_letters(self, offer: Offer) -> None:
        """A tone derived in a few lines changes the wording it overrides, and only that."""
        quiet = WARM.derive(
            name="quiet-warm",
            omit={"people"},
            messages={
                "en": {
                    "confirmation.wishes": "Warm wishes to you and everyone at {company}."
                }
            },
        )
        letter = LetterBuilder(offer, tone=quiet).confirmation()
        assert "Warm wishes to you and everyone at Nordlys A/S." in letter.text
        assert "Lars Holm" not in letter.text
        assert (
            letter.greeting == LetterBuilder(offer, tone=WARM).confirmation().greeting
        )
        danish = LetterBuilder(offer, tone=quiet, locale="da").confirmation()
        assert danish.greeting == "Kære Mette"  # wording not overridden comes from warm

    def test_lookup_order(self) -> None:
        """The tone's overrides, then its base's, then the catalog."""
        parent = FORMAL.derive(
            name="parent", messages={"en": {"closing": "Parent regards,"}}
        )
        child = parent.derive(name="child")
        grandchild = child.derive(
            name="grandchild", messages={"en": {"closing": "Child regards,"}}
        )
        assert child.message("en", "closing") == "Parent regards,"
        assert grandchild.message("en", "closing") == "Child regards,"
        assert child.message("da", "closing") == FORMAL.message("da", "closing")

    def test_salutation_style(self, offer: Offer) -> None:
        """salutation decides how the greeting names the contact."""
        first = FORMAL.derive(name="first-names", salutation="first_name")
        assert LetterBuilder(offer, tone=first).confirmation().greeting == "Dear Mette,"
        full = WARM.derive(name="full-names", salutation="full_name")
        assert (
            LetterBuilder(offer, tone=full, locale="da").confirmation().greeting
            == "Kære Mette Hansen"
        )

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"name": "Bad Name"}, "tone.name"),
            ({"name": "ok", "omit": {"signature"}}, "tone.omit"),
            ({"name": "ok", "word_limits": {"memo": 100}}, "tone.word_limits"),
            ({"name": "ok", "word_limits": {"confirmation": 5}}, "tone.word_limits"),
            ({"name": "ok", "messages": {"en": {"closing": ""}}}, "tone.messages"),
            ({"name": "ok", "salutation": "nickname"}, "tone.salutation"),
            ({"name": "ok", "domain": "x"}, "tone.domain"),
        ],
    )
    def test_bad_settings(self, changes: dict[str, object], field: str) -> None:
        """Bad settings are refused, naming the field."""
        with pytest.raises(FieldError, match=field.replace(".", r"\.")):
            FORMAL.derive(**changes)  # type: ignore[arg-type]

    def test_wrong_types(self) -> None:
        """A base that is not a Tone, or messages that are not a mapping, are TypeErrors."""
        with pytest.raises(TypeError, match=r"tone\.base"):
            Tone("x", base="formal")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"tone\.messages"):
            Tone("x", messages=["closing"])  # type: ignore[arg-type]


class TestValidation:
    """Every field of a tone is checked when it is made, with the field named (issue #19, item 2)."""

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            (
                {"messages": {"en": {"closing": "Best,\r\nBcc: x"}}},
                r"tone\.messages\['en'\]\['closing'\]: contains a line break",
            ),
            (
                {"messages": {"en": {"closing": "Best\x1b[2J"}}},
                "contains a control character",
            ),
            (
                {"messages": {"en": {"closing": "\u202eBest,"}}},
                "contains a control character",
            ),
            ({"messages": {"en": {"closing": "Best {"}}}, "not a placeholder"),
            ({"messages": {"en": {"closing": "Best {Company}"}}}, "not a placeholder"),
            ({"messages": {"en": {"closing": "x" * 1001}}}, "the limit is 1000"),
            ({"messages": {"en": {"closing": "   "}}}, "must not be empty"),
            (
                {"messages": {"pt": {"closing": "Atenciosamente,"}}},
                r"tone\.messages\['pt'\]: is not a supported locale",
            ),
            (
                {"messages": {"en": {"closing": "A,"}, "EN": {"closing": "B,"}}},
                r"tone\.messages\['EN'\]: is the locale 'en' again",
            ),
            ({"messages": {"en": {"farewell": "Bye"}}}, "not a message id"),
            (
                {"messages": {"en": {"confirmation.wishes": "Good luck."}}},
                "keep exactly the original's",
            ),
            (
                {"address": {"xx": "polite"}},
                r"tone\.address\['xx'\]: is not a supported locale",
            ),
            ({"address": {"de_AT": "polite"}}, "per language; write 'de'"),
            ({"address": {"de": "casual"}}, "not an address form"),
            ({"address": {"de": "polite", "DE": "familiar"}}, "repeats the language"),
            (
                {"description": "two\nlines"},
                r"tone\.description: contains a line break",
            ),
            (
                {"description": "\x1b]0;pwned\x07"},
                r"tone\.description: contains a control",
            ),
            ({"description": "x" * 201}, r"tone\.description: is 201 characters"),
            (
                {"domain": "../../../secret/leak", "localedir": "."},
                r"tone\.domain: '\.\./\.\./\.\./secret/leak' is not a gettext domain",
            ),
            ({"domain": "a/b", "localedir": "."}, "not a gettext domain"),
            ({"domain": "", "localedir": "."}, "not a gettext domain"),
            (
                {"domain": "x", "localedir": "/no/such/folder"},
                r"tone\.localedir: '/no/such/folder' is not a folder",
            ),
            (
                {"domain": "x", "localedir": "a\0b"},
                r"tone\.localedir: a path cannot hold a NUL",
            ),
            ({"source": "line\nbreak"}, r"tone\.source"),
        ],
    )
    def test_refused_values(self, changes: dict[str, object], field: str) -> None:
        """Each bad value is a FieldError naming the field, when the tone is made."""
        with pytest.raises(FieldError, match=field):
            FORMAL.derive(name="checked", **changes)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"messages": {"en": "Best,"}}, r"tone\.messages\['en'\]: expected"),
            (
                {"messages": {5: {"closing": "Best,"}}},
                r"tone\.messages: the keys are locales",
            ),
            ({"messages": {"en": {5: "Best,"}}}, "the keys are message ids"),
            (
                {"messages": {"en": {"closing": 5}}},
                r"tone\.messages\['en'\]\['closing'\]: expected a string",
            ),
            ({"address": ["de"]}, r"tone\.address: expected"),
            ({"address": {"de": 1}}, r"tone\.address\['de'\]: expected"),
            (
                {"default_reason": "yes"},
                r"tone\.default_reason: expected True, False or None",
            ),
            ({"default_reason": 1}, r"tone\.default_reason"),
            ({"omit": [["people"]]}, r"tone\.omit"),
            ({"omit": {5}}, r"tone\.omit: expected paragraph names"),
            ({"omit": 5}, r"tone\.omit"),
            ({"salutation": 5}, r"tone\.salutation: expected"),
            ({"description": 5}, r"tone\.description: expected a string"),
            ({"domain": 5, "localedir": "."}, r"tone\.domain: expected a string"),
            ({"domain": "x", "localedir": 5}, r"tone\.localedir: expected a path"),
            ({"word_limits": [("confirmation", 100)]}, r"tone\.word_limits: expected"),
        ],
    )
    def test_wrong_types(self, changes: dict[str, object], field: str) -> None:
        """A value of the wrong type is a TypeError naming the field."""
        with pytest.raises(TypeError, match=field):
            FORMAL.derive(name="checked", **changes)  # type: ignore[arg-type]

    def test_locale_keys_are_normalised(self, offer: Offer) -> None:
        """'EN', 'en-us' and 'NL' are written as decline writes locales, and used."""
        tone = FORMAL.derive(
            name="normalised",
            messages={
                "EN": {"closing": "Kind regards,"},
                "en-us": {"closing": "Cheers,"},
            },
            address={"NL": "familiar"},
        )
        assert set(tone.messages) == {"en", "en_US"} and dict(tone.address) == {
            "nl": "familiar"
        }
        assert LetterBuilder(offer, tone=tone).confirmation().closing == "Kind regards,"
        assert (
            LetterBuilder(offer, tone=tone, locale="en_US").confirmation().closing
            == "Cheers,"
        )
        assert tone.address_form("nl") == "familiar"

    def test_the_issues_tone_is_refused_before_it_is_registered(self) -> None:
        """The closing with a Bcc line is refused by derive(), so no build can fail later."""
        with pytest.raises(FieldError, match="line break"):
            FORMAL.derive(name="t", messages={"en": {"closing": "Best,\r\nBcc: x"}})
        assert "t" not in available_tones()

    def test_a_locale_is_never_a_path(self) -> None:
        """Looking wording up in a locale that is a path raises UnknownLocaleError, reading nothing."""
        from decline import UnknownLocaleError
        from decline._i18n import catalog

        with pytest.raises(UnknownLocaleError):
            FORMAL.message("../../../etc", "closing")
        with pytest.raises(UnknownLocaleError):
            catalog("../x")

    def test_built_in_catalogs_pass_the_same_checks(self) -> None:
        """Every built-in message would pass as a tone's override: one line, placeholders only."""
        from decline._i18n import available_locales, catalog, variants
        from decline._tone import _text_problem

        for locale in (*available_locales(), *variants()):
            for (_ctx, msgid), text in catalog(locale).messages.items():
                assert _text_problem(text) is None, (locale, msgid, text)

    @given(
        field=st.sampled_from(
            (
                "messages",
                "address",
                "omit",
                "default_reason",
                "salutation",
                "description",
                "word_limits",
                "domain",
            )
        ),
        value=tone_values,
    )
    def test_any_value_is_accepted_or_named(self, field: str, value: object) -> None:
        """Any value for any field makes a tone that writes letters, or is refused naming the field."""
        changes: dict[str, object] = {field: value}
        if field == "domain":
            changes["localedir"] = Path(__file__).parent
        try:
            tone = FORMAL.derive(name="hypothesis", **changes)  # type: ignore[arg-type]
        except (FieldError, TypeError) as exc:
            assert f"tone.{field}" in str(exc), exc  # noqa: PT017 - accept or refuse
            return
        offer = Offer(
            company="Acme Ltd",
            position="Analyst",
            contact=Person("Alex Morgan"),
            candidate=Person("Sam Taylor"),
        )
        # Wording that breaks the guidance is refused as such.
        with contextlib.suppress(GuidanceError):
            LetterBuilder(offer, tone=tone, locale="en").confirmation()
        with contextlib.suppress(GuidanceError):
            LetterBuilder(offer, tone=tone, locale="de").confirmation()


class TestFrozen:
    """Tones and the presets cannot be changed once made (issue #19, item 3)."""

    def test_preset_tables_are_read_only(self) -> None:
        """messages, address and word_limits of a preset refuse assignment, at every level."""
        from decline import tones

        with pytest.raises(TypeError):
            tones.FORMAL.messages["en"] = {"closing": "Hacked,"}  # type: ignore[index]
        with pytest.raises(TypeError):
            tones.FORMAL.address["de"] = "familiar"  # type: ignore[index]
        with pytest.raises(TypeError):
            tones.BRIEF.word_limits["confirmation"] = 5  # type: ignore[index]
        derived = FORMAL.derive(name="frozen", messages={"en": {"closing": "Best,"}})
        with pytest.raises(TypeError):
            derived.messages["en"]["closing"] = "Hacked,"  # type: ignore[index]

    def test_builtin_tones_cannot_be_swapped(self) -> None:
        """BUILTIN_TONES refuses a new entry, and formal stays formal."""
        from decline import tones

        with pytest.raises(TypeError):
            tones.BUILTIN_TONES["formal"] = tones.WARM  # type: ignore[index]
        assert get_tone("formal") is FORMAL

    def test_given_tables_are_copied(self, offer: Offer) -> None:
        """Changing the dict a tone was made from changes nothing, cached or not."""
        table = {"closing": "Best,"}
        messages = {"en": table}
        tone = FORMAL.derive(name="copied", messages=messages)
        assert tone.message("en", "closing") == "Best,"
        table["closing"] = "Hacked,"
        messages["da"] = {"closing": "Hacked,"}
        assert tone.message("en", "closing") == "Best,"
        assert "da" not in tone.messages

    def test_catalogs_are_read_only(self) -> None:
        """The shared built-in catalog cannot be changed through its table."""
        from decline._i18n import catalog

        with pytest.raises(TypeError):
            catalog("en").messages[(None, "closing")] = "Hacked,"  # type: ignore[index]

    def test_evolve_derive_equality_and_hash(self) -> None:
        """attrs.evolve and derive still work, and equal tones hash alike."""
        import attrs

        tone = FORMAL.derive(
            name="eq", messages={"en": {"closing": "Best,"}}, address={"de": "familiar"}
        )
        again = attrs.evolve(tone)
        assert again == tone and hash(again) == hash(tone) and again is not tone
        assert attrs.evolve(tone, description="changed") != tone
        assert tone.derive(name="eq-child").base is tone
        assert len({tone, again, FORMAL}) == 2
        with pytest.raises(FieldError, match="line break"):
            attrs.evolve(tone, messages={"en": {"closing": "a\nb"}})

    def test_tones_pickle_by_their_settings(self) -> None:
        """A tone pickles and unpickles equal; a preset unpickles as itself."""
        import copy

        tone = WARM.derive(
            name="pickled", messages={"en": {"closing": "Best,"}}, omit={"people"}
        )
        back = round_trip(tone)
        assert back == tone and back.message("en", "closing") == "Best,"
        assert round_trip(FORMAL) is FORMAL
        assert copy.deepcopy(tone) == tone

    def test_values_pickle_and_round_trip(self, offer: Offer) -> None:
        """Letter, Report, Offer and Plan pickle and come back equal."""
        import datetime as dt

        from decline import check, plan

        letter = LetterBuilder(offer, tone="warm").confirmation()
        report = check("The team was rude.", locale="en", kind="reason")
        steps = plan(offer, locale="da", today=dt.date(2026, 11, 23))
        for value in (letter, report, offer, steps, offer.contact):
            assert round_trip(value) == value


class TestRegistry:
    def test_register_and_get(self, registered: list[str], offer: Offer) -> None:
        """A registered tone is found by name, by the builder and by the command line."""
        tone = register(FORMAL.derive(name="registered-one", description="test"))
        registered.append(tone.name)
        assert get_tone("registered-one") is tone
        assert "registered-one" in available_tones()
        assert (
            LetterBuilder(offer, tone="registered-one").confirmation().tone
            == "registered-one"
        )

    def test_duplicate_needs_replace(self, registered: list[str]) -> None:
        """A taken name raises unless replace=True; built-in names are never replaced."""
        register(FORMAL.derive(name="dupe"))
        registered.append("dupe")
        with pytest.raises(FieldError, match="replace=True"):
            register(FORMAL.derive(name="dupe"))
        register(WARM.derive(name="dupe"), replace=True)
        assert get_tone("dupe").base is WARM
        with pytest.raises(FieldError, match="built in"):
            register(Tone("formal"), replace=True)
        with pytest.raises(FieldError, match="one of its bases"):
            WARM.derive(name="formal")

    def test_unknown_tone_lists_the_others(self) -> None:
        """UnknownToneError lists the available tones and is a LookupError."""
        with pytest.raises(UnknownToneError, match="formal, warm, brief") as info:
            get_tone("sarcastic")
        assert isinstance(info.value, LookupError) and info.value.name == "sarcastic"

    def test_broken_placeholder_is_refused(self) -> None:
        """An override that drops or invents a placeholder names the locale and message."""
        with pytest.raises(
            FieldError, match=r"tone.messages\['da'\]\['confirmation.thanks'\]"
        ):
            FORMAL.derive(
                name="broken",
                messages={"da": {"confirmation.thanks": "Tak for tilbuddet."}},
            )
        with pytest.raises(FieldError, match="compnay"):
            FORMAL.derive(
                name="typo",
                messages={"en": {"confirmation.wishes": "All the best to {compnay}."}},
            )

    def test_unknown_message_is_refused(self) -> None:
        """Overriding a message decline does not use is an error."""
        with pytest.raises(FieldError, match="not a message id"):
            FORMAL.derive(name="unknown-id", messages={"en": {"farewell": "Bye"}})

    def test_wording_that_breaks_the_guidance_is_refused(self) -> None:
        """A tone whose letters break the guidance is refused with the findings."""
        rude = FORMAL.derive(
            name="rude",
            messages={
                "en": {
                    "confirmation.wishes": "Your team was rude and {company} is chaotic."
                }
            },
        )
        with pytest.raises(GuidanceError) as info:
            register(rude)
        assert "letter.negative-remark" in {d.rule for d in info.value.diagnostics}
        assert "rude" not in available_tones()

    def test_no_decision_is_refused(self) -> None:
        """Removing the decision from the confirmation is refused."""
        vague = FORMAL.derive(
            name="vague",
            messages={"en": {"confirmation.decision": "I have thought about it."}},
        )
        with pytest.raises(GuidanceError, match="confirmation"):
            register(vague)

    def test_threads(self, registered: list[str]) -> None:
        """Registering and looking up from many threads is safe."""
        errors: list[BaseException] = []

        def work(n: int) -> None:
            try:
                name = f"thread-{n}"
                register(FORMAL.derive(name=name), validate=False)
                assert get_tone(name).name == name
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        registered.extend(f"thread-{n}" for n in range(16))
        assert errors == []

    def test_import_does_not_scan_entry_points(self) -> None:
        """`import decline` leaves plugin discovery for later."""
        code = (
            "import importlib.metadata as m\n"
            "calls = []\n"
            "real = m.entry_points\n"
            "m.entry_points = lambda *a, **k: calls.append(k) or real(*a, **k)\n"
            "import decline\n"
            "decline.get_tone('warm')\n"
            "assert calls == [], calls\n"
            "decline.available_tones()\n"
            "assert calls, 'listing tones discovers plugins'\n"
        )
        subprocess.run([sys.executable, "-c", code], check=True)


def test_all_tones_lists_sources() -> None:
    """Every tone says where it comes from."""
    assert all(t.source for t in all_tones())


@pytest.mark.slow
def test_example_plugin_installs_with_pip(tmp_path: Path) -> None:
    """The example plugin, pip-installed into a fresh virtual environment, is discovered by name."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    target = subprocess.run(
        [
            str(python),
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # decline, its dependencies and the build backend come from this environment.
    here = {str(Path(decline.__file__).parent.parent), *site.getsitepackages()}
    (Path(target) / "_decline_parent.pth").write_text("\n".join(sorted(here)) + "\n")
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--no-build-isolation",
            str(EXAMPLE),
        ],
        check=True,
    )
    listed = subprocess.run(
        [str(python), "-m", "decline", "tones"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "academic (from formal) [decline-academic; locales: da, en]" in listed
    written = subprocess.run(
        [
            str(python),
            "-m",
            "decline",
            "write",
            "--tone",
            "academic",
            "--locale",
            "da",
            "--company",
            "Aarhus Universitet",
            "--position",
            "adjunkt",
            "--contact",
            "Mette Hansen",
            "--candidate",
            "Jonas Berg",
            "--interviewer",
            "Lars Holm",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "bedømmelsesudvalget" in written and "instituttet" in written


PO_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def plugin_catalog(
    folder: Path, domain: str, entries: dict[str, str], lang: str = "en"
) -> Path:
    """A plugin's locale folder with one .po file of *entries* (msgid: text)."""
    messages = folder / lang / "LC_MESSAGES"
    messages.mkdir(parents=True, exist_ok=True)
    body = "".join(
        f'msgid "{msgid}"\nmsgstr "{text}"\n\n' for msgid, text in entries.items()
    )
    (messages / f"{domain}.po").write_text(PO_HEADER + body, encoding="utf-8")
    return folder


class FakeEntryPoint:
    """An entry point as importlib.metadata gives it, loading *loaded*."""

    dist = None

    def __init__(self, name: str, loaded: object) -> None:
        self.name = name
        self.value = f"{name.replace('-', '_')}_plugin:TONE"
        self.loaded = loaded
        self.loads = 0

    def load(self) -> object:
        self.loads += 1
        if isinstance(self.loaded, BaseException):
            raise self.loaded
        return self.loaded


def raising_factory() -> Tone:
    raise RuntimeError("the factory broke")


class TestDiscovery:
    def make_registry(
        self, monkeypatch: pytest.MonkeyPatch, *entry_points: FakeEntryPoint
    ) -> Any:
        from importlib import metadata

        from decline import _registry

        monkeypatch.setattr(
            metadata,
            "entry_points",
            lambda group: list(entry_points) if group == "decline.tones" else [],
        )
        return _registry._Registry()

    def test_plugin_tone_is_found(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A tone published under the entry point is found by name, with its source."""
        registry = self.make_registry(
            monkeypatch, FakeEntryPoint("fake", lambda: FORMAL.derive(name="plugged"))
        )
        tone = registry.get("plugged")
        assert tone.source == "fake_plugin"

    def test_broken_plugin_warns_and_is_skipped(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A plugin that fails to load, or whose tone breaks the guidance, is refused with a warning."""
        registry = self.make_registry(
            monkeypatch, FakeEntryPoint("fake", ImportError("boom"))
        )
        with pytest.warns(RuntimeWarning, match="failed to load"):
            assert registry.names() == ("formal", "warm", "brief")
        rude = FORMAL.derive(
            name="rude-plugin",
            messages={"en": {"confirmation.wishes": "{company} was chaotic."}},
        )
        registry = self.make_registry(monkeypatch, FakeEntryPoint("fake", rude))
        with pytest.warns(RuntimeWarning, match="tone 'rude-plugin' is left out"):
            assert "rude-plugin" not in registry.names()

    def broken_plugins(self, tmp_path: Path) -> list[FakeEntryPoint]:
        """One entry point of each way a plugin breaks (issue #19, item 1)."""
        placeholder_dir = plugin_catalog(
            tmp_path / "ph", "ph", {"confirmation.wishes": "Good luck, {compnay}!"}
        )
        mo_dir = tmp_path / "mo"
        (mo_dir / "en" / "LC_MESSAGES").mkdir(parents=True)
        (mo_dir / "en" / "LC_MESSAGES" / "mo.mo").write_bytes(b"\x00not a catalog")
        return [
            FakeEntryPoint("cannot-import", ModuleNotFoundError("no module named x")),
            FakeEntryPoint("factory", raising_factory),
            FakeEntryPoint(
                "placeholder",
                FORMAL.derive(name="bad-ph", domain="ph", localedir=placeholder_dir),
            ),
            FakeEntryPoint(
                "malformed-mo",
                FORMAL.derive(name="bad-mo", domain="mo", localedir=mo_dir),
            ),
            FakeEntryPoint("not-a-tone", "formal"),
            FakeEntryPoint("half-tones", [FORMAL.derive(name="half-good"), 42]),
            FakeEntryPoint("builtin-name", Tone("warm")),
        ]

    def test_each_broken_plugin_is_reported_once(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Each broken entry point gives one warning naming it and the reason; the good ones load."""
        broken = self.broken_plugins(tmp_path)
        good = FakeEntryPoint("good", FORMAL.derive(name="good-one"))
        registry = self.make_registry(monkeypatch, broken[0], good, *broken[1:])
        with pytest.warns(RuntimeWarning) as caught:
            names = registry.names()
        assert names == ("formal", "warm", "brief", "good-one", "half-good")
        messages = [str(w.message) for w in caught]
        assert len(messages) == len(broken), messages
        reasons = {
            "cannot-import": " is left out: it failed to load: ModuleNotFoundError: no module named x",
            "factory": " is left out: its factory raised RuntimeError: the factory broke",
            "placeholder": ": tone 'bad-ph' is left out: tone.localedir: en/LC_MESSAGES/ph: message 'confirmation.wishes': uses the placeholders ['compnay']",
            "malformed-mo": ": tone 'bad-mo' is left out: tone.localedir: the catalog",
            "not-a-tone": " is left out: it gives a value of type str, not a Tone",
            "half-tones": ": item 1 of its list is left out: a value of type int, not a Tone",
            "builtin-name": ": tone 'warm' is left out: the name is taken by another tone",
        }
        for point, message in zip(broken, messages, strict=True):
            head = f"tone plugin {point.name!r} ({point.value})"
            assert message.startswith(head + reasons[point.name]), message
        assert {w.category for w in caught} == {PluginWarning}
        # Later calls list the same tones and warn no more.
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert registry.names() == names
            assert registry.get("good-one").name == "good-one"
            with pytest.raises(UnknownToneError):
                registry.get("bad-ph")
        assert all(point.loads == 1 for point in (*broken, good))

    def test_a_warning_made_an_error_leaves_the_registry_whole(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Under -W error the first call raises, and the next one lists the good plugins."""
        registry = self.make_registry(
            monkeypatch,
            FakeEntryPoint("broken", ImportError("boom")),
            FakeEntryPoint("good", FORMAL.derive(name="good-one")),
        )
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(RuntimeWarning, match="broken"):
                registry.names()
        assert registry.names() == ("formal", "warm", "brief", "good-one")

    def test_listing_entry_points_fails(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Broken package metadata is one warning; the built-in tones are listed."""
        from importlib import metadata

        from decline import _registry

        def broken(group: str) -> list[object]:
            raise ValueError("bad metadata")

        monkeypatch.setattr(metadata, "entry_points", broken)
        registry = _registry._Registry()
        with pytest.warns(RuntimeWarning, match="cannot be listed: ValueError"):
            assert registry.names() == ("formal", "warm", "brief")

    def test_warning_text_is_safe_for_a_terminal(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A plugin's error message cannot put escape sequences or line breaks in the warning."""
        registry = self.make_registry(
            monkeypatch, FakeEntryPoint("evil", ImportError("\x1b[2Jgone\nsecond line"))
        )
        with pytest.warns(RuntimeWarning) as caught:
            registry.names()
        message = str(caught[0].message)
        assert "\x1b" not in message and "\n" not in message
        assert "\\x1b[2Jgone; second line" in message

    def test_a_validator_that_looks_tones_up_does_not_recurse(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A check that looks a tone up by name while plugins load does not scan again."""
        from decline import _registry

        registry = self.make_registry(
            monkeypatch, FakeEntryPoint("good", FORMAL.derive(name="good-one"))
        )
        seen: list[tuple[str, ...]] = []
        monkeypatch.setattr(
            _registry, "_validator", lambda _tone: seen.append(registry.names())
        )
        assert registry.names()[-1] == "good-one"
        assert seen == [("formal", "warm", "brief")]


class TestRegisterBrokenCatalogs:
    """register() refuses, with a FieldError, the tones a broken plugin would publish."""

    def test_bad_placeholder_in_a_catalog(self, tmp_path: Path) -> None:
        """A catalog message with another placeholder is named by folder, domain and id."""
        folder = plugin_catalog(
            tmp_path, "ph", {"confirmation.wishes": "Good luck, {compnay}!"}
        )
        tone = FORMAL.derive(name="catalog-ph", domain="ph", localedir=folder)
        with pytest.raises(
            FieldError, match=r"en/LC_MESSAGES/ph: message 'confirmation\.wishes'"
        ):
            register(tone)

    @pytest.mark.parametrize(
        "text", ["Best,\\r\\nBcc: x", "Best \x1b[2J", "Hi {", "\u202eBest,"]
    )
    def test_line_breaks_and_controls_in_a_catalog(
        self, tmp_path: Path, text: str
    ) -> None:
        """A catalog message is held to the rules of Tone.messages."""
        folder = plugin_catalog(tmp_path, "ctl", {"closing": text})
        tone = FORMAL.derive(name="catalog-ctl", domain="ctl", localedir=folder)
        with pytest.raises(FieldError, match=r"tone\.localedir"):
            register(tone)

    @pytest.mark.parametrize(
        "content",
        [b"\x00not a catalog", b"\xde\x12\x04\x95" + b"\xff" * 40, b""],
    )
    def test_malformed_mo(self, tmp_path: Path, content: bytes) -> None:
        """A .mo file that is not a catalog is a FieldError naming the file."""
        messages = tmp_path / "en" / "LC_MESSAGES"
        messages.mkdir(parents=True)
        (messages / "mo.mo").write_bytes(content)
        tone = FORMAL.derive(name="catalog-mo", domain="mo", localedir=tmp_path)
        with pytest.raises(FieldError, match=r"tone\.localedir: the catalog .*mo\.mo"):
            register(tone)

    def test_malformed_po_prints_nothing(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A broken .po is refused without Babel printing its lines to standard output."""
        messages = tmp_path / "en" / "LC_MESSAGES"
        messages.mkdir(parents=True)
        (messages / "po.po").write_text(
            'msgid "closing"\n\x1b[2J garbage\n', encoding="utf-8"
        )
        tone = FORMAL.derive(name="catalog-po", domain="po", localedir=tmp_path)
        with pytest.raises(FieldError, match="cannot be read"):
            register(tone)
        assert capsys.readouterr().out == ""

    @pytest.mark.parametrize(
        ("folder", "hint"), [("EN", "name it 'en'"), ("xx", "not a locale")]
    )
    def test_catalog_folder_is_a_locale(
        self, tmp_path: Path, folder: str, hint: str
    ) -> None:
        """A catalog in a folder that is not a locale as decline writes it is refused, not ignored."""
        plugin_catalog(tmp_path, "dir", {"closing": "Cheers,"}, lang=folder)
        tone = FORMAL.derive(name="catalog-dir", domain="dir", localedir=tmp_path)
        with pytest.raises(FieldError, match=hint):
            register(tone)

    def test_a_base_with_a_broken_catalog(self, tmp_path: Path) -> None:
        """The base's catalogs are checked too: deriving from a broken tone does not hide it."""
        folder = plugin_catalog(tmp_path, "base", {"closing": "Best,\\nBcc: x"})
        base = FORMAL.derive(name="broken-base", domain="base", localedir=folder)
        child = base.derive(name="innocent-child")
        with pytest.raises(FieldError, match=r"tone\.localedir"):
            register(child)

    def test_territory_folder_is_used(self, tmp_path: Path, offer: Offer) -> None:
        """A catalog in en_US is used for en_US letters, its language's for the rest."""
        plugin_catalog(tmp_path, "us", {"closing": "Cheers,"}, lang="en_US")
        tone = FORMAL.derive(name="catalog-us", domain="us", localedir=tmp_path)
        register(tone)
        try:
            assert (
                LetterBuilder(offer, tone=tone, locale="en_US").confirmation().closing
                == "Cheers,"
            )
            assert (
                LetterBuilder(offer, tone=tone, locale="en").confirmation().closing
                != "Cheers,"
            )
        finally:
            unregister("catalog-us")


def write_broken_plugins(site: Path) -> None:
    """An installed distribution whose entry points break in every way, and one that works."""
    (site / "good_plugin.py").write_text(
        "from decline.tones import FORMAL\nGOOD = FORMAL.derive(name='good-one')\n",
        encoding="utf-8",
    )
    (site / "raising_plugin.py").write_text(
        "raise RuntimeError('import broke')\n", encoding="utf-8"
    )
    (site / "factory_plugin.py").write_text(
        "def make():\n    raise ValueError('factory broke')\n", encoding="utf-8"
    )
    (site / "value_plugin.py").write_text("VALUE = 'formal'\n", encoding="utf-8")
    package = site / "catalog_plugin"
    plugin_catalog(
        package / "locale", "catalog_plugin", {"confirmation.wishes": "Bye {compnay}"}
    )
    (package / "__init__.py").write_text(
        "from pathlib import Path\nfrom decline.tones import FORMAL\n"
        "TONE = FORMAL.derive(name='bad-catalog', domain='catalog_plugin',\n"
        "                     localedir=Path(__file__).parent / 'locale')\n",
        encoding="utf-8",
    )
    dist = site / "broken_plugins-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: broken-plugins\nVersion: 1.0\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        "[decline.tones]\n"
        "raising = raising_plugin:TONE\n"
        "good = good_plugin:GOOD\n"
        "factory = factory_plugin:make\n"
        "value = value_plugin:VALUE\n"
        "catalog = catalog_plugin:TONE\n"
        "missing = no_such_module:TONE\n",
        encoding="utf-8",
    )


def test_installed_broken_plugins(tmp_path: Path) -> None:
    """A real installed distribution with broken entry points: each is one warning line, the good tone works."""
    write_broken_plugins(tmp_path)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            [str(tmp_path), os.environ.get("PYTHONPATH", "")]
        ).rstrip(os.pathsep),
        "PYTHONIOENCODING": "utf-8",
    }
    listed = subprocess.run(
        [sys.executable, "-m", "decline", "tones"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    assert "good-one (from formal) [broken-plugins; locales: all]" in listed.stdout
    assert "bad-catalog" not in listed.stdout
    lines = listed.stderr.splitlines()
    assert len(lines) == 5, listed.stderr
    assert all(line.startswith("decline: warning: tone plugin ") for line in lines)
    for name in ("raising", "factory", "value", "catalog", "missing"):
        assert sum(f"tone plugin {name!r}" in line for line in lines) == 1, name
    assert "Traceback" not in listed.stderr
    written = subprocess.run(
        [
            sys.executable,
            "-m",
            "decline",
            "write",
            "--tone",
            "good-one",
            "--company",
            "Acme",
            "--position",
            "Analyst",
            "--contact",
            "Mette Hansen",
            "--candidate",
            "Jonas Berg",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert written.returncode == 0, written.stderr
    assert "Dear Mette Hansen" in written.stdout
    assert written.stderr.count("decline: warning:") == 5


def test_a_tone_is_a_plain_attrs_value() -> None:
    """attrs.asdict() reads a tone and its base without looping on cached state."""
    import attrs

    from decline.tones import FORMAL

    derived = FORMAL.derive(name="plain-check")
    assert attrs.asdict(derived)["base"]["name"] == "formal"
