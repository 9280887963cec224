"""Reading good-practice documents and feeding them to the knowledge base (``ingest.pipeline``)."""
