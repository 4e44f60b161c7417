"""The example notebook runs top to bottom, and is committed without outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK = Path(__file__).parent.parent / "examples" / "declining-an-offer.ipynb"


def test_committed_without_outputs() -> None:
    """No cell carries outputs or execution counts."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.slow
def test_executes_without_errors() -> None:
    """Every cell runs; the letters, the report and the plan display as HTML."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=120, kernel_name="python3", allow_errors=False
    )
    client.execute()
    html = [
        o
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "text/html" in o.get("data", {})
    ]
    kinds = " ".join(o["data"]["text/html"] for o in html)
    for css_class in (
        "decline-offer",
        "decline-plan",
        "decline-letter",
        "decline-report",
    ):
        assert css_class in kinds
    last = next(
        c
        for c in notebook.cells
        if c.cell_type == "code" and "fixed = report.fixed()" in c.source
    )
    assert any("True" in o.get("data", {}).get("text/plain", "") for o in last.outputs)
