"""Router: page config, language, navigation. Pages live in dashboard/views/."""

from __future__ import annotations

import streamlit as st

from dashboard.data import warehouse_exists
from dashboard.i18n import DEFAULT_LANG, LANG_NAMES, LANGS, t
from dashboard.views import trends
from warehouse.db import db_path

st.set_page_config(page_title="T-MEC Observatory", page_icon="📊", layout="wide")

requested = st.query_params.get("lang", DEFAULT_LANG)
lang = st.sidebar.selectbox(
    "Idioma / Language / Langue",
    LANGS,
    index=LANGS.index(requested) if requested in LANGS else 0,
    format_func=LANG_NAMES.__getitem__,
    key="app_lang",
)
st.query_params["lang"] = lang

if not warehouse_exists():
    st.title(t("app_title", lang))
    st.error(t("no_warehouse", lang, path=db_path()))
    st.stop()

page = st.navigation(
    [
        st.Page(
            lambda: trends.render(lang),
            title=t("page_trends", lang),
            url_path="trends",
            default=True,
        ),
    ]
)
page.run()
