"""UI messages in pt-BR (default), it and en, kept out of the page code."""

from __future__ import annotations

from collections.abc import Callable

DEFAULT_LANGUAGE = "pt"
LANGUAGES = {"pt": "Português", "it": "Italiano", "en": "English"}

# key: (pt, it, en)
_MESSAGES: dict[str, tuple[str, str, str]] = {
    "tagline": (
        "Boas práticas de clusters, redes de empresas e APLs — em português, italiano e inglês.",
        "Buone pratiche su cluster, reti di imprese e APL — in portoghese, italiano e inglese.",
        "Good practices on clusters, business networks and APLs — in Portuguese, Italian and English.",
    ),
    "nav_search": ("Buscar", "Cerca", "Search"),
    "nav_practice": ("Prática", "Pratica", "Practice"),
    "nav_explore": ("Explorar", "Esplora", "Explore"),
    "nav_curate": ("Curadoria", "Curatela", "Curate"),
    "query": ("O que você procura?", "Che cosa cerchi?", "What are you looking for?"),
    "query_help": (
        "Escreva em qualquer idioma; encontramos práticas nos três.",
        "Scrivi in qualsiasi lingua; troviamo pratiche in tutte e tre.",
        "Write in any language; we find practices in all three.",
    ),
    "ui_language": ("Idioma da interface", "Lingua dell'interfaccia", "Interface language"),
    "choose": ("Escolha", "Scegli", "Choose"),
    "filters": ("Filtros", "Filtri", "Filters"),
    "facet_theme": ("Tema", "Tema", "Theme"),
    "facet_country": ("País", "Paese", "Country"),
    "facet_programme": ("Programa", "Programma", "Programme"),
    "facet_organisation": ("Organização", "Organizzazione", "Organisation"),
    "facet_language": ("Idioma do documento", "Lingua del documento", "Document language"),
    "facet_year": ("Ano", "Anno", "Year"),
    "results": (
        "Resultados {first}–{last} de {total}",
        "Risultati {first}–{last} di {total}",
        "Results {first}–{last} of {total}",
    ),
    "browse": (
        "Documentos {first}–{last} de {total} na coleção",
        "Documenti {first}–{last} di {total} nella collezione",
        "Documents {first}–{last} of {total} in the collection",
    ),
    "active_filters": ("Filtros ativos:", "Filtri attivi:", "Active filters:"),
    "previous": ("← Anterior", "← Precedente", "← Previous"),
    "next": ("Próxima →", "Successiva →", "Next →"),
    "page_of": ("Página {page} de {pages}", "Pagina {page} di {pages}", "Page {page} of {pages}"),
    "nav_compare": ("Comparar", "Confronta", "Compare"),
    "compare_add": ("Adicionar à comparação", "Aggiungi al confronto", "Add to comparison"),
    "compare_how": (
        "Marque de 2 a 4 práticas nos resultados da busca (ou em uma página de prática) para compará-las.",
        "Seleziona da 2 a 4 pratiche nei risultati della ricerca (o nella pagina di una pratica) per confrontarle.",
        "Tick 2 to 4 practices in the search results (or on a practice page) to compare them.",
    ),
    "compare_programme": ("Programa", "Programma", "Programme"),
    "compare_proponent": ("Proponente", "Promotore", "Promoter"),
    "compare_sector": ("Setor", "Settore", "Sector"),
    "compare_place": ("Local", "Luogo", "Place"),
    "compare_year": ("Ano", "Anno", "Year"),
    "compare_themes": ("Temas", "Temi", "Themes"),
    "compare_partners": ("Parceiros", "Partner", "Partners"),
    "compare_funding": ("Financiamento", "Finanziamento", "Funding"),
    "compare_results": ("Resultados", "Risultati", "Results"),
    "compare_tick": ("Comparar", "Confronta", "Compare"),
    "compare_untick": ("Na comparação", "Nel confronto", "In comparison"),
    "compare_clear": ("Limpar comparação", "Svuota il confronto", "Clear comparison"),
    "compare_pick_more": (
        "Na comparação: escolha outra prática na busca →",
        "Nel confronto: scegli un'altra pratica nella ricerca →",
        "In the comparison: pick another practice from the search →",
    ),
    "compare_go": ("Comparar {n} práticas →", "Confronta {n} pratiche →", "Compare {n} practices →"),
    "no_results": (
        "Nenhuma prática corresponde a esta busca. Tente outras palavras ou remova filtros.",
        "Nessuna pratica corrisponde a questa ricerca. Prova altre parole o togli dei filtri.",
        "No practice matches this search. Try other words or remove filters.",
    ),
    "without_filters": (
        "Sem os filtros, esta busca encontra {total} documentos: [ver todos]({url})",
        "Senza i filtri questa ricerca trova {total} documenti: [vedili]({url})",
        "Without the filters this search finds {total} documents: [see them]({url})",
    ),
    "without_filters_one": (
        "Sem os filtros, esta busca encontra 1 documento: [vê-lo]({url})",
        "Senza i filtri questa ricerca trova 1 documento: [vederlo]({url})",
        "Without the filters this search finds 1 document: [see it]({url})",
    ),
    "near_misses": (
        "Práticas mais próximas — **não correspondem** à sua busca:",
        "Le pratiche più vicine — **non corrispondono** alla ricerca:",
        "Closest practices — they **do not match** your search:",
    ),
    "concepts": ("Buscando também:", "Cerco anche:", "Also searching for:"),
    "no_index": (
        "Ainda não há índice em {index}. Crie-o com: kb ingest corpus/",
        "Non c'è ancora un indice in {index}. Crealo con: kb ingest corpus/",
        "There is no index in {index} yet. Build it with: kb ingest corpus/",
    ),
    "page": ("Página", "Pagina", "Page"),
    "snippet": ("Trecho", "Estratto", "Snippet"),
    "link": ("Link", "Link", "Link"),
    "page_no": ("p. {page}", "p. {page}", "p. {page}"),
    "scanned_page": (
        "p. {page}, texto reconhecido de uma digitalização",
        "p. {page}, testo riconosciuto da una scansione",
        "p. {page}, text recognised from a scan",
    ),
    "export_csv": ("Baixar resultados (CSV)", "Scarica i risultati (CSV)", "Download results (CSV)"),
    "export_abnt": ("Referências (ABNT)", "Riferimenti (ABNT)", "References (ABNT)"),
    "export_apa": ("Referências (APA)", "Riferimenti (APA)", "References (APA)"),
    "no_document": (
        "Escolha uma prática na busca para ver os detalhes.",
        "Scegli una pratica dalla ricerca per vederne i dettagli.",
        "Pick a practice from the search to see its details.",
    ),
    "unknown_document": (
        "Documento não encontrado: {doc}",
        "Documento non trovato: {doc}",
        "Document not found: {doc}",
    ),
    "download_original": (
        "Baixar o arquivo original",
        "Scarica il file originale",
        "Download the original file",
    ),
    "passages": ("Trechos", "Passaggi", "Passages"),
    "similar": ("Práticas semelhantes", "Pratiche simili", "Similar practices"),
    "also_in": ("Também em {language}", "Anche in {language}", "Also in {language}"),
    "year": ("Ano", "Anno", "Year"),
    "missing": ("Sem:", "Senza:", "Missing:"),
    "compare_file": ("comparacao", "confronto", "comparison"),
    "written": ("Ano do texto", "Anno del testo", "Year of the text"),
    "bad_year": (
        "{field}: escreva um ano de {earliest} a {latest}, ou deixe em branco (não «{text}»)",
        "{field}: scrivi un anno da {earliest} a {latest}, o lascia vuoto (non «{text}»)",
        "{field}: type a year from {earliest} to {latest}, or leave it empty (not “{text}”)",
    ),
    "written_help": (
        "Quando o texto foi escrito ou publicado: o ano que as referências ABNT e APA citam",
        "Quando il testo è stato scritto o pubblicato: l'anno che citano i riferimenti ABNT e APA",
        "When the text was written or published: the year ABNT and APA references cite",
    ),
    "file": ("Arquivo", "File", "File"),
    "practice_card": ("Ficha da prática", "Scheda della pratica", "Practice card"),
    "card_name": ("Nome", "Nome", "Name"),
    "card_proponent": ("Proponente", "Promotore", "Promoter"),
    "card_sector": ("Setor", "Settore", "Sector"),
    "card_geography": ("Contexto geográfico", "Contesto geografico", "Geographic context"),
    "card_year": ("Referência temporal", "Riferimento temporale", "Time reference"),
    "card_partners": ("Parceiros", "Partner", "Partners"),
    "card_funding": ("Financiamento", "Finanziamento", "Funding"),
    "card_results": ("Resultados", "Risultati", "Results"),
    "back_to_search": ("← Voltar à busca", "← Torna alla ricerca", "← Back to search"),
    "explore_intro": (
        "A coleção em números. Clique em um valor para ver as práticas correspondentes.",
        "La collezione in cifre. Clicca su un valore per vedere le pratiche corrispondenti.",
        "The collection at a glance. Click a value to see the matching practices.",
    ),
    "documents": ("documentos", "documenti", "documents"),
    "collection_size": ("Documentos na coleção", "Documenti nella collezione", "Documents in the collection"),
    "curate_no_password": (
        "A área de curadoria está fechada: nenhuma senha foi configurada. Gere um hash com "
        "`kb hash-password` e defina a variável de ambiente `KB_CURATOR_PASSWORD_HASH` antes de iniciar o app.",
        "L'area di curatela è chiusa: nessuna password configurata. Genera un hash con "
        "`kb hash-password` e imposta la variabile d'ambiente `KB_CURATOR_PASSWORD_HASH` prima di avviare l'app.",
        "The curator area is closed: no password is configured. Create a hash with `kb hash-password` "
        "and set the environment variable `KB_CURATOR_PASSWORD_HASH` before starting the app.",
    ),
    "password": ("Senha de curador", "Password del curatore", "Curator password"),
    "sign_in": ("Entrar", "Accedi", "Sign in"),
    "sign_out": ("Sair", "Esci", "Sign out"),
    "wrong_password": ("Senha incorreta.", "Password errata.", "Wrong password."),
    "locked": (
        "Muitas tentativas. Tente de novo em {seconds} s.",
        "Troppi tentativi. Riprova tra {seconds} s.",
        "Too many attempts. Try again in {seconds} s.",
    ),
    "upload": ("Enviar documentos", "Carica documenti", "Upload documents"),
    "upload_help": ("{types}", "{types}", "{types}"),
    "upload_button": ("Escolher arquivos", "Scegli i file", "Choose files"),
    "upload_limit": (
        "Até {mb} MB por arquivo • {types}",
        "Fino a {mb} MB per file • {types}",
        "Up to {mb} MB per file • {types}",
    ),
    "preview": ("O que a extração encontrou", "Che cosa ha trovato l'estrazione", "What extraction found"),
    "publish": ("Publicar", "Pubblica", "Publish"),
    "published": ("Publicado: {doc}", "Pubblicato: {doc}", "Published: {doc}"),
    "rejected": (
        "Não foi possível ler {name}: {reason}",
        "Impossibile leggere {name}: {reason}",
        "Could not read {name}: {reason}",
    ),
    "edit": ("Editar metadados", "Modifica i metadati", "Edit metadata"),
    "document": ("Documento", "Documento", "Document"),
    "title": ("Título", "Titolo", "Title"),
    "countries": ("Países (códigos ISO)", "Paesi (codici ISO)", "Countries (ISO codes)"),
    "themes": ("Temas", "Temi", "Themes"),
    "programmes": ("Programas", "Programmi", "Programmes"),
    "organisations": ("Organizações", "Organizzazioni", "Organisations"),
    "save": ("Salvar", "Salva", "Save"),
    "saved": (
        "Metadados salvos e documento atualizado.",
        "Metadati salvati e documento aggiornato.",
        "Metadata saved and document updated.",
    ),
    "remove": ("Remover documento", "Rimuovi documento", "Remove document"),
    "removed": ("Removido: {doc}", "Rimosso: {doc}", "Removed: {doc}"),
    "confirm_remove": (
        "Remover **{doc}** do índice? O arquivo vai para a pasta de removidos e pode ser restaurado.",
        "Rimuovere **{doc}** dall'indice? Il file va nella cartella dei rimossi e si può ripristinare.",
        "Remove **{doc}** from the index? Its file goes to the removed folder and can be restored.",
    ),
    "confirm": ("Confirmar", "Conferma", "Confirm"),
    "cancel": ("Cancelar", "Annulla", "Cancel"),
    "already_removed": (
        "{doc} já tinha sido removido; nada foi alterado.",
        "{doc} era già stato rimosso; nulla è cambiato.",
        "{doc} had already been removed; nothing changed.",
    ),
    "removed_entry": ("Removido: {doc} ({when})", "Rimosso: {doc} ({when})", "Removed: {doc} ({when})"),
    "working": ("Processando {name}…", "Elaborazione di {name}…", "Working on {name}…"),
    "restore": ("Restaurar", "Ripristina", "Restore"),
    "restored": ("Restaurado: {doc}", "Ripristinato: {doc}", "Restored: {doc}"),
    "replace": ("Substituir arquivo", "Sostituisci file", "Replace file"),
    "report": ("Relatório de ingestão", "Rapporto di acquisizione", "Ingest report"),
    "misses": ("Buscas sem resultado", "Ricerche senza risultati", "Searches that found nothing"),
    "duplicate_upload": (
        "{name} já está na coleção (documento {doc}); não foi adicionado outra vez.",
        "{name} è già nella raccolta (documento {doc}); non è stato aggiunto di nuovo.",
        "{name} is already in the collection (document {doc}); it was not added again.",
    ),
    "themes_help": (
        "Até {n} temas: os principais da prática.",
        "Fino a {n} temi: i principali della pratica.",
        "Up to {n} themes: the practice's main ones.",
    ),
    "names_help": (
        "Separe os nomes com ponto e vírgula (;): um nome pode conter vírgulas.",
        "Separare i nomi con il punto e virgola (;): un nome può contenere virgole.",
        "Separate names with semicolons (;): a name may hold commas.",
    ),
    "status_added": ("adicionado", "aggiunto", "added"),
    "status_updated": ("atualizado", "aggiornato", "updated"),
    "status_failed": ("não indexado", "non indicizzato", "not indexed"),
    "status_removed": ("removido", "rimosso", "removed"),
    "status_duplicate": (
        "cópia de outro documento",
        "copia di un altro documento",
        "copy of another document",
    ),
    "status_restored": ("restaurado", "ripristinato", "restored"),
    "status_curated": ("metadados corrigidos", "metadati corretti", "metadata corrected"),
    "reason_curator": ("pela curadoria", "dalla redazione", "by a curator"),
    "reason_metadata": ("metadados", "metadati", "metadata"),
    "reason_corrupt": ("arquivo danificado", "file danneggiato", "damaged file"),
    "reason_encrypted": ("protegido por senha", "protetto da password", "password-protected"),
    "reason_no-text": ("sem texto (digitalizado?)", "senza testo (scansione?)", "no text (scanned?)"),
    "reason_empty": ("vazio", "vuoto", "empty"),
    "reason_unsupported": ("tipo não aceito", "tipo non accettato", "file type not taken"),
    "reason_too-large": ("grande demais", "troppo grande", "too large"),
    "reason_too-slow": ("leitura lenta demais", "lettura troppo lenta", "took too long to read"),
    "reason_binary": ("não é texto", "non è testo", "not text"),
    "reason_bad-metadata": ("metadados inválidos", "metadati non validi", "invalid metadata"),
    "reason_outside": (
        "fora da pasta permitida",
        "fuori dalla cartella ammessa",
        "outside the allowed folder",
    ),
    "reason_unreadable": ("ilegível", "illeggibile", "unreadable"),
    "reason_internal-error": ("erro interno", "errore interno", "internal error"),
    "column_at": ("Quando", "Quando", "When"),
    "column_path": ("Arquivo", "File", "File"),
    "column_status": ("Situação", "Esito", "Status"),
    "column_reason": ("Motivo", "Motivo", "Reason"),
    "column_detail": ("Detalhe", "Dettaglio", "Detail"),
    "column_query": ("Busca", "Ricerca", "Search"),
    "column_filters": ("Filtros", "Filtri", "Filters"),
    "column_count": ("Vezes", "Volte", "Times"),
    "column_last": ("Última vez", "Ultima volta", "Last time"),
    "proposals": ("Programas propostos", "Programmi proposti", "Proposed programmes"),
    "no_proposals": (
        "Nenhum nome de programa aguarda confirmação.",
        "Nessun nome di programma attende conferma.",
        "No programme name is waiting for confirmation.",
    ),
    "proposed_name": ("Nome proposto", "Nome proposto", "Proposed name"),
    "proposed_country": (
        "País do programa (código ISO, opcional)",
        "Paese del programma (codice ISO, facoltativo)",
        "Programme's country (ISO code, optional)",
    ),
    "confirm_programme": ("Confirmar no registro", "Conferma nel registro", "Confirm into the registry"),
    "programme_confirmed": (
        "{name} entrou no registro; {n} documentos atualizados.",
        "{name} è entrato nel registro; {n} documenti aggiornati.",
        "{name} is now in the registry; {n} documents updated.",
    ),
    "busy": (
        "Outra ingestão está em andamento; tente de novo em instantes.",
        "Un'altra acquisizione è in corso; riprova tra poco.",
        "Another ingest is running; try again in a moment.",
    ),
}
_COLUMN = {"pt": 0, "it": 1, "en": 2}


def translator(language: str) -> Callable[..., str]:
    """A function that formats a message key in the chosen UI language."""
    column = _COLUMN.get(language, 0)

    def t(key: str, **values: object) -> str:
        return _MESSAGES[key][column].format(**values)

    return t


def message_keys() -> set[str]:
    return set(_MESSAGES)
