"""Page state that survives page switches and lives in the URL.

A real browser drops the query string when the user switches page, so the source of truth is
``st.session_state``: it is initialised once per session from the URL the user opened, bound to
the widgets, and written back to the URL on every run so that a copied link reopens the view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

import streamlit as st

from dashboard.filters import PARTY_ROLES, Filters, Notice, Options, parse_url, to_url
from dashboard.i18n import DEFAULT_LANG, LANGS, t
from dashboard.labels import Labels

INITIAL_URL = "url_initial"
NOTICES = "url_notices"
KEYS = {
    "period": "flt_period",
    "bodies": "flt_bodies",
    "chapters": "flt_chapters",
    "topics": "flt_topics",
    "topic_groups": "flt_topic_groups",
    "parties": "flt_parties",
    "party_roles": "flt_party_roles",
    "kinds": "flt_kinds",
    "all_statuses": "flt_all_statuses",
    "statuses": "flt_statuses",
    "confidences": "flt_confidences",
}
PAGE_PARAMS = "page_params"
LINK_PARAMS = ("code",)
"""Page parameters that links carry into a page (st.page_link's query_params), kept by
:func:`publish`: ``code`` chooses the body of the body page."""


def initial_params() -> dict[str, str]:
    """The query parameters of the URL this session was opened with (read once)."""
    if INITIAL_URL not in st.session_state:
        st.session_state[INITIAL_URL] = {k: st.query_params.get(k, "") for k in st.query_params}
    value: dict[str, str] = st.session_state[INITIAL_URL]
    return value


def add_notice(notice: Notice) -> None:
    st.session_state.setdefault(NOTICES, []).append(notice)


def notices() -> list[Notice]:
    value: list[Notice] = st.session_state.get(NOTICES, [])
    return value


def init_language() -> str:
    """The interface language, initialised from ``?lang=`` once, then from the widget."""
    if "app_lang" not in st.session_state:
        requested = initial_params().get("lang", DEFAULT_LANG)
        if requested not in LANGS:
            add_notice(Notice("lang", requested[:40], "unknown"))
            requested = DEFAULT_LANG
        st.session_state["app_lang"] = requested
    lang: str = st.session_state["app_lang"]
    return lang


def _put(filters: Filters, options: Options) -> None:
    state = st.session_state
    state[KEYS["period"]] = (
        filters.date_from or options.first_date,
        filters.date_to or max(options.last_date, filters.date_from or options.last_date),
    )
    for name in ("bodies", "chapters", "topics", "topic_groups", "parties", "kinds", "confidences"):
        state[KEYS[name]] = list(getattr(filters, name))
    state[KEYS["party_roles"]] = list(filters.party_roles)
    state[KEYS["all_statuses"]] = filters.statuses != Filters().statuses
    state[KEYS["statuses"]] = list(filters.statuses)


def init_filters(options: Options) -> None:
    """Fill the filter widgets' state from the URL once per session."""
    if KEYS["period"] in st.session_state:
        return
    filters, found = parse_url(initial_params(), options)
    for notice in found:
        add_notice(notice)
    _put(filters, options)


def reset_filters(options: Options) -> None:
    _put(Filters(), options)
    st.session_state[NOTICES] = []


def current_filters(options: Options) -> Filters:
    """The filters as the widgets hold them now."""
    state = st.session_state
    period: Sequence[dt.date] = state.get(KEYS["period"]) or ()
    date_from, date_to = (period[0], period[1]) if len(period) == 2 else (None, None)
    if date_from == options.first_date:
        date_from = None
    if date_to == options.last_date:
        date_to = None
    statuses = (
        tuple(state.get(KEYS["statuses"]) or options.statuses)
        if state.get(KEYS["all_statuses"])
        else Filters().statuses
    )
    return Filters(
        date_from=date_from,
        date_to=date_to,
        bodies=tuple(state.get(KEYS["bodies"], ())),
        chapters=tuple(int(c) for c in state.get(KEYS["chapters"], ())),
        topics=tuple(state.get(KEYS["topics"], ())),
        topic_groups=tuple(state.get(KEYS["topic_groups"], ())),
        parties=tuple(state.get(KEYS["parties"], ())),
        party_roles=tuple(state.get(KEYS["party_roles"]) or PARTY_ROLES),
        kinds=tuple(state.get(KEYS["kinds"], ())),
        statuses=statuses,
        confidences=tuple(state.get(KEYS["confidences"], ())),
    )


def effective_period(filters: Filters, options: Options) -> Filters:
    """The filters with open period bounds replaced by the data's first and last dates (an
    open end never falls before the start)."""
    date_from = filters.date_from or options.first_date
    date_to = filters.date_to or max(options.last_date, date_from)
    return replace(filters, date_from=date_from, date_to=date_to)


def render_sidebar(options: Options, labels: Labels) -> None:
    """The global filter widgets, bound to session state."""
    lang = labels.lang
    sb = st.sidebar
    sb.header(t("filters", lang))
    sb.date_input(
        t("period", lang),
        min_value=options.first_date,
        max_value=options.max_date,
        key=KEYS["period"],
    )

    def multi(name: str, choices: Sequence[object], list_name: str) -> None:
        sb.multiselect(
            t(name, lang),
            list(choices),
            key=KEYS[name],
            format_func=lambda code: labels(list_name, code),
            placeholder=t("all", lang),
        )

    multi("bodies", options.bodies, "bodies")
    multi("chapters", [str(c) for c in options.chapters], "chapters")
    multi("topic_groups", options.topic_groups, "topic_groups")
    multi("topics", options.topics, "topics")
    multi("parties", options.parties, "parties")
    if st.session_state.get(KEYS["parties"]):
        multi("party_roles", PARTY_ROLES, "party_roles")
    multi("kinds", options.kinds, "kinds")
    sb.toggle(
        t("include_all_statuses", lang),
        key=KEYS["all_statuses"],
        on_change=_select_all_statuses,
        args=(options,),
    )
    if st.session_state.get(KEYS["all_statuses"]):
        multi("statuses", options.statuses, "statuses")
    multi("confidences", options.confidences, "confidence")
    sb.button(t("reset_filters", lang), key="flt_reset", on_click=reset_filters, args=(options,))
    sb.caption(t("copy_link_hint", lang))


def _select_all_statuses(options: Options) -> None:
    on = st.session_state.get(KEYS["all_statuses"])
    st.session_state[KEYS["statuses"]] = list(options.statuses) if on else list(Filters().statuses)


def page_value(param: str, allowed: Sequence[str], default: str) -> str:
    """A page-level choice from the opening URL, for a widget's initial state.

    The URL's value is used once: coming back to the page later starts from ``default``.
    """
    raw = initial_params().pop(param, None)
    if raw is None or raw == "":
        return default
    if raw in allowed:
        return raw
    add_notice(Notice(param, raw[:40], "unknown"))
    return default


def publish(filters: Filters, lang: str) -> None:
    """Write the global state to the URL (filters, language); pages add their own with
    :func:`publish_page`."""
    wanted = {**to_url(filters), "lang": lang}
    # A page's own parameter set by the link that opened it (``/body?code=...``) stays.
    wanted.update({k: st.query_params[k] for k in LINK_PARAMS if k in st.query_params})
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def publish_page(values: dict[str, str | None]) -> None:
    """Write page-level choices to the URL; ``None`` removes a parameter."""
    for key, value in values.items():
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != value:
            st.query_params[key] = value
