"""The global filters: their value object, URL encoding and validation (pure functions).

Every value read from a URL is checked against the codes the warehouse actually has; what is
unknown or malformed is dropped and reported as a notice, never raised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import polars as pl

from warehouse import db

PARTY_ROLES = ("host", "chair", "participant")
DEFAULT_STATUSES = ("held",)
MAX_PARAM_CHARS = 2000
"""Longer URL values are refused outright rather than split and checked item by item."""


@dataclass(frozen=True, slots=True)
class Options:
    """The codes the filters may take, read from the warehouse."""

    bodies: tuple[str, ...]
    chapters: tuple[int, ...]
    topics: tuple[str, ...]
    topic_groups: tuple[str, ...]
    parties: tuple[str, ...]
    kinds: tuple[str, ...]
    statuses: tuple[str, ...]
    confidences: tuple[str, ...]
    first_date: dt.date
    last_date: dt.date
    today: dt.date | None = None
    lists: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Every code list of the warehouse as (list name, codes) pairs, for the filters that read
    their choices by list name (:meth:`codes`); the named fields above are typed views."""

    def codes(self, list_name: str) -> tuple[str, ...]:
        """The codes of the list ``list_name`` in display order (``()`` if there is none)."""
        return dict(self.lists).get(list_name, ())

    @property
    def max_date(self) -> dt.date:
        """The latest date a period may name: the last event or today, whichever is later."""
        return max(self.last_date, self.today or self.last_date)

    @classmethod
    def from_codes(
        cls,
        codes: pl.DataFrame,
        *,
        first_date: dt.date,
        last_date: dt.date,
        today: dt.date | None = None,
    ) -> Options:
        """Build from a frame of (list_name, code) rows in display order."""
        lists: dict[str, list[str]] = {}
        for list_name, code in codes.select("list_name", "code").iter_rows():
            lists.setdefault(str(list_name), []).append(str(code))

        def get(name: str) -> tuple[str, ...]:
            return tuple(lists.get(name, ()))

        return cls(
            bodies=get("bodies"),
            chapters=tuple(int(c) for c in get("chapters")),
            topics=get("topics"),
            topic_groups=get("topic_groups"),
            parties=get("parties"),
            kinds=get("kinds"),
            statuses=get("statuses"),
            confidences=get("confidence"),
            first_date=first_date,
            last_date=last_date,
            today=today,
            lists=tuple((name, tuple(codes)) for name, codes in lists.items()),
        )


@dataclass(frozen=True, slots=True)
class Filters:
    """What the analyst asked to see. Empty tuples mean "no restriction"."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    bodies: tuple[str, ...] = ()
    chapters: tuple[int, ...] = ()
    topics: tuple[str, ...] = ()
    topic_groups: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    party_roles: tuple[str, ...] = PARTY_ROLES
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    confidences: tuple[str, ...] = ()

    def previous_period(self) -> Filters | None:
        """The same filters over the period of equal length just before this one.

        A period of whole calendar months (the 1st to a month's last day, so whole quarters and
        years too) is compared with as many whole months before it: 2025 with 2024, not with
        2024-01-02 – 2024-12-31. Any other period is compared with as many days just before it.
        """
        if self.date_from is None or self.date_to is None or self.date_from > self.date_to:
            return None
        if self.date_from.day == 1 and (self.date_to + dt.timedelta(days=1)).day == 1:
            months = _months_between(self.date_from, self.date_to + dt.timedelta(days=1))
            prev_from = _add_months(self.date_from, -months)
            return replace(self, date_from=prev_from, date_to=self.date_from - dt.timedelta(days=1))
        length = self.date_to - self.date_from
        prev_to = self.date_from - dt.timedelta(days=1)
        return replace(self, date_from=prev_to - length, date_to=prev_to)


def _months_between(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def _add_months(day_one: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after the month of ``day_one`` (a 1st)."""
    index = day_one.year * 12 + day_one.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


ENTRY_INTO_FORCE = dt.date(2020, 7, 1)
PRESETS = ("this_year", "last_year", "last_12_months", "since_entry")
"""Period presets beside the date range, in the order shown (labels: ``preset_<name>``)."""


def preset_period(name: str, today: dt.date) -> tuple[dt.date, dt.date | None]:
    """The period a preset names, as of ``today``; ``None``: open to the latest record."""
    if name == "this_year":
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    if name == "last_year":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    if name == "last_12_months":
        try:
            start = today.replace(year=today.year - 1)
        except ValueError:  # 29 February
            start = today.replace(year=today.year - 1, day=28)
        return start + dt.timedelta(days=1), today
    if name == "since_entry":
        return ENTRY_INTO_FORCE, None
    raise ValueError(f"unknown period preset {name!r} (expected one of {PRESETS})")


def with_period(
    filters: Filters, start: dt.date | None, end: dt.date | None, options: Options
) -> Filters:
    """``filters`` over ``start``–``end``, fitted to the data: a bound beyond the data's span
    on its open side restricts nothing and is dropped (as in a link)."""
    date_from = None if start is None or start <= options.first_date else start
    date_to = None if end is None or end >= options.max_date else end
    return replace(filters, date_from=date_from, date_to=date_to)


