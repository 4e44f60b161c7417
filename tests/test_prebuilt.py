"""The compiled locale data the wheel carries (``decline._analysis.prebuilt``).

Protects: a compiled file gives exactly the findings the data file compiles to, in
every locale; a stale, truncated, garbled or foreign file is never used (the data
is compiled instead); the unpickler builds nothing but compiled data; and the wheel
build writes one current file per locale.
"""

from __future__ import annotations

import gc
import io
import os
import pickle
import subprocess
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import pytest

import decline
from decline._analysis import available_data, datafile, prebuilt
from decline._analysis.datafile import compile_data, load_data, read_tone
from decline._analysis.lexicon import LocaleData
from decline._analysis.tone import ToneModel

if TYPE_CHECKING:
    from collections.abc import Iterator

ROOT = Path(__file__).resolve().parent.parent
JUDGEMENT = ROOT / "tests" / "judgement"
HEADER = prebuilt.HEADER_SIZE
#: Every locale has a data file and a tone model, so a build writes both.
EVERY_FILE = sorted(
    name
    for locale in available_data()
    for name in (f"{locale}.compiled", f"{locale}.tone.compiled")
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every locale compiled as the wheel build compiles it."""
    out = tmp_path_factory.mktemp("compiled")
    written = prebuilt.build(out, compile_data, available_data(), read_tone)
    assert sorted(p.name for p in written) == EVERY_FILE
    return out


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    """Let a test decide where load_data's data comes from; forget it afterwards."""
    load_data.cache_clear()
    datafile.load_tone.cache_clear()
    yield
    load_data.cache_clear()
    datafile.load_tone.cache_clear()


def texts(locale: str) -> list[str]:
    """The judgement corpus of *locale*: sentences and short e-mails."""
    doc = tomllib.loads((JUDGEMENT / f"{locale}.toml").read_text(encoding="utf-8"))
    return [item["text"] for table in doc.values() for item in table]


def findings(locale: str, corpus: list[str]) -> list[list[dict[str, Any]]]:
    kinds = ("reason", "confirmation")
    return [
        [d.to_dict() for d in decline.check(text, kind=kind, locale=locale)]
        for text in corpus
        for kind in kinds
    ]


@pytest.mark.parametrize("locale", available_data())
def test_compiled_file_gives_the_same_findings_as_the_data_file(
    locale: str, folder: Path, fresh_cache: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = texts(locale)
    loaded = prebuilt.load(locale, folder)
    tone = prebuilt.load_tone(locale, folder)
    assert loaded is not None and tone is not None
    monkeypatch.setattr(prebuilt, "load", lambda _locale: None)
    monkeypatch.setattr(prebuilt, "load_tone", lambda _locale: None)
    compiled = findings(locale, corpus)
    assert load_data(locale) is not loaded
    assert datafile.load_tone(locale) is not tone
    load_data.cache_clear()
    datafile.load_tone.cache_clear()
    monkeypatch.setattr(prebuilt, "load", lambda _locale: loaded)
    monkeypatch.setattr(prebuilt, "load_tone", lambda _locale: tone)
    assert load_data(locale) is loaded  # the run below reads the compiled files
    assert datafile.load_tone(locale) is tone
    assert findings(locale, corpus) == compiled
    assert any(compiled), "the corpus must give findings, or the test cannot fail"


def test_compiled_data_is_the_same_data(folder: Path) -> None:
    loaded = prebuilt.load("de", folder)
    fresh = compile_data("de")
    assert loaded is not None
    assert loaded.locale == "de"
    assert dict(loaded.lexicon).keys() == dict(fresh.lexicon).keys()
    for name, phrases in fresh.lexicon.items():
        assert loaded.lexicon[name].terms == phrases.terms, name
    assert loaded.constructions is not None and fresh.constructions is not None
    assert loaded.constructions.specs == fresh.constructions.specs
    assert loaded.stemmer.stem("Schnarchvereine") == fresh.stemmer.stem(
        "Schnarchvereine"
    )


@pytest.mark.parametrize("locale", available_data())
def test_compiled_tone_model_is_the_same_model(locale: str, folder: Path) -> None:
    loaded = prebuilt.load_tone(locale, folder)
    fresh = read_tone(locale)
    assert isinstance(loaded, ToneModel) and fresh is not None
    assert loaded.weights == fresh.weights
    assert (loaded.threshold, loaded.letter_threshold, loaded.intercept) == (
        fresh.threshold,
        fresh.letter_threshold,
        fresh.intercept,
    )
    assert (loaded.morphology, loaded.lists, loaded.char_ngrams) == (
        fresh.morphology,
        fresh.lists,
        fresh.char_ngrams,
    )


def test_tone_file_is_not_taken_for_data_or_the_other_way(folder: Path) -> None:
    tone = (folder / "en.tone.compiled").read_bytes()
    data_key = prebuilt.key("en")
    assert data_key is not None
    assert prebuilt.loads(tone, data_key, "en", LocaleData) is None  # another key
    forged = tone[:19] + data_key + tone[51:]
    assert prebuilt.loads(forged, data_key, "en", LocaleData) is None  # a ToneModel


def test_a_compiled_set_is_still_immutable(folder: Path) -> None:
    loaded = prebuilt.load("en", folder)
    assert loaded is not None
    with pytest.raises(AttributeError, match="immutable"):
        loaded.lexicon["negative"]._terms = ()  # type: ignore[misc]


def test_missing_file_means_compile(tmp_path: Path) -> None:
    assert prebuilt.load("en", tmp_path) is None


def _copy_with(folder: Path, tmp_path: Path, change: Any) -> Path:
    blob = (folder / "en.compiled").read_bytes()
    (tmp_path / "en.compiled").write_bytes(change(blob))
    return tmp_path


@pytest.mark.parametrize(
    ("why", "change"),
    [
        ("empty", lambda b: b[:0]),
        ("truncated", lambda b: b[: len(b) // 2]),
        ("only the header", lambda b: b[:HEADER]),
        ("another key", lambda b: b[:19] + bytes(32) + b[51:]),
        ("not ours", lambda b: b"PK\x03\x04" + b[4:]),
        ("garbled payload", lambda b: b[:HEADER] + b[HEADER:][::-1]),
        ("one byte flipped", lambda b: b[:400] + bytes([b[400] ^ 0xFF]) + b[401:]),
        ("one byte more", lambda b: b + b"\x00"),
    ],
)
def test_damaged_or_stale_file_is_never_used(
    why: str, change: Any, folder: Path, tmp_path: Path
) -> None:
    assert prebuilt.load("en", folder) is not None
    damaged = _copy_with(folder, tmp_path, change)
    assert prebuilt.load("en", damaged) is None, why


def test_file_of_another_locale_is_refused(folder: Path) -> None:
    blob = (folder / "de.compiled").read_bytes()
    digest = prebuilt.key("en")
    assert digest is not None
    forged = blob[:19] + digest + blob[51:]  # the right key, German data
    assert prebuilt.loads(forged, digest, "en", LocaleData) is None


def test_key_follows_the_data_and_the_code(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "data").mkdir(parents=True)
    (package / "data" / "en.toml").write_text("a = 1\n", encoding="utf-8")
    (package / "phrases.py").write_text("x = 1\n", encoding="utf-8")
    first = prebuilt.key("en", package)
    assert first is not None
    assert prebuilt.key("en", package) == first
    (package / "data" / "en.toml").write_text("a = 2\n", encoding="utf-8")
    second = prebuilt.key("en", package)
    assert second != first
    (package / "phrases.py").write_text("x = 2\n", encoding="utf-8")
    assert prebuilt.key("en", package) not in {first, second}
    assert prebuilt.key("da", package) is None  # no data file: nothing is trusted


def test_unpickler_builds_only_compiled_data() -> None:
    digest = bytes(32)
    payload = pickle.dumps(os.system)
    crc = zlib.crc32(payload).to_bytes(4, "big")
    evil = prebuilt._MAGIC + digest + crc + payload
    assert prebuilt.loads(evil, digest, "en", LocaleData) is None
    with pytest.raises(pickle.UnpicklingError, match="not part of compiled"):
        prebuilt._Unpickler(io.BytesIO(pickle.dumps(os.system))).load()
    with pytest.raises(pickle.UnpicklingError, match="not part of compiled"):
        prebuilt._Unpickler(io.BytesIO(pickle.dumps(subprocess.Popen))).load()


@pytest.mark.parametrize(
    "payload",
    [
        # a module one of ours imports, named as if it were ours (GLOBAL, STOP)
        b"cdecline._analysis.build\nsys\n.",
        b"cdecline._analysis.reading\nre\n.",
        pickle.dumps(getattr, protocol=5),  # builtins.getattr
        pickle.dumps(prebuilt.load, protocol=5),  # ours, but not compiled data
        b"cdecline._analysis.phrases\n__builtins__\n.",
    ],
)
def test_unpickler_admits_nothing_beyond_its_list(payload: bytes) -> None:
    with pytest.raises(pickle.UnpicklingError, match="not part of compiled"):
        prebuilt._Unpickler(io.BytesIO(payload)).load()


def test_stems_are_rebuilt_only_from_a_stemmer() -> None:
    with pytest.raises(pickle.UnpicklingError, match="expected a Stemmer"):
        prebuilt._stem_of("not a stemmer")  # type: ignore[arg-type]


def test_gc_is_enabled_again_after_loading(folder: Path, tmp_path: Path) -> None:
    assert prebuilt.load("en", folder) is not None
    assert gc.isenabled()
    broken = _copy_with(folder, tmp_path, lambda b: b[: len(b) // 3])
    assert prebuilt.load("en", broken) is None
    assert gc.isenabled()


def test_the_build_command_writes_every_locale(tmp_path: Path) -> None:
    """``python -m decline._analysis.build OUT``, as hatch_build.py runs it."""
    done = subprocess.run(
        [sys.executable, "-m", "decline._analysis.build", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == EVERY_FILE
    assert prebuilt.load("sv", tmp_path) is not None
    assert prebuilt.load_tone("sv", tmp_path) is not None


def test_the_build_command_needs_one_folder() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "decline._analysis.build"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "usage" in done.stderr


def test_an_installed_wheel_uses_its_compiled_files() -> None:
    """Where the package holds compiled files (a wheel install), they are current."""
    installed = Path(prebuilt.__file__).parent / "data"
    if not any(installed.glob(f"*{prebuilt.SUFFIX}")):
        pytest.skip("a source checkout or editable install: nothing compiled")
    for locale in available_data():
        assert prebuilt.load(locale) is not None, locale
        assert prebuilt.load_tone(locale) is not None, locale
