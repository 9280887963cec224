"""Reading one file into a document: text, language, passages, metadata and content hash.

Readers run under a time limit (``KB_MAX_READ_SECONDS``): an alarm in the main thread,
a child process elsewhere (signals reach only the main thread).
"""

from __future__ import annotations

import hashlib
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ingest import language
from ingest.chunking import chunk_spans
from ingest.genre_titles import title_after_label
from ingest.language import UNDETERMINED, document_language, passage_language
from ingest.metadata import apply_overrides, extract, load_tables
from ingest.metadata.fields import labelled_fields
from ingest.metadata.sidecar import read_sidecar, sidecar_bytes
from ingest.reader_process import parse_in_child
from ingest.readers import ParsedFile, ocr, read_file
from ingest.site_template import held_lines, strip_template
from kb.config import Settings
from kb.errors import UnreadableFile
from kb.facets import OCR_PAGES, WRITTEN
from kb.models import FacetValue, NewDocument, Passage

INGEST_VERSION = 58
"""Bump when parsing, chunking, metadata or embedding text changes, so unchanged files are read again.
58: the text's own year (when it was written) is stored, for references;
57: a publication line dates an anniversary; an e-mail header's date is a date of writing;
56: a card's name written as a district's ("Distretto delle forbici … di Premana"); a town's part
("Bairro do Recife") is a place;
55: an abbreviation's stop is no part of a name's key ("Co." is "Co"); a review's window, a draft's,
a prepared paper's and a magazine's dates are no start; an old founding told of the text's own
subject unnamed ("Fondata nel 1919") is one;
54: later names of collectives, case-study headings, a name's fuller form, towns at home, zones,
themes refitted through heldout71;
53: a second year model (does the text tell a start at all), e-mails titled by their subject, districts
named once and then spoken of, states bearing a country's name, Portugal's country names, posts and
mastheads no names, a practice's working group, legal forms in keys, themes refitted through heldout69;
52: quoted remarks, glosses, trips, study dates and ambiguous country names;
51: a Markdown front matter in Portuguese and Italian, lower-case clusters and English trade districts,
profile labels (Initiative, Lead body), a next cohort no start, rankers refitted through heldout66;
50: a card's year field telling only a revision, and a revision told as a sentence, are no start; themes
refitted through heldout62;
49: names in full, collectives and weak guesses beside the finds, towns placed in another country, dates
of writing giving way to the next year, "Opened:" lines, layout tables read as blocks, themes refitted;
48: the practice words narrowed, districts named by their place's adjective, bylines no scheme;
47: the name ranker's practice-kind and title-words features, "Federal Capital", "Mesa" and "Rocha" no
country's evidence, early years told with a creation;
46: the second review's mends (page footers' update dates, a report year or an unknown card year kept
only against a founding, decades ending in 0, fact boxes without credits or other stories);
45: an HTML page's headings kept when no <article> or <main> holds its content, a fact box set aside, a report's
heading year, review dates and minutes no practice's year, a card's unknown year field, a place's
part named by its direction, the theme models refitted through heldout56;
44: the name ranker's "defined" and "about" features, countries named a few times less than the
leader left out, dates of writing no practice's year unless a start is reported as news;
43: coined names in lower case ("kLab") as candidates; 42: guesses beside the rules' finds,
anniversaries, districts whose trade runs into their place, roads never proposed;
41: the district or collective a text keeps naming over a guess written at most twice, English
clusters ("the Nnewi auto parts cluster"), districts with their trade in lower case, a card's year
field from 1800, speakers listed before a transcript, persons by title, places joined with "e della";
40: a review's mending (collectives read in the opening only, short forms counted, "the district"
no collective; two places listed only with both named as land; "novembre"; the rankers refitted);
39: a town or a kind of park the ranker or the title picks gives way to the district or collective
whose name holds it, "Estado de …" and "… State" as places, a name opening with "and" no name;
38: a collective named in full and then by its kind alone ("a cooperativa", "il distretto") as the
practice, dates of writing told apart from starts (the year ranker refitted), speakers in capitals,
"Week 5" and "A.A." never proposed;
37: districts named in lower case ("il distretto ceramico di …"), a page's title fuller than its heading, names cut to generic words, quoted sentences and "During …" never proposed, a forum as a collective, Italian "creato" and "nata nel" as events, sentences that go on past "n. 16.736", a kind of document ("GOOD PRACTICE CARD") giving way to the practice as the title, no year below probability 0.1,
consortia, Italian firms and exports among the field's words, the name ranker refitted through heldout49;
31: labels written as alternatives ("Proponent / lead body"), "Name of initiative", a card year before 1950,
a card's name described in words with its short name in brackets, "Name – what it is" keyed by the name too,
currencies of Angola, Mozambique and Macau, a body's legal form left out of its key, the name ranker from 0.2 with people quoted, sums and spelled-out everyday acronyms never proposed, a title's subject, a card named after a registered body or a coined name before a dash, laws cited with a title after a comma and acts with a number, "Ley" and "Republic Act No." laws, an act's year left out as a written form, speakers' labels never proposed, Italian legislative decrees, people named with a role never proposed, the name ranker and the theme model refitted on 45 sets, a review's ten findings, "Sala" and "Fomento" no places; 30: long card field lines, acronym-first names, credit lines, acts of a year, plural links after a
word of support, names up to 100 characters, the year weights refitted; 29: elided Italian
articles; 28: the year ranker weighs every pair of its signs, names across an inner acronym, clauses, leading
years, parts of longer names, one-word field terms and administrations as no names, the theme model
refitted on 37 sets; 27: the name ranker's confident name beside the patterns' finds, places in
capitals never proposed, YAML 1.2 booleans in front matter ("country: NO" is Norway); 26: a card's own name as its programme
and demonyms for 90 more countries; 25: names never proposed (places, whole registered bodies, the
field's words), nesting and heading features, card lines naming the programme, "Fundo 200M" (24 was
used and reverted the same day);
23: the country a text about firms takes for granted when it names none (its institutions, money,
Brazilian spelling; Italy for an Italian text unless it reads Swiss); 22: a name ranked by how the
text uses it when no pattern finds a programme; 21: "sigla de", "para el" in Spanish names, "n.º" and "Decreto-Lei", "SMV:Digital", a card named as a
programme (round 25); 20: participles and incentives in apposition, "&"/"+" inside names, lower-case dated laws, a title's
acronym-given name, Latin Extended-A places, the UK's nations as country names (round 24), the theme
model refitted on 25 sets; 19: legal and tax regimes in apposition, "known today as", no body after "edital do", the UK's nations
and the Midlands (round 22), accent-folded acronym initials, one adjective before a scope (round 23),
the theme model refitted on 21 sets; 18: a region named by directions alone ("North East", "Nord-Est") is no place (round 21); 17:
Portuguese distributors make a country an aside, an operator ("Gestore dei …") is no programme, "o
Comércio Investe, um programa" (round 20); 16: "The Fund" alone names no programme, an apposition
after "l'", "Alta"/"Baixo" are no places (round 19); 15: "Natal" (Christmas) and exonyms that are
also towns elsewhere are no evidence, sales agents and distributors are asides, longer names in
apposition and elided articles ("dall'OCM Vino") (round 18); 14: themes from the embedding model,
small towns in the text when nothing stronger says where, imports as asides, programmes in
apposition to a described measure or scheme (round 17); 13: laws cited by their date,
"the"/"through" and a preposition's article inside programme names, a body's fund named before it,
"(ACR) program" in lower case, Korea, surnames that are cities (round 14); a programme "better known
as" a name, "por iniciativa do …" and a body's programme are no names, the Azores, Trentino, "Loja"
and "São Francisco" (round 15); small towns named in the title (round 16); 12: places inside or
opening longer names, Portugal's districts, cooperation agencies, programme names and keys,
registered names without their kind word, the year ranker's event verbs and weights, the theme
model's weights, the off-topic gate by language, a card's "<dt>Term:</dt>" (rounds 11–13); 11: the
practice's year and the themes from models fitted on the labelled sets, programme words and
development agencies of round 10; 10: countries named aside, programme names and years of round 9;
9: site lines (copyright, follow us, newsletter …) removed; programme names, years, places (round
8)."""


