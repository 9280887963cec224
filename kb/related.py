"""Documents near a document: similar practices in any language, and its versions in others.

A document is the mean of its passage vectors, minus its language's mean document
vector (the same centring as search), so neighbours are found by topic, not language.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kb.store import Store

SAME_PRACTICE = 0.55
"""Centred similarity above which two documents in different languages tell the same practice."""
SAME_PROGRAMME = 0.45
"""A lower bar when both documents are chiefly about the same programme."""


@dataclass(frozen=True)
class Related:
    doc_id: str
    title: str
    language: str
    score: float


class DocumentSpace:
    def __init__(self, store: Store, dimension: int) -> None:
        ids, means = store.document_means()  # kept by the store: no scan of every passage
        self.ids = ids
        docs = store.documents(self.ids)
        self.docs = docs
        self.languages = np.array([docs[d].language for d in self.ids])
        matrix = means.astype(np.float64) if self.ids else np.zeros((0, dimension))
        matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
        for language in set(self.languages):
            matrix[self.languages == language] -= matrix[self.languages == language].mean(axis=0)
        matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
        self.matrix = matrix.astype(np.float32)
        self._row = {d: i for i, d in enumerate(self.ids)}

    def _scores(self, doc_id: str) -> np.ndarray:
        return self.matrix @ self.matrix[self._row[doc_id]]

    def _related(self, doc_id: str, index: int, scores: np.ndarray) -> Related:
        doc = self.docs[self.ids[index]]
        return Related(doc.doc_id, doc.title, doc.language, float(scores[index]))

    def similar(self, doc_id: str, k: int = 5) -> list[Related]:
        if doc_id not in self._row:
            return []
        scores = self._scores(doc_id)
        order = [i for i in np.argsort(-scores) if self.ids[i] != doc_id][:k]
        return [self._related(doc_id, i, scores) for i in order]

    def other_languages(self, doc_id: str) -> list[Related]:
        """The same practice told in another language, best match per language."""
        if doc_id not in self._row:
            return []
        scores = self._scores(doc_id)
        own = self.docs[doc_id]
        primary = own.values("programme")[:1]
        best: dict[str, Related] = {}
        for i in np.argsort(-scores):
            other = self.docs[self.ids[i]]
            if other.language == own.language or other.language in best:
                continue
            shared = primary and other.values("programme")[:1] == primary
            if scores[i] >= SAME_PRACTICE or (shared and scores[i] >= SAME_PROGRAMME):
                best[other.language] = self._related(doc_id, i, scores)
        return list(best.values())
