"""Drafting an activity report (``data/reports/`` contract) from a joint statement: the bodies
the text says met (``claim: met``) or reported their work (``claim: reported``), each with the
words naming it copied exactly, the sentence the claims rest on, the period it covers, and the
event the statement was made at.

Only *claim sentences* are read: a sentence with a meeting cue ("that have convened since",
"se han reunido", "se sont réunis") claims ``met``; one with only a reporting cue ("received
updates from", "took note of readouts", "ont pris note des comptes rendus") claims
``reported``. In them a body is named by its full name or a usual wording (as for events), or,
inside a list of committees ("the Committees on Textiles, Technical Barriers to Trade ..."), by
the short name the list uses ("Textiles"). Short names are matched exactly, never fuzzily:
"Environment" is a body only inside such a list. The statement's own body (the meeting it was
issued at) and meetings named after "since"/"desde"/"depuis" are not report entries.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from etl.contracts import REPORT
from etl.documents import DateMention, SourceDocument, find_dates
from etl.drafting.fields import Draft, Evidence, draft_document, id_prefixes
from etl.drafting.lexicon import KIND_OF_BODY
from etl.drafting.mentions import (
    DATELINE_ZONE,
    URL,
    Mention,
    Span,
    blank,
    find_mentions,
    furniture_spans,
    sentences,
)
from etl.records import Event
from etl.taxonomy import Taxonomy
from textrules.words import fold_aligned

ENTRY_INTO_FORCE = dt.date(2020, 7, 1)

MET_CUES = (
    r"(?:have|has|had)\s+(?:continued\s+to\s+)?(?:met|convened)|continued to meet|"
    r"(?:that|which|who)\s+(?:have\s+|had\s+)?(?:met|convened)\b|\bmet\s+(?:virtually|in person)|"
    r"convened virtually|\b(?:were|was) held\b|\bheld in\b|took place|"
    r"se han reunido|han sesionado|sesionaron|se reunieron|han celebrado reuniones|"
    r"reuniones clave|continuado reuniendose|se celebraron|se llevaron a cabo|se realizaron|"
    r"se sont reuni(?:e)?s|ont continue de se reunir|ont tenu des reunions|se reunissent|"
    r"ont eu lieu"
)
"""A sentence that says the bodies it names met or convened in the period."""
REPORTED_CUES = (
    r"received updates from|presented updates|took note of (?:the )?(?:readouts|reports|progress)|"
    r"reviewed (?:the )?(?:ongoing |past )?(?:work|progress|reports)|readouts from|"
    r"progress made by|reports? (?:of|from) the committees|"
    r"recibi(?:mos|eron) (?:informes|actualizaciones)|tomaron nota|revisaron (?:los )?"
    r"(?:trabajos|avances|informes)|presentaron (?:avances|informes)|"
    r"coordinacion interinstitucional de los comites|informes? de (?:los|\d+|once|seis)|"
    r"pris note des (?:comptes rendus|rapports)|recu les (?:mises a jour|rapports)|"
    r"passe en revue les (?:travaux|efforts)|examine les (?:travaux|progres)|"
    r"souligne les travaux|highlighted the work|destaca(?:ron)? (?:el|los) trabajos?"
)
"""A sentence that says the bodies it names reported or had their work reviewed."""
LIST_HEAD = re.compile(
    r"\b(?:committees?|working groups?|comites?|grupos? de trabajo|groupes? de travail|"
    r"comisiones)\b(?:[^.;:()]{0,90}?)(?:\(|\bon\b|\bde\b|\bdel\b|\bsur\b|\bsobre\b|"
    r"\bincluding\b|\bnotamment\b|\bincluidos?\b|:)"
)
"""Where a list of committees named by their short names begins."""

SHORT_NAMES: dict[str, tuple[str, ...]] = {
    "agricultural_trade_committee": (
        "agriculture trade",
        "agricultural trade",
        "agriculture",
        "comercio agricola",
        "agricultura",
        "commerce agricole",
        "agriculture",
    ),
    "agricultural_biotechnology_working_group": (
        "agricultural biotechnology",
        "biotecnologia agricola",
        "biotechnologie agricole",
    ),
    "competitiveness_committee": (
        "north american competitiveness",
        "competitiveness",
        "competitividad de america del norte",
        "competitividad",
        "competitivite nord-americaine",
        "competitivite",
    ),
    "trade_facilitation_committee": (
        "trade facilitation",
        "facilitacion del comercio",
        "facilitacion comercial",
        "facilitation des echanges",
        "facilitation du commerce",
    ),
    "sme_committee": (
        "small and medium-sized enterprises (smes) issues",
        "small and medium-sized enterprises (smes)",
        "small- and medium-sized enterprises",
        "small and medium-sized enterprises",
        "small and medium enterprises",
        "sme issues",
        "smes",
        "asuntos de las pymes",
        "asuntos pymes",
        "pequenas y medianas empresas",
        "pymes",
        "petites et moyennes entreprises",
        "pme",
    ),
    "temporary_entry_working_group": (
        "temporary entry",
        "entrada temporal",
        "admission temporaire",
    ),
    "soe_committee": (
        "state-owned enterprises and designated monopolies",
        "state-owned enterprises (soes)",
        "state-owned enterprises",
        "state owned enterprises",
        "empresas propiedad del estado y monopolios designados",
        "empresas propiedad del estado",
        "entreprises appartenant a l'etat et les monopoles designes",
        "entreprises appartenant a l'etat",
        "entreprises d'etat",
    ),
    "environment_committee": ("environment", "medio ambiente", "environnement"),
    "labor_council": ("labor", "labour", "laboral", "asuntos laborales", "travail"),
    "private_commercial_disputes_advisory_committee": (
        "private commercial disputes",
        "disputas comerciales privadas",
        "controversias comerciales privadas",
        "differends commerciaux prives",
    ),
    "rules_of_origin_committee": (
        "origin and origin procedures",
        "rules of origin and origin procedures",
        "rules of origin",
        "reglas de origen y procedimientos de origen",
        "reglas y procedimientos de origen",
        "reglas de origen",
        "regles d'origine et procedures d'origine",
        "regles d'origine",
    ),
    "textiles_committee": (
        "textiles and apparel trade matters",
        "textile and apparel trade matters",
        "textiles",
        "textiles y prendas de vestir",
        "produits textiles",
        "textiles et vetements",
    ),
    "sps_committee": (
        "sanitary and phytosanitary measures",
        "medidas sanitarias y fitosanitarias",
        "mesures sanitaires et phytosanitaires",
    ),
    "tbt_committee": (
        "technical barriers to trade",
        "obstaculos tecnicos al comercio",
        "obstacles techniques au commerce",
    ),
    "transportation_services_committee": (
        "transportation services",
        "servicios de transporte",
        "services de transport",
    ),
    "financial_services_committee": (
        "financial services",
        "servicios financieros",
        "services financiers",
    ),
    "ipr_committee": (
        "intellectual property rights",
        "intellectual property",
        "derechos de propiedad intelectual",
        "propiedad intelectual",
        "droits de propriete intellectuelle",
        "propriete intellectuelle",
    ),
    "good_regulatory_practices_committee": (
        "good regulatory practices",
        "buenas practicas regulatorias",
        "bonnes pratiques de reglementation",
    ),
    "trade_in_goods_committee": (
        "trade in goods",
        "comercio de mercancias",
        "commerce des produits",
    ),
    "macroeconomic_committee": ("macroeconomic issues", "asuntos macroeconomicos"),
}
"""The short names committee lists use ("the Committees on Textiles, Technical Barriers to
Trade ..."), folded; longest first within a body, matched only inside such a list."""

NUMBER_WORDS: dict[str, int] = {}
for _n, _forms in enumerate(
    (
        "two dos deux",
        "three tres trois",
        "four cuatro quatre",
        "five cinco cinq",
        "six seis six",
        "seven siete sept",
        "eight ocho huit",
        "nine nueve neuf",
        "ten diez dix",
        "eleven once onze",
        "twelve doce douze",
        "thirteen trece treize",
        "fourteen catorce quatorze",
        "fifteen quince quinze",
    ),
    start=2,
):
    NUMBER_WORDS.update(dict.fromkeys(_forms.split(), _n))
N_BODIES = re.compile(
    rf"\b(?P<n>\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s+"
    r"(?:committees|comites|comisiones|working groups|grupos de trabajo|groupes de travail)\b"
)
SINCE = re.compile(r"\b(?:since|desde|depuis)\b")
LANDMARK = re.compile(
    r"\b(?:since|desde|depuis|prepare|preparing|prepara\w*|ahead of|en vue de|"
    r"rumbo a)\b"
)
"""Words before a body's name that make its meeting a landmark of the statement (the period's
start, the meeting being prepared), not a body the statement reports on."""
SINCE_FORCE = re.compile(
    r"\b(?:since|desde|depuis)\s+(?:the\s+|la\s+|l')?(?:agreement's\s+|its\s+|su\s+|son\s+)?"
    r"(?:entry into force|entrada en vigor|entree en vigueur)"
    r"|\b(?:since|desde|depuis)\s+(?:the agreement|it|el tratado|l'accord)\s+"
    r"(?:entered into force|came into force|entro en vigor|est entre en vigueur)"
)
RANGE_LINK = re.compile(r"^\s*(?:a|al|to|until|au|jusqu'a|hasta)\s+$")
RANGE_OPEN = re.compile(r"\b(?:de|del|from|du|d')\s*$")


@dataclass(frozen=True, slots=True)
class ReportDraft:
    """A draft activity report: the record as the contract wants it, the evidence of every
    filled field (offsets into the document's text) and the fields left empty."""

    id: str
    record: dict[str, Any]
    evidence: tuple[Evidence, ...]
    unfilled: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Claim:
    body: str
    claim: str
    start: int
    end: int
    sentence: Span
    cue: tuple[int, int]


_SHORT_FORMS = sorted(
    ((name, code) for code, forms in SHORT_NAMES.items() for name in forms),
    key=lambda pair: -len(pair[0]),
)
"""(short name, body) longest first, so that the longer of two names at one place wins."""
_SHORT = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<s{i}>{re.escape(name)})" for i, (name, _) in enumerate(_SHORT_FORMS))
    + r")(?![\w-])"
)
_SHORT_CODES = [code for _, code in _SHORT_FORMS]


