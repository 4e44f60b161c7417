"""Text analysis: tokens, sentences, phrase matching and negation, driven by locale data.

This layer knows nothing of letters, offers or rules. It reads text in one locale:

- :mod:`~decline._analysis.tokens` cuts a text into words, numbers, punctuation,
  URLs and e-mail addresses;
- :mod:`~decline._analysis.phrases` compiles lexicon entries into tries and finds
  them in token sequences;
- :mod:`~decline._analysis.lexicon` holds one locale's lists
  (:class:`LocaleData`) and matches them all in one pass;
- :mod:`~decline._analysis.datafile` reads and validates ``data/<locale>.toml``;
- :mod:`~decline._analysis.sentences` finds sentence ends;
- :mod:`~decline._analysis.negation` marks the scope of negators;
- :mod:`~decline._analysis.morphology` reduces words to stems and finds negative
  parts of compounds; :mod:`~decline._analysis.constructions` holds patterns with
  their examples; :mod:`~decline._analysis.tone` scores how critical a sentence
  reads.
- :mod:`~decline._analysis.reading` reads the prose of Markdown, HTML and e-mail
  sources and maps it back to the source;
- :mod:`~decline._analysis.detection` tells which locale a text is written in.

Everything language-specific lives in ``data/<locale>.toml``, so adding a locale
needs a data file and no code. Every function runs in time linear in its input.
The guidance rules (:mod:`decline.guidance`) sit on top of this layer; the layer
never imports them.
"""

from __future__ import annotations

from decline._analysis.datafile import (
    Addressing,
    available_data,
    load_addressing,
    load_data,
    load_tone,
)
from decline._analysis.lexicon import REASON_KINDS, REQUIRED_LISTS, LocaleData
from decline._analysis.negation import negated, negation_flags
from decline._analysis.phrases import Match, PhraseSet
from decline._analysis.reading import FORMATS, Comment, Reading, read
from decline._analysis.sentences import (
    Sentence,
    Text,
    analyse,
    signs_off,
    split_sentences,
)
from decline._analysis.tokens import Token, tokenize

__all__ = [
    "FORMATS",
    "REASON_KINDS",
    "REQUIRED_LISTS",
    "Addressing",
    "Comment",
    "LocaleData",
    "Match",
    "PhraseSet",
    "Reading",
    "Sentence",
    "Text",
    "Token",
    "analyse",
    "available_data",
    "load_addressing",
    "load_data",
    "load_tone",
    "negated",
    "negation_flags",
    "read",
    "signs_off",
    "split_sentences",
    "tokenize",
]
