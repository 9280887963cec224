"""Metadata extraction measured against a labelled dev set (precision, recall, F1 per field)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml

from ingest.metadata.programme_keys import (
    DOCUMENT_WORDS,
    GENERIC_WORDS,
    country_names,
    name_keys,
    programme_key,
    written_forms,
)
from ingest.metadata.themes import ThemeClassifier, kept_themes
from ingest.parsing import parse_document
from ingest.site_template import folder_template
from ingest.themed_vectors import embed_with_themes, embedding_text
from kb.config import Settings
from kb.embedders import Embedder
from kb.errors import KbError
from kb.models import NewDocument
from kb.taxonomy import default_taxonomy
from kb.text import fold
from kb.yaml_data import load_yaml

SET_FIELDS = {"countries": "country", "programmes": "programme", "themes": "theme"}


@dataclass
class FieldScore:
    true_positives: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, predicted: set[str], expected: set[str]) -> None:
        self.true_positives += len(predicted & expected)
        self.predicted += len(predicted)
        self.expected += len(expected)


@dataclass
class MetadataReport:
    documents: int = 0
    accuracy: dict[str, float] = field(default_factory=dict)
    scores: dict[str, FieldScore] = field(default_factory=dict)
    errors: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        fields = {
            name: {"precision": round(s.precision, 3), "recall": round(s.recall, 3), "f1": round(s.f1, 3)}
            for name, s in self.scores.items()
        }
        return {
            "documents": self.documents,
            "accuracy": self.accuracy,
            "fields": fields,
            "errors": self.errors,
        }


def read_as_ingested(path: Path) -> NewDocument:
    """A labelled document read as ``kb ingest`` reads it (its folder's template lines left out)."""
    return parse_document(path, Settings(), folder_template(path.parent))


def load_gold(path: Path) -> list[dict[str, object]]:
    try:
        items = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise KbError(f"cannot read labelled set {path}: {error}") from error
    if not isinstance(items, list) or not all(isinstance(i, dict) and "path" in i for i in items):
        raise KbError(f"{path} must be a list of entries with at least a 'path'")
    return items


def evaluate_metadata(
    gold_path: Path, embedder: Embedder, root: Path | None = None, theme_threshold: float | None = None
) -> MetadataReport:
    """Extract every labelled document afresh and compare field by field."""
    root = root or Path.cwd()
    classifier = ThemeClassifier(embedder)
    if theme_threshold is not None:
        classifier.threshold = theme_threshold
    report = MetadataReport(scores={name: FieldScore() for name in SET_FIELDS})
    hits = {"language": 0, "year": 0}
    with_programmes = programme_hits = 0
    for item in load_gold(gold_path):
        doc = read_as_ingested(root / str(item["path"]))
        embed_with_themes(doc, embedder, lambda: classifier)
        found = found_values(doc)
        report.documents += 1
        hits["language"] += doc.language == item.get("language")
        hits["year"] += doc.year == item.get("year")
        found["programmes"] = matched_keys(found["programmes"], item)
        if item.get("programmes"):  # a document counts when one of its programmes is found
            with_programmes += 1
            programme_hits += bool(found["programmes"] & labelled_programmes(item))
        mistakes = compare(item, found, report)
        if doc.year != item.get("year"):
            mistakes["year"] = {"found": doc.year, "expected": item.get("year")}
        if mistakes:
            report.errors.append({"path": item["path"], **mistakes})
    report.accuracy = {name: round(n / max(1, report.documents), 3) for name, n in hits.items()}
    report.accuracy["programme found"] = round(programme_hits / max(1, with_programmes), 3)
    return report


def found_values(doc: NewDocument) -> dict[str, set[str]]:
    """Extracted values per labelled field."""
    found: dict[str, set[str]] = {key: set() for key in SET_FIELDS}
    for facet in doc.facets:
        for key, name in SET_FIELDS.items():
            if facet.field == name:
                found[key].add(facet.value)
    return found


def labelled_programmes(item: dict[str, object]) -> set[str]:
    """The labelled programmes as comparison keys (one per label): a registry alias is its
    programme; names compare without case, accents or words such as "programme"."""
    return set(_label_forms(item))


def _label_forms(item: dict[str, object]) -> dict[str, set[str]]:
    """Each label's key → every key it may be found under: its written forms ("Long Name (ACR)"
    is either) and, for a registered programme, all of its names."""
    taxonomy = default_taxonomy()
    forms = {}
    for label in item.get("programmes") or []:  # type: ignore[union-attr]
        keys = {programme_key(taxonomy.canonical("programme", str(label)))}
        for written in label_forms(str(label)):
            keys |= _all_names(taxonomy.canonical("programme", written))
        forms[programme_key(taxonomy.canonical("programme", str(label)))] = keys
    return forms


_BRACKETED = re.compile(r"(.+?)\s*\(([^()]+)\)")


def label_forms(label: str) -> list[str]:
    """A label's forms: those of any name ("Long Name (ACR)" is either), and both sides of
    whatever else a labeller put in closing brackets, which names the programme another way:
    a law's number ("Legge Marcora (Legge 27 febbraio 1985, n. 49)"), a translation."""
    forms = written_forms(label)
    forms += [f for f in _named_both_ways(label) if f not in forms]
    bracketed = _BRACKETED.fullmatch(label.strip())
    if forms[0] == label.strip() and bracketed and fold(bracketed.group(2)) not in country_names():
        forms += [*written_forms(bracketed.group(1)), bracketed.group(2)]
        # "(Parc des Technologies Numériques, PTN)": a translation and its acronym, each a form
        *other, acronym = bracketed.group(2).rsplit(", ", 1)
        if other and re.fullmatch(r"[A-Z][A-Z0-9&-]{2,9}", acronym):  # not "(Bari, IT)"
            forms += [*other, acronym]
    return forms


_TWO_NAMES = re.compile(r"(\S.*?)[ \t]+[–—][ \t]+(\S.*)")


def _named_both_ways(label: str) -> list[str]:
    """ "Startup Madeira – Centro de Empresas e Inovação da Madeira", "mobinov – Associação do Cluster
    Automóvel": a labeller who writes a name, a dash and a second name names the practice either
    way. The second must be a name (its words capitalised but their links), not what kind of
    document or stage it is ("… – Relatório Final"); the first a short one (a brand may be in
    small letters)."""
    parts = _TWO_NAMES.fullmatch(label.strip())
    if not parts or not _a_proper_name(parts.group(2)):
        return []
    head = parts.group(1).split()
    short_name = len(head) <= 4 and any(fold(w) not in GENERIC_WORDS for w in head)
    return [parts.group(1), parts.group(2)] if short_name else [parts.group(2)]


def _a_proper_name(text: str) -> bool:
    """Capitalised words but their links; no number and no body, call or measure leading it ("… –
    Regione Toscana", "… – Edital 2014", "… – Misura 16.2 Cooperazione", "… – Key Action 2")."""
    words = [w.strip(",") for w in text.split()]
    content = [w for w in words if fold(w) not in GENERIC_WORDS and w not in ("e", "ed", "and", "&")]
    return (
        len(content) >= 2
        and all(w[:1].isupper() for w in content)
        and not any(fold(w) in DOCUMENT_WORDS for w in content)
        and not any(ch.isdigit() for ch in text)
        and fold(words[0]) not in _NOT_A_NAME_HEAD
    )


_NOT_A_NAME_HEAD = frozenset(
    "regione regiao region comune municipio prefeitura governo government ministero ministerio ministry "
    "edital bando call misura medida measure azione acao action key lotto lote eixo asse axis".split()
)


def _all_names(name: str) -> set[str]:
    entry = default_taxonomy().programme(name)
    return {key for n in (entry.names if entry else (name,)) for key in name_keys(n)}


def matched_keys(names: set[str], item: dict[str, object]) -> set[str]:
    """Found names as comparison keys: a name that matches a label under any of its forms
    (a registry alias, "Long Name (ACR)" in either form) takes the label's key."""
    forms = _label_forms(item)
    return {
        next((label for label, keys in forms.items() if keys & _all_names(n)), programme_key(n))
        for n in names
    }


def compare(item: dict[str, object], found: dict[str, set[str]], report: MetadataReport) -> dict[str, object]:
    """Add one document to the field scores; its mistakes, field by field."""
    mistakes: dict[str, object] = {}
    for key, score in report.scores.items():
        expected = {str(v) for v in item.get(key) or []}  # type: ignore[union-attr]
        if key == "programmes":
            expected = labelled_programmes(item)
        score.add(found[key], expected)
        if found[key] != expected:
            mistakes[key] = {"found": sorted(found[key]), "expected": sorted(expected)}
    return mistakes


def theme_threshold_sweep(
    gold_path: Path, embedder: Embedder, root: Path, thresholds: np.ndarray
) -> list[tuple[float, FieldScore]]:
    """Theme F1 at each probability threshold (``themes.THRESHOLD``), on a labelled set."""
    classifier = ThemeClassifier(embedder)
    docs = []
    for item in load_gold(gold_path):
        doc = read_as_ingested(root / str(item["path"]))
        vectors = embedder.embed_documents([embedding_text(doc, p) for p in doc.passages])
        text = " ".join(p.text for p in doc.passages)
        docs.append((classifier.probabilities(vectors, text), set(item.get("themes") or [])))
    results = []
    for threshold in thresholds:
        score = FieldScore()
        for probabilities, expected in docs:
            score.add(set(kept_themes(probabilities, float(threshold))), expected)
        results.append((float(threshold), score))
    return results
