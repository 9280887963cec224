"""How texts introduce a programme: the words and shapes of its name (regular expressions).

"o programa Rota 2030", "il Piano Nazionale Industria 4.0", "the Regional Innovation Engines
programme", "Lei nº 13.755", "Fundo … do Nordeste (FNE)", "PDR2020 — Programa de …": each
pattern names the part of the match that is the programme's name.
"""

from __future__ import annotations

import re

KEYWORDS = (
    "programa|programas|programma|programmi|programme|programmes|program|programs|"
    "iniciativa|iniziativa|initiative|estratégia|estrategia|strategia|strategy|"
    "plano|piano|plan|projeto|projecto|proyecto|progetto|project|fundo|fondo|fund|challenge|"
    "sistema|system|rede|rete|red|scheme|pacto|patto|pact|projet"
)
PERIOD = r"(?:19|20)\d\d[-–/](?:19|20)?\d\d"  # "2014-2020": a programming period
COINED = r"(?<![\w'’.-])[a-z](?:\d+(?=[ \t]+[A-ZÀ-Ý])|-[A-ZÀ-Ý][\w'’-]*\w|[A-ZÀ-Ý][a-zà-ÿ]{3,}[\w'’-]*)(?![\w'’-])"  # i6 Challenge, e-Residency; not m2, kWh
# a number may carry a unit or letter ("Fundo 200M", "Indústria 4.0"); the look-ahead only fails fast where
# no word can start (a pattern led by a name is tried everywhere)
WORD = rf"(?=[dlA-ZÀ-Ý\d]|{COINED})(?:(?:[dl]['’])?[A-ZÀ-Ý][\w'’.-]*[\w](?::[A-ZÀ-Ý]\w+)?|[A-ZÀ-Ý]|{PERIOD}|{COINED}|\d(?:[\d.]*\d)?[A-Z]{{0,2}})"
SUPPORTING = ("Apoio", "Fomento", "Incentivo", "Incentivos", "Sostegno", "Contributi", "Aiuti", "Incentivi")
DATIVE = (
    "(?:" + "|".join(f"(?<=[{w[0]}{w[0].lower()}]{w[1:]} )" for w in SUPPORTING) + ")(?:aos|às|alle|ai|agli)"
)
"""Plural "to the" inside a name only after a word of support ("Apoio aos Polos Tecnológicos",
"Contributi alle Imprese …"); elsewhere it leads out of the name ("Programa Mais Alimentos aos
Estados do Nordeste")."""
LINK = rf"(?:de|da|do|dos|das|di|del|della|dei|delle|degli|per|for|of|and|e|y|la|le|a|à|ao|al|alla|to|&|\+|{DATIVE})"
PREPOSITION = r"(?:de|di|per|for|of)"
ARTICLE = r"(?:the|la|le|les|il|lo|gli|os|as|o|el|los|las)"
ALONE = r"(?<=[^\W\d_][ \t])(?:the|through)"
"""Linking words inside a name: a link, or a preposition with its article ("per le Aree Interne",
"for the Development"); "the" and "through" alone, straight after a word ("Feed the Future",
"Growth through Innovation"), never after "and" or "to" ("Italy and the European Social Fund")."""
SPANISH_FOR = r"para[ \t]+(?:el|la|los|las)"
"""Spanish "para el/la" inside a name ("Sistema de Banca para el Desarrollo"); Portuguese "para o"
goes on to an audience or a place ("Rota 2030 para o Rio Grande do Sul")."""
LINKING = rf"(?:{PREPOSITION}[ \t]+{ARTICLE}[ \t]+|{SPANISH_FOR}[ \t]+|{LINK}[ \t]+|{ALONE}[ \t]+)"
NAME = rf"{WORD}(?:(?:[ \t]+{LINKING}?|[ \t]+[–—][ \t]+){WORD}){{0,7}}"
KEYWORD = rf"(?:{KEYWORDS})"
HAS_KEYWORD = re.compile(rf"(?i)\b{KEYWORD}\b")
"""A text that holds a programme word anywhere ("… Programma di Sviluppo Rurale …")."""

