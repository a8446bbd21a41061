"""Page state that survives page switches and lives in the URL.

A real browser drops the query string when the user switches page, so the source of truth is
``st.session_state``: it is initialised once per session from the URL the user opened, bound to
the widgets, and written back to the URL on every run so that a copied link reopens the view.

The state holds codes only (a :class:`~dashboard.state.filters.Filters` and page choices as codes);
widgets are views of it, one per language, given its codes before they are drawn and writing
codes back in their callbacks. Streamlit's ``bind="query-params"`` is not used: it writes a
select widget's displayed labels into the URL (``?body=Joint+Review``), so links would depend on
the language, and a browser drops it on a page switch like any other query parameter.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import streamlit as st

from dashboard.i18n import DEFAULT_LANG, LANGS, t
from dashboard.state.filters import (
    PRESETS,
    REGISTRY,
    Filter,
    Filters,
    Notice,
    Options,
    parse_url,
    preset_period,
    to_url,
    with_period,
)
from dashboard.state.labels import Labels

INITIAL_URL = "url_initial"
NOTICES = "url_notices"
FILTERS = "flt_filters"
"""The filters the user chose (a :class:`Filters` of codes): the one source of truth."""
ALL_STATUSES = "flt_all_statuses"
PERIOD = "period"
AGREED = "state_agreed"
"""Widget key → the value it was last given or committed: when the truth moves on (a reset,
a link, a language switch) the widget is given the new value before it is drawn."""
ENTER_APPLIES_DATES = (Path(__file__).parent / "assets" / "enter_applies_dates.js").read_text(
    encoding="utf-8"
)
"""A fixed script (no data, no user input in it): Enter in a date field applies the dates."""
PAGE = "page_choice_"
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


def first_language(url_lang: str | None, browser_locale: str | None) -> tuple[str, bool]:
    """The language of a session's first page, and whether ``url_lang`` was refused.

    A link's ``?lang=`` comes first (it was chosen), then the browser's language (its
    ``navigator.language``, such as ``fr-CA`` or ``en-US``: its primary subtag), then Spanish.
    """
    if url_lang in LANGS:
        return str(url_lang), False
    primary = re.split(r"[-_]", (browser_locale or "").strip().lower(), maxsplit=1)[0]
    return (primary if primary in LANGS else DEFAULT_LANG), url_lang is not None


def init_language() -> str:
    """The interface language, initialised once from ``?lang=`` or the browser's language
    (:func:`first_language`), then from the widget."""
    if "app_lang" not in st.session_state:
        requested = initial_params().get("lang")
        lang, refused = first_language(requested, st.context.locale)
        if refused and requested is not None:
            add_notice(Notice("lang", requested[:40], "unknown"))
        st.session_state["app_lang"] = lang
    chosen: str = st.session_state["app_lang"]
    return chosen


def widget_key(name: str, lang: str) -> str:
    """A widget's key: the name of what it edits plus the language.

    Streamlit stores a select widget's value in the browser as its displayed labels, so a
    widget kept across a language switch would send back labels of the old language (read as
    unknown codes, or dropped). A widget per language, given its codes from the state before it
    is drawn, only ever exchanges labels of its own language.
    """
    return f"flt_{name}_{lang}"


def _offer(key: str, value: object) -> None:
    """Give the widget ``key`` the value the state holds, unless it already agrees with it."""
    agreed: dict[str, object] = st.session_state.setdefault(AGREED, {})
    if key not in st.session_state or agreed.get(key) != value:
        st.session_state[key] = value
        agreed[key] = value


def _agree(key: str, value: object) -> None:
    st.session_state.setdefault(AGREED, {})[key] = value


def init_filters(options: Options) -> None:
    """Read the filters from the URL once per session."""
    if FILTERS in st.session_state:
        return
    filters, found = parse_url(initial_params(), options)
    for notice in found:
        add_notice(notice)
    set_filters(filters)


def set_filters(filters: Filters) -> None:
    """Replace the filters (the widgets follow on the next draw)."""
    st.session_state[FILTERS] = filters
    st.session_state[ALL_STATUSES] = filters.statuses != Filters().statuses


def reset_filters() -> None:
    set_filters(Filters())
    st.session_state[NOTICES] = []


def current_filters() -> Filters:
    """The filters the user chose."""
    value: Filters = st.session_state.get(FILTERS, Filters())
    return value


def _period_value(filters: Filters, options: Options) -> tuple[dt.date, dt.date]:
    start = filters.date_from or options.first_date
    return start, filters.date_to or max(options.last_date, start)


def _commit_period(key: str, options: Options) -> None:
    chosen: Sequence[dt.date] = st.session_state.get(key) or ()
    if len(chosen) == 1:
        return  # the first click of a range: wait for the second
    start, end = (chosen[0], chosen[1]) if len(chosen) == 2 else (None, None)
    filters = replace(
        current_filters(),
        date_from=None if start == options.first_date else start,
        date_to=None if end in (options.last_date, options.max_date) else end,
    )
    set_filters(filters)
    _agree(key, _period_value(filters, options))


def _apply_preset(key: str, options: Options) -> None:
    name = st.session_state.get(key)
    if name:
        start, end = preset_period(str(name), options.today or dt.date.today())
        set_filters(with_period(current_filters(), start, end, options))
    st.session_state[key] = None  # a preset is an action, not a lasting choice


def _commit_list(spec: Filter, key: str) -> None:
    filters = spec.with_codes(current_filters(), [str(c) for c in st.session_state.get(key) or ()])
    set_filters(filters)
    _agree(key, [str(c) for c in spec.codes(filters)])


def _commit_switch(spec: Filter, key: str, options: Options) -> None:
    on = bool(st.session_state.get(key))
    codes = spec.choices(options) if on else tuple(str(c) for c in spec.default())
    set_filters(spec.with_codes(current_filters(), codes))
    st.session_state[ALL_STATUSES] = on
    _agree(key, on)


def effective_period(filters: Filters, options: Options) -> Filters:
    """The filters with open period bounds replaced by the data's first and last dates (an
    open end never falls before the start)."""
    date_from = filters.date_from or options.first_date
    date_to = filters.date_to or max(options.last_date, date_from)
    return replace(filters, date_from=date_from, date_to=date_to)


def render_sidebar(options: Options, labels: Labels) -> None:
    """The filter widgets, one per entry of :data:`REGISTRY` plus the period; each shows
    the state's codes painted in the interface language and writes codes back."""
    lang = labels.lang
    filters = current_filters()
    sb = st.sidebar
    sb.header(t("filters", lang))
    key = widget_key(PERIOD, lang)
    _offer(key, _period_value(filters, options))
    sb.date_input(
        t("period", lang),
        min_value=options.first_date,
        max_value=options.max_date,
        key=key,
        on_change=_commit_period,
        args=(key, options),
    )
    # Typed dates apply on Enter, not only when the focus leaves the field.
    sb.html(f"<script>{ENTER_APPLIES_DATES}</script>", unsafe_allow_javascript=True)
    preset_key = widget_key("preset", lang)
    sb.pills(
        t("period_presets", lang),
        PRESETS,
        key=preset_key,
        format_func=lambda name: t(f"preset_{name}", lang),
        on_change=_apply_preset,
        args=(preset_key, options),
        label_visibility="collapsed",
    )
    for spec in REGISTRY:
        if spec.needs is not None and not getattr(filters, spec.needs):
            continue
        if spec.switch is not None:
            switch_key = widget_key(spec.switch, lang)
            on = bool(st.session_state.get(ALL_STATUSES))
            _offer(switch_key, on)
            sb.toggle(
                t(spec.switch, lang),
                key=switch_key,
                on_change=_commit_switch,
                args=(spec, switch_key, options),
            )
            if not on:
                continue
        key = widget_key(spec.field, lang)
        _offer(key, [str(c) for c in spec.codes(filters)])
        sb.multiselect(
            t(spec.label_key, lang),
            list(spec.choices(options)),
            key=key,
            format_func=functools.partial(labels, spec.list_name),
            placeholder=t("all", lang),
            select_all=False,
            on_change=_commit_list,
            args=(spec, key),
        )
    sb.button(t("reset_filters", lang), key="flt_reset", on_click=reset_filters)
    sb.caption(t("copy_link_hint", lang))


