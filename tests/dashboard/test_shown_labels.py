"""What records hold as codes or English words is shown as the reader's language says it:
every place the records name is a catalogue message ("Ciudad de México", "Ville de Mexico"),
and a held dated act reads "done", never "held", by one rule for every table."""

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


@pytest.mark.parametrize(
    ("status", "is_meeting", "key"),
    [("held", True, None), ("held", False, "status_act_done"), ("announced", False, None)],
)
def test_a_held_act_reads_done_not_held(status: str, is_meeting: bool, key: str | None) -> None:
    """One rule for every table and the event page (dashboard.ui.tables.status_expr)."""
    from dashboard.i18n import code_labels, t
    from dashboard.ui.tables import status_label

    labels = make_labels(NO_WAREHOUSE_LABELS, "fr")
    expected = t(key, "fr") if key else code_labels("fr")["statuses"][status]
    assert status_label(labels, status, is_meeting=is_meeting) == expected
