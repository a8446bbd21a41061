"""The shared text rules: one fold, and the month and ordinal lookups derived from the lists."""

from __future__ import annotations

import pytest

from textrules.words import (
    MONTH_NAMES,
    MONTHS,
    ORDINAL_NAMES,
    ORDINALS,
    ascii_fold,
    fold,
    fold_aligned,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Diálogo", "dialogo"), ("ÉCONOMIE", "economie"), ("œuvre", "oeuvre"), ("Straße", "strasse")],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_aligned_keeps_offsets_and_ascii_fold_drops_the_rest() -> None:
    text = "Reunión del Comité’s — 東京"
    assert len(fold_aligned(text)) == len(text)
    assert fold_aligned(text).startswith("reunion del comite's")
    assert ascii_fold("Réunion — 東京") == "reunion  "


@pytest.mark.parametrize("lang", ["es", "en", "fr"])
def test_every_month_name_reads_as_its_number(lang: str) -> None:
    for number, name in enumerate(MONTH_NAMES[lang], start=1):
        assert MONTHS[name.lower()] == MONTHS[fold(name)] == number
    assert MONTHS["sept"] == MONTHS["setiembre"] == 9


def test_every_ordinal_name_reads_as_its_number() -> None:
    for names in ORDINAL_NAMES.values():
        for number, name in enumerate(names, start=1):
            assert ORDINALS[fold(name)] == number
    assert ORDINALS["1er"] == ORDINALS["premiere"] == ORDINALS["first-ever"] == 1
    assert ORDINALS["2nd"] == ORDINALS["seconde"] == 2
