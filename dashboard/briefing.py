"""The Summary's facts and the briefing pack (CSVs of the view + a self-contained report)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st

from dashboard import export, figures, transforms
from dashboard.context import PageContext
from dashboard.data import build_info, filtered, labels, options, token
from dashboard.filters import Filters, describe
from dashboard.i18n import column_headers, t
from dashboard.state import effective_period
from dashboard.summary import SummaryFacts, TopicMove, summary_paragraph
from dashboard.tables import event_rows

TOP_TOPICS = 5


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
    hosted = {
        ctx.labels("parties", code): int(head[f"n_hosted_{code.lower()}"])
        for code in ("MX", "US", "CA")
        if code in ctx.options.parties
    }
    facts = SummaryFacts(
        n_events=int(head["n_events"]),
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
    )
    return facts, change


def paragraph(ctx: PageContext, facts: SummaryFacts) -> str:
    return summary_paragraph(facts, ctx.labels)


def filter_rows(ctx: PageContext) -> list[tuple[str, str]]:
    """The applied filters as (label, value) pairs in the interface language."""
    return describe(ctx.filters, label=lambda key: t(key, ctx.lang), name=ctx.labels)


@st.cache_data(max_entries=32, show_spinner=False)
def _pack(_token: object, filters: Filters, lang: str) -> bytes:
    ctx = PageContext(lang=lang, labels=labels(lang), options=options(), filters=filters)
    facts, topics = summary_facts(ctx)
    summary = paragraph(ctx, facts)
    events = event_rows(
        ctx, filtered("events_list", filters, q="", ascending=False, max_rows=10_000_000)
    )
    sources = filtered("sources_of_events", filters)
    trend_frame, trend_fig = figures.events_over_time(
        ctx, grain="year", stack="body_code", cumulative=False
    )
    topic_frame, topic_fig = figures.topics_over_time(
        ctx, level="topic_group", shares=False, cumulative=False
    )
    headline = [
        (
            t("headline_events" if facts.held_only else "headline_events_any", lang),
            str(facts.n_events),
        ),
        (t("headline_bodies", lang), str(facts.n_bodies)),
    ]
    headline += [(t("headline_hosting", lang, party=p), str(n)) for p, n in facts.hosted.items()]
    info = build_info()
    version, as_of = str(info.get("data_version", "")), str(info.get("finished_at", ""))[:10]

    def csv(frame: pl.DataFrame) -> bytes:
        return export.csv_bytes(frame, headers=column_headers(frame.columns, lang))

    def name(what: str) -> str:
        return export.export_filename(what, date_from=filters.date_from, date_to=filters.date_to)

    csvs = {
        name("events"): csv(events),
        name("sources"): csv(sources),
        name("top-topics"): csv(topics),
        name("events-over-time"): csv(trend_frame),
        name("topic-groups-over-time"): csv(topic_frame),
    }
    report = export.report_html(
        lang=lang,
        title=t("report_title", lang),
        labels={
            k: t(f"report_{k}", lang)
            for k in ("summary", "headline", "charts", "filters", "sources", "generated")
        }
        | {"data_version": t("data_version", lang), "as_of": t("as_of_label", lang)},
        summary=summary,
        headline=headline,
        figures=[(t("events_over_time", lang), trend_fig), (t("topic_trends", lang), topic_fig)],
        filters=filter_rows(ctx),
        data_version=version,
        as_of=as_of,
        sources=sources.select("event_id", "url", "publisher", "published"),
        generated_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
    )
    return export.briefing_pack(csvs=csvs, report=report)


def pack(ctx: PageContext) -> bytes:
    """The briefing pack (zip) of the current view, built once per warehouse file, filters and
    language."""
    return _pack(token(), ctx.filters, ctx.lang)


def pack_file_name(filters: Filters) -> str:
    return export.export_filename(
        "briefing", date_from=filters.date_from, date_to=filters.date_to, ext="zip"
    )
