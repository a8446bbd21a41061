"""One enforcement case (``/case?id=<case_id>``): chronology, facility, outcome, sources,
related meetings and topics. Layout only."""

from __future__ import annotations

import streamlit as st

from dashboard.briefing import briefing
from dashboard.cases import cases
from dashboard.data import query
from dashboard.exports import export
from dashboard.i18n import label_value, t, t_n
from dashboard.state.context import PageContext, get_context
from dashboard.state.url import initial_params, publish_page
from dashboard.ui import components
from textrules.language import notes_record_language

OPENED = "case_id"
MAX_ID_CHARS = 120
EVENT_SELECTED = "ev_selected"
"""The Events page opens the event this names (dashboard/views/events.py)."""


def _shown_date(value: object, precision: object) -> str:
    text = str(value)
    return text[:7] if precision == "month" else text


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    labels = ctx.labels
    if OPENED not in st.session_state:
        st.session_state[OPENED] = initial_params().pop("id", "")[:MAX_ID_CHARS]
    case_id: str = st.session_state[OPENED] or ""
    st.page_link("dashboard/views/cases.py", label=t("cases_back", lang))
    found = query("case_detail", case_id=case_id) if case_id else None
    if found is None or found.is_empty():
        st.title(t("page_case", lang))
        st.warning(t("cases_unknown_case", lang, id=components.plain(case_id[:80])))
        publish_page({"id": None})
        return
    publish_page({"id": case_id})
    case = found.row(0, named=True)
    subject, english_only = cases.case_text(case["subject_en"], case["subject_es"], lang)
    st.title(components.plain(subject))
    link = components.view_link(ctx, "case", {"id": case_id})
    st.caption(t("label_value", lang, label=t("cases_case_link", lang), value=link))
    if english_only or notes_record_language(lang):
        st.caption(t("cases_english_only", lang))
    facts = {
        t("cases_mechanism", lang): labels("mechanisms", case["mechanism_code"]),
        t("cases_complainant", lang): labels("parties", case["complainant_party"]),
        t("cases_respondent", lang): labels("parties", case["respondent_party"]),
        t("cases_third_parties", lang): ", ".join(
            labels("parties", p) for p in case["third_parties"]
        )
        or t("none", lang),
        t("cases_facility", lang): case["facility"] or t("none", lang),
        t("cases_sector", lang): labels("sectors", case["sector_code"]) or t("none", lang),
        t("cases_status", lang): labels("case_statuses", case["status"]),
        t("cases_request_date", lang): _shown_date(case["request_date"], case["request_precision"]),
        t("cases_latest_step", lang): labels("case_steps", case["latest_step_code"])
        + f" ({_shown_date(case['latest_step_date'], case['latest_step_precision'])})",
        t("cases_days_to_resolution", lang): case["days_to_resolution"]
        if case["days_to_resolution"] is not None
        else t_n("cases_days_open_value", lang, case["days_open"], built_on=case["built_on"]),
        t("confidence", lang): labels("confidence", case["confidence"]),
        t("topics", lang): ", ".join(labels("topics", c) for c in case["topic_codes"]),
    }
    st.markdown(
        "\n".join(
            "- " + label_value(f"**{label}**", components.plain(value), lang)
            for label, value in facts.items()
        )
    )
    tables = briefing.case_tables(case_id, labels)
    milestones, related, sources = tables.values()
    st.download_button(
        t("download_xlsx", lang),
        data=lambda: briefing.case_workbook(ctx, case_id, link=link),
        file_name=export.export_filename(
            f"case-{case_id}", date_from=None, date_to=None, ext="xlsx", lang=lang
        ),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="case_xlsx",
        help=t("download_xlsx_help", lang),
    )
    if case["outcome_en"]:
        st.markdown(f"**{t('cases_outcome', lang)}**")
        st.markdown(components.plain(case["outcome_en"]))

    st.subheader(t("cases_chronology", lang))
    components.table(ctx, milestones)
    what = list(tables)
    components.csv_button(ctx, milestones, what=what[0], key="case_ms_csv")

    st.subheader(t("cases_related_meetings", lang))
    if related.is_empty():
        st.caption(t("none", lang))
    for row in related.iter_rows(named=True):
        # The table is labelled: the body's name, the title in the interface language.
        if st.button(
            components.plain(f"{row['start_date']} · {row['body']} · {row['title']}"),
            key=f"case_event_{row['event_id']}",
            help=t("cases_open_event", lang),
        ):
            st.session_state[EVENT_SELECTED] = row["event_id"]
            st.switch_page(components.EVENTS_PAGE)
    if not related.is_empty():
        components.csv_button(ctx, related, what=what[1], key="case_rel_csv")

    if case["notes"]:
        st.markdown(f"**{t('notes', lang)}**")
        st.markdown(components.plain(case["notes"]))

    st.subheader(t("sources", lang))
    components.table(
        ctx, sources, column_config={"url": st.column_config.LinkColumn(t("url", lang))}
    )
    components.csv_button(ctx, sources, what=what[2], key="case_src_csv")


if __name__ == "__main__":
    render(get_context())
