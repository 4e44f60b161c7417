"""Tones: built-in presets, deriving, overriding wording, the registry and plugins."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import decline
from decline import FieldError, GuidanceError, LetterBuilder, Offer, UnknownToneError
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
        bad = FORMAL.derive(
            name="broken",
            messages={"da": {"confirmation.thanks": "Tak for tilbuddet."}},
        )
        with pytest.raises(
            FieldError, match=r"tone.messages\['da'\]\['confirmation.thanks'\]"
        ):
            register(bad)
        typo = FORMAL.derive(
            name="typo",
            messages={"en": {"confirmation.wishes": "All the best to {compnay}."}},
        )
        with pytest.raises(FieldError, match="compnay"):
            register(typo)

    def test_unknown_message_is_refused(self) -> None:
        """Overriding a message decline does not use is an error."""
        with pytest.raises(FieldError, match="not a message id"):
            register(
                FORMAL.derive(name="unknown-id", messages={"en": {"farewell": "Bye"}})
            )

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


class TestDiscovery:
    def make_registry(self, monkeypatch: pytest.MonkeyPatch, loaded: object) -> object:
        from importlib import metadata

        from decline import _registry

        class FakeEntryPoint:
            name = "fake"
            value = "fake_plugin:TONE"
            dist = None

            def load(self) -> object:
                if isinstance(loaded, Exception):
                    raise loaded
                return loaded

        monkeypatch.setattr(
            metadata, "entry_points", lambda group: [FakeEntryPoint()] if group else []
        )
        return _registry._Registry()

    def test_plugin_tone_is_found(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A tone published under the entry point is found by name, with its source."""
        registry = self.make_registry(
            monkeypatch, lambda: FORMAL.derive(name="plugged")
        )
        tone = registry.get("plugged")  # type: ignore[attr-defined]
        assert tone.source == "fake_plugin"

    def test_broken_plugin_warns_and_is_skipped(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A plugin that fails to load, or whose tone breaks the guidance, is refused with a warning."""
        registry = self.make_registry(monkeypatch, ImportError("boom"))
        with pytest.warns(RuntimeWarning, match="failed to load"):
            assert registry.names() == ("formal", "warm", "brief")  # type: ignore[attr-defined]
        rude = FORMAL.derive(
            name="rude-plugin",
            messages={"en": {"confirmation.wishes": "{company} was chaotic."}},
        )
        registry = self.make_registry(monkeypatch, rude)
        with pytest.warns(RuntimeWarning, match="refused"):
            assert "rude-plugin" not in registry.names()  # type: ignore[attr-defined]


def test_a_tone_is_a_plain_attrs_value() -> None:
    """attrs.asdict() reads a tone and its base without looping on cached state."""
    import attrs

    from decline.tones import FORMAL

    derived = FORMAL.derive(name="plain-check")
    assert attrs.asdict(derived)["base"]["name"] == "formal"
