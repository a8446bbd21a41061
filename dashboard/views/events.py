"""Events: the filtered events as a searchable table, and one event in detail."""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st

from dashboard.bodies import evidence, institutions
from dashboard.briefing import buttons
from dashboard.data import events, query, reports_for
from dashboard.i18n import label_value, t, t_n
from dashboard.state.context import PageContext, get_context
from dashboard.state.url import initial_params, publish_page
from dashboard.ui import components
from dashboard.ui.tables import (
    SHOWN_COLUMNS,
    dates_as_known,
    event_rows,
    is_overdue,
    status_label,
    supports_in,
    title_expr,
    title_text,
)

SHOWN_ROWS = 2_000
"""The table shows the newest events up to this many; its CSV holds every match."""
ALL_ROWS = 10_000_000
MAX_QUERY_CHARS = 200
SELECTED = "ev_selected"
SEARCH = "ev_search"
"""The search, kept apart from its text box's key: Streamlit forgets a widget's value on a run
that does not draw it, so opening an event and coming back lost the search."""


def _open(event_id: str | None) -> None:
    st.session_state[SELECTED] = event_id


def _links(urls: pl.Series) -> pl.Series:
    """Only web addresses become links; anything else (e.g. 'seed: ...') stays text."""
    return urls.map_elements(
        lambda u: u if u.startswith(("http://", "https://")) else None, return_dtype=pl.String
    )


