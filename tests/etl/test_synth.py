"""Synthetic records: valid, deterministic for a seed, marked as synthetic, and shaped like
the real records."""

from __future__ import annotations

from pathlib import Path

import yaml

from etl.__main__ import main
from etl.synth import (
    SYNTH_PREFIX,
    describe,
    synthesize,
    synthesize_cases,
    synthesize_reports,
)
from etl.validate import validate_dir


def test_synthetic_records_validate_and_are_marked(tmp_path: Path, real_data_dir: Path) -> None:
    synthesize(n_events=60, out=tmp_path, seed=3, real_data=real_data_dir)
    result = validate_dir(tmp_path)
    assert result.ok, result.errors[:3]
    assert len(result.events) == 60
    for event in result.events:
        assert event.id.startswith(SYNTH_PREFIX)
        assert event.notes is not None and event.notes.startswith("SYNTHETIC")
        assert all(s.url.startswith("https://synthetic.invalid/") for s in event.sources)
        assert event.confidence == "low"


def test_same_seed_same_bytes_other_seed_other_records(tmp_path: Path, real_data_dir: Path) -> None:
    def files(seed: int, name: str) -> dict[str, bytes]:
        out = tmp_path / name
        synthesize(n_events=25, out=out, seed=seed, real_data=real_data_dir)
        return {p.name: p.read_bytes() for p in sorted((out / "events").iterdir())}

    assert files(7, "a") == files(7, "b")
    assert files(7, "a") != files(8, "c")


def test_distributions_resemble_the_real_records(tmp_path: Path, real_data_dir: Path) -> None:
    real = describe(validate_dir(real_data_dir).events)
    synthesize(n_events=2000, out=tmp_path, seed=1, real_data=real_data_dir)
    synthetic = describe(validate_dir(tmp_path, workers=1).events)
    for name in ("bodies", "statuses", "precisions"):
        real_total, synth_total = sum(real[name].values()), sum(synthetic[name].values())
        assert set(synthetic[name]) <= set(real[name])
        for code, count in real[name].items():
            assert abs(synthetic[name][code] / synth_total - count / real_total) < 0.05, (
                name,
                code,
            )


def test_cli_writes_a_buildable_folder(tmp_path: Path, real_data_dir: Path) -> None:
    out = tmp_path / "synth"
    assert main(["synth", "--events", "12", "--out", str(out), "--data", str(real_data_dir)]) == 0
    assert main(["build", "--data", str(out), "--db", str(tmp_path / "s.duckdb")]) == 0
    assert len(list((out / "events").glob("synth-*.yaml"))) == 12
    assert (out / "taxonomy.yaml").read_bytes() == (real_data_dir / "taxonomy.yaml").read_bytes()


def test_synthetic_cases_validate_and_say_they_are_synthetic(
    tmp_path: Path, real_data_dir: Path
) -> None:
    out = tmp_path / "synth"
    synthesize(n_events=3, out=out, seed=5)
    assert synthesize_cases(n_cases=50, out=out, seed=5) == 50
    result = validate_dir(out)
    assert result.ok, [str(p) for p in result.errors][:3]
    cases = result.records["cases"]
    assert len(cases) == 50
    assert all("-synth-" in c.id and c.notes and "Synthetic" in c.notes for c in cases)
    assert all(c.subject_en.startswith("Synthetic: ") for c in cases)
    # The real stated totals are copied as they are (they are not synthetic records).
    stated = yaml.safe_load((real_data_dir / "stated-counts.yaml").read_text(encoding="utf-8"))
    assert len(result.stated_counts) == len(stated["counts"])


def test_synthetic_reports_validate_and_say_they_are_synthetic(tmp_path: Path) -> None:
    out = tmp_path / "synth"
    synthesize(n_events=3, out=out, seed=5)
    assert synthesize_reports(n_reports=40, out=out, seed=5) == 40
    result = validate_dir(out)
    assert result.ok, [str(p) for p in result.errors][:3]
    reports = result.records["reports"]
    assert len(reports) == 40
    assert all(r.id.startswith(f"{SYNTH_PREFIX}report-5-") for r in reports)
    assert all(r.claim_text.startswith("Synthetic: ") for r in reports)
    assert all(r.notes and "SYNTHETIC" in r.notes for r in reports)
    assert all(r.reported_at is None for r in reports)
