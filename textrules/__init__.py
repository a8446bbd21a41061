"""The rules of Spanish, English and French text shared by the ETL, search, drafting and the
dashboard, written once: folding (lower case, no accents), stop words, month and ordinal words
(:mod:`textrules.words`), the terms a text is searched by (:mod:`textrules.terms`) and the
language a record's text is shown in (:mod:`textrules.language`).

A top-level package, not ``etl/`` nor ``dashboard/``: it imports nothing of the project (only
the standard library and ``text2num``), so every layer may import it without an arrow going
backwards (dashboard → warehouse, etl → warehouse; neither needs the other for these rules).
"""
