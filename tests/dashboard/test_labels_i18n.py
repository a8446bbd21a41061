"""The text catalogue is complete in es, en and fr; code labels cover the taxonomy's lists."""

from __future__ import annotations

import string
from pathlib import Path

import polars as pl
import pytest
import yaml

from dashboard.i18n import CODE_LABELS, DEFAULT_LANG, LANG_NAMES, LANGS, TEXT, column_headers, t
from dashboard.labels import Labels, make_labels

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


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_languages() -> None:
    assert LANGS == ("es", "en", "fr")
    assert DEFAULT_LANG in LANGS
    assert set(LANG_NAMES) == set(LANGS)


@pytest.mark.parametrize("key", sorted(TEXT))
def test_text_entry_has_every_language(key: str) -> None:
    entry = TEXT[key]
    assert set(entry) == set(LANGS)
    for lang in LANGS:
        assert entry[lang].strip(), f"TEXT[{key!r}][{lang!r}] is empty"


@pytest.mark.parametrize("key", sorted(TEXT))
def test_text_placeholders_agree_across_languages(key: str) -> None:
    entry = TEXT[key]
    expected = placeholders(entry["en"])
    for lang in LANGS:
        assert placeholders(entry[lang]) == expected, (key, lang)
        # Every entry formats with its own placeholders (no stray braces).
        entry[lang].format(**dict.fromkeys(expected, "x"))


CODE_ENTRIES = [
    (list_name, code) for list_name, codes in CODE_LABELS.items() for code in sorted(codes)
]


@pytest.mark.parametrize(("list_name", "code"), CODE_ENTRIES)
def test_code_label_has_every_language(list_name: str, code: str) -> None:
    entry = CODE_LABELS[list_name][code]
    assert set(entry) == set(LANGS)
    for lang in LANGS:
        assert entry[lang].strip(), f"CODE_LABELS[{list_name!r}][{code!r}][{lang!r}] is empty"


@pytest.fixture(scope="module")
def taxonomy() -> dict[str, object]:
    with open(ROOT / "data" / "taxonomy.yaml", encoding="utf-8") as handle:
        loaded: dict[str, object] = yaml.safe_load(handle)
    return loaded


@pytest.mark.parametrize("list_name", TAXONOMY_LISTS)
def test_every_taxonomy_code_has_a_label(taxonomy: dict[str, object], list_name: str) -> None:
    codes = taxonomy[list_name]
    assert isinstance(codes, list) and codes
    missing = [code for code in codes if code not in CODE_LABELS.get(list_name, {})]
    assert missing == []


@pytest.mark.parametrize("list_name", TAXONOMY_LISTS)
def test_no_label_for_a_code_the_taxonomy_lacks(
    taxonomy: dict[str, object], list_name: str
) -> None:
    codes = taxonomy[list_name]
    assert isinstance(codes, list)
    assert set(CODE_LABELS[list_name]) - set(codes) == set()


def test_chapter_labels_cover_the_taxonomy_bodies(taxonomy: dict[str, object]) -> None:
    bodies = taxonomy["bodies"]
    assert isinstance(bodies, dict)
    chapters = {str(body["chapter"]) for body in bodies.values() if body.get("chapter")}
    assert chapters <= set(CODE_LABELS["chapters"])


# --- t and column_headers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("es", "12 eventos"), ("en", "12 events"), ("fr", "12 événements"), ("xx", "12 events")],
)
def test_t_formats_and_falls_back_to_english(lang: str, expected: str) -> None:
    assert t("n_shown#other", lang, n=12) == expected


def test_t_leaves_braces_alone_without_values() -> None:
    assert t("n_shown#other", "en") == "{n} events"


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


@pytest.mark.parametrize("list_name", sorted(CODE_LABELS))
def test_every_code_list_has_a_title_for_the_codebook(list_name: str) -> None:
    assert f"codebook_{list_name}" in TEXT, "the Data page's codebook names each list by title"


@pytest.mark.parametrize("key", sorted(TEXT))
def test_no_text_shows_an_internal_name(key: str) -> None:
    """Users read words, not column names: "(built_on)" in the Cases page's caption told them
    nothing. Placeholders ({built_on}) and paths (data/documents/) are not shown as such."""
    import re

    identifier = re.compile(r"(?<![{\w/.])[a-z]+_[a-z_]+(?![\w}/.])")
    for lang in LANGS:
        shown = re.sub(r"\{[^}]*\}", "", TEXT[key][lang])
        assert not identifier.findall(shown), (key, lang, identifier.findall(shown))
