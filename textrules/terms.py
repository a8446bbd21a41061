"""The terms a text is searched by, the same for the search index (built by the ETL, see
:mod:`etl.search`) and for a search box's text (the Documents and Events pages): folded
(:func:`textrules.words.fold`), stop words and one-letter words dropped, stemmed.

The stemmer is one set of rules for the three languages, not one per language, so that a query
needs no language: plural endings (``-s``, ``-es``, ``-iones``, ``-ies``, ``-aux``) and then a
final ``a``/``o``/``e`` are removed, so ``comités`` and ``comité`` meet at ``comit``,
``meetings`` and ``meeting`` at ``meeting``, ``environnementaux`` and ``environnementale`` at
``environnemental``, ``PyMEs`` and ``PyME`` at ``pym``.

A search is a list of *alternatives*, each a list of terms: a unit (a passage or a record)
matches when it holds every term of one alternative ("economía circular" finds what speaks of
both; "Ciudad de México" also finds "Mexico City", see ``dashboard.data.search_alternatives``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from textrules.words import STOPWORDS, fold

TOKEN = re.compile(r"[^\W_]+")
STOPWORDS_FOLDED = frozenset(fold(word) for words in STOPWORDS.values() for word in words)


def stem(word: str) -> str:
    """The light stem of a folded word (see the module docstring); numbers are kept whole."""
    if len(word) < 4 or not word.isalpha():
        return word
    for suffix, replacement in (("iones", "ion"), ("aux", "al"), ("ies", "i"), ("sses", "ss")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    else:
        if word.endswith("es") and len(word) > 4 and word[-3] not in "aeiou":
            word = word[:-2]
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    if word.endswith("y"):
        word = word[:-1] + "i"
    if len(word) >= 4 and word[-1] in "aoe":
        word = word[:-1]
    return word


@dataclass(frozen=True, slots=True)
class Token:
    """A term and where its word is in the original text."""

    term: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """The index terms of ``text`` with their offsets: folded, stop words and one-letter words
    dropped, stemmed."""
    out: list[Token] = []
    for match in TOKEN.finditer(text):
        word = fold(match.group(0))
        if len(word) < 2 or word in STOPWORDS_FOLDED:
            continue
        out.append(Token(stem(word), match.start(), match.end()))
    return out


def terms(text: str) -> list[str]:
    return [t.term for t in tokenize(text)]


def query_terms(query: str) -> list[str]:
    """A search box's text as the distinct index terms to look up, in the order typed."""
    return list(dict.fromkeys(terms(query)))


def matches(unit_terms: AbstractSet[str], alternatives: Sequence[Sequence[str]]) -> bool:
    """Whether a unit holding ``unit_terms`` matches: it holds every term of one alternative
    (an empty alternative matches nothing)."""
    return any(bool(alt) and set(alt) <= unit_terms for alt in alternatives)


def all_terms(alternatives: Sequence[Sequence[str]]) -> list[str]:
    """The distinct terms of the alternatives, in order: those a match is ranked by."""
    return list(dict.fromkeys(term for alt in alternatives for term in alt))


# --- snippets -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Highlight:
    """A matched word: ``text[start:end]`` (offsets into the unit's full text) and its term."""

    start: int
    end: int
    term: str


@dataclass(frozen=True, slots=True)
class Snippet:
    """An excerpt ``text`` = full text ``[start:end]``, with the matched words inside it."""

    text: str
    start: int
    end: int
    highlights: tuple[Highlight, ...]
    full_length: int

    def marked(self, before: str = "**", after: str = "**") -> str:
        """The excerpt with each matched word wrapped (Markdown bold by default), with an
        ellipsis where the text was cut."""
        out, cursor = [], self.start
        for h in self.highlights:
            out += [self.text[cursor - self.start : h.start - self.start], before]
            out += [self.text[h.start - self.start : h.end - self.start], after]
            cursor = h.end
        out.append(self.text[cursor - self.start :])
        return ("… " if self.start else "") + "".join(out) + (" …" if self.cut_end else "")

    @property
    def cut_end(self) -> bool:
        return self.full_length > self.end


def snippet(text: str, query: Sequence[str], *, width: int = 240) -> Snippet:
    """The ``width``-character window of ``text`` holding the most distinct query terms (the
    earliest such window), cut at word boundaries, with every match in it highlighted."""
    wanted = set(query)
    matches = [t for t in tokenize(text) if t.term in wanted]
    best_start = 0
    if matches:
        best = (-1, 0)
        for i, first in enumerate(matches):
            inside = {m.term for m in matches[i:] if m.end - first.start <= width}
            if len(inside) > best[0]:
                best = (len(inside), first.start)
        best_start = max(0, best[1] - width // 5)
    if best_start:
        space = text.find(" ", best_start)
        best_start = space + 1 if 0 <= space < best_start + 30 else best_start
    end = min(len(text), best_start + width)
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", best_start, end)
        end = space if space > best_start else end
    highlights = tuple(
        Highlight(m.start, m.end, m.term) for m in matches if best_start <= m.start and m.end <= end
    )
    return Snippet(text[best_start:end], best_start, end, highlights, len(text))