def _passing(folded: str, start: int, sentence: Span) -> bool:
    """A body named just after "since", "to prepare" (:data:`LANDMARK`) in its sentence."""
    before = folded[max(sentence.start, start - 40) : start]
    return bool(LANDMARK.search(before))


NOT_A_BODY_AFTER = re.compile(r"\s*(?:decision|decisiones|decisions)\b")
""""FTC Decision Number 5" names a decision, not the Commission reporting."""
LIST_GLUE = re.compile(
    r"(?:[\s,;()]|\b(?:and|or|as well as|the|of|on|y|e|o|el|la|los|las|de|del|en|sobre|et|ou|"
    r"ainsi que|le|les|l'|du|des|d'|sur|committees?|comites?)\b|l'|d')*"
)
"""What may stand between two names of a list: separators, "and", articles, prepositions."""
CHAIN_GAP = 30
"""In a ``reported`` sentence, the bodies are those the cue introduces: the first within this
many characters after it, each next one within as many after the previous."""


def _claims_in(sentence: Span, claim: str, folded: str, taxonomy: Taxonomy) -> list[_Claim]:
    """The bodies one claim sentence names: full names and usual wordings anywhere in it,
    short names inside a list of committees; a longer naming wins over one inside it. A
    ``met`` sentence may name its bodies before its cue ("six committees (...) that have
    convened"); a ``reported`` one names them after it ("took note of readouts from ..."),
    as one run of names."""
    segment = folded[sentence.start : sentence.end]
    found: list[tuple[int, int, str]] = []
    for mention in find_mentions(segment, taxonomy):
        if mention.body is not None and not mention.public:
            if NOT_A_BODY_AFTER.match(segment, mention.end):
                continue
            found.append((mention.start, mention.end, mention.body))
    full_ends = sorted(e for _, e, _ in found)
    for head in LIST_HEAD.finditer(segment):
        # the list runs on while names follow one another ("Textiles, Technical Barriers to
        # Trade, ..."); a short name further on is a word of the sentence ("the environment")
        reached = head.end()
        for m in _SHORT.finditer(segment, head.end()):
            reached = max([reached, *(e for e in full_ends if e <= m.start())])
            if not LIST_GLUE.fullmatch(segment, reached, m.start()):
                break
            index = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None)
            found.append((m.start(), m.end(), _SHORT_CODES[index]))
            reached = m.end()
    found = list(dict.fromkeys(found))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    cues = list(re.finditer(MET_CUES if claim == "met" else REPORTED_CUES, segment))
    claims: list[_Claim] = []
    last_end = -1
    accepted_end = -1
    for start, end, body in found:
        if start < last_end:
            continue
        cue = cues[0]
        if claim == "reported":
            before = [c for c in cues if c.end() <= start]
            if not before:
                continue
            cue = before[-1]
            anchor = max(cue.end(), accepted_end)
            list_head = LIST_HEAD.search(segment, anchor)
            in_list = (
                list_head is not None
                and list_head.start() - anchor <= CHAIN_GAP
                and list_head.end() <= start
                and start - list_head.end() <= CHAIN_GAP
            )
            if start - anchor > CHAIN_GAP and not in_list:
                continue
        last_end = end
        absolute = sentence.start + start
        if _passing(folded, absolute, sentence) or _inside_group_name(segment, start):
            continue
        accepted_end = end
        cue_span = (sentence.start + cue.start(), sentence.start + cue.end())
        claims.append(_Claim(body, claim, absolute, sentence.start + end, sentence, cue_span))
    return claims


