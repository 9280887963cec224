"""Plain text and Markdown: decode (UTF-8 first, then a detected legacy encoding)."""

from __future__ import annotations

import re
from datetime import date

import yaml
from charset_normalizer import from_bytes
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ingest.boilerplate import strip_boilerplate
from ingest.readers.base import ParsedFile, emphasis_info
from kb.errors import UnreadableFile
from kb.text import MONTH, fold
from kb.yaml_data import load_yaml

WESTERN = {"cp1252", "latin_1", "iso8859_15"}
_CONTROL = {chr(c) for c in range(32)} - {"\n", "\r", "\t", "\f"}


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else the encoding charset-normalizer finds most likely."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # anywhere, not only at the start
        raise UnreadableFile("binary", "the file holds binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise UnreadableFile("binary", "the file is not text in any known encoding")
    # Equally plausible code pages tie often; for pt/it/en text the Western one is right.
    tied = [m for m in matches if m.chaos <= best.chaos + 0.01]
    best = next((m for m in tied if WESTERN & set(m.could_be_from_charset)), best)
    text = str(best)
    if sum(ch in _CONTROL for ch in text) > max(8, len(text) // 200):
        raise UnreadableFile("binary", "the file holds binary data, not text")
    return text


_HEADER = re.compile(r"(?i)^(?:from|de|da|to|para|a|cc|bcc|sent|enviado|inviato|date|data)\s*:")
_SUBJECT = re.compile(
    r"(?i)^(?:subject|assunto|oggetto)\s*:\s*(?:(?:re|res|fw|fwd|enc|r|i|ris|rif)\s*:\s*)*(.*)$"
)


def email_subject(text: str) -> str | None:
    """The subject of a text that opens with an e-mail's headers ("From: …", "To: …", "Subject: …";
    "De:", "Para:", "Assunto:"; "Da:", "A:", "Oggetto:"): what the message is about, where its first
    line is only its sender."""
    lines = [line.strip() for line in text.splitlines()[:10] if line.strip()]
    if not lines or not _HEADER.match(lines[0]):
        return None
    for line in lines:
        if subject := _SUBJECT.match(line):
            return subject.group(1).strip() or None
        if not _HEADER.match(line):
            return None
    return None


_PLACE_WORD = r"(?-i:[A-ZÀ-Ý])[^\W\d_]*(?:['’.-][^\W\d_]+)*\.?"
_DATELINE_ONLY = re.compile(
    rf"(?i)(?!(?:seminário|seminario|workshop|webinar|encontro|reunião|convegno|incontro|press|comunicado|"
    rf"resolução|decreto|circular|portaria|lei|legge|law)\b)"
    rf"(?:{_PLACE_WORD}(?:[ \t]+(?:(?:de|do|da|dos|das|di|del|della|of|on|upon|sur)[ \t]+)?{_PLACE_WORD}){{0,3}}"
    rf"(?:[ \t]*\((?-i:[A-Z]{{2}})\))?,[ \t]*)?"
    rf"(?:\w+-feira,?[ \t]*|(?:lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|monday|tuesday|"
    rf"wednesday|thursday|friday|saturday|sunday),?[ \t]*)?"
    rf"(?:\d{{1,2}}[°º]?[ \t]+(?:de[ \t]+)?{MONTH}[ \t]+(?:de[ \t]+)?|{MONTH}[ \t]+\d{{1,2}},[ \t]*|"
    rf"\d{{1,2}}[/.-]\d{{1,2}}[/.-])(?:19|20)\d\d\.?"
)
"""A line that is only a place and a date, or a date ("Nova Friburgo (RJ), 14 de março de 2019",
"Lucca, 3 marzo 2023", "March 4, 2021"): a letter's or a news item's dateline, not its title. The
place is capitalised words without digits, and no genre or act ("Press release, 4 March 2021",
"Resolução nº 5, 14 de março de 2019" are titles)."""


def first_line(text: str, limit: int = 160) -> str | None:
    """The text's title: its first line (a Markdown heading's marks aside) that is no dateline, or
    an e-mail's subject."""
    if subject := email_subject(text):
        return subject[:limit]
    for line in text.splitlines():
        line = line.strip().strip("#").strip()
        if line and not _DATELINE_ONLY.fullmatch(line):
            return line[:limit]
    return None


def read_text(data: bytes) -> ParsedFile:
    text = strip_boilerplate(decode(data).replace("\r\n", "\n").replace("\r", "\n"))
    return ParsedFile(text=text, file_type="text", title=first_line(text))


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


_ALIAS = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s]")
_ROLES = {
    "title": "title titulo titolo",
    "description": "description summary descricao resumo sommario riassunto descrizione",
    "date": "date data published publicado pubblicato publicacao pubblicazione",
    "other": "author authors autor autore autores autori tags etiquetas tag categories categorias categorie "
    "layout slug draft lang keywords palavras-chave parole-chiave",
}
"""A front matter's keys, folded, in the three languages, by what they tell (a blog in Portuguese
writes ``título:`` and ``publicado:``)."""
_ROLE_OF = {key: role for role, keys in _ROLES.items() for key in keys.split()}


def front_matter(source: str) -> tuple[dict[str, object], str]:
    """A leading YAML block of fields (as blogs and note apps export Markdown: ``title:``,
    ``date:``, ``tags:``) and the text after it; none when the block is not a YAML mapping."""
    match = _FRONT_MATTER.match(source)
    if not match or _ALIAS.search(match.group(1)):  # anchors and aliases: no front matter has them
        return {}, source
    try:
        fields = load_yaml(match.group(1))
    except yaml.YAMLError:
        return {}, source
    if not isinstance(fields, dict) or not any(fold(str(k)) in _ROLE_OF for k in fields):
        return {}, source  # "Nome: …" lines between two rules are a card's, not a front matter
    # "Título: …", "Proponente: …": a card's labels are capitalised, a front matter's keys are not
    if any(str(k) != str(k).lower() for k in fields):
        return {}, source
    return fields, source[match.end() :]


def _told(fields: dict[str, object], role: str) -> list[str]:
    """The front matter's scalar values for one role, in the order written."""
    return [str(v).strip() for k, v in fields.items() if _ROLE_OF.get(fold(str(k))) == role and _scalar(v)]


_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def read_markdown(data: bytes) -> ParsedFile:
    """Markdown reduced to its words: block structure kept as lines, markup dropped; a front
    matter's title and description lead the text, its date dates the file."""
    fields, source = front_matter(decode(data).replace("\r\n", "\n"))
    told = _told(fields, "title")[:1] + _told(fields, "description")
    told = [line for line in told if line not in source[:500]]  # a heading may repeat the title
    source = "".join(f"{line}\n\n" for line in told) + source
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    blocks: list[str] = []
    row: list[str] | None = None  # the cells of the table row being read
    title = None
    emphasis: list[str] = []
    for i, token in enumerate(tokens):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:  # a row stays a row: "| Ano | 2011 |"
            blocks.append("| " + " | ".join(row) + " |")
            row = None
        elif token.type == "inline":
            content = "".join(_inline_text(child) for child in token.children or []) or token.content
            emphasis += _strong(token.children or [])
            if row is not None:
                row.append(" ".join(content.split()))
                continue
            blocks.append(content)
            if title is None and i > 0 and tokens[i - 1].type == "heading_open":
                title = content.strip()
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip())
    text = strip_boilerplate(_joined(blocks))
    if title is not None and strip_boilerplate(title) != title:
        title = None  # a heading that is itself a menu or a placeholder
    title = next(iter(_told(fields, "title")), title)
    # the first date that holds a year ("published: true" beside "date: 2021-09-02" says nothing)
    dated = next((v for v in _told(fields, "date") if _A_YEAR.search(v)), "")
    year = _A_YEAR.search(dated)  # "2021-09-02", "9 de setembro de 2023"
    info = {"date": dated[:10] if year and year.start() == 0 else year.group()} if year else {}
    info |= emphasis_info(emphasis)
    return ParsedFile(text=text, file_type="markdown", title=title or first_line(text), info=info)


