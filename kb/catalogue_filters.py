"""Which documents and passages a filter lets through, remembered until the collection changes.

Advisers keep a filter (a country, a theme) across many searches; at a million passages,
reading a sixth of the passage ids back for every search cost more than the search itself.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

import numpy as np

from kb.catalogue_schema import filter_clause

REMEMBERED = 16


class Remembered:
    """The last few values computed at a generation of the collection."""

    def __init__(self, size: int = REMEMBERED) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = compute()
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value


class FilterCache:
    """Mixed into :class:`kb.catalogue.Catalogue`, whose connection and generation it reads."""

    db: sqlite3.Connection
    _remembered: Remembered
    generation: Callable[[], int]

    def filtered_doc_ids(self, filters: Mapping[str, Sequence[str]]) -> list[str]:
        """Ids of documents passing the filters, by title."""
        where, params = filter_clause(filters)
        sql = f"SELECT d.doc_id FROM documents d WHERE {where} ORDER BY d.title COLLATE NOCASE"
        return list(
            self._remembered.get(
                (self.generation(), sql, *params), lambda: [r[0] for r in self.db.execute(sql, params)]
            )
        )

    def chunk_ids_for(self, doc_ids: Sequence[str]) -> np.ndarray:
        """The passage ids of these documents (read-only: the array is shared)."""

        def read() -> np.ndarray:
            rows = self.db.execute(
                "SELECT chunk_id FROM chunks WHERE doc_id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(doc_ids)),),
            )
            ids = np.fromiter((r[0] for r in rows), dtype=np.int64)
            ids.flags.writeable = False
            return ids

        return self._remembered.get((self.generation(), "chunks", tuple(doc_ids)), read)
