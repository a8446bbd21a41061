"""JSON Schemas of the record types, generated from their declarations (``etl.contracts``)
and the taxonomy's code lists, for analysts' editors: ``python -m etl schemas --out schemas/``.

A schema checks what can be checked one file at a time and without the data set: fields,
types, codes, date shapes. What needs more (an id equal to the file name, references to other
records, milestones in order, a status its milestones support) is left to
``python -m etl validate``, which stays the judge.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from etl.checking import MAX_TEXT_CHARS, MAX_TITLE_CHARS, SLUG
from etl.contracts import CONTRACTS, FILES, Contract, Field
from etl.taxonomy import Taxonomy

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
MONTH = r"\d{4}-(?:0[1-9]|1[0-2])"
DAY = MONTH + r"-(?:0[1-9]|[12]\d|3[01])"
FULL_DATE = f"^{DAY}$"
PARTIAL_DATES = {"day": DAY, "month": MONTH, "year": r"\d{4}"}
URL = (
    r"^\s*(?:[hH][tT][tT][pP][sS]?://[^\s/?#]+\.[^\s/?#]+\S*"
    r"|[sS][eE][eE][dD]:\s*\S.*|[dD][oO][cC][uU][mM][eE][nN][tT][sS]/\S+)\s*$"
)
"""``etl.checking.WEB_URL`` or ``DOCUMENT_REF``, without the case-insensitive flag that JSON
Schema patterns (ECMA-262) cannot carry."""


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    alternatives = schema["anyOf"] if list(schema) == ["anyOf"] else [schema]
    return {"anyOf": [*alternatives, {"type": "null"}]}


def _value(f: Field, taxonomy: Taxonomy) -> dict[str, Any]:
    """The schema of one non-null value of the field."""
    kind = f.kind
    if kind == "slug" or kind == "reference":
        return {"type": "string", "pattern": SLUG.pattern}
    if kind == "text":
        limit = MAX_TITLE_CHARS if f.short else MAX_TEXT_CHARS
        text: dict[str, Any] = {"type": "string", "maxLength": limit}
        return text | ({"pattern": r"\S"} if f.required else {})
    if kind == "code":
        assert f.codes is not None
        return {"enum": list(taxonomy.codes(f.codes))}
    if kind == "choice":
        return {"enum": list(f.choices)}
    if kind == "codes":
        assert f.codes is not None
        return {"type": "array", "items": {"enum": list(taxonomy.codes(f.codes))}}
    if kind == "texts":
        return {"type": "array", "items": {"type": "string", "pattern": r"\S"}}
    if kind == "references":
        return {"type": "array", "items": {"type": "string", "pattern": SLUG.pattern}}
    if kind == "date":
        return {"type": "string", "pattern": FULL_DATE}
    if kind == "partial_date":
        shapes = "|".join(PARTIAL_DATES[p] for p in f.precisions)
        text_date = {"type": "string", "pattern": f"^(?:{shapes})$"}
        # YAML reads an unquoted 2023 as an integer, which the checker accepts as a year
        year = {"type": "integer", "minimum": 1, "maximum": 9999}
        return {"anyOf": [text_date, year]} if "year" in f.precisions else text_date
    if kind == "integer":
        return {"type": "integer", "minimum": f.minimum}
    if kind == "url":
        return {"type": "string", "pattern": URL}
    if kind == "language":
        return {"type": "string", "pattern": "^[a-z]{2}$"}
    assert kind == "records" and f.items is not None
    records: dict[str, Any] = {"type": "array", "items": object_schema(f.items, taxonomy)}
    return records | ({"minItems": f.min_items} if f.min_items else {})


def field_schema(f: Field, taxonomy: Taxonomy) -> dict[str, Any]:
    schema = _value(f, taxonomy)
    if not f.required:
        schema = _nullable(schema)
    return ({"description": f.doc} if f.doc else {}) | schema


def object_schema(contract: Contract, taxonomy: Taxonomy) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {f.name: field_schema(f, taxonomy) for f in contract},
        "required": list(contract.required),
        "additionalProperties": False,
    }


def json_schema(name: str, taxonomy: Taxonomy) -> dict[str, Any]:
    """The JSON Schema of one record type (``event``, ``case``, ``report``,
    ``stated-counts``)."""
    contract = CONTRACTS[name]
    return {
        "$schema": SCHEMA_URI,
        "$id": f"{name}.schema.json",
        "title": f"T-MEC Observatory {contract.name} ({FILES[name]})",
        "description": contract.doc
        + " Generated from etl/contracts.py by 'python -m etl schemas'; do not edit.",
    } | object_schema(contract, taxonomy)


def schema_text(name: str, taxonomy: Taxonomy) -> str:
    return json.dumps(json_schema(name, taxonomy), indent=2, ensure_ascii=False) + "\n"


def write_schemas(out_dir: Path, taxonomy: Taxonomy) -> list[Path]:
    """Write ``<name>.schema.json`` for every record type into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in CONTRACTS:
        path = out_dir / f"{name}.schema.json"
        path.write_text(schema_text(name, taxonomy), encoding="utf-8")
        written.append(path)
    return written
