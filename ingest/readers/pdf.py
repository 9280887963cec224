"""PDF text with pypdf, page by page, so every passage knows its page."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PdfReadError

from ingest.readers import ocr
from ingest.readers.base import ParsedFile
from kb.errors import UnreadableFile

MIN_TEXT_CHARS = 40
"""Fewer visible characters than this over the whole file means a scan without OCR."""
MIN_PAGE_CHARS = 10
"""A page with fewer visible characters has no text layer worth keeping (a scan, a picture)."""


def read_pdf(data: bytes, max_pages: int) -> ParsedFile:
    reader = _open(data, max_pages)
    parts = [_page_text(page) for page in reader.pages]
    info = _info(reader)
    scanned = [number for number, text in enumerate(parts) if _visible(text) < MIN_PAGE_CHARS]
    has_text = _visible("".join(parts)) >= MIN_TEXT_CHARS
    recognised = _recognised(data, scanned, has_text)
    for number, text in recognised.items():
        parts[number] = text
    if recognised:
        info["ocr_pages"] = ",".join(str(number + 1) for number in sorted(recognised))
    if scanned and has_text and ocr.missing():  # read again once OCR can run (see parsing.py)
        info["ocr_skipped"] = ",".join(str(number + 1) for number in scanned)
    page_starts, offset = [], 0
    for text in parts:
        page_starts.append(offset)
        offset += len(text) + 2
    full = "\n\n".join(parts)
    visible = _visible(full)
    if visible == 0:
        why = "no letters even after OCR (drawings or blank pages?)" if scanned else "no text layer"
        raise UnreadableFile("no-text", f"the PDF has {why}")
    if visible < MIN_TEXT_CHARS:
        raise UnreadableFile(
            "no-text", f"only {visible} characters of text in {len(parts)} page(s); too little to index"
        )
    return ParsedFile(text=full, file_type="pdf", title=_title(reader), page_starts=page_starts, info=info)


def _visible(text: str) -> int:
    return sum(not ch.isspace() for ch in text)


def _recognised(data: bytes, scanned: list[int], has_text: bool) -> dict[int, str]:
    """OCR text of the pages without a text layer that gave letters. A file with text
    elsewhere is read without OCR when Tesseract is missing (a cover image is no loss), and
    only its first scanned pages within the OCR page limit are recognised."""
    if not scanned or (has_text and ocr.missing()):
        return {}
    pages = scanned[: ocr.MAX_PAGES] if has_text else scanned
    return {
        n: text for n, text in ocr.recognise_pages(data, pages).items() if _visible(text) >= MIN_PAGE_CHARS
    }


def _open(data: bytes, max_pages: int) -> PdfReader:
    """A readable, unlocked PDF within the page limit, or the reason it is not one."""
    if b"%PDF" not in data[:1024]:
        raise UnreadableFile("corrupt", "not a PDF (no %PDF header); is the file name wrong?")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        _unlock(reader)
        n_pages = len(reader.pages)
    except UnreadableFile:
        raise
    except LimitReachedError as error:
        raise UnreadableFile(
            "too-large", f"the PDF would decompress past the safety limit ({_short(error)})"
        ) from error
    except Exception as error:  # pypdf raises many kinds on malformed input
        raise UnreadableFile("corrupt", f"damaged PDF ({_short(error)})") from error
    if n_pages > max_pages:
        raise UnreadableFile("too-large", f"{n_pages} pages is over the {max_pages}-page limit")
    return reader


def _page_text(page: object) -> str:
    """One page's text; a damaged page gives none, a decompression bomb refuses the file."""
    try:
        text = page.extract_text() or ""  # type: ignore[attr-defined]
    except LimitReachedError as error:
        raise UnreadableFile(
            "too-large", f"a page would decompress past the safety limit ({_short(error)})"
        ) from error
    except Exception:  # one bad page should not cost the others
        text = ""
    if not text.strip():
        _refuse_bombs(page)
    return text.replace("\x00", "").strip()


def _refuse_bombs(page: object) -> None:
    """pypdf stops at its decompression limit but then reports an empty page; say why instead."""
    try:
        page.get_contents()  # type: ignore[attr-defined]
    except LimitReachedError as error:
        raise UnreadableFile(
            "too-large", f"a page would decompress past the safety limit ({_short(error)})"
        ) from error
    except Exception:
        return


def _unlock(reader: PdfReader) -> None:
    """Open PDFs whose only password is the empty one; refuse the others clearly."""
    if not reader.is_encrypted:
        return
    try:
        if reader.decrypt(""):
            return
    except (DependencyError, FileNotDecryptedError, NotImplementedError) as error:
        raise UnreadableFile("encrypted", f"encrypted PDF that cannot be opened ({_short(error)})") from error
    raise UnreadableFile("encrypted", "the PDF is password-protected; remove the password first")


def _title(reader: PdfReader) -> str | None:
    try:
        title = (reader.metadata or {}).get("/Title")
    except (PdfReadError, Exception):
        return None
    title = str(title).strip() if title else ""
    if not title or title.lower() in {"untitled", "sem título", "senza titolo"} or "." in title[-5:]:
        return None
    return title


def _info(reader: PdfReader) -> dict[str, str]:
    try:
        created = reader.metadata.creation_date if reader.metadata else None
    except Exception:
        return {}
    return {"date": created.date().isoformat()} if created else {}


def _short(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:120]
