"""The one place that opens warehouse connections and runs SQL.

Every query the app asks is a named ``.sql`` file under ``warehouse/queries/`` taking
``$name`` parameters; names come from that folder (an allow-list), values are always bound as
parameters, and a failing query reports its name, SQL and parameters.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from warehouse.errors import ObservatoryError

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
SCHEMA_DIR = PACKAGE_DIR / "schema"
MARTS_DIR = PACKAGE_DIR / "marts"
MACROS_DIR = PACKAGE_DIR / "macros"
DERIVED_DIR = PACKAGE_DIR / "derived"
QUERIES_DIR = PACKAGE_DIR / "queries"
DEFAULT_DB = PROJECT_DIR / "warehouse" / "tmec.duckdb"
DB_ENV = "TMEC_DB"


class WarehouseError(ObservatoryError):
    """Base class of the warehouse's errors."""


class WarehouseMissing(WarehouseError):
    """No warehouse file at the expected path: it has to be built first."""


class QueryError(WarehouseError):
    """A named query failed; the message carries its name, SQL and parameters."""

    def __init__(self, name: str, sql: str, params: Mapping[str, Any], cause: Exception) -> None:
        super().__init__(
            f"query {name!r} failed: {cause}\n--- sql ---\n{sql}\n--- params ---\n{dict(params)!r}"
        )
        self.name = name
        self.sql = sql
        self.params = dict(params)


def db_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The warehouse file: ``path`` if given, else ``$TMEC_DB``, else ``warehouse/tmec.duckdb``."""
    if path is not None:
        return Path(path)
    env = os.environ.get(DB_ENV)
    return Path(env) if env else DEFAULT_DB


def _sql_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.sql"))


def schema_statements() -> list[str]:
    """The DDL of every table, in file order (``schema/01_*.sql`` first)."""
    return [p.read_text(encoding="utf-8") for p in _sql_files(SCHEMA_DIR)]


def derived_statements() -> list[str]:
    """The ``create table ... as`` of the tables computed from the loaded ones, in file order."""
    return [p.read_text(encoding="utf-8") for p in _sql_files(DERIVED_DIR)]


def mart_statements() -> list[str]:
    """The ``create view`` of every mart, then the macros built on them, dependencies first."""
    files = _sql_files(MARTS_DIR)
    # mart_event_topic_links feeds the topic marts; create it before them.
    files.sort(key=lambda p: (p.stem != "mart_event_topic_links", p.name))
    files += _sql_files(MACROS_DIR)
    return [p.read_text(encoding="utf-8") for p in files]


def mart_names() -> list[str]:
    return sorted(p.stem for p in _sql_files(MARTS_DIR))


_PREDICATE = re.compile(r"^[ \t]*-- predicate: ([a-z_]+)[ \t]*$", re.MULTILINE)


def macro_predicates(name: str) -> dict[str, str]:
    """The predicates of the macro ``macros/<name>.sql``, each keyed by the comment line
    ``-- predicate: <key>`` above it (the filter it applies, ``dashboard.state.filters.REGISTRY``):
    the SQL of each filter is written once, in the macro, and read from there."""
    sql = (MACROS_DIR / f"{name}.sql").read_text(encoding="utf-8")
    parts = _PREDICATE.split(sql)
    return {
        key: body.strip().removesuffix(";").strip()
        for key, body in zip(parts[1::2], parts[2::2], strict=True)
    }


@cache
def query_names() -> frozenset[str]:
    """The allow-list of named queries."""
    return frozenset(p.stem for p in _sql_files(QUERIES_DIR))


@cache
def query_sql(name: str) -> str:
    if name not in query_names():
        raise WarehouseError(f"unknown query {name!r} (expected one of {sorted(query_names())})")
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def file_token(path: str | os.PathLike[str] | None = None) -> tuple[str, int, int, int]:
    """Changes whenever the file at ``path`` is replaced: the key for caches and connections."""
    target = db_path(path)
    try:
        stat = target.stat()
    except FileNotFoundError:
        return (str(target), 0, 0, 0)
    return (str(target), stat.st_ino, stat.st_mtime_ns, stat.st_size)


def connect(path: str | os.PathLike[str] | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse; raise :class:`WarehouseMissing` if absent.

    The file is attached read-only to a private in-memory database rather than opened
    directly: DuckDB caches databases by path within a process, so a direct connection made
    after a rebuild could be handed the old file. An attached snapshot is the file as it was
    when attached, whatever the ETL swaps in afterwards.
    """
    target = db_path(path)
    if not target.is_file():
        raise WarehouseMissing(
            f"no warehouse at {target} (expected a DuckDB file built by "
            f"'python -m etl build' or 'make build')"
        )
    con = duckdb.connect(":memory:")
    try:
        con.execute("attach $path as warehouse (read_only)", {"path": str(target)})
        con.execute("use warehouse")
        # Second line of defence behind named queries: no file access of any kind from this
        # connection (no attach, copy, export or read_csv), and no setting can undo it.
        con.execute("set enable_external_access = false")
        con.execute("set lock_configuration = true")
    except duckdb.Error:
        con.close()
        raise
    return con


