"""Code → label lookups in the interface language (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from dashboard.i18n import code_labels, place_names


@dataclass(frozen=True, slots=True)
class Labels:
    """Labels of every code list in one language; unknown codes show as themselves."""

    lang: str
    names: Mapping[str, Mapping[str, str]]

    def __call__(self, list_name: str, code: object) -> str:
        if code is None:
            return ""
        return self.names.get(list_name, {}).get(str(code), str(code))

    def mapping(self, list_name: str) -> dict[str, str]:
        return dict(self.names.get(list_name, {}))

    def relabel(
        self, frame: pl.DataFrame, column: str, list_name: str, *, alias: str | None = None
    ) -> pl.DataFrame:
        """Replace (or add as ``alias``) the codes of ``column`` by their labels."""
        mapping = self.mapping(list_name)
        expr = pl.col(column).cast(pl.String)
        return frame.with_columns(expr.replace(mapping).alias(alias or column))


def make_labels(warehouse_labels: pl.DataFrame, lang: str) -> Labels:
    """Combine the warehouse's labels (list_name, code, en, es, fr) with the catalogue's."""
    names = {name: dict(codes) for name, codes in code_labels(lang).items()}
    # Records name places in English ("Mexico City"); readers see them as their language
    # writes them ("Ciudad de México", "Ville de Mexico"), from the catalogue's places.
    names["cities"] = {place["en"]: place[lang] for place in place_names()}
    for row in warehouse_labels.iter_rows(named=True):
        names.setdefault(row["list_name"], {})[row["code"]] = row[lang] or row["en"]
    return Labels(lang=lang, names=names)
