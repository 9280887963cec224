"""The practice's name as the text sets it in bold: a writer bolds the name of what the text is about
where it first gives it ("o **Moda Center Santa Cruz** reúne 700 fabricantes"), in full where the text
then shortens it; names written only a few times are what the ranker alone weighs least."""

from __future__ import annotations

import re

from ingest.metadata.name_ranker import ranked_text, scored_candidates
from ingest.metadata.programme_keys import DOCUMENT_WORDS
from kb.text import fold

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


MAX_EMPHASIS_WORDS = 14


def emphasised_in_full(name: str, text: str, emphasis: tuple[str, ...]) -> str:
    """The words the text sets in bold around ``name`` when they name more of it: "**Zona di
    cooperazione Shenzhen-Hong Kong per i servizi moderni di Qianhai** è stata avviata" where the
    text then says "Qianhai". A writer bolds the practice's full name where it first gives it; a bold
    label ("**Formação:**"), a question, a heading alone on its line, a sentence, an occasion it holds
    ("**Dia Aberto Biocant Park**") or two names joined is no name."""
    words = fold(name).split()
    for run in emphasis:
        folded = fold(run).split()
        if (
            len(words) < len(folded) <= MAX_EMPHASIS_WORDS
            and run[:1].isupper()
            and not _LABEL.search(run)
            and "," not in run
            and folded[0] not in _ARTICLES  # "Il Consorzio … chiude il 2023", "Os produtores da Rede …"
            and (at := _at(folded, words)) >= 0
            and not any(word in _OCCASIONS or word in DOCUMENT_WORDS for word in folded[:at])
            and folded[at + len(words) : at + len(words) + 1] not in (["e"], ["and"], ["ed"], ["&"])
            and re.search(rf"\S[ \t]*{re.escape(run)}|{re.escape(run)}[ \t]*\w", text)
        ):
            return run
    return name


def _at(words: list[str], part: list[str]) -> int:
    """Where ``part`` starts in ``words``, or -1."""
    return next((i for i in range(len(words) - len(part) + 1) if words[i : i + len(part)] == part), -1)


_OCCASIONS = frozenset(
    "dia day giornata giorno aberto aberta aperto aperta open semana week settimana festa festival fair "
    "fiera feira encontro meeting incontro convegno congresso congress conference conferencia conferenza "
    "seminario seminar workshop webinar cerimonia ceremony premio award prize visita visit assemblea "
    "assembleia assembly reuniao riunione chair board presidente president diretor direttore director "
    "soci socios members produtores produttori producers".split()
)
"""Words of an occasion the practice holds or of its people, not of its name: "**Dia Aberto Biocant
Park**", "**Assemblea dei soci del Consorzio …**", "**Chair of Medtech Galway**"."""
_ARTICLES = frozenset("o a os as il lo la i gli le the um uma un una uno".split())
