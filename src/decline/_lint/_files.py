"""Finding the drafts under the paths given to ``decline check``."""

from __future__ import annotations

import errno
import fnmatch
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = ["DEFAULT_EXCLUDE", "DEFAULT_INCLUDE", "collect"]

#: The files a folder is searched for, unless ``--include`` says otherwise.
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.eml", "*.html", "*.htm")

#: Folders and files never searched (a file named on the command line still is).
DEFAULT_EXCLUDE = (
    ".*",
    "node_modules",
    "__pycache__",
    "venv",
    "build",
    "dist",
)


def _matches(relative: str, patterns: Iterable[str]) -> bool:
    """Whether a path (relative, with ``/``) or its last part matches a glob."""
    name = relative.rsplit("/", 1)[-1]
    return any(
        fnmatch.fnmatchcase(name, p) or fnmatch.fnmatchcase(relative, p)
        for p in patterns
    )


def collect(
    paths: Sequence[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
) -> tuple[list[str], list[tuple[str, str]]]:
    """The files to check under *paths*, and the paths that could not be used.

    A file named on the command line is checked whatever its name; a folder is
    searched recursively, in name order, for files that match *include* and whose
    path (relative to the folder) matches neither :data:`DEFAULT_EXCLUDE` nor
    *exclude*. ``-`` is standard input and is kept as it is. A file found twice is
    checked once.

    Returns:
        The files, in the order given (each folder's files sorted), and for each
        path that does not exist or cannot be searched, the path and the reason.

    Examples:
        >>> collect(["-"])
        (['-'], [])
    """
    files: list[str] = []
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    skipped = (*DEFAULT_EXCLUDE, *exclude)

    def add(path: str) -> None:
        key = path if path == "-" else os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for path in paths:
        if path == "-":
            add(path)
            continue
        where = Path(path)
        if where.is_dir():
            found, trouble = _walk(where, include, skipped)
            for item in found:
                add(item)
            problems.extend(trouble)
        elif where.exists() or where.is_symlink():
            add(path)
        else:
            problems.append((path, f"cannot read it: {os.strerror(errno.ENOENT)}"))
    return files, problems


def _walk(
    root: Path, include: Sequence[str], skipped: Sequence[str]
) -> tuple[list[str], list[tuple[str, str]]]:
    found: list[str] = []
    trouble: list[tuple[str, str]] = []

    def failed(exc: OSError) -> None:
        trouble.append((str(exc.filename or root), exc.strerror or type(exc).__name__))

    for folder, dirs, names in os.walk(root, onerror=failed):
        base = Path(folder)
        relative_base = base.relative_to(root).as_posix()
        prefix = "" if relative_base == "." else relative_base + "/"
        dirs[:] = sorted(d for d in dirs if not _matches(prefix + d, skipped))
        for name in sorted(names):
            relative = prefix + name
            if _matches(relative, include) and not _matches(relative, skipped):
                found.append(str(base / name))
    return found, trouble
