"""Code labels cover the taxonomy's lists; ``t`` and ``column_headers``; no message shows an
internal name. That every message is translated is the catalogue check's (test_catalogue.py)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
import yaml

from dashboard.i18n import (
    DEFAULT_LANG,
    LANG_NAMES,
    LANGS,
    code_labels,
    column_headers,
    messages,
    plurals,
    t,
    t_n,
)
from dashboard.state.labels import Labels, make_labels

ROOT = Path(__file__).resolve().parents[2]
TAXONOMY_LISTS = (
    "kinds",
    "statuses",
    "formats",
    "levels",
    "capacities",
    "outcome_kinds",
    "confidence",
)


def test_languages() -> None:
    assert LANGS == ("es", "en", "fr")
    assert DEFAULT_LANG in LANGS
    assert set(LANG_NAMES) == set(LANGS)


@pytest.fixture(scope="module")
def taxonomy() -> dict[str, object]:
    with open(ROOT / "data" / "taxonomy.yaml", encoding="utf-8") as handle:
        loaded: dict[str, object] = yaml.safe_load(handle)
    return loaded


@pytest.mark.parametrize("list_name", TAXONOMY_LISTS)
def test_every_taxonomy_code_has_a_label(taxonomy: dict[str, object], list_name: str) -> None:
    codes = taxonomy[list_name]
    assert isinstance(codes, list) and codes
    missing = [code for code in codes if code not in code_labels("en").get(list_name, {})]
    assert missing == []


@pytest.mark.parametrize("list_name", TAXONOMY_LISTS)
def test_no_label_for_a_code_the_taxonomy_lacks(
    taxonomy: dict[str, object], list_name: str
) -> None:
    codes = taxonomy[list_name]
    assert isinstance(codes, list)
    assert set(code_labels("en")[list_name]) - set(codes) == set()


def test_chapter_labels_cover_the_taxonomy_bodies(taxonomy: dict[str, object]) -> None:
    bodies = taxonomy["bodies"]
    assert isinstance(bodies, dict)
    chapters = {str(body["chapter"]) for body in bodies.values() if body.get("chapter")}
    assert chapters <= set(code_labels("en")["chapters"])


# --- t and column_headers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("es", "12 eventos"), ("en", "12 events"), ("fr", "12 événements"), ("xx", "12 events")],
)
def test_t_formats_and_falls_back_to_english(lang: str, expected: str) -> None:
    assert t_n("n_shown", lang, 12) == expected


def test_t_leaves_braces_alone_without_values() -> None:
    assert t("active_filters", "en") == "Filters: {filters}"


def test_a_key_in_no_catalogue_is_an_error() -> None:
    with pytest.raises(KeyError, match="'no_such_key' is in no catalogue"):
        t("no_such_key", "fr")
    with pytest.raises(KeyError, match="as a count sentence"):
        t_n("no_rows", "fr", 2)


def test_column_headers() -> None:
    assert column_headers(["n_events", "event_id", "whatever"], "es") == {
        "n_events": "Eventos",
        "event_id": "Id del evento",
    }


# --- make_labels ------------------------------------------------------------------------------


@pytest.fixture
def warehouse_labels() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "list_name": ["bodies", "parties", "topics"],
            "code": ["sme_dialogue", "MX", "smes"],
            "en": ["SME Dialogue", "Mexico", "SMEs"],
            "es": ["Diálogo PyME", "México", None],
            "fr": ["Dialogue sur les PME", "Mexique", ""],
        },
        schema={c: pl.String for c in ("list_name", "code", "en", "es", "fr")},
    )


@pytest.mark.parametrize(
    ("lang", "list_name", "code", "expected"),
    [
        ("es", "bodies", "sme_dialogue", "Diálogo PyME"),
        ("fr", "bodies", "sme_dialogue", "Dialogue sur les PME"),
        ("en", "parties", "MX", "Mexico"),
        ("es", "topics", "smes", "SMEs"),
        ("fr", "topics", "smes", "SMEs"),
        ("es", "kinds", "dialogue", "Diálogo"),
        ("fr", "statuses", "held", "Tenu"),
        ("en", "chapters", 25, "Ch. 25 SMEs"),
        ("es", "bodies", "no_such_body", "no_such_body"),
        ("en", "kinds", "no_such_kind", "no_such_kind"),
        ("fr", "no_such_list", "x", "x"),
        ("es", "kinds", None, ""),
    ],
)
def test_make_labels(
    warehouse_labels: pl.DataFrame, lang: str, list_name: str, code: object, expected: str
) -> None:
    labels = make_labels(warehouse_labels, lang)
    assert labels.lang == lang
    assert labels(list_name, code) == expected


def test_relabel_keeps_unknown_codes(warehouse_labels: pl.DataFrame) -> None:
    labels = make_labels(warehouse_labels, "es")
    frame = pl.DataFrame({"body_code": ["sme_dialogue", "mystery", None]})
    out = labels.relabel(frame, "body_code", "bodies", alias="body")
    assert out.to_dict(as_series=False) == {
        "body_code": ["sme_dialogue", "mystery", None],
        "body": ["Diálogo PyME", "mystery", None],
    }


def test_mapping_is_a_copy() -> None:
    labels = Labels(lang="en", names={"kinds": {"a": "A"}})
    mapping = labels.mapping("kinds")
    mapping["a"] = "changed"
    assert labels("kinds", "a") == "A"
    assert labels.mapping("nothing") == {}


def test_every_code_list_has_a_title_for_the_codebook() -> None:
    untitled = [name for name in code_labels("en") if f"codebook_{name}" not in messages("en")]
    assert untitled == [], "the Data page's codebook names each list by title"


@pytest.mark.parametrize("lang", LANGS)
def test_no_text_shows_an_internal_name(lang: str) -> None:
    """Users read words, not column names: "(built_on)" in the Cases page's caption told them
    nothing. Placeholders ({built_on}) and paths (data/documents/) are not shown as such."""
    import re

    identifier = re.compile(r"(?<![{\w/.])[a-z]+_[a-z_]+(?![\w}/.])")
    texts = list(messages(lang).items())
    texts += [(key, text) for key, forms in plurals(lang).items() for text in forms.values()]
    found = [
        (key, identifier.findall(re.sub(r"\{[^}]*\}", "", text)))
        for key, text in texts
        if identifier.search(re.sub(r"\{[^}]*\}", "", text))
    ]
    assert found == []
