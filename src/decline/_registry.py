"""The registry of tones: built in, registered, and published by plugins.

:func:`get_tone` finds a tone by name for the builder and the guidance engine, so
the registry sits low in the package. Plugins publish tones through the
``decline.tones`` entry-point group; they are loaded lazily — when a name is not
built in or registered, or when tones are listed — never at ``import decline``.

Registering a tone checks the letters it writes, which needs the builder and the
engine above this module: :func:`decline.tones.register` does that, and hands the
same check to the registry (:func:`install_validator`) for the tones plugins publish.

A broken plugin never hides the others. Each entry point is loaded, called and
checked on its own; one that fails — it cannot be imported, its factory raises,
it gives something that is not a :class:`Tone`, or its tone is refused (a bad
placeholder, a catalog that cannot be read, letters that break the guidance) — is
left out with one :class:`RuntimeWarning` naming the entry point and the reason,
and every other plugin is listed, on the first call and every later one.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs

from decline._errors import DeclineError, FieldError, UnknownToneError
from decline._tone import BUILTIN_TONES, ENTRY_POINT_GROUP, Tone

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

__all__ = ["all_tones", "available_tones", "get_tone", "install_validator"]


class PluginWarning(RuntimeWarning):
    """A tone plugin, or one of its tones, is left out; the message says why.

    A :class:`RuntimeWarning`, so ``-W error::RuntimeWarning`` turns it into an
    error; the command line shows it as one ``decline: warning:`` line.
    """


class _Registry:
    """Registered and discovered tones; every method takes the lock."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._tones: dict[str, Tone] = {}
        self._discovered = False
        self._discovering = False

    def _discover(self) -> None:
        """Load every plugin once; the broken ones are reported and left out.

        The tones are added only when every entry point has been tried, and the
        warnings are given after that, so an interrupted or failed scan leaves the
        registry as it was (the next call scans again) and a warning turned into
        an error (``-W error``) cannot leave it half filled.
        """
        if self._discovered or self._discovering:
            return  # a validator that looks a tone up by name must not scan again
        self._discovering = True
        try:
            found, problems = _scan(taken=set(self._tones))
        finally:
            self._discovering = False
        for tone in found:
            self._tones.setdefault(tone.name, tone)
        self._discovered = True
        for problem in problems:
            _warn(problem)

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
    # Plugin names and errors are printed on a terminal: show control characters.
    from decline._terminal import visible  # noqa: PLC0415 - only for broken plugins

    warnings.warn(visible(message), PluginWarning, stacklevel=5)


def _scan(taken: set[str]) -> tuple[list[Tone], list[str]]:
    """Every valid plugin tone, and a sentence for each one that is left out."""
    from importlib import metadata  # noqa: PLC0415 - only when plugins are needed

    found: list[Tone] = []
    problems: list[str] = []
    names = set(BUILTIN_TONES) | taken
    try:
        entry_points = list(metadata.entry_points(group=ENTRY_POINT_GROUP))
    # Broken package metadata anywhere on the path must not break decline.
    except Exception as exc:  # noqa: BLE001
        return [], [f"tone plugins cannot be listed: {_reason(exc)}"]
    for entry_point in entry_points:
        label = _label(entry_point)
        for result in _plugin_tones(entry_point):
            if isinstance(result, str):
                problems.append(f"tone plugin {label}{result}")
            elif result.name in names:
                problems.append(
                    f"tone plugin {label}: tone {result.name!r} is left out: the "
                    "name is taken by another tone"
                )
            else:
                names.add(result.name)
                found.append(result)
    return found, problems


def _label(entry_point: EntryPoint) -> str:
    """An entry point as a warning names it: ``'academic' (decline_academic:ACADEMIC)``."""
    name = getattr(entry_point, "name", "?")
    value = getattr(entry_point, "value", "?")
    return f"{name!r} ({value})"


def _source(entry_point: EntryPoint) -> str:
    """The distribution that publishes *entry_point*, else its module."""
    dist = getattr(entry_point, "dist", None)
    name = getattr(dist, "name", None) if dist is not None else None
    if isinstance(name, str) and name:
        return name
    return str(getattr(entry_point, "value", "?")).split(":", 1)[0]


def _plugin_tones(entry_point: EntryPoint) -> list[Tone | str]:
    """The checked tones of one entry point, and why each other item is left out.

    Each reason is the end of a warning that starts with the entry point. An entry
    point that cannot be loaded or called, or that gives something other than a
    tone or a list of them, gives one reason and no tone.
    """
    given = _load(entry_point)
    if isinstance(given, str):
        return [f" is left out: {given}"]
    source = _source(entry_point)
    out: list[Tone | str] = []
    for index, item in enumerate(given):
        if not isinstance(item, Tone):
            out.append(
                f": item {index} of its list is left out: a value of type "
                f"{type(item).__name__}, not a Tone"
            )
            continue
        # A plugin is someone else's code: whatever its tone raises when it is
        # checked is its failure, reported instead of breaking every other tone.
        try:
            tone = (
                attrs.evolve(item, source=source)
                if item.source == "registered"
                else item
            )
            if _validator is not None:
                _validator(tone)
        except Exception as exc:  # noqa: BLE001
            out.append(f": tone {item.name!r} is left out: {_reason(exc)}")
            continue
        out.append(tone)
    return out


def _load(entry_point: EntryPoint) -> list[object] | str:
    """What an entry point gives, as a list; or why it gives nothing."""
    # Whatever a plugin's import or factory raises is its failure (see above).
    try:
        loaded = entry_point.load()
    except Exception as exc:  # noqa: BLE001
        return f"it failed to load: {_reason(exc)}"
    if callable(loaded) and not isinstance(loaded, Tone):
        try:
            loaded = loaded()
        except Exception as exc:  # noqa: BLE001
            return f"its factory raised {_reason(exc)}"
    if isinstance(loaded, Tone):
        return [loaded]
    if isinstance(loaded, Iterable) and not isinstance(loaded, (str, bytes)):
        try:
            return list(loaded)
        except Exception as exc:  # noqa: BLE001
            return f"its tones cannot be read: {_reason(exc)}"
    return (
        f"it gives a value of type {type(loaded).__name__}, not a Tone or a list "
        "of tones"
    )


def _reason(exc: BaseException) -> str:
    """An exception on one line: its type (unless it is one of ours) and message."""
    text = "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())
    if isinstance(exc, DeclineError):
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


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
