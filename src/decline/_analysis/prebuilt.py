"""Compiled locale data built into the wheel, so a cold start need not compile it.

Compiling one data file (some 7 000 entries into a hundred tries) is most of a cold
``decline check``. The wheel build (``hatch_build.py``) therefore runs
``python -m decline._analysis.build OUT`` once, which compiles every locale with
:func:`build` and writes ``OUT/<locale>.compiled`` (and ``<locale>.tone.compiled``
for its tone model) beside the data files in the wheel.
:func:`load` reads such a file back only if its **key** still matches: a hash of the
data file, of every module of this package (the code that compiles the data and
defines the objects in the file), of decline's version and of the Python that
wrote it. Anything else — no file, another key, a truncated or garbled file —
gives ``None``, and the caller compiles the data file as before; the findings are
the same either way (``tests/test_prebuilt.py``).

The files are pickles, read only from the package's own folder (or one a test
names), never from a path a user or a text supplies: they are as trusted as the
modules beside them. The unpickler still admits only the dozen classes and helpers
compiled data is made of, by exact name, so a file that is not ours fails instead
of running anything.
"""

from __future__ import annotations

import gc
import hashlib
import io
import pickle
import sys
import zlib
from importlib import resources
from pathlib import Path
from types import MappingProxyType, MethodType
from typing import TYPE_CHECKING, Any, Final, TypeVar

from decline._analysis._common import widen
from decline._analysis.lexicon import LocaleData
from decline._analysis.morphology import Stemmer
from decline._analysis.phrases import BUILT_IN_LISTS
from decline._analysis.tone import ToneModel
from decline._version import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "HEADER_SIZE",
    "SUFFIX",
    "build",
    "dumps",
    "key",
    "load",
    "load_tone",
    "loads",
]

_T = TypeVar("_T")

#: The file name ending of a compiled locale (``en.compiled``).
SUFFIX: Final = ".compiled"
#: Per source file ending, the ending of its compiled file.
_COMPILED: Final = {".toml": SUFFIX, ".tone": ".tone" + SUFFIX}
_MAGIC: Final = b"decline-compiled 1\n"
_PROTOCOL: Final = 5
_KEY_SIZE: Final = 32  # bytes of SHA-256
_CHECK_SIZE: Final = 4  # bytes of the payload's CRC-32
#: Magic, key, then the CRC-32 of the pickle that follows.
HEADER_SIZE: Final = len(_MAGIC) + _KEY_SIZE + _CHECK_SIZE

#: Everything the unpickler may build: the classes compiled data is made of and two
#: helpers of this module, by exact name. Any other name, a module or a built-in
#: such as ``getattr`` included, fails the file (and the data is compiled instead).
_ALLOWED: Final = frozenset(
    {
        ("decline._analysis.constructions", "Construction"),
        ("decline._analysis.constructions", "Constructions"),
        ("decline._analysis.lexicon", "LocaleData"),
        ("decline._analysis.lexicon", "_FirstWords"),
        ("decline._analysis.morphology", "Compounds"),
        ("decline._analysis.morphology", "Stemmer"),
        ("decline._analysis.phrases", "PhraseSet"),
        ("decline._analysis.phrases", "_Node"),
        ("decline._analysis.phrases", "_same"),
        ("decline._analysis.prebuilt", "_read_only"),
        ("decline._analysis.prebuilt", "_stem_of"),
        ("decline._analysis.tone", "ToneModel"),
    }
)

_BUILT_IN_NAMES: Final = {id(matcher): name for name, matcher in BUILT_IN_LISTS.items()}


def _package() -> Any:  # an importlib.resources Traversable
    return resources.files("decline._analysis")


def key(locale: str, package: Any = None, source: str = ".toml") -> bytes | None:
    """The key a compiled file of *locale* must carry to be used.

    Args:
        locale: A locale with a data file.
        package: The folder of ``decline._analysis`` (by default the installed
            one); its ``data/<locale><source>`` and its modules are hashed.
        source: The file compiled: ``".toml"`` (the data) or ``".tone"`` (the
            tone model).

    Returns:
        A SHA-256 digest, or ``None`` if the source file or a module cannot be
        read (say, a package installed without its sources): then nothing
        compiled is ever trusted.
    """
    root = _package() if package is None else package
    digest = hashlib.sha256(_MAGIC)
    for part in (__version__, sys.implementation.cache_tag or "", str(_PROTOCOL)):
        digest.update(part.encode() + b"\0")
    try:
        digest.update(source.encode() + b"\0")
        digest.update((root / "data" / f"{locale}{source}").read_bytes())
        modules = sorted(
            entry.name for entry in root.iterdir() if entry.name.endswith(".py")
        )
        for name in modules:
            digest.update(name.encode() + b"\0")
            digest.update((root / name).read_bytes())
    except OSError:
        return None
    if not modules:
        return None
    return digest.digest()


