"""One error family: every error the project raises on purpose derives from
``ObservatoryError`` (the ETL's through ``EtlError``, the dashboard's through
``DashboardError``, the warehouse's through ``WarehouseError``), each caught here by the base
and by its own class, with the message it gives."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
import pytest

from dashboard.drafts.drafts import UploadRefused, read_upload
from dashboard.errors import DashboardError
from dashboard.exports.export import ExportError, csv_bytes
from etl.errors import DocumentsRefused, EtlError
from etl.yamlio import DuplicateKeys, YamlSyntaxError, parse
from warehouse.db import WarehouseError, query_sql
from warehouse.errors import ObservatoryError

CASES: list[tuple[str, Callable[[], object], type[Exception], type[Exception], str]] = [
    (
        "yaml syntax",
        lambda: parse("title: 'unclosed\n"),
        YamlSyntaxError,
        EtlError,
        r"invalid YAML",
    ),
    (
        "yaml duplicate key",
        lambda: parse("a: 1\na: 2\n"),
        DuplicateKeys,
        EtlError,
        r"duplicate key",
    ),
    (
        "upload of another type",
        lambda: read_upload("minutes.docx", b"x"),
        UploadRefused,
        DashboardError,
        r"^drafts_bad_type: ",
    ),
    (
        "upload too large",
        lambda: read_upload("big.txt", b"x" * (3 * 1024 * 1024)),
        UploadRefused,
        DashboardError,
        r"^drafts_too_large: .*'limit': 2",
    ),
    (
        "export with two equal headers",
        lambda: csv_bytes(pl.DataFrame({"a": [1], "b": [2]}), headers={"a": "X", "b": "X"}),
        ExportError,
        DashboardError,
        r"CSV headers must be unique.*\['X'\]",
    ),
    (
        "unknown query",
        lambda: query_sql("no_such_query"),
        WarehouseError,
        WarehouseError,
        r"unknown query 'no_such_query'",
    ),
]


@pytest.mark.parametrize(
    ("make", "error", "family", "message"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_each_error_is_in_the_one_family(
    make: Callable[[], object],
    error: type[Exception],
    family: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error, match=message):
        make()
    with pytest.raises(family, match=message):
        make()
    with pytest.raises(ObservatoryError, match=message):
        make()


def test_documents_refused_carries_every_document() -> None:
    class Bad(EtlError):
        pass

    with pytest.raises(
        ObservatoryError, match=r"(?s)^a\.txt: empty\nb\.pdf: junk\nnothing written$"
    ):
        raise DocumentsRefused([Bad("a.txt: empty"), Bad("b.pdf: junk")], outcome="nothing written")
