"""Concepts that are kinds of others: a query naming the broader one also meets the narrower ones'
forms ("turismo" meets "enoturismo")."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the glossary builds its concepts with this module: no import back at run time
    from kb.glossary import Concept
    from kb.stemming import Phrase


def with_narrower(concepts: list[Concept], broader: dict[str, str | None]) -> list[Concept]:
    """Each concept with the forms of the concepts that name it ``broader``: one level, so a
    broader concept names no broader one of its own (no chains, no cycles)."""
    by_id = {c.id: c for c in concepts}
    wrong = {b for b in broader.values() if b} - set(by_id)
    wrong |= {b for c, b in broader.items() if b and (b == c or broader.get(b))}
    if wrong:
        raise ValueError(
            f"glossary: a broader concept must be another concept with no broader one: {sorted(wrong)}"
        )
    below: dict[str, set[Phrase]] = {}
    for concept_id, parent in broader.items():
        if parent:
            below.setdefault(parent, set()).update(by_id[concept_id].phrases())
    return [replace(c, narrower=frozenset(below.get(c.id, ()))) for c in concepts]
