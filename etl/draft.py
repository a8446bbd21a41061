"""Draft event records from a document's text, for an analyst to review.

:func:`draft_records` finds the events a text is about (the bodies named with an ordinal in its
title and section headings, or else the first one it names) and fills, for each, only what the
text supports: body, edition, kind, dates, status, format, city, host and chair Party, named
officials, panels (numbered lists), topics and treaty references. Every filled field carries
the character offsets of the words that support it and a confidence (0–1), written beside the
draft as ``<id>.evidence.yaml`` so that a reviewer can check each one in seconds. A field the
text does not support is left empty (null, or an empty list), never guessed.

How the text is divided among events: each paragraph belongs to the event it names (by body and
ordinal); a paragraph that names none belongs to the event of the current section, unless it
speaks only of another drafted event's subject (SMEs, environment, labour), as happens when a
bulletin's columns are interleaved. Paragraphs about other events (an earlier meeting in a
footnote, a public session that was postponed) feed none of the drafts, only their ``related``
ids when the event is already known.

:func:`draft_eval` compares the drafts of documents with the curated records they describe and
reports field-level precision and recall.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from etl.documents import (
    DateMention,
    Passage,
    SourceDocument,
    detect_language,
    find_dates,
    read_document,
    read_documents,
    split_passages,
)
from etl.errors import ValidationFailed
from etl.records import Event, Panel, Participant
from etl.taxonomy import Taxonomy
from etl.validate import validate_dir

# --- text helpers ---------------------------------------------------------------------------


def fold_aligned(text: str) -> str:
    """Lower case without accents, one character for one: offsets in the folded text are
    offsets in ``text``."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)[:1] or ch
        low = base.lower()
        out.append(low if len(low) == 1 else base)
    return "".join(out).replace("’", "'")


SENTENCE = re.compile(r"[^.;!?]+(?:[.;!?](?=\S)[^.;!?]*)*(?:[.;!?]+|$)")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def sentences(passage: Passage) -> list[Span]:
    """Sentence spans (absolute offsets) of a passage; abbreviations such as "D.C" or "No. 5"
    may split a sentence, which only shortens the context a cue is looked for in."""
    spans = []
    for match in re.finditer(r"(?:[^.!?;]|\.(?=\S)|\.(?=\s+[a-z0-9]))+[.!?;]*", passage.text):
        if match.group(0).strip():
            spans.append(Span(passage.start + match.start(), passage.start + match.end()))
    return spans


# --- lexicons (folded text) -----------------------------------------------------------------


def _split(words: str) -> tuple[str, ...]:
    return tuple(words.split())


ORDINALS: dict[str, int] = {}
for _n, _forms in enumerate(
    (
        "primer primero primera first premier premiere 1er 1re 1a 1o 1st",
        "segundo segunda second deuxieme seconde 2a 2o 2nd 2e 2eme",
        "tercer tercero tercera third troisieme 3a 3o 3rd 3e 3eme",
        "cuarto cuarta fourth quatrieme 4a 4o 4th 4e 4eme",
        "quinto quinta fifth cinquieme 5a 5o 5th 5e 5eme",
        "sexto sexta sixth sixieme 6a 6o 6th 6e",
        "septimo septima seventh septieme 7a 7o 7th 7e",
        "octavo octava eighth huitieme 8a 8o 8th 8e",
        "noveno novena ninth neuvieme 9a 9o 9th 9e",
        "decimo decima tenth dixieme 10a 10o 10th 10e",
    ),
    start=1,
):
    ORDINALS.update(dict.fromkeys(_forms.split(), _n))
ORDINAL = "|".join(sorted((re.escape(w) for w in ORDINALS), key=len, reverse=True))

BODY_ALIASES: dict[str, tuple[str, ...]] = {
    "free_trade_commission": (
        r"comision de libre comercio",
        r"free trade commission",
        r"commission du libre[- ]echange",
    ),
    "deputies_meeting": (
        r"reunion de (?:subsecretarios|viceministros)",
        r"deputies(?:'|’)? meeting",
        r"meeting of (?:the )?deputies",
        r"reunion des sous-ministres",
    ),
    "joint_review": (r"revision conjunta", r"joint review", r"examen conjoint"),
    "environment_committee": (
        r"comite (?:de|del) medio ambiente",
        r"environment committee",
        r"committee on (?:the )?environment",
        r"comite de l'environnement",
    ),
    "cec_council": (
        r"consejo de la (?:comision para la cooperacion ambiental|cca)",
        r"council of the commission for environmental cooperation",
        r"cec council",
        r"conseil de la (?:commission de cooperation environnementale|cce)",
    ),
    "labor_public_session": (
        r"sesion publica del consejo laboral",
        r"labou?r council public session",
        r"public session of the labou?r council",
        r"seance publique du conseil du travail",
    ),
    "labor_council": (r"consejo laboral", r"labou?r council", r"conseil du travail"),
    "sme_committee": (
        r"comite (?:de )?(?:asuntos (?:de|sobre) )?(?:las )?"
        r"(?:pymes?|pequenas y medianas empresas)",
        r"sme committee",
        r"committee on (?:sme|small and medium)[\w -]{0,30}issues",
        r"comite (?:des|sur les questions (?:relatives aux|concernant les)) pme",
    ),
    "sme_dialogue": (
        r"dialogo (?:trilateral )?(?:de |sobre )?(?:las )?(?:pymes?|pequenas y medianas empresas)",
        r"sme dialogue",
        r"dialogue (?:on|sur les?) (?:smes?|pme|small and medium[\w -]{0,25}enterprises)",
    ),
    "inclusive_trade_dialogue": (
        r"dialogo sobre comercio incluyente",
        r"inclusive trade dialogue",
        r"dialogue sur le commerce inclusif",
    ),
    "competitiveness_committee": (
        r"comite de competitividad",
        r"competitiveness committee",
        r"comite de la competitivite",
    ),
    "good_regulatory_practices_committee": (
        r"comite de buenas practicas regulatorias",
        r"good regulatory practices committee",
        r"committee on good regulatory practices",
        r"comite des bonnes pratiques de reglementation",
    ),
    "tbt_committee": (
        r"comite de obstaculos tecnicos al comercio",
        r"(?:technical barriers to trade|tbt) committee",
        r"committee on technical barriers to trade",
        r"comite des obstacles techniques au commerce",
    ),
}
KIND_OF_BODY = {
    "free_trade_commission": "commission_meeting",
    "deputies_meeting": "deputies_meeting",
    "joint_review": "review",
    "cec_council": "council_session",
    "labor_council": "council_session",
    "labor_public_session": "public_session",
    "sme_dialogue": "dialogue",
    "inclusive_trade_dialogue": "dialogue",
}
"""The kind a meeting of a body is; bodies not listed are committees."""
PUBLIC_SESSION = r"sesion publica|public session|seance publique"
UNIT = (
    r"(?P<unit>sesion|reunion|edicion|session|meeting|edition|seance|rencontre)"
    r"(?:\s+(?:ordinaria|ordinary|ordinaire|anual|annual|annuelle))?"
    r"\s+(?:de la|del|de|of the|of|du|de l'|des)\s+"
)
OWNER = r"(?:(?:usmca|t-mec|cusma|aceum)\s+)?"

PARTY_WORDS: dict[str, tuple[str, ...]] = {
    "MX": (r"mexico", r"mexique", r"mexican[oa]?s?", r"mexicaine?s?"),
    "US": (
        r"estados unidos",
        r"ee\. ?uu\.?",
        r"eeuu",
        r"united states",
        r"u\.s\.",
        r"etats-unis",
        r"estadounidenses?",
        r"americaine?s?",
        r"american",
    ),
    "CA": (r"canada", r"canadienses?", r"canadian", r"canadiennes?", r"canadiens?"),
}
PARTY_NAME = "|".join(f"(?:{w})" for ws in PARTY_WORDS.values() for w in ws)
ARTICLE = (
    r"(?:(?:el gobierno de|la delegacion de|the government of|the|le gouvernement du|le|les|la)"
    r"\s+)?"
)


