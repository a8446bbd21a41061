"""The Summary's facts and the briefing pack (CSVs of the view + a self-contained report)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from dashboard.cases import cases, stated
from dashboard.data import Token, build_info, events, filtered, labels, options, query, token
from dashboard.events import figures
from dashboard.exports import export
from dashboard.i18n import column_headers, hosted_by, t, t_n
from dashboard.state.context import PageContext
from dashboard.state.filters import Filters, describe
from dashboard.state.labels import Labels
from dashboard.state.url import effective_period
from dashboard.summary.summary import SummaryFacts, TopicMove, summary_paragraph
from dashboard.ui import transforms
from dashboard.ui.tables import as_known, dates_as_known, event_rows
from textrules.language import notes_record_language

TOP_TOPICS = 5
ALL_ROWS = 10_000_000


def summary_facts(ctx: PageContext) -> tuple[SummaryFacts, pl.DataFrame]:
    """The headline facts and the top-topics table (topic, n_events, n_previous, change)."""
    head = filtered("summary_headline", ctx.filters).row(0, named=True)
    period = effective_period(ctx.filters, ctx.options)
    # A change is only worth stating against a period the analyst chose and the data covers.
    previous = period.previous_period() if ctx.filters.date_from else None
    if previous and previous.date_to and previous.date_to < ctx.options.first_date:
        previous = None
    current_topics = filtered("topic_totals", ctx.filters)
    previous_topics = filtered("topic_totals", previous) if previous else current_topics.clear()
    change = transforms.topic_change(current_topics, previous_topics, top=TOP_TOPICS)
    change = ctx.labels.relabel(change, "topic_code", "topics", alias="topic").select(
        "topic", "n_events", *(("n_previous", "change") if previous else ())
    )
    n_hosted: dict[str, int] = head["n_hosted"]
    hosted = {code: int(n_hosted.get(code, 0)) for code in ctx.options.parties}
    n_acts: dict[str, int] = head["n_acts"]
    acts = {ctx.labels("kinds", kind): int(n) for kind, n in sorted(n_acts.items())}
    facts = SummaryFacts(
        n_meetings=int(head["n_meetings"]),
        n_bodies=int(head["n_bodies"]),
        hosted=hosted,
        top_topics=tuple(
            TopicMove(r["topic"], r["n_events"], r.get("n_previous", 0))
            for r in change.iter_rows(named=True)
        ),
        date_from=period.date_from,
        date_to=period.date_to,
        previous=(previous.date_from, previous.date_to)  # type: ignore[arg-type]
        if previous
        else None,
        held_only=ctx.filters.statuses == ("held",),
        acts=acts,
    )
    return facts, change


def paragraph(ctx: PageContext, facts: SummaryFacts) -> str:
    return summary_paragraph(facts, ctx.labels)


def filter_rows(ctx: PageContext) -> list[tuple[str, str]]:
    """The applied filters as (label, value) pairs in the interface language."""
    return describe(ctx.filters, label=lambda key: t(key, ctx.lang), name=ctx.labels)


View = Literal["summary", "events"]


@dataclass(frozen=True, slots=True)
class PackRequest:
    """Everything a briefing pack depends on besides the warehouse: the page it was made from
    (``view``), the filters, the language, the Events search and the link that reopens it."""

    view: View
    filters: Filters
    lang: str
    q: str = ""
    link: str = ""


def as_of(info: dict[str, Any], lang: str) -> str:
    """How current the data is: the newest held event's date and the build date."""
    return t(
        "as_of_value",
        lang,
        newest=str(info.get("newest_held_date") or "—"),
        built=str(info.get("finished_at", ""))[:10],
    )


def as_of_caption(info: dict[str, Any], lang: str) -> str:
    """The line under the Summary and the Data page: newest event, build date, version."""
    return t(
        "as_of",
        lang,
        newest=str(info.get("newest_held_date") or "—"),
        built=str(info.get("finished_at", ""))[:10],
        version=str(info.get("data_version", "")),
    )