PERIOD = "period"
"""The period's name: its label key in the catalogue and its predicate in the macro."""
PERIOD_URL = ("from", "to")
"""The URL names of the period's bounds (``Filters.date_from`` and ``date_to``)."""
MACRO = "filtered_events"
"""The macro every filtered query calls with one struct, ``filtered_events($filters)``."""

Label = Callable[[str], str]
"""A label from its catalogue key, in the interface language."""
Painter = Callable[[str, object], str]
"""A code painted in the interface language: (code list name, code) → words."""


@dataclass(frozen=True, slots=True)
class Filter:
    """One filter of events: everything about it is this entry of :data:`REGISTRY`.

    - ``field``: its :class:`Filters` attribute, its session-state name, its key in the struct
      the macro takes (:func:`sql_struct`) and the name of its predicate in the macro
      (warehouse/macros/filtered_events.sql, ``-- predicate: <field>``; a test checks that
      every filter has one and that each predicate reads only its own keys);
    - ``url``: its name in a link; ``label_key``: its label in the catalogue (sidebar, reports);
    - ``list_name``: the code list its values are painted from and, unless ``choices_of``
      reads them otherwise, its choices (:meth:`Options.codes`); ``parse``: a code from text;
    - its widget: a multiselect of its choices; with ``switch``, behind a toggle whose label is
      that catalogue key (off: the default; on: every code, then narrowed);
    - ``needs``: the filter it qualifies: shown and described only while that one is set (a
      Party's role means nothing without a Party), and read by that one's predicate.
    """

    field: str
    url: str
    label_key: str
    list_name: str
    choices_of: Callable[[Options], tuple[str, ...]] | None = None
    parse: Callable[[str], str | int] = str
    needs: str | None = None
    switch: str | None = None

    @property
    def predicate(self) -> str:
        """The SQL that applies this filter: its predicate in the macro (the one it qualifies,
        for a filter with ``needs``)."""
        return db.macro_predicates(MACRO)[self.needs or self.field]

    def choices(self, options: Options) -> tuple[str, ...]:
        """The codes it may take (as text, as a URL and a widget hold them)."""
        if self.choices_of is not None:
            return self.choices_of(options)
        return options.codes(self.list_name)

    def codes(self, filters: Filters) -> tuple[str | int, ...]:
        value: tuple[str | int, ...] = getattr(filters, self.field)
        return value

    def default(self) -> tuple[str | int, ...]:
        return self.codes(Filters())

    def with_codes(self, filters: Filters, codes: Sequence[str]) -> Filters:
        """``filters`` with this filter set to ``codes`` (as strings; parsed here), or to its
        default when ``codes`` is empty."""
        parsed = tuple(self.parse(c) for c in codes) or self.default()
        changes: dict[str, Any] = {self.field: parsed}
        return replace(filters, **changes)

    def applies(self, filters: Filters) -> bool:
        """Whether this filter restricts anything in ``filters`` (for reports and links)."""
        if self.needs is not None and not getattr(filters, self.needs):
            return False
        return bool(self.codes(filters)) and self.codes(filters) != self.default()

    def describe(self, filters: Filters, *, label: Label, name: Painter) -> tuple[str, str] | None:
        """Its row in a report, ("Parties", "Mexico, Canada"), or ``None`` when it restricts
        nothing. A filter behind a switch reads whenever it has codes, so a report says it
        counts held events only."""
        codes = self.codes(filters)
        if not (self.applies(filters) or (self.switch is not None and codes)):
            return None
        return label(self.label_key), ", ".join(name(self.list_name, c) for c in codes)


REGISTRY: tuple[Filter, ...] = (
    Filter("bodies", "body", "bodies", "bodies", lambda o: o.bodies),
    Filter(
        "chapters", "chapter", "chapters", "chapters", lambda o: tuple(map(str, o.chapters)), int
    ),
    Filter("topic_groups", "tgroup", "topic_groups", "topic_groups", lambda o: o.topic_groups),
    Filter("topics", "topic", "topics", "topics", lambda o: o.topics),
    Filter("parties", "party", "parties", "parties", lambda o: o.parties),
    Filter(
        "party_roles",
        "role",
        "party_roles",
        "party_roles",
        lambda o: PARTY_ROLES,
        needs="parties",
    ),
    Filter("kinds", "kind", "kinds", "kinds", lambda o: o.kinds),
    Filter(
        "statuses",
        "status",
        "statuses",
        "statuses",
        lambda o: o.statuses,
        switch="include_all_statuses",
    ),
    Filter("confidences", "conf", "confidences", "confidence", lambda o: o.confidences),
)
"""Every filter of events, in the order the sidebar shows them and reports describe them. The
sidebar, the URL, the cache keys, the reports and the SQL binding all read this tuple when
they run, so a new filter is one entry here, one field of :class:`Filters` and one predicate
in the macro (docs/filters.md; tests check the three agree)."""


