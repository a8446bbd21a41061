"""Words and patterns of es/en/fr texts about USMCA meetings, over folded text (lower case,
no accents, offsets kept: ``textrules.words.fold_aligned``): bodies, ordinals (the words from
``textrules.words``), Parties, titles, status, format, cities, topics."""

from __future__ import annotations

import re

from textrules.words import ORDINALS

# --- lexicons (folded text) -----------------------------------------------------------------


def _split(words: str) -> tuple[str, ...]:
    return tuple(words.split())


ROMAN = r"(?:x{0,3})(?:ix|iv|v?i{0,3})"
"""Roman numerals up to XXXIX ("XXIX sesión"); matched only before a meeting word."""
NUMBERED = r"\d{1,2}(?:st|nd|rd|th|er|re|eme|e|a|o|°|º)"
"""An ordinal written with digits: "31e", "2nd", "3a", "29°"."""
ORDINAL = "|".join([NUMBERED, *sorted((re.escape(w) for w in ORDINALS), key=len, reverse=True)])


def ordinal_value(words: str) -> int | None:
    """The number an ordinal (folded: "tercera", "31e", "first-ever", "xxix") stands for."""
    words = words.strip()
    if words in ORDINALS:
        return ORDINALS[words]
    digits = re.match(r"\d{1,2}", words)
    if digits:
        return int(digits.group(0))
    if words and re.fullmatch(ROMAN, words):
        values = {"i": 1, "v": 5, "x": 10}
        total = 0
        for i, ch in enumerate(words):
            value = values[ch]
            total += -value if i + 1 < len(words) and values[words[i + 1]] > value else value
        return total
    return None


