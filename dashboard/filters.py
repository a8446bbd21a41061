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

    def params(self) -> dict[str, Any]:
        """The parameters of the ``filtered_events`` macro, as every filtered query takes them."""
        params: dict[str, Any] = {"date_from": self.date_from, "date_to": self.date_to}
        params.update({spec.field: list(spec.codes(self)) for spec in LIST_FILTERS})
        return params

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


PERIOD_URL = ("from", "to")
"""The URL names of the period's bounds (``Filters.date_from`` and ``date_to``)."""


@dataclass(frozen=True, slots=True)
class ListFilter:
    """One list filter, everything about it in one entry.

    ``field`` is at once the :class:`Filters` attribute, the session-state name and the
    parameter of the ``filtered_events`` macro (warehouse/macros/filtered_events.sql); ``url``
    is its name in a link; ``label_key`` names its label in the catalogue (widget and report);
    ``list_name`` is the code list its values are painted from; ``choices`` gives the codes it
    may take. A filter with ``needs`` is shown and described only while that filter is set
    (a Party's role means nothing without a Party); one with ``switch`` sits behind a toggle
    whose label is that catalogue key (off: the default; on: every code, then narrowed).
    """

    field: str
    url: str
    label_key: str
    list_name: str
    choices: Callable[[Options], tuple[str, ...]]
    parse: Callable[[str], str | int] = str
    needs: str | None = None
    switch: str | None = None

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


LIST_FILTERS: tuple[ListFilter, ...] = (
    ListFilter("bodies", "body", "bodies", "bodies", lambda o: o.bodies),
    ListFilter(
        "chapters", "chapter", "chapters", "chapters", lambda o: tuple(map(str, o.chapters)), int
    ),
    ListFilter("topic_groups", "tgroup", "topic_groups", "topic_groups", lambda o: o.topic_groups),
    ListFilter("topics", "topic", "topics", "topics", lambda o: o.topics),
    ListFilter("parties", "party", "parties", "parties", lambda o: o.parties),
    ListFilter(
        "party_roles",
        "role",
        "party_roles",
        "party_roles",
        lambda o: PARTY_ROLES,
        needs="parties",
    ),
    ListFilter("kinds", "kind", "kinds", "kinds", lambda o: o.kinds),
    ListFilter(
        "statuses",
        "status",
        "statuses",
        "statuses",
        lambda o: o.statuses,
        switch="include_all_statuses",
    ),
    ListFilter("confidences", "conf", "confidences", "confidence", lambda o: o.confidences),
)
"""Every list filter, in the order the sidebar shows them and reports describe them. A new
filter is one entry here, one field of :class:`Filters` and one parameter of the macro (a test
checks the three agree)."""

BY_URL: Mapping[str, ListFilter] = {spec.url: spec for spec in LIST_FILTERS}
BY_FIELD: Mapping[str, ListFilter] = {spec.field: spec for spec in LIST_FILTERS}
URL_NAMES: tuple[str, ...] = (*PERIOD_URL, *BY_URL)
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
    values: dict[str, Any] = {}
    notices: list[Notice] = []
    for name, raw in params.items():
        if name not in URL_NAMES or raw == "":
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
        spec = BY_URL[name]
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
    for spec in LIST_FILTERS:
        codes = spec.codes(filters)
        if codes and codes != spec.default():
            out[spec.url] = ",".join(str(c) for c in codes)
    return out


def describe(
    filters: Filters, *, label: Callable[[str], str], name: Callable[[str, object], str]
) -> list[tuple[str, str]]:
    """(label, value) pairs of the filters that restrict anything, for reports and captions.

    ``label`` gives a filter's label from its catalogue key (``"period"`` included); ``name``
    paints a code of a list (list name, code). Status always reads, even at its default, so
    a report says it counts held events only.
    """
    rows: list[tuple[str, str]] = []
    if filters.date_from or filters.date_to:
        start = filters.date_from.isoformat() if filters.date_from else "…"
        end = filters.date_to.isoformat() if filters.date_to else "…"
        rows.append((label("period"), f"{start} – {end}"))
    for spec in LIST_FILTERS:
        codes = spec.codes(filters)
        shown = spec.applies(filters) or (spec.switch is not None and bool(codes))
        if shown:
            painted = ", ".join(name(spec.list_name, c) for c in codes)
            rows.append((label(spec.label_key), painted))
    return rows
