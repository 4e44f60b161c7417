"""decline: turn down a job offer quickly, kindly and briefly.

Build an :class:`Offer`, optionally a :class:`DeclineReason`, and let a
:class:`LetterBuilder` write the three steps — the call script, the written
confirmation and the thank-you note — in your language and tone. :func:`check`
judges any draft against the guidance the library is built on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from decline._builder import LetterBuilder
from decline._config import Config
from decline._errors import (
    DeclineError,
    FieldError,
    GuidanceError,
    MailtoTooLongError,
    MissingExtraError,
    UnknownLocaleError,
    UnknownToneError,
)
from decline._i18n import available_locales
from decline._letter import Letter, LetterKind
from decline._model import Honorific, Offer, Person, ReasonKind, Team
from decline._plan import Plan, Step, plan
from decline._reason import DeclineReason
from decline._version import __version__
from decline.tones import Tone, available_tones, get_tone

if TYPE_CHECKING:
    from decline._diagnostic import Diagnostic, Severity
    from decline.guidance import Report, check

__all__ = [
    "Config",
    "DeclineError",
    "DeclineReason",
    "Diagnostic",
    "FieldError",
    "GuidanceError",
    "Honorific",
    "Letter",
    "LetterBuilder",
    "LetterKind",
    "MailtoTooLongError",
    "MissingExtraError",
    "Offer",
    "Person",
    "Plan",
    "ReasonKind",
    "Report",
    "Severity",
    "Step",
    "Team",
    "Tone",
    "UnknownLocaleError",
    "UnknownToneError",
    "__version__",
    "available_locales",
    "available_tones",
    "check",
    "get_tone",
    "plan",
]

_LAZY = {"check", "Diagnostic", "Report", "Severity"}


def __getattr__(name: str) -> Any:
    # The guidance engine loads on first use, keeping `import decline` light.
    if name in _LAZY:
        from decline import guidance  # noqa: PLC0415

        return getattr(guidance, name)
    raise AttributeError(f"module 'decline' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


# Show the public path in reprs and docs (decline.Offer, not decline._model.Offer).
for _name in __all__:
    _obj = globals().get(_name)
    if isinstance(_obj, type) and _obj.__module__.startswith("decline."):
        _obj.__module__ = "decline"
del _name, _obj
