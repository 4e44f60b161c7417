"""Every Examples: section in the package's docstrings runs and is right."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import decline

MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(decline.__path__, prefix="decline.")
    if name != "decline.__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    """The module's docstring examples pass."""
    module = importlib.import_module(name)
    result = doctest.testmod(
        module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    )
    assert result.failed == 0


def test_there_are_examples() -> None:
    """The public API documents itself with runnable examples."""
    finder = doctest.DocTestFinder()
    count = sum(
        len(t.examples)
        for name in MODULES
        for t in finder.find(importlib.import_module(name))
    )
    assert count >= 20
