"""What a file really is, from its first bytes: curators rename, and names lie.

The content decides for PDF and for the ZIP-based office formats (DOCX, PPTX, ODT, ODP);
the name decides only among the text formats, which have no signature. Legacy Office
files and archives are refused with what to do instead. ZIP-based files are checked
against decompression bombs before any reader unpacks them.
"""

from __future__ import annotations

import io
import re
import zipfile

from kb.errors import UnreadableFile

FILE_TYPES = {
    ".pdf": "pdf",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pptx": "pptx",
    ".odt": "odt",
    ".odp": "odp",
}
ZIP_TYPES = {"docx": "DOCX", "pptx": "PPTX", "odt": "ODT", "odp": "ODP"}

SAVE_AS_DOCX = "open it in a word processor and save it as DOCX (or ODT)"
SAVE_AS_PPTX = "open it in a presentation program and save it as PPTX (or ODP)"
LEGACY = {
    ".doc": f"a Word 97–2003 document; {SAVE_AS_DOCX}",
    ".dot": f"a Word 97–2003 template; {SAVE_AS_DOCX}",
    ".rtf": f"an RTF document; {SAVE_AS_DOCX}",
    ".ppt": f"a PowerPoint 97–2003 presentation; {SAVE_AS_PPTX}",
    ".pps": f"a PowerPoint 97–2003 slide show; {SAVE_AS_PPTX}",
    ".xls": "an Excel 97–2003 spreadsheet; spreadsheets are not read, only documents and slides",
    ".xlsx": "a spreadsheet; spreadsheets are not read, only documents and slides",
    ".ods": "a spreadsheet; spreadsheets are not read, only documents and slides",
}
"""Formats people do have, with the way to a readable one."""

PDF_MAGIC = b"%PDF-"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a member first, or an empty archive
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc, .ppt, .xls (and encrypted DOCX)
RTF_MAGIC = b"{\\rtf"

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_DIRECTORY_BYTES = MAX_ENTRIES * 1024  # central directory; read whole by zipfile, so checked first
MAX_RATIO = 200  # deflate reaches ~1000:1 on repeated bytes; real XML and media stay far below 200:1
RATIO_FLOOR = 1024 * 1024  # small members may compress absurdly well without harm

_ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}
_OOXML_PARTS = {"word/document.xml": "docx", "ppt/presentation.xml": "pptx", "xl/workbook.xml": "xlsx"}
_OOXML_MAIN_TYPES = {
    b".wordprocessingml.document.main+xml": "docx",
    b".presentationml.presentation.main+xml": "pptx",
    b".spreadsheetml.sheet.main+xml": "xlsx",
}
"""Content types of the main part, for packages that name it otherwise (word/document2.xml)."""


def recognised(head: bytes) -> bool:
    """Whether the first bytes carry a signature this module can tell apart."""
    return head.startswith((PDF_MAGIC, *ZIP_MAGICS, OLE2_MAGIC, RTF_MAGIC))


def sniff(data: bytes, suffix: str) -> str:
    """The file type to read ``data`` as; raises for formats that are not read."""
    if _is_pdf(data):
        return "pdf"
    if data.startswith(ZIP_MAGICS):
        return _zip_kind(data)
    if data.startswith(OLE2_MAGIC):
        raise _legacy_office(data, suffix)
    if data.startswith(RTF_MAGIC):
        raise UnreadableFile("unsupported", LEGACY[".rtf"])
    file_type = FILE_TYPES.get(suffix)
    if file_type in ("text", "markdown") and _HTML_START.match(data[:512].lstrip().lower()):
        return "html"  # a web page saved under a text name
    if file_type in ZIP_TYPES:
        name = ZIP_TYPES[file_type]
        raise UnreadableFile("corrupt", f"not a {name} file (no ZIP structure); is the file name wrong?")
    if file_type is None:
        raise unsupported(suffix)
    return file_type


_HTML_START = re.compile(rb"<!doctype html|<html[\s>]")


def _is_pdf(data: bytes) -> bool:
    """A PDF header ("%PDF-1.7", blank lines before it allowed) followed by PDF objects, not a
    note that starts by naming the format."""
    head = data[:1024].lstrip()
    return bool(re.match(rb"%PDF-\d\.\d", head)) and b" obj" in data[:65536]


