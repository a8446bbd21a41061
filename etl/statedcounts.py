"""Stated counts (``data/stated-counts.yaml``): totals that governments and trackers state
about enforcement cases ("38 RRM requests, July 2020 to July 2025"), shown beside the case
records they concern, which may fall short of them.

One file, not a folder of records: it is found by :mod:`etl.inputs` (so it is part of the data
version), checked with the same discipline as the records (every problem located as
``file:line: field: ...``) and loaded into ``stated_counts``
(``warehouse/schema/07_stated_counts.sql``). Which records each kind of count concerns is
``warehouse/derived/07_stated_count_records.sql``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import polars as pl

from etl.checking import RecordChecker, _show, _type_name, closest, read_record_file
from etl.contracts import STATED_COUNT, STATED_COUNTS, STATED_KINDS, Contract
from etl.errors import Problem
from etl.records import PartialDate
from etl.recordtypes.reports import _shown
from etl.tables import Rows, frames
from etl.taxonomy import Taxonomy

KINDS = STATED_KINDS
FIELDS = STATED_COUNTS.names
COUNT_FIELDS = STATED_COUNT.names
TABLES = ("stated_counts",)


@dataclass(frozen=True, slots=True)
class StatedCount:
    kind: str
    value: int
    scope: str
    claim: str
    as_of: PartialDate | None
    published: PartialDate | None
    url: str
    publisher: str | None
    language: str | None


class StatedCountsChecker(RecordChecker):
    """Checks ``stated-counts.yaml``, collecting every problem."""

    record_type: ClassVar[str] = "stated_counts"
    contract: ClassVar[Contract] = STATED_COUNTS

    def check(self) -> tuple[StatedCount, ...] | None:
        data = self.mapping_record()
        if data is None:
            return None
        if "counts" not in data:
            self.fail(
                ("counts",), "missing required field (expected a list of counts, found nothing)"
            )
        counts = self.items(data, ("counts",), self.count)
        self.text(data, ("notes",), required=False)
        return None if self.has_errors else tuple(counts)

    def count(self, value: Any, path: tuple[str | int, ...]) -> StatedCount | None:
        item = self.mapping_item(value, path, STATED_COUNT)
        if item is None:
            return None
        kind = self.text(item, (*path, "kind"), required=True)
        if kind is not None and kind not in KINDS:
            hint = closest(kind, KINDS)
            self.fail(
                (*path, "kind"),
                f"unknown kind (expected one of {', '.join(KINDS)}"
                + (f", e.g. {hint!r}" if hint else "")
                + f"; found {kind!r})",
            )
            kind = None
        number = item.get("value")
        if isinstance(number, bool) or not isinstance(number, int) or number < 0:
            self.fail(
                (*path, "value"),
                "not a count (expected a whole number, 0 or more, found "
                f"{_type_name(number)} {_show(number)})",
            )
            number = None
        scope = self.text(item, (*path, "scope"), required=True)
        claim = self.text(item, (*path, "claim"), required=True)
        dates: dict[str, PartialDate | None] = {}
        for name in ("as_of", "published"):
            date = self.partial_date(item, (*path, name), required=False)
            if date is not None and date[0] > self.today:
                self.fail(
                    (*path, name),
                    f"dated in the future (expected on or before today, {self.today}, "
                    f"found {_shown(date)})",
                )
                date = None
            dates[name] = date
        url = self.source_url(item, (*path, "url"))
        publisher = self.text(item, (*path, "publisher"), required=False)
        language = self.language(item, (*path, "language"))
        if kind is None or number is None or scope is None or claim is None or url is None:
            return None
        return StatedCount(
            kind, number, scope, claim, dates["as_of"], dates["published"], url, publisher, language
        )


def read_stated_counts(
    path: Path, display: str, taxonomy: Taxonomy, *, today: dt.date | None = None
) -> tuple[tuple[StatedCount, ...], list[Problem]]:
    """The counts of ``path`` (none if it does not exist) and every problem found in it."""
    if not path.is_file():
        return (), []
    parsed = read_record_file(path, display)
    if parsed.problem is not None:
        return (), [parsed.problem]
    checker = StatedCountsChecker(parsed, taxonomy, today=today)
    counts = checker.check()
    return counts or (), checker.problems


def stated_count_frames(counts: Sequence[StatedCount]) -> dict[str, pl.DataFrame]:
    """The ``stated_counts`` frame, in file order (``count_no`` is the 1-based position)."""
    rows = Rows("stated_counts")
    for n, c in enumerate(counts, start=1):
        rows.add(
            count_no=n,
            kind=c.kind,
            value=c.value,
            scope=c.scope,
            claim=c.claim,
            as_of=c.as_of[0] if c.as_of else None,
            as_of_precision=c.as_of[1] if c.as_of else None,
            published=c.published[0] if c.published else None,
            published_precision=c.published[1] if c.published else None,
            url=c.url,
            publisher=c.publisher,
            language=c.language,
        )
    return frames(rows)
