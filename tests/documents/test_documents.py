"""Documents: reading .txt/.html/.pdf, repairing extraction damage, metadata, bad files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from etl.documents import (
    MAX_DOCUMENT_BYTES,
    DocumentError,
    document_title,
    find_dates,
    parse_document,
    publication_date,
    read_document,
    read_documents,
    repair_text,
    split_passages,
)
from etl.documents import detect_language as detect
from tests.documents.pdfmaker import make_pdf

ROOT = Path(__file__).resolve().parents[2]
BULLETIN = (
    ROOT / "data" / "documents" / "reporte-tmec-dialogo-pyme-y-comite-medio-ambiente-2023.txt"
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(
            "La Secretaría de Econo-\nmía organizó el Diálogo.",
            "La Secretaría de Economía organizó el Diálogo.",
            id="hyphen-rejoined",
        ),
        pytest.param(
            "del Tratado entre México y el T-\nMEC vigente.",
            "del Tratado entre México y el T-MEC vigente.",
            id="real-hyphen-kept",
        ),
        pytest.param(
            "El Comité acordó\npromover la economía\ncircular.",
            "El Comité acordó promover la economía circular.",
            id="reflowed",
        ),
        pytest.param(
            "los gobiernos acordaron promover\n\nel intercambio de prácticas.",
            "los gobiernos acordaron promover el intercambio de prácticas.",
            id="column-break-inside-sentence",
        ),
        pytest.param(
            "Primer párrafo.\n\nSegundo párrafo.",
            "Primer párrafo.\n\nSegundo párrafo.",
            id="paragraphs-kept",
        ),
        pytest.param(
            "el Diálogo (Diálogo PyME)1, el cual tiene tres PyMEs2. El G20 y el COVID19 no.",
            "el Diálogo (Diálogo PyME), el cual tiene tres PyMEs. El G20 y el COVID19 no.",
            id="footnote-markers",
        ),
        pytest.param(
            "la Sesión del Comité¹ de hoy.", "la Sesión del Comité de hoy.", id="superscript"
        ),
        pytest.param(
            "Ver (https://www.gob.mx/\ncms/uploads/file/Reporte_n117.pdf)\n\n"
            "https://www.gob.mx/cms/uploads/file/Reporte_n117.pdf\nOtro texto.",
            "Ver (https://www.gob.mx/cms/uploads/file/Reporte_n117.pdf)\n\nOtro texto.",
            id="url-rejoined-and-repeat-dropped",
        ),
        pytest.param(
            "Texto de la página uno.\n3\n\nPágina 4 de 9\n- 5 -\nTexto final.",
            "Texto de la página uno.\n\nTexto final.",
            id="page-numbers",
        ),
        pytest.param(
            "  I. Segundo Diálogo PyME\nComo parte de los compromisos.",
            "I. Segundo Diálogo PyME\n\nComo parte de los compromisos.",
            id="heading-own-paragraph",
        ),
        pytest.param(
            "  II. Tercera Sesión del Comité\n      de Medio Ambiente\n\nCon base en el Tratado.",
            "II. Tercera Sesión del Comité de Medio Ambiente\n\nCon base en el Tratado.",
            id="heading-on-two-lines",
        ),
        pytest.param(
            "temas:\n1)\t Primer panel | Uno.\n2)\t Segundo panel.",
            "temas:\n\n1) Primer panel | Uno.\n\n2) Segundo panel.",
            id="numbered-list",
        ),
        pytest.param(
            "Texto.\n\n2 Para conocer detalles consultar el Reporte.",
            "Texto.\n\nPara conocer detalles consultar el Reporte.",
            id="footnote-number-at-start",
        ),
        pytest.param(
            "Boletín 7\nPrimera página con texto.\fBoletín 7\nSegunda página con texto.",
            "Primera página con texto.\n\nSegunda página con texto.",
            id="running-header",
        ),
        pytest.param("ﬁnanciamiento\u00a0y\u00adpymes", "financiamiento ypymes", id="ligatures"),
    ],
)
def test_repair(raw: str, expected: str) -> None:
    assert repair_text(raw) == expected


def test_passages_point_into_the_text() -> None:
    text = repair_text("Título\n\nPrimer párrafo largo.\n\n  Segundo párrafo.\n")
    passages = split_passages(text)
    assert [p.passage_no for p in passages] == [1, 2, 3]
    assert all(text[p.start : p.end] == p.text for p in passages)
    assert passages[2].text == "Segundo párrafo."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("El 21 de septiembre de 2023, México fungió", (dt.date(2023, 9, 21), None, "day")),
        ("on September 21, 2023, the", (dt.date(2023, 9, 21), None, "day")),
        ("le 21 septembre 2023 à Ottawa", (dt.date(2023, 9, 21), None, "day")),
        ("le 1er juillet 2020", (dt.date(2020, 7, 1), None, "day")),
        ("el 1o. de julio de 2020", (dt.date(2020, 7, 1), None, "day")),
        ("del 20 al 22 de septiembre de 2023", (dt.date(2023, 9, 20), dt.date(2023, 9, 22), "day")),
        ("May 17-18, 2021", (dt.date(2021, 5, 17), dt.date(2021, 5, 18), "day")),
        ("on 17 and 18 May 2021", (dt.date(2021, 5, 17), dt.date(2021, 5, 18), "day")),
        ("les 9 et 10 décembre 2025", (dt.date(2025, 12, 9), dt.date(2025, 12, 10), "day")),
        ("En abril de 2022 se celebró", (dt.date(2022, 4, 1), None, "month")),
        ("in September 2023", (dt.date(2023, 9, 1), None, "month")),
    ],
)
def test_find_dates(text: str, expected: tuple[dt.date, dt.date | None, str]) -> None:
    (mention,) = find_dates(text)
    assert (mention.start_date, mention.end_date, mention.precision) == expected
    assert text[mention.start : mention.end].strip()


@pytest.mark.parametrize("text", ["30 February 2023", "the 2023 meeting", "número 2023"])
def test_no_date(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ottawa, le 21 septembre 2023\n\nLe Comité s'est réuni.", dt.date(2023, 9, 21)),
        ("WASHINGTON, September 21, 2023 - The Committee met.", dt.date(2023, 9, 21)),
        ("Aviso\n\nPublicado el 3 de octubre de 2023", dt.date(2023, 10, 3)),
        ("El 21 de septiembre de 2023, México fue anfitrión.", None),
        ("Informe\n\nLa reunión de septiembre de 2023.", None),
    ],
)
def test_publication_date(text: str, expected: dt.date | None) -> None:
    assert publication_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("El Comité se reunió en la ciudad de Ottawa para revisar los trabajos.", "es"),
        ("The Committee met in Ottawa to review the work of the Parties.", "en"),
        ("Le Comité s'est réuni à Ottawa pour examiner les travaux des Parties.", "fr"),
        ("T-MEC", "es"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\n\n12\n\nInforme anual\n\nTexto.", "Informe anual"),
        ("[Test document, not a real source.]\n\nJoint Statement\n\nText.", "Joint Statement"),
        ("https://example.org/x\n\nTítulo real\n\nTexto.", "Título real"),
    ],
)
def test_title(text: str, expected: str) -> None:
    assert document_title(text) == expected


def test_html_keeps_text_and_drops_scripts() -> None:
    html = (
        b"<!doctype html><html><head><title>Joint Statement</title><style>p{color:red}</style>"
        b"<script>var secret = 1;</script></head><body><h1>Joint Statement</h1>"
        b"<p>The Committee <b>met</b> on May&nbsp;17, 2021.</p><p>Second &amp; last.</p>"
        b"</body></html>"
    )
    doc = parse_document(html, "statement.html", "html")
    assert doc.title == "Joint Statement"
    assert [p.text for p in doc.passages] == [
        "Joint Statement",
        "The Committee met on May 17, 2021.",
        "Second & last.",
    ]
    assert "secret" not in doc.text and "color" not in doc.text
    assert doc.language == "en"


def test_generated_pdf() -> None:
    raw = make_pdf(
        [
            ["Reporte T-MEC No. 150", "Tercera Reunión del Consejo Laboral", ""],
            [
                "Reporte T-MEC No. 150",
                "El 9 de diciembre de 2025 se llevó a ca-",
                "bo en Ottawa la Tercera Reunión del Con-",
                "sejo Laboral, con las PyMEs3 invitadas.",
                "2",
            ],
            ["Reporte T-MEC No. 150", "Las Partes acordaron seguir cooperando.", "3"],
        ]
    )
    doc = parse_document(raw, "boletin.pdf", "pdf")
    assert doc.kind == "pdf"
    assert doc.title == "Tercera Reunión del Consejo Laboral"
    assert doc.language == "es"
    assert "Reporte T-MEC No. 150" not in doc.text
    assert (
        "El 9 de diciembre de 2025 se llevó a cabo en Ottawa la Tercera Reunión del Consejo "
        "Laboral, con las PyMEs invitadas." in doc.text
    )
    assert doc.document_id == parse_document(raw, "copy.pdf", "pdf").document_id
    assert len(doc.document_id) == 16


def test_real_bulletin() -> None:
    doc = read_document(BULLETIN, display="data/documents/" + BULLETIN.name)
    assert doc.file == "data/documents/" + BULLETIN.name
    assert doc.title == (
        "Segundo Diálogo PyME y Tercera Sesión del Comité de Medio Ambiente del T-MEC"
    )
    assert doc.language == "es"
    assert doc.published is None  # the bulletin states no publication date
    texts = [p.text for p in doc.passages]
    assert "I. Segundo Diálogo PyME" in texts
    assert "II. Tercera Sesión del Comité de Medio Ambiente" in texts
    assert any(t.startswith("El 21 de septiembre de 2023, México fungió") for t in texts)
    assert any(
        t.startswith("1) ¿Por qué debes digitalizar tu PyME? | Digitalización") for t in texts
    )
    assert "(Diálogo PyME), el cual" in doc.text  # footnote marker "PyME)1" removed
    assert "del Medio Ambiente, con el objetivo" in doc.text  # "Ambiente2" repaired
    assert "el intercambio de mejores prácticas" in doc.text
    assert "promover el intercambio" in doc.text  # column break inside the sentence healed
    assert doc.text.count("Reporte-TMEC_n117-esp_20220517_a.pdf") == 1
    assert doc.text.count("Reporte-TMEC_n137-esp_20221014_.pdf") == 1
    assert "copartícipes" in doc.text
    assert all(doc.text[p.start : p.end] == p.text for p in doc.passages)


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "match"),
    [
        ("empty.txt", b"", r"empty\.txt: .*expected a non-empty txt document; found an empty file"),
        ("blank.pdf", b"  \n", r"found an empty file"),
        ("scan.pdf", make_pdf([[], []]), r"expected a PDF with a text layer; found 2 page\(s\)"),
        ("fake.pdf", b"Hola, esto es texto.", r"expected a PDF file .*; found text"),
        ("report.txt", make_pdf([["Hola mundo y más texto aquí"]]), r"expected a txt file.*PDF"),
        ("page.html", b"Just words, no tags at all.", r"expected an HTML file \(with tags\)"),
        ("junk.txt", bytes(range(256)) * 4, r"expected a txt file \(UTF-8 text\); found binary"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, r"found a binary file"),
        ("broken.pdf", b"%PDF-1.4\n garbage", r"expected a (readable PDF|PDF with)"),
        ("notes.docx", b"PK\x03\x04 word", r"expected a file ending in .*; found '\.docx'"),
        ("numbers.txt", b"12 34 56\n7 8", r"expected a document with words in it"),
    ],
)
def test_bad_documents(tmp_path: Path, name: str, data: bytes, match: str) -> None:
    with pytest.raises(DocumentError, match=match):
        read_document(_write(tmp_path, name, data))


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(DocumentError, match=r"at most 20 MiB; found 20\.0 MiB"):
        read_document(path)


def test_read_documents_reports_bad_ones_and_keeps_good_ones(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Un documento en español sobre el Comité.".encode())
    _write(tmp_path, "b.txt", "Un documento en español sobre el Comité.".encode())  # same bytes
    _write(tmp_path, "c.pdf", b"")
    _write(tmp_path, "ignored.docx", b"PK")
    documents, errors = read_documents([tmp_path], root=tmp_path)
    assert [d.file for d in documents] == ["a.txt"]
    assert [e.file for e in errors] == ["c.pdf"]
