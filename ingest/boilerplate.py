"""Junk that text copied from the web carries: menus, template placeholders, cookie and share lines.

Pages saved or pasted from a website keep their navigation ("About Clusters | The Approach |
Training Materials"), placeholders their template never filled ("$config[code] not found"),
cookie notices and share buttons. Indexed, they show up in snippets and pull every such page's
embedding towards the same menu. The rules work line by line and never drop a practice card's
labelled line ("Parceiros: Sebrae | SENAI") or a table row.
"""

from __future__ import annotations

import re

from kb.text import fold

_PLACEHOLDER = re.compile(
    r"\$config\[[^\]\n]*\](?:\s+not\s+found)?|\{\{[^}\n]*\}\}|\{%[^%\n]*%\}|\[%[^\]\n]*%\]|%%[A-Z_]+%%"
    r"|\$\{[^}\n]*\}|\[object Object\]|(?i:lorem ipsum dolor sit amet[^.\n]*\.?)"
)
_SEPARATORS = re.compile(r"\s*(?:\||•|·|»|›|>|\s/\s)\s*")
_LABELLED = re.compile(r"^[^\n:|]{2,40}:\s*\S")
_COOKIE = re.compile(r"(?i)\bcookies?\b")
_CONSENT = re.compile(r"(?i)\b(?:accept|aceit|accett|consent|concord|agree|continu|prossegu|prosegu)")
_WEBSITE = re.compile(r"(?i)\b(?:site|sito|website|web|navega|naviga|brows|p[aá]gina|page)")
_STRONG_UI = (
    "share|share this|share on|compartilhar|compartilhe|partilhar|condividi|tweet|copy link|copiar link|"
    "copia link|skip to content|skip to main content|pular para o conteudo|ir para o conteudo|"
    "vai al contenuto|back to top|voltar ao topo|torna su|torna all'inizio|read more|leia mais|"
    "saiba mais|leggi tutto|leggi di piu|subscribe|assine|iscriviti|newsletter|sign in|log in|login|"
    "accedi|accept all|aceitar todos|accetta tutti|reject all|rejeitar todos|rifiuta tutti"
)
_WEAK_UI = (
    "facebook|twitter|x|linkedin|whatsapp|telegram|pinterest|instagram|youtube|email|e-mail|print|"
    "imprimir|stampa|menu|search|buscar|pesquisar|cerca|entrar|home|inicio|ok|close|fechar|chiudi|"
    "reject|rejeitar|rifiuta|aceitar|accetta|accept"
)


def _longest_first(*phrases: str) -> str:
    return "|".join(sorted("|".join(phrases).split("|"), key=len, reverse=True))


_UI_WORD = re.compile(rf"(?:{_longest_first(_STRONG_UI, _WEAK_UI)})(?=[\s|•·:/,-]|$)")
_STRONG_WORD = re.compile(rf"(?:{_longest_first(_STRONG_UI)})(?=[\s|•·:/,-]|$)")
_NAV_ITEM = re.compile(
    r"(?:home|homepage|inicio|pagina inicial|about|sobre|chi siamo|quem somos|who we are|contact|contato|"
    r"contatti|contacto|news|noticias|notizie|projects|projetos|progetti|publications|publicacoes|"
    r"pubblicazioni|events|eventos|eventi|blog|faq|press|imprensa|services|servicos|servizi|resources|"
    r"recursos|risorse|login|search)\b"
)
"""Items that mark a line as a site's navigation ("Home | About | Contact", "Início > Notícias")."""
_COPYRIGHT_TEXT = r"(?:copyright\s*)?(?:©|\(c\)\s*(?:19|20)\d\d)"  # © 2024 …, (c) 2023 …
_CHROME = re.compile(
    rf"^(?:{_COPYRIGHT_TEXT}"
    r"|.*\b(?:all rights reserved|todos os direitos reservados|tutti i diritti riservati)\b"
    r"|(?:follow us|siga-nos|segue-nos|acompanhe-nos|seguici|seguiteci)\b"
    r"|(?:you are here|voce esta aqui|sei in|ti trovi in|sei qui)\s*:"
    r"|(?:was this (?:page|article|content) (?:helpful|useful)|esta pagina (?:foi|e) util|"
    r"este (?:conteudo|artigo) foi util|questa pagina (?:ti )?e stata utile)"
    r"|powered by\b"
    r"|(?:subscribe|sign up|assine|inscreva-se|cadastre-se|iscriviti|registrati)\b.*\bnewsletter\b"
    r"|(?:related (?:posts|articles|news|stories)|(?:artigos|noticias|posts|materias) relacionad[oa]s|"
    r"leia tambem|veja tambem|articoli correlati|notizie correlate|leggi anche|you may also like)\W*$"
    r"|(?:print this page|imprimir (?:esta )?pagina|stampa (?:questa )?pagina)\W*$"
    r"|(?:click here|clique aqui|clicca qui)\b"
    r"|(?:leave a (?:comment|reply)|deixe (?:um|seu) comentario|lascia un commento|"
    r"\d+ (?:comments?|comentarios?|commenti|commento))\W*$"
    r")"
)
"""A site's own lines: copyright, follow us, breadcrumbs, "was this page helpful", newsletter
sign-ups, related-posts headings, print and comment buttons (folded; see MAX_CHROME_WORDS)."""
MAX_CHROME_WORDS = 10
"""Longer lines are prose ("Powered by solar panels, the cooperative …", a wrapped paragraph),
except a copyright footer, which may run to MAX_CHROME_LINE characters."""
MAX_CHROME_LINE = 160
_COPYRIGHT = re.compile(f"^{_COPYRIGHT_TEXT}")
MAX_MENU_ITEM_WORDS = 5
MAX_COOKIE_LINE = 400


