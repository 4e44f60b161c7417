"""The one-way house: every module sits in a layer, and no layer imports one above it."""

from __future__ import annotations

import pkgutil
import sys
from pathlib import Path

import pytest

import decline

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PYPROJECT = Path(__file__).parent.parent / "pyproject.toml"


def _contracts() -> list[dict[str, object]]:
    with PYPROJECT.open("rb") as fh:
        config = tomllib.load(fh)
    contracts: list[dict[str, object]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def _layer_modules(layers: object) -> set[str]:
    assert isinstance(layers, list)
    return {
        name.strip()
        for layer in layers
        for name in str(layer).replace(":", "|").split("|")
    }


def test_the_layers_contracts_hold() -> None:
    """import-linter finds no import from a lower layer into a higher one."""
    from importlinter.cli import lint_imports

    assert (
        lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True) == 0
    )


def test_every_top_level_module_is_in_a_layer() -> None:
    """A new module must be given a layer, or the contract would not see it."""
    top = next(c for c in _contracts() if "containers" not in c)
    placed = _layer_modules(top["layers"])
    modules = {
        f"decline.{info.name}"
        for info in pkgutil.iter_modules(decline.__path__)
        if info.name not in ("__main__", "_version")
    }
    assert modules == placed


@pytest.mark.parametrize("container", ["decline.guidance", "decline._analysis"])
def test_every_module_of_a_layered_package_is_in_a_layer(container: str) -> None:
    """Inside guidance and the analysis too, each module has its place."""
    contract = next(c for c in _contracts() if c.get("containers") == [container])
    placed = _layer_modules(contract["layers"])
    package = sys.modules.get(container) or __import__(container, fromlist=["_"])
    modules = {info.name for info in pkgutil.iter_modules(package.__path__)}
    assert modules == placed