def party_of(words: str) -> str | None:
    """The Party a (folded) country name or demonym names; ``None`` for anything else."""
    for party, patterns in PARTY_WORDS.items():
        if any(re.fullmatch(p, words.strip()) for p in patterns):
            return party
    return None


ORGANIZATIONS: tuple[tuple[str, str, str], ...] = (
    (r"secretaria de economia|\bse\b", "Secretaría de Economía", "MX"),
    (r"semarnat|secretaria de medio ambiente y recursos naturales", "SEMARNAT", "MX"),
    (r"secretaria del trabajo|\bstps\b", "Secretaría del Trabajo y Previsión Social (STPS)", "MX"),
    (r"\bustr\b|office of the (?:united states|u\.s\.) trade representative", "USTR", "US"),
    (r"global affairs canada|affaires mondiales canada", "Global Affairs Canada", "CA"),
    (
        r"environment and climate change canada|environnement et changement climatique canada",
        "Environment and Climate Change Canada",
        "CA",
    ),
    (r"department of labou?r", "Department of Labor", "US"),
    (r"environmental protection agency|\bepa\b", "EPA", "US"),
)

TITLES: tuple[tuple[str, str], ...] = (
    (
        r"representante comercial adjunt[oa](?: de (?:los )?estados unidos)?|"
        r"deputy (?:u\.s\. |united states )?trade representative|"
        r"representante? (?:americaine? )?adjointe? au commerce|"
        r"subsecretari[oa]|viceministr[oa]|vice-?ministr[oa]|deputy minister|sous-ministre|"
        r"sous-secretaire|"
        r"vice-ministre|under ?secretary|deputy secretary",
        "deputy_minister",
    ),
    (
        r"representante comercial de (?:los )?estados unidos|"
        r"(?:united states|u\.s\.) trade representative|representante? au commerce|"
        r"secretari[oa] de (?:economia|comercio|trabajo|medio ambiente)|secretary of \w+|"
        r"ministr[oa]|minister|ministre",
        "minister",
    ),
    (r"embajador(?:a)?|ambassador|ambassadeur|ambassadrice", "ambassador"),
    (
        r"jef[ea] de (?:la )?delegacion(?: \w+)?|head of (?:the )?(?:\w+ )?delegation|"
        r"chef(?:fe)? de (?:la )?delegation(?: \w+)?|director(?:a)? (?:general|ejecutiv[oa])|"
        r"(?:director general|executive director)|directeur (?:general|executif)|"
        r"directrice (?:generale|executive)",
        "senior_official",
    ),
)
TITLE = "|".join(f"(?:{p})" for p, _ in TITLES)
NAME = (
    r"[A-ZÁÉÍÓÚÑ][a-záéíóúñüçèëï'’-]+"
    r"(?:\s+(?:de la |del |de |van |von |Mc|O')?[A-ZÁÉÍÓÚÑ][a-záéíóúñüçèëï'’-]+){1,3}"
)
NOT_NAMES = frozenset(
    _split(
        """
    estados unidos comercio exterior internacional economia mexico canada america norte
    secretaria gobierno united states trade representative affairs global ministry government
    canada department office commission comision comite committee council consejo dialogo
    dialogue partes parties tratado agreement environment ambiente medio north american export
    promotion small business foreign labour labor minister secretary deputy under ambassador
    director executive delegation delegacion head jefe representative usmca t-mec
    """
    )
)

CHAIR_CLAUSE = (
    r"presidid[oa]s? por|copresidid[oa]s? por|co-?chaired by|chaired by|presided over by|"
    r"presidee?s? par|copresidee?s? par|coprésidée? par|sous la presidence d"
)
HEAD_OF_DELEGATION = r"jef[ea] de (?:la )?delegacion|head of (?:the )?(?:\w+ )?delegation|chef"

STATUS_CUES: tuple[tuple[str, str], ...] = (
    ("cancelled", r"cancelad[oa]|se cancelo|cancell?ed|annulee?"),
    ("rescheduled", r"reprogramad[oa]|rescheduled|reportee? au|reprogrammee?"),
    ("postponed", r"se pospuso|pospuest[oa]|aplazad[oa]|postponed|reportee?\b|ajournee?"),
    (
        "held",
        r"se llevo a cabo|se celebro|se realizo|tuvo lugar|fungio como anfitrion|"
        r"fue presidid[oa]|sesiono|se reunio|se reunieron|sostuvieron|celebraron|"
        r"was held|were held|\bheld (?:its|their|the|a)\b|took place|\bmet\b|convened|\bhosted\b|"
        r"was chaired|"
        r"s'est tenue?|a eu lieu|se sont reunis|s'est reunie?|a accueilli|a ete presidee?|"
        r"ont tenu|s'est deroulee?",
    ),
    (
        "announced",
        r"se llevara a cabo|se celebrara|se realizara|will be held|will take place|"
        r"will meet|will host|aura lieu|se tiendra|se reunira",
    ),
)
FORMAT_CUES: tuple[tuple[str, str], ...] = (
    ("hybrid", r"hibrid[oa]|hybrid|hybride"),
    (
        "virtual",
        r"virtual(?:mente|ly)?|virtuel(?:le)?(?:ment)?|videoconferencia|videoconference|"
        r"visioconference",
    ),
    ("in_person", r"presencial(?:mente)?|in[- ]person|en personne|en presentiel"),
)

CITIES: tuple[tuple[str, str, str], ...] = (
    (r"ciudad de mexico|cdmx|mexico city|ville de mexico", "Mexico City", "MX"),
    (r"washington,? d\.? ?c\b\.?", "Washington, D.C.", "US"),
    (r"washington", "Washington", "US"),
    (r"ottawa", "Ottawa", "CA"),
    (r"montreal", "Montreal", "CA"),
    (r"toronto", "Toronto", "CA"),
    (r"vancouver", "Vancouver", "CA"),
    (r"victoria", "Victoria", "CA"),
    (r"quebec", "Quebec City", "CA"),
    (r"calgary", "Calgary", "CA"),
    (r"san antonio", "San Antonio", "US"),
    (r"houston", "Houston", "US"),
    (r"nueva york|new york", "New York", "US"),
    (r"wilmington", "Wilmington, North Carolina", "US"),
    (r"merida", "Mérida", "MX"),
    (r"monterrey", "Monterrey", "MX"),
    (r"guadalajara", "Guadalajara", "MX"),
    (r"cancun", "Cancún", "MX"),
    (r"los cabos", "Los Cabos", "MX"),
    (r"tijuana", "Tijuana", "MX"),
    (r"queretaro", "Querétaro", "MX"),
    (r"puebla", "Puebla", "MX"),
)

