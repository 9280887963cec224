"""The lexical index's schema and the Tantivy queries built on it, for passages and documents.

A passage's entry holds its id (``cid``), its document's id (``doc``, for filters) and key
(``dkey``, see :func:`document_key`), and the index tokens of its title, body and names, each
beside a field of glossary pair terms, and the body's loose terms (:mod:`kb.phrase_pairs`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache

import tantivy

from kb.phrase_pairs import LOOSE_FIELD, loose_term, pair_field, pair_terms
from kb.stemming import MAX_TOKEN, Phrase, may_loosen
from kb.store import LEXICAL_FIELDS

Query = tantivy.Query
FORMS_TIE = 0.3
"""What a query part's other matching forms and fields add to its best one's BM25 (Tantivy's
disjunction-max tie breaker). Summed in full, a concept of many forms (a country's names and
demonyms in three languages, in the text and in the names field) outweighs the query's other
words. Set at 0.3 before measuring; the PostgreSQL store counts a part once per field."""
Occur = tantivy.Occur


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("cid", indexed=True, fast=True)
    builder.add_text_field("doc", tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("dkey", fast=True)
    for field in LEXICAL_FIELDS:
        builder.add_text_field(field, tokenizer_name="whitespace", index_option="position")
        builder.add_text_field(pair_field(field), tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field(LOOSE_FIELD, tokenizer_name="whitespace", index_option="basic")
    return builder.build()


SCHEMA = _schema()


@lru_cache(maxsize=1 << 16)
def document_key(doc_id: str) -> int:
    """A document's id as a 63-bit integer, which a fast field can hold: a hit then names its
    document without a look-up in the catalogue (ids are only compared among one search's
    candidates, where two colliding is a chance of about one in 10¹³)."""
    return int.from_bytes(hashlib.blake2b(doc_id.encode(), digest_size=8).digest(), "big") >> 1


def queried(phrase: Phrase) -> tuple[str, ...]:
    """A form's tokens as the index is asked for them: too long a "word" is in no passage."""
    return tuple(t for t in phrase if len(t) <= MAX_TOKEN)


def phrase_query(field: str, phrase: Phrase, loose: bool = False) -> Query:
    """A word's term; a glossary phrase's pair term, or its pair terms with its words' order
    checked by positions (only where the pairs all are); any other phrase by positions;
    ``loose``: its words in any order."""
    if len(phrase) == 1:
        return Query.term_query(SCHEMA, field, phrase[0])
    if loose:
        term = loose_term(phrase) if field == "body" else None
        if term is not None:
            return Query.term_query(SCHEMA, LOOSE_FIELD, term)
        return Query.boolean_query([(Occur.Must, Query.term_query(SCHEMA, field, t)) for t in set(phrase)])
    pairs = pair_terms(phrase)
    if pairs is None:
        return Query.phrase_query(SCHEMA, field, list(phrase))
    if len(pairs) == 1:
        return Query.term_query(SCHEMA, pair_field(field), pairs[0])
    in_order = Query.const_score_query(Query.phrase_query(SCHEMA, field, list(phrase)), 0.0)
    clauses = [(Occur.Must, Query.term_query(SCHEMA, pair_field(field), p)) for p in pairs]
    return Query.boolean_query([*clauses, (Occur.Must, in_order)])  # the pairs, in this order


def any_part(
    parts: Sequence[frozenset[Phrase]], fields: Sequence[str], weights: Sequence[float], loose: bool = False
) -> Query | None:
    """Every form of every part in every field, ORed; BM25 sums what a passage holds of each part,
    the part's best form and field in full and the others by :data:`FORMS_TIE`."""
    clauses = []
    for alternatives in parts:
        forms = []
        for phrase in sorted(alternatives):
            tokens = queried(phrase)
            if not tokens:
                continue
            for field, weight in zip(fields, weights, strict=True):
                if weight > 0:
                    found = phrase_query(field, tokens, loose and field == "body" and may_loosen(tokens))
                    forms.append(Query.boost_query(found, weight))
        # the part counts once, by its best form and field; a part alone (a count, a holders' check,
        # a one-part query) keeps the plain OR, as measured
        if len(forms) > 1 and len(parts) > 1:
            clauses.append((Occur.Should, Query.disjunction_max_query(forms, FORMS_TIE)))
        else:
            clauses.extend((Occur.Should, form) for form in forms)
    return Query.boolean_query(clauses) if clauses else None


def loose_forms(alternatives: frozenset[Phrase]) -> frozenset[Phrase]:
    """The forms that a loose match must try: a form whose words include all the words of
    another form held loosely adds nothing ("micro e pequenas empresas" once "pequenas
    empresas" is tried), and each such form costs an intersection over its words' postings.
    Words are compared as queried (too long a "word" is never asked for; an empty form is none)."""
    held_loosely = []
    for phrase in sorted(alternatives):
        words = frozenset(queried(phrase))
        if words and (len(phrase) == 1 or may_loosen(phrase)):
            held_loosely.append((words, phrase))
    kept = set(alternatives)
    for words, phrase in held_loosely:
        if any(
            other != phrase and (others < words or others == words and other < phrase)
            for others, other in held_loosely
        ):
            kept.discard(phrase)
    return frozenset(kept)


def of_documents(docs: Sequence[str]) -> Query:
    """The passages of these documents."""
    return Query.term_set_query(SCHEMA, "doc", list(docs))


def among(query: Query, docs: Sequence[str]) -> Query:
    return Query.boolean_query([(Occur.Must, query), (Occur.Must, of_documents(docs))])
