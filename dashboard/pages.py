"""The page registry: every page of the app, once. The router builds its navigation from it and
every test and bench stage that walks pages reads it; a page reached only by links (a body's,
a case's) is one with ``listed=False``, the one way to hide a page."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PageSpec:
    path: str
    """The page's URL path (``/summary``) and its name in tests."""
    title_key: str
    """Its title's catalogue key."""
    file: str
    """Its view, relative to the entry script: ``render(ctx)`` in ``dashboard/views/``."""
    listed: bool = True
    """Shown in the navigation; a hidden page is reached by links that name its record."""


PAGES: tuple[PageSpec, ...] = (
    PageSpec("summary", "page_summary", "dashboard/views/summary.py"),
    PageSpec("trends", "page_trends", "dashboard/views/trends.py"),
    PageSpec("topics", "page_topics", "dashboard/views/topics.py"),
    PageSpec("parties", "page_parties", "dashboard/views/parties.py"),
    PageSpec("events", "page_events", "dashboard/views/events.py"),
    PageSpec("cases", "page_cases", "dashboard/views/cases.py"),
    PageSpec("bodies", "page_bodies", "dashboard/views/bodies.py"),
    PageSpec("body", "page_body", "dashboard/views/body.py", listed=False),
    PageSpec("case", "page_case", "dashboard/views/case.py", listed=False),
    PageSpec("documents", "page_documents", "dashboard/views/documents.py"),
    PageSpec("drafts", "page_drafts", "dashboard/views/drafts.py"),
    PageSpec("data", "page_data", "dashboard/views/data_page.py"),
)
BY_PATH = {page.path: page for page in PAGES}
LISTED = tuple(page for page in PAGES if page.listed)
