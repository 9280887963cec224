"""What the lexical index is built from: each passage's stemmed title, text and names."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from kb.catalogue_schema import names_by_document
from kb.lexical_index import LexicalRow
from kb.stemming import index_text

ROWS_BATCH = 5_000


def lexical_rows_of(
    passages: Iterable[tuple[int, str, str, str, str, str]],
) -> Iterator[LexicalRow]:
    """(chunk id, doc id, title, text, names, language) as the lexical index holds them: stems in
    each passage's language, a document's title and names stemmed once per language."""
    heads: dict[tuple[str, str], tuple[str, str]] = {}
    for chunk_id, doc_id, title, text, names, language in passages:
        if (doc_id, language) not in heads:
            heads[doc_id, language] = (index_text(title, language), index_text(names, language))
        title_tokens, name_tokens = heads[doc_id, language]
        yield LexicalRow(chunk_id, doc_id, title_tokens, index_text(text, language), name_tokens)


class LexicalSource:
    """Mixed into :class:`kb.catalogue.Catalogue`, whose connection it reads through."""

    db: sqlite3.Connection

    def lexical_rows(self, chunk_ids: Sequence[int] | None = None) -> Iterator[LexicalRow]:
        """These passages (every passage when None) as the lexical index holds them, in batches
        so that a rebuild at a million passages never holds them all."""
        if chunk_ids is None:
            chunk_ids = [r[0] for r in self.db.execute("SELECT chunk_id FROM chunks ORDER BY chunk_id")]
        for first in range(0, len(chunk_ids), ROWS_BATCH):
            rows = self.db.execute(
                "SELECT c.chunk_id, c.doc_id, d.title, c.text, c.language FROM chunks c"
                " JOIN documents d USING (doc_id) WHERE c.chunk_id IN (SELECT value FROM json_each(?))",
                (json.dumps([int(i) for i in chunk_ids[first : first + ROWS_BATCH]]),),
            ).fetchall()
            names = names_by_document(self.db, {r[1] for r in rows})
            yield from lexical_rows_of(
                (chunk_id, doc_id, title, text, names.get(doc_id, ""), language)
                for chunk_id, doc_id, title, text, language in rows
            )
