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
_SEPARATORS = re.compile(r"\s*(?:\||•|·|»|›|>)\s*")
_LABELLED = re.compile(r"^[^\n:|]{2,40}:\s*\S")
_COOKIE = re.compile(r"(?i)\bcookies?\b")
_CONSENT = re.compile(
    r"(?i)\b(?:accept|aceit|accett|consent|privacy|privacidade|pol[ií]tica|policy|navega|naviga|brows|"
    r"experi[eê]ncia|esperienza|experience|personaliz)"
)
_UI_PHRASES = (
    "share|compartilhar|compartilhe|partilhar|condividi|tweet|facebook|twitter|x|linkedin|whatsapp|"
    "telegram|pinterest|email|e-mail|print|imprimir|stampa|copy link|copiar link|copia link|"
    "skip to content|skip to main content|pular para o conteudo|ir para o conteudo|vai al contenuto|"
    "back to top|voltar ao topo|torna su|torna all'inizio|read more|leia mais|saiba mais|leggi tutto|"
    "leggi di piu|menu|search|buscar|pesquisar|cerca|login|log in|entrar|accedi|sign in|subscribe|"
    "assine|iscriviti|newsletter|home|inicio|accept all|aceitar|aceitar todos|accetta|accetta tutti|"
    "reject|rejeitar|rifiuta|ok|close|fechar|chiudi"
)
_UI_LINE = re.compile(rf"^(?:(?:{_UI_PHRASES})[\s|•·:/,-]*)+$")
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
    """A navigation, breadcrumb, cookie or share line; never a labelled card line or a table row."""
    stripped = line.strip()
    if not stripped or stripped.startswith("|") or _LABELLED.match(stripped):
        return False
    if _UI_LINE.match(fold(stripped)):
        return True
    if len(stripped) <= MAX_COOKIE_LINE and _COOKIE.search(stripped) and _CONSENT.search(stripped):
        return True
    return is_menu(stripped)


def is_menu(line: str) -> bool:
    """Three or more short items between separators ("About | Approach | Training"), none a sentence."""
    items = [item for item in _SEPARATORS.split(line) if item]
    if len(items) < 3 or len(_SEPARATORS.findall(line)) < 2:
        return False
    return all(
        len(item.split()) <= MAX_MENU_ITEM_WORDS and not item.endswith((".", "?", "!")) for item in items
    )
