"""Body: everything the records say of one body of the agreement (``/body?code=<body_code>``).

The body is chosen by its code, in the URL and in the list at the top; every record of the
body shows, whatever the sidebar filters (they select events for the other pages).
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.bodies import evidence, institutions
from dashboard.data import query
from dashboard.i18n import label_value, t, t_n
from dashboard.state.context import PageContext, get_context
from dashboard.state.url import code_select
from dashboard.ui import charts, components
from dashboard.ui.tables import dates_as_known, title_expr
from textrules.language import notes_record_language

CHOSEN = "body_code"
"""The code of the body shown (state holds codes; the list paints names)."""
# The last ``code`` read from the URL: a new one (a link followed) moves the list to it.
SEEN = "body_url_seen"
EVENTS_PAGE = "dashboard/views/events.py"
SHOWN_ROWS = 2_000
"""A table shows a body's newest rows up to this many (a body has thousands at 100,000 events:
sending them all made the page too slow to draw); its CSV holds every row."""
SHOWN_REPORTS = 30
"""Reports shown as quotes, newest first; the reports table below lists every one."""


def _chosen(ctx: PageContext) -> str | None:
    """The body to show: a new ``?code=`` in the URL wins, then the list's choice."""
    url_code = st.query_params.get("code")
    if url_code is not None and url_code != st.session_state.get(SEEN):
        st.session_state[SEEN] = url_code
        if url_code in ctx.options.bodies:
            st.session_state[CHOSEN] = url_code
        else:
            st.warning(t("body_unknown", ctx.lang, code=components.plain(url_code[:60])))
    return code_select(
        t("body_choose", ctx.lang),
        CHOSEN,
        ctx.options.bodies,
        lang=ctx.lang,
        name=lambda c: ctx.labels("bodies", c),
        placeholder=t("none", ctx.lang),
    )


def _open_event(event_id: str) -> None:
    st.session_state["ev_selected"] = event_id
    st.switch_page(EVENTS_PAGE)


def _shown(ctx: PageContext, frame: pl.DataFrame) -> pl.DataFrame:
    """The newest ``SHOWN_ROWS`` rows of a table ordered oldest first, saying so if cut."""
    if frame.height <= SHOWN_ROWS:
        return frame
    st.caption(t("rows_capped", ctx.lang, shown=SHOWN_ROWS, n=frame.height))
    return frame.tail(SHOWN_ROWS)


def _table(ctx: PageContext, frame: pl.DataFrame, *, what: str, key: str) -> None:
    config = {"quote_url": st.column_config.LinkColumn(t("quote_url", ctx.lang))}
    if "url" in frame.columns:
        config["url"] = st.column_config.LinkColumn(t("url", ctx.lang))
    components.table(ctx, _shown(ctx, frame), column_config=config, key=f"{key}_table")
    components.csv_button(ctx, frame, what=what, key=f"{key}_csv")