def strip_boilerplate(text: str) -> str:
    """The text without menu, placeholder, cookie and share lines (placeholders inside a
    sentence are cut out, the sentence kept); blank-line runs folded to one."""
    kept = []
    for line in text.split("\n"):
        cleaned = _PLACEHOLDER.sub("", line)
        if cleaned != line and not cleaned.strip(" \t-–—:|.,;"):
            continue  # the line was only a placeholder
        if not is_boilerplate(cleaned):
            kept.append(cleaned.rstrip() if cleaned != line else line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")


def is_boilerplate(line: str) -> bool:
    """A navigation, breadcrumb, cookie, share or other site line; never a card's labelled line
    (unless it is itself such a line) or a table row."""
    stripped = line.strip()
    if not stripped or stripped.startswith("|"):
        return False
    folded = fold(stripped)
    if is_ui_line(folded) or is_cookie_notice(stripped):
        return True
    if _CHROME.match(folded) and (
        len(stripped.split()) <= MAX_CHROME_WORDS
        or _COPYRIGHT.match(folded)
        and len(stripped) <= MAX_CHROME_LINE
    ):
        return True
    return not is_labelled(stripped) and is_menu(stripped)


def is_labelled(line: str) -> bool:
    """A card's labelled line: "Parceiros: Sebrae | SENAI"."""
    return bool(_LABELLED.match(line.strip()))


def is_ui_line(folded: str) -> bool:
    """Only buttons: "Share Tweet Email", "Compartilhe: Facebook | WhatsApp", "Leia mais". A lone
    word that is also an ordinary one ("Início", "Email", "Cerca") is kept."""
    rest, words = folded, 0
    while rest:
        match = _UI_WORD.match(rest)
        if not match:
            return False
        words += 1
        rest = rest[match.end() :].lstrip(" \t|•·:/,-")
    return bool(_STRONG_WORD.search(folded)) or words >= 2


def is_cookie_notice(line: str) -> bool:
    """A cookie banner: cookies, the site and consent in one short line, not a sentence about
    cookies (the biscuits) or a cookie cluster."""
    return len(line) <= MAX_COOKIE_LINE and bool(
        _COOKIE.search(line) and _CONSENT.search(line) and _WEBSITE.search(line)
    )


def is_menu(line: str) -> bool:
    """Three or more short items between separators, one of them a site's section ("About |
    Approach | Training", "Home > Projects > Clusters"); a list of names or phases is kept."""
    items = [item for item in _SEPARATORS.split(line) if item]
    if len(items) < 3 or len(_SEPARATORS.findall(line)) < 2:
        return False
    short = all(len(i.split()) <= MAX_MENU_ITEM_WORDS and not i.endswith((".", "?", "!")) for i in items)
    return short and any(_NAV_ITEM.match(fold(item)) for item in items)