def _read_only(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    """Rebuild a read-only mapping (pickle cannot name ``mappingproxy``)."""
    return MappingProxyType(mapping)


def _stem_of(stemmer: Stemmer) -> Callable[[str], str]:
    """Rebuild a phrase set's ``stemmer.stem`` (pickle would write ``getattr``)."""
    if not isinstance(widen(stemmer), Stemmer):  # a pickle may hold anything
        msg = f"expected a Stemmer, got {type(stemmer).__name__}"
        raise pickle.UnpicklingError(msg)
    return stemmer.stem


class _Pickler(pickle.Pickler):
    """Writes the built-in ``@list`` matchers by name, read-only mappings, stemmers."""

    def persistent_id(self, obj: Any) -> str | None:
        name = _BUILT_IN_NAMES.get(id(obj))
        return name if name is not None and BUILT_IN_LISTS[name] is obj else None

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is MappingProxyType:
            return _read_only, (dict(obj),)
        if type(obj) is MethodType and isinstance(obj.__self__, Stemmer):
            return _stem_of, (obj.__self__,)
        return NotImplemented


class _Unpickler(pickle.Unpickler):
    """Builds only what compiled data is made of."""

    def persistent_load(self, pid: Any) -> Any:
        try:
            return BUILT_IN_LISTS[pid]
        except (KeyError, TypeError):
            msg = f"unknown built-in list {pid!r}"
            raise pickle.UnpicklingError(msg) from None

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        msg = f"{module}.{name} is not part of compiled locale data"
        raise pickle.UnpicklingError(msg)


def dumps(data: object, digest: bytes) -> bytes:
    """The compiled file for *data* (locale data or a tone model), keyed *digest*."""
    out = io.BytesIO()
    _Pickler(out, protocol=_PROTOCOL).dump(data)
    payload = out.getvalue()
    return _MAGIC + digest + zlib.crc32(payload).to_bytes(_CHECK_SIZE, "big") + payload


def loads(blob: bytes, digest: bytes, locale: str, kind: type[_T]) -> _T | None:
    """Read a compiled file; ``None`` unless it is whole, ours, and keyed *digest*.

    *kind* is what the file must hold (:class:`LocaleData` or :class:`ToneModel`),
    for *locale*.
    """
    at = len(_MAGIC) + _KEY_SIZE
    if blob[: len(_MAGIC)] != _MAGIC or blob[len(_MAGIC) : at] != digest:
        return None
    payload = memoryview(blob)[HEADER_SIZE:]
    if zlib.crc32(payload).to_bytes(_CHECK_SIZE, "big") != blob[at:HEADER_SIZE]:
        return None  # damaged on disk: a pickle has no check of its own
    collecting = gc.isenabled()
    gc.disable()  # many new objects, none of them garbage: spare the collector
    try:
        data = _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # noqa: BLE001 - any broken file means: compile instead
        return None
    finally:
        if collecting:
            gc.enable()
    if not isinstance(data, kind) or getattr(data, "locale", None) != locale:
        return None
    return data


def _load(locale: str, folder: Path | None, source: str, kind: type[_T]) -> _T | None:
    digest = key(locale, source=source)
    if digest is None:
        return None
    path = (_package() / "data") if folder is None else folder
    try:
        blob = (path / f"{locale}{_COMPILED[source]}").read_bytes()
    except OSError:
        return None
    return loads(blob, digest, locale, kind)


def load(locale: str, folder: Path | None = None) -> LocaleData | None:
    """The compiled data of *locale*, if a current compiled file exists.

    Args:
        locale: A locale with a data file.
        folder: Where the compiled files are; by default the package's data folder
            (where the wheel puts them).

    Returns:
        The data, or ``None`` when there is no file, or it is stale or damaged.
    """
    return _load(locale, folder, ".toml", LocaleData)


def load_tone(locale: str, folder: Path | None = None) -> ToneModel | None:
    """The compiled tone model of *locale*, if a current compiled file exists.

    As :func:`load`, for ``data/<locale>.tone``.
    """
    return _load(locale, folder, ".tone", ToneModel)


def build(
    out: Path,
    compile_locale: Callable[[str], LocaleData],
    locales: Sequence[str],
    read_tone: Callable[[str], ToneModel | None] | None = None,
) -> list[Path]:
    """Compile each of *locales* with *compile_locale* and write it into *out*.

    With *read_tone*, each locale's tone model that it returns is written too.

    Returns:
        The files written.

    Raises:
        RuntimeError: A module or data file of the package cannot be read.
    """
    written = []
    out.mkdir(parents=True, exist_ok=True)
    for locale in locales:
        made: list[tuple[str, object]] = [(".toml", compile_locale(locale))]
        model = read_tone(locale) if read_tone is not None else None
        if model is not None:
            made.append((".tone", model))
        for source, value in made:
            digest = key(locale, source=source)
            if digest is None:
                msg = f"cannot read the sources of decline._analysis for {locale!r}"
                raise RuntimeError(msg)
            target = out / f"{locale}{_COMPILED[source]}"
            target.write_bytes(dumps(value, digest))
            written.append(target)
    return written
