"""Sphinx configuration for the decline docs."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "decline"
author = "The decline maintainers"
copyright = "2026, The decline maintainers"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "rules_page",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
html_theme = "furo"
html_title = "decline"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
myst_heading_anchors = 3
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", None),
    "babel": ("https://babel.pocoo.org/en/latest/", None),
}
nitpick_ignore_regex = [
    (r"py:class", r"(attrs|_?decline)\..*\._.*|Attribute|TextIO|Traversable.*")
]
