"""UI messages in pt-BR (default), it and en, kept out of the page code."""

from __future__ import annotations

DEFAULT_LANGUAGE = "pt"
LANGUAGES = {"pt": "Português", "it": "Italiano", "en": "English"}

MESSAGES: dict[str, dict[str, str]] = {
    "pt": {
        "tagline": "Boas práticas de clusters, redes de empresas e APLs — em português, italiano e inglês.",
        "query": "O que você procura?",
        "query_help": "Escreva em qualquer idioma; encontramos práticas nos três.",
        "language_filter": "Idioma do documento",
        "choose": "Escolha",
        "facet_theme": "Tema",
        "facet_country": "País",
        "facet_programme": "Programa",
        "facet_organisation": "Organização",
        "facet_language": "Idioma do documento",
        "facet_year": "Ano",
        "filters": "Filtros",
        "ui_language": "Idioma da interface",
        "results": "{total} documentos",
        "browse": "{total} documentos na coleção",
        "no_results": "Nenhum documento encontrado. Tente outras palavras ou remova filtros.",
        "no_index": "Ainda não há índice em {index}. Crie-o com: kb ingest corpus/",
        "page": "Página",
        "page_no": "p. {page}",
    },
    "it": {
        "tagline": "Buone pratiche su cluster, reti di imprese e APL — in portoghese, italiano e inglese.",
        "query": "Che cosa cerchi?",
        "query_help": "Scrivi in qualsiasi lingua; troviamo pratiche in tutte e tre.",
        "language_filter": "Lingua del documento",
        "choose": "Scegli",
        "facet_theme": "Tema",
        "facet_country": "Paese",
        "facet_programme": "Programma",
        "facet_organisation": "Organizzazione",
        "facet_language": "Lingua del documento",
        "facet_year": "Anno",
        "filters": "Filtri",
        "ui_language": "Lingua dell'interfaccia",
        "results": "{total} documenti",
        "browse": "{total} documenti nella collezione",
        "no_results": "Nessun documento trovato. Prova altre parole o togli dei filtri.",
        "no_index": "Non c'è ancora un indice in {index}. Crealo con: kb ingest corpus/",
        "page": "Pagina",
        "page_no": "p. {page}",
    },
    "en": {
        "tagline": "Good practices on clusters, business networks and APLs — in Portuguese, Italian and English.",
        "query": "What are you looking for?",
        "query_help": "Write in any language; we find practices in all three.",
        "language_filter": "Document language",
        "choose": "Choose",
        "facet_theme": "Theme",
        "facet_country": "Country",
        "facet_programme": "Programme",
        "facet_organisation": "Organisation",
        "facet_language": "Document language",
        "facet_year": "Year",
        "filters": "Filters",
        "ui_language": "Interface language",
        "results": "{total} documents",
        "browse": "{total} documents in the collection",
        "no_results": "No documents found. Try other words or remove filters.",
        "no_index": "There is no index in {index} yet. Build it with: kb ingest corpus/",
        "page": "Page",
        "page_no": "p. {page}",
    },
}


def translator(language: str):
    """A function that formats a message key in the chosen UI language."""
    table = MESSAGES.get(language, MESSAGES[DEFAULT_LANGUAGE])

    def t(key: str, **values: object) -> str:
        return table[key].format(**values)

    return t
