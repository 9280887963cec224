"""Text of scanned PDF pages: each page rendered with pypdfium2 and recognised by Tesseract.

Tesseract runs as a separate program (Debian's ``tesseract-ocr`` with the ``-por``, ``-ita``
and ``-eng`` language packs) with all three languages at once, so a page is read in whichever
of them it is written. Each page has a time limit and a file has a page limit; where Tesseract
is missing, scans keep the ``no-text`` reason and the message says how to enable OCR.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from functools import cache

from kb.errors import UnreadableFile

LANGUAGES = ("por", "ita", "eng")
DPI = 300
"""Resolution pages are rendered at: Tesseract reads body text best at about 300 dpi."""
MIN_NATIVE_DPI = 200
"""A page that is one scanned image of 200 to 300 dpi is rendered at its own resolution instead:
enlarging it adds no detail, and costs Tesseract a fifth more time (same text on test cards set
in 7 to 12 points); a coarser scan is still enlarged to 300 dpi."""
MAX_PAGES = int(os.environ.get("KB_OCR_MAX_PAGES", "30"))
PAGE_SECONDS = float(os.environ.get("KB_OCR_PAGE_SECONDS", "60"))
HOW_TO_ENABLE = (
    "install Tesseract to read scans (Debian/Ubuntu: apt install tesseract-ocr tesseract-ocr-por "
    "tesseract-ocr-ita tesseract-ocr-eng), or run OCR on the file first"
)


@cache
def missing() -> str | None:
    """Why OCR cannot run here (None when it can): no Tesseract, a language pack missing, or
    switched off with ``KB_OCR=0``."""
    if os.environ.get("KB_OCR", "1") == "0":
        return "OCR is switched off (KB_OCR=0)"
    program = shutil.which("tesseract")
    if program is None:
        return "Tesseract is not installed"
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as error:
        return f"Tesseract does not run ({error})"
    absent = [lang for lang in LANGUAGES if lang not in listed.stdout.split()]
    return f"Tesseract lacks the language data {', '.join(absent)}" if absent else None


def recognise_pages(data: bytes, pages: list[int]) -> dict[int, str]:
    """Recognised text of the given 0-based pages (at most ``MAX_PAGES``); a page whose
    recognition fails or runs out of time gives no text rather than costing the others."""
    if reason := missing():
        advice = "unset KB_OCR to read it" if "KB_OCR=0" in reason else HOW_TO_ENABLE
        raise UnreadableFile("no-text", f"the PDF has no text layer (a scan?); {reason}: {advice}")
    if len(pages) > MAX_PAGES:
        raise UnreadableFile(
            "too-large",
            f"{len(pages)} scanned pages is over the OCR limit of {MAX_PAGES} (KB_OCR_MAX_PAGES)",
        )
    import pypdfium2

    texts: dict[int, str | None] = {}  # None: the page ran out of time
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise UnreadableFile("corrupt", f"the scanned PDF cannot be drawn for OCR ({error})") from error
    try:
        for number in pages:
            image = io.BytesIO()  # in memory: a reader stopped mid-page leaves no file behind
            try:
                page = document[number]
                page.render(scale=_resolution(page) / 72, grayscale=True).to_pil().save(image, format="PNG")
            except (pypdfium2.PdfiumError, OSError, ValueError):  # a page that cannot be drawn
                continue
            texts[number] = _tesseract(image.getvalue())
    finally:
        document.close()
    if pages and all(texts.get(n) is None for n in pages):
        raise UnreadableFile(
            "too-slow", f"OCR took longer than {PAGE_SECONDS:g} s per page (KB_OCR_PAGE_SECONDS)"
        )
    return {number: text for number, text in texts.items() if text is not None}


def _resolution(page) -> float:  # a pypdfium2.PdfPage
    """The dpi to render a page at: its scan's own, when one image of 200 to 300 dpi (the same
    across and down) covers the page."""
    import pypdfium2
    import pypdfium2.raw

    try:
        images = list(page.get_objects(filter=(pypdfium2.raw.FPDF_PAGEOBJ_IMAGE,)))
        if len(images) != 1:
            return DPI
        metadata = images[0].get_metadata()
        left, bottom, right, top = images[0].get_bounds()
    except pypdfium2.PdfiumError:
        return DPI
    width, height = page.get_size()
    covers = (right - left) * (top - bottom) >= 0.8 * width * height  # not a logo on a drawn page
    square = abs(metadata.horizontal_dpi - metadata.vertical_dpi) <= 0.05 * metadata.horizontal_dpi
    native = metadata.horizontal_dpi if covers and square else 0.0  # a fax's 204×98 is not square
    return min(native, DPI) if native >= MIN_NATIVE_DPI else DPI


def _tesseract(png: bytes) -> str | None:
    """One page image (PNG, given on standard input) through Tesseract, single-threaded (pages
    run one after the other); None when it runs out of time."""
    command = ["tesseract", "stdin", "stdout", "-l", "+".join(LANGUAGES), "--psm", "3"]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(command, input=png, capture_output=True, timeout=PAGE_SECONDS, env=env)
    except subprocess.TimeoutExpired:
        return None
    return done.stdout.decode("utf-8", errors="replace").strip() if done.returncode == 0 else ""
