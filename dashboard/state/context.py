"""What every page receives from the router."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard.state.filters import Filters, Options
from dashboard.state.labels import Labels


@dataclass(frozen=True, slots=True)
class PageContext:
    lang: str
    labels: Labels
    options: Options
    filters: Filters


_KEY = "page_context"


def set_context(ctx: PageContext) -> None:
    """Hand the router's context to the page about to run (per session)."""
    st.session_state[_KEY] = ctx


def get_context() -> PageContext:
    ctx: PageContext = st.session_state[_KEY]
    return ctx
