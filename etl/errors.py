"""The ETL's small exception hierarchy and the one shape every problem is reported in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from warehouse.errors import ObservatoryError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, located precisely enough to fix it in an editor."""

    file: str
    line: int
    field: str
    message: str
    is_warning: bool = False

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class EtlError(ObservatoryError):
    """Base class of every error the ETL raises on purpose."""


class ValidationFailed(EtlError):
    """The inputs have at least one error; every problem found in the pass is attached."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if not p.is_warning]
        super().__init__(f"{len(errors)} error(s) in the records:\n" + "\n".join(map(str, errors)))


class BuildLocked(EtlError):
    """Another build holds the warehouse's lock."""


class DataDirError(EtlError):
    """The data folder is not laid out like data/ (events/, taxonomy.yaml, documents/)."""


class DocumentsRefused(EtlError):
    """Documents the ingest cannot take, every one of them at once (``errors``), each naming
    its file, what was expected and what was found; ``outcome`` says what was not done."""

    def __init__(self, errors: Sequence[EtlError], *, outcome: str) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(map(str, self.errors)) + f"\n{outcome}")


class NothingToDraft(EtlError):
    """A document describes no event a record could be drafted from: the message names the
    file and what the text lacks."""

    def __init__(self, file: str, missing: str) -> None:
        self.file = file
        self.missing = missing
        super().__init__(f"{file}: nothing drafted ({missing})")
