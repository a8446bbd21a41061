"""Shared building blocks of every page: chart builders, tables, Streamlit components."""
