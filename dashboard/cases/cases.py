"""Enforcement cases: tallies, open cases, time to resolution and the timeline figure (pure
functions: frames in, frames or figures out); stated totals beside the records are
:mod:`dashboard.cases.stated`.

The frames are those of the named queries ``cases_list``, ``cases_milestones`` and
``stated_counts_list`` (``warehouse/queries``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any, Final, Literal

import plotly.graph_objects as go
import polars as pl

from dashboard.cases.stated import statement_table
from dashboard.i18n import t
from dashboard.state.filters import Filters
from dashboard.state.labels import Labels
from dashboard.ui import charts
from dashboard.ui.tables import title_expr
from textrules.language import shown_text

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
"""The Cases page's own filters: URL name → (key in ``$case_filters``, code list of its
values)."""

PeriodRule = Literal["request", "resolved", "activity"]
"""Which date of a case the period bounds (``warehouse/macros/filtered_cases.sql``)."""

PERIOD_RULES: Final[dict[str, str]] = {
    "request": "cases_rule_request",
    "resolved": "cases_rule_resolved",
    "activity": "cases_rule_activity",
}
"""Period rule → catalogue key of its words: every place that selects cases by period says
which rule it uses with these (the Cases page selects by request, the Summary by activity)."""

CASES_PAGE_RULE: Final[PeriodRule] = "request"
SUMMARY_RULE: Final[PeriodRule] = "activity"


def query_params(
    filters: Filters,
    page: Mapping[str, Sequence[str]],
    *,
    period_rule: PeriodRule = CASES_PAGE_RULE,
) -> dict[str, Any]:
    """The cases queries' one parameter, ``$case_filters`` (the struct ``filtered_cases``
    takes): the global filters that mean something for cases (period, under ``period_rule``;
    Party; topic) and the page's own codes (``page``: URL name → codes; a name missing means
    no restriction)."""
    if period_rule not in PERIOD_RULES:
        raise ValueError(
            f"period_rule must be one of {sorted(PERIOD_RULES)}; got {period_rule!r}. "
            "Add a rule to PERIOD_RULES and to filtered_cases.sql before using it."
        )
    struct: dict[str, Any] = {
        "date_from": filters.date_from,
        "date_to": filters.date_to,
        "period_rule": period_rule,
        "parties": list(filters.parties),
        "topics": list(filters.topics),
    }
    for url, (key, _) in PAGE_FILTERS.items():
        struct[key] = list(page.get(url, ()))
    return {"case_filters": struct}


def filters_for_cases(filters: Filters) -> Filters:
    """Only the global filters that apply to cases (period, Parties, topics), so that a
    description of them (``dashboard.state.filters.describe``) names nothing else."""
    return replace(
        Filters(),
        date_from=filters.date_from,
        date_to=filters.date_to,
        parties=filters.parties,
        topics=filters.topics,
        statuses=(),
    )


def page_codes(
    chosen: Callable[[str], Sequence[str] | None],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The Cases page's own filters as chosen (``chosen``: its widgets' state by key,
    ``cs_<url name>``, as ``st.session_state.get``): (URL name, codes) pairs, hashable."""
    return tuple((url, tuple(chosen(f"cs_{url}") or ())) for url in PAGE_FILTERS)


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


def tally_figure(frame: pl.DataFrame, title: str, lang: str) -> go.Figure:
    """A tally (:func:`tally`) as horizontal bars: its labels are long ("Mécanisme de
    réaction rapide en matière de travail") and read in full on the y axis."""
    return charts.tally_bar(frame, label="label", value="n_cases", title=title, lang=lang)


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


STEP_STYLES: Final[dict[str, tuple[str, str]]] = {
    "request": ("#E69F00", "circle"),
    "review_accepted": ("#332288", "diamond"),
    "consultations": ("#56B4E9", "square"),
    "panel_requested": ("#0072B2", "triangle-up"),
    "panel_established": ("#44AA99", "triangle-down"),
    "panel_report": ("#AA4499", "star"),
    "remediation_agreed": ("#999933", "pentagon"),
    "resolved": ("#117733", "hexagon"),
    "remedy_imposed": ("#CC3311", "cross"),
    "closed": ("#000000", "x"),
    "other": ("#888888", "circle-open"),
}
"""Step code → (colour, marker symbol) on the timeline: each step its own colour (Okabe-Ito
and Paul Tol's qualitative colours, none pale on white) and its own symbol, in the order of a
case's life (the legend's order). A step not listed is drawn in :data:`FALLBACK_STYLE`."""
FALLBACK_STYLE: Final = ("#661100", "circle-cross")


