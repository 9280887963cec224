"""Run a judged query set through the same search path the app uses and report metrics.

Two formats are read: a BEIR folder (``queries.jsonl`` with ``_id``/``text``/``lang``
and ``qrels/test.tsv``) or one JSON file ``{"queries": [{"id", "text", "language",
"filters", "judgements": {doc_id: grade}}]}``. Judged ids are compared with document
ids as `kb search` prints them (BEIR ids are slugified the same way).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from statistics import mean

from kb.errors import KbError
from kb.knowledge_base import KnowledgeBase, slugify
from kb.metrics import mrr_at, ndcg_at, recall_at
from kb.request import SearchRequest

METRICS = ("ndcg@10", "mrr@10", "recall@10", "recall@100")


@dataclass(frozen=True)
class JudgedQuery:
    id: str
    text: str
    language: str
    judgements: dict[str, int]
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)


def load_queries(path: Path) -> list[JudgedQuery]:
    if path.is_dir():
        return _load_beir(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [
            JudgedQuery(
                id=str(q["id"]),
                text=q["text"],
                language=q.get("language", ""),
                judgements={str(d): int(g) for d, g in q["judgements"].items()},
                filters={k: tuple(v) for k, v in (q.get("filters") or {}).items()},
            )
            for q in data["queries"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise KbError(f"cannot read judged queries from {path}: {error}") from error


def _load_beir(folder: Path) -> list[JudgedQuery]:
    qrels_file = folder / "qrels" / "test.tsv"
    if not (folder / "queries.jsonl").exists() or not qrels_file.exists():
        raise KbError(f"{folder} is not a BEIR folder (queries.jsonl and qrels/test.tsv)")
    judgements: dict[str, dict[str, int]] = defaultdict(dict)
    with open(qrels_file, encoding="utf-8") as handle:
        rows = csv.reader(handle, delimiter="\t")
        next(rows, None)
        for query_id, doc_id, grade, *_ in rows:
            judgements[query_id][slugify(doc_id, limit=200)] = int(grade)
    queries = []
    with open(folder / "queries.jsonl", encoding="utf-8") as handle:
        for line in handle:
            q = json.loads(line)
            if q["_id"] in judgements:
                queries.append(JudgedQuery(q["_id"], q["text"], q.get("lang", ""), judgements[q["_id"]]))
    return queries


@dataclass
class EvaluationReport:
    queries: int
    overall: dict[str, float]
    by_language: dict[str, dict[str, float]]
    cross_lingual: dict[str, float]
    cross_lingual_recall_at_10: float
    per_query: list[dict[str, object]]

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["cross_lingual_recall@10"] = data.pop("cross_lingual_recall_at_10")
        return data


def _average(rows: list[dict[str, float]]) -> dict[str, float]:
    return {m: round(mean(r[m] for r in rows), 4) for m in METRICS} if rows else {}


def ranking_scores(ranking: list[str], judgements: dict[str, int]) -> dict[str, float]:
    """nDCG@10, MRR@10, recall@10 and recall@100 of one ranked list of document ids."""
    return {
        "ndcg@10": ndcg_at(ranking, judgements),
        "mrr@10": mrr_at(ranking, judgements),
        "recall@10": recall_at(ranking, judgements, 10),
        "recall@100": recall_at(ranking, judgements, 100),
    }


def evaluate(
    kb: KnowledgeBase, queries: list[JudgedQuery], depth: int = 100, bounded: bool = False
) -> EvaluationReport:
    """Each query runs through ``kb.search`` (filters included) to ``depth`` documents.

    Ranking is measured on the whole candidate list unless ``bounded``, which measures
    what a user sees: only the documents inside the relevance boundary.
    """
    languages = {d: doc.language for d, doc in kb.store.documents(kb.store.all_doc_ids()).items()}
    rows: list[dict[str, float]] = []
    details: list[dict[str, object]] = []
    by_language: dict[str, list[dict[str, float]]] = defaultdict(list)
    crossing: list[dict[str, float]] = []
    other_found = other_total = 0
    for query in queries:
        request = SearchRequest(query.text, query.filters, k=depth, bounded=bounded, snippets=False)
        ranking = [hit.doc_id for hit in kb.search(request).hits]
        scores = ranking_scores(ranking, query.judgements)
        rows.append(scores)
        by_language[query.language].append(scores)
        others = {
            d
            for d, g in query.judgements.items()
            if g > 0 and languages.get(d, query.language) != query.language
        }
        if others:  # a cross-lingual query: some of its answers are in another language
            crossing.append(scores)
            other_total += len(others)
            other_found += len(others & set(ranking[:10]))
        rounded = {m: round(v, 4) for m, v in scores.items()}
        details.append({"id": query.id, "text": query.text, **rounded, "top": ranking[:5]})
    return EvaluationReport(
        queries=len(queries),
        overall=_average(rows),
        by_language={lang: _average(r) for lang, r in sorted(by_language.items())},
        cross_lingual=_average(crossing),
        cross_lingual_recall_at_10=round(other_found / other_total, 4) if other_total else 0.0,
        per_query=details,
    )
