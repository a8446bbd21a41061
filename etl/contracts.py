"""The record contracts, declared once: every field of every record type (and of the lists of
mappings inside them), whether it is required, its type and its code list.

``data/README.md`` describes these contracts for curators; this module is what the code reads.
The checkers (``etl/recordtypes``) take their field lists and each simple field's rule from
here, the drafter fills and orders a draft by it, the Drafts page builds its editor from it,
draft evaluation scores the fields it marks ``drafted``, and ``python -m etl schemas`` writes a
JSON Schema of each record type from it (``schemas/*.schema.json``, for analysts' editors).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal[
    "slug",
    "text",
    "code",
    "choice",
    "codes",
    "texts",
    "date",
    "partial_date",
    "integer",
    "reference",
    "references",
    "url",
    "language",
    "records",
]
"""What a field holds:

- ``slug``: the record's id (lower-case letters, digits and hyphens; equals the file name);
- ``text``: free text (``short`` text is a title, a name, a city: at most 500 characters);
- ``code`` / ``codes``: one code, or a list of distinct codes, of the taxonomy list ``codes``;
- ``choice``: one of the fixed ``choices`` the contract itself lists;
- ``texts``: a list of short texts (treaty references);
- ``date``: ``YYYY-MM-DD``; ``partial_date``: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (only the
  ``precisions`` listed);