def by_field(field_name: str) -> Filter:
    """The filter whose :class:`Filters` attribute is ``field_name``."""
    return next(spec for spec in REGISTRY if spec.field == field_name)


def sql_struct(filters: Filters) -> dict[str, Any]:
    """The one value the macro takes, ``filtered_events($filters)``: the period's bounds and
    each filter's codes under its field name (DuckDB binds a dict as a struct). Values only:
    the SQL is fixed in the macro whatever the filters hold."""
    struct: dict[str, Any] = {"date_from": filters.date_from, "date_to": filters.date_to}
    struct.update({spec.field: list(spec.codes(filters)) for spec in REGISTRY})
    return struct


URL_NAMES: tuple[str, ...] = (*PERIOD_URL, *(spec.url for spec in REGISTRY))
"""Every URL parameter the filters read."""


@dataclass(frozen=True, slots=True)
class Notice:
    """A URL value that was ignored, and why (shown to the user, never raised)."""

    param: str
    value: str
    reason: str = field(default="unknown")
    """A code (``unknown``, ``not_a_date``, ``too_long``, ``after``, ``before``, ``after_to``),
    worded in the interface language by the catalogue's ``notice_<reason>``."""
    detail: str = ""
    """The bound a date passed (``after`` and ``before``)."""


def _clip(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


def _parse_date(name: str, raw: str, options: Options) -> tuple[dt.date | None, Notice | None]:
    """A period bound from the URL, fitted to the dates the data and the date picker span.

    A bound beyond the data on its open side (``from`` before the first event, ``to`` after
    the last one or today) restricts nothing and becomes open; one that would leave the
    picker's range on its closed side is dropped with a notice.
    """
    try:
        value = dt.date.fromisoformat(raw.strip())
    except ValueError:
        return None, Notice(name, _clip(raw), "not_a_date")
    if name == "from":
        if value < options.first_date:
            return None, None
        if value > options.max_date:
            return None, Notice(name, value.isoformat(), "after", str(options.max_date))
    else:
        if value > options.max_date:
            return None, None
        if value < options.first_date:
            return None, Notice(name, value.isoformat(), "before", str(options.first_date))
    return value, None


def parse_url(params: Mapping[str, str], options: Options) -> tuple[Filters, list[Notice]]:
    """Filters from URL query parameters; anything unknown is dropped with a notice."""
    by_url = {spec.url: spec for spec in REGISTRY}
    values: dict[str, Any] = {}
    notices: list[Notice] = []
    for name, raw in params.items():
        if (name not in by_url and name not in PERIOD_URL) or raw == "":
            continue
        if not isinstance(raw, str) or len(raw) > MAX_PARAM_CHARS:
            notices.append(Notice(name, _clip(str(raw)), "too_long"))
            continue
        if name in PERIOD_URL:
            value, notice = _parse_date(name, raw, options)
            if value is not None:
                values["date_from" if name == "from" else "date_to"] = value
            if notice is not None:
                notices.append(notice)
            continue
        spec = by_url[name]
        kept, unknown = keep_known(raw.split(","), spec.choices(options))
        notices += [Notice(name, _clip(item), "unknown") for item in unknown]
        if kept:
            values[spec.field] = tuple(spec.parse(k) for k in kept)
    filters = Filters(**values)
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        notices.append(Notice("from", str(filters.date_from), "after_to"))
        filters = replace(filters, date_from=None, date_to=None)
    return filters, notices


def keep_known(items: Sequence[str], allowed: Sequence[str]) -> tuple[list[str], list[str]]:
    """(known items once each in their order, unknown items once each); blanks are skipped."""
    kept: list[str] = []
    unknown: list[str] = []
    for item in (part.strip() for part in items):
        if item in allowed:
            if item not in kept:
                kept.append(item)
        elif item and item not in unknown:
            unknown.append(item)
    return kept, unknown


def to_url(filters: Filters) -> dict[str, str]:
    """Query parameters (codes only) for the filters that differ from the defaults."""
    out: dict[str, str] = {}
    for name, value in zip(PERIOD_URL, (filters.date_from, filters.date_to), strict=True):
        if value is not None:
            out[name] = value.isoformat()
    for spec in REGISTRY:
        codes = spec.codes(filters)
        if codes and codes != spec.default():
            out[spec.url] = ",".join(str(c) for c in codes)
    return out


def describe(filters: Filters, *, label: Label, name: Painter) -> list[tuple[str, str]]:
    """(label, value) pairs of the filters that restrict anything, for reports and captions:
    the period, then each filter's own description (:meth:`Filter.describe`).

    ``label`` gives a filter's label from its catalogue key (``"period"`` included); ``name``
    paints a code of a list (list name, code).
    """
    rows: list[tuple[str, str]] = []
    if filters.date_from or filters.date_to:
        start = filters.date_from.isoformat() if filters.date_from else "…"
        end = filters.date_to.isoformat() if filters.date_to else "…"
        rows.append((label(PERIOD), f"{start} – {end}"))
    for spec in REGISTRY:
        row = spec.describe(filters, label=label, name=name)
        if row is not None:
            rows.append(row)
    return rows
