"""Drafts: upload a bulletin or statement, see the drafted event (and activity report) with
every field's evidence highlighted in the text, edit the fields with the taxonomy's codes, see
the ETL checker's problems as you edit, and download the YAML and its evidence.

Layout only: reading, drafting, editing and checking are in ``dashboard.drafts.drafts``. The upload
is held in memory by Streamlit and nothing is written on the server. For tests, a document
``(file name, bytes)`` placed in ``st.session_state["drafts_injected"]`` stands in for an
upload (AppTest cannot upload files).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import polars as pl
import streamlit as st

from dashboard.drafts import drafts
from dashboard.i18n import t, t_n
from dashboard.state.context import PageContext, get_context
from dashboard.ui import components
from etl.contracts import CLAIMS, Field
from etl.drafting.fields import Evidence
from etl.records import Event
from etl.taxonomy import Taxonomy

INJECTED = "drafts_injected"


@st.cache_resource(max_entries=2, show_spinner=False)
def _reference(
    folder: str, signature: tuple[tuple[str, int, int], ...]
) -> tuple[Taxonomy, tuple[Event, ...]]:
    return drafts.load_reference(Path(folder))


def _upload() -> tuple[str, bytes] | None:
    uploaded = st.session_state.get("drafts_upload")
    if uploaded is not None:
        return uploaded.name, uploaded.getvalue()
    injected = st.session_state.get(INJECTED)
    if isinstance(injected, tuple) and len(injected) == 2:
        name, raw = injected
        return str(name), bytes(raw)
    return None


def _select(
    label: str,
    options: Sequence[Any],
    current: Any,
    key: str,
    fmt: Callable[[Any], str],
    *,
    lang: str,
) -> Any:
    choices = list(options)
    if current not in choices:
        choices.insert(0, current)
    return st.selectbox(
        label,
        choices,
        index=choices.index(current),
        key=key,
        format_func=fmt,
        placeholder=t("drafts_none_option", lang),
    )


def _widget(f: Field, value: Any, taxonomy: Taxonomy, ctx: PageContext, key: str) -> Any:
    """The widget of one declared field (``etl.contracts``), by its kind; returns the value
    the analyst leaves in it."""
    lang, labels = ctx.lang, ctx.labels
    label, widget_key = t(f"drafts_f_{f.name}", lang), f"{key}_{f.name}"
    none = t("drafts_none_option", lang)
    if f.kind in ("code", "codes"):
        assert f.codes is not None
        list_name, codes = f.codes, list(taxonomy.codes(f.codes))

        def coded(c: Any) -> str:
            return none if c is None else labels(list_name, c)

        if f.kind == "codes":
            return st.multiselect(
                label,
                codes,
                default=[c for c in value or () if c in codes],
                key=widget_key,
                format_func=coded,
                placeholder=none,
                select_all=False,
            )
        options = codes if f.required else [None, *codes]
        return _select(label, options, value, widget_key, coded, lang=lang)
    if f.kind == "choice":
        return _select(label, f.choices, value, widget_key, str, lang=lang)
    if f.kind == "integer":
        return st.number_input(label, min_value=f.minimum, value=value, step=1, key=widget_key)
    if f.kind == "date" and not isinstance(value, str):
        return st.date_input(
            label,
            value=value,
            min_value=dt.date(1990, 1, 1),
            max_value=dt.date(2100, 12, 31),
            key=widget_key,
        )
    if f.kind in ("date", "partial_date"):
        typed = st.text_input(
            label,
            "" if value is None else str(value),
            key=widget_key,
            help=t("drafts_partial_help", lang),
        )
        return drafts.partial_date(typed)
    if f.kind == "text" and not f.short:
        return st.text_area(label, value or "", key=widget_key)
    return st.text_input(label, value or "", key=widget_key)


def _report_bodies(
    record: dict[str, Any], taxonomy: Taxonomy, ctx: PageContext, key: str
) -> list[dict[str, Any]]:
    lang, labels = ctx.lang, ctx.labels

    def label(name: str) -> str:
        return t(f"drafts_f_{name}", lang)

    bodies: list[dict[str, Any]] = []
    for i, entry in enumerate(record["bodies"]):
        with st.container(border=True):
            st.caption(t("drafts_body_entry", lang, n=i + 1))
            keep = st.checkbox(t("drafts_keep", lang), value=True, key=f"{key}_keep_{i}")
            body = _select(
                label("body"),
                taxonomy.codes("bodies"),
                entry["body"],
                f"{key}_body_{i}",
                lambda c: labels("bodies", c),
                lang=lang,
            )
            claim = _select(
                label("claim"),
                CLAIMS,
                entry["claim"],
                f"{key}_claim_{i}",
                lambda c: t(f"drafts_claim_{c}", lang) if c in CLAIMS else str(c),
                lang=lang,
            )
            quote = st.text_input(label("quote"), entry["quote"], key=f"{key}_quote_{i}")
            if keep:
                bodies.append({"body": body, "claim": claim, "quote": quote})
    return bodies


SECTIONS: dict[
    str, Callable[[dict[str, Any], Taxonomy, PageContext, str], list[dict[str, Any]]]
] = {"bodies": _report_bodies}
"""Lists of mappings the page edits with a section of its own."""


def _fields(
    record: dict[str, Any], taxonomy: Taxonomy, ctx: PageContext, key: str
) -> dict[str, Any]:
    """A widget for every editable field of the record's contract, in the contract's order."""
    values: dict[str, Any] = {}
    for f in drafts.editable(drafts.contract_of(record), SECTIONS):
        if f.name in SECTIONS:
            values[f.name] = SECTIONS[f.name](record, taxonomy, ctx, key)
        else:
            values[f.name] = _widget(f, record.get(f.name), taxonomy, ctx, key)
    return values


def _evidence_panel(ctx: PageContext, text: str, evidence: Sequence[Evidence], key: str) -> None:
    lang = ctx.lang
    st.subheader(t("drafts_text", lang))
    fields = sorted({e.field.split("[")[0] for e in evidence})
    focus = st.selectbox(
        t("drafts_focus", lang),
        [None, *fields],
        key=f"{key}_focus",
        format_func=lambda f: t("drafts_all_fields", lang) if f is None else f,
        placeholder=t("drafts_all_fields", lang),
    )
    shown = [e for e in evidence if focus is None or e.field.split("[")[0] == focus]
    with st.container(height=520, border=True):
        st.markdown(drafts.highlighted_text(text, [(e.start, e.end) for e in shown]))
    with st.expander(t("drafts_evidence", lang)):
        rows = pl.DataFrame(drafts.evidence_rows(shown), infer_schema_length=None)
        components.table(ctx, rows, key=f"{key}_evidence")


def render(ctx: PageContext) -> None:
    lang = ctx.lang
    st.title(t("page_drafts", lang))
    st.caption(t("drafts_intro", lang))
    limit = drafts.MAX_UPLOAD_BYTES // (1024 * 1024)
    st.file_uploader(
        t("drafts_upload", lang, limit=limit),
        type=list(drafts.UPLOAD_TYPES),
        key="drafts_upload",
    )
    upload = _upload()
    if upload is None:
        st.info(t("drafts_waiting", lang))
        return
    folder = drafts.data_dir()
    try:
        taxonomy, known = _reference(str(folder), drafts.data_signature(folder))
        document = drafts.read_upload(*upload)
    except drafts.UploadRefused as refused:
        st.error(t(refused.key, lang, **refused.values))
        return
    made = drafts.draft_upload(document, taxonomy, known)
    if made.nothing is not None:
        st.warning(t("drafts_nothing", lang, reason=made.nothing))
        return
    if made.no_event is not None:
        st.info(t("drafts_no_event", lang, reason=made.no_event))
    choices: list[tuple[str, int]] = [("event", i) for i in range(len(made.events))]
    if made.report is not None:
        choices.append(("report", 0))

    def describe(choice: tuple[str, int]) -> str:
        kind, i = choice
        if kind == "report" and made.report is not None:
            return f"{t('drafts_kind_report', lang)} · {made.report.id}"
        return f"{t('drafts_kind_event', lang)} · {made.events[i].id}"

    kind, index = st.radio(
        t("drafts_record", lang),
        choices,
        format_func=describe,
        key="drafts_choice",
        horizontal=True,
    )
    key = f"drafts_{document.document_id}_{kind}_{index}"
    if kind == "report" and made.report is not None:
        record, evidence, unfilled = made.report.record, made.report.evidence, made.report.unfilled
    else:
        draft = made.events[index]
        record, evidence, unfilled = draft.record, draft.evidence, draft.unfilled
    left, right = st.columns([2, 3])
    with left:
        st.subheader(t("drafts_fields", lang))
        if unfilled:
            st.caption(t("drafts_unfilled", lang, fields=", ".join(unfilled)))
        result = drafts.edited(record, _fields(record, taxonomy, ctx, key))
    with right:
        _evidence_panel(ctx, document.text, evidence, key)
    problems = drafts.check_record(result, taxonomy)
    errors = [p for p in problems if not p.is_warning]
    folder_name = drafts.record_type_of(result).folder
    if errors:
        st.error(t_n("drafts_problems", lang, len(errors)))
        # as `python -m etl validate` prints them; a code block shows record text inertly
        st.code("\n".join(str(p) for p in errors), language=None)
    else:
        st.success(t("drafts_valid", lang, folder=folder_name, file=drafts.download_name(result)))
    one, two = st.columns(2)
    one.download_button(
        t("drafts_download_yaml", lang),
        data=drafts.record_bytes(result),
        file_name=drafts.download_name(result),
        mime="application/yaml",
        key="drafts_download_yaml",
    )
    two.download_button(
        t("drafts_download_evidence", lang),
        data=drafts.evidence_bytes(result, evidence, unfilled, document.file),
        file_name=drafts.download_name(result, evidence=True),
        mime="application/yaml",
        key="drafts_download_evidence",
    )


if __name__ == "__main__":
    render(get_context())
