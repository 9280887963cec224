"""Scanned PDFs read by OCR: a generated image-only card, drawings without letters, no Tesseract."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from ingest.parsing import parse_document
from ingest.readers import ocr, read_file
from kb.config import Settings
from kb.errors import UnreadableFile
from kb.facets import OCR_PAGES
from kb.knowledge_base import KnowledgeBase
from kb.request import SearchRequest
from tests.conftest import page_html

ROOT = Path(__file__).resolve().parent.parent


def _scan_script():  # the corpus script that typesets a card and keeps only its page images
    spec = importlib.util.spec_from_file_location(
        "build_corpus_scan", ROOT / "scripts" / "build_corpus_scan.py"
    )
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="module", autouse=True)
def tesseract_installed() -> None:
    if ocr.missing():
        pytest.fail(f"OCR tests need Tesseract ({ocr.missing()}): run `make ocr` or {ocr.HOW_TO_ENABLE}")


def character_error_rate(found: str, expected: str) -> float:
    """Edit distance between the two texts (spaces folded) over the expected text's length."""
    a, b = " ".join(found.split()), " ".join(expected.split())
    previous = list(range(len(b) + 1))
    for i, ch in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ch != other)))
        previous = current
    return previous[-1] / max(1, len(b))


def test_a_scanned_card_is_recognised_with_its_accents(tmp_path: Path) -> None:
    scan = _scan_script()
    path = tmp_path / "ficha.pdf"
    path.write_bytes(scan.scanned_pdf(scan.CARD))
    parsed, _ = read_file(path, 10**8, 100)
    rate = character_error_rate(parsed.text, scan.CARD)
    print(f"character error rate on the scanned card: {rate:.2%}")
    assert rate <= 0.03
    for field in ("Referência temporal: 2018", "Contexto geográfico: Vale do Jaguaribe, Ceará", "Lições"):
        assert field in parsed.text
    assert parsed.info["ocr_pages"] == "1"


@pytest.mark.parametrize(("scanned_at", "rendered_at"), [(100, 300), (200, 200), (240, 240), (400, 300)])
def test_a_scan_is_rendered_at_its_own_resolution_between_200_and_300_dpi(
    scanned_at: int, rendered_at: int
) -> None:
    """Enlarging a 200-dpi scan to 300 adds no detail and costs Tesseract a fifth more time."""
    import pypdfium2

    document = pypdfium2.PdfDocument(_scan_script().scanned_pdf("Ficha de boa prática", dpi=scanned_at))
    try:
        assert ocr._resolution(document[0]) == pytest.approx(rendered_at, abs=0.5)
    finally:
        document.close()


def test_a_fax_or_a_logo_is_rendered_at_300_dpi() -> None:
    """Only a page-covering image whose resolution is the same across and down is the scan's:
    a fax page (about 210 × 92 dpi here) or a 250-dpi logo on an otherwise drawn page is not."""
    import pypdfium2
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(Image.new("L", (1734, 1078), 255), x=0, y=0, w=210, h=297)
    pdf.add_page()
    pdf.image(Image.new("L", (250, 250), 0), x=20, y=20, w=25.4, h=25.4)
    document = pypdfium2.PdfDocument(bytes(pdf.output()))
    try:
        assert [ocr._resolution(document[n]) for n in range(2)] == [ocr.DPI, ocr.DPI]
    finally:
        document.close()


def test_a_scanned_card_gets_its_metadata_and_says_it_was_recognised(tmp_path: Path) -> None:
    scan = _scan_script()
    path = tmp_path / "ficha.pdf"
    path.write_bytes(scan.scanned_pdf(scan.CARD))
    doc = parse_document(path, Settings())
    assert doc.language == "pt"
    assert doc.title == "Laboratório compartilhado do APL de cerâmica vermelha", (
        "the card's name, not the file's"
    )
    assert doc.year == 2018
    facets = {(f.field, f.value) for f in doc.facets}
    assert ("country", "BR") in facets
    assert (OCR_PAGES, "1") in facets
    assert {p.page for p in doc.passages} == {1}


def _image_pdf(draw) -> bytes:
    image = Image.new("L", (1200, 1600), 255)
    draw(ImageDraw.Draw(image))
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=150)
    return out.getvalue()


def test_a_drawing_without_letters_is_still_no_text(tmp_path: Path) -> None:
    path = tmp_path / "diagram.pdf"
    path.write_bytes(
        _image_pdf(lambda d: (d.rectangle((200, 200, 900, 700), width=8), d.ellipse((300, 900, 800, 1400))))
    )
    with pytest.raises(UnreadableFile) as raised:
        read_file(path, 10**8, 100)
    assert raised.value.reason == "no-text"
    assert "OCR" in str(raised.value)


