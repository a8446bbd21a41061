"""Enforcement cases (``data/cases/*.yaml``): one Rapid Response Labor Mechanism request or
state-to-state dispute per file, with its dated milestones.

The contract is in ``data/README.md`` ("Enforcement case fields"); the tables are
``warehouse/schema/06_cases.sql``; per-case facts (request date, latest step, days to
resolution) are ``warehouse/derived/06_case_facts.sql``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import polars as pl

from etl.checking import RecordChecker, _show, _type_name
from etl.contracts import CASE, MILESTONE, Contract
from etl.records import PartialDate, Source
from etl.recordtypes.reports import _shown, last_day
from etl.tables import Rows, frames

KNOWN_FIELDS = CASE.names
MILESTONE_FIELDS = MILESTONE.names
TABLES = ("cases", "case_third_parties", "case_topics", "case_milestones", "case_sources")
"""The tables loaded from case records, each keyed by ``case_id``."""

STATUS_NEEDS = {"resolved": "resolved", "closed": "closed", "panel_report": "panel_report"}
"""A status → the step a milestone must record for the status to be supported."""
CONCLUDING_STEPS = ("resolved", "closed")
"""Steps that end a case: a case with one of them cannot be ``open``."""


@dataclass(frozen=True, slots=True)
class Milestone:
    date: PartialDate
    step: str
    text: str
    source_no: int


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    mechanism: str
    complainant: str
    respondent: str
    third_parties: tuple[str, ...]
    subject_en: str
    subject_es: str | None
    facility: str | None
    sector: str | None
    topics: tuple[str, ...]
    milestones: tuple[Milestone, ...]
    status: str
    outcome_en: str | None
    sources: tuple[Source, ...]
    confidence: str
    notes: str | None
    file: str


class CaseChecker(RecordChecker):
    """Checks one enforcement case, collecting every problem; builds :class:`Case`."""

    record_type: ClassVar[str] = "cases"
    contract: ClassVar[Contract] = CASE

    def check(self) -> Case | None:
        data = self.mapping_record()
        if data is None:
            return None
        case_id = self.record_id(data)
        mechanism = self.value(data, ("mechanism",), CASE["mechanism"])
        if (
            case_id is not None
            and mechanism is not None
            and not case_id.startswith(f"{mechanism}-")
        ):
            self.fail(
                ("id",),
                f"id does not name the mechanism (expected an id starting {mechanism + '-'!r}, "
                f"found {case_id!r})",
            )
        complainant = self.value(data, ("complainant",), CASE["complainant"])
        respondent = self.value(data, ("respondent",), CASE["respondent"])
        if complainant is not None and complainant == respondent:
            self.fail(
                ("respondent",),
                "same Party as the complainant (expected a Party other than "
                f"{complainant!r}, found {respondent!r})",
            )
        third_parties = self.value(data, ("third_parties",), CASE["third_parties"])
        for i, party in enumerate(third_parties):
            if party in (complainant, respondent):
                self.fail(
                    ("third_parties", i),
                    "a disputing Party cannot be a third party (expected a Party other than "
                    f"the complainant and the respondent, found {party!r})",
                )
        subject_en = self.value(data, ("subject_en",), CASE["subject_en"])
        subject_es = self.value(data, ("subject_es",), CASE["subject_es"])
        facility = self.value(data, ("facility",), CASE["facility"])
        sector = self.value(data, ("sector",), CASE["sector"])
        topics = self.value(data, ("topics",), CASE["topics"])
        sources = self.source_list(data, self.source)
        n_sources = len(data["sources"]) if isinstance(data.get("sources"), list) else 0
        milestones = self.items(data, ("milestones",), lambda v, p: self.milestone(v, p, n_sources))
        if "milestones" not in data:
            self.fail(
                ("milestones",),
                "missing required field (expected a list of milestones, found nothing)",
            )
        elif not milestones and not any(p.field.startswith("milestones") for p in self.problems):
            self.fail(
                ("milestones",),
                "no milestones (expected at least one milestone, found an empty list)",
            )
        self.check_order(milestones)
        status = self.value(data, ("status",), CASE["status"])
        if status is not None and milestones and len(milestones) == len(data["milestones"]):
            self.check_status(status, milestones)
        outcome_en = self.value(data, ("outcome_en",), CASE["outcome_en"])
        confidence = self.value(data, ("confidence",), CASE["confidence"])
        notes = self.value(data, ("notes",), CASE["notes"])
        if self.has_errors:
            return None
        return Case(
            id=case_id,
            mechanism=mechanism,
            complainant=complainant,
            respondent=respondent,
            third_parties=third_parties,
            subject_en=subject_en,
            subject_es=subject_es,
            facility=facility,
            sector=sector,
            topics=topics,
            milestones=tuple(m for _, m in milestones),
            status=status,
            outcome_en=outcome_en,
            sources=tuple(sources),
            confidence=confidence,
            notes=notes,
            file=self.file,
        )

    def milestone(
        self, value: Any, path: tuple[str | int, ...], n_sources: int
    ) -> tuple[int, Milestone] | None:
        """One milestone, with its index in the list (for messages about its order)."""
        item = self.mapping_item(value, path, MILESTONE)
        if item is None:
            return None
        date = self.partial_date(item, (*path, "date"), required=True)
        if date is not None and date[1] == "year":
            self.fail(
                (*path, "date"),
                f"incomplete date (expected YYYY-MM-DD or YYYY-MM, found {_shown(date)})",
            )
            date = None
        if date is not None and date[0] > self.today:
            self.fail(
                (*path, "date"),
                f"dated in the future (expected on or before today, {self.today}, "
                f"found {_shown(date)})",
            )
            date = None
        step = self.code(item, (*path, "step"), "case_steps", required=True)
        text = self.text(item, (*path, "text"), required=True)
        source = item.get("source")
        if isinstance(source, bool) or not isinstance(source, int):
            self.fail(
                (*path, "source"),
                "not a source number (expected the number of one of the case's sources, "
                f"1 to {n_sources}, found {_type_name(source)} {_show(source)})",
            )
            source = None
        elif not 1 <= source <= n_sources:
            self.fail(
                (*path, "source"),
                "not one of the case's sources (expected a source number from 1 to "
                f"{n_sources}, found {source})",
            )
            source = None
        if date is None or step is None or text is None or source is None:
            return None
        assert isinstance(path[-1], int)
        return path[-1], Milestone(date, step, text, source)

    def check_order(self, milestones: list[tuple[int, Milestone]]) -> None:
        """Milestones are oldest first; a month-only date may stand anywhere in its month, so
        the order holds if some day of each period keeps the list from going back in time."""
        earliest: dt.date | None = None
        set_by = 0
        for index, m in milestones:
            first, last = m.date[0], last_day(m.date)
            if earliest is not None and last < earliest:
                self.fail(
                    ("milestones", index, "date"),
                    f"milestones out of order (expected on or after {earliest}, the date of "
                    f"milestones[{set_by}], found {_shown(m.date)})",
                )
                continue
            if earliest is None or first > earliest:
                earliest, set_by = first, index

    def check_status(self, status: str, milestones: list[tuple[int, Milestone]]) -> None:
        steps = [m.step for _, m in milestones]
        needed = STATUS_NEEDS.get(status)
        if needed is not None and needed not in steps:
            self.fail(
                ("status",),
                f"status not supported by the milestones (expected a milestone with step "
                f"{needed!r} for status {status!r}, found steps {', '.join(steps)})",
            )
        if status == "open":
            for index, m in milestones:
                if m.step in CONCLUDING_STEPS:
                    self.fail(
                        ("status",),
                        "status contradicted by the milestones (expected no "
                        f"{' or '.join(map(repr, CONCLUDING_STEPS))} step for status 'open', "
                        f"found {m.step!r} at milestones[{index}])",
                    )
                    break


def case_frames(cases: Sequence[Case]) -> dict[str, pl.DataFrame]:
    """One frame per case table; rows sorted by case id so builds are reproducible."""
    rows = {table: Rows(table) for table in TABLES}
    for c in sorted(cases, key=lambda c: c.id):
        rows["cases"].add(
            case_id=c.id,
            mechanism_code=c.mechanism,
            complainant_party=c.complainant,
            respondent_party=c.respondent,
            subject_en=c.subject_en,
            subject_es=c.subject_es,
            facility=c.facility,
            sector_code=c.sector,
            status=c.status,
            outcome_en=c.outcome_en,
            n_milestones=len(c.milestones),
            n_sources=len(c.sources),
            confidence=c.confidence,
            notes=c.notes,
            source_file=c.file,
        )
        for party in c.third_parties:
            rows["case_third_parties"].add(case_id=c.id, party_code=party)
        for rank, topic in enumerate(c.topics, start=1):
            rows["case_topics"].add(case_id=c.id, topic_code=topic, rank=rank)
        for n, m in enumerate(c.milestones, start=1):
            rows["case_milestones"].add(
                case_id=c.id,
                milestone_no=n,
                milestone_date=m.date[0],
                date_precision=m.date[1],
                step_code=m.step,
                text=m.text,
                source_no=m.source_no,
            )
        for n, s in enumerate(c.sources, start=1):
            rows["case_sources"].add(
                case_id=c.id,
                source_no=n,
                url=s.url,
                publisher=s.publisher,
                published=s.published[0] if s.published else None,
                published_precision=s.published[1] if s.published else None,
                language=s.language,
                supports=s.supports,
            )
    return frames(*rows.values())


def search_text(case: Case) -> str:
    """What a case contributes to search: subject, facility, outcome and every milestone."""
    parts = [case.subject_en, case.subject_es or "", case.facility or "", case.outcome_en or ""]
    parts += [m.text for m in case.milestones]
    return "\n".join(p for p in parts if p)
