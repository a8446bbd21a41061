"""Numbers, percentages, dates and lists as each language writes them (Babel, CLDR data).

:func:`dashboard.i18n.t` and :func:`dashboard.i18n.t_n` pass every placeholder value through
:func:`value`, so a count reads "100 000" in French, "100.000" in Spanish and "100,000" in
English without the caller doing anything; text stays as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Final

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent, get_decimal_symbol, get_group_symbol

WRITTEN_AS_IS: Final = frozenset({"year", "years", "chapter", "article", "passage_no", "id"})
"""Placeholders whose numbers name something (a year, a chapter, an article) rather than count
it: "2024" and "Ch. 31" are never grouped into "2,024"."""


def number(value: float, lang: str) -> str:
    """``value`` with the language's digit grouping and decimal sign: 100 000 / 100.000 /
    100,000."""
    return format_decimal(value, locale=lang)


def percent(share: float, lang: str) -> str:
    """``share`` (0.42) as a whole percentage: "42 %" in French and Spanish, "42%" in
    English."""
    return format_percent(share, locale=lang)


def date(value: dt.date, lang: str, *, form: str = "long") -> str:
    """``value`` written out: "6 de diciembre de 2026", "December 6, 2026", "6 décembre 2026"."""
    return format_date(value, format=form, locale=lang)


def join(items: Iterable[str], lang: str, *, alternatives: bool = False) -> str:
    """``items`` as a list in running text: "A, B y C" / "A, B and C" / "A, B et C" (with
    ``alternatives``: "A, B o C" / "A, B or C" / "A, B ou C")."""
    return format_list(list(items), style="or" if alternatives else "standard", locale=lang)


def value(name: str, raw: object, lang: str) -> object:
    """A placeholder's value as the reader should see it: numbers grouped (except those in
    :data:`WRITTEN_AS_IS`), dates written out; anything else as given."""
    if isinstance(raw, bool) or name in WRITTEN_AS_IS:
        return raw
    if isinstance(raw, int | float):
        return number(raw, lang)
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return date(raw, lang)
    return raw


def values(raw: Mapping[str, object], lang: str) -> dict[str, object]:
    """Every placeholder value passed through :func:`value`."""
    return {name: value(name, v, lang) for name, v in raw.items()}


def plotly_separators(lang: str) -> str:
    """Plotly's ``layout.separators`` for ``lang``: its decimal sign, then its group sign, so
    chart axes and hovers read like the text around them."""
    locale = Locale.parse(lang)
    return get_decimal_symbol(locale) + get_group_symbol(locale)
