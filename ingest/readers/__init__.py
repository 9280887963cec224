"""Bytes → text, one reader per format; every failure is an ``UnreadableFile`` with a reason."""

from ingest.readers.base import ParsedFile, read_file, supported_type

__all__ = ["ParsedFile", "read_file", "supported_type"]