TOPIC_CUES: dict[str, str] = {
    "digitalization": r"digitaliza|digitalization|transformacion digital|digital transformation|"
    r"numerisation|transformation numerique",
    "ecommerce": r"comercio electronico|e-commerce|ecommerce|commerce electronique|"
    r"comerciar en linea|vender en linea|online sales|sell(?:ing)? online|digital trade|"
    r"comercio digital|commerce numerique",
    "financing": r"financiamiento|export financ|\bfinancing|financement",
    "financial_inclusion": r"inclusion financiera|financial inclusion|inclusion financiere",
    "environment": r"medio ambiente|proteccion ambiental|objetivos ambientales|"
    r"\benvironment\b|environmental protection|\benvironnement\b|protection de l'environnement",
    "circular_economy": r"economia circular|circular economy|economie circulaire",
    "climate": r"cambio climatico|\bclima\b|\bclimate\b|\bclimat\b|climatique",
    "biodiversity_forestry": r"forestal|\bbosques?\b|biodiversidad|\bforest|biodiversity|"
    r"biodiversite|\bforets?\b|gestion forestiere",
    "wildlife_illegal_logging": r"vida silvestre|tala ilegal|wildlife|"
    r"illegal(?:ly)? (?:logg|harvest)|"
    r"especes sauvages|exploitation forestiere illegale|bois (?:recolte|coupe) illegalement",
    "marine_litter": r"basura marina|marine litter|dechets marins",
    "environmental_enforcement": r"aplicacion de la legislacion ambiental|"
    r"aplicacion (?:efectiva )?de "
    r"(?:la legislacion ambiental|las leyes (?:ambientales|relacionadas))|"
    r"enforcement of (?:environmental|its environmental)|environmental (?:law )?enforcement|"
    r"law enforcement|application (?:effective )?des lois|"
    r"application de la legislation environnementale|execution de la loi",
    "environmental_justice": r"justicia ambiental|environmental justice|justice environnementale",
    "export_procedures": r"procedimientos (?:para exportar|de exportacion)|"
    r"export(?:ing)? procedures|"
    r"procedures d'exportation",
    "customs_trade_facilitation": r"\baduan|\bcustoms\b|facilitacion (?:comercial|del comercio)|"
    r"trade facilitation|\bdouane|facilitation des echanges",
    "rules_of_origin": r"reglas de origen|rules of origin|regles d'origine",
    "regulatory_cooperation": r"cooperacion regulatoria|regulatory cooperation|"
    r"cooperation (?:en matiere de reglementation|reglementaire)",
    "intellectual_property": r"propiedad intelectual|intellectual property|"
    r"propriete intellectuelle",
    "labor_rights": r"derechos laborales|labou?r rights|droits du travail|inspeccion laboral|"
    r"labou?r inspection|inspection du travail|derechos de (?:los )?trabajadores|"
    r"workers' rights|droits des travailleurs|worker protection|"
    r"proteccion (?:de los )?trabajadores|"
    r"protection des travailleurs|legislacion laboral|labou?r laws?|lois du travail",
    "forced_labor": r"trabajo forzoso|forced labou?r|travail force",
    "inclusion_women": r"\bmujer|\bwomen\b|\bfemmes?\b|\bgenero\b|\bgender\b",
    "inclusion_indigenous": r"indigena|indigenous|autochtone",
    "inclusion_youth_underrepresented": r"\bjovenes\b|\byouth\b|\bjeunes\b|subrepresentad|"
    r"underrepresented|sous-represente",
    "smes": r"\b(?:mi)?pymes?\b|pequenas y medianas empresas|\bsmes?\b|small and medium|"
    r"\bpme\b|petites et moyennes|small business",
    "competitiveness": r"competitividad|competitiveness|competitivite",
    "supply_chains_nearshoring": r"cadenas? de (?:suministro|valor)|nearshoring|supply chains?|"
    r"value chains?|chaines? d'approvisionnement|chaines? de valeur|relocalisation",
    "energy": r"\benergia|\benergy\b|\benergie",
    "agriculture": r"agricultur|agricole|agropecuari",
    "implementation_review": r"revisar los trabajos|implementar los compromisos|"
    r"implementacion del capitulo|revision de la implementacion|"
    r"review(?:ed)? (?:the )?implementation|"
    r"implementation of (?:the |its )?(?:chapter|commitments|obligations)|took stock|"
    r"examen de la mise en (?:oe|œ)uvre|"
    r"mise en (?:oe|œ)uvre (?:du chapitre|des (?:engagements|obligations))|"
    r"fait le point|funcionamiento del capitulo|revision formal del funcionamiento|formal review|"
    r"operation of (?:the )?(?:labou?r )?chapter",
    "public_participation": r"participacion (?:publica|del publico)|public participation|"
    r"participation du public|peticiones relativas|submissions on enforcement|"
    r"communications relatives",
    "dispute_settlement": r"solucion de controversias|dispute settlement|reglement des differends",
}
DOMAINS: dict[str, str] = {
    "sme": r"\b(?:mi)?pymes?\b|pequenas y medianas empresas|\bsmes?\b|small and medium|\bpme\b",
    "environment": r"ambient|environment|environnement|\bcca\b|\bcec\b|\bcce\b|forest|circular",
    "labor": r"laboral|trabajador|\blabou?r\b|travail|worker",
}
DOMAIN_OF_BODY = {
    "sme_dialogue": "sme",
    "sme_committee": "sme",
    "environment_committee": "environment",
    "cec_council": "environment",
    "labor_council": "labor",
    "labor_public_session": "labor",
}
TREATY_REF = re.compile(
    r"\b(?:art[ií]culos?|articles?|art\.)\s+(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)"
    r"|\b(?:cap[ií]tulo|chapter|chapitre)\s+(\d{1,2})\b",
    re.I,
)
LIST_ITEM = re.compile(r"^\s*(\d{1,2})[\).]\s+")
KEYNOTE = re.compile(r"panel magistral|keynote (?:panel|session)|panel d'honneur|panel principal")
DATE_SLUG = re.compile(r"^(.*?)-\d{4}(?:-|$)")

ORD_EN = _split("First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth")
ORD_ES_M = _split("Primer Segundo Tercer Cuarto Quinto Sexto Séptimo Octavo Noveno Décimo")
ORD_ES_F = _split("Primera Segunda Tercera Cuarta Quinta Sexta Séptima Octava Novena Décima")


