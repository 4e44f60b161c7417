"""Sphinx configuration for the decline docs."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import inventories

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
# Offline inventories (the build has no network); links go to the real sites.
intersphinx_mapping = inventories.build(
    Path(__file__).parent / "_build" / "inventories"
)
nitpick_ignore_regex = [
    (r"py:class", r"(attrs|_?decline)\..*\._.*|Attribute|TextIO|Traversable.*")
]

# Docstring examples run with the names their modules define.
doctest_global_setup = """
import datetime as dt
from decline import *
from decline import check
from decline.guidance import classify
from decline.tones import *
from decline.tones import all_tones, unregister, validate_tone
from decline.guidance import Severity, Report, Diagnostic
from decline._letter import Letter, LetterKind
from decline._plan import Step
from decline._model import ReasonKind
from decline._plan import plan
from decline._i18n import available_locales, negotiate
"""