def connect_for_writing(path: str | os.PathLike[str]) -> duckdb.DuckDBPyConnection:
    """A read-write connection to a new warehouse file: the one way to open one for writing.

    Only the ETL's build calls it, and only on a temporary file beside the target that no
    reader has open (a read-write open excludes every other process's read-only one).
    """
    return duckdb.connect(str(path))


def run_sql(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    params: Mapping[str, Any] | None = None,
    *,
    name: str = "<sql>",
) -> pl.DataFrame:
    """Run SQL with bound parameters and fetch it as a polars frame."""
    bound = dict(params or {})
    try:
        frame: pl.DataFrame = con.sql(sql, params=bound).pl() if bound else con.sql(sql).pl()
        return frame
    except duckdb.Error as exc:
        raise QueryError(name, sql, bound, exc) from exc


_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
_COMMENT = re.compile(r"--[^\n]*")


@cache
def query_parameters(name: str) -> frozenset[str]:
    """The ``$name`` parameters the named query's SQL uses (comments aside), derived from the
    SQL itself as Datasette's ``named_parameters`` does."""
    return frozenset(_PARAM.findall(_COMMENT.sub("", query_sql(name))))


def run_query(
    con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None
) -> pl.DataFrame:
    """Run the named query ``warehouse/queries/<name>.sql`` with ``params`` bound; refuse,
    before the database sees it, a call whose parameters differ from the query's."""
    given = frozenset(params or {})
    wanted = query_parameters(name)
    if given != wanted:
        raise WarehouseError(
            f"query {name!r} takes parameters {sorted(wanted)} "
            f"(missing {sorted(wanted - given)}, unknown {sorted(given - wanted)})"
        )
    return run_sql(con, query_sql(name), params, name=name)


@cache
def table_columns() -> dict[str, tuple[tuple[str, str], ...]]:
    """Every table of ``schema/*.sql`` with its columns and DuckDB types, in file order.

    The schema files are the one statement of each table's columns: the ETL builds its frames
    from this (see ``etl.tables``), so a column added to the SQL is the only edit a table needs.
    """
    with duckdb.connect(":memory:") as con:
        for ddl in schema_statements():
            con.execute(ddl)
        rows = con.execute(
            "select table_name, column_name, data_type from duckdb_columns() "
            "where database_name = current_database() and schema_name = 'main' "
            "order by table_oid, column_index"
        ).fetchall()
    tables: dict[str, list[tuple[str, str]]] = {}
    for table, column, data_type in rows:
        tables.setdefault(str(table), []).append((str(column), str(data_type)))
    return {table: tuple(columns) for table, columns in tables.items()}