def test_without_tesseract_a_scan_says_how_to_enable_ocr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan = _scan_script()
    path = tmp_path / "ficha.pdf"
    path.write_bytes(scan.scanned_pdf(scan.CARD))
    monkeypatch.setattr(ocr, "missing", lambda: "Tesseract is not installed")
    with pytest.raises(UnreadableFile) as raised:
        read_file(path, 10**8, 100)
    assert raised.value.reason == "no-text"
    assert "apt install tesseract-ocr" in str(raised.value)


def test_too_many_scanned_pages_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scan = _scan_script()
    path = tmp_path / "long-scan.pdf"
    path.write_bytes(scan.scanned_pdf("\n".join(["Página de um relatório digitalizado."] * 200), dpi=30))
    monkeypatch.setattr(ocr, "MAX_PAGES", 2)
    with pytest.raises(UnreadableFile) as raised:
        read_file(path, 10**8, 100)
    assert raised.value.reason == "too-large"
    assert "KB_OCR_MAX_PAGES" in str(raised.value)


def test_the_practice_page_and_search_say_a_passage_was_recognised_from_a_scan(
    small_kb: KnowledgeBase, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ingest.pipeline import ingest_paths
    from tests.test_app_pages import page

    scan = _scan_script()
    (small_corpus / "ficha-scan.pdf").write_bytes(scan.scanned_pdf(scan.CARD))
    ingest_paths(small_kb, [small_corpus / "ficha-scan.pdf"], Settings(index_dir=small_kb.index_dir))
    hits = small_kb.search(SearchRequest("laboratório de ensaios das olarias")).hits
    scanned = [h for h in hits if h.doc_id == "ficha-scan"]
    assert scanned and scanned[0].scanned and scanned[0].as_dict()["scanned"] is True
    monkeypatch.setenv("KB_INDEX", str(small_kb.index_dir))
    monkeypatch.setenv("KB_CORPUS_DIR", str(small_corpus))
    at = page("app_pages/practice_page.py", doc="ficha-scan", ui="en")
    at.run()
    assert not at.exception
    assert "text recognised from a scan" in page_html(at)


def _mixed_pdf() -> bytes:
    """Page 1 typeset with a text layer, page 2 a scan of the card."""
    from fpdf import FPDF
    from pypdf import PdfReader, PdfWriter

    typeset = FPDF()
    typeset.add_page()
    typeset.set_font("helvetica", size=12)
    typeset.multi_cell(0, 7, "Relatório anual da rede de olarias. " * 12)
    writer = PdfWriter()
    for source in (bytes(typeset.output()), _scan_script().scanned_pdf(_scan_script().CARD)):
        for page in PdfReader(io.BytesIO(source)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_mixed_pdf_read_without_ocr_is_read_again_once_ocr_can_run(
    hash_kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ingest.pipeline import ingest_paths

    path = tmp_path / "relatorio.pdf"
    path.write_bytes(_mixed_pdf())
    settings = Settings(index_dir=hash_kb.index_dir)
    with monkeypatch.context() as without_ocr:
        without_ocr.setattr(ocr, "missing", lambda: "Tesseract is not installed")
        assert ingest_paths(hash_kb, [path], settings).counts["added"] == 1
        assert "olarias" in " ".join(text for _, text, _ in hash_kb.passages("relatorio"))
        assert "Vale do Jaguaribe" not in " ".join(text for _, text, _ in hash_kb.passages("relatorio"))
        assert ingest_paths(hash_kb, [path], settings).counts["unchanged"] == 1
    assert ingest_paths(hash_kb, [path], settings).counts["updated"] == 1, "read again with OCR"
    assert "Vale do Jaguaribe" in " ".join(text for _, text, _ in hash_kb.passages("relatorio"))
    assert ingest_paths(hash_kb, [path], settings).counts["unchanged"] == 1


def test_ocr_switched_off_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ficha.pdf"
    path.write_bytes(_scan_script().scanned_pdf(_scan_script().CARD))
    monkeypatch.setenv("KB_OCR", "0")
    ocr.missing.cache_clear()
    try:
        with pytest.raises(UnreadableFile) as raised:
            read_file(path, 10**8, 100)
    finally:
        monkeypatch.delenv("KB_OCR")
        ocr.missing.cache_clear()
    assert "KB_OCR=0" in str(raised.value) and "unset KB_OCR" in str(raised.value)


def test_ocr_out_of_time_on_every_page_is_too_slow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ficha.pdf"
    path.write_bytes(_scan_script().scanned_pdf(_scan_script().CARD))
    monkeypatch.setattr(ocr, "PAGE_SECONDS", 0.001)
    with pytest.raises(UnreadableFile) as raised:
        read_file(path, 10**8, 100)
    assert raised.value.reason == "too-slow"
    assert "KB_OCR_PAGE_SECONDS" in str(raised.value)