def timeline_figure(milestones: pl.DataFrame, labels: Labels) -> go.Figure:
    """One row per case, one marker per milestone, coloured and shaped by step (codes painted
    last); the legend lists the steps in the order of a case's life."""
    fig = go.Figure()
    present = set(milestones["step_code"].to_list())
    order = list(STEP_STYLES)
    steps = sorted(present, key=lambda s: (order.index(s) if s in order else len(order), s))
    for step in steps:
        part = milestones.filter(pl.col("step_code") == step)
        colour, symbol = STEP_STYLES.get(step, FALLBACK_STYLE)
        fig.add_trace(
            go.Scatter(
                x=part["milestone_date"].to_list(),
                y=part["case_id"].to_list(),
                mode="markers",
                name=labels("case_steps", step),
                marker={
                    "size": 10,
                    "color": colour,
                    "symbol": symbol,
                    "line": {"width": 1, "color": colour},
                },
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
    shown = shown_text(english, spanish, lang)
    return shown.text, shown.foreign


EXPORT_TITLES: dict[str, str] = {
    **{f"cases-by-{name}": f"cases_sheet_by_{name}" for name in TALLIES},
    "stated-counts": "cases_sheet_stated",
    "case-milestones": "cases_sheet_milestones",
    "open-cases": "cases_sheet_open",
    "time-to-resolution": "cases_sheet_resolution",
    "cases": "cases_sheet_cases",
    "case-sources": "cases_sheet_sources",
}
"""Every table the Cases page exports: file stem of its CSV → catalogue key of its sheet's
title (short: an Excel sheet name holds 31 characters); the order is the page's."""

CODED: Final[dict[str, str]] = {
    "mechanism_code": "mechanisms",
    "complainant_party": "parties",
    "respondent_party": "parties",
    "third_parties": "parties",
    "sector_code": "sectors",
    "status": "case_statuses",
    "event_status": "statuses",
    "latest_step_code": "case_steps",
    "step_code": "case_steps",
    "topic_codes": "topics",
    "body_code": "bodies",  # painted into ``body`` (see RENAMED)
    "confidence": "confidence",
    "is_concluded": "yes_no",
    "date_precision": "date_precision",
    "request_precision": "date_precision",
    "latest_step_precision": "date_precision",
    "published_precision": "date_precision",
    "stated_as_of_precision": "date_precision",
    "language": "languages",
    "source_language": "languages",
    "kind": "stated_kinds",
}
"""Every coded column a table of cases may carry → the code list that paints it. A column
name means one list in every case table (an event's status in a case table is
``event_status``). :func:`labelled` paints them all; ids, URLs and the tallies' ``code``
stay as they are."""

RENAMED: Final[dict[str, str]] = {"body_code": "body"}
"""Coded columns whose name says "code": painted, they take the name of what they hold."""


def labelled(frame: pl.DataFrame, labels: Labels) -> pl.DataFrame:
    """A table of cases as it leaves the app (CSV, workbook sheet, pack): every column of
    :data:`CODED` painted in the interface language (lists element by element, booleans as
    yes/no), and ``title_en``/``title_es`` as one ``title`` in that language, where
    ``title_en`` stood. Every case export goes through this one step."""
    out = frame
    if {"title_en", "title_es"} <= set(out.columns):
        at = out.columns.index("title_en")
        out = out.with_columns(title=title_expr(labels.lang)).drop("title_en", "title_es")
        names = out.columns
        out = out.select([*names[:at], "title", *[c for c in names[at:] if c != "title"]])
    painted: list[pl.Expr] = []
    for column, list_name in CODED.items():
        if column not in out.columns:
            continue
        mapping = labels.mapping(list_name)
        if isinstance(out.schema[column], pl.List):
            expr = pl.col(column).list.eval(pl.element().cast(pl.String).replace(mapping))
        else:
            expr = pl.col(column).cast(pl.String).replace(mapping)
        painted.append(expr.alias(column))
    return out.with_columns(painted).rename(
        {old: new for old, new in RENAMED.items() if old in out.columns}
    )


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
    all come from here, so they cannot disagree; every one is :func:`labelled`."""
    tables = {f"cases-by-{name}": tally(listed, name, labels) for name in TALLIES}
    tables["stated-counts"] = statement_table(stated)
    tables["case-milestones"] = milestones
    tables["open-cases"] = open_cases(listed)
    tables["time-to-resolution"] = resolution_by_mechanism(listed)
    tables["cases"] = listed.drop("chapters")
    tables["case-sources"] = sources
    return {what: labelled(frame, labels) for what, frame in tables.items()}
