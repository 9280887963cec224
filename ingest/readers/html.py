"""HTML reduced to its main text by trafilatura (menus, banners and footers dropped)."""

from __future__ import annotations

import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from ingest.boilerplate import strip_boilerplate
from ingest.genre_titles import a_genre_label
from ingest.readers.base import ParsedFile, emphasis_info
from ingest.readers.text import decode


def without_code(html: str) -> str:
    """The page with scripts, styles and templates removed, so their text reaches neither body
    nor title, its definition lists written as "term: definition" paragraphs, a box of facts set
    aside ("Quick facts: Location: … · Launch: 2011") kept as a section of the text (the extraction
    drops every ``<aside>``), its layout tables read as blocks (:func:`layout_tables_as_blocks`),
    and its content wrapped as an article if nothing is (:func:`as_an_article`)."""
    try:
        tree = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    for element in tree.xpath("//script | //style | //noscript | //template"):
        element.drop_tree()
    for listing in tree.xpath("//dl[not(ancestor::dl)]"):  # a nested list is read with its parent
        block = definitions_as_paragraphs(listing)
        block.tail = listing.tail
        if listing.getparent() is not None:
            listing.getparent().replace(listing, block)
    for box in tree.xpath("//aside"):
        if a_box_of_facts(box.text_content()):
            box.tag = "section"
    layout_tables_as_blocks(tree)
    as_an_article(tree)
    return lxml_html.tostring(tree, encoding="unicode")


_LAYOUT_CELL = "td[h1 or h2 or h3 or h4 or h5 or h6 or count(p | ul | ol | blockquote | table) >= 3]"
"""A cell that lays out a page: it holds a heading, or three blocks or more. A card laid out as a table
(a Word export's "<td><p>Ano de criação</p></td>") holds one paragraph a cell."""


def layout_tables_as_blocks(tree: lxml_html.HtmlElement) -> None:
    """A table that lays out a page (an e-mail newsletter's "<table><tr><td><h1>…<p>…"), read as
    blocks: a table's text is one line per row, which runs a whole newsletter into one line and hides
    its dateline. Only its own rows and cells change: a table of data inside it stays a table."""
    for table in tree.xpath(f"//table[tr/{_LAYOUT_CELL} or */tr/{_LAYOUT_CELL}]"):
        rows = table.xpath("tr | */tr")
        for part in [
            table,
            *table.xpath("tbody | thead | tfoot"),
            *rows,
            *(c for r in rows for c in r.xpath("td | th")),
        ]:
            part.tag = "div"
            part.attrib.clear()


def a_box_of_facts(text: str) -> bool:
    """Two "Label: value" fields or more ("Location: … · Launch as start-up hub: 2011 · Manager:
    …"), in a box that is not a list of other stories ("Leia também", "Related") and whose labels
    are not credits or contacts ("Foto:", "Telefone:")."""
    fields = [m.group(1) for m in _FIELD.finditer(text)]
    return len(
        [f for f in fields if not _NOT_A_FACT.fullmatch(f.strip())]
    ) >= 2 and not _OTHER_STORIES.search(text[:80])


_FIELD = re.compile(r"(?:^|[·|•\n])[ \t]*([A-ZÀ-Ý][^\W\d_]*(?:[ '’][^\W\d_]+){0,4}):[ \t]*\S")
"""A "Label: value" field (a label of words, not a time such as "10:30")."""
_NOT_A_FACT = re.compile(
    r"(?i)foto|photo|fonte|source|crédito|credito|credits?|telefone|telefono|phone|tel|e-?mail|morada|"
    r"indirizzo|address|contact[oi]?s?|tags?|categoria|category"
)
_OTHER_STORIES = re.compile(
    r"(?i)\b(?:leia também|veja também|ver também|saiba mais|leggi anche|vedi anche|articoli correlati|"
    r"related|see also|read more|more in|you may also like)\b"
)


def as_an_article(tree: lxml_html.HtmlElement) -> None:
    """A page whose content is in no ``<article>`` or ``<main>`` (one in a sidebar does not count)
    gets its body wrapped in one. Without it the main-text extraction
    falls back to a reader that drops every heading, and a page's headings ("<h2>Pólo de
    Desenvolvimento Industrial de Viana</h2>") often name what it is about."""
    body = tree.find(".//body")  # a fragment without one is read whole, headings and all
    if body is None or tree.xpath(f"//main | //article[not({_ASIDE})]"):
        return
    article = lxml_html.Element("article")
    article.text, body.text = body.text, None
    for child in list(body):
        article.append(child)
    body.append(article)


_ASIDE = "ancestor::aside or ancestor::nav or ancestor::footer or ancestor::header"


def definitions_as_paragraphs(listing: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """A card laid out as ``<dl>`` ("<dt>Início</dt><dd>2018</dd>"), which the main-text
    extraction drops, as one "Início: 2018" paragraph per term, so its fields are read."""
    block = lxml_html.Element("div")
    term = ""
    for item in listing.iter("dt", "dd"):
        if next(item.iterancestors("dl")) is not listing:
            continue  # a nested list's terms are inside its parent's definition already
        words = " ".join(" ".join(item.itertext()).split())
        if item.tag == "dt":
            term = words.rstrip(" :")  # "<dt>Período:</dt>" is "Período: …", not "Período:: …"
        elif words:
            paragraph = etree.SubElement(block, "p")
            paragraph.text = f"{term}: {words}" if term else words
    return block


def read_html(data: bytes) -> ParsedFile:
    html = without_code(decode(data))
    text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=True, favor_precision=True
    )
    if not text:
        text = trafilatura.extract(html, output_format="txt", favor_recall=True) or ""
    text = strip_boilerplate(text)
    meta = trafilatura.extract_metadata(html, extensive=False)  # not a year guessed from the text
    title = fuller_title(html, meta.title if meta and meta.title else None)
    info = {"date": meta.date} if meta and meta.date else {}
    info |= emphasis_info([run for run in emphasised(html) if run in text])  # the main text's, not a menu's
    return ParsedFile(text=text, file_type="html", title=title, info=info)


def emphasised(html: str) -> list[str]:
    """The words a page sets in bold (``<strong>``, ``<b>``), each run whole."""
    try:  # lxml refuses a str that declares its encoding ("<?xml … encoding='utf-8'?>")
        tree = lxml_html.fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", html))
    except (etree.ParserError, ValueError):
        return []
    runs = (" ".join(element.text_content().split()) for element in tree.iter("strong", "b"))
    return [run for run in runs if run]


def fuller_title(html: str, title: str | None) -> str | None:
    """The page's ``<title>`` when the chosen title (its first heading, say) only says what kind of
    page it is and the ``<title>`` goes on after a dash or colon ("Interrogazione a risposta scritta
    – Crisi e rilancio del distretto …"). Otherwise what follows is mostly the site's name
    ("… – Confindustria Emilia"), which the chosen title rightly leaves out."""
    if not title or not a_genre_label(title):
        return title
    try:
        head = lxml_html.fromstring(html).findtext(".//title")
    except (etree.ParserError, ValueError):
        return title
    head = " ".join((head or "").split())
    rest = head[len(title) :] if head.casefold().startswith(title.casefold()) else ""
    return head if re.match(r"\s*[–—:-]\s+\w", rest) else title
