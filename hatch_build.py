"""Hatch build hook: compile the gettext catalogs and the locale data into the wheel.

Every ``src/decline/locale/<ll>/LC_MESSAGES/decline.po`` is checked and compiled
to a ``.mo`` file that goes into the wheel beside it. Any catalog error (a syntax
error, a broken ``python-format`` entry, a fuzzy header) fails the build.

Every ``src/decline/_analysis/data/<locale>.toml`` is compiled as the library
compiles it at run time, and written as ``<locale>.compiled`` beside it
(``python -m decline._analysis.build``, run from the source tree in a child
process), so that a cold ``decline check`` need not compile it; the library uses
such a file only while its key matches the data and the code that read it.

Neither is ever committed; an editable install reads the ``.po`` and ``.toml``
files.
"""

from __future__ import annotations

import os
import subprocess
import sys
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
        self._compile_data(root, out / "compiled", build_data)

    def _compile_data(self, root: Path, out: Path, build_data: dict[str, Any]) -> None:
        """Compile every locale's data file into *out* and force-include it."""
        # The child sees the build environment's packages (attrs, babel) as this
        # process does, and the sources first.
        path = os.pathsep.join([str(root / "src"), *filter(None, sys.path)])
        env = {**os.environ, "PYTHONPATH": path}
        env["PYTHONDONTWRITEBYTECODE"] = "1"  # leave no __pycache__ in the sources
        done = subprocess.run(  # noqa: S603 - our own module, this interpreter
            [sys.executable, "-m", "decline._analysis.build", str(out)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            msg = f"compiling the locale data failed:\n{done.stderr}"
            raise RuntimeError(msg)
        written = sorted(out.glob("*.compiled"))
        if not written:
            raise RuntimeError("no locale data was compiled")
        for path in written:
            relative = f"decline/_analysis/data/{path.name}"
            build_data["force_include"][str(path)] = relative

    def finalize(
        self, version: str, build_data: dict[str, Any], artifact_path: str
    ) -> None:
        """Remove the temporary folder."""
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            tmp.cleanup()