# --- mentions of events -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    """A place where the text names an event: ``body`` (with ``edition`` when an ordinal
    qualifies it); ``public`` for a public session of that body."""

    body: str | None
    edition: int | None
    public: bool
    start: int
    end: int
    unit: str | None = None


def _alias_patterns(taxonomy: Taxonomy) -> dict[str, str]:
    out: dict[str, str] = {}
    for code, body in taxonomy.bodies.items():
        labels = [re.escape(fold_aligned(x)) for x in (body.labels.en, body.labels.es)]
        labels.append(re.escape(fold_aligned(body.labels.fr)))
        out[code] = "|".join([*BODY_ALIASES.get(code, ()), *labels])
    return out


def find_mentions(folded: str, taxonomy: Taxonomy) -> list[Mention]:
    """Every naming of a body (with its ordinal when one qualifies it) and of a public
    session, in text order; a longer naming wins over one inside it."""
    found: list[Mention] = []
    for code, alias in _alias_patterns(taxonomy).items():
        pattern = re.compile(
            rf"(?:\b(?P<ord>{ORDINAL})\s+(?:{UNIT})?{OWNER})?\b(?:{alias})\b(?:'s)?"
            rf"(?:\s+(?P<ord_after>{ORDINAL})\s+(?:meeting|session))?"
        )
        for m in pattern.finditer(folded):
            ordinal = m.group("ord") or m.group("ord_after")
            found.append(
                Mention(
                    code,
                    ORDINALS.get(ordinal) if ordinal else None,
                    code == "labor_public_session",
                    m.start(),
                    m.end(),
                    m.group("unit"),
                )
            )
    for m in re.finditer(rf"\b(?:{PUBLIC_SESSION})\b", folded):
        found.append(Mention(None, None, True, m.start(), m.end()))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


@dataclass
class EventSlot:
    """One event the text speaks of, and the paragraphs that are about it."""

    body: str
    edition: int | None
    public: bool
    primary: bool
    mentions: list[Mention] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    related_slots: list[EventSlot] = field(default_factory=list)

    def matches(self, mention: Mention, body: str | None) -> bool:
        return (
            body == self.body
            and mention.public == self.public
            and (mention.edition is None or self.edition is None or mention.edition == self.edition)
        )


def _is_heading(passage: Passage) -> bool:
    text = passage.text
    return bool(re.match(r"^(?:[IVX]{1,5}|[A-H]|\d{1,2})\.\s+\S", text)) or (
        len(text) <= 100 and not text.rstrip().endswith((".", ":", ";"))
    )


def _assign(
    passages: Sequence[Passage], folded: str, taxonomy: Taxonomy
) -> tuple[list[EventSlot], Passage | None]:
    """The events of the text (drafted ones first) with their paragraphs, and the title
    paragraph (which belongs to none)."""
    title = next((p for p in passages if not p.text.startswith("[")), None)
    mentions_of = {
        p.passage_no: [m for m in find_mentions(folded[p.start : p.end], taxonomy)]
        for p in passages
    }
    mentions_of = {
        no: [
            Mention(
                m.body,
                m.edition,
                m.public,
                m.start + passages[no - 1].start,
                m.end + passages[no - 1].start,
                m.unit,
            )
            for m in ms
        ]
        for no, ms in mentions_of.items()
    }
    slots: list[EventSlot] = []

    def slot_for(mention: Mention, body: str, *, primary: bool) -> EventSlot:
        for slot in slots:
            if slot.matches(mention, body) and (slot.primary or not primary):
                if slot.edition is None and mention.edition is not None:
                    slot.edition = mention.edition
                return slot
        slot = EventSlot(body, mention.edition, mention.public, primary)
        slots.append(slot)
        return slot

    headings = [p for p in passages if p is title or _is_heading(p)]
    for passage in headings:
        for mention in mentions_of[passage.passage_no]:
            if mention.body is not None and not mention.public:
                slot_for(mention, mention.body, primary=True).mentions.append(mention)
    if not slots:
        first = next(
            (m for p in passages for m in mentions_of[p.passage_no] if m.body and not m.public),
            None,
        )
        if first is None:
            return [], title
        slot_for(first, first.body or "", primary=True)
    current: EventSlot | None = slots[0] if len(slots) == 1 else None
    for passage in passages:
        if passage is title and _is_heading(passage):
            continue
        owners: list[EventSlot] = []
        for mention in mentions_of[passage.passage_no]:
            body = mention.body or (current.body if current else None)
            if body is None:
                continue
            slot = slot_for(mention, body, primary=False)
            slot.mentions.append(mention)
            owners.append(slot)
        primaries = [s for s in owners if s.primary]
        others = [s for s in owners if not s.primary]
        if current is not None:
            current.related_slots += [s for s in others if s not in current.related_slots]
        if primaries:
            owner: EventSlot | None = primaries[0]
            if _is_heading(passage):
                current = primaries[0]
        elif others and find_dates(passage.text):
            # a dated account of another meeting (a footnote, a postponed session) is about it;
            # a passing mention ("prepared the fourth Commission meeting") is not
            owner = others[0]
        else:
            owner = _by_domain(passage, folded, current, [s for s in slots if s.primary])
        if owner is not None:
            owner.passages.append(passage)
    slots.sort(key=lambda s: not s.primary)
    return slots, title


def _by_domain(
    passage: Passage, folded: str, current: EventSlot | None, primaries: list[EventSlot]
) -> EventSlot | None:
    """The section's event, unless the paragraph speaks only of another drafted event's
    subject (interleaved columns)."""
    text = folded[passage.start : passage.end]
    domains = {d for d, pattern in DOMAINS.items() if re.search(pattern, text)}
    if current is not None and DOMAIN_OF_BODY.get(current.body) in domains:
        return current
    others = [s for s in primaries if s is not current and DOMAIN_OF_BODY.get(s.body) in domains]
    if len(others) == 1 and not (current and DOMAIN_OF_BODY.get(current.body) in domains):
        return others[0]
    return current


# --- drafts -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a field has its value: ``text[start:end]`` (``quote``) says so, with ``confidence``
    between 0 and 1."""

    field: str
    value: Any
    start: int
    end: int
    confidence: float
    quote: str


@dataclass(frozen=True, slots=True)
class Draft:
    id: str
    record: dict[str, Any]
    evidence: tuple[Evidence, ...]
    unfilled: tuple[str, ...]
    known_id: str | None = None


@dataclass(frozen=True, slots=True)
class KnownOfficial:
    name: str
    party: str | None
    organization: str | None
    role: str | None
    level: str


def known_officials(events: Iterable[Event]) -> dict[str, KnownOfficial]:
    """Named participants of the records, by folded name; the latest record's details win."""
    out: dict[str, KnownOfficial] = {}
    for event in sorted(events, key=lambda e: e.start_date):
        for p in event.participants:
            out[fold_aligned(p.name)] = KnownOfficial(
                p.name, p.party, p.organization, p.role, p.level
            )
    return out


