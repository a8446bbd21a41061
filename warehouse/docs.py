"""warehouse/README.md's table sections, generated from the ``comment on`` statements beside
the DDL: ``python -m warehouse.docs`` rewrites them, ``--check`` fails if they are stale.

Every table, derived table and mart documents itself where it is created
(``warehouse/schema/*.sql``, ``warehouse/derived/*.sql``, ``warehouse/marts/*.sql``):

- ``comment on table <t> is '<grain and description>\\nkey: (<columns>)'``: the text starts
  with the grain ("One row per ..."); a last line ``key: (...)`` states the columns that
  identify a row (the ETL guarantees it, ``tests/warehouse/test_keys.py`` checks it);
- ``comment on column <t>.<c> is '<meaning>'`` for every column.

The README keeps its hand-written prose; the text between ``<!-- generated: t1 t2 ... -->``
and ``<!-- end generated -->`` is generated from the comments of the tables named there.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from warehouse.db import (
    PROJECT_DIR,
    derived_statements,
    mart_statements,
    schema_statements,
)

README = PROJECT_DIR / "warehouse" / "README.md"
KEY_LINE = re.compile(r"^key: \(([^)]*)\)$")
BLOCK = re.compile(r"<!-- generated: ([\w ]+) -->\n.*?<!-- end generated -->", re.DOTALL)


@dataclass(frozen=True, slots=True)
class TableDoc:
    name: str
    description: str
    """The grain first ("One row per ..."), then anything a reader needs."""
    key: tuple[str, ...] | None
    columns: tuple[tuple[str, str | None], ...]
    """Column name and its comment, in the table's order."""
    is_view: bool = False


def parse_comment(comment: str | None) -> tuple[str, tuple[str, ...] | None]:
    """A table comment's description and its declared key (``key: (a, b)`` on the last
    line), the one reader of that declaration."""
    lines = (comment or "").strip().splitlines()
    key = None
    if lines and (match := KEY_LINE.match(lines[-1].strip())):
        key = tuple(c.strip() for c in match.group(1).split(","))
        lines = lines[:-1]
    return "\n".join(lines).strip(), key


def empty_warehouse() -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse with no rows: every table, derived table, view and comment the
    build creates, from the same SQL."""
    con = duckdb.connect(":memory:")
    for statements in (schema_statements(), derived_statements(), mart_statements()):
        for sql in statements:
            con.execute(sql)
    return con


def table_docs(con: duckdb.DuckDBPyConnection) -> dict[str, TableDoc]:
    """Every table and view of the connection's current database with its comments."""
    relations = con.execute(
        "select table_name, comment, false from duckdb_tables() "
        "where database_name = current_database() and schema_name = 'main' and not temporary "
        "union all select view_name, comment, true from duckdb_views() "
        "where database_name = current_database() and schema_name = 'main' and not internal "
        "and not temporary"
    ).fetchall()
    columns: dict[str, list[tuple[str, str | None]]] = {}
    for table, column, comment in con.execute(
        "select table_name, column_name, comment from duckdb_columns() "
        "where database_name = current_database() and schema_name = 'main' "
        "order by table_name, column_index"
    ).fetchall():
        columns.setdefault(str(table), []).append((str(column), comment))
    docs = {}
    for name, comment, is_view in relations:
        description, key = parse_comment(comment)
        docs[str(name)] = TableDoc(
            str(name), description, key, tuple(columns.get(str(name), ())), bool(is_view)
        )
    return docs


def declared_keys() -> dict[str, tuple[str, ...]]:
    """Table → the key its comment declares (tables without one are left out)."""
    with empty_warehouse() as con:
        return {name: doc.key for name, doc in table_docs(con).items() if doc.key is not None}


def _cell(text: str | None) -> str:
    return " ".join((text or "").split()).replace("|", "\\|")


def section(doc: TableDoc) -> str:
    lines = [f"### {doc.name}", doc.description]
    if doc.key is not None:
        lines.append(f"Key: `({', '.join(doc.key)})`.")
    lines += ["| column | meaning |", "|---|---|"]
    lines += [f"| {name} | {_cell(comment)} |" for name, comment in doc.columns]
    return "\n".join(lines)


def render(readme: str, docs: dict[str, TableDoc]) -> str:
    """The README with every generated block rewritten from ``docs``."""

    def block(match: re.Match[str]) -> str:
        names = match.group(1).split()
        body = "\n\n".join(section(docs[name]) for name in names)
        return f"<!-- generated: {' '.join(names)} -->\n{body}\n<!-- end generated -->"

    return BLOCK.sub(block, readme)


def undocumented(docs: dict[str, TableDoc], readme: str) -> list[str]:
    """What the comments or the README leave out: tables in no generated block, tables
    without a description, columns without a comment."""
    listed = {name for m in BLOCK.finditer(readme) for name in m.group(1).split()}
    missing = [f"table {name} is in no generated block" for name in sorted(set(docs) - listed)]
    missing += [f"no table {name}" for name in sorted(listed - set(docs))]
    for doc in docs.values():
        if not doc.description:
            missing.append(f"{doc.name}: no comment on the table")
        missing += [f"{doc.name}.{c}: no comment" for c, comment in doc.columns if not comment]
    return missing


def generated_readme() -> str:
    readme = README.read_text(encoding="utf-8")
    with empty_warehouse() as con:
        return render(readme, table_docs(con))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m warehouse.docs", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if README.md is stale")
    args = parser.parse_args(argv)
    readme = README.read_text(encoding="utf-8")
    with empty_warehouse() as con:
        docs = table_docs(con)
    problems = undocumented(docs, readme)
    for problem in problems:
        print(problem, file=sys.stderr)
    text = render(readme, docs)
    if args.check:
        stale = text != readme
        if stale:
            print(f"{README} is stale: run python -m warehouse.docs", file=sys.stderr)
        return 1 if stale or problems else 0
    README.write_text(text, encoding="utf-8")
    print(f"wrote {README}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