def _report_events(events: pl.DataFrame) -> pl.DataFrame:
    """The report's table: date, body, title, the first outcome, id."""
    return events.select(
        "start_date",
        "body",
        "title",
        pl.col("outcome_texts").list.first().alias("key_outcome"),
        "event_id",
    )


@dataclass(frozen=True, slots=True)
class Exported:
    """What a view exports: its tables (file stem → frame; sheet title → frame), the report and
    the (label, value) rows that say what the view is (filters, data version, link)."""

    tables: dict[str, pl.DataFrame]
    sheets: dict[str, pl.DataFrame]
    report: str
    about: list[tuple[str, str]]


PageCodes = tuple[tuple[str, tuple[str, ...]], ...]
"""The Cases page's own filters as a hashable value: (URL name, codes) pairs."""


def cases_of_view(
    ctx: PageContext,
    page: PageCodes = (),
    *,
    period_rule: cases.PeriodRule = cases.CASES_PAGE_RULE,
) -> dict[str, pl.DataFrame]:
    """Every table of the Cases page for these filters and page codes
    (:data:`dashboard.cases.cases.EXPORT_TITLES`), the period bounding the dates ``period_rule``
    names: what the Cases page's CSVs and workbook hold (request date) and the briefing pack's
    cases (:data:`dashboard.cases.cases.SUMMARY_RULE`, the cases the Summary speaks of)."""
    params = cases.query_params(ctx.filters, dict(page), period_rule=period_rule)
    return cases.export_tables(
        listed=query("cases_list", **params),
        milestones=query("cases_milestones", **params),
        stated=query("stated_counts_list"),
        sources=query("cases_sources", **params),
        labels=ctx.labels,
    )


def cases_in_period(ctx: PageContext) -> dict[str, int]:
    """The cases the Summary speaks of, counted: ``n_cases`` (opened, resolved or closed in
    the period: what its exports hold), ``n_opened``, ``n_resolved`` (in the period) and
    ``n_open_at_end`` (still open when the period ends)."""
    params = cases.query_params(ctx.filters, {}, period_rule=cases.SUMMARY_RULE)
    row = query("cases_in_period", **params).row(0, named=True)
    return {name: int(row[name]) for name in ("n_cases", "n_opened", "n_resolved", "n_open_at_end")}


def period_rule_row(ctx: PageContext, period_rule: cases.PeriodRule) -> list[tuple[str, str]]:
    """Which cases a period selects, in words (none without a period)."""
    if ctx.filters.date_from is None and ctx.filters.date_to is None:
        return []
    return [(t("cases_period_rule", ctx.lang), t(cases.PERIOD_RULES[period_rule], ctx.lang))]


def cases_filter_rows(ctx: PageContext, page: PageCodes = ()) -> list[tuple[str, str]]:
    """The filters that apply to cases, in words: period (and the rule it follows: the
    request date), Parties, topics and the page's."""
    rows = describe(
        cases.filters_for_cases(ctx.filters),
        label=lambda key: t(key, ctx.lang),
        name=ctx.labels,
    )
    rows += period_rule_row(ctx, cases.CASES_PAGE_RULE)
    for url, codes in page:
        if codes:
            list_name = cases.PAGE_FILTERS[url][1]
            rows.append(
                (
                    t(f"cases_filter_{url}", ctx.lang),
                    ", ".join(ctx.labels(list_name, c) for c in codes),
                )
            )
    return rows


def _version_rows(lang: str, link: str) -> list[tuple[str, str]]:
    info = build_info()
    return [
        (t("data_version", lang), str(info.get("data_version", ""))),
        (t("as_of_label", lang), as_of(info, lang)),
        *([(t("report_reopen", lang), link)] if link else []),
    ]


def stated_sentence(lang: str) -> str | None:
    """The RRM requests recorded to date beside the range the newest statements give
    (:func:`dashboard.cases.stated.range_sentence`): the Summary's and the report's one sentence."""
    return stated.range_sentence(query("stated_counts_list"), lang)


