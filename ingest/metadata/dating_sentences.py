"""A sentence of its own that only dates the text, inside a longer line: when it was revised ("Versão de
novembro de 2021.") or the issue's date ("… for the association's members. September 2024.")."""

from __future__ import annotations

import re

from kb.text import MONTH

_REVISION_SENTENCE = re.compile(
    r"(?i)[\W]*(?:versão|versione|version|(?:final )?draft|bozza|rascunho|aggiornamento|aggiornat[oa]|atualização|atualizad[oa]|(?:last )?updated|"
    r"(?:last )?revised|revisione|revisão)\b[ \t:,]*(?:(?:de|del|dell['’]|of|il|em|on|in)[ \t]+)?"
    rf"(?:(?:\d{{1,2}}[ \t]+(?:de[ \t]+)?)?{MONTH}[ \t]+(?:de[ \t]+)?)?"
)
"""A sentence that tells only when the text was revised, up to its year: "Versão de novembro de
2021.", "Aggiornamento: novembre 2022.", "Revised 2022." (not "É a Lei nº 13.874, sancionada em setembro de 2019.",
nor an interview's "A: NovaUCD opened its doors in February 2003.")."""


def a_dating_sentence(text: str, at: int, line_start: int, line_end: int) -> bool:
    """Whether the year at ``at`` ends a sentence of its own, inside a longer line, that tells when
    the text was revised (:data:`_REVISION_SENTENCE`) or is only a date (:data:`_DATE_SENTENCE`)."""
    start = max(text.rfind(". ", line_start, at), text.rfind(".* ", line_start, at))
    start = line_start if start < 0 else text.index(" ", start) + 1
    end = text.find(". ", at, line_end)
    rest = text[at + 4 : line_end if end < 0 else end]
    told = _REVISION_SENTENCE.fullmatch(text, start, at) or (
        line_start < start and at < OPENING and _DATE_SENTENCE.fullmatch(text, start, at)
    )
    return bool(told) and not rest.strip(" .*_")


_DATE_SENTENCE = re.compile(
    rf"(?i)[\W]*(?:\d{{1,2}}[ \t]+(?:de[ \t]+)?)?{MONTH}[ \t]+(?:de[ \t]+|del[ \t]+)?"
)
"""A date that is a sentence of its own after another on its line, in the opening, up to its year: "*A
monthly digest for the association's members. September 2024.*" (the issue's date)."""
OPENING = 600
"""Characters of a text's opening, where a standfirst dates its issue (further on, "… com 18 sócios
fundadores. Março de 1994." is a timeline's entry)."""
