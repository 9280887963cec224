"""A founding told of the text's own subject without its name: "It was founded in 1927", "Fondata
nel 1919, …", "A cooperativa foi fundada em 1925", "L'associazione è nata nel 1946".

Before 1950 a year is history recalled unless it founds the practice, and a sentence that names
the practice says so. A text speaks of its subject mostly by a pronoun, by its kind with an
article, or by a participle opening the sentence; any other subject (a firm, a person, another
body by its name) founds something else.
"""

from __future__ import annotations

import re

_SUBJECT = (
    r"(?:it|they|ele|ela|essa|esse|esta|este|esso|lei|(?:the|a|o|la|il|lo|l['’])[ \t]*"
    r"(?!company|firm|factory|azienda|ditta|empresa|f[aá]brica|fabbrica|impresa|family|fam[ií]lia|famiglia)"
    r"(?-i:[a-zà-ý][\w-]+|[A-ZÀ-Ý][a-zà-ý-]+))"
)
"""A pronoun, or a kind with its article ("the co-operative", "a cooperativa", "la scuola", "The
Federation"); not a firm or a family, whose founding is older than the practice it joins."""
_BE = r"(?:was|were|is|foi|foram|é|fu|furono|è|era|venne|sono)"
_FOUNDED = (
    r"(?:founded|fundad[oa]s?|fondat[oaie]|nat[oaie]|nasceu|nacque|created|criad[oa]s?|creat[oaie]|"
    r"established|set[ \t]+up|istituit[oaie]|costituit[oaie]|constitu[ií]d[oa]s?)"
)
_TOLD_OF_THE_SUBJECT = re.compile(
    rf"(?i)^[\W]*(?:\w+:[ \t]*)?(?:{_SUBJECT}[ \t]+{_BE}[ \t]+|{_SUBJECT}[ \t]+)?{_FOUNDED}"
    r"(?:[ \t]+(?:in|em|nel|no|il|on|a|ad|at)[ \t]+[^,;]{0,40})?[ \t]+(?:in|em|nel|no|il|on)?[ \t]*$"
)


def told_of_the_subject(sentence_head: str) -> bool:
    """Whether a sentence, up to a year, tells its own subject founded then, unnamed: a pronoun, an
    article and a kind, or nothing before the participle ("Founded in 1938 in Vicuña by …")."""
    return _TOLD_OF_THE_SUBJECT.match(sentence_head.strip(" \t") + " ") is not None
