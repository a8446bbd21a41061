"""Router: page config, language, global filters, navigation from the page registry
(dashboard/pages.py); pages live in dashboard/views/."""

from __future__ import annotations

import streamlit as st

from dashboard import data
from dashboard.briefing import buttons
from dashboard.i18n import LANG_NAMES, LANGS, t
from dashboard.pages import PAGES
from dashboard.state import url
from dashboard.state.context import PageContext, set_context
from warehouse.db import db_path

st.set_page_config(page_title="T-MEC Observatory", page_icon="📊", layout="wide")
lang = url.init_language()
st.sidebar.selectbox(
    "Idioma / Language / Langue", LANGS, key="app_lang", format_func=LANG_NAMES.__getitem__
)
lang = st.session_state["app_lang"]

if not data.warehouse_exists():
    st.title(t("app_title", lang))
    st.error(t("no_warehouse", lang, path=db_path()))
    st.stop()

options = data.options()
labels = data.labels(lang)
url.init_filters(options)
url.render_sidebar(options, labels)
filters = url.current_filters()
url.publish(filters, lang)
# Pages may find bad URL values of their own while they run, so the notices are written into
# a box at the top of the page after it has run.
notice_box = st.container()
context = PageContext(lang=lang, labels=labels, options=options, filters=filters)
set_context(context)
filters_box = st.container()
pages = {
    page.path: st.Page(
        page.file,
        title=t(page.title_key, lang),
        url_path=page.path,
        visibility="visible" if page.listed else "hidden",
    )
    for page in PAGES
}


def _home() -> None:
    # st.navigation serves its default page at "/" only; this hidden default forwards to
    # /summary with the URL's parameters, so every page, Summary included, has its own path.
    st.switch_page(pages["summary"], query_params=st.query_params.to_dict())


navigation = st.navigation(
    [
        st.Page(
            _home, title=t("page_summary", lang), url_path="home", default=True, visibility="hidden"
        ),
        *pages.values(),
    ]
)
navigation.run()
# After the page ran: the Cases page's own filters are then read from its URL into its state.
if navigation.url_path != "data":  # the Data page describes every record, whatever the filters
    with filters_box:
        buttons.active_filters(context, navigation.url_path)
for notice in url.notices():
    notice_box.warning(
        t(
            "url_notice",
            lang,
            param=notice.param,
            value=notice.value,
            reason=t(f"notice_{notice.reason}", lang, detail=notice.detail),
        ),
        icon="⚠️",
    )
