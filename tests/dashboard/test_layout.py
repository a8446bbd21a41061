"""The dashboard's homes and their one import direction (docs/contributing.md, "Layout").

Each module of dashboard/ stands on one floor of ``FLOORS``; it may import its own floor or
the floors under it, never a floor above. A view never imports another view. The table is the
picture a reader can draw: views on top, then the briefing pack, the pages' own homes, the shared
building blocks, cached query access, page state, and at the ground the words and file formats.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FLOORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # top first: (floor, the module prefixes that stand on it)
    ("views", ("dashboard.views",)),
    ("briefing", ("dashboard.briefing",)),
    (
        "pages' homes",
        (
            "dashboard.cases",
            "dashboard.bodies",
            "dashboard.events",
            "dashboard.summary",
            "dashboard.drafts",
        ),
    ),
    ("building blocks", ("dashboard.ui",)),
    ("query access", ("dashboard.data",)),
    ("page state", ("dashboard.state", "dashboard.pages")),
    ("words and files", ("dashboard.i18n", "dashboard.exports", "dashboard.errors")),
)
"""Floors from the top down. ``dashboard`` (the package's face) and ``dashboard.views`` alone
import nothing."""


def floor_of(module: str) -> int:
    """The floor's number, 0 at the ground; -1 for a module outside dashboard/."""
    for height, (_, prefixes) in enumerate(reversed(FLOORS)):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return height
    return -1


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {
    module_name(p): p
    for p in sorted((ROOT / "dashboard").rglob("*.py"))
    if module_name(p) not in {"dashboard", "dashboard.views"}
}


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, module) for each dashboard module ``path`` imports, ``from x import y`` read as
    x.y when x.y is a module."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                whole = f"{node.module}.{a.name}"
                found.append((node.lineno, whole if whole in MODULES else node.module))
    return [(line, name) for line, name in found if name.split(".")[0] == "dashboard"]


def test_every_module_has_a_floor() -> None:
    assert [m for m in MODULES if floor_of(m) < 0] == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_run_down(module: str) -> None:
    path = MODULES[module]
    up = [
        f"{path.relative_to(ROOT)}:{line} imports {name} ({FLOORS[-1 - floor_of(name)][0]}), "
        f"above its floor ({FLOORS[-1 - floor_of(module)][0]})"
        for line, name in imports_of(path)
        if name != "dashboard" and floor_of(name) > floor_of(module)
    ]
    assert up == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("dashboard.views.")))
def test_a_view_imports_no_other_view(module: str) -> None:
    path = MODULES[module]
    others = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for line, name in imports_of(path)
        if name.startswith("dashboard.views")
    ]
    assert others == []


def test_the_check_sees_an_import_that_runs_back_up(tmp_path: Path) -> None:
    """The check reads ``from package import module`` as the module: a building block that
    imported a page's home would be caught."""
    assert floor_of("dashboard.cases.cases") > floor_of("dashboard.ui.charts")
    assert "dashboard.cases.cases" in MODULES
    source = tmp_path / "x.py"
    source.write_text("from dashboard.cases import cases\n", encoding="utf-8")
    assert imports_of(source) == [(1, "dashboard.cases.cases")]
