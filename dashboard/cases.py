"""Enforcement cases: tallies, stated totals beside the records, open cases, time to
resolution and the timeline figure (pure functions: frames in, frames or figures out).

The frames are those of the named queries ``cases_list``, ``cases_milestones`` and
``stated_counts_list`` (``warehouse/queries``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import plotly.graph_objects as go
import polars as pl

from dashboard.filters import Filters
from dashboard.i18n import t
from dashboard.labels import Labels

TALLIES: dict[str, tuple[str, str | None]] = {
    "mechanism": ("mechanism_code", "mechanisms"),
    "complainant": ("complainant_party", "parties"),
    "respondent": ("respondent_party", "parties"),
    "sector": ("sector_code", "sectors"),
    "status": ("status", "case_statuses"),
    "year": ("request_year", None),
}
"""Tally name → (column of ``cases_list``, code list its values are painted from)."""

PAGE_FILTERS: dict[str, tuple[str, str]] = {
    "mechanism": ("mechanisms", "mechanisms"),
    "sector": ("sectors", "sectors"),
    "case_status": ("case_statuses", "case_statuses"),
}
"""The Cases page's own filters: URL name → (query parameter, code list of its values)."""


def query_params(filters: Filters, page: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """The cases queries' parameters: the global filters that mean something for cases
    (period, Party, topic) and the page's own codes (``page``: URL name → codes; a name
    missing means no restriction)."""
    params: dict[str, Any] = {
        "date_from": filters.date_from,
        "date_to": filters.date_to,
        "parties": list(filters.parties),
        "topics": list(filters.topics),
    }
    for url, (param, _) in PAGE_FILTERS.items():
        params[param] = list(page.get(url, ()))
    return params


def filters_for_cases(filters: Filters) -> Filters:
    """Only the global filters that apply to cases (period, Parties, topics), so that a
    description of them (``dashboard.filters.describe``) names nothing else."""
    return replace(
        Filters(),
        date_from=filters.date_from,
        date_to=filters.date_to,
        parties=filters.parties,
        topics=filters.topics,
        statuses=(),
    )


def parse_codes(raw: str, allowed: Sequence[str]) -> tuple[list[str], list[str]]:
    """A comma-separated URL value as the known codes it names, and the values dropped."""
    known: list[str] = []
    dropped: list[str] = []
    for value in (v.strip() for v in raw.split(",")):
        if not value:
            continue
        (known if value in allowed and value not in known else dropped).append(value)
    return known, dropped


def tally(cases: pl.DataFrame, name: str, labels: Labels) -> pl.DataFrame:
    """Cases per value of one dimension (``TALLIES``), most first, labelled; a missing value
    (no sector recorded) is its own row, never dropped."""
    column, list_name = TALLIES[name]
    counts = (
        cases.group_by(column)
        .agg(n_cases=pl.len())
        .sort(["n_cases", column], descending=[True, False], nulls_last=True)
    )
    value = pl.col(column).cast(pl.String)
    if list_name is not None:
        value = value.replace(labels.mapping(list_name))
    return counts.select(
        pl.col(column).cast(pl.String).alias("code"),
        value.fill_null(t("none", labels.lang)).alias("label"),
        "n_cases",
    )


def stated_beside_records(stated: pl.DataFrame) -> pl.DataFrame:
    """Each stated total with the records it concerns and the shortfall (stated − records
    dated by its as-of date; null where no record counts that kind)."""
    return stated.select(
        "count_no",
        "kind",
        "value",
        "as_of",
        "as_of_precision",
        "n_records_by_as_of",
        "n_records",
        (pl.col("value") - pl.col("n_records_by_as_of")).alias("shortfall"),
        "claim",
        "scope",
        "publisher",
        "published",
        "language",
        "url",
    )


def _as_of(row: dict[str, object]) -> str:
    value = row.get("as_of")
    if value is None:
        return ""
    text = str(value)
    return {"month": text[:7], "year": text[:4]}.get(str(row.get("as_of_precision")), text)


def stated_sentence(row: dict[str, object], lang: str) -> str:
    """One stated total beside the records it concerns, naming its source: the sentence never
    gives the total without the source, nor without the records' count where one exists."""
    kind = str(row["kind"])
    stated = t(
        "cases_stated_total_dated" if row.get("as_of") else "cases_stated_total",
        lang,
        publisher=row.get("publisher") or row.get("url"),
        value=row["value"],
        what=t(f"cases_kind_{kind}", lang),
        as_of=_as_of(row),
    )
    if row.get("n_records") is None:
        return t("cases_no_records_for_kind", lang, stated=stated)
    return t(
        "cases_records_beside_stated",
        lang,
        n=row["n_records_by_as_of"],
        what=t(f"cases_kind_{kind}", lang),
        stated=stated,
    )


def open_cases(cases: pl.DataFrame) -> pl.DataFrame:
    """Cases not concluded (status other than resolved or closed), longest quiet first."""
    return (
        cases.filter(~pl.col("is_concluded"))
        .sort(["days_since_last_step", "case_id"], descending=[True, False])
        .select(
            "case_id",
            "mechanism_code",
            "status",
            "request_date",
            "latest_step_code",
            "latest_step_date",
            "days_since_last_step",
            "days_open",
            "built_on",
        )
    )


def resolution_by_mechanism(cases: pl.DataFrame) -> pl.DataFrame:
    """Per mechanism: concluded cases and their days from request to resolution."""
    return (
        cases.filter(pl.col("is_concluded") & pl.col("days_to_resolution").is_not_null())
        .group_by("mechanism_code")
        .agg(
            n_cases=pl.len(),
            median_days=pl.col("days_to_resolution").median(),
            min_days=pl.col("days_to_resolution").min(),
            max_days=pl.col("days_to_resolution").max(),
        )
        .sort("mechanism_code")
    )


def tally_figure(frame: pl.DataFrame, title: str) -> go.Figure:
    fig = go.Figure(go.Bar(x=frame["label"].to_list(), y=frame["n_cases"].to_list()))
    fig.update_layout(title=title, height=320, margin={"t": 50, "b": 40, "l": 40, "r": 10})
    return fig


TIMELINE_CASES = 60
"""Most cases the timeline draws (a row each): at 100 times the real cases the figure was
86,000 px tall. The cases with the newest steps are drawn; the CSV holds every milestone."""


def timeline_cases(milestones: pl.DataFrame, limit: int = TIMELINE_CASES) -> pl.DataFrame:
    """The milestones of the ``limit`` cases whose latest step is newest (ties by case id),
    in the order given."""
    latest = (
        milestones.group_by("case_id")
        .agg(latest=pl.col("milestone_date").max())
        .sort(["latest", "case_id"], descending=[True, False])
        .head(limit)
    )
    return milestones.filter(pl.col("case_id").is_in(latest["case_id"].implode()))


def timeline_figure(milestones: pl.DataFrame, labels: Labels) -> go.Figure:
    """One row per case, one marker per milestone, coloured by step (codes painted last)."""
    fig = go.Figure()
    steps = milestones["step_code"].unique(maintain_order=True).to_list()
    for step in steps:
        part = milestones.filter(pl.col("step_code") == step)
        fig.add_trace(
            go.Scatter(
                x=part["milestone_date"].to_list(),
                y=part["case_id"].to_list(),
                mode="markers",
                name=labels("case_steps", step),
                marker={"size": 9},
            )
        )
    n_cases = milestones["case_id"].n_unique()
    fig.update_layout(
        height=max(300, 22 * n_cases + 120),
        yaxis={
            "categoryorder": "array",
            "categoryarray": milestones["case_id"].unique(maintain_order=True).to_list()[::-1],
            "type": "category",
        },
        margin={"t": 30, "b": 40, "l": 10, "r": 10},
    )
    return fig


def case_text(english: str | None, spanish: str | None, lang: str) -> tuple[str, bool]:
    """The text to show in ``lang`` and whether it is English shown in another language (to
    be marked so, never mixed silently)."""
    if lang == "es" and spanish:
        return spanish, False
    return english or "", lang != "en" and bool(english)


EXPORT_TITLES: dict[str, str] = {
    **{f"cases-by-{name}": f"cases_by_{name}" for name in TALLIES},
    "stated-counts": "cases_stated_heading",
    "case-milestones": "cases_timeline",
    "open-cases": "cases_open",
    "time-to-resolution": "cases_resolution",
    "cases": "cases_list",
    "case-sources": "cases_download_sources",
}
"""Every table the Cases page exports: file stem of its CSV → catalogue key of its title
(the workbook's sheet); the order is the page's."""


def export_tables(
    *,
    listed: pl.DataFrame,
    milestones: pl.DataFrame,
    stated: pl.DataFrame,
    sources: pl.DataFrame,
    labels: Labels,
) -> dict[str, pl.DataFrame]:
    """The exact rows of every table of the Cases page (keys as :data:`EXPORT_TITLES`), from
    the frames of ``cases_list``, ``cases_milestones``, ``stated_counts_list`` and
    ``cases_sources``: the page's CSVs, its workbook's sheets and the briefing pack's cases
    all come from here, so they cannot disagree."""
    tables = {f"cases-by-{name}": tally(listed, name, labels) for name in TALLIES}
    tables["stated-counts"] = stated_beside_records(stated).rename(
        {"as_of": "stated_as_of", "as_of_precision": "stated_as_of_precision"}
    )
    tables["case-milestones"] = milestones
    tables["open-cases"] = open_cases(listed)
    tables["time-to-resolution"] = labels.relabel(
        resolution_by_mechanism(listed), "mechanism_code", "mechanisms"
    )
    tables["cases"] = listed.drop("chapters")
    tables["case-sources"] = sources
    return tables