- ``integer``: a whole number, at least ``minimum``;
- ``reference`` / ``references``: the id of a record of type ``refers_to`` (or a list of ids);
- ``url``: a source address (``http(s)://...``, ``documents/<file>`` or ``seed: ...``);
- ``language``: a two-letter language code;
- ``records``: a list of mappings, each following the contract ``items``.
"""

SCALAR_KINDS = frozenset(
    {"slug", "text", "code", "choice", "date", "partial_date", "integer", "reference", "url"}
    | {"language"}
)
LIST_KINDS = frozenset({"codes", "texts", "references", "records"})


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: Kind
    required: bool = False
    codes: str | None = None
    """The taxonomy list of a ``code`` or ``codes`` field."""
    choices: tuple[str, ...] = ()
    """The values of a ``choice`` field."""
    short: bool = False
    """Short text (title, name, city): at most 500 characters instead of 20,000."""
    precisions: tuple[str, ...] = ("day", "month", "year")
    """How much of a ``partial_date`` may be known."""
    minimum: int = 1
    """The smallest value of an ``integer`` field."""
    refers_to: str | None = None
    """The record type (registry name) a ``reference`` names."""
    items: Contract | None = None
    """The contract of each mapping of a ``records`` field."""
    min_items: int = 0
    """A required list must have at least this many items."""
    drafted: bool = False
    """The drafter reads it from a document's text: a draft lists it as unfilled when it found
    nothing, and draft evaluation scores it."""
    edited: bool = True
    """The Drafts page offers it for editing (when its kind has a widget)."""
    doc: str = ""

    @property
    def is_list(self) -> bool:
        return self.kind in LIST_KINDS


@dataclass(frozen=True, slots=True)
class Contract:
    """The fields of a record (or of one mapping of a list inside it), in the order a record
    file gives them."""

    name: str
    fields: tuple[Field, ...]
    doc: str = ""
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})

    def __getitem__(self, name: str) -> Field:
        return self.by_name[name]

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if not f.required)

    @property
    def drafted(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.drafted)


def _text(
    name: str,
    *,
    required: bool = False,
    short: bool = False,
    drafted: bool = False,
    edited: bool = True,
    doc: str = "",
) -> Field:
    return Field(
        name, "text", required=required, short=short, drafted=drafted, edited=edited, doc=doc
    )


SOURCE = Contract(
    "source",
    (
        Field("url", "url", required=True, doc="web address, documents/<file> or 'seed: ...'"),
        _text("publisher", short=True),
        Field("published", "partial_date", doc="publication date, partial if need be, or null"),
        Field("language", "language"),
        _text("supports", doc="which fields of the record the source backs"),
    ),
    doc="One source of a record; the same contract for every record type.",
)

PARTICIPANT = Contract(
    "participant",
    (
        _text("name", required=True, short=True),
        Field("party", "code", codes="parties", doc="null for participants of no Party"),
        _text("organization", short=True),
        _text("role", short=True),
        Field("level", "code", required=True, codes="levels"),
        Field("capacity", "code", required=True, codes="capacities"),
    ),
)
PANEL = Contract(
    "panel",
    (_text("title", required=True, short=True), Field("topics", "codes", codes="topics")),
)
OUTCOME = Contract(
    "outcome",
    (
        _text("text", required=True, doc="a paraphrase"),
        Field("topics", "codes", codes="topics"),
        Field("kind", "code", required=True, codes="outcome_kinds"),
    ),
)


def _sources() -> Field:
    return Field("sources", "records", required=True, items=SOURCE, min_items=1)


EVENT = Contract(
    "event",
    (
        Field("id", "slug", required=True, doc="<body>-<start date>[-suffix]"),
        Field("body", "code", required=True, codes="bodies", drafted=True),
        Field("edition", "integer", drafted=True, doc="ordinal of the meeting of that body"),
        Field("kind", "code", required=True, codes="kinds", drafted=True),
        _text("title_en", required=True, short=True),
        _text("title_es", short=True),
        Field("start_date", "partial_date", required=True, drafted=True),
        Field("end_date", "date", drafted=True),
        Field("status", "code", required=True, codes="statuses", drafted=True),
        Field("format", "code", required=True, codes="formats", drafted=True),
        _text("city", short=True, drafted=True),
        Field("host_party", "code", codes="parties", drafted=True),
        Field("chair_party", "code", codes="parties", drafted=True),
        Field("treaty_refs", "texts", drafted=True, doc='"24.26" or "ch24"'),
        Field("topics", "codes", codes="topics", drafted=True, doc="most prominent first"),
        Field("participants", "records", items=PARTICIPANT, drafted=True),
        Field("panels", "records", items=PANEL, drafted=True),
        Field("outcomes", "records", items=OUTCOME),
        Field("related", "references", refers_to="events"),
        _sources(),
        Field("confidence", "code", required=True, codes="confidence"),
        _text("notes", edited=False),
    ),
    doc="One dated meeting (or dated act) of one body: data/events/<id>.yaml.",
)

CLAIMS = ("met", "reported")
"""``met``: the text says the body met or convened in the period; ``reported``: it says the
body reported or its work was reviewed, without saying it met."""

REPORT_BODY = Contract(
    "report body",
    (
        Field("body", "code", required=True, codes="bodies"),
        Field("claim", "choice", required=True, choices=CLAIMS),
        _text("quote", required=True, doc="the words naming the body, copied exactly"),
        _text("quote_source", doc="the url of the source the quote is from"),
    ),
)
REPORT = Contract(
    "activity report",
    (
        Field("id", "slug", required=True),
        Field("reported_at", "reference", refers_to="events", drafted=True),
        Field("published", "partial_date", drafted=True),
        Field("period_start", "partial_date", drafted=True),
        Field("period_end", "partial_date", drafted=True),
        Field("bodies", "records", required=True, items=REPORT_BODY, min_items=1, drafted=True),
        Field("n_bodies_stated", "integer", drafted=True),
        _text("claim_text", required=True, drafted=True),
        _sources(),
        Field("confidence", "code", required=True, codes="confidence"),
        _text("notes", edited=False),
    ),
    doc="A statement saying which bodies met or reported during a period: data/reports/<id>.yaml.",
)

MILESTONE = Contract(
    "milestone",
    (
        Field("date", "partial_date", required=True, precisions=("day", "month")),
        Field("step", "code", required=True, codes="case_steps"),
        _text("text", required=True, doc="a paraphrase"),
        Field("source", "integer", required=True, doc="1-based index into sources"),
    ),
)
CASE = Contract(
    "enforcement case",
    (
        Field("id", "slug", required=True),
        Field("mechanism", "code", required=True, codes="mechanisms"),
        Field("complainant", "code", required=True, codes="parties"),
        Field("respondent", "code", required=True, codes="parties"),
        Field("third_parties", "codes", codes="parties"),
        _text("subject_en", required=True),
        _text("subject_es"),
        _text("facility"),
        Field("sector", "code", codes="sectors"),
        Field("topics", "codes", codes="topics"),
        Field("milestones", "records", required=True, items=MILESTONE, min_items=1),
        Field("status", "code", required=True, codes="case_statuses"),
        _text("outcome_en"),
        _sources(),
        Field("confidence", "code", required=True, codes="confidence"),
        _text("notes", edited=False),
    ),
    doc="An RRM request or a state-to-state dispute with its milestones: data/cases/<id>.yaml.",
)

STATED_KINDS = (
    "rrm_requests",
    "rrm_panels",
    "rrm_resolutions",
    "rrm_workers",
    "usmca_disputes",
    "other",
)
"""What a stated count counts (the list stated-counts.yaml documents in its header)."""
STATED_COUNT = Contract(
    "stated count",
    (
        Field("kind", "choice", required=True, choices=STATED_KINDS),
        Field("value", "integer", required=True, minimum=0),
        _text("scope", required=True),
        _text("claim", required=True),
        Field("as_of", "partial_date"),
        Field("published", "partial_date"),
        Field("url", "url", required=True),
        _text("publisher", short=True),
        Field("language", "language"),
    ),
)
STATED_COUNTS = Contract(
    "stated counts",
    (
        Field("counts", "records", required=True, items=STATED_COUNT),
        _text("notes"),
    ),
    doc="Totals that sources state about enforcement cases: data/stated-counts.yaml.",
)

CONTRACTS: dict[str, Contract] = {
    "event": EVENT,
    "case": CASE,
    "report": REPORT,
    "stated-counts": STATED_COUNTS,
}
"""Schema name → contract: ``schemas/<name>.schema.json`` checks the files it names."""
FILES: dict[str, str] = {
    "event": "data/events/*.yaml",
    "case": "data/cases/*.yaml",
    "report": "data/reports/*.yaml",
    "stated-counts": "data/stated-counts.yaml",
}


def _all_contracts() -> Iterator[Contract]:
    seen: set[str] = set()
    stack = list(CONTRACTS.values())
    while stack:
        contract = stack.pop()
        if contract.name in seen:
            continue
        seen.add(contract.name)
        yield contract
        stack += [f.items for f in contract if f.items is not None]


SHORT_FIELDS = frozenset(f.name for c in _all_contracts() for f in c if f.short)
"""Names of short text fields (titles, names, cities, publishers) in any contract."""