def _cases_section(ctx: PageContext, tables: Mapping[str, pl.DataFrame]) -> export.ReportSection:
    """The report's cases: how many, by mechanism and status, and the RRM requests recorded
    beside the range the newest statements give."""
    lang = ctx.lang

    def pairs(what: str) -> list[tuple[str, str]]:
        return [(str(r["label"]), str(r["n_cases"])) for r in tables[what].iter_rows(named=True)]

    counted = cases_in_period(ctx)
    scope = t_n(
        "report_cases_scope",
        lang,
        tables["cases"].height,
        opened=t_n("cases_opened", lang, counted["n_opened"]),
        resolved=t_n("cases_resolved", lang, counted["n_resolved"]),
    )
    # One sentence on stated totals (dashboard.cases.stated.range_sentence): a list of every
    # statement took most of a printed page; each one is in the pack's CSV and on the Cases page.
    said = stated_sentence(lang)
    paragraphs = (scope, *([said] if said else ()))
    if tables["cases"].is_empty():
        return export.ReportSection(
            title=t("report_cases", lang),
            paragraphs=(*paragraphs, t("report_cases_stated_elsewhere", lang)),
        )
    return export.ReportSection(
        title=t("report_cases", lang),
        paragraphs=paragraphs,
        tables=(
            (t("cases_by_mechanism", lang), pairs("cases-by-mechanism")),
            (t("cases_by_status", lang), pairs("cases-by-status")),
        ),
    )


PACK_CASE_TABLES = ("cases", "case-milestones", "case-sources", "stated-counts")
"""The Cases page's tables the Summary's briefing pack carries."""


def _export(request: PackRequest) -> Exported:
    filters, lang = request.filters, request.lang
    ctx = PageContext(lang=lang, labels=labels(lang), options=options(), filters=filters)
    rows = event_rows(ctx, events(filters, request.q, max_rows=ALL_ROWS))
    ids = rows["event_id"].implode()
    sources = filtered("sources_of_events", filters).filter(pl.col("event_id").is_in(ids))
    described = filter_rows(ctx)
    if request.q:
        described.append((t("report_search", lang), f"«{request.q}»"))

    tables = {"events": rows, "sources": sources}
    # Catalogue key of each sheet's title → frame; painted in the language at the end.
    sheets = {"page_events": rows, "sources": sources}
    figure_list: list[tuple[str, go.Figure]] = []
    sections: list[export.ReportSection] = []
    if request.view == "summary":
        case_tables = cases_of_view(ctx, period_rule=cases.SUMMARY_RULE)
        tables |= {what: case_tables[what] for what in PACK_CASE_TABLES}
        sheets |= {cases.EXPORT_TITLES[w]: case_tables[w] for w in PACK_CASE_TABLES}
        sections.append(_cases_section(ctx, case_tables))
        described += period_rule_row(ctx, cases.SUMMARY_RULE)
        facts, topics = summary_facts(ctx)
        summary = paragraph(ctx, facts)
        trend_frame, trend_fig = figures.events_over_time(
            ctx, grain="year", stack="body_code", cumulative=False
        )
        topic_frame, topic_fig, truncated = figures.topics_over_time(
            ctx, level="topic_group", shares=False, cumulative=False
        )
        headline = [
            (
                t("headline_meetings" if facts.held_only else "headline_meetings_any", lang),
                str(facts.n_meetings),
            ),
            (t("headline_acts", lang), str(facts.n_acts)),
            (t("headline_bodies", lang), str(facts.n_bodies)),
        ]
        headline += [
            (t("headline_hosting", lang, hosted_by=hosted_by(p, lang)), str(n))
            for p, n in facts.hosted.items()
        ]
        tables |= {
            "top-topics": topics,
            "meetings-over-time": trend_frame,
            "topic-groups-over-time": topic_frame,
        }
        sheets |= {
            "top_topics": topics,
            "events_over_time": trend_frame,
            "topic_trends": topic_frame,
        }
        figure_list = [
            (t("events_over_time", lang), trend_fig),
            (" ".join((t("topic_trends", lang), truncated or "")).strip(), topic_fig),
        ]
    else:
        summary = t_n("report_n_matching", lang, rows.height)
        headline = [
            (t("headline_events_any", lang), str(rows.height)),
            (t("headline_bodies", lang), str(rows["body"].n_unique())),
        ]
    info = build_info()
    report = export.report_html(
        lang=lang,
        title=t("report_title", lang),
        labels={
            k: t(f"report_{k}", lang)
            for k in (
                "summary",
                "headline",
                "charts",
                "filters",
                "sources",
                "generated",
                "events",
                "key_outcome",
                "best_source",
                "reopen",
            )
        }
        | {
            "data_version": t("data_version", lang),
            "as_of": t("as_of_label", lang),
            "date": t("date", lang),
            "body": t("body", lang),
            "title": t("title", lang),
            # Titles and outcomes are the records' words: said in es/fr (see record_text_note).
            "events_note": (t("record_text_language", lang) if notes_record_language(lang) else ""),
        },
        summary=summary,
        headline=headline,
        figures=figure_list,
        filters=described,
        data_version=str(info.get("data_version", "")),
        as_of=as_of(info, lang),
        sources=sources.select("event_id", "url", "publisher", "published"),
        events=_report_events(rows),
        link=request.link,
        generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
        sections=sections,
    )
    about = [*described, *_version_rows(lang, request.link)]
    return Exported(
        tables=tables,
        sheets={t(key, lang): frame for key, frame in sheets.items()},
        report=report,
        about=about,
    )


