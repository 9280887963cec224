"""Confirming a programme name that extraction proposed into the registry.

A name found by how a text introduces it ("o programa Rota 2030") is a programme facet at
once, marked *proposed*. Confirming it appends it to the registry (``kb/data/programmes.yaml``
or ``KB_PROGRAMME_REGISTRY``), so later documents are matched by name, and makes the value an
ordinary one in every document that holds it. The Curate page and ``kb programmes`` use this.
"""

from __future__ import annotations

from kb.errors import KbError
from kb.knowledge_base import KnowledgeBase
from kb.taxonomy import add_programme, default_taxonomy

MAX_NAME_CHARS = 80


def confirm_programme(kb: KnowledgeBase, name: str, country: str = "") -> int:
    """Register a proposed programme (with its country, if given); returns the documents updated."""
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME_CHARS:
        raise KbError(f"a programme name has 1 to {MAX_NAME_CHARS} characters")
    code = default_taxonomy().canonical("country", country) if country.strip() else None
    if code is not None and not (code == "EU" or (len(code) == 2 and code.isupper())):
        raise KbError(f"unknown country {country!r}: give an ISO code such as BR, IT or EU")
    if default_taxonomy().programme(name) is None:
        add_programme(name, code)
    with kb.writing():
        return kb.store.confirm_value("programme", name)
