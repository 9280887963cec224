"""Whether a text is about firms at all: what the name ranker and the domestic country ask first.

A match report, a recipe or a concert review can name a "Valle Verde Cup (VVC)" launched in 1990,
or print a "programma"; it names no firms, exports or clusters.
"""

from __future__ import annotations

import re
from itertools import islice

FIELD_WORDS = re.compile(
    r"(?i)\b(?:empres\w*|impres[ae]|enterprises?|business\w*|neg[óo]cios?|firms?|companies|aziend[ae]|smallholders?|pmi|pmes?|smes?|msmes?|"
    r"cooperativ\w*|cons[oó]r[cz]i[oa]s?|consorzi|consorti(?:um|a)|startups?|(?:agro-?)?empreend\w*|imprendit\w*|entrepreneur\w*|agro-?entrepreneur\w*|incubadoras?|incubatori?|incubators?|"
    r"export\w*|esporta\w*|esportazion\w*|esportator\w*|cluster\w*|distrett\w*|"
    r"arranjos? produtivos?|micro-?cr[eé]dit\w*|microfinan\w*|artigian\w*|artesan\w*|artisan\w*)\b"
)
MIN_FIELD_WORDS = 2
"""A text that names firms, exports or clusters fewer times than this is about something else."""


def about_firms(text: str) -> bool:
    """Whether the text names firms, exports or clusters at least :data:`MIN_FIELD_WORDS` times
    (it stops reading at the last one needed: a long report answers at its first page)."""
    return next(islice(FIELD_WORDS.finditer(text), MIN_FIELD_WORDS - 1, None), None) is not None