def _xlsx_of(
    sheets: Mapping[str, pl.DataFrame], about: Sequence[tuple[str, str]], lang: str
) -> bytes:
    headers: dict[str, str] = {}
    for frame in sheets.values():
        headers |= column_headers(frame.columns, lang)
    return export.workbook_bytes(
        sheets, headers=headers, about=about, about_title=t("workbook_about", lang)
    )


def _xlsx(exported: Exported, lang: str) -> bytes:
    return _xlsx_of(exported.sheets, exported.about, lang)


@st.cache_data(max_entries=32, show_spinner=False)
def _pack(key: Token, request: PackRequest) -> bytes:
    """The pack's bytes. ``key`` (the warehouse file's token) is a named argument so that the
    cache keys on it: a rebuilt warehouse gives a new pack."""
    exported = _export(request)
    filters, lang = request.filters, request.lang

    period = effective_period(filters, options())

    def name(what: str, ext: str = "csv") -> str:
        return export.export_filename(
            what, date_from=period.date_from, date_to=period.date_to, ext=ext, lang=lang
        )

    csvs = {
        name(what): export.csv_bytes(frame, headers=column_headers(frame.columns, lang))
        for what, frame in exported.tables.items()
    }
    workbook = (name("workbook", "xlsx"), _xlsx(exported, lang))
    return export.briefing_pack(csvs=csvs, report=exported.report, workbook=workbook)


@st.cache_data(max_entries=32, show_spinner=False)
def _workbook(key: Token, request: PackRequest) -> bytes:
    """The view's .xlsx alone (keyed on the warehouse file like :func:`_pack`)."""
    return _xlsx(_export(request), request.lang)


def pack(ctx: PageContext, *, view: View, q: str = "", link: str = "") -> bytes:
    """The briefing pack (zip) of exactly the view it is made from: the Summary's filters, or
    the Events page's filters and search; built once per warehouse file and request."""
    return _pack(
        token(), PackRequest(view=view, filters=ctx.filters, lang=ctx.lang, q=q, link=link)
    )


def workbook(ctx: PageContext, *, view: View, q: str = "", link: str = "") -> bytes:
    """The view's Excel workbook: a sheet per table, the sources, and the filters and version."""
    return _workbook(
        token(), PackRequest(view=view, filters=ctx.filters, lang=ctx.lang, q=q, link=link)
    )


