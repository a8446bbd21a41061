"""Every page, in Spanish and French, shows only text from the catalogue, the data's labels,
record text, and numbers, dates and ids: a string of English (or a column's raw name) left in
a widget, a table header, a chart or a caption fails here, naming the page and the string.

Walked with AppTest, which exposes what the browser would draw: titles, text, captions,
alerts, metric and widget labels, placeholders, options and tooltips, table headers (their
column configuration) and the text of every chart (titles, axis and legend titles, series names,
hover labels).
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import data
from dashboard.exports import export
from dashboard.i18n import (
    HOSTED_BY,
    LANG_NAMES,
    code_labels,
    in_context,
    messages,
    place_names,
    plurals,
    words_kept_in_file_name,
)
from dashboard.pages import LISTED
from dashboard.state.filters import URL_NAMES
from warehouse.db import connect

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
PAGES = tuple(Path(page.file).stem for page in LISTED)
"""Every page in the navigation (dashboard/pages.py); hidden pages are walked below with the
record their link names."""
EVENT_ID = "sme-dialogue-2023-09-21"


@dataclass(frozen=True)
class State:
    page: str
    params: dict[str, str]


STATES = {
    **{page: State(page, {}) for page in PAGES},
    "all-filters": State("summary", {"status": "held,announced", "party": "MX", "topic": "smes"}),
    "trends-shares": State("trends", {"measure": "shares", "level": "topic", "grain": "quarter"}),
    "trends-cumulative": State("trends", {"measure": "cumulative", "cumulative": "1"}),
    "event-detail": State("events", {"event": EVENT_ID}),
    "body": State("body", {"code": "sme_dialogue"}),
    "labor-body": State("body", {"code": "labor_council"}),
    "case": State("case", {"id": "rrm-2021-gm-silao"}),
    "events-search": State("events", {"q": "Ebrard", "status": "held,announced"}),
    "documents-search": State("documents", {"q": "dialogo pyme"}),
    "bad-link": State(
        "trends", {"body": "nope", "from": "2023-02-30", "to": "2999-99-99", "grain": "bogus"}
    ),
    "bad-dates": State("summary", {"from": "2024-06-01", "to": "2024-01-01"}),
}

NEUTRAL = re.compile(
    r"""^(
        [\d\s.,:;%/+\-–—…()\[\]«»'"?#°·|=<>*]*        # numbers, dates, punctuation
      | [a-z0-9]+(-[a-z0-9]+)+                        # ids and file stems
      | (https?://|seed:|file:|www\.|/)\S*            # addresses
      | \S+\.(txt|pdf|html|csv|zip|yaml)             # file names
      | [0-9a-f]{8,}                                  # data versions
      | \d{4}-Q[1-4?]                                 # quarters
      | T-MEC | USMCA | CUSMA | ACEUM | MX | US | CA | es | en | fr | BM25
    )$""",
    re.VERBOSE,
)
SEPARATORS = (
    " · ",
    "\n",
    ": ",
    " : ",
    " – ",
    " — ",
    "; ",
    " ; ",
    ", ",
    " y ",
    " et ",
    " | ",
    " (",
    ")",
    " [",
)
"""Where composed text may be cut into catalogue pieces ('y' and 'et' join lists)."""


USER_INPUT = frozenset({"value", "query"})
"""Placeholders that repeat what the user typed (a link's value, a search): not checked."""
COUNTED = re.compile(r"^\d+ (\D.*)$")
"""A count and what it counts ('3 Celebrado')."""
SENTENCE = re.compile(r"(?<=[.!?]) (?=[A-ZÁÉÍÓÚÑÀÂÇÈÊÎÔ])")


Template = list[tuple[str, str | None]]
"""A catalogue entry as (literal, placeholder) pairs, as string.Formatter parses it."""


def _template(text: str) -> Template:
    return [(literal, field) for literal, field, _, _ in string.Formatter().parse(text)]


def _fits(template: Template, text: str, ok: Callable[[str], bool]) -> bool:
    """Whether ``text`` is ``template`` with every placeholder filled by text ``ok`` accepts
    (the user's own input accepted as it is); every way of filling them is tried."""
    if not template:
        return text == ""
    (literal, field), rest = template[0], template[1:]
    if not text.startswith(literal):
        return False
    text = text[len(literal) :]
    if field is None:
        return _fits(rest, text, ok)
    following = rest[0][0] if rest else ""
    ends = (
        [len(text)]
        if not following
        else [m.start() for m in re.finditer(re.escape(following), text)]
    )
    for end in ends:
        value = text[:end]
        if value and (field in USER_INPUT or ok(value)) and _fits(rest, text[end:], ok):
            return True
    return False


def _clean(text: str) -> str:
    text = text.replace("\u2060", "").replace("**", "")
    text = re.sub(r"\\(.)", r"\1", text)
    return text.strip()


@dataclass
class Allowed:
    exact: set[str]
    templates: list[Template]
    records: str
    """Every record text joined: a search snippet ('… text …') is a piece of one."""

    seen: dict[tuple[str, int], bool] = field(default_factory=dict)

    def ok(self, text: str, depth: int = 0) -> bool:
        key = (text, depth)
        if key not in self.seen:
            self.seen[key] = False  # a piece that needs itself is not explained
            self.seen[key] = self._ok(text, depth)
        return self.seen[key]

    def _ok(self, text: str, depth: int) -> bool:
        text = _clean(text).strip(" -–>#")
        if not text or text in self.exact or NEUTRAL.match(text):
            return True
        if (text.startswith("…") or text.endswith("…")) and text.strip("… ") in self.records:
            return True
        if text.startswith("«") and text.endswith("»") and self.ok(text[1:-1], depth):
            return True  # a quotation of a record ("«…»")
        if any(_fits(template, text, self.ok) for template in self.templates):
            return True
        counted = COUNTED.match(text)
        if counted and self.ok(counted[1], depth):
            return True
        if (
            depth == 0
            and SENTENCE.search(text)
            and all(self.ok(part, 1) for part in SENTENCE.split(text))
        ):
            return True
        for sep in SEPARATORS[depth:]:
            if sep in text:
                return all(self.ok(part, SEPARATORS.index(sep)) for part in text.split(sep))
        return False


def _record_strings(warehouse: Path) -> set[str]:
    """Every text value the records hold (titles, names, notes, outcomes, sources, documents)
    and the search terms (word stems) the index holds."""
    con = connect(warehouse)
    try:
        tables = con.sql(
            "select table_name, column_name from information_schema.columns "
            "where data_type = 'VARCHAR' and column_name <> 'doc_key'"
        ).fetchall()
        values: set[str] = set()
        for table, column in tables:
            rows = con.sql(f'select distinct "{column}" from "{table}"').fetchall()
            for (value,) in rows:
                if value:
                    values.add(value.strip())
                    values.update(line.strip() for line in value.splitlines())
    finally:
        con.close()
    return values


@pytest.fixture(scope="module")
def allowed(warehouse: Path) -> dict[str, Allowed]:
    records = _record_strings(warehouse)
    out = {}
    for lang in ("es", "fr"):
        texts = [*messages(lang).values()]
        texts += [text for forms in plurals(lang).values() for text in forms.values()]
        codes = [label for labels in code_labels(lang).values() for label in labels.values()]
        places = [names[lang] for names in place_names()]
        places += in_context(HOSTED_BY, lang).values()
        labels = [v for names in data.labels(lang).names.values() for v in names.values()]
        exact = {*records, *codes, *places, *labels, *LANG_NAMES.values()}
        exact |= {t for t in texts if "{" not in t}
        exact.add("Idioma / Language / Langue")
        exact |= {*URL_NAMES, "lang", "event", "q", "grain", "stack", "level", "measure"}
        templates = [_template(t) for t in texts if "{" in t]
        out[lang] = Allowed(exact, templates, "\n".join(sorted(records)))
    return out


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _nodes(child)


def _chart_strings(spec: dict[str, Any]) -> Iterator[str]:
    layout = spec.get("layout", {})
    for key in ("title", "xaxis", "yaxis", "legend", "coloraxis"):
        part = layout.get(key, {})
        title = part.get("title") if key != "title" else part
        if isinstance(title, dict) and title.get("text"):
            yield title["text"]
    for trace in spec.get("data", []):
        if trace.get("name"):
            yield str(trace["name"])
        for line in str(trace.get("hovertemplate", "")).split("<br>"):
            name = line.split("=", 1)[0]
            if "=" in line and name:
                yield name
        bar = trace.get("colorbar", {}).get("title", {})
        if bar.get("text"):
            yield bar["text"]


def _strings(at: AppTest) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of text the page draws."""
    for node in _nodes(at._tree):
        kind = getattr(node, "type", "")
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        if kind in ("title", "header", "subheader", "markdown", "caption", "text", "heading"):
            yield kind, str(getattr(node, "value", ""))
        if kind in ("error", "warning", "info", "success"):
            yield kind, str(proto.body)
        if kind == "dataframe":
            config = json.loads(proto.columns or "{}")
            frame = node.value
            for column in frame.columns:
                spec = config.get(str(column), {})
                if spec.get("hidden"):
                    continue
                yield "table header", spec.get("label") or str(column)
                if spec.get("type_config", {}).get("type") == "link":
                    continue
                for cell in frame[column].head(60):
                    cells = (
                        list(cell)
                        if hasattr(cell, "__len__") and not isinstance(cell, str)
                        else [cell]
                    )
                    for value in cells:
                        if isinstance(value, str):
                            yield f"table cell ({spec.get('label') or column})", value
            continue
        empty = kind == "multiselect" or (kind == "selectbox" and not proto.HasField("default"))
        if empty and not proto.placeholder:
            yield f"{kind} placeholder", "Choose an option (Streamlit's default, in English)"
        if kind == "plotly_chart":
            for text in _chart_strings(json.loads(proto.spec)):
                yield "chart", text
            continue
        for name in ("label", "placeholder", "help"):
            value = getattr(proto, name, "")
            if isinstance(value, str) and value:
                yield f"{kind} {name}", value
        for option in getattr(proto, "options", []) if kind != "dataframe" else []:
            if isinstance(option, str):
                yield f"{kind} option", option


def _open(state: State, lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in {**state.params, "lang": lang}.items():
        at.query_params[key] = value
    at.run()
    if state.page != "summary":
        at.switch_page(f"dashboard/views/{state.page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["es", "fr"])
@pytest.mark.parametrize("state", sorted(STATES))
def test_page_shows_only_catalogue_text(
    warehouse: Path, allowed: dict[str, Allowed], state: str, lang: str
) -> None:
    at = _open(STATES[state], lang)
    seen = list(_strings(at))
    assert len(seen) > 5, "the walk found almost nothing on the page"
    stray = sorted({f"{where}: {text!r}" for where, text in seen if not allowed[lang].ok(text)})
    assert not stray, f"{state} in {lang} shows text that is not in the catalogue:\n" + "\n".join(
        stray
    )


FILE_CODE = re.compile(r"^(\S*[\d_]\S*|[a-z]{2,4})$")
"""A token a download name may keep untranslated: a code part (a digit or an underscore:
``labor_council``, ``2021``) or a short code (``rrm``, ``mx``); record ids are removed from
the name first (see :func:`_without_ids`)."""


@pytest.fixture(scope="module")
def record_ids(warehouse: Path) -> list[str]:
    """Case and event ids, longest first: they may stand in a download's name
    (``case-rrm-2021-gm-silao-milestones``) and are kept as they are."""
    con = connect(warehouse)
    try:
        rows = con.sql("select case_id from cases union select event_id from events").fetchall()
    finally:
        con.close()
    return sorted((r[0] for r in rows), key=len, reverse=True)


def _without_ids(what: str, ids: list[str]) -> str:
    for record_id in ids:
        what = what.replace(record_id, "0")
    return what


@pytest.mark.parametrize("lang", ["es", "fr"])
@pytest.mark.parametrize("state", sorted(STATES))
def test_download_names_have_no_untranslated_word(
    record_ids: list[str], state: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every download of the page is named in ``lang``: a word of its name with no entry in
    the file words would stay English (``tmec-hosts-...`` on a French page)."""
    asked: list[str] = []
    named = export.file_words

    def recording(what: str, in_lang: str) -> str:
        asked.append(what)
        return named(what, in_lang)

    monkeypatch.setattr(export, "file_words", recording)
    _open(STATES[state], lang)
    kept = sorted(
        {
            f"{what}: {word}"
            for what in asked
            for word in words_kept_in_file_name(_without_ids(what, record_ids))
            if not FILE_CODE.match(word)
        }
    )
    assert asked, "the page offers no download"
    assert not kept, f"{state} in {lang}: words without a file-name entry:\n" + "\n".join(kept)


def test_file_name_check_catches_an_english_word() -> None:
    assert [w for w in words_kept_in_file_name("hosts-by-weekday") if not FILE_CODE.match(w)] == [
        "weekday"
    ]
    assert words_kept_in_file_name("labor_council-hosts") == ["labor_council"]


def test_the_walk_catches_a_stray_string(allowed: dict[str, Allowed]) -> None:
    """The checker itself: English text, raw column names and developer wording fail."""
    for text in ("Download CSV", "source_no", "n_previous", "up to this many", "Held"):
        assert not allowed["fr"].ok(text), text
    for text in ("Télécharger CSV", "2023-09-21", "sme-dialogue-2023-09-21", "Tenu", "42 %"):
        assert allowed["fr"].ok(text), text
