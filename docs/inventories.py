"""Offline intersphinx inventories for the Python and Babel objects the docs link to.

The docs build runs without network access, so instead of downloading
``objects.inv`` the build writes small inventories from the table below. Links still
point to the real pages on docs.python.org and babel.pocoo.org. Add a row when the
docs start linking to something new (``sphinx-build -n`` names what is missing).
"""

from __future__ import annotations

import zlib
from pathlib import Path

PYTHON = {
    # name: (role, page, anchor or "" for the page itself)
    "datetime.date": ("py:class", "library/datetime.html", "datetime.date"),
    "datetime.datetime": ("py:class", "library/datetime.html", "datetime.datetime"),
    "datetime": ("py:module", "library/datetime.html", "module-datetime"),
    "email.message.EmailMessage": (
        "py:class",
        "library/email.message.html",
        "email.message.EmailMessage",
    ),
    "email.headerregistry.Address": (
        "py:class",
        "library/email.headerregistry.html",
        "email.headerregistry.Address",
    ),
    "smtplib": ("py:module", "library/smtplib.html", "module-smtplib"),
    "email": ("py:module", "library/email.html", "module-email"),
    "html": ("py:module", "library/html.html", "module-html"),
    "collections.abc.Mapping": (
        "py:class",
        "library/collections.abc.html",
        "collections.abc.Mapping",
    ),
    "collections.abc.Iterable": (
        "py:class",
        "library/collections.abc.html",
        "collections.abc.Iterable",
    ),
    "collections.abc.Sequence": (
        "py:class",
        "library/collections.abc.html",
        "collections.abc.Sequence",
    ),
    "collections.abc.Iterator": (
        "py:class",
        "library/collections.abc.html",
        "collections.abc.Iterator",
    ),
    "pathlib.Path": ("py:class", "library/pathlib.html", "pathlib.Path"),
    "typing.Any": ("py:data", "library/typing.html", "typing.Any"),
    "typing.Literal": ("py:data", "library/typing.html", "typing.Literal"),
    "typing.TextIO": ("py:class", "library/typing.html", "typing.TextIO"),
    "argparse.Namespace": ("py:class", "library/argparse.html", "argparse.Namespace"),
    "ValueError": ("py:exception", "library/exceptions.html", "ValueError"),
    "TypeError": ("py:exception", "library/exceptions.html", "TypeError"),
    "LookupError": ("py:exception", "library/exceptions.html", "LookupError"),
    "KeyError": ("py:exception", "library/exceptions.html", "KeyError"),
    "Exception": ("py:exception", "library/exceptions.html", "Exception"),
    "RuntimeWarning": ("py:exception", "library/exceptions.html", "RuntimeWarning"),
    "str": ("py:class", "library/stdtypes.html", "str"),
    "int": ("py:class", "library/functions.html", "int"),
    "bool": ("py:class", "library/functions.html", "bool"),
    "dict": ("py:class", "library/stdtypes.html", "dict"),
    "tuple": ("py:class", "library/stdtypes.html", "tuple"),
    "list": ("py:class", "library/stdtypes.html", "list"),
    "frozenset": ("py:class", "library/stdtypes.html", "frozenset"),
    "object": ("py:class", "library/functions.html", "object"),
    "None": ("py:data", "library/constants.html", "None"),
    "float": ("py:class", "library/functions.html", "float"),
    "enum.Enum": ("py:class", "library/enum.html", "enum.Enum"),
    # The package imports `datetime as dt`; its annotations say dt.date.
    "dt.date": ("py:class", "library/datetime.html", "datetime.date"),
    "dt.datetime": ("py:class", "library/datetime.html", "datetime.datetime"),
    "dt.time": ("py:class", "library/datetime.html", "datetime.time"),
    "dt.timedelta": ("py:class", "library/datetime.html", "datetime.timedelta"),
    "datetime.time": ("py:class", "library/datetime.html", "datetime.time"),
    "datetime.timedelta": ("py:class", "library/datetime.html", "datetime.timedelta"),
    "EmailMessage": (
        "py:class",
        "library/email.message.html",
        "email.message.EmailMessage",
    ),
    "Path": ("py:class", "library/pathlib.html", "pathlib.Path"),
}
BABEL = {
    "babel.lists.format_list": (
        "py:function",
        "api/lists.html",
        "babel.lists.format_list",
    ),
    "babel.dates.format_date": (
        "py:function",
        "api/dates.html",
        "babel.dates.format_date",
    ),
    "babel.core.Locale": ("py:class", "api/core.html", "babel.core.Locale"),
    "babel.Locale": ("py:class", "api/core.html", "babel.core.Locale"),
    "babel.support.Translations": (
        "py:class",
        "api/support.html",
        "babel.support.Translations",
    ),
    "babel.messages.catalog.Catalog": (
        "py:class",
        "api/messages/catalog.html",
        "babel.messages.catalog.Catalog",
    ),
    "babel.messages.Catalog": (
        "py:class",
        "api/messages/catalog.html",
        "babel.messages.catalog.Catalog",
    ),
}


def write(path: Path, project: str, rows: dict[str, tuple[str, str, str]]) -> Path:
    """Write an objects.inv (version 2) for *rows*."""
    lines = [
        f"{name} {role} 1 {page}#{anchor} -" if anchor else f"{name} {role} 1 {page} -"
        for name, (role, page, anchor) in sorted(rows.items())
    ]
    header = f"# Sphinx inventory version 2\n# Project: {project}\n# Version: \n# The remainder of this file is compressed using zlib.\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        header.encode() + zlib.compress(("\n".join(lines) + "\n").encode())
    )
    return path


def build(folder: Path) -> dict[str, tuple[str, str]]:
    """Write both inventories and return an ``intersphinx_mapping``."""
    return {
        "python": (
            "https://docs.python.org/3",
            str(write(folder / "python.inv", "Python", PYTHON)),
        ),
        "babel": (
            "https://babel.pocoo.org/en/latest",
            str(write(folder / "babel.inv", "Babel", BABEL)),
        ),
    }