BODY_ALIASES: dict[str, tuple[str, ...]] = {
    "free_trade_commission": (
        r"comision de libre comercio",
        r"free trade commission",
        r"commission (?:du|de) libre[- ]echange",
        r"ftc",
        r"cle(?= de l'aceum)",
    ),
    "deputies_meeting": (
        r"reunion de (?:subsecretarios|viceministros)",
        r"deputies(?:'|’)? meeting",
        r"meeting of (?:the )?deputies",
        r"reunion des sous-ministres",
        r"mid-?year meeting",
        r"reunion de mi-?annee",
        r"reunion intermedia",
    ),
    "joint_review": (r"revision conjunta", r"joint review", r"examen conjoint"),
    "environment_committee": (
        r"comite (?:de|del) medio ambiente",
        r"environment committee",
        r"committee on (?:the )?environment",
        r"comite (?:de|sur) l'environnement",
    ),
    "cec_council": (
        r"consejo de la (?:comision para la cooperacion ambiental|cca)",
        r"council of the commission for environmental cooperation",
        r"cec council",
        r"conseil de la (?:commission de cooperation environnementale|cce)",
        # "31e session annuelle du Conseil ... de la Commission de coopération environnementale"
        r"conseil\b[^.;]{0,60}?\bde la commission (?:de|pour la) cooperation "
        r"(?:environnementale|ambiental)",
        r"conseil\b[^.;]{0,60}?\bde la cooperation environnementale",
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
NOT_AFTER_PUBLIC_SESSION = "".join(f"(?<!{words} )" for words in PUBLIC_SESSION.split("|"))
UNIT = (
    r"(?P<unit>sesion|reunion|edicion|session|meeting|edition|seance|rencontre)"
    r"(?:\s+(?:ordinaria|ordinary|ordinaire|anual|annual|annuelle))?"
    r"\s+(?:de la|del|de|of the|of|du|de l'|des)\s+"
)
AGREEMENT = r"(?:usmca|t-mec|cusma|aceum|tmec)"
OWNER = (
    r"(?:(?:the\s+)?(?:u\.s\.-mexico-canada|united states-mexico-canada|"
    r"canada-united states-mexico)\s+agreement\s+"
    r"|l'accord canada-etats-unis-mexique\s+|l'aceum\s+)?"
    rf"(?:\(?{AGREEMENT}(?:/{AGREEMENT})*\)?\s+)?"
    r"(?:\((?:agreement|l'accord|acuerdo)\)\s+)?"
)
"""What may stand between "the second meeting of" and the body: the Agreement's names."""

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
        r"(?:epa )?administrator|administrador(?:a)? de la epa|administrat(?:eur|rice) de l'epa",
        "minister",
    ),
    (
        r"senior advis[eo]r|asesor(?:a)? (?:principal|senior)|conseill(?:er|ere) principale?|"
        r"jef[ea] de (?:la )?delegacion(?: \w+)?|head of (?:the )?(?:\w+ )?delegation|"
        r"chef(?:fe)? de (?:la )?delegation(?: \w+)?|director(?:a)? (?:general|ejecutiv[oa])|"
        r"(?:director general|executive director)|directeur (?:general|executif)|"
        r"directrice (?:generale|executive)",
        "senior_official",
    ),
)
TITLE = "|".join(f"(?:{p})" for p, _ in TITLES)
NAME = (
    r"[A-ZÁÉÍÓÚÑ][a-záéíóúñüçèëï'’-]+(?:\s+[A-Z]\.)?"
    r"(?:\s+(?:de la |del |de |van |von |Mc|O')?[A-ZÁÉÍÓÚÑ][a-záéíóúñüçèëï'’-]+){1,3}"
    r"(?:\s+[A-Z]\.(?=[\s,;]))?"
)
"""A person's name: two to four capitalised words, with a middle initial ("Michael S. Regan")
or a second surname's initial ("Alejandro Encinas N.")."""
NOT_NAMES = frozenset(
    _split(
        """
    estados unidos comercio exterior internacional economia mexico canada america norte
    secretaria gobierno united states trade representative affairs global ministry government
    canada department office commission comision comite committee council consejo dialogo
    dialogue partes parties tratado agreement environment ambiente medio north american export
    promotion small business foreign labour labor minister secretary deputy under ambassador
    director executive delegation delegacion head jefe representative usmca t-mec senior advisor
    administrator
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
        r"se llevo a cabo|llevo a cabo|se lleva a cabo|lleva a cabo|se celebro|celebrad[oa]\b|"
        r"se realizo|realizad[oa] (?:en|el|los)|tuvo lugar|fungio como anfitrion|"
        r"fue presidid[oa]|sesiono|se reunio|se reunieron|sostuvieron|sostuvo|celebraron|"
        r"tras concluir|concluy(?:o|eron|e)\b|hemos concluido|"
        r"was held|were held|\bheld (?:its|their|the|a|today|in|on)\b|"
        r"(?:today|have|has|had) held|took place|\bmet\b|convened|\bhosted\b|was chaired|"
        r"concluded|"
        r"s'est tenue?|a eu lieu|se sont reunis|s'est reunie?|a accueilli|a ete presidee?|"
        r"ont tenu|s'est deroulee?|ont conclu|s'est achevee?",
    ),
    (
        "announced",
        r"se llevara a cabo|se celebrara|se realizara|se reuniran?|tendra lugar|llevaran a cabo|"
        r"realizaran|sera sede|"
        r"will be held|will take place|will meet|will host|will convene|will hold|"
        r"intends? to hold|plans? to hold|(?:is|are) scheduled|to be held|"
        r"aura lieu|auront lieu|se tiendra|se reunira|se reuniront|tiendront|accueillera",
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

CITIES: tuple[tuple[str, str], ...] = (
    (r"ciudad de mexico|cdmx|mexico city|ville de mexico", "Mexico City"),
    (r"washington,? d\.? ?c\b\.?", "Washington, D.C."),
    (r"washington", "Washington"),
    (r"ottawa", "Ottawa"),
    (r"cancun", "Cancún"),
    (r"montreal", "Montreal"),
    (r"toronto", "Toronto"),
    (r"vancouver", "Vancouver"),
    (r"victoria", "Victoria"),
    (r"quebec", "Quebec City"),
    (r"calgary", "Calgary"),
    (r"san antonio", "San Antonio"),
    (r"san diego", "San Diego"),
    (r"phoenix", "Phoenix"),
    (r"los angeles", "Los Angeles"),
    (r"chicago", "Chicago"),
    (r"detroit", "Detroit"),
    (r"miami", "Miami"),
    (r"halifax", "Halifax"),
    (r"winnipeg", "Winnipeg"),
    (r"saltillo", "Saltillo"),
    (r"oaxaca", "Oaxaca"),
    (r"houston", "Houston"),
    (r"nueva york|new york", "New York"),
    (r"wilmington", "Wilmington, North Carolina"),
    (r"merida", "Mérida"),
    (r"monterrey", "Monterrey"),
    (r"guadalajara", "Guadalajara"),
    (r"los cabos", "Los Cabos"),
    (r"tijuana", "Tijuana"),
    (r"queretaro", "Querétaro"),
    (r"puebla", "Puebla"),
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


ENTITY = r"(?:el|la|le|les|the|l')\s*(?:[a-z'-]+\s+){1,2}?"
"""A government, delegation or official named by a demonym: "el Gobierno mexicano"."""
HOST_PATTERNS = (
    rf"(?P<p>{PARTY_NAME})\s+(?:fungio|actuo|fue|sera|was|served)\s+(?:como\s+|as\s+)?"
    r"(?:el\s+|the\s+)?(?:pais\s+)?(?:anfitrion|host)",
    r"(?:anfitrion(?:a)?|hosted by|accueillie? par|organizad[oa] por|organisee? par)\s+"
    rf"{ARTICLE}(?P<p>{PARTY_NAME})\b",
    # "organisée par la représentante américaine", "organizada por el Gobierno mexicano"
    r"(?:anfitrion(?:a)?|hosted by|accueillie? par|organizad[oa] por|organisee? par)\s+"
    rf"{ENTITY}(?P<p>{PARTY_NAME})\b",
    rf"{ARTICLE}(?P<p>{PARTY_NAME})\s+(?:hosted|a accueilli|accueillait)",
)
CHAIR_PATTERNS = (
    rf"(?:{CHAIR_CLAUSE})\s+{ARTICLE}(?P<p>{PARTY_NAME})\b",
    rf"(?:{CHAIR_CLAUSE})\s+{ENTITY}(?P<p>{PARTY_NAME})\b",
    rf"(?:bajo la presidencia de|under the chairmanship of)\s+{ARTICLE}(?P<p>{PARTY_NAME})\b",
    rf"sous la presidence (?:du|des|de la|de l')\s*(?P<p>{PARTY_NAME})\b",
)