class _Builder:
    """Collects one draft's fields with their evidence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.values: dict[str, Any] = {}
        self.evidence: list[Evidence] = []

    def put(self, name: str, value: Any, span: tuple[int, int], confidence: float) -> None:
        self.values[name] = value
        self.note(name, value, span, confidence)

    def note(self, name: str, value: Any, span: tuple[int, int], confidence: float) -> None:
        start, end = span
        quote = " ".join(self.text[start:end].split())
        self.evidence.append(Evidence(name, value, start, end, round(confidence, 2), quote))


def _first(pattern: str, folded: str, spans: Iterable[Span]) -> re.Match[str] | None:
    """The first match of ``pattern`` in the given sentences of the folded text."""
    compiled = re.compile(pattern)
    for span in spans:
        match = compiled.search(folded, span.start, span.end)
        if match:
            return match
    return None


def _slot_sentences(slot: EventSlot) -> list[Span]:
    return [s for p in slot.passages for s in sentences(p)]


def _dates(slot: EventSlot, folded: str, text: str) -> tuple[DateMention, float] | None:
    held = "|".join(p for _, p in STATUS_CUES)
    candidates: list[tuple[float, int, DateMention]] = []
    for span in _slot_sentences(slot):
        cue = re.search(held, folded[span.start : span.end])
        names_event = any(span.start <= m.start < span.end for m in slot.mentions)
        for mention in find_dates(text[span.start : span.end]):
            absolute = DateMention(
                mention.start_date,
                mention.end_date,
                mention.precision,
                mention.start + span.start,
                mention.end + span.start,
            )
            score = (0.5 if cue else 0.0) + (0.3 if names_event else 0.0)
            score += 0.15 if mention.precision == "day" else 0.0
            candidates.append((score, absolute.start, absolute))
    if not candidates:
        return None
    score, _, best = max(candidates, key=lambda c: (c[0], -c[1]))
    return best, min(0.95, 0.45 + score)


def _officials(
    slot: EventSlot, folded: str, text: str, known: dict[str, KnownOfficial]
) -> list[tuple[dict[str, Any], list[tuple[str, Any, tuple[int, int], float]]]]:
    """Named officials: a title then a name ("el subsecretario de Comercio Exterior de México,
    Alejandro Encinas Nájera"), a name then a title ("Katherine Tai, United States Trade
    Representative"), or a name already known from the records."""
    found: list[tuple[dict[str, Any], list[tuple[str, Any, tuple[int, int], float]]]] = []
    by_name: dict[str, int] = {}
    names = sorted(known, key=len, reverse=True)
    known_names = re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b") if names else None
    title_pattern = re.compile(rf"\b(?:(?:{PARTY_NAME})(?:'s)?\s+)?(?:{TITLE})\b")
    chair_spans = [
        (m.end(), folded.find(".", m.end()) if folded.find(".", m.end()) > 0 else len(folded))
        for m in re.finditer(CHAIR_CLAUSE, folded)
    ]

    def add(name: str, name_span: tuple[int, int], title_span: tuple[int, int] | None) -> None:
        key = fold_aligned(name)
        full = next((k for k in known if k == key or k.endswith(" " + key)), None)
        same = next((n for n in by_name if n == key or n.endswith(" " + key)), None)
        if same is not None or (full is not None and full in by_name):
            return
        official = known.get(full) if full else None
        entry: dict[str, Any] = {
            "name": official.name if official else name,
            "party": None,
            "organization": None,
            "role": None,
            "level": "unknown",
            "capacity": "participant",
        }
        ev: list[tuple[str, Any, tuple[int, int], float]] = [
            ("name", entry["name"], name_span, 0.9 if official or title_span else 0.6)
        ]
        if title_span is not None:
            title_text = " ".join(text[title_span[0] : title_span[1]].split()).strip(" ,")
            title_folded = folded[title_span[0] : title_span[1]]
            entry["role"] = title_text
            ev.append(("role", title_text, title_span, 0.8))
            for pattern, level in TITLES:
                bare = re.sub(rf"^(?:{PARTY_NAME})(?:'s)?\s+", "", title_folded.strip())
                if re.match(pattern, bare) or re.match(pattern, title_folded.strip()):
                    entry["level"] = level
                    ev.append(("level", level, title_span, 0.75))
                    break
            party_words = re.findall(rf"\b(?:{PARTY_NAME})\b", title_folded)
            for words in party_words:
                party = party_of(words)
                if party:
                    entry["party"] = party
                    ev.append(("party", party, title_span, 0.8))
                    break
            for pattern, org, org_party in ORGANIZATIONS:
                if re.search(pattern, title_folded):
                    entry["organization"] = org
                    ev.append(("organization", org, title_span, 0.7))
                    if entry["party"] is None:
                        entry["party"] = org_party
                        ev.append(("party", org_party, title_span, 0.7))
                    break
        if official is not None:
            for attr in ("party", "organization", "level"):
                if entry[attr] in (None, "unknown") and getattr(official, attr):
                    entry[attr] = getattr(official, attr)
                    ev.append((attr, entry[attr], name_span, 0.6))
        by_name[fold_aligned(entry["name"])] = len(found)
        found.append((entry, ev))
        inside = [c for c in chair_spans if c[0] <= name_span[0] <= c[1]]
        if inside:
            entry["_chair_clause"] = inside[0]
        elif re.search(
            HEAD_OF_DELEGATION, folded[title_span[0] : title_span[1]] if title_span else ""
        ):
            entry["capacity"] = "head_of_delegation"
            ev.append(("capacity", "head_of_delegation", title_span or name_span, 0.7))

    for span in _slot_sentences(slot):
        for m in title_pattern.finditer(folded, span.start, span.end):
            if re.search(
                rf"{NAME},\s*(?:the |la |el |le )?$", text[max(0, m.start() - 80) : m.start()]
            ):
                continue  # "Rob Stewart, sous-ministre ..., Alejandro ...": the title is Stewart's
            found_name = _name_after_title(text, m.end(), span.end)
            if found_name is not None:
                title_end, name_start, name_end = found_name
                add(text[name_start:name_end], (name_start, name_end), (m.start(), title_end))
        for name in re.finditer(NAME, text[span.start : span.end]):
            start = span.start + name.start()
            after = folded[span.start + name.end() : span.end]
            title = re.match(
                rf"\s*,\s*(?:the |la |el |le )?(?:(?:{PARTY_NAME})(?:'s)?\s+)?(?P<title>{TITLE})"
                r"[^,;.()]*",
                after,
            )
            if title and _is_name(name.group(0)):
                t0 = span.start + name.end() + title.start("title")
                add(
                    name.group(0),
                    (start, span.start + name.end()),
                    (t0, t0 + len(title.group(0)) - title.start("title")),
                )
        if known_names is not None:
            for hit in known_names.finditer(folded, span.start, span.end):
                add(text[hit.start() : hit.end()], (hit.start(), hit.end()), None)
    clauses = Counter(entry.get("_chair_clause") for entry, _ in found if "_chair_clause" in entry)
    for entry, ev in found:
        clause = entry.pop("_chair_clause", None)
        if clause is not None:
            capacity = "co_chair" if clauses[clause] > 1 else "chair"
            entry["capacity"] = capacity
            ev.append(("capacity", capacity, clause, 0.8))
    return found


def _name_after_title(text: str, start: int, limit: int) -> tuple[int, int, int] | None:
    """After a title, the name it introduces: right after it ("Minister Mary Ng") or after the
    title's qualifier and a comma ("subsecretario de Comercio Exterior de México, Alejandro
    Encinas Nájera"); returns (end of the title with its qualifier, name start, name end)."""
    direct = re.match(rf"\s+({NAME})", text[start:limit])
    if direct and _is_name(direct.group(1)):
        return start, start + direct.start(1), start + direct.end(1)
    qualified = re.match(rf"([^,;.()]{{0,80}}?)\s*,\s*({NAME})", text[start:limit])
    if qualified and _is_name(qualified.group(2)):
        return start + qualified.end(1), start + qualified.start(2), start + qualified.end(2)
    return None


def _is_name(candidate: str) -> bool:
    words = [fold_aligned(w) for w in candidate.split()]
    return not any(w in NOT_NAMES for w in words)


def _panel_title(item: str) -> str:
    body = LIST_ITEM.sub("", item)
    cut = re.search(r"\.\s+(?=[A-ZÁÉÍÓÚÑ¿¡])", body)
    title = body[: cut.start()] if cut else body
    return " ".join(title.split()).rstrip(".")


def _topics(
    folded: str, spans: Iterable[tuple[int, int]], taxonomy: Taxonomy
) -> list[tuple[str, tuple[int, int]]]:
    """Topics whose cues occur in the spans: most often first, then first seen; each with its
    first cue's span."""
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for start, end in spans:
        for code, pattern in TOPIC_CUES.items():
            if code not in taxonomy.topics:
                continue
            for m in re.finditer(pattern, folded[start:end]):
                counts[code] += 1
                first.setdefault(code, (start + m.start(), start + m.end()))
    return [(c, first[c]) for c in sorted(counts, key=lambda c: (-counts[c], first[c][0]))]


def _id_prefixes(events: Iterable[Event]) -> dict[str, str]:
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for event in events:
        match = DATE_SLUG.match(event.id)
        if match:
            votes[event.body][match.group(1)] += 1
    return {body: c.most_common(1)[0][0] for body, c in votes.items()}


def _titles(slot: EventSlot, taxonomy: Taxonomy, text: str, language: str) -> tuple[str, str]:
    body = taxonomy.bodies[slot.body].labels
    n = slot.edition
    unit = next((m.unit for m in slot.mentions if m.unit), None)
    unit_en = {"sesion": "Session", "session": "Session", "seance": "Session"}.get(
        unit or "", "Meeting"
    )
    unit_es = "Sesión" if unit_en == "Session" else "Reunión"
    dialogue = KIND_OF_BODY.get(slot.body) == "dialogue"
    if body.en.endswith("Meeting") or body.es.startswith("Reunión"):
        # the body is itself "a meeting of ...": "Third Deputies (Vice-Ministers) Meeting"
        ordinal = ((n is not None and n <= 10) and n) or 0
        title_en = f"{ORD_EN[ordinal - 1]} {body.en}" if ordinal else body.en
        title_es = f"{ORD_ES_F[ordinal - 1]} {body.es}" if ordinal else body.es
    elif n is None or n > 10:
        title_en = body.en if dialogue else f"Meeting of the {body.en}"
        title_es = body.es if dialogue else f"{unit_es} del {body.es}"
    elif dialogue:
        title_en = f"{ORD_EN[n - 1]} {body.en}"
        title_es = f"{ORD_ES_M[n - 1]} {body.es}"
    else:
        title_en = f"{ORD_EN[n - 1]} {unit_en} of the {body.en}"
        of = "de la" if body.es.startswith(("Comisión", "Revisión")) else "del"
        title_es = f"{ORD_ES_F[n - 1]} {unit_es} {of} {body.es}"
    named = [m for m in slot.mentions if m.edition is not None]
    if named:
        written = " ".join(text[named[0].start : named[0].end].split())
        if language == "es":
            title_es = written[:1].upper() + written[1:]
        elif language == "en":
            title_en = written[:1].upper() + written[1:]
    return title_en, title_es


def draft_records(
    text: str,
    taxonomy: Taxonomy,
    known_events: Sequence[Event],
    *,
    source: str | None = None,
    published: dt.date | None = None,
) -> list[Draft]:
    """One draft per event ``text`` describes (see the module docstring). ``source`` is the
    url the drafts cite (``seed: <file>`` or a document id); offsets in the evidence are
    offsets into ``text``."""
    folded = fold_aligned(text)
    language = detect_language(text)
    slots, _ = _assign(split_passages(text), folded, taxonomy)
    known = known_officials(known_events)
    prefixes = _id_prefixes(known_events)
    return [
        _draft_one(
            _Context(text, folded, slot, _slot_sentences(slot), taxonomy),
            known_events,
            known,
            prefixes,
            language,
            source,
            published,
        )
        for slot in slots
        if slot.primary
    ]


@dataclass(frozen=True, slots=True)
class _Context:
    """What every field filler reads: the text, its folded twin, the event's sentences."""

    text: str
    folded: str
    slot: EventSlot
    spans: list[Span]
    taxonomy: Taxonomy


def _fill_identity(b: _Builder, ctx: _Context) -> str:
    slot = ctx.slot
    anchor = max(slot.mentions, key=lambda m: (m.edition is not None, -m.start), default=None)
    anchor_span = (anchor.start, anchor.end) if anchor else (0, 0)
    b.put("body", slot.body, anchor_span, 0.95 if anchor and anchor.edition else 0.8)
    if slot.edition is not None:
        ed = next(m for m in slot.mentions if m.edition == slot.edition)
        b.put("edition", slot.edition, (ed.start, ed.end), 0.9)
    kind = "public_session" if slot.public else KIND_OF_BODY.get(slot.body, "committee_meeting")
    b.put("kind", kind, anchor_span, 0.8)
    return kind


def _fill_when(b: _Builder, ctx: _Context) -> None:
    dates = _dates(ctx.slot, ctx.folded, ctx.text)
    if dates is not None:
        mention, confidence = dates
        where = (mention.start, mention.end)
        if mention.precision == "day":
            b.put("start_date", mention.start_date, where, confidence)
            b.put("end_date", mention.end_date or mention.start_date, where, confidence)
        else:
            b.put("start_date", mention.start_date.strftime("%Y-%m"), where, confidence - 0.2)
    for status, pattern in STATUS_CUES:
        hit = _first(pattern, ctx.folded, ctx.spans)
        if hit:
            confidence = 0.6 if status == "announced" else 0.85
            b.put("status", status, (hit.start(), hit.end()), confidence)
            break
    for fmt, pattern in FORMAT_CUES:
        # "followed by a virtual public session" says how the public session met, not the event
        hit = _first(rf"\b(?:{pattern})(?!\s+(?:{PUBLIC_SESSION}))", ctx.folded, ctx.spans)
        if hit:
            b.put("format", fmt, (hit.start(), hit.end()), 0.85)
            break


HOST_PATTERNS = (
    rf"(?P<p>{PARTY_NAME})\s+(?:fungio|actuo|fue|sera|was|served)\s+(?:como\s+|as\s+)?"
    r"(?:el\s+|the\s+)?(?:pais\s+)?(?:anfitrion|host)",
    r"(?:anfitrion(?:a)?|hosted by|accueillie? par|organizad[oa] por|organisee? par)\s+"
    rf"{ARTICLE}(?P<p>{PARTY_NAME})\b",
    rf"{ARTICLE}(?P<p>{PARTY_NAME})\s+(?:hosted|a accueilli|accueillait)",
)
CHAIR_PATTERNS = (
    rf"(?:{CHAIR_CLAUSE})\s+{ARTICLE}(?P<p>{PARTY_NAME})\b",
    rf"(?:bajo la presidencia de|under the chairmanship of)\s+{ARTICLE}(?P<p>{PARTY_NAME})\b",
    rf"sous la presidence (?:du|des|de la|de l')\s*(?P<p>{PARTY_NAME})\b",
)


def _party_cue(patterns: Sequence[str], ctx: _Context) -> tuple[str, re.Match[str]] | None:
    for pattern in patterns:
        hit = _first(pattern, ctx.folded, ctx.spans)
        party = party_of(hit.group("p")) if hit else None
        if hit and party:
            return party, hit
    return None


def _fill_where(b: _Builder, ctx: _Context) -> None:
    """City, host and chair; a host is inferred from the city's country (confidence 0.6) only
    when the text names no host."""
    city_hit: tuple[str, re.Match[str]] | None = None
    for pattern, city, party in CITIES:
        hit = _first(rf"\b(?:en|in|a|à|at)\s+(?:la\s+)?(?P<city>{pattern})", ctx.folded, ctx.spans)
        if hit:
            b.put("city", city, (hit.start("city"), hit.end("city")), 0.8)
            city_hit = party, hit
            break
    host = _party_cue(HOST_PATTERNS, ctx)
    if host is not None:
        b.put("host_party", host[0], (host[1].start(), host[1].end()), 0.9)
    elif city_hit is not None:
        party, hit = city_hit
        b.put("host_party", party, (hit.start("city"), hit.end("city")), 0.6)
    chair = _party_cue(CHAIR_PATTERNS, ctx)
    if chair is not None:
        b.put("chair_party", chair[0], (chair[1].start(), chair[1].end()), 0.85)


def _fill_people(b: _Builder, ctx: _Context, known: dict[str, KnownOfficial]) -> None:
    participants: list[dict[str, Any]] = []
    for i, (entry, notes) in enumerate(_officials(ctx.slot, ctx.folded, ctx.text, known)):
        participants.append(entry)
        for name, value, where, confidence in notes:
            b.note(f"participants[{i}].{name}", value, where, confidence)
    if not participants:
        return
    b.values["participants"] = participants
    chairs = [(i, p["party"]) for i, p in enumerate(participants) if p["capacity"] == "chair"]
    if "chair_party" not in b.values and len(chairs) == 1 and chairs[0][1]:
        i, party = chairs[0]
        cited = next(e for e in b.evidence if e.field == f"participants[{i}].name")
        b.put("chair_party", party, (cited.start, cited.end), 0.7)


def _fill_content(b: _Builder, ctx: _Context) -> None:
    """Treaty references, panels (numbered lists, keynote panels) and topics."""
    refs: list[str] = []
    for span in ctx.spans:
        for m in TREATY_REF.finditer(ctx.text, span.start, span.end):
            ref = m.group(1) or f"ch{m.group(2)}"
            if ref not in refs:
                refs.append(ref)
                b.note(f"treaty_refs[{len(refs) - 1}]", ref, (m.start(), m.end()), 0.9)
    if refs:
        b.values["treaty_refs"] = refs
    panels: list[dict[str, Any]] = []
    items = [(p.start, p.end, _panel_title(p.text), 0.75) for p in ctx.slot.passages]
    items = [
        item for item, p in zip(items, ctx.slot.passages, strict=True) if LIST_ITEM.match(p.text)
    ]
    items += [
        (s.start, s.end, " ".join(ctx.text[s.start : s.end].split()).rstrip("."), 0.6)
        for s in ctx.spans
        if KEYNOTE.search(ctx.folded, s.start, s.end)
    ]
    for start, end, title, confidence in items:
        codes = [c for c, _ in _topics(ctx.folded, [(start, end)], ctx.taxonomy)]
        b.note(f"panels[{len(panels)}].title", title, (start, end), confidence)
        panels.append({"title": title, "topics": codes})
    if panels:
        b.values["panels"] = panels
    topics = _topics(ctx.folded, [(s.start, s.end) for s in ctx.spans], ctx.taxonomy)
    if topics:
        b.values["topics"] = [code for code, _ in topics]
        for i, (code, where) in enumerate(topics):
            b.note(f"topics[{i}]", code, where, 0.7)


RECORD_FIELDS = (
    "edition",
    "start_date",
    "end_date",
    "status",
    "format",
    "city",
    "host_party",
    "chair_party",
    "treaty_refs",
    "topics",
    "participants",
    "panels",
)


def _draft_one(
    ctx: _Context,
    known_events: Sequence[Event],
    known: dict[str, KnownOfficial],
    prefixes: dict[str, str],
    language: str,
    source: str | None,
    published: dt.date | None,
) -> Draft:
    slot = ctx.slot
    b = _Builder(ctx.text)
    kind = _fill_identity(b, ctx)
    _fill_when(b, ctx)
    _fill_where(b, ctx)
    _fill_people(b, ctx, known)
    _fill_content(b, ctx)
    related = _related(slot, known_events)
    if related:
        b.values["related"] = [event_id for event_id, _ in related]
        for i, (event_id, where) in enumerate(related):
            b.note(f"related[{i}]", event_id, where, 0.7)
    title_en, title_es = _titles(slot, ctx.taxonomy, ctx.text, language)
    start = b.values.get("start_date")
    stamp = start.isoformat() if isinstance(start, dt.date) else (start or "undated")
    prefix = prefixes.get(slot.body, slot.body.replace("_", "-"))
    draft_id = f"{prefix}-{stamp}" + ("-public-session" if slot.public else "")
    supports = ", ".join(dict.fromkeys(e.field.split("[")[0] for e in b.evidence))
    record: dict[str, Any] = {
        "id": draft_id,
        "body": slot.body,
        "kind": kind,
        "title_en": title_en,
        "title_es": title_es,
        **{name: b.values.get(name) for name in RECORD_FIELDS},
        "outcomes": [],
        "related": b.values.get("related", []),
        "sources": [
            {
                "url": source or "seed: (the drafted document)",
                "publisher": None,
                "published": published,
                "language": language,
                "supports": supports,
            }
        ],
        "confidence": "low",
        "notes": "Drafted automatically from the source's text; every filled field is backed by "
        f"the passage cited in {draft_id}.evidence.yaml. Review each field, set confidence, "
        "write outcomes as paraphrases, then move the record into data/events/.",
    }
    for name in ("treaty_refs", "topics", "participants", "panels"):
        record[name] = record[name] or []
    order = ["id", "body", "edition", "kind", "title_en", "title_es", *RECORD_FIELDS[1:]]
    record = {key: record[key] for key in [*order, "outcomes", "related", "sources"]} | {
        "confidence": record["confidence"],
        "notes": record["notes"],
    }
    unfilled = tuple(name for name in RECORD_FIELDS if record[name] in (None, []))
    known_id = next(
        (
            e.id
            for e in known_events
            if e.body == slot.body
            and e.kind == kind
            and isinstance(start, dt.date)
            and e.start_date == start
        ),
        None,
    )
    return Draft(draft_id, record, tuple(b.evidence), unfilled, known_id)


def _related(slot: EventSlot, known_events: Sequence[Event]) -> list[tuple[str, tuple[int, int]]]:
    """Known events that the paragraphs of this event's section speak of."""
    out: list[tuple[str, tuple[int, int]]] = []
    for other in slot.related_slots:
        dates = [
            DateMention(m.start_date, m.end_date, m.precision, m.start + p.start, m.end + p.start)
            for p in other.passages
            for m in find_dates(p.text)
        ]
        kind = (
            "public_session" if other.public else KIND_OF_BODY.get(other.body, "committee_meeting")
        )
        for event in known_events:
            if event.body != other.body or event.kind != kind:
                continue
            same_date = [
                d for d in dates if d.start_date == event.start_date and d.precision == "day"
            ]
            same_edition = (
                other.edition is not None and event.edition == other.edition and not other.public
            )
            if same_date or same_edition:
                anchor = other.mentions[0]
                out.append((event.id, (anchor.start, anchor.end)))
                break
    return out


# --- writing ----------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Writes every value in place (no ``&id001`` anchors for repeated dates)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def write_drafts(
    drafts: Sequence[Draft], out_dir: Path, *, document: str | None = None
) -> list[Path]:
    """Write ``<id>.yaml`` (the record) and ``<id>.evidence.yaml`` (field, value, offsets,
    quote, confidence) for each draft into ``out_dir``; return the record files written. A
    second draft with the same id gets a ``-2`` suffix."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    used: set[str] = set()
    for draft in drafts:
        draft_id = draft.id
        n = 2
        while draft_id in used:
            draft_id, n = f"{draft.id}-{n}", n + 1
        used.add(draft_id)
        record = {**draft.record, "id": draft_id}
        path = out_dir / f"{draft_id}.yaml"
        path.write_text(
            "# Draft record: review every field against the evidence file.\n" + _dump(record),
            encoding="utf-8",
        )
        evidence = {
            "draft": draft_id,
            "document": document,
            "matches_known_record": draft.known_id,
            "offsets": "character offsets into the document's stored (repaired) text",
            "unfilled": list(draft.unfilled),
            "fields": [
                {
                    "field": e.field,
                    "value": e.value,
                    "start": e.start,
                    "end": e.end,
                    "confidence": e.confidence,
                    "quote": e.quote,
                }
                for e in draft.evidence
            ],
        }
        (out_dir / f"{draft_id}.evidence.yaml").write_text(_dump(evidence), encoding="utf-8")
        written.append(path)
    return written


def draft_document(
    document: SourceDocument, taxonomy: Taxonomy, known_events: Sequence[Event]
) -> list[Draft]:
    """The drafts of a stored document, citing it as ``seed: <file>``."""
    return draft_records(
        document.text,
        taxonomy,
        known_events,
        source=f"seed: {document.file} ({document.document_id})",
        published=document.published,
    )


def run_draft(document_path: Path, *, data_dir: Path, out_dir: Path) -> list[Path]:
    """``python -m etl draft DOC --out DIR``: read the document (raising
    :class:`etl.documents.DocumentError` for a bad one), draft it against the records of
    ``data_dir`` and write the drafts and their evidence into ``out_dir``."""
    result = validate_dir(data_dir)
    if result.taxonomy is None:
        raise ValidationFailed(list(result.problems))
    document = read_document(document_path)
    drafts = draft_document(document, result.taxonomy, result.events)
    return write_drafts(drafts, out_dir, document=f"{document.file} ({document.document_id})")


def run_draft_eval(*, data_dir: Path, extra: Sequence[Path] = ()) -> EvalReport:
    """``python -m etl draft-eval``: the documents of ``data_dir/documents`` and of ``extra``
    (e.g. ``tests/documents/corpus``) drafted and compared with the records of ``data_dir``."""
    result = validate_dir(data_dir)
    if result.taxonomy is None:
        raise ValidationFailed(list(result.problems))
    documents, errors = read_documents([data_dir / "documents", *extra])
    if errors:
        raise errors[0]
    return draft_eval(documents, result.events, result.taxonomy)


# --- evaluation -------------------------------------------------------------------------------

SCALAR_FIELDS = (
    "body",
    "edition",
    "kind",
    "start_date",
    "end_date",
    "status",
    "format",
    "city",
    "host_party",
    "chair_party",
)
LIST_FIELDS = (
    "treaty_refs",
    "topics",
    "participants",
    "participants.party",
    "participants.level",
    "panels",
)


@dataclass
class FieldScore:
    predicted: int = 0
    relevant: int = 0
    correct: int = 0

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.relevant if self.relevant else None

    def add(self, predicted: int, relevant: int, correct: int) -> None:
        self.predicted += predicted
        self.relevant += relevant
        self.correct += correct


@dataclass
class EvalReport:
    fields: dict[str, FieldScore]
    pairs: list[tuple[str, str, str]]
    unmatched_drafts: list[tuple[str, str]]
    missed_records: list[tuple[str, str]]

    @property
    def total(self) -> FieldScore:
        total = FieldScore()
        for score in self.fields.values():
            total.add(score.predicted, score.relevant, score.correct)
        return total


def _city_key(city: str | None) -> str | None:
    if not city:
        return None
    key = re.sub(r"[^a-z]", "", fold_aligned(city))
    return {"ciudaddemexico": "mexicocity", "washingtondc": "washington"}.get(key, key)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]{3,}", fold_aligned(text))}


def _panel_match(draft: dict[str, Any], curated: Panel) -> float:
    a, b = _words(draft["title"]), _words(curated.title)
    title = len(a & b) / min(len(a), len(b)) if a and b else 0.0
    ta, tb = set(draft["topics"]), set(curated.topics)
    topics = len(ta & tb) / len(ta | tb) if ta | tb else 0.0
    return max(title, 0.9 * topics)


def _curated_scalars(event: Event) -> dict[str, Any]:
    precision = event.date_precision
    return {
        "body": event.body,
        "edition": event.edition,
        "kind": event.kind,
        "start_date": event.start_date
        if precision == "day"
        else event.start_date.strftime("%Y-%m" if precision == "month" else "%Y"),
        "end_date": event.end_date,
        "status": event.status,
        "format": None if event.format == "unknown" else event.format,
        "city": _city_key(event.city),
        "host_party": event.host_party,
        "chair_party": event.chair_party,
    }


def _all_topics(event: Event) -> set[str]:
    return (
        set(event.topics)
        | {t for p in event.panels for t in p.topics}
        | {t for o in event.outcomes for t in o.topics}
    )


def _same_person(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def compare(draft: Draft, event: Event | None, report: EvalReport) -> None:
    """Add one draft's agreement with its curated record (``None``: no record, so everything
    drafted is wrong) to ``report``."""
    rec = draft.record
    scalars = _curated_scalars(event) if event is not None else dict.fromkeys(SCALAR_FIELDS)
    drafted = {**{k: rec.get(k) for k in SCALAR_FIELDS}, "city": _city_key(rec.get("city"))}
    for name in SCALAR_FIELDS:
        d, c = drafted[name], scalars[name]
        report.fields[name].add(d is not None, c is not None, d is not None and d == c)
    refs = set(event.treaty_refs) if event is not None else set()
    topics = _all_topics(event) if event is not None else set()
    for name, d_items, c_items in (
        ("treaty_refs", set(rec["treaty_refs"]), refs),
        ("topics", set(rec["topics"]), topics),
    ):
        report.fields[name].add(len(d_items), len(c_items), len(d_items & c_items))
    remaining = list(event.participants) if event is not None else []
    n_curated = len(remaining)
    matched: list[tuple[dict[str, Any], Participant]] = []
    for person in rec["participants"]:
        hit = next((p for p in remaining if _same_person(person["name"], p.name)), None)
        if hit is not None:
            remaining.remove(hit)
            matched.append((person, hit))
    report.fields["participants"].add(len(rec["participants"]), n_curated, len(matched))
    for attr in ("party", "level"):
        score = report.fields[f"participants.{attr}"]
        for person, hit in matched:
            d = None if person.get(attr) == "unknown" else person.get(attr)
            c = None if getattr(hit, attr) == "unknown" else getattr(hit, attr)
            score.add(d is not None, c is not None, d is not None and d == c)
    pending = list(event.panels) if event is not None else []
    n_panels, good = len(pending), 0
    for panel in rec["panels"]:
        best = max(pending, key=lambda p: _panel_match(panel, p), default=None)
        if best is not None and _panel_match(panel, best) >= 0.5:
            pending.remove(best)
            good += 1
    report.fields["panels"].add(len(rec["panels"]), n_panels, good)


def cited_documents(event: Event, document: SourceDocument) -> bool:
    """Whether one of the record's sources cites the document (its id, its file name, or a
    ``seed:`` source when the document is the project's seed bulletin folder)."""
    name = document.file.rsplit("/", 1)[-1]
    for source in event.sources:
        url = source.url
        if document.document_id in url or name in url:
            return True
        if url.startswith("seed:") and document.file.startswith("data/documents/"):
            return True
    return False