NOT_A_PATTO = r"(?!(?<=\ba[ \t])patto\b)"
"""Italian "a patto di/che" (provided that) names no pact."""
NO_EXAMPLE = r"(?!(?:like|such|as|including|come|como|tipo|incluindo|inclusi)\b)"
""""Programmes like the NEIP": an example of programmes, not a name."""
NO_VERB = (
    r"(?!(?:was|were|is|are|has|have|had|will|would|foi|foram|é|são|era|eram|tem|têm|será|serão|"
    r"è|sono|fu|furono|ha|hanno|sarà|saranno|erano)\b)"
)
""""The SSF Project was launched by the DTI": a clause's verb, where a name's describing words stop."""
QUESTION = (
    r"(?:What|Which|Who|Where|How|Why|Qual|Quale|Quali|Cosa|Che|Chi|Dove|Come|Quais|Quem|Onde|Como|O que)"
)
""""Qual è il progetto …", "What is the programme …": a question, no name."""
PLANS = r"Plano|Piano|Plan"
PUBLIC_BODIES = r"Ministry|Department|Agency|Government|Commission|Bank|Office|Council|Authority"
ADMINISTRATIONS = (
    rf"(?i:{PUBLIC_BODIES}|Administration|Administração|Amministrazione|Minist[eé]rio|Ministero|Ag[eê]ncia|Agenzia|"
    r"Secretaria|Institute|Instituto|Istituto|Foundation|Funda[cç][aã]o|Fondazione|Corporation)"
)
"""What heads a body rather than a scheme: "Small and Medium Business Administration (SMBA)"."""
SCOPE = r"(?:Nacional|Nazionale|National|Federal|Regional|Regionale|Estadual|\d)"
PROGRAMME_WORDS = (
    "programa|programas|programma|programmi|programme|programmes|program|programs|iniciativa|iniziativa|"
    "initiative|projeto|projecto|proyecto|progetto|project|fundo|fondo|fund|scheme"
)
"""Words that name a programme and nothing else (not a network, a system or a plan)."""
PATTERNS = (
    # "o programa Rota 2030", "il programma PROSOFT", "the programme COSME", "o projeto setorial
    # Brazilian Furniture" (one lowercase word may qualify the keyword; a plan is not enough;
    # "por iniciativa do Sindicato …", "su iniziativa della Camera …" name who took it)
    re.compile(
        rf"(?<!por )(?<!su )\b(?:{KEYWORDS.replace('plano|piano|plan|', '')})[ \t]+(?:[a-zà-ÿ]{{4,14}}[ \t]+)?"
        rf"(?:(?:de|di|da|do|del|della|for|of)[ \t]+)?(?P<name>{NAME})"
    ),
    # "Fondo di garanzia per le PMI", "Fundo de Aval às MPEs": lowercase words up to an acronym
    re.compile(
        rf"\b(?P<name>(?:{KEYWORDS.replace('plano|piano|plan|', '').title()})(?:[ \t]+{NO_EXAMPLE}{NO_VERB}[a-zà-ÿ]{{1,15}}){{1,4}}"
        rf"[ \t]+[A-Z]{{2,}}[\w-]*)"
    ),
    # "POR FESR Marche 2014-2020": an operational programme named by acronyms and its period
    re.compile(
        r"\b(?P<name>(?:[A-Z]{2,}[ \t]+){1,3}(?:[A-ZÀ-Ý][\w'-]+[ \t]+)?(?:19|20)\d\d[-–/](?:19|20)?\d\d)\b"
    ),
    # "Programas Estratégicos de Especialização Inteligente", "Fundo Amazônia", "Patto per il Lavoro"
    re.compile(
        rf"\b(?P<name>(?:{KEYWORDS.replace('plano|piano|plan|', '').title()})[ \t]+(?:{LINKING})?{NAME})"
    ),
    # "Piano Nazionale Industria 4.0", "Plano Brasil Maior 2011": a national or numbered plan;
    # "Plan d'Accélération Industrielle": a plan named in two capitalised words or more
    re.compile(rf"\b(?P<name>(?:{PLANS})[ \t]+(?:{LINK}[ \t]+)?(?=[^\n]{{0,40}}{SCOPE}){NAME})"),
    re.compile(rf"\b(?P<name>(?:{PLANS})[ \t]+{WORD}[ \t]+(?:{LINK}[ \t]+)?{WORD}(?:[ \t]+{WORD}){{0,4}})"),
    # "NSF Regional Innovation Engines programme", "Industrial Cluster Project", "Supporting
    # Industry Development Programme 2016–2025", "Industry4WRD Intervention Fund"
    re.compile(
        rf"(?P<name>{NAME})[ \t]+(?P<kind>(?i:programme|program|initiative|project|challenge|strategy|fund|"
        rf"scheme)\b(?:[ \t]+{PERIOD})?)(?![ \t]+(?:for|of)[ \t]+[A-Z])(?!(?<=[Ff]und)[ \t]+on[ \t]+[A-Z])"
    ),
    # "PROSOFT, un programma per …", "o Comércio Investe, um programa de apoio" (an indefinite
    # article: "Em Honduras, o projeto" is no name)
    # (not a partner: "em parceria com o CNPq, um programa que …")
    re.compile(
        rf"(?<!com o )(?<!com a )(?<!con il )(?<!con la )(?<!with the )(?<!with )\b(?P<name>{NAME}),[ \t]+"
        rf"(?:un|uno|una|a|an|um|uma)[ \t]+{NOT_A_PATTO}(?i:{KEYWORD})\b"
    ),
    # "… through Sustainable Food and Fibre Futures, the Ministry for Primary Industries fund
    # that …": a body's programme, named before it in two capitalised words or more, mid-sentence
    re.compile(
        rf"(?<=[a-z][ \t])(?P<name>[A-ZÀ-Ý][\w'’-]*(?:[ \t]+(?:{LINK}[ \t]+)?[A-ZÀ-Ý][\w'’-]*){{1,7}}),"
        rf"[ \t]+the[ \t]+(?={PUBLIC_BODIES}){NAME}(?:['’]s)?[ \t]+(?:fund|programme|program|scheme|initiative)\b"
    ),
    # "O Portugal Sou Eu é um programa", "ELAN is a programme", "Brasil Mais Produtivo, programa federal"
    re.compile(
        rf"(?P<name>{NAME})[ \t]+(?:é|è|is|was|era|foi|fu)[ \t]+(?:un|una|a|an|um|uma|o|il|the)[ \t]+"
        rf"(?:[a-zà-ÿ]{{4,12}}[ \t]+)?(?:{KEYWORDS})\b"
    ),
    # "Produktionslyftet (the \"Production Lift\") is a national programme started …": a name glossed,
    # then said to be a programme, is one even as one word ("Brexit was a challenge", "Tecnalia
    # (Spain) is a project partner" and "Lombardy (Italy) was a pilot project" are not)
    re.compile(
        rf"(?!{QUESTION}\b)(?P<name>{NAME})[ \t]*\((?:the|o|a|il|la|lo|l['’]|[\"“«])[^()\n]{{2,60}}\)[ \t]+"
        rf"(?:é|è|is|was|era|foi|fu)[ \t]+(?:un|una|a|an|um|uma|o|il|the)[ \t]+(?:[a-zà-ÿ]{{4,12}}[ \t]+)?"
        rf"(?:{PROGRAMME_WORDS})(?=[ \t]*[.,;:]|[ \t]+(?:for|of|per|di|de|da|del|della|do|that|che|que|which|to|"
        rf"started|launched|avviat[oa]|lanciat[oa]|lançad[oa]|criad[oa]|run|managed)\b)(?P<plainly>)"
    ),
    re.compile(
        rf"(?P<name>{NAME}),[ \t]+(?:{KEYWORDS})[ \t]+(?:federal|nacional|nazionale|national|regional|regionale|pubblico|público|public|europeu|europeo|european)\b"
    ),
    # "Il MUVI, avviato nel 2007, …": an acronym opening a sentence, and when it began (mid-sentence,
    # "the schooner Bluenose, launched in 1921" is a boat; "Il Consorzio, avviato nel 2005" a body)
    re.compile(
        r"(?:(?<=\n)|(?<![\s\S])|(?<=[.;:!?][ \t]))(?:(?:Il|Lo|La|O|A|The|El)[ \t]+)?"
        r"(?P<name>[A-Z]{3,8}),[ \t]+(?:avviat[oa]|lanciat[oa]|launched|lançad[oa]|iniciad[oa])[ \t]+"
        r"(?:nel|in|em|no|a)[ \t]+(?:19|20)\d\d\b(?P<plainly>)"
    ),
    # "Lei nº 13.755", "Legge n. 317/1991", "Decreto 8.086",
    # "Legge regionale n. 13/2014", "Lei Complementar nº 123", "Lei n.º 30/11", "Decreto-Lei n.º 248/86",
    # "Ley 27.264", the Philippines' "Republic Act No. 9501"
    re.compile(
        r"\b(?P<name>(?:Decreto-Lei|Decreto-[Ll]egge|Decreto[ \t]+legislativo|(?<!-)Lei|(?<!-)Legge|Law|Ley|Decreto|Decree|"
        r"Republic[ \t]+Act)[ \t]+(?:(?i:regionale?|"
        r"provinciale|nazionale|federal|"
        r"estadual|complementar|state)[ \t]+)?(?:[nN](?:\.?[º°]|º\.|o\.?|\.)?[ \t]*)?\d[\d./]*\d)"
        r"(?![ \t]+(?i:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre"
        r"|dicembre)\b)"  # "Legge 27 febbraio 1985, n. 49" is cited by its date: the next pattern's
    ),
    # "Legge 5 ottobre 1991, n. 317", "Decreto legislativo 3 luglio 2017, n. 117": an Italian law cited
    # with its date
    re.compile(
        r"\b(?P<name>(?:[Ll]egge|[Dd]ecreto[ \t]+legislativo|[Dd]ecreto-legge)[ \t]+(?:(?:regionale|provinciale)[ \t]+)?"
        r"\d{1,2}[ \t]+(?i:[a-z]+)[ \t]+\d{4},?[ \t]+n\.[ \t]*\d+)"
    ),
    # a name in quotes after a keyword or a policy, perhaps described: programa “Mais Inovação”,
    # la politica pubblica «Medellín Ciudad Clúster» (not a policy brief's or a paper's title)
    re.compile(
        rf"(?i:(?=[piesfcr])(?:{KEYWORD}|pol[ií]tica|policy))(?![ \t]+(?:brief|paper|document|report|documento|relatório|rapporto|nota)\b)"
        rf"(?:[ \t]+[a-zà-ÿ]{{3,15}}){{0,2}}[ \t]+[\"“«](?P<name>[^\"”»\n]{{3,60}})[\"”»]"
    ),
)
APPOSITION_KINDS = (
    "misura|medida|measure|strumento|instrumento|instrument|mechanism|mecanismo|meccanismo|agevolazione|"
    "incentivo|incentive|subsidy"
)
"""Besides the programme words, what a described programme may be called in apposition ("il Fondo
…, la misura nazionale gestita da …", "Bonus Export Digitale, l'agevolazione nazionale pensata per …"); not a brand or a label, which is
as often a firm's ("Barilla, il marchio di Parma")."""
A_REGIME = (
    r"regime(?:[ \t]+(?:especial|simplificad[oa]|tribut[aá]ri[oa]|fiscale?|opzionale|agevolat[oa]|speciale|"
    r"semplificat[oa]|forfettario|forfetário|optional|special|simplified|preferential|preferenziale|tax)){1,2}"
)
"""A scheme of law or tax, described ("o Inova Simples, o regime especial simplificado para …",
"il Patent Box, il regime opzionale di tassazione …")."""
_ONE_QUALIFIER = (
    r"[a-zà-ÿ]{2,12}(?:iv[oaie]|ivos|ivas|a[lr]e|a[lr]i|ais|[aá]ri[oa]|ic[oa]|ici|iche|ense|ensi)"
)
_SCOPE_OR_RUN = (
    r"(?:nacional|nazionale|national|federal|regional|regionale|estadual|europeu|europeo|europea|european|"
    r"gestit[oa]|gerid[oa]|operad[oa]|run|managed|operated)\b"
)
"""One adjective after a programme word ("SELFIEmployment, il fondo rotativo nazionale …"), only
before a scope or who runs it: "Segundo o IBGE, o sistema produtivo da região" or "Para o Sebrae, o
programa significa que …" name nothing."""
_DESCRIBING = (
    r"(?:(?!(?:de|di|da|do|dos|das|del|della|dello|dei|delle|degli|pelo|pela|of|for|per|para|and|e|ed|y|"
    r"in|em|no|na|nel|nella|with|com|con|que|che|that|which)\b)[a-zà-ÿ][a-zà-ÿ-]{2,20}[ \t]+){1,2}"
)
"""One or two describing words between the article and a programme word ("the central government
scheme for …"), never a linking word: "Mario Rossi, il direttore del programma" is a person."""
_LAUNCHED = (
    r"launched|promoted|created|introduced|established|funded|financed|lanciat[oa]|promoss[oa]|avviat[oa]|"
    r"istituit[oa]|finanziat[oa]|lançad[oa]|criad[oa]|promovid[oa]|institu[ií]d[oa]|financiad[oa]|"
    r"designed|aimed|pensat[oa]|rivolt[oa]|destinat[oa]|destinad[oa]|voltad[oa]"
)
"""Who or when made the programme, right after a programme word in apposition ("Go to Brand, the
national scheme launched in 2016", "Eccellenze in Digitale, il progetto promosso da …"); not after a
network's or a system's word ("Il Consorzio Vera Pelle, la rete promossa dalle concerie")."""
_WHEN_OR_BY = (
    r"(?:in|by|nel|nell['’]|nei|negli|dal|dalla|dalle|dai|dagli|dallo|dall['’]|da|em|por|pelo|pela|no|na|to|"
    r"for|per|para|under|"
    r"through|with|con|com|(?:19|20)\d\d)\b"
)
"""A participle's complement: "launched in 2016", "promosso da …"; "the programme launched a call"
is a sentence's verb."""
# "do Crediamigo, o programa de microcrédito", "la Nuova politica regionale, il programma con cui",
# "os Agentes Locais de Inovação — o programa que":
# a name in apposition to a programme described right after it (lowercase words allowed;
# "PM Vishwakarma, the central government scheme for …")
APPOSITION = re.compile(
    r"(?P<name>[A-ZÀ-Ý][\w'’@.&+-]*(?:[ \t]+[\w'’@.&+-]+){0,7})(?:,|[ \t]+[–—])[ \t]+(?:(?:o|il|lo|the|a|la)[ \t]+|l['’])"
    rf"{NOT_A_PATTO}(?:(?:(?<!the )(?:{PROGRAMME_WORDS})[ \t]+{_ONE_QUALIFIER}(?=[ \t]+{_SCOPE_OR_RUN})|{KEYWORDS}|"
    rf"{_DESCRIBING}(?:{PROGRAMME_WORDS})|(?:{_DESCRIBING})?(?:{APPOSITION_KINDS})|{A_REGIME})[ \t]+"
    r"(?:de|di|da|do|del|della|of|for|con|com|with|che|que|that|which|per|para|to|"
    r"che|cui|nacional|nazionale|national|federal|regional|regionale|europeu|europeo|europea|european|"
    r"delivered|run|managed|operated|administered|gestit[oa]|gerid[oa]|operad[oa])\b"
    rf"|(?:{_DESCRIBING})?(?:{PROGRAMME_WORDS}|{APPOSITION_KINDS})[ \t]+(?P<launched>{_LAUNCHED})[ \t]+"
    rf"(?:(?:here|there|qui|aqui|aqui)[ \t]+)?{_WHEN_OR_BY})"
)
DESCRIBED_ACRONYM = re.compile(
    rf"\b(?:{PROGRAMME_WORDS})\b(?:[ \t]+[a-zà-ÿ'’-]+){{0,12}},[ \t]+(?:(?:o|a|il|la|lo|the|l['’])[ \t]*)?"
    r"(?P<name>(?=[A-Z0-9+&-]*[A-Z][A-Z0-9+&-]*[A-Z])[A-Z0-9][A-Z0-9+&-]{1,11})"  # PNI, 1D1F
    r"(?=[ \t]*[,.;:)]|[ \t]*$)"  # "…, o SENAI-SP formou": a subject
)
# "o PM SVANidhi, sigla de Pradhan Mantri …": a name and the words its letters stand for
SHORT_FOR = re.compile(
    rf"(?P<name>{NAME}),[ \t]+(?:sigla de|acrónimo de|acr[oô]nimo de|acronimo di|abbreviazione di|short for|"
    r"an acronym for|the acronym of)[ \t]+(?P<long>[^,.;()\n]{5,120})"
)
# "O Procompi, como é conhecido, …": a programme described first, then named as it is known
KNOWN_AS = re.compile(
    r"\b(?P<name>[A-ZÀ-Ý][\w'’-]+(?:[ \t]+[A-ZÀ-Ý0-9][\w'’.-]*){0,3}),[ \t]+"
    r"(?:como (?:é|era|ficou) conhecid[oa]|come (?:è|era|viene) (?:not[oa]|chiamat[oa])|as it is (?:known|called))\b"
)
RENAMED = (
    r"[ \t]+(?:and|e|ed)[ \t]+(?:(?:today|now|hoje|oggi|ora|agora)[ \t]+)?(?:is|was|è|é|era|foi)[ \t]+"
    r"(?:(?:today|now|hoje|oggi|ora|agora)[ \t]+)?"
)
""""… began as the Ben Franklin Partnership and is known today as …", "… ed è oggi noto come …"."""
# "the Presidential Initiative on Wealth and Job Creation, better known as Emyooga": a programme
# described, then the name it goes by
KNOWN_BY = re.compile(
    rf"(?i:\b(?:{KEYWORDS})\b)[^.;:\n]{{0,80}}(?:,[ \t]+(?:(?:better|also|commonly|mais|meglio|anche)[ \t]+)?|{RENAMED})"
    r"(?:known(?:[ \t]+(?:today|now))?[ \t]+as|conhecid[oa](?:[ \t]+hoje)?[ \t]+como|not[oa](?:[ \t]+oggi)?[ \t]+come|chiamat[oa])[ \t]+[\"“«]?"
    r"(?P<name>(?<=[\"“«])[A-ZÀ-Ý][^\"”»\n]{1,59}(?=[\"”»])|"  # quoted: whole ("Digitaliza tu Almacén")
    r"[A-ZÀ-Ý][\w'’-]+(?:[ \t]+[A-ZÀ-Ý0-9][\w'’-]*(?:\.[\w'’-]+)*){0,3})"
)
# "CHIPS and Science Act of 2022", "Small Business Act": a law named as such
ACT = re.compile(rf"(?P<name>{NAME}[ \t]+Act)\b")
INTRODUCING = re.compile(
    r"(?i:dalla|della|dal|del|dello|do|da|dos|das|pelo|pela|nella|nel|no|na|attraverso|through|by|from|"
    r"with|com|con|la|il|lo|o|a|the|per|para|for|of|on|di|de|(?:d|l|dall|dell|nell|all|sull)['’])"
)
LOCATIVE = re.compile(r"^(?:Em|Na|No|Nas|Nos|In|Nel|Nella|Negli|At|En)\b")
ACRONYM_TEXT = r"[A-Z][A-Za-z0-9+&-]{1,15}(?:[ \t](?:19|20)\d\d)?"  # B+P, R&D, COMPETE 2020
ACRONYM = re.compile(rf"(?P<long>{NAME})[ \t]*\((?P<acronym>{ACRONYM_TEXT})\)")
KIND_AFTER = re.compile(r"[ \t]+(?P<kind>(?i:programme|program|project|initiative|scheme|fund))\b")
""""Shared Service Facilities (SSF) Project": the word after the acronym says what it names."""
ORGANISATION = re.compile(
    r"(?i)\b(?:organi[sz]ation|organi[sz]za[cz]ione|organiza[cç][aã]o|bank|banco|banca|agency|ag[eê]ncia|"
    r"agenzia|ministry|minist[eé]rio|ministero|corporation|company|office|institute|instituto|istituto)\b"
)
""""The International Labour Organization (ILO) Programme staff": a body's programme, not a name."""
SPELLED_AFTER = re.compile(rf"\b(?P<acronym>{ACRONYM_TEXT})[ \t]*\((?P<long>[A-ZÀ-Ý][^()\n]{{8,100}})\)")
""""PAMPAT (Projet d'Accès aux Marchés …)", "MozLink (Programa de Desenvolvimento …)": the
acronym first, the long name after it."""
KEYWORD_LED = rf"(?:{KEYWORDS.replace('|', ' ').title().replace(' ', '|')})\b[^()\n;:]{{5,160}}?"
LISTED_ACRONYM = re.compile(rf"(?P<long>{KEYWORD_LED})[ \t]*\((?P<acronym>{ACRONYM_TEXT})\)")
""""Programa de Apoio à Produção, Diversificação das Exportações … (PRODESI)": a long name that
says what it is, whose parts a comma may join, before its acronym."""
BETWEEN_DASHES = re.compile(
    rf"(?P<long>{KEYWORD_LED})[ \t]+[–—][ \t]*(?P<acronym>{ACRONYM_TEXT})[ \t]*(?=[–—,.;)]|$)"
)
""""Programa de Apoio … e à Pesca Artesanal — PAPAFPA —, financiado": the acronym set off by dashes."""
DASHED = re.compile(rf"\b(?P<acronym>{ACRONYM_TEXT})[ \t]+[–—-][ \t]+(?P<long>{KEYWORD_LED})(?=[()\n;:]|$)")
""""PDR2020 — Programa de Desenvolvimento Rural 2014-2020, ação …": an acronym, a dash, its name."""
DASHED_ASIDE = re.compile(
    rf"\b(?P<acronym>{ACRONYM_TEXT})[ \t]+[–—][ \t]+(?:A|An|The|O|Um|Uma|Il|Lo|La|Un|Una)[ \t]+"
    rf"(?P<long>{KEYWORD_LED})(?=[ \t][–—][ \t])"
)
""""ASPIRE — A Scheme for Promotion of …, Rural Industries and Entrepreneurship — was launched": the
name set off between dashes, after its article ("SMILE – The Project was presented …" goes on)."""
LEADING = re.compile(
    r"^(?:(?:Cap[ií]tolo|Cap[ií]tulo|Chapter|Section|Sezione|Se[cç][aã]o|Parte|Part)[ \t]+\d+[ \t]*[–—:.-][ \t]*)?"
    r"(?:(?:19|20)\d\d[ \t]+(?:the|o|a|os|as|il|lo|la|le|gli|el)[ \t]+)?"  # "(nel settembre) 2013 la Red …"
    r"(?:(?:The|O|A|Os|As|Il|Lo|La|Le|Gli|I|Un|Una|Um|Uma|An|This|Este|Esta|Questo"
    r"|Em|Na|No|Nos|Nas|In|Nel|Nella|At|On|Under|Com|Con|With|Within|Via|Through|Throughout|During|Durante"
    r"|Tramite|Attraverso|Através|Sob|Sotto)[ \t]+(?:(?:the|o|a|os|as|il|lo|la|le|gli)[ \t]+)?)*"
    r"(?:(?:[Ll]|[Dd]ell|[Nn]ell|[Aa]ll|[Dd]all|[Ss]ull)['’](?=[A-ZÀ-Ý]))?"  # "l'Industrial Cluster Project"
)

BODIES = re.compile(
    r"(?i)\b(?:agen[cz]|ag[eê]ncia|minist|gestor|institut|istitut|univers|associa|bank|banco|banca|council|"
    r"conselho|consiglio|cent(?:re|er|ro)s?\b|chamber|c[aâ]mara|camera|federa|foundation|funda[cç]|"
    r"fondazion|servi[cç]|organi[sz]|office|department|commission|company|corpora|consor|s\.?p\.?a|"
    r"ltd\b|inc\b|authority|autorit|board|societ|empresa|impresa|enterprise|group|gruppo|grupo|union|uni[aã]o|sindica|sindaca|"
    r"distrett|distrito|district|cluster|park|parque|parco|polo|hub|lab|school|scuola|escola|unit\b|vehicle)"
)
