"""Reading good-practice documents and feeding them to the knowledge base."""

from ingest.pipeline import FileOutcome, IngestReport, ingest_paths, parse_document

__all__ = ["FileOutcome", "IngestReport", "ingest_paths", "parse_document"]
