"""Fit and measure the programme-name ranker (ingest.metadata.name_ranker) on the labelled sets.

    python bench/name_ranker.py [--fit] [--json] [--leave-out SET ...]

Every labelled document of eval/metadata*.yaml is read as ``kb ingest`` reads it; each of its
candidate names is labelled by whether it is one of the document's programmes (under any
written form). ``--fit`` prints the weights for ingest/metadata/name_ranker.py. Figures are
leave-one-set-out: each set is scored by weights fitted on the others, so they say how the
ranker does on documents it was not fitted on. The rules' own figures are in-sample for the
sets they were tuned on. ``--leave-out`` keeps sets (blind ones) out of the fit and the table.
The labelled sets hold few texts about firms that name no programme, so the table also counts
the names proposed for eval/no-programme.json (weights fitted on every set), each one wrong.
The ranker's best name is proposed where the rules found nothing from ``threshold``, and beside
what they found from ``confident`` (``inf``: never); its last rows sweep the second level.
"""

from __future__ import annotations

import argparse
import json
import math
from dataclasses import dataclass
from pathlib import Path
from unittest.mock import patch

import numpy as np
from labelled import kept_sets
from logistic import fit_logistic

from ingest.evaluation import _all_names, _label_forms, found_values, load_gold, matched_keys
from ingest.metadata import extract
from ingest.metadata.firms import about_firms
from ingest.metadata.name_candidates import name_candidates
from ingest.metadata.name_ranker import (
    CONFIDENT,
    FEATURES,
    THRESHOLD,
    candidate_features,
    never_proposed,
    proposable,
    ranked_text,
)
from ingest.metadata.programme_keys import written_otherwise
from ingest.parsing import describe, read_document
from ingest.site_template import folder_template
from kb.config import Settings

THRESHOLDS = (0.05, 0.1, 0.2, 0.3, 0.5)
CONFIDENT_LEVELS = (0.6, 0.7, 0.8, 0.9, math.inf)  # inf: never beside the rules' finds
NO_PROGRAMME = Path("eval/no-programme.json")


@dataclass
class Labelled:
    set_name: str
    names: list[str]
    rows: np.ndarray
    hits: np.ndarray  # per candidate: one of the document's programmes
    never: np.ndarray  # per candidate: a kind of name never proposed
    labelled: bool  # the document has programmes
    rules_found: bool  # the rules found any programme
    rules_hit: bool  # …and one of them is right
    rules_names: list[str]  # what they found


def read_set(path: Path) -> list[Labelled]:
    out = []
    for item in load_gold(path):
        file = Path(str(item["path"]))
        draft = read_document(file, Settings(), folder_template(file.parent))
        whole = ranked_text(draft.parsed.text, draft.heading)
        with patch("ingest.metadata.likely_programme", return_value=None):  # the rules alone
            describe(draft)
        found = found_values(draft.doc)["programmes"]
        keys = set().union(*_label_forms(item).values()) if item.get("programmes") else set()
        candidates, rows, never = scored_candidates(whole, draft.heading)
        hits = np.array([bool(_all_names(c.name) & keys) for c in candidates], dtype=np.float64)
        labels = set(_label_forms(item))
        out.append(
            Labelled(
                path.stem,
                [c.name for c in candidates],
                rows,
                hits,
                never,
                bool(keys),
                bool(found),
                bool(matched_keys(found, item) & labels),
                sorted(found),
            )
        )
    return out


def fit(docs: list[Labelled]) -> np.ndarray:
    """Weights fitted on the candidates that may be proposed (the others never are)."""
    docs = [d for d in docs if len(d.names)]
    rows = np.vstack([d.rows[~d.never] for d in docs])
    return np.asarray(fit_logistic(rows, np.concatenate([d.hits[~d.never] for d in docs]), ridge=1.0))


def measure(
    docs: list[Labelled], weights: dict[str, np.ndarray], threshold: float, confident: float = CONFIDENT
) -> dict[str, float]:
    """Programme found by the rules alone, and with the ranker's best name added where they found
    nothing (from ``threshold``) or beside what they found (from ``confident``, unless it is one of
    theirs written otherwise, as ingest leaves it out). Names added count new names only."""
    labelled = [d for d in docs if d.labelled]
    added = right = unlabelled = found = 0
    for d in docs:
        p = proposable(d.rows, weights[d.set_name], d.never) if len(d.names) else np.zeros(0)
        best = int(p.argmax()) if len(p) else -1
        by_rules = d.rules_names if d.rules_found else []
        if best < 0 or not added_by_ingest(p[best], d.names[best], by_rules, threshold, confident):
            found += d.rules_hit
            continue
        added += 1
        right += bool(d.hits[best])
        unlabelled += not d.labelled
        found += (d.rules_hit or bool(d.hits[best])) and d.labelled
    return {
        "documents": len(docs),
        "rules_found": round(sum(d.rules_hit for d in labelled) / max(1, len(labelled)), 3),
        "with_ranker_found": round(found / max(1, len(labelled)), 3),
        "names_added": added,
        "added_right": right,
        "added_to_unlabelled": unlabelled,
    }


