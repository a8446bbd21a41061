"""Every place the records name is a catalogue message, so a reader sees it as their language
writes it ("Ciudad de México", "Ville de Mexico"), in tables, event pages and exports alike."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
import yaml

from dashboard.i18n import place_names
from dashboard.state.labels import make_labels

DATA = Path(__file__).resolve().parents[2] / "data"
CITIES = sorted(
    {
        city
        for p in (DATA / "events").glob("*.yaml")
        if (city := yaml.safe_load(p.read_text(encoding="utf-8")).get("city"))
    }
)
NO_WAREHOUSE_LABELS = pl.DataFrame(
    schema={
        "list_name": pl.String,
        "code": pl.String,
        "en": pl.String,
        "es": pl.String,
        "fr": pl.String,
    }
)


def test_every_city_of_the_records_is_a_place_of_the_catalogue() -> None:
    assert CITIES
    assert set(CITIES) <= {place["en"] for place in place_names()}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("es", "Ciudad de México"), ("fr", "Ville de Mexico"), ("en", "Mexico City")],
)
def test_a_city_is_shown_in_the_readers_language(lang: str, expected: str) -> None:
    labels = make_labels(NO_WAREHOUSE_LABELS, lang)
    frame = labels.relabel(pl.DataFrame({"city": ["Mexico City", None]}), "city", "cities")
    assert frame["city"].to_list() == [expected, None]
