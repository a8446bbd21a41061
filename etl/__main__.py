"""Command line: ``python -m etl validate|build|ingest|draft|draft-eval|synth ...``
(``--help`` on each).

Exit status: 0 on success, 2 when the records have errors (each printed as
``file:line: field: message``) or another build holds the lock, 1 when ``draft`` finds no event
in the document (the message names the file and what is missing) and on anything unexpected.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from etl.build import build
from etl.documents import read_documents
from etl.drafting.evaluation import (
    format_eval,
    format_report_eval,
    format_stated,
    run_draft_eval,
)
from etl.drafting.writing import REPORTS_FOLDER, run_draft
from etl.errors import EtlError, NothingToDraft, ValidationFailed
from etl.schemas import write_schemas
from etl.synth import synthesize, synthesize_cases, synthesize_reports
from etl.validate import read_taxonomy, validate_dir
from warehouse.db import db_path

EXIT_INVALID = 2
EXIT_NOTHING_DRAFTED = 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    data_help = "folder laid out like data/ (events/, taxonomy.yaml, documents/); default data/"
    validate = sub.add_parser("validate", help="check every record; write nothing")
    validate.add_argument("--data", type=Path, default=Path("data"), help=data_help)
    build_cmd = sub.add_parser("build", help="validate, then write and swap in a new warehouse")
    build_cmd.add_argument("--data", type=Path, default=Path("data"), help=data_help)
    build_cmd.add_argument(
        "--db",
        type=Path,
        default=None,
        help="warehouse file; default $TMEC_DB or warehouse/tmec.duckdb",
    )
    build_cmd.add_argument(
        "--no-wait", action="store_true", help="refuse at once (exit 2) if another build is running"
    )
    build_cmd.add_argument(
        "--full", action="store_true", help="re-check every file (ignore the per-file cache)"
    )
    ingest = sub.add_parser("ingest", help="read documents (.txt, .pdf, .html, or folders)")
    ingest.add_argument("paths", type=Path, nargs="+", help="files or folders")
    draft = sub.add_parser("draft", help="draft YAML records from one document")
    draft.add_argument("document", type=Path, help="a .txt, .pdf or .html document")
    draft.add_argument("--out", type=Path, default=Path("drafts"), help="folder; default drafts/")
    draft.add_argument("--data", type=Path, default=Path("data"), help=data_help)
    evaluate = sub.add_parser("draft-eval", help="compare drafts with the curated records")
    evaluate.add_argument("--data", type=Path, default=Path("data"), help=data_help)
    evaluate.add_argument(
        "--extra",
        type=Path,
        nargs="*",
        default=[
            Path("tests/documents/corpus"),
            Path("tests/documents/patterns"),
            Path("tests/documents/reports"),
        ],
        help="more document folders (default: the test corpus, the failure patterns and the "
        "report statements)",
    )
    schemas = sub.add_parser(
        "schemas", help="write a JSON Schema of each record type (for editors that check YAML)"
    )
    schemas.add_argument("--out", type=Path, default=Path("schemas"), help="default schemas/")
    schemas.add_argument(
        "--data", type=Path, default=Path("data"), help="the codes come from its taxonomy"
    )
    synth = sub.add_parser("synth", help="write N synthetic records (for scale tests only)")
    synth.add_argument("--events", type=int, required=True, help="how many records")
    synth.add_argument("--out", type=Path, required=True, help="folder to write (like data/)")
    synth.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    synth.add_argument(
        "--reports",
        type=int,
        default=0,
        help="also write this many synthetic activity reports (default 0)",
    )
    synth.add_argument(
        "--cases", type=int, default=0, help="also write this many synthetic cases (default 0)"
    )
    synth.add_argument(
        "--data", type=Path, default=Path("data"), help="real records to learn from; default data/"
    )
    return parser


BUILD_WARNINGS_SHOWN = 3


def _print_warnings(problems: Sequence[object], *, limit: int | None = None) -> None:
    """Warnings to stderr; a build shows the first few, `validate` lists them all."""
    for problem in problems[:limit]:
        print(f"warning: {problem}", file=sys.stderr)
    if limit is not None and len(problems) > limit:
        print(
            f"... and {len(problems) - limit} more warning(s): "
            "'python -m etl validate' lists them all",
            file=sys.stderr,
        )


def _ingest(paths: Sequence[Path]) -> int:
    """Read documents, print what was found in each, and every error; write nothing."""
    documents, errors = read_documents(paths)
    for document in documents:
        print(
            f"{document.file}: id {document.document_id}, {document.language}, "
            f"{len(document.passages)} passages, published {document.published or 'unknown'}"
            f", title {document.title[:70]!r}"
        )
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    print(
        f"{len(documents)} document(s) read, {len(errors)} refused; nothing written "
        "(make build stores data/documents/ in the warehouse)"
    )
    return EXIT_INVALID if errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    started = time.perf_counter()
    try:
        if args.command == "validate":
            result = validate_dir(args.data)
            _print_warnings(result.warnings)
            for problem in result.errors:
                print(problem, file=sys.stderr)
            if not result.ok:
                print(
                    f"{len(result.errors)} error(s) in {result.n_files} file(s); nothing written",
                    file=sys.stderr,
                )
                return EXIT_INVALID
            print(
                f"ok: {len(result.events)} events in {result.n_files} files are valid "
                f"({len(result.warnings)} warning(s))"
            )
            return 0
        if args.command == "schemas":
            taxonomy, problems = read_taxonomy(args.data, args.data.as_posix().rstrip("/"))
            if taxonomy is None:
                for problem in problems:
                    print(problem, file=sys.stderr)
                return EXIT_INVALID
            for path in write_schemas(args.out, taxonomy):
                print(f"wrote {path}")
            return 0
        if args.command == "ingest":
            return _ingest(args.paths)
        if args.command == "draft":
            drafted = run_draft(args.document, data_dir=args.data, out_dir=args.out)
            for draft in drafted.events:
                path = args.out / f"{draft.id}.yaml"
                print(
                    f"wrote {path} (and {draft.id}.evidence.yaml): review it, then move it "
                    "into data/events/"
                )
                if draft.unfilled:
                    print(f"  left empty (the text does not say): {', '.join(draft.unfilled)}")
            if drafted.no_event is not None:
                print(f"no event drafted: {drafted.no_event.missing}")
            if drafted.report is not None:
                made = drafted.report
                path = args.out / REPORTS_FOLDER / f"{made.id}.yaml"
                print(
                    f"wrote activity report {path} (and {made.id}.evidence.yaml beside it): "
                    f"{len(made.record['bodies'])} bodies; review it, then move it into "
                    "data/reports/"
                )
                if made.unfilled:
                    print(f"  left empty (the text does not say): {', '.join(made.unfilled)}")
            return 0
        if args.command == "draft-eval":
            by_record, by_statement, by_report = run_draft_eval(
                data_dir=args.data, extra=args.extra
            )
            print(format_eval(by_record))
            print()
            print(format_stated(by_statement))
            print()
            print(format_report_eval(by_report))
            return 0
        if args.command == "synth":
            n = synthesize(n_events=args.events, out=args.out, seed=args.seed, real_data=args.data)
            print(f"wrote {n} synthetic records to {args.out / 'events'} (seed {args.seed})")
            if args.reports:
                n_reports = synthesize_reports(
                    n_reports=args.reports, out=args.out, seed=args.seed, real_data=args.data
                )
                print(f"wrote {n_reports} synthetic activity reports to {args.out / 'reports'}")
            if args.cases:
                n_cases = synthesize_cases(
                    n_cases=args.cases, out=args.out, seed=args.seed, real_data=args.data
                )
                print(f"wrote {n_cases} synthetic cases to {args.out / 'cases'}")
            return 0
        report = build(
            args.data, db_path(args.db), wait=not args.no_wait, incremental=not args.full
        )
    except ValidationFailed as exc:
        _print_warnings([p for p in exc.problems if p.is_warning])
        for problem in exc.problems:
            if not problem.is_warning:
                print(problem, file=sys.stderr)
        n_errors = sum(not p.is_warning for p in exc.problems)
        print(
            f"{n_errors} error(s); nothing written, the previous warehouse is untouched",
            file=sys.stderr,
        )
        return EXIT_INVALID
    except NothingToDraft as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_NOTHING_DRAFTED
    except EtlError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    _print_warnings(report.validation.warnings, limit=BUILD_WARNINGS_SHOWN)
    print(
        f"built {report.db_path}: {report.n_events} events from {report.n_files} files "
        f"({report.n_reused} unchanged since the last build, not re-checked), "
        f"data version {report.data_version}, {time.perf_counter() - started:.2f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
