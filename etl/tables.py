"""Frames shaped like the warehouse's tables, whose columns come from ``warehouse/schema/*.sql``.

The schema SQL is the one place a table's columns are written. Record modules fill a
:class:`Rows` by column *name*; it refuses a row whose names differ from the table's, so a
column added to or renamed in the SQL fails the build loudly instead of shifting values into
the wrong column.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import polars as pl

from etl.errors import EtlError
from warehouse.db import table_columns

DUCKDB_TO_POLARS: dict[str, pl.DataType] = {
    "VARCHAR": pl.String(),
    "INTEGER": pl.Int32(),
    "BIGINT": pl.Int64(),
    "DOUBLE": pl.Float64(),
    "BOOLEAN": pl.Boolean(),
    "DATE": pl.Date(),
    "TIMESTAMP": pl.Datetime("us"),
    "VARCHAR[]": pl.List(pl.String()),
}


class SchemaMismatch(EtlError):
    """A frame's columns differ from its table's columns in the schema SQL."""


@cache
def schema(table: str) -> dict[str, pl.DataType]:
    """Column name → polars type of ``table``, in the order of its ``create table``."""
    try:
        columns = table_columns()[table]
    except KeyError:
        raise SchemaMismatch(
            f"no table {table!r} in warehouse/schema/*.sql (expected one of "
            f"{sorted(table_columns())})"
        ) from None
    out: dict[str, pl.DataType] = {}
    for name, duck_type in columns:
        if duck_type not in DUCKDB_TO_POLARS:
            raise SchemaMismatch(
                f"{table}.{name}: type {duck_type} has no polars equivalent in etl.tables "
                f"(expected one of {sorted(DUCKDB_TO_POLARS)})"
            )
        out[name] = DUCKDB_TO_POLARS[duck_type]
    return out


class Rows:
    """Rows of one table, added by column name, turned into a frame of the table's schema."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.columns = tuple(schema(table))
        self._names = frozenset(self.columns)
        self._rows: list[tuple[Any, ...]] = []

    def add(self, **values: Any) -> None:
        if values.keys() != self._names:
            missing = sorted(self._names - values.keys())
            extra = sorted(values.keys() - self._names)
            raise SchemaMismatch(
                f"row for {self.table}: columns differ from warehouse/schema "
                f"(missing {missing}, unknown {extra})"
            )
        self._rows.append(tuple(values[c] for c in self.columns))

    def __len__(self) -> int:
        return len(self._rows)

    def frame(self) -> pl.DataFrame:
        return pl.DataFrame(self._rows, schema=schema(self.table), orient="row")


def frames(*tables: Rows) -> dict[str, pl.DataFrame]:
    return {rows.table: rows.frame() for rows in tables}
