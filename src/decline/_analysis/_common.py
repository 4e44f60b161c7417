"""Helpers the text-analysis modules share: bounded memos and cheap tuple records.

Words, chunks and word pairs are remembered in plain dictionaries: letters are mostly
made of the same few hundred words. Each memo holds at most :data:`MEMO_SIZE` entries
and never a key longer than :data:`MEMO_KEY_MAX` characters, so its size in bytes is
bounded too.
"""

from __future__ import annotations

from typing import Final, TypeVar

__all__ = ["MEMO_KEY_MAX", "MEMO_SIZE", "new_tuple", "remember", "type_name", "widen"]

MEMO_SIZE: Final = 16_384  # entries per memo before it starts afresh
MEMO_KEY_MAX: Final = 40  # characters: longer words and chunks are not remembered

_K = TypeVar("_K")
_V = TypeVar("_V")


def remember(
    memo: dict[_K, _V], key: _K, value: _V, length: int, size: int | None = None
) -> _V:
    """Store *value* in a memo of at most :data:`MEMO_SIZE` (or *size*) short keys.

    *length* is the key's length in characters (a pair's longer word); a key over
    :data:`MEMO_KEY_MAX` is not stored, so a memo's size in bytes is bounded too.
    """
    if length > MEMO_KEY_MAX:
        return value
    if len(memo) >= (MEMO_SIZE if size is None else size):
        memo.clear()
    memo[key] = value
    return value


#: Make a named tuple (Token, Match, Sentence) without its Python-level ``__new__``.
new_tuple: Final = tuple.__new__


def type_name(value: object) -> str:
    """The name of *value*'s type, for error messages."""
    return type(value).__name__


def widen(value: object) -> object:
    """Widen a value's static type, to check at run time what callers may get wrong."""
    return value
