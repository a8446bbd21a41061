"""The global filters: their value object, URL encoding and validation (pure functions).

Every value read from a URL is checked against the codes the warehouse actually has; what is
unknown or malformed is dropped and reported as a notice, never raised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import polars as pl

PARTY_ROLES = ("host", "chair", "participant")
LIST_FIELDS = (
    "bodies",
    "chapters",
    "topics",
    "topic_groups",
    "parties",
    "party_roles",
    "kinds",
    "statuses",
    "confidences",
)
"""The filters that hold lists of codes, in the order they are shown and described."""
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
        return {
            "date_from": self.date_from,
            "date_to": self.date_to,
            "bodies": list(self.bodies),
            "chapters": list(self.chapters),
            "topics": list(self.topics),
            "topic_groups": list(self.topic_groups),
            "parties": list(self.parties),
            "party_roles": list(self.party_roles),
            "kinds": list(self.kinds),
            "statuses": list(self.statuses),
            "confidences": list(self.confidences),
        }

    def previous_period(self) -> Filters | None:
        """The same filters over the period of equal length just before this one."""
        if self.date_from is None or self.date_to is None or self.date_from > self.date_to:
            return None
        length = self.date_to - self.date_from
        prev_to = self.date_from - dt.timedelta(days=1)
        return replace(self, date_from=prev_to - length, date_to=prev_to)


# URL parameter name → Filters field. Short names keep copied links readable.
URL_FIELDS: Mapping[str, str] = {
    "from": "date_from",
    "to": "date_to",
    "body": "bodies",
    "chapter": "chapters",
    "topic": "topics",
    "tgroup": "topic_groups",
    "party": "parties",
    "role": "party_roles",
    "kind": "kinds",
    "status": "statuses",
    "conf": "confidences",
}


@dataclass(frozen=True, slots=True)
class Notice:
    """A URL value that was ignored, and why (shown to the user, never raised)."""

    param: str
    value: str
    reason: str = field(default="unknown")


def _allowed(options: Options, field_name: str) -> tuple[str, ...]:
    if field_name == "party_roles":
        return PARTY_ROLES
    if field_name == "chapters":
        return tuple(str(c) for c in options.chapters)
    value: tuple[str, ...] = getattr(options, field_name)
    return value


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
        return None, Notice(name, _clip(raw), "not a date (YYYY-MM-DD)")
    if name == "from":
        if value < options.first_date:
            return None, None
        if value > options.max_date:
            return None, Notice(name, value.isoformat(), f"after {options.max_date}")
    else:
        if value > options.max_date:
            return None, None
        if value < options.first_date:
            return None, Notice(name, value.isoformat(), f"before {options.first_date}")
    return value, None


def parse_url(params: Mapping[str, str], options: Options) -> tuple[Filters, list[Notice]]:
    """Filters from URL query parameters; anything unknown is dropped with a notice."""
    values: dict[str, Any] = {}
    notices: list[Notice] = []
    for name, raw in params.items():
        field_name = URL_FIELDS.get(name)
        if field_name is None or raw == "":
            continue
        if not isinstance(raw, str) or len(raw) > MAX_PARAM_CHARS:
            notices.append(Notice(name, _clip(str(raw)), "too long"))
            continue
        if field_name in ("date_from", "date_to"):
            value, notice = _parse_date(name, raw, options)
            if value is not None:
                values[field_name] = value
            if notice is not None:
                notices.append(notice)
            continue
        allowed = _allowed(options, field_name)
        kept: list[str] = []
        unknown: list[str] = []
        for item in (part.strip() for part in raw.split(",")):
            if item in allowed:
                if item not in kept:
                    kept.append(item)
            elif item and item not in unknown:
                unknown.append(item)
        notices += [Notice(name, _clip(item), "unknown") for item in unknown]
        if kept:
            values[field_name] = (
                tuple(int(k) for k in kept) if field_name == "chapters" else tuple(kept)
            )
    filters = Filters(**values)
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        notices.append(Notice("from", str(filters.date_from), "after 'to'"))
        filters = replace(filters, date_from=None, date_to=None)
    return filters, notices


def to_url(filters: Filters) -> dict[str, str]:
    """Query parameters for the filters that differ from the defaults (short links)."""
    default = Filters()
    out: dict[str, str] = {}
    for name, field_name in URL_FIELDS.items():
        value = getattr(filters, field_name)
        if value == getattr(default, field_name) or value in (None, ()):
            continue
        out[name] = (
            value.isoformat() if isinstance(value, dt.date) else ",".join(str(v) for v in value)
        )
    return out


def describe(
    filters: Filters, label: Mapping[str, str], names: Mapping[str, Mapping[str, str]]
) -> list[tuple[str, str]]:
    """(label, value) pairs of the filters that restrict anything, for reports and captions.

    ``label`` maps field names to their label; ``names`` maps field names to code → name.
    """
    rows: list[tuple[str, str]] = []
    if filters.date_from or filters.date_to:
        start = filters.date_from.isoformat() if filters.date_from else "…"
        end = filters.date_to.isoformat() if filters.date_to else "…"
        rows.append((label["period"], f"{start} – {end}"))
    for field_name in LIST_FIELDS:
        value: Sequence[object] = getattr(filters, field_name)
        if not value or (field_name == "party_roles" and not filters.parties):
            continue
        lookup = names.get(field_name, {})
        rows.append((label[field_name], ", ".join(lookup.get(str(v), str(v)) for v in value)))
    return rows