def _inside_group_name(segment: str, start: int) -> bool:
    """ "travail" in "groupes de travail" is the word for working group, not Labour."""
    return bool(re.search(r"\b(?:groupes?|grupos?) de $", segment[max(0, start - 12) : start]))


def _claim_of(folded: str, sentence: Span) -> str | None:
    segment = folded[sentence.start : sentence.end]
    if re.search(MET_CUES, segment):
        return "met"
    if re.search(REPORTED_CUES, segment):
        return "reported"
    return None


def _trimmed(text: str, span: Span) -> tuple[int, int]:
    """The sentence without surrounding spaces, quotes and list bullets."""
    start, end = span.start, span.end
    while start < end and (text[start].isspace() or text[start] in '“”"«»•-–'):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in '“”"«» '):
        end -= 1
    return start, end


def _as_value(mention: DateMention) -> dt.date | str:
    return mention.start_date if mention.precision == "day" else mention.start_date.isoformat()[:7]


def _period(
    folded: str, text: str, sentence: Span, taxonomy: Taxonomy, known: Sequence[Event]
) -> tuple[dt.date | str | None, dt.date | str | None, tuple[int, int] | None]:
    """The period a claim sentence states: "since entry into force" (2020-07-01), "since the
    second FTC meeting" (that meeting's date when the record is known, else the date the
    phrase gives), "since <date>", or "from <month> to <month>"; with the words saying so."""
    segment = folded[sentence.start : sentence.end]
    force = SINCE_FORCE.search(segment)
    if force:
        return (
            ENTRY_INTO_FORCE,
            None,
            (sentence.start + force.start(), sentence.start + force.end()),
        )
    since = SINCE.search(segment)
    if since:
        after = sentence.start + since.end()
        window = Span(after, min(sentence.end, after + 120))
        mentions = find_mentions(folded[window.start : window.end], taxonomy)
        landmark: Mention | None = next((m for m in mentions if m.body), None)
        if landmark is not None and landmark.start < 20:
            kind = KIND_OF_BODY.get(landmark.body or "", "committee_meeting")
            event = next(
                (
                    e
                    for e in known
                    if e.body == landmark.body
                    and e.kind == kind
                    and landmark.edition is not None
                    and e.edition == landmark.edition
                    and e.date_precision == "day"
                ),
                None,
            )
            where = (sentence.start + since.start(), window.start + landmark.end)
            if event is not None:
                return event.start_date, None, where
        dates = find_dates(text[window.start : window.end])
        if dates and dates[0].start < 80:
            first = dates[0]
            return (
                _as_value(first),
                None,
                (sentence.start + since.start(), window.start + first.end),
            )
        return None, None, None
    dates = find_dates(text[sentence.start : sentence.end])
    for a, b in itertools.pairwise(dates):
        between = segment[a.end : b.start]
        opener = segment[max(0, a.start - 6) : a.start]
        if RANGE_LINK.match(between) and RANGE_OPEN.search(opener):
            end = b.end_date or b.start_date
            end_value: dt.date | str = end if b.precision == "day" else b.start_date.isoformat()[:7]
            return _as_value(a), end_value, (sentence.start + a.start, sentence.start + b.end)
    return None, None, None


