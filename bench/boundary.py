"""Calibrate the relevance boundary: how many relevant documents each threshold keeps,
how much of the returned set is relevant, and how many off-topic queries find nothing.

    python bench/boundary.py [--index DIR] [--json] [--fit]

Every query's candidates and their features (kb.boundary.MEMBERSHIP_FEATURES) are computed
once. ``--fit`` fits the logistic membership weights (Newton's method, a little ridge) on
the tuning sets and prints them for kb/config.py; the table then shows the trade-off
between set recall, set precision and empty off-topic results. The tuning sets
(eval/queries.json, eval/short.json, eval/offtopic.json, eval/offtopic-lookalike.json) choose the
point; the held-out sets (eval/short-heldout.json, eval/offtopic-heldout.json,
eval/offtopic-lookalike-heldout.json) are only reported. The same on the labelled collection
(bench/collection.py, 1,795 documents): eval/big-tuning.json tunes, eval/big-heldout.json is
only reported; in each, a query judged to have no relevant document is off-topic.
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from collection import judged_by_path, open_collection
from logistic import fit_logistic

from kb.boundary import MEMBERSHIP_FEATURES, Candidate, membership_features, narrowed, within_boundary
from kb.config import SearchSettings, Settings
from kb.evaluation import JudgedQuery, load_queries
from kb.knowledge_base import KnowledgeBase
from kb.request import SearchRequest

TUNING = ("eval/queries.json", "eval/short.json")
TUNING_OFF = ("eval/offtopic.json", "eval/offtopic-lookalike.json")
HELD_OUT = ("eval/short-heldout.json",)
HELD_OUT_OFF = ("eval/offtopic-heldout.json", "eval/offtopic-lookalike-heldout.json")
BIG_TUNING = Path("eval/big-tuning.json")  # judged on the labelled collection (bench/collection.py)
BIG_HELD_OUT = Path("eval/big-heldout.json")

GRID = {
    "min_top_cosine": (0.88, 0.89, 0.9, 1.0),
    "min_close_cosine": (0.84, 0.85, 0.86),
    "min_close_coverage": (0.3, 0.4, 0.5),
    "membership_threshold": (0.05, 0.08, 0.1, 0.12, 0.13, 0.15, 0.18, 0.2, 0.3, 0.4, 0.5),
}


def fit(scored: list[Scored], ridge: float = 1e-2) -> tuple[float, ...]:
    """Logistic regression of "judged relevant" on the membership features, in raw units."""
    rows, labels = [], []
    for s in scored:
        good = {d for d, g in s.query.judgements.items() if g > 0}
        judged = {c.doc_id for c in s.judged()}
        rows.append(membership_features(s.candidates)[[c.doc_id in judged for c in s.candidates]])
        labels += [c.doc_id in good for c in s.judged()]
    return fit_logistic(np.vstack(rows), np.asarray(labels, dtype=np.float64), ridge)


@dataclass
class Scored:
    query: JudgedQuery
    parts: list
    candidates: list[Candidate]  # without the query's filters: a search draws its result set from them
    allowed: set[str] | None = None  # the documents its filters allow (None: no filter)
    inside: list[Candidate] | None = None  # with filters: the candidates of the filtered search

    def boundary(self, settings: SearchSettings) -> list[Candidate]:
        """The returned set, as ``Searcher.search`` draws it: the unfiltered result set, narrowed."""
        inside = None if self.inside is None else (lambda: self.inside or [])
        matching = within_boundary(self.candidates, self.parts, settings)
        return narrowed(matching, self.parts, settings, self.allowed, inside)

    def judged(self) -> list[Candidate]:
        """The candidates its judgements speak of: those its filters allow."""
        return [c for c in self.candidates if self.allowed is None or c.doc_id in self.allowed]


def collect(kb: KnowledgeBase, paths: tuple[str, ...]) -> list[Scored]:
    """Each query's candidates inside its filters (and, when it has filters, without them)."""
    return collect_queries(kb, [q for path in paths for q in load_queries(Path(path))])


def collect_queries(kb: KnowledgeBase, queries: list[JudgedQuery]) -> list[Scored]:
    """:func:`collect` for queries already loaded."""
    kb.refresh()
    searcher = kb.searcher()
    out = []
    for q in queries:
        parts = searcher.glossary.parse(q.text)
        allowed = kb.store.filtered_doc_ids(q.filters) if q.filters else None
        whole = searcher.candidates(SearchRequest(q.text, k=100), None, parts)
        if allowed is None:
            out.append(Scored(q, parts, whole))
        else:
            inside = searcher.candidates(SearchRequest(q.text, q.filters, k=100), allowed, parts)
            out.append(Scored(q, parts, whole, set(allowed), inside))
    return out


def collect_big(kb: KnowledgeBase, path: Path) -> tuple[list[Scored], list[Scored]]:
    """The on-topic and the off-topic queries of a set judged on the labelled collection."""
    scored = collect_queries(kb, judged_by_path(kb, path))
    return [s for s in scored if s.query.judgements], [s for s in scored if not s.query.judgements]


def measure(settings: SearchSettings, on: list[Scored], off: list[Scored]) -> dict[str, float]:
    """Set recall and precision (micro-averaged) on judged queries; share of empty off-topic sets."""
    kept = relevant = returned = 0
    precisions = []
    for s in on:
        chosen = {c.doc_id for c in s.boundary(settings)}
        good = {d for d, g in s.query.judgements.items() if g > 0}
        kept += len(good & chosen)
        relevant += len(good)
        returned += len(chosen)
        precisions.append(len(good & chosen) / len(chosen) if chosen else 0.0)
    empty = sum(not s.boundary(settings) for s in off)
    return {
        "recall": kept / relevant if relevant else 0.0,
        "precision": kept / returned if returned else 0.0,
        "precision_macro": sum(precisions) / len(precisions) if precisions else 0.0,
        "offtopic_empty": empty / len(off) if off else 0.0,
        "mean_set": returned / len(on) if on else 0.0,
    }


