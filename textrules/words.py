"""Words of Spanish, English and French texts: folding, stop words, months and ordinals.

Every list is written once, here, per language; the lookups the ETL, search and drafting use
(a month word → its number, an ordinal word → its number) are derived from these lists.
"""

from __future__ import annotations

import unicodedata
from typing import Final, Literal

Language = Literal["es", "en", "fr"]
LANGUAGES: Final[tuple[Language, ...]] = ("es", "en", "fr")

PLAIN: Final = str.maketrans(
    {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th"}
)
"""Letters that carry no combining accent to strip, spelt in plain letters."""


def fold(text: str) -> str:
    """Lower case without accents: ``"Diálogo"`` → ``"dialogo"``, ``"œuvre"`` → ``"oeuvre"``.
    What search indexes and looks up, and what every accent- and case-blind comparison
    compares."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(PLAIN))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_aligned(text: str) -> str:
    """:func:`fold`, one character for one (a letter that folds to two keeps its base
    letter): offsets in the folded text are offsets in ``text``; the typographic apostrophe
    becomes ``'``. For patterns matched on folded text whose matches point into the text."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)[:1] or ch
        low = base.lower()
        out.append(low if len(low) == 1 else base)
    return "".join(out).replace("’", "'")


def ascii_fold(text: str) -> str:
    """:func:`fold` in ASCII: any other letter is dropped (for file names)."""
    return fold(text).encode("ascii", "ignore").decode("ascii")


def _names(words: str) -> tuple[str, ...]:
    return tuple(words.split())


def _written(words: str) -> frozenset[str]:
    return frozenset(words.split())


STOPWORDS: Final[dict[Language, frozenset[str]]] = {
    "es": _written(
        """
        a al algo ante como con contra cual cuales de del desde donde durante e el ella ellas
        ellos en entre era es esa ese eso esta estas este esto estos fue fueron ha han hay la las
        le les lo los más muy ni no o os otra otro para pero por porque que quien se sea ser si
        sin sobre son su sus también tan tiene toda todo todos tras un una uno unos y ya
        """
    ),
    "en": _written(
        """
        an and are as at be been but by for from had has have he her his if in into is it its of
        on or our she so than that the their them then there these they this those to was we
        were which while who will with would
        """
    ),
    "fr": _written(
        """
        à au aux avec ce ces cette dans de des du elle en est et été était il ils je la le les
        leur leurs mais même ne nous on ont ou par pas pour qu que qui sa sans ses sont sur ta un
        une vous
        """
    ),
}
"""Function words as written (accents tell "reunión" from "réunion"): language detection counts
them, and search leaves them out of its terms, folded and all three languages' at once since a
query has no language."""

MEETING_WORDS: Final[dict[Language, frozenset[str]]] = {
    "es": _written("sesión reunión"),
    "en": _written("meeting"),
    "fr": _written("réunion"),
}
"""Words the texts of this project use in one language often enough to tell it (searchable:
not stop words)."""

MONTH_NAMES: Final[dict[Language, tuple[str, ...]]] = {
    "es": _names(
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ),
    "en": _names(
        "January February March April May June July August September October November December"
    ),
    "fr": _names(
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    ),
}
"""The months as each language writes them in a date ("21 de septiembre", "21 septembre")."""
MONTH_SPELLINGS: Final[dict[str, int]] = {
    "setiembre": 9,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
"""Other spellings, and the English abbreviations ("Sept. 21, 2023"; "may" is the name)."""


def _month_numbers() -> dict[str, int]:
    numbers: dict[str, int] = {}
    for names in MONTH_NAMES.values():
        for number, name in enumerate(names, start=1):
            numbers[name.lower()] = numbers[fold(name)] = number
    return {**numbers, **MONTH_SPELLINGS}


MONTHS: Final[dict[str, int]] = _month_numbers()
"""A month word in lower case, accented or folded, or its abbreviation → its number."""

ORDINAL_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "en": _names("First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth"),
    "es_m": _names("Primer Segundo Tercer Cuarto Quinto Sexto Séptimo Octavo Noveno Décimo"),
    "es_f": _names("Primera Segunda Tercera Cuarta Quinta Sexta Séptima Octava Novena Décima"),
    "fr": _names(
        "Premier Deuxième Troisième Quatrième Cinquième Sixième Septième Huitième Neuvième Dixième"
    ),
}
"""The first ten ordinals as a title writes them, per language (and gender in Spanish: "Primer
Diálogo", "Primera Reunión")."""
ORDINAL_SPELLINGS: Final[dict[str, int]] = {
    "primero": 1,
    "tercero": 3,
    "premiere": 1,
    "seconde": 2,
    "first-ever": 1,
    "inaugural": 1,
    "inaugurale": 1,
    "toute premiere": 1,
}
"""Other words for the first ten, folded: the forms a title does not use."""
ORDINAL_SUFFIXES: Final[dict[int, tuple[str, ...]]] = {
    1: ("er", "re", "a", "o", "st"),
    2: ("a", "o", "nd", "e", "eme"),
    3: ("a", "o", "rd", "e", "eme"),
}
"""Suffixes of an ordinal in figures ("1er", "2nd", "3a"), folded; others take
``a o th e eme``."""


def _ordinal_numbers() -> dict[str, int]:
    numbers: dict[str, int] = {}
    for names in ORDINAL_NAMES.values():
        numbers.update({fold(name): n for n, name in enumerate(names, start=1)})
    for n in range(1, 11):
        suffixes = ORDINAL_SUFFIXES.get(n, ("a", "o", "th", "e", "eme"))
        numbers.update({f"{n}{suffix}": n for suffix in suffixes})
    return {**numbers, **ORDINAL_SPELLINGS}


ORDINALS: Final[dict[str, int]] = _ordinal_numbers()
"""An ordinal word or abbreviation from one to ten, folded → its number."""