def scored_candidates(whole: str, title: str) -> tuple[list, np.ndarray, np.ndarray]:
    """The candidate names, their feature rows and which are never proposed, as likely_programme
    builds them."""
    candidates = name_candidates(whole) if about_firms(whole) else []
    rows = candidate_features(candidates, whole, title) if candidates else np.zeros((0, len(FEATURES)))
    return candidates, rows, never_proposed([c.name for c in candidates], rows, whole)


def no_programme_scores(weights: np.ndarray) -> list[tuple[float, str, list[str]]]:
    """For each text of eval/no-programme.json, the best candidate's probability (0 when it has
    no candidate), its name and the names the rules gave the text (beside them a name is added
    only from :data:`CONFIDENT`)."""
    best = []
    for item in json.loads(NO_PROGRAMME.read_text(encoding="utf-8"))["texts"]:
        text, title = item["text"], item["title"]
        by_rules = extract_rules_only(text, title, item["language"])
        candidates, rows, never = scored_candidates(ranked_text(text, title), title)
        p = proposable(rows, weights, never) if len(rows) else np.zeros(1)
        name = candidates[int(p.argmax())].name if len(rows) else ""
        best.append((float(p.max()), name, by_rules))
    return best


def given_one(negatives: list[tuple[float, str, list[str]]], threshold: float, confident: float) -> int:
    """How many texts that name no programme the ranker gives one."""
    return sum(added_by_ingest(p, name, by_rules, threshold, confident) for p, name, by_rules in negatives)


def added_by_ingest(p: float, name: str, by_rules: list[str], threshold: float, confident: float) -> bool:
    """Whether ingest would add the ranker's best name (probability ``p``): from ``threshold`` where
    the rules found nothing, from ``confident`` beside ``by_rules`` unless it is one of theirs
    written otherwise (ingest.metadata.text_programmes)."""
    if not by_rules:
        return p >= threshold
    return p >= confident and not written_otherwise(name, by_rules)


def extract_rules_only(text: str, title: str, language: str) -> list[str]:
    with patch("ingest.metadata.likely_programme", return_value=None):
        return extract(text, title, language=language).values["programme"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="print weights fitted on every set")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--leave-out", nargs="*", default=[], help="set names kept out (blind sets)")
    args = parser.parse_args()
    sets = {p.stem: read_set(p) for p in kept_sets(args.leave_out)}
    everything = [d for docs in sets.values() for d in docs]
    if args.fit:
        print("WEIGHTS = (" + ", ".join(f"{w:.4f}" for w in fit(everything)) + ")  # " + ", ".join(FEATURES))
    weights = {name: fit([d for other, docs in sets.items() if other != name for d in docs]) for name in sets}
    rows = [
        {"set": name, "threshold": THRESHOLD, "confident": CONFIDENT, **measure(docs, weights, THRESHOLD)}
        for name, docs in sets.items()
    ]
    negatives = no_programme_scores(fit(everything))
    levels = [(t, CONFIDENT) for t in THRESHOLDS] + [
        (THRESHOLD, c) for c in CONFIDENT_LEVELS if c != CONFIDENT
    ]
    rows += [
        {
            "set": "all (left out in turn)",
            "threshold": t,
            "confident": c,
            **measure(everything, weights, t, c),
            "no_programme_texts_given_one": given_one(negatives, t, c),
        }
        for t, c in levels
    ]
    if args.json:
        print("\n".join(json.dumps(r) for r in rows))
        return
    print(
        "| set | threshold | beside the rules' from | documents | programme found, rules | with the ranker | new names | right "
        f"| on documents without a programme | {NO_PROGRAMME} texts given one (of {len(negatives)}) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['set']} | {r['threshold']} | {r['confident']} | {r['documents']} | {r['rules_found']:.3f} | {r['with_ranker_found']:.3f} "
            f"| {r['names_added']} | {r['added_right']} | {r['added_to_unlabelled']} "
            f"| {r.get('no_programme_texts_given_one', '')} |"
        )


if __name__ == "__main__":
    main()
