"""``python -m decline._analysis.build OUT``: compile every locale's data into OUT.

The wheel build (``hatch_build.py``) runs this from the source tree; see
:mod:`decline._analysis.prebuilt` for what is written and when it is used. It sits
above :mod:`~decline._analysis.datafile` and
:mod:`~decline._analysis.prebuilt`, so that neither imports the other's way up.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from decline._analysis import prebuilt
from decline._analysis.datafile import available_data, compile_data, read_tone

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Compile every locale into the one folder *argv* names; 2 on a usage error."""
    args = sys.argv[1:] if argv is None else list(argv)
    if len(args) != 1:
        sys.stderr.write("usage: python -m decline._analysis.build OUT\n")
        return 2
    for path in prebuilt.build(
        Path(args[0]), compile_data, available_data(), read_tone
    ):
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