def matching_record(draft: Draft, events: Sequence[Event]) -> Event | None:
    """The curated record of the drafted event: same body and kind, and the same start date
    (or, when the draft has none, the same edition)."""
    start = draft.record["start_date"]
    candidates = [
        e for e in events if e.body == draft.record["body"] and e.kind == draft.record["kind"]
    ]
    by_date = [e for e in candidates if isinstance(start, dt.date) and e.start_date == start]
    if by_date:
        return by_date[0]
    edition = draft.record["edition"]
    by_edition = [e for e in candidates if edition is not None and e.edition == edition]
    return by_edition[0] if by_edition and not isinstance(start, dt.date) else None


def draft_eval(
    documents: Sequence[SourceDocument], events: Sequence[Event], taxonomy: Taxonomy
) -> EvalReport:
    """Draft every document and compare each draft with the curated record of the same event
    (:func:`matching_record`); records that cite a document but got no draft from it are
    listed as missed.

    The drafts compared are made without the records they are compared with (nor those citing
    the document), so officials are only "already known" from other records. Scalars count as
    drafted when filled and as curated when the record has a value (``unknown`` format counts
    as no value); lists count items: participants by name (then their Party and level),
    panels by title words or topics, and topics against every topic the record carries
    (event, panels and outcomes, as the warehouse counts them).
    """
    report = EvalReport({name: FieldScore() for name in (*SCALAR_FIELDS, *LIST_FIELDS)}, [], [], [])
    for document in documents:
        cited = {e.id for e in events if cited_documents(e, document)}
        first = draft_document(document, taxonomy, events)
        compared = cited | {m.id for d in first if (m := matching_record(d, events)) is not None}
        others = [e for e in events if e.id not in compared]
        used: set[str] = set()
        for draft in draft_document(document, taxonomy, others):
            match = matching_record(draft, events)
            if match is None:
                report.unmatched_drafts.append((document.file, draft.id))
            else:
                used.add(match.id)
                report.pairs.append((document.file, draft.id, match.id))
            compare(draft, match, report)
        report.missed_records += [(document.file, i) for i in sorted(cited - used)]
    return report


def format_eval(report: EvalReport) -> str:
    """The report as the text ``python -m etl draft-eval`` prints."""

    def pct(value: float | None) -> str:
        return "   –  " if value is None else f"{100 * value:5.1f}%"

    lines = ["drafts compared with curated records:"]
    lines += [f"  {doc}: {d} ↔ {e}" for doc, d, e in report.pairs]
    lines += [f"  {doc}: {d} (no curated record)" for doc, d in report.unmatched_drafts]
    lines += [f"  {doc}: no draft for {e}, which cites it" for doc, e in report.missed_records]
    lines.append("")
    lines.append(f"{'field':<22} {'precision':>9} {'recall':>7}   correct/drafted/curated")
    for name, score in [*report.fields.items(), ("all fields", report.total)]:
        lines.append(
            f"{name:<22} {pct(score.precision):>9} {pct(score.recall):>7}   "
            f"{score.correct}/{score.predicted}/{score.relevant}"
        )
    return "\n".join(lines)
