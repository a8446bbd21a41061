"""Documents: the stored bulletins and statements, and full-text search over them and the
records (accent- and case-insensitive, word forms, BM25), with highlighted snippets."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.data import filtered, query, reports_for, search, search_alternatives
from dashboard.i18n import label_value, t, t_n
from dashboard.state.context import PageContext, get_context
from dashboard.state.url import initial_params, publish_page
from dashboard.ui import components
from dashboard.ui.tables import dates_as_known, title_text
from textrules.terms import all_terms, snippet

MAX_QUERY_CHARS = 200
MAX_RESULTS = 50
EVENTS_PAGE = "dashboard/views/events.py"


def highlighted(text: str, terms: list[str]) -> str:
    """The best excerpt of ``text`` for ``terms`` as Markdown: the record or document text
    made inert, the matched words in bold."""
    cut = snippet(text, terms)
    parts, cursor = [], cut.start
    for h in cut.highlights:
        parts.append(components.plain(text[cursor : h.start]))
        parts.append(f"**{components.plain(text[h.start : h.end])}**")
        cursor = h.end
    parts.append(components.plain(text[cursor : cut.end]))
    return ("… " if cut.start else "") + "".join(parts) + (" …" if cut.cut_end else "")


def visible(results: pl.DataFrame, ctx: PageContext, citations: pl.DataFrame) -> pl.DataFrame:
    """Results the sidebar filters let through: events among the filtered ones; activity
    reports concerning the filtered bodies and period; passages of documents cited by a
    filtered event, or cited by no event at all."""
    event_ids = filtered("filtered_event_ids", ctx.filters)["event_id"]
    cited = citations.filter(pl.col("event_id").is_in(event_ids.implode()))["document_id"]
    uncited = ~pl.col("document_id").is_in(citations["document_id"].implode())
    report_ids = reports_for(ctx.filters)["report_id"].unique()
    return results.filter(
        pl.when(pl.col("doc_kind") == "event")
        .then(pl.col("event_id").is_in(event_ids.implode()))
        .when(pl.col("doc_kind") == "report")
        .then(pl.col("report_id").is_in(report_ids.implode()))
        .otherwise(pl.col("document_id").is_in(cited.implode()) | uncited)
    )


def _open_event(event_id: str) -> None:
    st.session_state["ev_selected"] = event_id
    st.switch_page(EVENTS_PAGE)


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    st.title(t("page_documents", lang))
    st.caption(t("documents_intro", lang))
    documents = query("documents_list")
    if documents.is_empty():
        st.info(t("documents_no_documents", lang))
    else:
        table = documents.select("title", "language", "published", "file", "n_passages")
        components.table(
            ctx,
            table,
            column_config={
                **{
                    c: t(f"documents_col_{c}", lang)
                    for c in ("title", "language", "file", "n_passages")
                },
                "published": st.column_config.DateColumn(
                    t("documents_col_published", lang), format="YYYY-MM-DD"
                ),
            },
        )
    if "doc_q" not in st.session_state:
        st.session_state["doc_q"] = initial_params().pop("q", "")[:MAX_QUERY_CHARS]
    text = st.text_input(
        t("documents_search", lang),
        key="doc_q",
        max_chars=MAX_QUERY_CHARS,
        placeholder=t("documents_search_placeholder", lang),
    ).strip()
    publish_page({"q": text or None})
    terms = all_terms(search_alternatives(text))
    if not terms:
        return
    citations = dates_as_known(query("document_citations"))
    results = visible(search(text, limit=MAX_RESULTS), ctx, citations)
    if results.is_empty():
        st.info(t("documents_no_results", lang, query=components.plain(text)))
        return
    st.caption(t_n("documents_n_results", lang, results.height, query=components.plain(text)))
    for i, row in enumerate(results.iter_rows(named=True)):
        with st.container(border=True):
            if row["doc_kind"] == "passage":
                st.markdown(
                    components.plain(
                        t(
                            "documents_passage_of",
                            lang,
                            passage_no=row["passage_no"],
                            title=row["title"],
                        )
                    )
                )
            else:
                kind = (
                    "documents_kind_event"
                    if row["doc_kind"] == "event"
                    else "documents_kind_report"
                )
                st.markdown(f"**{t(kind, lang)}** · " + components.plain(row["title"]))
            st.markdown(highlighted(row["text"] or "", terms))
            st.caption(
                label_value(
                    t("documents_matched_terms", lang),
                    components.plain(", ".join(row["matched_terms"])),
                    lang,
                )
                + " · "
                + label_value(t("documents_score", lang), f"{row['score']:.2f}", lang)
                + (
                    f" · {row['start_offset']}–{row['end_offset']}"
                    if row["start_offset"] is not None
                    else ""
                )
            )
            if row["doc_kind"] == "event":
                if st.button(t("documents_open_event", lang), key=f"doc_ev_{i}"):
                    _open_event(row["event_id"])
            elif row["doc_kind"] == "report":
                st.caption(
                    components.plain(label_value(t("report_id", lang), row["report_id"], lang))
                )
            else:
                citing = citations.filter(pl.col("document_id") == row["document_id"])
                for j, event in enumerate(citing.iter_rows(named=True)):
                    title = title_text(event["title_en"], event["title_es"], lang)
                    if st.button(f"{event['start_date']} · {title}", key=f"doc_cite_{i}_{j}"):
                        _open_event(event["event_id"])


if __name__ == "__main__":
    render(get_context())
