"""The practice's name as the text sets it in bold: a writer bolds the name of what the text is about
where it first gives it ("o **Moda Center Santa Cruz** reúne 700 fabricantes"), and names written only
a few times are what the ranker alone weighs least."""

from __future__ import annotations

import re

from ingest.metadata.name_ranker import ranked_text, scored_candidates

EMPHASIS_THRESHOLD = 0.1
"""The ranker's probability a bold name needs (0.05–0.5 tried over 2,480 labelled documents: from 0.1
a bold name found is right as often as it is new; below, bold words are as often a sponsor or a sector)."""
_LABEL = re.compile(r"[:?!]")
"""A card's or a list's label ("**Formação:**") or a question ("**How did it start?**"), not a name."""


def emphasised_name(text: str, title: str, emphasis: tuple[str, ...]) -> str | None:
    """The first words set in bold that the ranker reads as a name with :data:`EMPHASIS_THRESHOLD` at least."""
    if not emphasis:
        return None
    whole = ranked_text(text, title)
    candidates, probability = scored_candidates(whole, title)
    scores = {c.name: float(p) for c, p in zip(candidates, probability, strict=True)}
    bold = next((run for run in emphasis if run in scores and not _LABEL.search(run)), None)
    return bold if bold is not None and scores[bold] >= EMPHASIS_THRESHOLD else None
