"""The PostgreSQL store's word search: each passage's index tokens under GIN, and a lexicon.

Each passage has a row in ``passage_terms`` with a stripped ``tsvector`` of index tokens
(folded Snowball stems, :mod:`kb.stemming`) per lexical field: its document's ``title`` and
``names``, and its own ``body``. A query part is its forms ORed; a form of several tokens is
its adjacent token pairs, which the store indexes as terms where a glossary phrase holds them
(:func:`kb.phrase_pairs.phrase_pairs`), where one written word was cut into pieces (GT-APL), and
everywhere in titles and names. Such a match needs no recheck, so PostgreSQL answers it from
the GIN index and the heap row alone and never reads a tsvector: positions, weight labels and
``ts_rank`` each made it read and decompress every matching passage's tsvector, which cost
about 200 ms per search at 10,000 passages and grew with the collection.

Ranking is BM25 with every term frequency taken as one (:mod:`kb.postgres_ranking`): the sum
over parts of the part's IDF times the weight of each field holding it. The IDF comes from
counts that stop at :data:`EXACT_COUNT_BELOW` and from ``lexicon`` (how many passages hold
each term, kept in the same transaction as each change).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence

import psycopg

from kb.models import NewDocument
from kb.phrase_pairs import phrase_pairs
from kb.postgres_ranking import found_sql, scores_sql
from kb.stemming import MAX_TOKEN, Phrase, may_loosen, stem, stems_version, tokens_of
from kb.store import LEXICAL_FIELDS, NAMES_VERSION, idf, loose_flags, names_text
from kb.text import words

PAIRS = phrase_pairs()
TermsRow = tuple[int, str, list[str], list[str], list[str]]
"""A passage's chunk id, document id, and title, names and body terms."""
EXACT_COUNT_BELOW = 5_000
"""Parts are counted exactly up to this many passages (a GIN count that stops there); a commoner
part counts as this many or as its commonest form's passages (from the lexicon), a small
understatement that leaves its IDF low all the same."""
FINDING_PARTS_UP_TO = EXACT_COUNT_BELOW
"""A query part held by this many passages or more does not find passages when a rarer part
does; it only adds to their scores."""

TABLES = [
    """CREATE TABLE IF NOT EXISTS passage_terms (
        chunk_id BIGINT PRIMARY KEY REFERENCES chunks(chunk_id) ON DELETE CASCADE,
        doc_id TEXT NOT NULL, title tsvector NOT NULL, names tsvector NOT NULL, body tsvector NOT NULL)""",
    *(
        f"CREATE INDEX IF NOT EXISTS passage_terms_{f} ON passage_terms USING gin ({f}) WITH (fastupdate = off)"
        for f in LEXICAL_FIELDS
    ),
    "CREATE INDEX IF NOT EXISTS passage_terms_by_doc ON passage_terms (doc_id)",
    "CREATE TABLE IF NOT EXISTS lexicon (term TEXT PRIMARY KEY, passages BIGINT NOT NULL)",
]
"""GIN without a pending list (``fastupdate``): a search would read that list through, up to
4 MB per index, until a vacuum merged it."""


def form_terms(phrase: Phrase) -> list[str]:
    """What a passage must hold for a form: its token, or each pair of its adjacent tokens. A
    form of several tokens is a glossary phrase or one written word (GT-APL, 4.0), and
    :func:`field_terms` indexes the pairs of both."""
    tokens = [t for t in phrase if len(t) <= MAX_TOKEN]  # letters and digits: never tsquery syntax
    return sorted({f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)} or set(tokens))


def part_query(alternatives: frozenset[Phrase], loose: bool = False) -> str | None:
    """A tsquery of any form of the part (``loose``: its words in any order); None when it has none."""
    forms = [
        "(" + " & ".join(f"'{t}'" for t in terms) + ")"
        for p in sorted(alternatives)
        if (
            terms := sorted({t for t in p if len(t) <= MAX_TOKEN})
            if loose and may_loosen(p)
            else form_terms(p)
        )
    ]
    return " | ".join(forms) or None


def field_terms(text: str, language: str, every_pair: bool = False) -> list[str]:
    """A field's index tokens (as :func:`kb.glossary.index_text` makes them), each once, with the
    pairs of adjacent tokens that a glossary phrase holds or that one written word was cut into
    (or, for a short field such as a title, every pair)."""
    tokens: list[str] = []
    pairs: set[str] = set()
    for word in words(text):
        piece = [t for t in tokens_of(stem(word, language)) if len(t) <= MAX_TOKEN]
        pairs.update(f"{a} {b}" for a, b in zip(piece, piece[1:], strict=False))
        tokens += piece
    pairs.update(
        p for a, b in zip(tokens, tokens[1:], strict=False) if (p := f"{a} {b}") in PAIRS or every_pair
    )
    return [*dict.fromkeys(tokens), *sorted(pairs)]


