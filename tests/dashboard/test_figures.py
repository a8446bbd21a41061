"""The app's charts over the real warehouse: what is drawn is what was chosen, periods without
events are drawn as zero, a truncated chart says so and its CSV holds every row."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import polars as pl
import pytest

from dashboard import data
from dashboard.events import figures
from dashboard.state.context import PageContext
from dashboard.state.filters import Filters
from dashboard.ui import charts
from tests.dashboard.test_charts import traces, values


def _ctx(filters: Filters) -> PageContext:
    return PageContext(lang="en", labels=data.labels("en"), options=data.options(), filters=filters)


def test_chosen_topic_is_the_one_drawn(warehouse: Path) -> None:
    """Issue 10: with Topic = Digitalization the chart drew every topic of the matching events."""
    ctx = _ctx(Filters(topics=("digitalization",)))
    frame, fig, note = figures.topics_over_time(ctx, level="topic", shares=False, cumulative=False)
    assert {trace["name"] for trace in traces(fig)} == {"Digitalization"}
    assert set(frame["topic"]) == {"Digitalization"}
    assert note is None


def test_chosen_group_draws_its_group_at_group_level(warehouse: Path) -> None:
    ctx = _ctx(Filters(topics=("digitalization",)))
    _, fig, _ = figures.topics_over_time(ctx, level="topic_group", shares=False, cumulative=False)
    assert {trace["name"] for trace in traces(fig)} == {"Digitalization"}  # the group's name


@pytest.mark.parametrize("measure", ["counts", "shares", "cumulative"])
def test_truncated_topic_chart_says_so_and_its_csv_holds_every_topic(
    warehouse: Path, measure: str
) -> None:
    ctx = _ctx(Filters())
    frame, fig, note = figures.topics_over_time(
        ctx, level="topic", shares=measure == "shares", cumulative=measure == "cumulative"
    )
    n_topics = frame["topic"].n_unique()
    assert n_topics > 8, "the data has few topics: this test needs more than the top 8"
    assert len(traces(fig)) == 8
    assert note is not None and "8" in note and str(n_topics) in note
    all_topics = data.filtered("topics_by_year", ctx.filters)["topic_code"].n_unique()
    assert n_topics == all_topics


def test_topic_years_are_zero_filled_and_shares_start_at_zero(warehouse: Path) -> None:
    ctx = _ctx(Filters(topics=("digitalization",)))
    frame, fig, _ = figures.topics_over_time(ctx, level="topic", shares=True, cumulative=False)
    first, last = ctx.options.first_date.year, ctx.options.last_date.year
    assert frame["year"].to_list() == list(range(first, last + 1))
    assert fig.layout.yaxis.range[0] == 0
    [trace] = traces(fig)
    assert len(values(trace["x"])) == last - first + 1


def test_empty_quarters_are_drawn_as_zero(warehouse: Path) -> None:
    ctx = _ctx(
        replace(
            Filters(bodies=("sme_dialogue",)),
            date_from=dt.date(2021, 1, 1),
            date_to=dt.date(2024, 12, 31),
        )
    )
    frame, _ = figures.events_over_time(ctx, grain="quarter", stack="body_code", cumulative=False)
    quarters = [p for p in frame["period"].to_list() if not p.endswith("?")]
    assert quarters == [f"{y}-Q{q}" for y in range(2021, 2025) for q in range(1, 5)]
    assert frame.filter(pl.col("n_events") == 0).height > 0


def test_a_clicked_bar_names_its_period_and_series_and_selects_its_events(warehouse: Path) -> None:
    ctx = _ctx(Filters())
    selection = {"selection": {"points": [{"x": "2023", "customdata": ["SME Dialogue"]}]}}
    assert figures.clicked_bar(selection) == ("2023", "SME Dialogue")
    assert figures.clicked_bar({"selection": {"points": []}}) is None
    assert figures.clicked_bar(None) is None
    narrowed, code = figures.events_of_bar(
        ctx, stack="body_code", period="2023", label="SME Dialogue"
    ) or (None, None)
    assert code == "sme_dialogue" and narrowed is not None
    found = data.events(narrowed, max_rows=100)
    assert set(found["body_code"]) == {"sme_dialogue"}
    assert all(d.year == 2023 for d in found["start_date"])
    frame, _ = figures.events_over_time(ctx, grain="year", stack="body_code", cumulative=False)
    bar = frame.filter((pl.col("period") == "2023") & (pl.col("body") == "SME Dialogue"))
    assert found.height == bar["n_events"].sum(), "the events behind the bar are its count"
    assert figures.events_of_bar(ctx, stack="body_code", period="2023", label="nope") is None


def test_every_body_of_the_taxonomy_has_its_own_readable_colour(warehouse: Path) -> None:
    ctx = _ctx(Filters())
    n_bodies = len(ctx.options.bodies)
    assert n_bodies >= 34, "the taxonomy's bodies are all options"
    by_body = charts.code_colors(ctx, "bodies")
    assert len(by_body) == n_bodies
    assert len(set(by_body.values())) == n_bodies, "two bodies share a colour"
    # Contrast with white of at least 1.9:1 (WCAG's formula): no pastel lost on the page.
    assert all(1.05 / (charts.luminance(c) + 0.05) >= 1.9 for c in by_body.values())


def test_luminance_of_black_and_white() -> None:
    assert charts.luminance("#000000") == 0
    assert charts.luminance("#ffffff") == pytest.approx(1)
