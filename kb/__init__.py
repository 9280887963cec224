"""Praxis knowledge base: catalogue, vectors, embedders and hybrid search."""

from kb.config import Settings
from kb.embedders import Embedder, HashingEmbedder, load_embedder
from kb.errors import KbError
from kb.knowledge_base import KnowledgeBase
from kb.models import Document, FacetCount, Hit, NewDocument, Passage, SearchResult
from kb.request import SearchRequest

__all__ = [
    "Document",
    "Embedder",
    "FacetCount",
    "HashingEmbedder",
    "Hit",
    "KbError",
    "KnowledgeBase",
    "NewDocument",
    "Passage",
    "SearchRequest",
    "SearchResult",
    "Settings",
    "load_embedder",
]