def terms_rows(
    doc_id: str, title: str, names: str, passages: Iterable[tuple[int, str, str]]
) -> list[TermsRow]:
    """The ``passage_terms`` rows of a document's (chunk id, text, language) passages."""
    heads: dict[str, tuple[list[str], list[str]]] = {}
    rows = []
    for chunk_id, text, language in passages:
        if language not in heads:
            heads[language] = (field_terms(title, language, True), field_terms(names, language, True))
        rows.append((chunk_id, doc_id, *heads[language], field_terms(text, language)))
    return rows


def pairs_fingerprint() -> str:
    """Which token pairs the store indexes, how it writes names (:data:`NAMES_VERSION`) and how
    its stemmers cut words: a store indexed otherwise must index again."""
    lines = [f"names {NAMES_VERSION}", f"stems {stems_version()}", *sorted(PAIRS)]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


class Lexical:
    """Mixed into :class:`kb.postgres_store.PostgresStore`."""

    db: psycopg.Connection

    # -- writes (inside the store's transaction) --------------------------------------------

    def add_terms(
        self, db: psycopg.Connection, doc_id: str, doc: NewDocument, chunk_ids: Sequence[int]
    ) -> None:
        """The new passages' terms, and the lexicon's counts raised by them."""
        names = names_text((f.field, f.value) for f in doc.facets)
        passages = zip(
            chunk_ids, (p.text for p in doc.passages), (p.language for p in doc.passages), strict=True
        )
        raise_lexicon(db, write_terms(db, terms_rows(doc_id, doc.title, names, passages)))

    def take_terms(self, db: psycopg.Connection, doc_id: str) -> None:
        """Lower the lexicon's counts by a document's passages (before they are deleted)."""
        db.execute(
            "UPDATE lexicon l SET passages = l.passages - g.n FROM ("
            " SELECT t, COUNT(*) AS n FROM passage_terms p,"
            " unnest(tsvector_to_array(p.title || p.names || p.body)) t WHERE p.doc_id = %s GROUP BY t) g"
            " WHERE l.term = g.t",
            (doc_id,),
        )

    # -- reads -----------------------------------------------------------------------------

    def lexical_count(self, alternatives: frozenset[Phrase]) -> int:
        query = part_query(alternatives)
        if query is None:
            return 0
        at_least = self._commonest_form(alternatives)
        if at_least >= EXACT_COUNT_BELOW:  # common whatever the other forms add
            return at_least
        held = " OR ".join(f"{field} @@ %s::tsquery" for field in LEXICAL_FIELDS)
        sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM passage_terms WHERE {held} LIMIT %s) held"
        return max(at_least, int(self._gin(sql, [*[query] * len(LEXICAL_FIELDS), EXACT_COUNT_BELOW])[0][0]))

    def lexical_search(
        self,
        parts: Sequence[frozenset[Phrase]],
        limit: int,
        docs: Sequence[str] | None = None,
        weights: Sequence[float] = (2.0, 1.0, 2.0),
        fields: Sequence[str] = LEXICAL_FIELDS,
        counts: Sequence[int] | None = None,
    ) -> list[tuple[int, float]]:
        """The best ``limit`` passages by the sum of each part's IDF times its fields' weights.

        Every passage holding a rare part (held by fewer than :data:`FINDING_PARTS_UP_TO`
        passages) is scored, and of each common part at most ``limit`` passages holding it and as
        many holding it in a title or names (:func:`kb.postgres_ranking.found_sql`): with every
        term frequency one, the others would tie with thousands more, and collecting all of them
        is what made common words slow (summing every match of three common words took 160 ms
        at 100k passages). When every part is common, ``limit`` passages holding all of them
        (anywhere, and in a title or names) stand for the commoner parts' samples. Each passage
        found is read once to add up what every part gives it.
        """
        if limit <= 0 or (docs is not None and not docs):
            return []
        asked = self._ranked_parts(parts, counts)
        if not asked:
            return []
        weight = list(zip(fields, weights, strict=True))
        found, found_params = found_sql(
            [(q, df >= FINDING_PARTS_UP_TO) for q, _, df in asked], fields, docs, limit
        )
        scores, score_params = scores_sql([(q, idf) for q, idf, _ in asked], weight)
        sql = (
            f"SELECT p.chunk_id, {scores} AS s FROM ({found}) f JOIN passage_terms p USING (chunk_id)"
            " ORDER BY s DESC, p.chunk_id LIMIT %s"
        )
        return [(int(c), float(s)) for c, s in self._gin(sql, (*score_params, *found_params, limit))]

    def _ranked_parts(
        self, parts: Sequence[frozenset[Phrase]], counts: Sequence[int] | None
    ) -> list[tuple[str, float, int]]:
        """(tsquery, IDF, passages holding it) of each part that has forms, rarest first."""
        total = self._passages()
        asked = []
        for i, alternatives in enumerate(parts):
            query = part_query(alternatives)
            if query is not None:
                df = counts[i] if counts is not None else self.lexical_count(alternatives)
                asked.append((query, idf(total, df), df))
        return sorted(asked, key=lambda item: item[2])

    def documents_holding(
        self, parts: Sequence[frozenset[Phrase]], docs: Sequence[str], loose: Sequence[bool] = ()
    ) -> tuple[list[set[str]], list[set[str]]]:
        """Each of the documents' passages read once, every part checked on it (a GIN search per
        part would visit every passage of the collection holding a common word)."""
        queries = [part_query(alternatives) for alternatives in parts]
        bodies = [part_query(a, flag) for a, flag in zip(parts, loose_flags(parts, loose), strict=True)]
        asked = [(q, body) for q, body in zip(queries, bodies, strict=True) if q is not None]
        anywhere: list[set[str]] = [set() for _ in parts]
        in_heading: list[set[str]] = [set() for _ in parts]
        if not asked or not docs:
            return anywhere, in_heading
        checks = ", ".join(
            "p.title @@ %s::tsquery OR p.names @@ %s::tsquery, p.body @@ %s::tsquery" for _ in asked
        )
        rows = self.db.execute(
            f"SELECT p.doc_id, {checks} FROM passage_terms p WHERE p.doc_id = ANY(%s)",
            [*(q for heading, body in asked for q in (heading, heading, body)), list(docs)],
        ).fetchall()
        columns = [i for i, q in enumerate(queries) if q is not None]
        for doc_id, *held in rows:
            for n, i in enumerate(columns):
                if held[2 * n]:
                    in_heading[i].add(doc_id)
                if held[2 * n] or held[2 * n + 1]:
                    anywhere[i].add(doc_id)
        return anywhere, in_heading

    def _gin(self, sql: str, params: Sequence[object]) -> list[tuple[object, ...]]:
        """Rows of a query that must use the GIN indexes: the planner, which does not know that a
        scan would read every tsvector while the index reads none, otherwise scans common words."""
        db = self.db
        with db.transaction():
            db.execute("SET LOCAL enable_seqscan = off")
            # the passages found are few (rare parts, a sample of common ones), but tsquery
            # estimates say thousands: a hash join would then read every passage's row
            db.execute("SET LOCAL enable_hashjoin = off")
            db.execute("SET LOCAL enable_mergejoin = off")
            # nor may a sample of a common word walk the primary key filtering every row (a word
            # no title holds made that a scan of the whole table): GIN bitmaps only
            db.execute("SET LOCAL enable_indexscan = off")
            return db.execute(sql, params).fetchall()

    def _commonest_form(self, alternatives: frozenset[Phrase]) -> int:
        """At least how many passages hold the part: those holding its commonest single-term form
        (a form of several terms can be rarer than each of its terms, so it says nothing)."""
        forms = [terms for phrase in alternatives if len(terms := form_terms(phrase)) == 1]
        counts = self.db.execute(
            "SELECT COALESCE(MAX(passages), 0) FROM lexicon WHERE term = ANY(%s)", ([t for (t,) in forms],)
        )
        return int(counts.fetchone()[0])

    def _passages(self) -> int:
        row = self.db.execute("SELECT COALESCE(SUM(n), 0) FROM language_stats").fetchone()
        return int(row[0])


def write_terms(db: psycopg.Connection, rows: Sequence[TermsRow]) -> Counter[str]:
    """Passages' (chunk id, doc id, title, names and body terms); how many of them hold each term."""
    with db.cursor() as cur:
        cur.executemany(
            "INSERT INTO passage_terms (chunk_id, doc_id, title, names, body) VALUES (%s, %s,"
            " array_to_tsvector(%s::text[]), array_to_tsvector(%s::text[]), array_to_tsvector(%s::text[]))",
            rows,
        )
    return Counter(t for _, _, *fields in rows for t in set().union(*fields))


def raise_lexicon(db: psycopg.Connection, held: Counter[str]) -> None:
    """Add passages holding each term to the lexicon (once per transaction: a row updated again in
    the same transaction leaves a version behind that every later lookup walks past)."""
    if held:
        db.execute(
            "INSERT INTO lexicon SELECT * FROM unnest(%s::text[], %s::bigint[])"
            " ON CONFLICT (term) DO UPDATE SET passages = lexicon.passages + excluded.passages",
            (list(held), list(held.values())),
        )