def sweep(
    on: list[Scored], off: list[Scored], base: SearchSettings, grid: dict[str, tuple[float, ...]]
) -> list[tuple[dict[str, float], dict[str, float]]]:
    """Every point of ``grid`` (the other settings as in ``base``), measured; each point names every
    setting of :data:`GRID`."""
    rows = []
    for values in itertools.product(*grid.values()):
        point = {k: getattr(base, k) for k in GRID} | dict(zip(grid, values, strict=True))
        rows.append((point, measure(replace(base, **point), on, off)))
    return rows


Sets = dict[str, tuple[list[Scored], list[Scored]]]


def gather(sample: KnowledgeBase, big: KnowledgeBase) -> Sets:
    """Each query set's on-topic and off-topic queries, scored: on the sample corpus and on the
    labelled collection."""
    return {
        "sample corpus, tuning": (collect(sample, TUNING), collect(sample, TUNING_OFF)),
        "sample corpus, held out": (collect(sample, HELD_OUT), collect(sample, HELD_OUT_OFF)),
        "labelled collection, tuning": collect_big(big, BIG_TUNING),
        "labelled collection, held out": collect_big(big, BIG_HELD_OUT),
    }


def tuning(sets: Sets) -> tuple[list[Scored], list[Scored]]:
    """Every tuning set's on-topic and off-topic queries together."""
    chosen = [pair for name, pair in sets.items() if name.endswith("tuning")]
    return [s for on, _ in chosen for s in on], [s for _, off in chosen for s in off]


def sample_index(tmp: Path) -> KnowledgeBase:
    """A fresh index of corpus/ (the sample corpus) under ``tmp``."""
    from ingest.pipeline import ingest_paths

    settings = Settings(index_dir=tmp / "dev")
    kb = KnowledgeBase.open(settings.index_dir, create=True)
    ingest_paths(kb, [Path("corpus")], settings)
    return kb


def calibration_rows(
    sets: Sets, chosen: SearchSettings
) -> list[tuple[str, dict[str, float], dict[str, float]]]:
    """On every tuning set together: each membership threshold with the chosen gate, then the gate's
    best settings (:func:`frontier`) at the chosen threshold; then the chosen point on each set."""
    on, off = tuning(sets)
    current = {k: getattr(chosen, k) for k in GRID}
    thresholds = {"membership_threshold": GRID["membership_threshold"]}
    gates = {k: v for k, v in GRID.items() if k != "membership_threshold"}
    rows = [("threshold", p, m) for p, m in sweep(on, off, chosen, thresholds)]
    rows += [("gate", p, m) for p, m in frontier(sweep(on, off, chosen, gates))]
    rows += [(f"chosen, {name}", current, measure(chosen, *pair)) for name, pair in sets.items()]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="an index of corpus/ (default: build one)")
    parser.add_argument(
        "--collection", type=Path, help="the labelled collection's index (built there if missing)"
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--fit", action="store_true", help="fit the membership weights first")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sample = KnowledgeBase.open(args.index) if args.index else sample_index(Path(tmp))
        big = open_collection(args.collection or Path(tmp) / "collection")
        sets = gather(sample, big)
    chosen = SearchSettings()
    if args.fit:
        weights = fit([s for s in tuning(sets)[0] if s.candidates])
        print("membership_weights =", weights, "# " + ", ".join(MEMBERSHIP_FEATURES))
        chosen = replace(chosen, membership_weights=weights)
    table = calibration_rows(sets, chosen)
    if args.json:
        for label, p, m in table:
            print(json.dumps({"row": label, **p, **{k: round(v, 4) for k, v in m.items()}}))
        return
    print("\n".join(markdown_rows(table)))


def frontier(
    rows: list[tuple[dict[str, float], dict[str, float]]],
) -> list[tuple[dict[str, float], dict[str, float]]]:
    """The points that no other point beats on empty off-topic results, set recall and set precision
    at once, each trade-off once (the first of the grid's points that reach it), by set recall."""
    reached: dict[tuple[float, ...], tuple[dict[str, float], dict[str, float]]] = {}
    for point, m in rows:
        reached.setdefault(
            tuple(round(m[k], 3) for k in ("offtopic_empty", "recall", "precision")), (point, m)
        )
    best = [
        key
        for key in reached
        if not any(other != key and all(o >= k for o, k in zip(other, key, strict=True)) for other in reached)
    ]
    return [reached[k] for k in sorted(best, key=lambda k: (k[1], k[2]))]


def markdown_rows(table: list[tuple[str, dict[str, float], dict[str, float]]]) -> list[str]:
    lines = [
        "| row | "
        + " | ".join(GRID)
        + " | off-topic empty | set recall | set precision | macro precision | mean set size |",
        "|---|" + "---|" * (len(GRID) + 5),
    ]
    for label, p, m in table:
        lines.append(
            f"| {label} | "
            + " | ".join(f"{p[k]:g}" for k in GRID)
            + f" | {m['offtopic_empty']:.2f} | {m['recall']:.3f} "
            f"| {m['precision']:.3f} | {m['precision_macro']:.3f} | {m['mean_set']:.1f} |"
        )
    return lines


if __name__ == "__main__":
    main()
