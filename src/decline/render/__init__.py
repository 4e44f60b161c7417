"""Renderers: one small module per output format.

Each module has a ``render(letter)`` function; :class:`~decline.Letter` calls them
lazily, so ``import decline`` does not load :mod:`email` or :mod:`html`.

- :mod:`decline.render.text` — plain text (the default)
- :mod:`decline.render.markdown` — Markdown, values escaped
- :mod:`decline.render.html` — a self-contained HTML fragment, values escaped
- :mod:`decline.render.email` — :class:`email.message.EmailMessage`
- :mod:`decline.render.dict` — JSON-safe dictionaries, and back
"""

from __future__ import annotations

import re

#: A line that is nothing but a link (the thank-you note lists links this way).
URL_LINE = re.compile(r"^https?://[^\s<>\"'`]+$")

__all__ = ["URL_LINE"]