def render(ctx: PageContext) -> None:
    lang, labels = ctx.lang, ctx.labels
    code = _chosen(ctx)
    if code is None:
        st.title(t("page_body", lang))
        st.page_link("dashboard/views/bodies.py", label=t("page_bodies", lang), icon="🏛️")
        return
    st.query_params["code"] = code
    st.session_state[SEEN] = code
    index = query("bodies_index").filter(pl.col("body_code") == code)
    profile = index.row(0, named=True)
    st.title(labels("bodies", code))
    st.caption(institutions.treaty_basis(profile["chapter"], profile["article"], lang))
    if profile["latest_evidence"] == "none":
        st.info(t("body_nothing_known", lang))
    else:
        st.markdown(
            t(
                "body_known",
                lang,
                n_events=profile["n_meetings"],
                n_held=profile["n_meetings_held"],
                n_reports=profile["n_reports"],
                latest=institutions.latest_evidence_text(profile, labels),
            )
        )
    st.caption(t("all_records_note", lang))

    st.subheader(t("evidence_strip", lang))
    grid = query("body_year_evidence").filter(pl.col("body_code") == code)
    strip = evidence.coverage_frame(grid, labels, order=[code])
    words = {c: t(c, lang) for c in evidence.COUNTS}
    fig = evidence.strip_figure(strip, labels, title=t("evidence_strip", lang), words=words)
    st.plotly_chart(charts.localised(fig, lang), key="body_strip_chart", width="stretch")
    components.csv_button(
        ctx,
        strip.select(
            "year",
            "evidence_label",
            *evidence.COUNTS,
            *evidence.ID_COLUMNS,
            "span_from",
            "span_to",
        ).rename({"evidence_label": "evidence"}),
        what=f"{code}-evidence",
        key="body_strip_csv",
    )

    events = query("body_events", body_code=code)
    # A decision or a consultation is a dated act, not a meeting: listed apart below.
    meeting_events = events.filter(pl.col("is_meeting"))
    act_events = events.filter(~pl.col("is_meeting"))
    st.subheader(t("body_meetings", lang))
    if meeting_events.is_empty():
        st.caption(t("body_no_meetings", lang))
    if not events.is_empty():
        meetings = institutions.meeting_rows(meeting_events, labels)
        if not meeting_events.is_empty():
            timeline = institutions.meetings_timeline(
                institutions.meeting_rows(meeting_events, labels, for_chart=True), lang
            )
            st.plotly_chart(
                charts.localised(timeline, lang), key="body_timeline_chart", width="stretch"
            )
        shown = _shown(ctx, meetings)
        picked = components.table(
            ctx,
            shown,
            on_select="rerun",
            selection_mode="single-row",
            key="body_meetings_table",
        )
        rows = picked.selection.rows if picked is not None else []
        if rows:
            event_id = shown["event_id"][rows[0]]
            st.button(
                label_value(t("documents_open_event", lang), event_id, lang),
                on_click=_open_event,
                args=(event_id,),
                key="body_open_event",
            )
        components.csv_button(ctx, meetings, what=f"{code}-meetings", key="body_meetings_csv")
        if not act_events.is_empty():
            st.subheader(t("body_acts", lang))
            st.caption(t("body_acts_note", lang))
            acts = institutions.meeting_rows(act_events, labels)
            _table(
                ctx,
                acts.drop("format", "host_party", "chair_party"),
                what=f"{code}-acts",
                key="body_acts",
            )

        st.subheader(t("hosts_chairs", lang))
        _table(
            ctx,
            institutions.hosts_and_chairs(events, labels),
            what=f"{code}-hosts",
            key="body_hosts",
        )

        st.subheader(t("outcomes_by_kind", lang))
        outcomes = query("body_outcomes", body_code=code)
        kinds = list(labels.mapping("outcome_kinds"))
        by_kind = institutions.outcome_kind_counts(outcomes, labels, kinds)
        n_follow = int(outcomes.filter(pl.col("kind") == "follow_up").height)
        st.caption(
            t_n("follow_ups_note", lang, n_follow, kind=labels("outcome_kinds", "follow_up"))
        )
        bars = charts.count_bar(
            by_kind,
            x="kind",
            y="n_outcomes",
            labels={"kind": t("kind", lang), "n_outcomes": t("outcomes", lang)},
            title=t("outcomes_by_kind", lang),
        )
        bars.update_layout(height=300)
        components.chart(ctx, bars, by_kind, what=f"{code}-outcome-kinds", key="body_kinds")
        shown = dates_as_known(
            labels.relabel(outcomes, "kind", "outcome_kinds").with_columns(title=title_expr(lang))
        ).select("start_date", "title", "kind", "text", "event_id")
        _table(ctx, shown, what=f"{code}-outcomes", key="body_outcomes")

        st.subheader(t("body_topics", lang))
        topics = labels.relabel(
            labels.relabel(
                query("body_topics", body_code=code), "topic_code", "topics", alias="topic"
            ),
            "group_code",
            "topic_groups",
            alias="topic_group",
        ).select("topic", "topic_group", "n_events", "topic_code")
        _table(ctx, topics, what=f"{code}-topics", key="body_topics")

    st.subheader(t("body_reports", lang))
    reports = query("body_reports", body_code=code)
    if reports.is_empty():
        st.caption(t("body_no_reports", lang))
    else:
        rows_ = institutions.report_rows(reports, labels)
        for row in rows_.reverse().head(SHOWN_REPORTS).iter_rows(named=True):
            with st.container(border=True):
                st.markdown(
                    components.plain(
                        t("report_quote_line", lang, quote=row["quote"], claim=row["claim"])
                    )
                )
                st.caption(
                    components.plain(
                        t(
                            "report_meta",
                            lang,
                            published=row["published"] or "—",
                            period=row["period_covered"],
                            confidence=row["confidence"],
                        )
                    )
                )
                url = row["quote_url"] or ""
                if url.startswith(("http://", "https://")):
                    st.link_button(
                        label_value(
                            t("report_source", lang), row["quote_publisher"] or url[:40], lang
                        ),
                        url,
                    )
        _table(ctx, rows_, what=f"{code}-reports", key="body_reports")

    st.subheader(t("body_sources", lang))
    sources = (
        query("body_sources", body_code=code)
        .with_columns(
            record_kind=pl.col("record_kind").replace_strict(
                {"event": t("record_kinds_event", lang), "report": t("record_kinds_report", lang)}
            )
        )
        .rename({"language": "source_language"})
    )
    _table(ctx, sources, what=f"{code}-sources", key="body_sources")

    if profile["chapter"] is not None:
        _chapter_cases(ctx, int(profile["chapter"]))


def _chapter_cases(ctx: PageContext, chapter: int) -> None:
    """The enforcement cases concerning this body's chapter (case_facts.chapters), if any."""
    lang, labels = ctx.lang, ctx.labels
    found = query("cases_of_chapter", chapter=chapter)
    if found.is_empty():
        return
    st.subheader(t("cases_of_chapter", lang, chapter=chapter))
    if notes_record_language(lang):
        st.caption(t("cases_english_only", lang))
    shown = labels.relabel(
        labels.relabel(found, "mechanism_code", "mechanisms"), "status", "case_statuses"
    )
    shown = labels.relabel(shown, "latest_step_code", "case_steps")
    _table(ctx, shown, what=f"chapter-{chapter}-cases", key="body_cases")


if __name__ == "__main__":
    render(get_context())
