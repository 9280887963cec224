"""The labelled collection: the sample corpus and the labelled metadata sets indexed together.

    python bench/collection.py [--index DIR]

1,795 documents (about 600 per language, 4,921 passages): practice cards, reports, news,
minutes and interviews written for the metadata sets, and the off-topic texts mixed in with
them (recipes, sport, health leaflets). The sample corpus alone (38 documents, 72 passages)
is smaller than the dense side's 300 candidates, so every passage is ranked in meaning there;
here a search sees what a grown collection does. eval/big-tuning.json and
eval/big-heldout.json are judged on it, keyed by path (documents' ids depend on ingest order).
The folders are fixed, so the judgements hold when later metadata sets are added.
Embedding goes through bench/.cache: about half an hour the first time, a minute after.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from embedding_cache import CachedEmbedder

from ingest.pipeline import ingest_paths
from kb.config import DEFAULT_EMBEDDER, Settings
from kb.embedders import load_embedder
from kb.evaluation import JudgedQuery, load_queries
from kb.knowledge_base import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
LAST_SET = 58  # eval/heldout59 and later were blind when the judgements were made


def folders() -> list[Path]:
    """corpus/, eval/extra/ and eval/heldout, heldout2 … heldout58."""
    sets = [ROOT / "eval" / "heldout", *(ROOT / "eval" / f"heldout{n}" for n in range(2, LAST_SET + 1))]
    return [ROOT / "corpus", ROOT / "eval" / "extra", *sets]


def open_collection(index_dir: Path) -> KnowledgeBase:
    """The collection's index in ``index_dir``, built there first when it holds none."""
    if (index_dir / "manifest.json").exists():
        return KnowledgeBase.open(index_dir)
    kb = KnowledgeBase.open(index_dir, CachedEmbedder(load_embedder(DEFAULT_EMBEDDER)), create=True)
    ingest_paths(kb, folders(), Settings(index_dir=index_dir))
    return KnowledgeBase.open(index_dir)


def judged_by_path(kb: KnowledgeBase, path: Path) -> list[JudgedQuery]:
    """Queries whose judgements name documents by their path under the repository root,
    with those paths turned into the collection's document ids."""
    ids = {
        str(Path(doc.path).resolve().relative_to(ROOT)): doc_id
        for doc_id, doc in kb.store.documents(kb.store.all_doc_ids()).items()
    }
    queries = load_queries(path)
    unknown = {p for q in queries for p in q.judgements if p not in ids}
    if unknown:
        raise SystemExit(f"{path}: judged documents not in the collection: {sorted(unknown)[:5]}")
    return [replace(q, judgements={ids[p]: g for p, g in q.judgements.items()}) for q in queries]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=ROOT / "bench" / ".cache" / "collection")
    args = parser.parse_args()
    started = time.perf_counter()
    kb = open_collection(args.index)
    print(f"{args.index}: {kb.store.counts()} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
