"""Word, PowerPoint and OpenDocument files, and files whose names lie about what they are.

Every file is made on the fly, small: the readers must find the text in body order, the
slides as pages, the properties as title and date, and refuse the bad variants clearly.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from pathlib import Path

import docx
import pptx
import pytest
from fpdf import FPDF
from odf import dc, draw, meta, presentation, style, table, text
from odf.namespaces import PRESENTATIONNS
from odf.opendocument import OpenDocumentPresentation, OpenDocumentText
from pptx.util import Inches

from ingest.parsing import parse_document
from ingest.readers import read_file
from kb.config import ChunkingSettings, Settings
from kb.errors import UnreadableFile
from tests.conftest import EN, PT, write

CREATED = dt.datetime(2021, 5, 4, 10, 30)
NOTES = "Notas do orador: lembrar que a rede começou com doze fábricas de calçados."
SLIDE_TWO = "A cooperação entre pequenas empresas reduziu os custos de exportação em três mercados."


def read(path: Path):
    return read_file(path, 10 * 1024 * 1024, 50)[0]


def reason(path: Path) -> UnreadableFile:
    with pytest.raises(UnreadableFile) as caught:
        read(path)
    return caught.value


def docx_bytes(
    paragraphs: list[str], title: str = "Ficha da rede de fornecedores", table_rows: int = 2
) -> bytes:
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.created = CREATED
    if paragraphs:
        document.add_heading("Rede de fornecedores do APL de calçados", 1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table_rows:
        grid = document.add_table(rows=table_rows, cols=2)
        for row, cells in enumerate(
            [("Ano", "Empresas associadas"), ("2019", "quarenta e três")][:table_rows]
        ):
            for column, value in enumerate(cells):
                grid.cell(row, column).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pptx_bytes() -> bytes:
    deck = pptx.Presentation()
    deck.core_properties.title = "Encontro de clusters"
    deck.core_properties.created = CREATED
    first = deck.slides.add_slide(deck.slide_layouts[1])
    first.shapes.title.text = "Agenda da cooperação"
    first.placeholders[1].text = PT
    first.notes_slide.notes_text_frame.text = NOTES
    second = deck.slides.add_slide(deck.slide_layouts[5])  # title only: the body is a group and a table
    second.shapes.title.text = "Resultados da rede"
    group = second.shapes.add_group_shape()
    group.shapes.add_textbox(Inches(1), Inches(2), Inches(6), Inches(1)).text_frame.text = SLIDE_TWO
    grid = second.shapes.add_table(2, 2, Inches(1), Inches(4), Inches(6), Inches(1)).table
    for (row, column), value in {
        (0, 0): "Mercado",
        (0, 1): "Exportações",
        (1, 0): "Angola",
        (1, 1): "cresceram",
    }.items():
        grid.cell(row, column).text = value
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def odt_bytes() -> bytes:
    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text="Ficha do consórcio de exportação"))
    document.meta.addElement(meta.CreationDate(text="2020-09-15T08:00:00.123456789"))
    document.text.addElement(text.H(outlinelevel=1, text="Consórcio de exportação de móveis"))
    paragraph = text.P(text="Proponente: Associação")
    paragraph.addElement(text.S(c=2))
    paragraph.addText("moveleira de São Bento.")
    document.text.addElement(paragraph)
    items = text.List()
    for item in ("Missões comerciais conjuntas.", "Catálogo único em três línguas."):
        entry = text.ListItem()
        entry.addElement(text.P(text=item))
        items.addElement(entry)
    document.text.addElement(items)
    grid = table.Table(name="Resultados")
    for cells in (("Ano", "Contratos"), ("2020", "dezessete")):
        row = table.TableRow()
        for value in cells:
            cell = table.TableCell()
            cell.addElement(text.P(text=value))
            row.addElement(cell)
        grid.addElement(row)
    document.text.addElement(grid)
    document.text.addElement(text.P(text=PT))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odp_bytes() -> bytes:
    deck = OpenDocumentPresentation()
    layout = style.PageLayout(name="layout")
    deck.automaticstyles.addElement(layout)
    master = style.MasterPage(name="master", pagelayoutname=layout)
    deck.masterstyles.addElement(master)
    for number, body, notes in ((1, PT, NOTES), (2, SLIDE_TWO, "Notas finais sobre a exportação conjunta.")):
        page = draw.Page(name=f"slide{number}", masterpagename=master)
        deck.presentation.addElement(page)
        page.addElement(_odp_frame(f"Slide {number} da apresentação", "title"))
        page.addElement(_odp_frame(body))
        speaker = presentation.Notes()
        speaker.addElement(_odp_frame(notes, "notes"))
        page.addElement(speaker)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _odp_frame(words: str, kind: str | None = None) -> draw.Frame:
    frame = draw.Frame(width="20cm", height="4cm", x="1cm", y="1cm")
    if kind:
        frame.setAttrNS(PRESENTATIONNS, "class", kind)
    box = draw.TextBox()
    box.addElement(text.P(text=words))
    frame.addElement(box)
    return frame


def pdf_bytes() -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, EN)
    return bytes(pdf.output())


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def put(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# -- what each format gives ---------------------------------------------------------------


def test_docx_body_order_table_rows_title_and_date(tmp_path: Path) -> None:
    parsed = read(put(tmp_path / "ficha.docx", docx_bytes(["Proponente: Sebrae\nSetor: Calçados", PT])))
    assert parsed.file_type == "docx" and parsed.page_starts is None
    assert parsed.title == "Ficha da rede de fornecedores"
    assert parsed.info == {"date": "2021-05-04"}
    assert "Proponente: Sebrae\nSetor: Calçados" in parsed.text
    assert "Ano | Empresas associadas\n\n2019 | quarenta e três" in parsed.text
    order = [parsed.text.index(s) for s in ("Rede de fornecedores", "Proponente", "capacitação", "2019")]
    assert order == sorted(order)


def test_docx_without_a_title_property_takes_its_first_heading(tmp_path: Path) -> None:
    parsed = read(put(tmp_path / "sem-titulo.docx", docx_bytes([PT], title="")))
    assert parsed.title == "Rede de fornecedores do APL de calçados"


def test_pptx_slides_are_pages_with_notes_groups_and_tables(tmp_path: Path) -> None:
    parsed = read(put(tmp_path / "deck.pptx", pptx_bytes()))
    assert parsed.title == "Encontro de clusters" and parsed.info == {"date": "2021-05-04"}
    assert parsed.n_pages == 2
    assert parsed.page_at(parsed.text.index("Agenda da cooperação")) == 1
    assert parsed.page_at(parsed.text.index("doze fábricas")) == 1, "the notes stay with their slide"
    assert parsed.page_at(parsed.text.index("reduziu os custos")) == 2, "text inside a group"
    assert parsed.page_at(parsed.text.index("Angola | cresceram")) == 2


def test_odt_headings_lists_tables_title_and_date(tmp_path: Path) -> None:
    parsed = read(put(tmp_path / "ficha.odt", odt_bytes()))
    assert parsed.file_type == "odt" and parsed.title == "Ficha do consórcio de exportação"
    assert parsed.info == {"date": "2020-09-15"}
    assert "Proponente: Associação  moveleira de São Bento." in parsed.text, "text:s keeps its spaces"
    assert "Catálogo único em três línguas." in parsed.text and "2020 | dezessete" in parsed.text
    assert parsed.text.startswith("Consórcio de exportação de móveis")


def test_odp_slides_are_pages_with_their_notes(tmp_path: Path) -> None:
    parsed = read(put(tmp_path / "deck.odp", odp_bytes()))
    assert parsed.file_type == "odp" and parsed.n_pages == 2
    assert parsed.title == "Slide 1 da apresentação"
    assert parsed.page_at(parsed.text.index("doze fábricas")) == 1
    assert parsed.page_at(parsed.text.index("Notas finais")) == 2


# -- names that lie -------------------------------------------------------------------------


def test_a_docx_named_pdf_is_read_as_docx(tmp_path: Path) -> None:
    parsed = read(put(tmp_path / "ficha.pdf", docx_bytes([PT])))
    assert parsed.file_type == "docx" and "capacitação" in parsed.text


def test_a_pdf_named_txt_is_read_as_pdf(tmp_path: Path) -> None:
    parsed = read(put(tmp_path / "report.txt", pdf_bytes()))
    assert parsed.file_type == "pdf" and "COSME" in parsed.text


def test_a_pdf_without_extension_is_read(tmp_path: Path) -> None:
    assert read(put(tmp_path / "report", pdf_bytes())).file_type == "pdf"


def test_docx_whose_main_part_has_another_name_is_known_by_its_content_type(tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes([PT]))) as archive:
        members = {
            name.replace("document.xml", "body.xml"): archive.read(name).replace(
                b"/document.xml", b"/body.xml"
            )
            for name in archive.namelist()
        }
    assert "word/document.xml" not in members
    parsed = read(put(tmp_path / "renamed.bin", zip_bytes(members)))
    assert parsed.file_type == "docx" and "capacitação" in parsed.text


def test_a_zip_named_docx_is_refused(tmp_path: Path) -> None:
    error = reason(put(tmp_path / "ficha.docx", zip_bytes({"notes.txt": PT.encode()})))
    assert error.reason == "unsupported" and "ZIP archive, not a document" in error.detail


def test_text_named_docx_is_not_a_docx(tmp_path: Path) -> None:
    error = reason(write(tmp_path / "notes.docx", PT))
    assert error.reason == "corrupt" and "no ZIP structure" in error.detail


@pytest.mark.parametrize(
    ("name", "stream", "advice"),
    [
        ("old.doc", "WordDocument", "DOCX"),
        ("old.ppt", "PowerPoint Document", "PPTX"),
        ("x.txt", "WordDocument", "DOCX"),
    ],
)
def test_legacy_office_files_say_what_to_save_them_as(
    tmp_path: Path, name: str, stream: str, advice: str
) -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + stream.encode("utf-16-le") + bytes(500)
    error = reason(put(tmp_path / name, ole2))
    assert error.reason == "unsupported" and f"save it as {advice}" in error.detail


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("sheet.xlsx", zip_bytes({"xl/workbook.xml": b"<workbook/>"}), "spreadsheet"),
        (
            "sheet.ods",
            zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
            "spreadsheet",
        ),
        ("letter.rtf", b"{\\rtf1\\ansi Carta sobre a cooperativa}", "save it as DOCX"),
    ],
)
def test_other_office_formats_are_refused_with_advice(
    tmp_path: Path, name: str, data: bytes, words: str
) -> None:
    error = reason(put(tmp_path / name, data))
    assert error.reason == "unsupported" and words in error.detail


def test_password_protected_office_file_is_encrypted(tmp_path: Path) -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptedPackage".encode("utf-16-le")
    assert reason(put(tmp_path / "secret.docx", ole2)).reason == "encrypted"


def test_legacy_name_with_unknown_content_gets_advice(tmp_path: Path) -> None:
    error = reason(write(tmp_path / "notes.doc", "not really a doc"))
    assert error.reason == "unsupported" and "save it as DOCX" in error.detail


# -- damaged, empty and hostile files --------------------------------------------------------


def test_truncated_docx_is_corrupt(tmp_path: Path) -> None:
    data = docx_bytes([PT])
    assert reason(put(tmp_path / "cut.docx", data[: len(data) // 2])).reason == "corrupt"


def test_docx_with_a_damaged_part_is_corrupt(tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes([PT]))) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/document.xml"] = members["word/document.xml"][:300]
    assert reason(put(tmp_path / "broken.docx", zip_bytes(members))).reason == "corrupt"


def test_odt_with_broken_content_xml_is_corrupt_and_prints_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with zipfile.ZipFile(io.BytesIO(odt_bytes())) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["content.xml"] = members["content.xml"].replace(b"</office:text>", b"</office:txet>")
    assert reason(put(tmp_path / "broken.odt", zip_bytes(members))).reason == "corrupt"
    assert capsys.readouterr().out == "", "odfpy's parse report must not reach the CLI's output"


MAKERS = {"docx": lambda: docx_bytes([PT]), "pptx": pptx_bytes, "odt": odt_bytes, "odp": odp_bytes}


@pytest.mark.parametrize("suffix", sorted(MAKERS))
def test_damaged_office_files_fail_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    """Random bytes changed in the archive or inside one of its parts: read, or refused with a reason."""
    data, rng = MAKERS[suffix](), random.Random(7)
    for attempt in range(40):
        damaged = _flip_member(rng, data) if attempt % 2 else _flip(rng, data)
        try:
            read(put(tmp_path / f"damaged{attempt}.{suffix}", damaged))
        except UnreadableFile as error:
            assert error.reason in {"corrupt", "unsupported", "too-large", "no-text"}, error
    assert capsys.readouterr().out == ""


def _flip(rng: random.Random, data: bytes) -> bytes:
    changed = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        changed[rng.randrange(len(changed))] = rng.randrange(256)
    return bytes(changed)


def _flip_member(rng: random.Random, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    name = rng.choice(sorted(members))
    members[name] = _flip(rng, members[name]) if members[name] else b"\x00"
    return zip_bytes(members)


def test_macro_enabled_document_is_refused_with_advice(tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes([PT]))) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml"
    )
    error = reason(put(tmp_path / "macros.docm", zip_bytes(members)))
    assert error.reason == "unsupported" and "save it as DOCX" in error.detail


def test_encrypted_odt_is_refused(tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(odt_bytes())) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["META-INF/manifest.xml"] = members["META-INF/manifest.xml"].replace(
        b'"content.xml" manifest:media-type="text/xml"/>',
        b'"content.xml" manifest:media-type="text/xml"><manifest:encryption-data/></manifest:file-entry>',
    )
    assert reason(put(tmp_path / "secret.odt", zip_bytes(members))).reason == "encrypted"


def test_docx_without_text_is_no_text(tmp_path: Path) -> None:
    assert reason(put(tmp_path / "blank.docx", docx_bytes([], table_rows=0))).reason == "no-text"


def test_zip_with_too_many_entries_is_too_large(tmp_path: Path) -> None:
    members = {"word/document.xml": b"<x/>"} | {f"word/media/{i}.bin": b"" for i in range(5001)}
    error = reason(put(tmp_path / "many.docx", zip_bytes(members)))
    assert error.reason == "too-large" and "parts" in error.detail


def test_zip_declaring_a_huge_size_is_too_large(tmp_path: Path) -> None:
    data = bytearray(zip_bytes({"word/document.xml": PT.encode()}))
    entry = data.index(b"PK\x01\x02")  # the central directory entry: uncompressed size at +24
    data[entry + 24 : entry + 28] = (3 * 1024**3).to_bytes(4, "little")
    error = reason(put(tmp_path / "huge.docx", bytes(data)))
    assert error.reason == "too-large" and "would unpack" in error.detail


def test_member_with_an_absurd_ratio_is_too_large(tmp_path: Path) -> None:
    path = put(tmp_path / "bomb.docx", zip_bytes({"word/document.xml": bytes(20 * 1024 * 1024)}))
    assert path.stat().st_size < 100_000
    error = reason(path)
    assert error.reason == "too-large" and "inflates" in error.detail


# -- through the pipeline -------------------------------------------------------------------

SMALL_PASSAGES = Settings(chunking=ChunkingSettings(target_words=25, max_words=40, overlap_words=0))


def test_docx_goes_through_the_pipeline(tmp_path: Path) -> None:
    doc = parse_document(put(tmp_path / "ficha.docx", docx_bytes([PT, PT])), SMALL_PASSAGES)
    assert doc.file_type == "docx" and doc.language == "pt" and doc.n_pages is None
    assert doc.title == "Ficha da rede de fornecedores"
    assert all(p.page is None for p in doc.passages)


def test_pptx_passages_carry_their_slide_numbers(tmp_path: Path) -> None:
    doc = parse_document(put(tmp_path / "deck.pptx", pptx_bytes()), SMALL_PASSAGES)
    assert doc.file_type == "pptx" and doc.n_pages == 2
    pages = {p.page for p in doc.passages}
    assert pages == {1, 2}
    [results] = [p for p in doc.passages if "reduziu os custos" in p.text]
    assert results.page == 2


def test_a_web_page_saved_as_text_or_markdown_is_read_as_html(tmp_path: Path) -> None:
    page = (
        f"<!DOCTYPE html><html><head><title>Redes</title></head><body><main><p>{PT}</p></main></body></html>"
    )
    for name in ("page.txt", "page.md"):
        parsed, _ = read_file(write(tmp_path / name, page), 10**7, 10)
        assert parsed.file_type == "html" and "<" not in parsed.text and "Sebrae" in parsed.text


def test_a_note_that_starts_by_naming_the_pdf_format_stays_text(tmp_path: Path) -> None:
    parsed, _ = read_file(
        write(tmp_path / "nota.md", "%PDF-1.7 é a versão que o portal aceita.\n\n" + PT), 10**7, 10
    )
    assert parsed.file_type == "markdown"
