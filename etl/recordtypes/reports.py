"""Activity reports (``data/reports/*.yaml``): a statement that says which bodies met, or
reported their work, during a period.

Most committees are known only this way. The contract is in ``data/README.md`` ("Activity
report fields"); the tables are ``warehouse/schema/05_reports.sql``; how they count per body
and year is ``warehouse/derived/04_report_periods.sql`` and ``05_body_year_evidence.sql``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import polars as pl

from etl.checking import RecordChecker, _show, _type_name, closest
from etl.contracts import CLAIMS, REPORT, REPORT_BODY, Contract
from etl.records import PartialDate, Source
from etl.tables import Rows, frames

KNOWN_FIELDS = REPORT.names
TABLES = ("activity_reports", "report_bodies", "report_sources")
"""The tables loaded from report records, each keyed by ``report_id``."""


@dataclass(frozen=True, slots=True)
class ReportBody:
    body: str
    claim: str
    quote: str
    quote_source: str | None


@dataclass(frozen=True, slots=True)
class ActivityReport:
    id: str
    reported_at: str | None
    published: PartialDate | None
    period_start: PartialDate | None
    period_end: PartialDate | None
    bodies: tuple[ReportBody, ...]
    n_bodies_stated: int | None
    claim_text: str
    sources: tuple[Source, ...]
    confidence: str
    notes: str | None
    file: str


def last_day(date: PartialDate) -> dt.date:
    """The last day a partial date may stand for (``2025-08`` → 2025-08-31)."""
    day, precision = date
    if precision == "year":
        return dt.date(day.year, 12, 31)
    if precision == "month":
        following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return day


def _shown(date: PartialDate) -> str:
    day, precision = date
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[precision]


class ReportChecker(RecordChecker):
    """Checks one activity report, collecting every problem; builds :class:`ActivityReport`."""

    record_type: ClassVar[str] = "reports"
    contract: ClassVar[Contract] = REPORT

    def check(self) -> ActivityReport | None:
        data = self.mapping_record()
        if data is None:
            return None
        report_id = self.record_id(data)
        reported_at = (
            None
            if data.get("reported_at") is None
            else self.reference(data["reported_at"], ("reported_at",), "events", noun="event")
        )
        published = self.value(data, ("published",), REPORT["published"])
        if published is not None and published[0] > self.today:
            self.fail(
                ("published",),
                f"published in the future (expected on or before today, {self.today}, "
                f"found {_shown(published)})",
            )
        period_start = self.value(data, ("period_start",), REPORT["period_start"])
        period_end = self.value(data, ("period_end",), REPORT["period_end"])
        if period_start and period_end and last_day(period_end) < period_start[0]:
            self.fail(
                ("period_end",),
                f"period_end before period_start (expected on or after "
                f"{_shown(period_start)}, found {_shown(period_end)})",
            )
        sources = self.source_list(data, self.source)
        urls = {s.url for s in sources}
        bodies = self.items(data, ("bodies",), lambda v, p: self.body(v, p, urls))
        if "bodies" not in data:
            self.fail(
                ("bodies",), "missing required field (expected a list of bodies, found nothing)"
            )
        elif not bodies and not any(p.field.startswith("bodies") for p in self.problems):
            self.fail(("bodies",), "no bodies (expected at least one body, found an empty list)")
        seen: dict[str, int] = {}
        for i, entry in enumerate(bodies):
            if entry.body in seen:
                self.fail(
                    ("bodies", i, "body"),
                    f"body named twice (expected each body once, found {entry.body!r} "
                    f"again, first at bodies[{seen[entry.body]}])",
                )
            seen.setdefault(entry.body, i)
        stated = data.get("n_bodies_stated")
        if stated is not None and (
            isinstance(stated, bool) or not isinstance(stated, int) or stated < 1
        ):
            self.fail(
                ("n_bodies_stated",),
                "not a count (expected a positive integer or null, found "
                f"{_type_name(stated)} {_show(stated)})",
            )
            stated = None
        claim_text = self.value(data, ("claim_text",), REPORT["claim_text"])
        confidence = self.value(data, ("confidence",), REPORT["confidence"])
        notes = self.value(data, ("notes",), REPORT["notes"])
        if self.has_errors:
            return None
        return ActivityReport(
            id=report_id,
            reported_at=reported_at,
            published=published,
            period_start=period_start,
            period_end=period_end,
            bodies=tuple(bodies),
            n_bodies_stated=stated,
            claim_text=claim_text,
            sources=tuple(sources),
            confidence=confidence,
            notes=notes,
            file=self.file,
        )

    def body(self, value: Any, path: tuple[str | int, ...], urls: set[str]) -> ReportBody | None:
        item = self.mapping_item(value, path, REPORT_BODY)
        if item is None:
            return None
        body = self.code(item, (*path, "body"), "bodies", required=True)
        claim = self.text(item, (*path, "claim"), required=True)
        if claim is not None and claim not in CLAIMS:
            hint = closest(claim, CLAIMS)
            self.fail(
                (*path, "claim"),
                f"unknown claim (expected one of {', '.join(CLAIMS)}"
                + (f", e.g. {hint!r}" if hint else "")
                + f"; found {claim!r})",
            )
            claim = None
        quote = self.text(item, (*path, "quote"), required=True)
        quote_source = self.text(item, (*path, "quote_source"), required=False)
        if quote_source is not None and urls and quote_source not in urls:
            self.fail(
                (*path, "quote_source"),
                "not one of the report's sources (expected the url of one of its "
                f"{len(urls)} sources, found {_show(quote_source)})",
            )
            quote_source = None
        if body is None or claim is None or quote is None:
            return None
        return ReportBody(body, claim, quote, quote_source)


def report_frames(reports: Sequence[ActivityReport]) -> dict[str, pl.DataFrame]:
    """One frame per report table; rows sorted by report id so builds are reproducible."""
    rows = {table: Rows(table) for table in TABLES}
    for r in sorted(reports, key=lambda r: r.id):
        rows["activity_reports"].add(
            report_id=r.id,
            reported_at=r.reported_at,
            published=r.published[0] if r.published else None,
            published_precision=r.published[1] if r.published else None,
            period_start=r.period_start[0] if r.period_start else None,
            period_start_precision=r.period_start[1] if r.period_start else None,
            period_end=r.period_end[0] if r.period_end else None,
            period_end_precision=r.period_end[1] if r.period_end else None,
            n_bodies=len(r.bodies),
            n_bodies_stated=r.n_bodies_stated,
            claim_text=r.claim_text,
            confidence=r.confidence,
            notes=r.notes,
            source_file=r.file,
        )
        for n, b in enumerate(r.bodies, start=1):
            rows["report_bodies"].add(
                report_id=r.id,
                body_no=n,
                body_code=b.body,
                claim=b.claim,
                quote=b.quote,
                quote_source=b.quote_source,
            )
        for n, s in enumerate(r.sources, start=1):
            rows["report_sources"].add(
                report_id=r.id,
                source_no=n,
                url=s.url,
                publisher=s.publisher,
                published=s.published[0] if s.published else None,
                published_precision=s.published[1] if s.published else None,
                language=s.language,
                supports=s.supports,
            )
    return frames(*rows.values())


def search_text(report: ActivityReport) -> str:
    """What a report contributes to search: its claim, the quotes naming bodies, its notes."""
    parts = [report.claim_text, *(b.quote for b in report.bodies), report.notes or ""]
    return "\n".join(p for p in parts if p)
