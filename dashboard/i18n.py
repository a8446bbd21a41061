"""The interface's text catalogue, in Spanish, English and French."""

from __future__ import annotations

from typing import Final

LANGS: Final = ("es", "en", "fr")
DEFAULT_LANG: Final = "es"
LANG_NAMES: Final = {"es": "Español", "en": "English", "fr": "Français"}

TEXT: Final[dict[str, dict[str, str]]] = {
    "app_title": {
        "es": "Observatorio T-MEC",
        "en": "T-MEC Observatory",
        "fr": "Observatoire ACEUM",
    },
    "language": {"es": "Idioma", "en": "Language", "fr": "Langue"},
    "page_trends": {"es": "Tendencias", "en": "Trends", "fr": "Tendances"},
    "no_warehouse": {
        "es": "No hay almacén de datos en `{path}`. Constrúyalo con `make build` (o `make run`).",
        "en": "There is no warehouse at `{path}`. Build it with `make build` (or `make run`).",
        "fr": "Aucun entrepôt de données à `{path}`. Construisez-le avec `make build` "
        "(ou `make run`).",
    },
    "events_by_year_body": {
        "es": "Eventos por año y órgano",
        "en": "Events by year and body",
        "fr": "Événements par année et organe",
    },
    "year": {"es": "Año", "en": "Year", "fr": "Année"},
    "body": {"es": "Órgano", "en": "Body", "fr": "Organe"},
    "n_events": {"es": "Eventos", "en": "Events", "fr": "Événements"},
    "no_rows": {
        "es": "Ningún evento coincide con los filtros.",
        "en": "No event matches the filters.",
        "fr": "Aucun événement ne correspond aux filtres.",
    },
    "data_version": {"es": "Versión de datos", "en": "Data version", "fr": "Version des données"},
    "held_only_note": {
        "es": "Solo eventos celebrados.",
        "en": "Held events only.",
        "fr": "Événements tenus seulement.",
    },
}


def t(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (falling back to English), with ``values`` filled in."""
    entry = TEXT[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text
