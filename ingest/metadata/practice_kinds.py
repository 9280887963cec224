"""The words a practice of this field is called by, inside its own name: "Tonsley Innovation
District", "Cooperativa Agrária", "Parque de Ciência e Tecnologia Guamá", "Computer Village".

A labeller's programme is as often the practice itself (a park, a district, a cooperative) as a
scheme that funds it; such a name holds one of these words, while the universities, agencies and
places a text also names seldom do.
"""

from __future__ import annotations

import re

PRACTICE_WORDS = (
    r"park|parque|parco|tecnopolo|technopole|technopolis|technopark|techpark|teknokent|tecnopark|campus|"
    r"district|distretto|distrito|cluster|polo|pólo|arranjo|apl|aglomerado|agglomerazione|"
    r"cooperativa|cooperative|co-operative|consorzio|consórcio|consorcio|consortium|"
    r"complex|complexo|village|valley|quarter|quartiere|estate|zone|zona|"
    r"incubator|incubatore|incubadora|hub|market|mercato|mercado"
)
_PRACTICE = re.compile(rf"(?i)(?<![\w-])(?:{PRACTICE_WORDS})(?![\w-])")


def names_a_kind_of_practice(name: str) -> bool:
    """Whether the name holds a word for a kind of practice ("Distretto serico comasco")."""
    return _PRACTICE.search(name) is not None