def _detail(ctx: PageContext, event_id: str) -> None:
    lang = ctx.lang
    labels = ctx.labels
    st.button(t("back_to_list", lang), on_click=_open, args=(None,), key="ev_back")
    found = query("event_detail", event_id=event_id)
    if found.is_empty():
        st.warning(t("unknown_event", lang, id=components.plain(event_id[:80])))
        return
    today = ctx.options.today or dt.date.today()
    event = dates_as_known(
        found.with_columns(title=title_expr(lang), is_overdue=is_overdue(today))
    ).row(0, named=True)
    st.header(components.plain(event["title"]))
    components.record_text_note(ctx)
    st.caption(t("event_link", lang, link=components.view_link(ctx, "events", {"event": event_id})))
    facts = {
        t(
            "date", lang
        ): f"{event['start_date']} ({labels('date_precision', event['date_precision'])})"
        + (f" – {event['end_date']}" if event["end_date"] else ""),
        t("body", lang): labels("bodies", event["body_code"]),
        t("kind", lang): labels("kinds", event["kind"]),
        t("edition", lang): event["edition"] or t("none", lang),
        t("status", lang): t("status_overdue", lang)
        if event["is_overdue"]
        else status_label(labels, event["status"], is_meeting=event["is_meeting"]),
        t("format", lang): labels("formats", event["format"]),
        t("city", lang): labels("cities", event["city"]) or t("none", lang),
        t("host_party", lang): labels("parties", event["host_party"]) or t("none", lang),
        t("chair_party", lang): labels("parties", event["chair_party"]) or t("none", lang),
        t("confidence", lang): labels("confidence", event["confidence"]),
    }
    if event["is_overdue"]:
        st.warning(t("overdue_event_warning", lang), icon="⚠️")
    if not event["is_meeting"]:
        st.info(t("event_is_act", lang, kind=labels("kinds", event["kind"])))
    st.markdown(
        "\n".join(
            "- " + label_value(f"**{label}**", components.plain(value), lang)
            for label, value in facts.items()
        )
    )
    st.page_link(
        institutions.BODY_PAGE_FILE,
        label=t("open_body_page", lang, body=labels("bodies", event["body_code"])),
        query_params={"code": event["body_code"], "lang": lang},
        icon="🏛️",
    )
    if event["notes"]:
        st.markdown(f"**{t('notes', lang)}**")
        st.markdown(components.plain(event["notes"]))

    topics = query("event_topics_of", event_id=event_id)
    st.markdown(
        label_value(f"**{t('topics', lang)}**", "", lang)
        + components.plain(", ".join(labels("topics", c) for c in topics["topic_code"]))
    )

    def section(title_key: str, frame: pl.DataFrame) -> None:
        st.subheader(t(title_key, lang))
        if frame.is_empty():
            st.caption(t("none", lang))
        else:
            components.table(ctx, frame)

    people = query("event_participants", event_id=event_id)
    people = labels.relabel(
        labels.relabel(
            labels.relabel(people, "party_code", "parties", alias="party"), "level", "levels"
        ),
        "capacity",
        "capacities",
    ).select("name", "party", "organization", "role", "level", "capacity")
    section("participants", people)
    topic_names = labels.mapping("topics")
    panels = (
        query("event_panels", event_id=event_id)
        .with_columns(
            topics=pl.col("topic_codes")
            .list.eval(pl.element().replace(topic_names))
            .list.join(", ")
        )
        .select("title", "topics")
    )
    section("panels", panels)
    outcomes = (
        labels.relabel(query("event_outcomes", event_id=event_id), "kind", "outcome_kinds")
        .with_columns(
            topics=pl.col("topic_codes")
            .list.eval(pl.element().replace(topic_names))
            .list.join(", ")
        )
        .select("kind", "text", "topics")
    )
    section("outcomes", outcomes)

    st.subheader(t("related", lang))
    related = dates_as_known(query("event_related", event_id=event_id))
    if related.is_empty():
        st.caption(t("none", lang))
    for row in related.iter_rows(named=True):
        if row["is_in_data"]:
            title = title_text(row["title_en"], row["title_es"], lang)
            st.button(
                f"{row['start_date']} · {title}",
                key=f"ev_rel_{row['related_id']}",
                on_click=_open,
                args=(row["related_id"],),
            )
        else:
            st.markdown(components.plain(t("not_in_data", lang, id=row["related_id"])))

    st.subheader(t("documents_supporting_passages", lang))
    support = query("event_support", event_id=event_id)
    if support.is_empty():
        st.caption(t("documents_no_supporting_passages", lang))
    for row in support.iter_rows(named=True):
        st.markdown(
            f"**{components.plain(row['title'])}** · "
            + components.plain(
                t("documents_passage_of", lang, passage_no=row["passage_no"], title=row["file"])
            )
            + f" · {row['start_offset']}–{row['end_offset']}"
        )
        st.markdown("> " + components.plain(row["text"]).replace("\n", "\n> "))

    st.subheader(t("sources", lang))
    sources = query("event_sources", event_id=event_id)
    sources = (
        sources.rename({"language": "source_language"})
        .with_columns(
            link=_links(sources["url"]),
            supports=sources["supports"].map_elements(
                lambda s: supports_in(s, lang), return_dtype=pl.String
            ),
        )
        .select("publisher", "published", "source_language", "supports", "url", "link")
    )
    components.table(
        ctx, sources, column_config={"link": st.column_config.LinkColumn(t("url", lang))}
    )
    st.caption(label_value(t("confidence", lang), labels("confidence", event["confidence"]), lang))


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    st.title(t("page_events", lang))
    if SELECTED not in st.session_state:
        st.session_state[SELECTED] = initial_params().pop("event", None) or None
    if SEARCH not in st.session_state:
        st.session_state[SEARCH] = initial_params().pop("q", "")[:MAX_QUERY_CHARS]
    selected = st.session_state[SELECTED]
    if selected:
        publish_page({"event": selected, "q": st.session_state[SEARCH].strip() or None})
        _detail(ctx, selected)
        return
    if "ev_q" not in st.session_state:
        st.session_state["ev_q"] = st.session_state[SEARCH]

    q = st.text_input(
        t("search", lang),
        key="ev_q",
        max_chars=MAX_QUERY_CHARS,
        placeholder=t("search_placeholder", lang),
    )
    st.session_state[SEARCH] = q
    search = q.strip()
    publish_page({"event": None, "q": search or None})
    found = events(ctx.filters, search, max_rows=SHOWN_ROWS)
    n_total = int(found["n_total"][0]) if found.height else 0
    rows = event_rows(ctx, found)
    st.caption(t_n("n_shown", lang, n_total))
    if n_total > rows.height:
        st.caption(t("rows_capped", lang, shown=rows.height, n=n_total))
    linked = institutions.with_body_links(found.select("body_code"), lang)["body_page"]
    shown = rows.select(SHOWN_COLUMNS).with_columns(body_page=linked)
    components.event_table(
        ctx,
        shown,
        key="ev_table",
        column_config={
            "body_page": st.column_config.LinkColumn(
                t("body_page", lang), display_text=t("body_page_link", lang)
            ),
        },
    )
    if not rows.is_empty():
        st.caption(t("pick_row_hint", lang))
    components.csv_button(
        ctx,
        lambda: event_rows(ctx, events(ctx.filters, search, max_rows=ALL_ROWS)),
        what="events",
        key="ev_csv",
    )
    if search:
        reports = evidence.report_matches(reports_for(ctx.filters), ctx.labels, search)
        if not reports.is_empty():
            st.subheader(t("matching_reports", lang))
            components.table(ctx, reports.rename({"bodies": "bodies_named"}))
    buttons.pack_button(
        ctx, key="ev_pack", view="events", q=search, extra={"q": search} if search else None
    )


if __name__ == "__main__":
    render(get_context())
