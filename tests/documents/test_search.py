"""Search: normalisation, stemming in three languages, BM25 ranking, snippets, links between
records and documents, and the SQL query agreeing with the Python ranking."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.documents import SourceDocument, parse_document, read_documents
from etl.records import Event, Source
from etl.search import (
    DOC_KIND_CASE,
    DOC_KIND_EVENT,
    DOC_KIND_PASSAGE,
    DOC_KIND_REPORT,
    MIN_TERMS,
    SEARCH_TABLES,
    SearchIndex,
    SearchUnit,
    search_frames,
    search_params,
    search_units,
    supporting_passages,
)
from etl.tables import schema
from etl.validate import validate_dir
from textrules.terms import query_terms, snippet, stem
from textrules.words import fold
from warehouse.db import MACROS_DIR, QUERIES_DIR, SCHEMA_DIR
from warehouse.docs import declared_keys

ROOT = Path(__file__).resolve().parents[2]


Records = dict[str, tuple[Any, ...]]


@pytest.fixture(scope="module")
def real() -> tuple[list[SourceDocument], Records]:
    documents, errors = read_documents([ROOT / "data" / "documents"], root=ROOT)
    assert errors == []
    return documents, validate_dir(ROOT / "data").records


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Diálogo", "dialogo"), ("DIÁLOGO", "dialogo"), ("Comité", "comite"), ("œuvre", "oeuvre")],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Spanish
        ("comités", "comité"),
        ("Diálogos", "diálogo"),
        ("reuniones", "reunión"),
        ("mujeres", "mujer"),
        ("países", "país"),
        ("ambientales", "ambiental"),
        ("PyMEs", "PyME"),
        ("mexicanas", "mexicano"),
        # English
        ("meetings", "meeting"),
        ("committees", "committee"),
        ("policies", "policy"),
        ("processes", "process"),
        ("dialogues", "dialogue"),
        # French
        ("comités", "Comité"),
        ("réunions", "réunion"),
        ("environnementaux", "environnementale"),
        ("séances", "séance"),
        ("énergies", "énergie"),
    ],
)
def test_word_forms_meet(a: str, b: str) -> None:
    assert query_terms(a) == query_terms(b) != []


@pytest.mark.parametrize(("a", "b"), [("comercio", "comité"), ("class", "clase"), ("mar", "mes")])
def test_different_words_stay_apart(a: str, b: str) -> None:
    assert query_terms(a) != query_terms(b)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("El Diálogo de las PyMEs", ["dialog", "pym"]),
        ("the Committee and its meetings", ["committe", "meeting"]),
        ("  ", []),
        ("T-MEC 2023 T-MEC", ["mec", "2023"]),
        ("Artículo 24.26", ["articul", "24", "26"]),
    ],
)
def test_query_terms(query: str, expected: list[str]) -> None:
    assert query_terms(query) == expected


def test_stem_leaves_numbers_and_short_words() -> None:
    assert [stem(w) for w in ("2023", "ley", "gas", "status", "crisis")] == [
        "2023",
        "ley",
        "gas",
        "status",
        "crisis",
    ]


def _units(*texts: str) -> list[SearchUnit]:
    return [SearchUnit(DOC_KIND_PASSAGE, f"d:{i}", t) for i, t in enumerate(texts, start=1)]


def test_ranking_sanity() -> None:
    index = SearchIndex(
        _units(
            "El Comité de Medio Ambiente se reunió en Washington.",
            "El Comité de Medio Ambiente y el Comité PyME. Los comités revisaron el medio "
            "ambiente, la economía circular y la aplicación de la legislación ambiental en "
            "una larga sesión con muchos otros temas de comercio y de inversión.",
            "Diálogo PyME en la Ciudad de México.",
            "Reunión sobre reglas de origen.",
        )
    )
    # BM25 alone (min_terms=1: no passage counts as a bare heading; see the tests below)
    hits = index.rank(query_terms("comités medio ambiente"), min_terms=1)
    assert [h.doc_key for h in hits] == ["d:1", "d:2"]  # the shorter, focused passage first
    assert hits[0].matched == ("ambient", "comit", "medi")
    assert index.rank(query_terms("dialogo pyme"))[0].doc_key == "d:3"
    # a rare term weighs more than a common one
    assert index.idf("origen") > index.idf("comit")
    assert index.rank(query_terms("nada parecido")) == []


def test_snippet_highlights_matches_with_offsets() -> None:
    text = "Preámbulo largo. " * 30 + "El Diálogo PyME reunió a las PyMEs de la región."
    terms = query_terms("diálogo pymes")
    cut = snippet(text, terms, width=80)
    assert "Diálogo PyME" in cut.text
    assert [text[h.start : h.end] for h in cut.highlights] == ["Diálogo", "PyME", "PyMEs"]
    assert text[cut.start : cut.end] == cut.text
    assert "**Diálogo** **PyME**" in cut.marked()
    assert cut.marked().startswith("… ")


def test_snippet_without_match_is_the_start() -> None:
    cut = snippet("Uno dos tres cuatro cinco seis.", ["nada"], width=12)
    assert (cut.start, cut.highlights) == (0, ())
    assert cut.text == "Uno dos tres"


def test_frames_have_the_schema(real: tuple[list[SourceDocument], Records]) -> None:
    frames = search_frames(*real)
    assert {t: dict(f.schema) for t, f in frames.items()} == {t: schema(t) for t in SEARCH_TABLES}
    documents = frames["documents"]
    assert documents.height == 1
    passages = frames["passages"]
    text = documents.item(0, "text")
    for start, end, body in passages.select("start_offset", "end_offset", "text").iter_rows():
        assert text[start:end] == body


def test_records_link_to_the_bulletin_and_its_passages(
    real: tuple[list[SourceDocument], Records],
) -> None:
    frames = search_frames(*real)
    (document_id,) = frames["documents"]["document_id"].to_list()
    links = frames["event_documents"]
    linked = set(links["event_id"].to_list())
    assert {"sme-dialogue-2023-09-21", "env-committee-2023-09-27"} <= linked
    assert set(links["document_id"].to_list()) == {document_id}
    passages = frames["passages"]
    support = frames["event_passages"].join(passages, on=["document_id", "passage_no"])

    def best(event_id: str) -> str:
        return str(support.filter(pl.col("event_id") == event_id, pl.col("rank") == 1)["text"][0])

    assert best("sme-dialogue-2023-09-21").startswith("El 21 de septiembre de 2023, México")
    assert best("env-committee-2023-09-27").startswith("El 27 de septiembre de 2023")


def _event(event_id: str, url: str, title: str) -> Event:
    return Event(
        id=event_id,
        body="sme_dialogue",
        edition=None,
        kind="dialogue",
        title_en=title,
        title_es=None,
        start_date=dt.date(2023, 1, 1),
        date_precision="day",
        end_date=None,
        status="held",
        format="unknown",
        city=None,
        host_party=None,
        chair_party=None,
        treaty_refs=(),
        topics=(),
        participants=(),
        panels=(),
        outcomes=(),
        related=(),
        sources=(Source(url, None, None, None, None),),
        confidence="low",
        notes=None,
        file=f"data/events/{event_id}.yaml",
    )


def test_link_by_id_by_file_name_and_seed() -> None:
    one = parse_document("Reunión del Consejo Laboral en Ottawa.".encode(), "one.txt", "txt")
    two = parse_document("Diálogo PyME en Monterrey.".encode(), "docs/two.txt", "txt")
    events = [
        _event("by-id", one.document_id, "Unrelated title"),
        _event("by-name", "seed: two.txt", "Unrelated title"),
        _event("by-seed", "seed: a bulletin", "Diálogo PyME en Monterrey"),
        _event("web", "https://example.org/one", "Consejo Laboral"),
    ]
    links = search_frames([one, two], {"events": events})["event_documents"]
    assert links.rows() == [
        ("by-id", 1, one.document_id),
        ("by-name", 1, two.document_id),
        ("by-seed", 1, two.document_id),
    ]


def _load(frames: dict[str, pl.DataFrame]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    con.execute((SCHEMA_DIR / "04_documents.sql").read_text(encoding="utf-8"))
    con.execute("create table events (event_id varchar, title_en varchar)")
    con.execute("create table activity_reports (report_id varchar, claim_text varchar)")
    con.execute("create table report_bodies (report_id varchar, body_no integer, quote varchar)")
    con.execute("create table cases (case_id varchar, subject_en varchar)")
    for table in SEARCH_TABLES:
        frame = frames[table]  # noqa: F841 - read by DuckDB's replacement scan
        con.execute(f"insert into {table} by name select * from frame")
    con.execute((MACROS_DIR / "search_matches.sql").read_text(encoding="utf-8"))
    return con


@pytest.mark.parametrize(
    "query",
    ["diálogo pyme", "Comités", "medio ambiente Washington", "economía circular", "meetings"],
)
def test_sql_search_equals_python(real: tuple[list[SourceDocument], Records], query: str) -> None:
    documents, events = real
    frames = search_frames(documents, events)
    con = _load(frames)
    sql = (QUERIES_DIR / "search.sql").read_text(encoding="utf-8")
    terms = query_terms(query)
    got = con.sql(sql, params=search_params([query_terms(query)], limit=20)).pl()
    con.close()
    expected = SearchIndex(search_units(documents, events)).rank(
        terms, alternatives=[terms], limit=20
    )
    assert got.height == len(expected) > 0
    assert got["doc_key"].to_list() == [h.doc_key for h in expected]
    assert got["doc_kind"].to_list() == [h.doc_kind for h in expected]
    assert got["score"].to_list() == pytest.approx([h.score for h in expected], rel=1e-9)
    assert [tuple(m) for m in got["matched_terms"].to_list()] == [h.matched for h in expected]
    kinds = set(got["doc_kind"].to_list())
    assert kinds <= {DOC_KIND_PASSAGE, DOC_KIND_EVENT, DOC_KIND_REPORT, DOC_KIND_CASE}


def test_sql_search_finds_events_and_passages(
    real: tuple[list[SourceDocument], Records],
) -> None:
    con = _load(search_frames(*real))
    sql = (QUERIES_DIR / "search.sql").read_text(encoding="utf-8")
    got = con.sql(sql, params=search_params([query_terms("Diálogo PyME")], limit=50)).pl()
    empty = con.sql(sql, params=search_params([query_terms("")], limit=50)).pl()
    con.close()
    assert "sme-dialogue-2023-09-21" in got["event_id"].to_list()
    passage = got.filter(pl.col("doc_kind") == DOC_KIND_PASSAGE).row(0, named=True)
    assert "Diálogo PyME" in passage["text"]
    assert passage["title"].startswith("Segundo Diálogo PyME")
    assert empty.height == 0


CREATED = re.compile(r"^create table (\w+)", re.MULTILINE)


def test_stated_keys_hold_in_the_frames(
    real: tuple[list[SourceDocument], Records],
) -> None:
    frames = search_frames(*real)
    tables = CREATED.findall((SCHEMA_DIR / "04_documents.sql").read_text(encoding="utf-8"))
    assert sorted(tables) == sorted(SEARCH_TABLES)
    declared = declared_keys()
    for table in tables:
        keys = list(declared[table])
        frame = frames[table]
        assert frame.height > 0, table
        assert frame.select(keys).is_duplicated().sum() == 0, table


# --- bare headings ----------------------------------------------------------------------------

HEADED = parse_document(
    (
        b"Joint Statement on the Free Trade Commission\n\n"
        b"The Free Trade Commission met in Mexico City, where ministers adopted a joint "
        b"statement on supply chains and reviewed the work of the committees.\n"
    ),
    "headed.txt",
    "txt",
)


def test_headed_document_is_a_heading_and_a_paragraph() -> None:
    index = SearchIndex(search_units([HEADED]))
    heading, paragraph = ((DOC_KIND_PASSAGE, f"{HEADED.document_id}:{n}") for n in (1, 2))
    assert index.length(heading) == 5 < MIN_TERMS <= index.length(paragraph)
    assert index.is_heading(heading) and not index.is_heading(paragraph)


def test_paragraph_outranks_its_heading_in_python_and_sql() -> None:
    query = "Joint Statement Free Trade Commission"
    terms = query_terms(query)
    index = SearchIndex(search_units([HEADED]))
    # Plain BM25 (no unit counts as short) puts the heading first: what the threshold corrects.
    assert index.rank(terms, min_terms=1)[0].doc_key.endswith(":1")
    expected = index.rank(terms)
    assert [h.doc_key.rsplit(":", 1)[1] for h in expected] == ["2", "1"]
    con = _load(search_frames([HEADED], {}))
    sql = (QUERIES_DIR / "search.sql").read_text(encoding="utf-8")
    got = con.sql(sql, params=search_params([query_terms(query)])).pl()
    con.close()
    assert got["doc_key"].to_list() == [h.doc_key for h in expected]
    assert got["score"].to_list() == pytest.approx([h.score for h in expected], rel=1e-9)


def test_short_passages_are_scaled_by_length_records_are_not() -> None:
    words = [f"w{i}" for i in range(MIN_TERMS)]
    units = [
        SearchUnit(DOC_KIND_PASSAGE, "d:1", " ".join(words[: MIN_TERMS - 1])),
        SearchUnit(DOC_KIND_PASSAGE, "d:2", " ".join(words[:MIN_TERMS])),
        SearchUnit(DOC_KIND_PASSAGE, "d:3", "w0 w1"),
        SearchUnit(DOC_KIND_EVENT, "e", "w0 w1"),
    ]
    index = SearchIndex(units)
    plain = {h.doc_key: h.score for h in index.rank(["w0"], min_terms=1)}
    scaled = {h.doc_key: h.score for h in index.rank(["w0"])}
    assert scaled["d:1"] == pytest.approx(plain["d:1"] * (MIN_TERMS - 1) / MIN_TERMS)
    assert scaled["d:2"] == plain["d:2"]
    assert scaled["d:3"] == pytest.approx(plain["d:3"] * 2 / MIN_TERMS)
    assert scaled["e"] == plain["e"] == plain["d:3"]


def test_a_dated_heading_does_not_support_a_record() -> None:
    document = parse_document(
        (
            "Diálogo PyME\n\nMonterrey, 1 de enero de 2023\n\n"
            "El 1 de enero de 2023 se celebró en Monterrey el Diálogo PyME, con empresas de "
            "las tres Partes y funcionarios de los tres gobiernos.\n"
        ).encode(),
        "dated.txt",
        "txt",
    )
    index = SearchIndex(search_units([document]))
    event = _event("sme", "seed: dated.txt", "Diálogo PyME en Monterrey")
    support = supporting_passages(event, index, {document.document_id})
    assert [s.passage_no for s in support] == [3]


def test_a_document_of_headings_only_supports_nothing_but_is_still_linked() -> None:
    document = parse_document("Diálogo PyME en Monterrey".encode(), "only.txt", "txt")
    event = _event("sme", "seed: a bulletin", "Diálogo PyME en Monterrey")
    index = SearchIndex(search_units([document]))
    assert supporting_passages(event, index, {document.document_id}) == []
    frames = search_frames([document], {"events": [event]})
    assert frames["event_documents"]["document_id"].to_list() == [document.document_id]
    assert frames["event_passages"].height == 0


VOCABULARY = [
    "dialogo",
    "pyme",
    "comite",
    "medio",
    "ambiente",
    "monterrey",
    "enero",
    "2023",
    "reunion",
    "partes",
]
paragraphs = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=2 * MIN_TERMS).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(paragraphs, min_size=1, max_size=8),
    title=st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=4).map(" ".join),
)
def test_supporting_passages_are_never_headings(texts: list[str], title: str) -> None:
    index = SearchIndex(
        SearchUnit(DOC_KIND_PASSAGE, f"doc:{n}", text, document_id="doc", passage_no=n)
        for n, text in enumerate(texts, start=1)
    )
    support = supporting_passages(_event("e", "seed: doc.txt", title), index, {"doc"})
    keys = [(DOC_KIND_PASSAGE, f"{s.document_id}:{s.passage_no}") for s in support]
    assert all(index.length(key) >= MIN_TERMS for key in keys)
    matching = {
        (h.doc_kind, h.doc_key)
        for h in index.rank(query_terms(title + " 1 enero 1 january 1 janvier 2023"))
    }
    substantive = {key for key in matching if not index.is_heading(key)}
    assert set(keys) <= substantive
    assert len(keys) == min(3, len(substantive))


@pytest.mark.parametrize("query", ["PyMEs", "Diálogo PyME", "medio ambiente", "comité"])
def test_real_search_puts_a_paragraph_first(
    real: tuple[list[SourceDocument], Records], query: str
) -> None:
    con = _load(search_frames(*real))
    sql = (QUERIES_DIR / "search.sql").read_text(encoding="utf-8")
    got = con.sql(sql, params=search_params([query_terms(query)])).pl()
    lengths = dict(con.sql("select doc_key, length from search_docs").fetchall())
    con.close()
    passages = got.filter(pl.col("doc_kind") == DOC_KIND_PASSAGE)["doc_key"].to_list()
    assert lengths[passages[0]] >= MIN_TERMS


def test_real_supporting_passages_are_not_headings(
    real: tuple[list[SourceDocument], Records],
) -> None:
    frames = search_frames(*real)
    support = frames["event_passages"].join(frames["search_docs"], on=["document_id", "passage_no"])
    assert set(support["event_id"].to_list()) >= {
        "sme-dialogue-2023-09-21",
        "env-committee-2023-09-27",
        "env-committee-2023-11-16-public-session",
    }
    assert support["length"].min() >= MIN_TERMS  # type: ignore[operator]
