"""Drafting records from a document's text for an analyst to review.

:func:`draft_records` finds the events a text is about (the bodies named with an ordinal in its
title and section headings, or else the first one it names) and fills, for each, only what the
text supports: body, edition, kind, dates, status, format, city, host and chair Party, named
officials, panels (numbered lists), topics and treaty references. Every filled field carries
the character offsets of the words that support it and a confidence (0–1), written beside the
draft as ``<id>.evidence.yaml`` so that a reviewer can check each one in seconds. A field the
text does not support is left empty (null, or an empty list), never guessed.

How the text is divided among events: each paragraph belongs to the event it names (by body and
ordinal); a paragraph that names none belongs to the event of the current section, unless it
speaks only of another drafted event's subject (SMEs, environment, labour), as happens when a
bulletin's columns are interleaved. Paragraphs about other events (an earlier meeting in a
footnote, a public session that was postponed) feed none of the drafts, only their ``related``
ids when the event is already known.

:func:`draft_eval` compares the drafts of documents with the curated records they describe and
reports field-level precision and recall.

Modules, one job each: ``lexicon`` (words and patterns), ``mentions`` (where events are named
and which paragraphs are about them), ``officials`` and ``fields`` (filling a draft with its
evidence), ``writing`` (YAML files and the ``etl draft`` command), ``evaluation``
(``etl draft-eval``).
"""