def published_of(document: SourceDocument) -> dt.date | None:
    """The publication date: the one the text states, else the date of a line at the top that
    is a date with at most a place beside it ("January 25, 2024", "May 23, 2024 – Phoenix")."""
    if document.published is not None:
        return document.published
    for start, end in furniture_spans(document.text):
        if start > DATELINE_ZONE:
            continue
        dates = [d for d in find_dates(document.text[start:end]) if d.precision == "day"]
        if dates:
            return dates[0].start_date
    return None


def _statement_meeting(
    document: SourceDocument, drafts: Sequence[Draft], known: Sequence[Event]
) -> tuple[Draft, str | None] | None:
    """The meeting the statement was issued at, with its known record's id: the first event
    drafted from the text, when its title names it or a known record matches it (by date, else
    by edition). A meeting only mentioned in passing is not the statement's."""
    if not drafts:
        return None
    main = drafts[0]
    known_id = main.known_id
    if known_id is None and main.record["edition"] is not None:
        known_id = next(
            (
                e.id
                for e in known
                if e.body == main.record["body"]
                and e.kind == main.record["kind"]
                and e.edition == main.record["edition"]
            ),
            None,
        )
    title = next((p for p in document.passages if not p.text.startswith("[")), None)
    named_in_title = title is not None and any(
        e.field == "body" and title.start <= e.start < title.end for e in main.evidence
    )
    return (main, known_id) if known_id is not None or named_in_title else None


