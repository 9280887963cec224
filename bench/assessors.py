"""How much the dev figures depend on who judged: the first judgements against a second assessor's.

    python bench/assessors.py [--index DIR] [--json]

eval/second-assessor.json holds a second, independent set of grades for eval/queries.json and
eval/short.json, made without seeing the first (each query's pool: its first 15 hybrid results
plus every document the first judgements name). The script prints the two assessors' agreement
(Cohen's kappa on relevant / not relevant) and the ranking and relevance-boundary figures under
four judgement sets: the first, the second, "both" (relevant only where both say so, the lower
grade) and "either" (the higher grade).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

from boundary import collect, measure

from kb.config import SearchSettings
from kb.evaluation import JudgedQuery, evaluate
from kb.knowledge_base import KnowledgeBase

SETS = ("eval/queries.json", "eval/short.json")
SECOND = Path("eval/second-assessor.json")


def combined(first: dict[str, int], second: dict[str, int]) -> dict[str, dict[str, int]]:
    """The four judgement sets of one query."""
    ids = set(first) | set(second)
    return {
        "first": dict(first),
        "second": dict(second),
        "both": {d: min(first.get(d, 0), second.get(d, 0)) for d in ids},
        "either": {d: max(first.get(d, 0), second.get(d, 0)) for d in ids},
    }


def kappa(pairs: list[tuple[int, int]]) -> float:
    """Cohen's kappa of two assessors' relevant (grade ≥ 1) / not relevant calls."""
    n = len(pairs)
    observed = sum((a > 0) == (b > 0) for a, b in pairs) / n
    p_first = sum(a > 0 for a, _ in pairs) / n
    p_second = sum(b > 0 for _, b in pairs) / n
    expected = p_first * p_second + (1 - p_first) * (1 - p_second)
    return (observed - expected) / (1 - expected)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=Path("index"))
    parser.add_argument("--json", action="store_true", help="one JSON object per row")
    args = parser.parse_args()
    second = json.loads(SECOND.read_text(encoding="utf-8"))["queries"]
    kb = KnowledgeBase.open(args.index)
    settings = SearchSettings()
    pairs = []
    rows = []
    for path in SETS:
        scored = collect(kb, (path,))
        pairs += [
            (s.query.judgements.get(d, 0), grade) for s in scored for d, grade in second[s.query.id].items()
        ]
        for name in ("first", "second", "both", "either"):
            judged = [
                replace(s, query=_judged(s.query, combined(s.query.judgements, second[s.query.id])[name]))
                for s in scored
            ]
            report = evaluate(kb, [s.query for s in judged])
            boundary = measure(settings, judged, [])
            rows.append(
                {
                    "set": path,
                    "judgements": name,
                    "ndcg@10": report.overall["ndcg@10"],
                    "other_language_recall@10": report.cross_lingual_recall_at_10,
                    "set_recall": round(boundary["recall"], 3),
                    "set_precision": round(boundary["precision"], 3),
                    "relevant": sum(g > 0 for s in judged for g in s.query.judgements.values()),
                }
            )
    agreement = round(kappa(pairs), 3)
    if args.json:
        print(json.dumps({"row": "agreement", "pairs": len(pairs), "kappa": agreement}))
        for row in rows:
            print(json.dumps(row))
        return
    print(f"{len(pairs)} pairs judged by both; Cohen's kappa (relevant or not) {agreement}\n")
    print(
        "| set | judgements | relevant pairs | nDCG@10 | other-language recall@10 | set recall | set precision |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['set']} | {r['judgements']} | {r['relevant']} | {r['ndcg@10']:.3f} | "
            f"{r['other_language_recall@10']:.3f} | {r['set_recall']:.3f} | {r['set_precision']:.3f} |"
        )


def _judged(query: JudgedQuery, judgements: dict[str, int]) -> JudgedQuery:
    return replace(query, judgements=judgements)


if __name__ == "__main__":
    main()
