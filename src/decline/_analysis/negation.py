"""Negation: which tokens lie in the scope of a negator ("not", "ikke", "nicht")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from decline._analysis.tokens import PUNCT

if TYPE_CHECKING:
    from collections.abc import Sequence

    from decline._analysis.lexicon import LocaleData
    from decline._analysis.phrases import Match
    from decline._analysis.tokens import Token

__all__ = ["negated", "negation_flags"]

_CLAUSE_END: Final = frozenset(",;:.!?…—–")  # noqa: RUF001


def negated(tokens: Sequence[Token], data: LocaleData) -> tuple[bool, ...]:
    """Mark the tokens that lie in the scope of a negator.

    A negator (list ``negators``) reaches the next ``negation_scope`` words. Its
    scope ends early at clause punctuation (``, ; : . ! ?``, ellipses, dashes), at a
    contrastive conjunction (``negation_breakers``), at another negator, and right
    after a verb the negation attaches to (``negation_limits``: "can't *accept*
    this great offer" negates *accept*, not *great*). Punctuation is never marked.

    In languages that put the negator last (German "Fair finde ich das *nicht*",
    Danish "Godt var det *ikke*"; ``[meta] negation_backward``), a negator that
    ends its clause also reaches back over the clause's words, up to twice its
    scope: the fronted word it negates stands at the clause's start.

    Args:
        tokens: Tokens of a sentence or a whole text.
        data: The locale's data.

    Returns:
        One flag per token.

    Examples:
        >>> from decline._analysis import load_data, tokenize
        >>> en = load_data("en")
        >>> toks = tokenize("I wasn't very impressed, but thanks.", en)
        >>> [t.text for t, neg in zip(toks, negated(toks, en)) if neg]
        ['very', 'impressed']
    """
    negators = data.lexicon["negators"].find(tokens)
    if not negators:
        return (False,) * len(tokens)
    return negation_flags(
        tokens,
        negators,
        data.lexicon["negation_breakers"].find(tokens),
        data.lexicon["negation_limits"].find(tokens),
        data.negation_scope,
        backward=data.negation_backward,
    )


def negation_flags(
    tokens: Sequence[Token],
    negators: Sequence[Match],
    breakers: Sequence[Match],
    limits: Sequence[Match],
    scope: int,
    *,
    backward: bool = False,
) -> tuple[bool, ...]:
    """:func:`negated` from matches already found (the engine finds all lists at once)."""
    flags = [False] * len(tokens)
    if not negators:
        return tuple(flags)
    stops = {m.first for m in breakers}
    stops.update(m.first for m in negators)
    attached = {m.first: m.last for m in limits}
    for m in negators:
        budget = scope
        j = m.last + 1
        while j < len(tokens) and budget:
            tok = tokens[j]
            if tok.kind == PUNCT:
                if tok.text[0] in _CLAUSE_END:
                    break
            elif j in stops:
                break
            elif j in attached:
                for k in range(j, attached[j] + 1):
                    flags[k] = tokens[k].kind != PUNCT
                break
            else:
                flags[j] = True
                budget -= 1
            j += 1
        if backward and _ends_clause(tokens, m.last + 1):
            _reach_back(tokens, m.first - 1, 2 * scope, stops, flags)
    return tuple(flags)


def _ends_clause(tokens: Sequence[Token], j: int) -> bool:
    """Whether the clause ends before ``tokens[j]`` (or the tokens end there)."""
    return j >= len(tokens) or (
        tokens[j].kind == PUNCT and tokens[j].text[0] in _CLAUSE_END
    )


def _reach_back(
    tokens: Sequence[Token], j: int, scope: int, stops: set[int], flags: list[bool]
) -> None:
    """Mark up to *scope* words before a clause-final negator, within its clause."""
    budget = scope
    while j >= 0 and budget:
        tok = tokens[j]
        if tok.kind == PUNCT:
            if tok.text[0] in _CLAUSE_END:
                return
        elif j in stops:
            return
        else:
            flags[j] = True
            budget -= 1
        j -= 1