def _strong(children: list[Token]) -> list[str]:
    """The words set in bold in one block ("A **Zona … di Qianhai** è stata avviata"), each run once."""
    runs: list[str] = []
    depth = 0
    for child in children:
        if child.type == "strong_open":
            depth += 1
            runs += [""] if depth == 1 else []
        elif child.type == "strong_close":
            depth = max(0, depth - 1)
        elif depth:
            runs[-1] += _inline_text(child)
    return [" ".join(run.split()) for run in runs if run.strip()]


def _scalar(value: object) -> bool:
    """A front matter value that reads as text (not a list, a mapping or nothing)."""
    return (
        isinstance(value, str | int | float | date)
        and not isinstance(value, bool)
        and bool(str(value).strip())
    )


def _joined(blocks: list[str]) -> str:
    """Blocks apart by a blank line, the rows of one table by a line break."""
    out = ""
    for block in (b for b in blocks if b.strip()):
        together = out.endswith("|") and block.startswith("| ")
        out += ("\n" if together else "\n\n" if out else "") + block
    return out


def _inline_text(child: Token) -> str:
    """A line break inside a paragraph stays a line break: a card's "**Name:** …" lines stay apart."""
    if child.type in ("softbreak", "hardbreak"):
        return "\n"
    return child.content if child.type in ("text", "code_inline") else ""
