"""Web junk removed from TXT, MD and HTML: menus, placeholders, cookie and share lines; cards kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.boilerplate import is_boilerplate, strip_boilerplate
from ingest.readers import read_file
from tests.conftest import PT, write

COPIED_PAGE = f"""Skip to content
About Clusters | The Approach | Training Materials | Contact
Home > Publications > Case studies
$config[code] not found
Central de compras no APL moveleiro
{PT}
Nome da prática: Central de compras
Parceiros: Sebrae | SENAI | Federação das Indústrias
| Início | 2003 |
We use cookies to improve your browsing experience. By continuing you accept our cookie policy.
Share | Tweet | LinkedIn | WhatsApp
Compartilhar: Facebook Twitter WhatsApp
Leia mais
"""


JUNK = [
    "About Clusters | The Approach | Training Materials",
    "Início » Notícias » Distretti industriali",
    "Home > Projects > Clusters",
    "Home / About / Projects / Contact",
    "$config[code] not found",
    "Utilizziamo i cookie per migliorare la tua esperienza di navigazione sul sito. Accetta tutti",
    "Este site usa cookies. Ao continuar, você concorda com a nossa política de privacidade.",
    "Aviso de cookies: usamos cookies neste site. Ao continuar navegando você aceita. Aceitar",
    "Cookie policy: this website uses cookies. Accept all",
    "Share Tweet Email Print",
    "Share this:",
    "Share on Facebook",
    "Compartilhe: Facebook | Twitter | WhatsApp",
    "Condividi: Facebook · Twitter · Email",
    "Condividi | Stampa",
    "Voltar ao topo",
    "© 2024 Portal dos Distritos. All rights reserved.",
    "Copyright © 2023 Rede de APLs — Todos os direitos reservados",
    "Tutti i diritti riservati",
    "Follow us on LinkedIn and YouTube",
    "Siga-nos nas redes sociais",
    "Seguici su Facebook",
    "Você está aqui: Início > Notícias > APLs",
    "You are here: Home / Case studies",
    "Esta página foi útil? Sim Não",
    "Was this page helpful? Yes | No",
    "Questa pagina ti è stata utile?",
    "Powered by WordPress",
    "Subscribe to our newsletter",
    "Cadastre-se e receba a nossa newsletter",
    "Iscriviti alla newsletter",
    "Related posts",
    "Leia também",
    "Articoli correlati",
    "Print this page",
    "Clique aqui para baixar o PDF",
    "12 comentários",
    "Leave a comment",
]
CONTENT = [
    "Parceiros: Sebrae | SENAI | FIEMG",
    "| Setor | Calçados |",
    "As empresas compartilham um laboratório, uma central de compras e um estande em feiras.",
    "Cookies of the local bakery were sold at the cluster's fair.",
    "Em 2010 as exportações de cookies artesanais cresceram e a política de qualidade do APL mudou.",
    "Il sito produttivo usa cookie e biscotti locali; l'esperienza del consorzio è nota.",
    "Results: exports grew | jobs grew | firms joined the network.",
    "The network shares a home page with the association.",
    "Diagnóstico > Plano de ação > Implementação > Avaliação",
    "2004 > 2008 > 2012 > 2016",
    "Fase 1 » Fase 2 » Fase 3",
    "Sebrae | SENAI | FIEMG | BNDES",
    "Calçados • Móveis • Confecções • Cerâmica",
    "Norte · Nordeste · Sudeste · Sul",
    "Início",
    "Email",
    "Cerca",
    "Email: contato@rede.org.br",
    "Início: 2003",
    "Mais informações: clique aqui",
    "Related firms supply the cluster with parts and tooling.",
    "Em 2019, 12 comentários de empresas chegaram à consulta pública.",
    "As empresas seguem o plano: follow-up mensal com o Sebrae.",
    "Newsletter: o boletim da rede sai todo mês com as compras conjuntas.",
    "Powered by solar panels, the cooperative cut its energy bill by half last year.",
    "Siga nos próximos meses o cronograma das compras conjuntas da rede.",
    "Follow us into the second phase, when the suppliers will be certified by the buyers.",
]


@pytest.mark.parametrize("line", JUNK)
def test_junk_lines_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line) or not strip_boilerplate(line)


@pytest.mark.parametrize("line", CONTENT)
def test_text_and_card_fields_are_kept(line: str) -> None:
    assert not is_boilerplate(line)
    assert strip_boilerplate(line) == line


def test_a_placeholder_inside_a_sentence_is_cut_the_sentence_kept() -> None:
    assert (
        strip_boilerplate("A rede tem {{member_count}} empresas associadas.")
        == "A rede tem  empresas associadas."
    )


@pytest.mark.parametrize("name", ["copied.txt", "copied.md"])
def test_text_copied_from_a_website_is_read_without_its_junk(tmp_path: Path, name: str) -> None:
    parsed, _ = read_file(write(tmp_path / name, COPIED_PAGE), 10**7, 10)
    assert parsed.title == "Central de compras no APL moveleiro"
    for junk in (
        "Training Materials",
        "$config",
        "cookie",
        "Tweet",
        "Skip to content",
        "Leia mais",
        "Home >",
    ):
        assert junk not in parsed.text
    for kept in ("Parceiros: Sebrae | SENAI", "Nome da prática: Central de compras", "Sebrae apoiou"):
        assert kept in parsed.text


def test_an_html_page_loses_its_junk_inside_the_article(tmp_path: Path) -> None:
    junk = "<p>Share | Tweet | LinkedIn | WhatsApp</p><p>$config[code] not found</p>"
    page = f"<html><head><title>Compras</title></head><body><main><h1>Compras</h1><p>{PT}</p>{junk}</main></body></html>"
    parsed, _ = read_file(write(tmp_path / "page.html", page), 10**7, 10)
    assert "Sebrae apoiou" in parsed.text
    assert "$config" not in parsed.text and "Tweet" not in parsed.text