def draft_report(
    document: SourceDocument,
    taxonomy: Taxonomy,
    known_events: Sequence[Event],
    *,
    events: Sequence[Draft] | None = None,
) -> ReportDraft | None:
    """The activity report a document makes, or ``None`` when it names no body in a sentence
    saying that bodies met or reported. ``events`` are the document's event drafts (drafted
    here when not given): the first one is the meeting the statement was made at."""
    text = document.text
    folded = fold_aligned(blank(text, [(m.start(), m.end()) for m in URL.finditer(text)]))
    event_drafts = (
        list(events) if events is not None else draft_document(document, taxonomy, known_events)
    )
    main = _statement_meeting(document, event_drafts, known_events)
    own_body = main[0].record["body"] if main is not None else None
    spans = [s for p in document.passages for s in sentences(p)]
    claims: list[_Claim] = []
    for span in spans:
        claim = _claim_of(folded, span)
        if claim is None:
            continue
        claims += [c for c in _claims_in(span, claim, folded, taxonomy) if c.body != own_body]
    if not claims:
        return None
    evidence: list[Evidence] = []

    def note(name: str, value: Any, where: tuple[int, int], confidence: float) -> None:
        quote = " ".join(text[where[0] : where[1]].split())
        evidence.append(Evidence(name, value, where[0], where[1], confidence, quote))

    bodies: list[dict[str, Any]] = []
    seen: set[str] = set()
    for c in claims:
        if c.body in seen:
            continue
        seen.add(c.body)
        i = len(bodies)
        quote = text[c.start : c.end]
        bodies.append({"body": c.body, "claim": c.claim, "quote": quote})
        note(f"bodies[{i}].body", c.body, (c.start, c.end), 0.8)
        note(f"bodies[{i}].claim", c.claim, c.cue, 0.7)
    # the sentence naming the most bodies (the earliest of equals) is the one the claims rest on
    main_sentence = max(
        dict.fromkeys(c.sentence for c in claims),
        key=lambda s: (sum(c.sentence == s for c in claims), -s.start),
    )
    claim_span = _trimmed(text, main_sentence)
    claim_text = text[claim_span[0] : claim_span[1]]
    note("claim_text", claim_text, claim_span, 0.8)
    period_start: dt.date | str | None = None
    period_end: dt.date | str | None = None
    # the claim sentences first; else a sentence of the statement that says since when
    # ("review progress ... since the inaugural meeting of the FTC")
    candidates = [*dict.fromkeys(c.sentence for c in claims)]
    candidates += [s for s in spans if s not in candidates and SINCE.search(folded, s.start, s.end)]
    for sentence in candidates:
        start, end, where = _period(folded, text, sentence, taxonomy, known_events)
        if start is not None and where is not None:
            period_start, period_end = start, end
            note("period_start", start, where, 0.75)
            if end is not None:
                note("period_end", end, where, 0.75)
            break
    published = published_of(document)
    if published is not None and period_start is not None and period_end is None:
        period_end = published
    n_stated: int | None = None
    count = N_BODIES.search(folded, claim_span[0], claim_span[1])
    if count is not None:
        words = count.group("n")
        n_stated = int(words) if words.isdigit() else NUMBER_WORDS[words]
        note("n_bodies_stated", n_stated, (count.start(), count.end()), 0.8)
    reported_at = main[1] if main is not None else None
    prefix = "report"
    if main is not None:
        draft, _ = main
        anchor = next((e for e in draft.evidence if e.field == "body"), None)
        if anchor is not None and reported_at is not None:
            note("reported_at", reported_at, (anchor.start, anchor.end), 0.7)
        # the statement of a meeting is named after the body that met
        prefix = id_prefixes(known_events).get(own_body or "", (own_body or "").replace("_", "-"))
    stamp = published.isoformat() if published else "undated"
    report_id = f"{prefix}-{stamp}-statement"
    record: dict[str, Any] = {
        "id": report_id,
        "reported_at": reported_at,
        "published": published,
        "period_start": period_start,
        "period_end": period_end,
        "bodies": bodies,
        "n_bodies_stated": n_stated,
        "claim_text": claim_text,
        "sources": [
            {
                "url": f"seed: {document.file} ({document.document_id})",
                "publisher": None,
                "published": published,
                "language": document.language,
            }
        ],
        "confidence": "low",
        "notes": "Drafted automatically from the source's text; every filled field is backed by "
        f"the passage cited in {report_id}.evidence.yaml. Check each body's claim against its "
        "sentence, set confidence (high for an official source), then move the record into "
        "data/reports/.",
    }
    unfilled = tuple(name for name in REPORT.drafted if record[name] in (None, []))
    return ReportDraft(report_id, record, tuple(evidence), unfilled)
