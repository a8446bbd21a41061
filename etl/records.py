"""Typed event records: what a YAML file becomes once it has been validated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

DatePrecision = Literal["day", "month", "year"]
PartialDate = tuple[dt.date, DatePrecision]
"""A date as the first day of its period, and how much of it is known."""


@dataclass(frozen=True)
class Participant:
    name: str
    party: str | None
    organization: str | None
    role: str | None
    level: str
    capacity: str


@dataclass(frozen=True)
class Panel:
    title: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    text: str
    topics: tuple[str, ...]
    kind: str


@dataclass(frozen=True, slots=True)
class Source:
    """A source of any record type (the one ``sources`` contract, ``etl.contracts.SOURCE``)."""

    url: str
    publisher: str | None
    published: PartialDate | None
    language: str | None
    supports: str | None


@dataclass(frozen=True)
class Event:
    id: str
    body: str
    edition: int | None
    kind: str
    title_en: str
    title_es: str | None
    start_date: dt.date
    date_precision: DatePrecision
    end_date: dt.date | None
    status: str
    format: str
    city: str | None
    host_party: str | None
    chair_party: str | None
    treaty_refs: tuple[str, ...]
    topics: tuple[str, ...]
    participants: tuple[Participant, ...]
    panels: tuple[Panel, ...]
    outcomes: tuple[Outcome, ...]
    related: tuple[str, ...]
    sources: tuple[Source, ...]
    confidence: str
    notes: str | None
    file: str