def _url_choice(param: str, allowed: Sequence[str], default: str) -> str:
    """A page-level choice from the opening URL (read once), or ``default``."""
    raw = initial_params().pop(param, None)
    if raw is None or raw == "":
        return default
    if raw in allowed:
        return raw
    add_notice(Notice(param, raw[:40], "unknown"))
    return default


def page_choice(param: str, choices: Sequence[str], default: str) -> str:
    """A page-level choice (a code, also its URL name ``param``): from the opening URL once,
    then as the user last left it, so it survives leaving the page and coming back."""
    key = PAGE + param
    if key not in st.session_state:
        st.session_state[key] = _url_choice(param, choices, default)
    value: str = st.session_state[key]
    return value


def _commit_page(param: str, key: str, encode: Callable[[Any], str]) -> None:
    value = encode(st.session_state.get(key))
    st.session_state[PAGE + param] = value
    _agree(key, st.session_state.get(key))


def choice_radio(
    label: str, param: str, choices: Sequence[str], *, lang: str, names: Mapping[str, str]
) -> str:
    """A horizontal radio of page-level codes painted with ``names``; returns the code chosen."""
    value = page_choice(param, choices, choices[0])
    key = widget_key(f"page_{param}", lang)
    _offer(key, value)
    st.radio(
        label,
        list(choices),
        key=key,
        horizontal=True,
        format_func=names.__getitem__,
        on_change=_commit_page,
        args=(param, key, str),
    )
    return page_choice(param, choices, choices[0])


def choice_toggle(label: str, param: str, *, lang: str) -> bool:
    """A page-level on/off choice, ``param=1`` in the URL when on."""
    on = page_choice(param, ("0", "1"), "0") == "1"
    key = widget_key(f"page_{param}", lang)
    _offer(key, on)
    st.toggle(
        label,
        key=key,
        on_change=_commit_page,
        args=(param, key, lambda v: "1" if v else "0"),
    )
    return page_choice(param, ("0", "1"), "0") == "1"


def _commit_code(state_key: str, key: str) -> None:
    st.session_state[state_key] = st.session_state.get(key)
    _agree(key, st.session_state.get(key))


def code_select(
    label: str,
    state_key: str,
    codes: Sequence[str],
    *,
    lang: str,
    name: Callable[[str], str],
    placeholder: str,
) -> str | None:
    """A select box of codes (or none) painted with ``name``: the state ``state_key`` holds the
    code, the widget is per language (see :func:`widget_key`), so a language switch keeps the
    choice. ``placeholder`` (in the interface language) names the empty choice: without it
    Streamlit shows its own English "Choose an option"."""
    value = st.session_state.get(state_key)
    if value not in codes:
        value = None
    key = widget_key(state_key, lang)
    _offer(key, value)
    st.selectbox(
        label,
        [None, *codes],
        key=key,
        format_func=lambda c: placeholder if c is None else name(c),
        placeholder=placeholder,
        on_change=_commit_code,
        args=(state_key, key),
    )
    chosen = st.session_state.get(state_key)
    return chosen if chosen in codes else None


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