def parse_document(path: Path, settings: Settings, template: frozenset[str] = frozenset()) -> NewDocument:
    """Read, detect language, chunk and extract metadata of one file (no embedding yet);
    ``template``: its folder's template lines (:mod:`ingest.site_template`), left out."""
    draft = read_document(path, settings, template)
    describe(draft)
    return draft.doc


@dataclass
class Draft:
    """A file read and cut into passages, its metadata not yet extracted: enough to embed it.

    Ingest sends a draft's passages to the embedder first and extracts the metadata while they
    are embedded (the first file's extraction also builds the matchers' tables, about a second
    and a half during which the embedder would otherwise wait)."""

    doc: NewDocument
    parsed: ParsedFile
    heading: str  # the title metadata reads: the file's (or its name), or the practice's after a kind-of-document label
    overrides: dict[str, object]
    seconds: float = 0.0  # spent reading it, out of the file's time limit


def read_document(path: Path, settings: Settings, template: frozenset[str] = frozenset()) -> Draft:
    """Read, detect language and chunk one file; :func:`describe` adds its metadata."""
    parsed, data = read_file(path, settings.max_file_bytes, settings.max_pdf_pages)
    strip_template(parsed, template)
    overrides = read_sidecar(path)
    language = str(overrides.get("language") or document_language(parsed.text))
    if language == UNDETERMINED:
        raise UnreadableFile("no-text", "too little text to tell what it is about")
    heading = title = document_title(parsed, path)
    name = labelled_fields(parsed.text).get("name")
    if len((parsed.title or "").strip()) < 3 and name:
        title = name  # a scan or an untitled PDF: its card's name
    title = heading = title_after_label(parsed.text, title, name)  # not "GOOD PRACTICE CARD"
    doc = NewDocument(
        path=str(path),
        title=str(overrides.get("title") or title),
        language=language,
        content_hash=content_digest(data, sidecar_bytes(path), held_lines(path, data, template))
        + (WITHOUT_OCR if parsed.info.get("ocr_skipped") else ""),
        file_type=parsed.file_type,
        passages=cut_passages(parsed, language, settings),
        n_pages=parsed.n_pages,
    )
    return Draft(doc, parsed, heading, overrides)