def unsupported(suffix: str) -> UnreadableFile:
    if suffix in LEGACY:
        return UnreadableFile("unsupported", LEGACY[suffix])
    kinds = ", ".join(sorted(FILE_TYPES))
    return UnreadableFile("unsupported", f"file type {suffix or '(none)'!r}; use {kinds}")


def open_zip(data: bytes) -> zipfile.ZipFile:
    """The archive, once its directory shows it unpacks within the limits."""
    _check_directory_size(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except Exception as error:  # BadZipFile, or NotImplementedError, ValueError, OSError on odd headers
        raise UnreadableFile("corrupt", f"damaged ZIP container ({str(error)[:120]})") from error
    if len(members) > MAX_ENTRIES:
        raise UnreadableFile("too-large", f"{len(members)} parts in the archive (limit {MAX_ENTRIES})")
    total = sum(member.file_size for member in members)
    if total > MAX_UNPACKED_BYTES:
        raise UnreadableFile(
            "too-large", f"would unpack to {total / 2**20:.0f} MB (limit {MAX_UNPACKED_BYTES / 2**20:.0f} MB)"
        )
    for member in members:
        if member.file_size > RATIO_FLOOR and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise UnreadableFile(
                "too-large",
                f"{member.filename!r} inflates {member.file_size // max(member.compress_size, 1)}:1",
            )
    return archive


def _check_directory_size(data: bytes) -> None:
    """Refuse an oversized central directory before zipfile builds an object per entry."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0:
        raise UnreadableFile("corrupt", "damaged ZIP container (no end of central directory)")
    size = int.from_bytes(data[end + 12 : end + 16], "little")
    if size == 0xFFFFFFFF:  # ZIP64: the real size sits in the ZIP64 end record
        end64 = data.rfind(b"PK\x06\x06", 0, end)
        size = int.from_bytes(data[end64 + 40 : end64 + 48], "little") if end64 >= 0 else size
    if size > MAX_DIRECTORY_BYTES:
        raise UnreadableFile(
            "too-large", f"the archive's directory takes {size / 1e6:.1f} MB (too many parts)"
        )


def _zip_kind(data: bytes) -> str:
    """Which document a ZIP holds; refuses spreadsheets and other archives."""
    with open_zip(data) as archive:
        kind = _package_kind(archive)
    if kind in ZIP_TYPES:
        return kind
    if kind is not None:
        raise UnreadableFile("unsupported", LEGACY[f".{kind}"])
    raise UnreadableFile(
        "unsupported", "a ZIP archive, not a document (DOCX, PPTX, ODT or ODP); unpack it first"
    )


def _package_kind(archive: zipfile.ZipFile) -> str | None:
    """OOXML by its main part's name or content type, OpenDocument by its ``mimetype`` entry."""
    names = set(archive.namelist())
    for part, kind in _OOXML_PARTS.items():
        if part in names:
            return kind
    types = _small_member(archive, "[Content_Types].xml", 2**20)
    for main, kind in _OOXML_MAIN_TYPES.items():
        if main in types:
            return kind
    return _ODF_MIMETYPES.get(_small_member(archive, "mimetype", 200).decode("ascii", "replace").strip())


def _small_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A member's bytes, or none when it is absent or larger than a signature needs."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return b""
    if info.file_size > limit:
        return b""
    try:
        return archive.read(info)
    except Exception as error:  # zipfile and zlib raise several kinds on damaged members
        raise UnreadableFile("corrupt", f"damaged ZIP container ({str(error)[:120]})") from error


def _legacy_office(data: bytes, suffix: str) -> UnreadableFile:
    """Name the old format by the streams inside the container, not by the file name."""

    def holds(stream: str) -> bool:
        return stream.encode("utf-16-le") in data

    if holds("EncryptedPackage"):
        return UnreadableFile("encrypted", "a password-protected Office file; remove the password first")
    if holds("PowerPoint Document"):
        return UnreadableFile("unsupported", LEGACY[".ppt"])
    if holds("WordDocument"):
        return UnreadableFile("unsupported", LEGACY[".doc"])
    if holds("Workbook") or holds("Book"):
        return UnreadableFile("unsupported", LEGACY[".xls"])
    return UnreadableFile(
        "unsupported",
        LEGACY.get(suffix, f"a legacy Office file (Word, PowerPoint or Excel 97–2003); {SAVE_AS_DOCX}"),
    )
