"""The registry of tones: built in, registered, and published by plugins.

:func:`get_tone` finds a tone by name for the builder and the guidance engine, so
the registry sits low in the package. Plugins publish tones through the
``decline.tones`` entry-point group; they are loaded lazily — when a name is not
built in or registered, or when tones are listed — never at ``import decline``.

Registering a tone checks the letters it writes, which needs the builder and the
engine above this module: :func:`decline.tones.register` does that, and hands the
same check to the registry (:func:`install_validator`) for the tones plugins publish.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable, Iterable

import attrs

from decline._errors import FieldError, GuidanceError, UnknownToneError
from decline._tone import BUILTIN_TONES, ENTRY_POINT_GROUP, Tone

__all__ = ["all_tones", "available_tones", "get_tone", "install_validator"]


class _Registry:
    """Registered and discovered tones; every method takes the lock."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._tones: dict[str, Tone] = {}
        self._discovered = False

    def _discover(self) -> None:
        if self._discovered:
            return
        self._discovered = True
        from importlib import metadata  # noqa: PLC0415 - only when plugins are needed

        for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
            try:
                loaded = entry_point.load()
            except Exception as exc:  # noqa: BLE001 - a broken plugin must not break us
                _warn(f"tone plugin {entry_point.name!r} failed to load: {exc}")
                continue
            dist = getattr(entry_point, "dist", None)
            source = (
                dist.name if dist is not None else entry_point.value.split(":", 1)[0]
            )
            for found in _tones_from(loaded):
                tone = (
                    attrs.evolve(found, source=source)
                    if found.source == "registered"
                    else found
                )
                try:
                    if _validator is not None:
                        _validator(tone)
                except (FieldError, GuidanceError) as exc:
                    _warn(f"tone {tone.name!r} from {source!r} is refused: {exc}")
                    continue
                if tone.name in BUILTIN_TONES or tone.name in self._tones:
                    _warn(
                        f"tone plugin {source!r} repeats the name {tone.name!r}; ignored"
                    )
                    continue
                self._tones[tone.name] = tone

    def get(self, name: str) -> Tone:
        if name in BUILTIN_TONES:
            return BUILTIN_TONES[name]
        with self._lock:
            if name not in self._tones:
                self._discover()
            try:
                return self._tones[name]
            except KeyError:
                raise UnknownToneError(name, self.names()) from None

    def names(self) -> tuple[str, ...]:
        with self._lock:
            self._discover()
            return (*BUILTIN_TONES, *sorted(self._tones))

    def all(self) -> tuple[Tone, ...]:
        with self._lock:
            self._discover()
            return (
                *BUILTIN_TONES.values(),
                *(self._tones[n] for n in sorted(self._tones)),
            )

    def add(self, tone: Tone, *, replace: bool) -> None:
        with self._lock:
            if tone.name in BUILTIN_TONES:
                raise FieldError(
                    "tone.name", f"{tone.name!r} is built in; choose another name"
                )
            if tone.name in self._tones and not replace:
                raise FieldError(
                    "tone.name",
                    f"a tone named {tone.name!r} is already registered; "
                    "pass replace=True to replace it",
                )
            self._tones[tone.name] = tone

    def remove(self, name: str) -> None:
        with self._lock:
            if self._tones.pop(name, None) is None:
                raise UnknownToneError(name, self.names())


def _warn(message: str) -> None:
    warnings.warn(message, RuntimeWarning, stacklevel=3)


def _tones_from(loaded: object) -> list[Tone]:
    if callable(loaded) and not isinstance(loaded, Tone):
        loaded = loaded()
    if isinstance(loaded, Tone):
        return [loaded]
    if isinstance(loaded, Iterable):
        return [t for t in loaded if isinstance(t, Tone)]
    return []


_registry = _Registry()

# Checks a plugin's tone before it is listed (see install_validator).
_validator: Callable[[Tone], None] | None = None


def get_tone(tone: str | Tone) -> Tone:
    """Return the tone of that name (built in, registered, or from a plugin).

    Args:
        tone: A name, or a :class:`Tone` (returned as it is).

    Raises:
        UnknownToneError: No tone has that name; the message lists those that do.
        TypeError: *tone* is neither a string nor a :class:`Tone`.

    Examples:
        >>> get_tone("warm").base.name
        'formal'
    """
    if isinstance(tone, Tone):
        return tone
    if not isinstance(tone, str):
        raise TypeError(f"tone: expected a name or a Tone, got {type(tone).__name__}")
    return _registry.get(tone.strip().lower())


def available_tones() -> tuple[str, ...]:
    """Return the names of every tone: built in first, then the others sorted.

    Examples:
        >>> available_tones()[:3]
        ('formal', 'warm', 'brief')
    """
    return _registry.names()


def all_tones() -> tuple[Tone, ...]:
    """Return every tone, built in first (this loads plugins).

    Examples:
        >>> [t.source for t in all_tones()][:3]
        ['built in', 'built in', 'built in']
    """
    return _registry.all()


def install_validator(validate: Callable[[Tone], None]) -> None:
    """Check every tone a plugin publishes with *validate* before it is listed.

    :mod:`decline.tones` installs :func:`decline.tones.validate_tone` when it is
    imported, which ``import decline`` does: the check builds letters, and the
    builder sits above this module.
    """
    global _validator  # noqa: PLW0603 - set once, by decline.tones at import
    _validator = validate
