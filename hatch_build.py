"""Hatch build hook: compile the gettext catalogs into the wheel.

Every ``src/decline/locale/<ll>/LC_MESSAGES/decline.po`` is checked and compiled
to a ``.mo`` file that goes into the wheel beside it. Any catalog error (a syntax
error, a broken ``python-format`` entry, a fuzzy header) fails the build. The
``.mo`` files are never committed; an editable install reads the ``.po`` files.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile ``.po`` to ``.mo`` for wheels."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile every catalog into a temporary folder and force-include it."""
        if self.target_name != "wheel" or version == "editable":
            return
        from babel.messages.mofile import write_mo  # noqa: PLC0415 - build-time only
        from babel.messages.pofile import read_po  # noqa: PLC0415

        root = Path(self.root)
        self._tmp = tempfile.TemporaryDirectory(prefix="decline-mo-")
        out = Path(self._tmp.name)
        catalogs = sorted(
            (root / "src" / "decline" / "locale").glob("*/LC_MESSAGES/*.po")
        )
        if not catalogs:
            raise RuntimeError("no catalogs found under src/decline/locale")
        for po_path in catalogs:
            language = po_path.parts[-3]
            with po_path.open("rb") as fh:
                try:
                    catalog = read_po(fh, locale=language, abort_invalid=True)
                except Exception as exc:
                    raise RuntimeError(f"{po_path}: {exc}") from exc
            problems = [
                f"{message.id!r}: {error}"
                for message, errors in catalog.check()
                for error in errors
            ]
            if problems:
                raise RuntimeError(f"{po_path}: " + "; ".join(problems))
            mo_path = out / language / "LC_MESSAGES" / po_path.with_suffix(".mo").name
            mo_path.parent.mkdir(parents=True, exist_ok=True)
            with mo_path.open("wb") as fh:
                write_mo(fh, catalog)
            relative = f"decline/locale/{language}/LC_MESSAGES/{mo_path.name}"
            build_data["force_include"][str(mo_path)] = relative

    def finalize(
        self, version: str, build_data: dict[str, Any], artifact_path: str
    ) -> None:
        """Remove the temporary folder."""
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            tmp.cleanup()
