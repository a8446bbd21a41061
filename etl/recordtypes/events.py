"""Events (``data/events/*.yaml``): one dated meeting of one body per file.

The contract is in ``data/README.md`` ("Record fields"); the tables are
``warehouse/schema/02_events.sql``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, ClassVar

import polars as pl

from etl.checking import RecordChecker, _show, _type_name
from etl.contracts import EVENT, OUTCOME, PANEL, PARTICIPANT, Contract
from etl.records import DatePrecision, Event, Outcome, Panel, Participant
from etl.tables import Rows, frames
from etl.taxonomy import ACT_KINDS

KNOWN_FIELDS = EVENT.names
TABLES = (
    "events",
    "event_topics",
    "event_treaty_refs",
    "event_links",
    "participants",
    "panels",
    "panel_topics",
    "outcomes",
    "outcome_topics",
    "sources",
)
"""The tables loaded from event records, each keyed by ``event_id``."""
ANNOUNCED_YEARS_AHEAD = 3
"""An ``announced`` event further ahead than this many calendar years is a warning."""


class EventChecker(RecordChecker):
    """Checks one event record, collecting every problem; builds the typed :class:`Event`."""

    record_type: ClassVar[str] = "events"
    contract: ClassVar[Contract] = EVENT

    def check(self) -> Event | None:
        data = self.mapping_record()
        if data is None:
            return None
        event_id = self.record_id(data)
        body = self.value(data, ("body",), EVENT["body"])
        edition = data.get("edition")
        if edition is not None and (
            isinstance(edition, bool) or not isinstance(edition, int) or edition < 1
        ):
            self.fail(
                ("edition",),
                f"not an edition number (expected a positive integer or "
                f"null, found {_type_name(edition)} {_show(edition)})",
            )
            edition = None
        kind = self.value(data, ("kind",), EVENT["kind"])
        title_en = self.value(data, ("title_en",), EVENT["title_en"])
        title_es = self.value(data, ("title_es",), EVENT["title_es"])
        start: tuple[dt.date, DatePrecision] | None = self.value(
            data, ("start_date",), EVENT["start_date"]
        )
        end_date = self.value(data, ("end_date",), EVENT["end_date"])
        if start is not None and end_date is not None and end_date < start[0]:
            self.fail(
                ("end_date",),
                f"end before start (expected on or after {start[0]}, found {end_date})",
            )
        status = self.value(data, ("status",), EVENT["status"])
        if start is not None and status is not None:
            self.check_status_date(status, start)
        fmt = self.value(data, ("format",), EVENT["format"])
        city = self.value(data, ("city",), EVENT["city"])
        host = self.value(data, ("host_party",), EVENT["host_party"])
        chair = self.value(data, ("chair_party",), EVENT["chair_party"])
        treaty_refs = self.value(data, ("treaty_refs",), EVENT["treaty_refs"])
        topics = self.value(data, ("topics",), EVENT["topics"])
        participants = self.items(data, ("participants",), self.participant)
        panels = self.items(data, ("panels",), self.panel)
        outcomes = self.items(data, ("outcomes",), self.outcome)
        related = self.items(data, ("related",), self.related_id)
        if event_id is not None and event_id in related:
            self.fail(
                ("related",),
                f"an event cannot be related to itself (expected other "
                f"event ids, found {event_id!r})",
            )
        sources = self.source_list(data, self.source)
        confidence = self.value(data, ("confidence",), EVENT["confidence"])
        notes = self.value(data, ("notes",), EVENT["notes"])

        if self.has_errors:
            return None
        assert start is not None
        return Event(
            id=event_id,
            body=body,
            edition=edition,
            kind=kind,
            title_en=title_en,
            title_es=title_es,
            start_date=start[0],
            date_precision=start[1],
            end_date=end_date,
            status=status,
            format=fmt,
            city=city,
            host_party=host,
            chair_party=chair,
            treaty_refs=treaty_refs,
            topics=topics,
            participants=tuple(participants),
            panels=tuple(panels),
            outcomes=tuple(outcomes),
            related=tuple(related),
            sources=tuple(sources),
            confidence=confidence,
            notes=notes,
            file=self.file,
        )

    def check_status_date(self, status: str, start: tuple[dt.date, DatePrecision]) -> None:
        """A meeting held after today cannot be true; one announced years ahead is doubtful."""
        day, precision = start
        shown = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}
        if status == "held" and day > self.today:
            self.fail(
                ("start_date",),
                f"held in the future (expected a start on or before today, {self.today}, "
                f"for status 'held', found {shown[precision]})",
            )
        elif status == "announced" and day.year > self.today.year + ANNOUNCED_YEARS_AHEAD:
            self.fail(
                ("start_date",),
                f"announced far ahead (expected within {ANNOUNCED_YEARS_AHEAD} years of "
                f"{self.today.year}, found {shown[precision]}); check the date",
                warning=True,
            )

    def related_id(self, value: Any, path: tuple[str | int, ...]) -> str | None:
        return self.reference(value, path, "events", noun="event")

    def participant(self, value: Any, path: tuple[str | int, ...]) -> Participant | None:
        item = self.mapping_item(value, path, PARTICIPANT)
        if item is None:
            return None
        name = self.text(item, (*path, "name"), required=True)
        party = self.code(item, (*path, "party"), "parties", required=False)
        org = self.text(item, (*path, "organization"), required=False)
        role = self.text(item, (*path, "role"), required=False)
        level = self.code(item, (*path, "level"), "levels", required=True)
        capacity = self.code(item, (*path, "capacity"), "capacities", required=True)
        if name is None or level is None or capacity is None:
            return None
        return Participant(name, party, org, role, level, capacity)

    def panel(self, value: Any, path: tuple[str | int, ...]) -> Panel | None:
        item = self.mapping_item(value, path, PANEL)
        if item is None:
            return None
        title = self.text(item, (*path, "title"), required=True)
        topics = self.code_list(item, (*path, "topics"), "topics")
        return None if title is None else Panel(title, topics)

    def outcome(self, value: Any, path: tuple[str | int, ...]) -> Outcome | None:
        item = self.mapping_item(value, path, OUTCOME)
        if item is None:
            return None
        text = self.text(item, (*path, "text"), required=True)
        topics = self.code_list(item, (*path, "topics"), "topics")
        kind = self.code(item, (*path, "kind"), "outcome_kinds", required=True)
        return None if text is None or kind is None else Outcome(text, topics, kind)


def event_frames(events: Sequence[Event]) -> dict[str, pl.DataFrame]:
    """One frame per event table; rows sorted by event id so builds are reproducible."""
    rows = {table: Rows(table) for table in TABLES}
    for e in sorted(events, key=lambda e: e.id):
        rows["events"].add(
            event_id=e.id,
            body_code=e.body,
            edition=e.edition,
            kind=e.kind,
            is_meeting=e.kind not in ACT_KINDS,
            title_en=e.title_en,
            title_es=e.title_es,
            start_date=e.start_date,
            date_precision=e.date_precision,
            end_date=e.end_date,
            year=e.start_date.year,
            status=e.status,
            format=e.format,
            city=e.city,
            host_party=e.host_party,
            chair_party=e.chair_party,
            confidence=e.confidence,
            notes=e.notes,
            source_file=e.file,
        )
        for rank, topic in enumerate(e.topics, start=1):
            rows["event_topics"].add(event_id=e.id, topic_code=topic, rank=rank)
        for ref in dict.fromkeys(e.treaty_refs):
            rows["event_treaty_refs"].add(event_id=e.id, ref=ref)
        for related in dict.fromkeys(e.related):
            rows["event_links"].add(event_id=e.id, related_id=related)
        for n, p in enumerate(e.participants, start=1):
            rows["participants"].add(
                event_id=e.id,
                participant_no=n,
                name=p.name,
                party_code=p.party,
                organization=p.organization,
                role=p.role,
                level=p.level,
                capacity=p.capacity,
            )
        for n, panel in enumerate(e.panels, start=1):
            rows["panels"].add(event_id=e.id, panel_no=n, title=panel.title)
            for topic in panel.topics:
                rows["panel_topics"].add(event_id=e.id, panel_no=n, topic_code=topic)
        for n, outcome in enumerate(e.outcomes, start=1):
            rows["outcomes"].add(event_id=e.id, outcome_no=n, kind=outcome.kind, text=outcome.text)
            for topic in outcome.topics:
                rows["outcome_topics"].add(event_id=e.id, outcome_no=n, topic_code=topic)
        for n, s in enumerate(e.sources, start=1):
            rows["sources"].add(
                event_id=e.id,
                source_no=n,
                url=s.url,
                publisher=s.publisher,
                published=s.published[0] if s.published else None,
                published_precision=s.published[1] if s.published else None,
                language=s.language,
                supports=s.supports,
            )
    return frames(*rows.values())


def search_text(event: Event) -> str:
    """What an event contributes to search: its titles, notes and outcomes."""
    parts = [event.title_en, event.title_es or "", event.notes or ""]
    parts += [outcome.text for outcome in event.outcomes]
    return "\n".join(p for p in parts if p)