def describe(draft: Draft) -> None:
    """Extract the draft's metadata into its document: facets, card fields, year, what is curated."""
    doc, parsed = draft.doc, draft.parsed
    meta = extract(parsed.text, draft.heading, parsed.info.get("date"), language=doc.language)
    apply_overrides(meta, draft.overrides)
    doc.year = meta.year
    doc.curated = set(meta.curated)
    doc.facets = meta.facets()
    if meta.written is not None:  # what a reference cites; the practice's year may be older
        doc.facets.append(FacetValue(WRITTEN, str(meta.written)))
    if parsed.info.get("ocr_pages"):  # so passages from a scan can say so
        doc.facets.append(FacetValue(OCR_PAGES, parsed.info["ocr_pages"]))


def cut_passages(parsed: ParsedFile, language: str, settings: Settings) -> list[Passage]:
    """Passages with their pages and languages, within the per-file passage limit."""
    spans = chunk_spans(parsed.text, settings.chunking)
    if len(spans) > settings.max_passages:
        raise UnreadableFile(
            "too-large",
            f"{len(spans)} passages is over the limit of {settings.max_passages} per file "
            "(embedding would hold the index for hours); split the document",
        )
    return [
        Passage(
            text=parsed.text[start:end],
            order=order,
            page=parsed.page_at(start),
            start=start,
            end=end,
            language=passage_language(parsed.text[start:end], language),
        )
        for order, (start, end) in enumerate(spans)
    ]