def pack_file_name(ctx: PageContext, view: View = "summary") -> str:
    what = "briefing" if view == "summary" else "briefing-events"
    period = effective_period(ctx.filters, ctx.options)
    return export.export_filename(
        what, date_from=period.date_from, date_to=period.date_to, ext="zip", lang=ctx.lang
    )


@dataclass(frozen=True, slots=True)
class CasesRequest:
    """What the Cases page's workbook depends on besides the warehouse."""

    filters: Filters
    lang: str
    page: PageCodes = ()
    link: str = ""


def cases_sheets(ctx: PageContext, page: PageCodes = ()) -> dict[str, pl.DataFrame]:
    """The Cases page's tables as workbook sheets (title in the interface language → frame)."""
    return {
        t(cases.EXPORT_TITLES[what], ctx.lang): frame
        for what, frame in cases_of_view(ctx, page).items()
    }


@st.cache_data(max_entries=32, show_spinner=False)
def _cases_workbook(key: Token, request: CasesRequest) -> bytes:
    lang = request.lang
    ctx = PageContext(lang=lang, labels=labels(lang), options=options(), filters=request.filters)
    about = [*cases_filter_rows(ctx, request.page), *_version_rows(lang, request.link)]
    return _xlsx_of(cases_sheets(ctx, request.page), about, lang)


def cases_workbook(ctx: PageContext, *, page: PageCodes = (), link: str = "") -> bytes:
    """The Cases page's Excel workbook: a sheet per table of the page (the same rows as its
    CSVs), the cases' sources, and the filters, data version and link."""
    return _cases_workbook(
        token(), CasesRequest(filters=ctx.filters, lang=ctx.lang, page=page, link=link)
    )


def case_tables(case_id: str, labels: Labels) -> dict[str, pl.DataFrame]:
    """One case page's tables (CSV file stem → frame): chronology, related meetings, sources,
    each :func:`dashboard.cases.cases.labelled` in the labels' language."""
    tables = {
        f"case-{case_id}-milestones": query("case_milestones_of", case_id=case_id).with_columns(
            milestone_date=as_known("milestone_date")
        ),
        f"case-{case_id}-related-meetings": dates_as_known(
            query("case_related_events", case_id=case_id)
        ),
        f"case-{case_id}-sources": query("case_sources_of", case_id=case_id).rename(
            {"language": "source_language"}
        ),
    }
    return {what: cases.labelled(frame, labels) for what, frame in tables.items()}


CASE_SHEET_TITLES = ("case_sheet_chronology", "case_sheet_related", "case_sheet_sources")
"""Catalogue keys of the case page's sheets, in the order of :func:`case_tables`."""


def case_sheets(case_id: str, labels: Labels) -> dict[str, pl.DataFrame]:
    """One case's tables as workbook sheets (title in the labels' language → frame)."""
    return {
        t(title, labels.lang): frame
        for title, frame in zip(
            CASE_SHEET_TITLES, case_tables(case_id, labels).values(), strict=True
        )
    }


def case_about(case_id: str, lang: str, link: str) -> list[tuple[str, str]]:
    """The case workbook's first sheet: the case's id, the full address of its page, the
    data version."""
    return [
        (t("case_id", lang), case_id),
        *([(t("cases_case_link", lang), link)] if link else []),
        *_version_rows(lang, ""),
    ]


@st.cache_data(max_entries=64, show_spinner=False)
def _case_workbook(key: Token, case_id: str, lang: str, link: str) -> bytes:
    return _xlsx_of(case_sheets(case_id, labels(lang)), case_about(case_id, lang, link), lang)


def case_workbook(ctx: PageContext, case_id: str, *, link: str = "") -> bytes:
    """One case's Excel workbook: its chronology, related meetings and sources."""
    return _case_workbook(token(), case_id, ctx.lang, link)
