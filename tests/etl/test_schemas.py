"""The JSON Schemas in schemas/ are what ``python -m etl schemas`` generates from the contracts
(etl/contracts.py) and the taxonomy; every real record passes its schema, broken ones fail it
and the checker alike; and the checker follows the declaration (a required field left out is
reported at that field)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from etl.__main__ import main
from etl.contracts import CONTRACTS, FILES
from etl.recordtypes import BY_NAME
from etl.schemas import schema_text
from etl.taxonomy import Taxonomy
from etl.validate import check_bytes, read_taxonomy

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SCHEMAS = ROOT / "schemas"
FOLDER_OF = {"event": "events", "case": "cases", "report": "reports"}


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    tax, problems = read_taxonomy(DATA, "data")
    assert tax is not None, problems
    return tax


def as_json(value: Any) -> Any:
    """A YAML value as an editor's language server sees it: dates are strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)  # type: ignore[no-any-return]


def load(path: Path) -> Any:
    return as_json(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", list(CONTRACTS))
def test_committed_schema_is_the_generated_one(name: str, taxonomy: Taxonomy) -> None:
    committed = (SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(name, taxonomy), "run: python -m etl schemas --out schemas/"


def test_the_command_writes_every_schema(tmp_path: Path) -> None:
    assert main(["schemas", "--out", str(tmp_path), "--data", str(DATA)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{name}.schema.json" for name in CONTRACTS
    )


@pytest.mark.parametrize("name", list(CONTRACTS))
def test_every_real_record_passes_its_schema(name: str) -> None:
    check = validator(name)
    paths = sorted(ROOT.glob(FILES[name]))
    assert paths
    failures = {
        p.name: [e.message for e in check.iter_errors(load(p))]
        for p in paths
        if not check.is_valid(load(p))
    }
    assert failures == {}


EVENT = DATA / "events" / "ftc-2023-07-05.yaml"
CASE = DATA / "cases" / "ch31-2020-dairy-trq.yaml"
REPORT = DATA / "reports" / "ftc-2021-05-18-statement.yaml"


def _without(key: str) -> Any:
    return lambda r: {k: v for k, v in r.items() if k != key}


def _with(key: str, value: Any) -> Any:
    return lambda r: r | {key: value}


def _source(key: str, value: Any) -> Any:
    return lambda r: r | {"sources": [r["sources"][0] | {key: value}]}


BROKEN = [
    ("event", EVENT, _without("title_en"), "title_en"),
    ("event", EVENT, _with("body", "ftcc"), "body"),
    ("event", EVENT, _with("start_date", "2025-13"), "start_date"),
    ("event", EVENT, _with("end_date", "2025-11"), "end_date"),
    ("event", EVENT, _with("edition", 0), "edition"),
    ("event", EVENT, _with("venue", "Ottawa"), "venue"),
    ("event", EVENT, _with("sources", []), "sources"),
    ("event", EVENT, _source("url", "javascript:alert(1)"), "sources[0].url"),
    ("event", EVENT, _source("language", "spanish"), "sources[0].language"),
    ("case", CASE, _with("status", "pending"), "status"),
    ("case", CASE, _with("milestones", [{"date": "2021", "step": "request"}]), "milestones"),
    ("case", CASE, _source("published", "May 2021"), "sources[0].published"),
    ("report", REPORT, _without("bodies"), "bodies"),
    (
        "report",
        REPORT,
        _with("bodies", [{"body": "ftc", "claim": "convened", "quote": "x"}]),
        "bodies[0].claim",
    ),
    ("report", REPORT, _source("publsher", "USTR"), "sources[0].publsher"),
]


@pytest.mark.parametrize(
    ("name", "path", "breaks", "field"),
    BROKEN,
    ids=[f"{name}-{field}" for name, _, _, field in BROKEN],
)
def test_a_broken_record_fails_its_schema_and_the_checker(
    name: str, path: Path, breaks: Any, field: str, taxonomy: Taxonomy
) -> None:
    record = breaks(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert not validator(name).is_valid(as_json(record))
    raw = yaml.safe_dump(record, allow_unicode=True, sort_keys=False).encode("utf-8")
    display = f"data/{FOLDER_OF[name]}/{path.name}"
    result = check_bytes(path, display, raw, taxonomy, BY_NAME[FOLDER_OF[name]])
    assert any(p.field.startswith(field) for p in result.problems if not p.is_warning), [
        str(p) for p in result.problems
    ]


@pytest.mark.parametrize(("name", "path"), [("event", EVENT), ("case", CASE), ("report", REPORT)])
def test_the_checker_requires_what_the_contract_declares(
    name: str, path: Path, taxonomy: Taxonomy
) -> None:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record_type = BY_NAME[FOLDER_OF[name]]
    for field in CONTRACTS[name].required:
        raw = yaml.safe_dump(_without(field)(record), sort_keys=False).encode("utf-8")
        result = check_bytes(path, path.name, raw, taxonomy, record_type)
        assert any(p.field == field and "missing" in p.message for p in result.problems), field
    optional = {f: None for f in CONTRACTS[name].optional}
    raw = yaml.safe_dump(record | optional, sort_keys=False).encode("utf-8")
    assert check_bytes(path, path.name, raw, taxonomy, record_type).record is not None