def document_title(parsed: ParsedFile, path: Path) -> str:
    title = (parsed.title or "").strip()
    return title if len(title) >= 3 else path.stem.replace("_", " ").replace("-", " ")


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Stop a reader that runs past ``seconds`` (a pathological PDF), as a ``too-slow`` file.

    Signals reach only the main thread, so the limit holds for ``kb ingest``; a reader
    called from another thread (the app) runs without it.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(_signum: int, _frame: object) -> None:
        raise too_slow(seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_within_limit(path: Path, settings: Settings, template: frozenset[str] = frozenset()) -> NewDocument:
    """:func:`parse_document`, stopped after ``settings.max_read_seconds`` as a ``too-slow`` file.

    In the main thread (``kb ingest``) an alarm signal interrupts the reader. Signals cannot
    reach other threads (the app's), so there the reader runs in a child process that is
    ended when time is up (a warm child, kept for the next file: :mod:`ingest.reader_process`).
    """
    seconds = settings.max_read_seconds
    if not reads_in_child(settings):
        draft = draft_within_limit(path, settings, template)
        describe_within_limit(draft, settings)
        return draft.doc
    try:
        return parse_in_child(path, settings, template, seconds)
    except TimeoutError:
        raise too_slow(seconds) from None


def reads_in_child(settings: Settings) -> bool:
    """Whether this thread reads files in the warm child: a time limit where no alarm can reach."""
    return settings.max_read_seconds > 0 and threading.current_thread() is not threading.main_thread()


def draft_within_limit(path: Path, settings: Settings, template: frozenset[str] = frozenset()) -> Draft:
    """:func:`read_document` under the time limit, in a thread that does not read in the child."""
    started, loading = time.monotonic(), language.loading_seconds
    with time_limit(settings.max_read_seconds):
        draft = read_document(path, settings, template)
    draft.seconds = time.monotonic() - started - (language.loading_seconds - loading)
    return draft


def describe_within_limit(draft: Draft, settings: Settings) -> None:
    """:func:`describe` in what is left of the file's time limit (the matchers' tables are
    built first, outside it: they are no file's time)."""
    load_tables()
    limit = settings.max_read_seconds
    with time_limit(max(limit - draft.seconds, 0.01) if limit > 0 else 0):
        describe(draft)


def too_slow(seconds: float) -> UnreadableFile:
    return UnreadableFile("too-slow", f"reading took longer than {seconds:.0f} s (KB_MAX_READ_SECONDS)")


def content_digest(data: bytes, sidecar: bytes, template: frozenset[str] = frozenset()) -> str:
    """SHA-256 of the parser version, the file, its sidecar and the template lines it holds.

    Editing either file, a new version of the parsing, or a line of the file becoming its
    folder's template brings the document up to date.
    The version lives in each document's hash, so a batch that failed or was killed
    half-way leaves every document it did finish current: the next run skips them.
    """
    lines = "\0template\0" + "\n".join(sorted(template)) if template else ""
    return hashlib.sha256(
        f"praxis-ingest-{INGEST_VERSION}\0".encode() + data + sidecar + lines.encode()
    ).hexdigest()


def file_hash(path: Path, template: frozenset[str] = frozenset()) -> str:
    """:func:`content_digest` of a file on disk in a folder of this template."""
    data = path.read_bytes()
    return content_digest(data, sidecar_bytes(path), held_lines(path, data, template))


WITHOUT_OCR = "+without-ocr"
"""Marks the hash of a PDF whose scanned pages were left out because OCR could not run."""


def is_current(path: Path, stored_hash: str, template: frozenset[str] = frozenset()) -> bool:
    """Whether the stored document is this file as it would be read now: unchanged (its
    folder's template too), and not missing scanned pages that OCR could now read."""
    digest = file_hash(path, template)
    return stored_hash == digest or (stored_hash == digest + WITHOUT_OCR and ocr.missing() is not None)
