"""A name the text defines ("X è il parco scientifico …", "Foodvalley NL, the organisation that …")
or says it is about ("conversar sobre o Instituto Gênesis").

A text says what its subject is, once, right after naming it: a copula or an apposition, an
article, and a kind (a park, a cooperative, an agency, a programme). Names it only mentions are
seldom defined so.
"""

from __future__ import annotations

import re

from ingest.metadata.programme_patterns import APPOSITION_KINDS, KEYWORDS

_KINDS = (
    rf"{KEYWORDS}|{APPOSITION_KINDS}|cooperativ\w*|consor[cz]\w*|consortium|associa\w*|federa\w*|"
    r"distrett\w*|distrito|district|cluster|polo|p[oô]le|park|parque|parco|techpark|tecnopolo|technopole|"
    r"technopolis|incubat\w*|incubadora|accelerat\w*|hub|centre|center|centro|network|organi[sz]ation|"
    r"organização|organizzazione|agency|agência|agenzia|institut\w*|istitut\w*|fundação|fondazione|"
    r"foundation|market|mercato|mercado|zona|zone|campus|arranjo|enterprise|empresa|impresa|"
    r"company|società|sociedade|body|authority|autorità|autoridade|service|serviço|servizio|"
    r"science city|city|cidade|città|platform|plataforma|piattaforma|label|brand|marca|marchio|"
    r"campaign|campanha|campagna|movement|movimento"
)
_DEFINED = re.compile(
    r"(?i)^\s*(?:\([^()\n]{1,40}\)\s*)?[,:–—-]?\s*"
    r"(?:(?:is|was|has been|è|era|é|foi|sono|são|are|were)\s+)?"
    r"(?:one of\s+)?"
    r"(?:(?:a|an|the|um|uma|o|il|lo|la|un|una|uno)\s+|(?:l|un)['’]\s*)"
    rf"(?:[\w'’-]+\s+){{0,2}}?(?:{_KINDS})(?:s|es)?\b"
)


def defined_after(after: str) -> bool:
    """Whether the words after a name define it as a kind of body or scheme."""
    return bool(_DEFINED.match(after))


_ABOUT = re.compile(
    r"(?i)\b(?:sobre|acerca d[eoa]s?|about|riguardo (?:a|al|alla|all)|parliamo d\w*|focus (?:on|su)|"
    r"spotlight on|case study (?:of|on)|estudo de caso d[aoe]s?|dedicad[oa]s? (?:a|ao|à)|"
    r"dedicat[oaie] (?:a|al|alla|all)|devoted to)"
    r"(?:['’]|\s+(?:(?:o|a|os|as|il|lo|la|i|gli|le|the)\s+|l['’])?)$"
)


def about_before(before: str) -> bool:
    """Whether the words before a name say the text is about it ("conversar sobre o Instituto …",
    "parliamo della cooperativa …", "a case study of …")."""
    return bool(_ABOUT.search(before))
