"""What the app walk found broken, checked without a browser: paging, language, links, the
curator's door and tokens, readable passages and the side-by-side comparison."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_pages.auth import MAX_FAILURES, MAX_FAILURES_ALL, Door, issue_token, token_valid
from app_pages.comparison import MISSING, compare, comparison_csv
from app_pages.reading import readable_blocks
from kb.knowledge_base import KnowledgeBase
from kb.passwords import hash_password
from tests.conftest import page_html

PASSWORD = "uma-senha-longa-42"


def test_a_new_query_starts_at_the_first_page(app: AppTest) -> None:
    app.query_params.update({"k": "1", "page": "2"})
    app.run()
    assert "2–2" in "".join(m.value for m in app.markdown)
    app.text_input(key="query").input("COSME").run()
    assert "page" not in app.query_params, "typing a new query must not keep the old page"
    assert not app.exception


def test_a_page_past_the_end_shows_the_last_page(app: AppTest) -> None:
    app.query_params.update({"k": "1", "page": "99"})
    app.run()
    assert app.query_params["page"] in (["3"], "3")
    assert "3–3" in "".join(m.value for m in app.markdown)


def test_paging_links_say_where_the_reader_is(app: AppTest) -> None:
    app.query_params.update({"k": "1", "page": "2", "ui": "en"})
    app.run()
    body = page_html(app)
    assert "Page 2 of 3" in body and "page=1" in body and "page=3" in body


def test_chosen_filter_values_carry_no_stale_count(app: AppTest) -> None:
    app.query_params.update({"language": "pt", "ui": "en"})
    app.run()
    chosen = app.multiselect(key="facet_language")
    assert chosen.format_func("pt") == "Portuguese", "a chosen value is named without a count"
    assert "✕ Document language: Portuguese (1)" in page_html(app), "its count is shown above the results"


def test_language_survives_a_page_switch(app: AppTest) -> None:
    app.query_params["ui"] = "it"
    app.run()
    app.switch_page("app_pages/explore_page.py")
    app.query_params.clear()  # the navigation drops the address's parameters
    app.run()
    assert app.title[0].value == "Esplora"
    assert app.query_params["ui"] in (["it"], "it"), "the address names the language again"
    assert app.selectbox(key="ui_select").value == "it"


def test_results_link_to_practices_with_the_search_and_can_be_ticked(app: AppTest) -> None:
    app.query_params.update({"q": "cluster", "language": "en"})
    app.run()
    body = page_html(app)
    assert "practice?doc=cosme&amp;hl=" in body and "q=cluster" in body and "language=en" in body
    assert "cmp=cosme" in body, "each result can be added to a comparison"


def test_per_client_lockout_and_a_global_limit() -> None:
    stored = hash_password(PASSWORD)
    door = Door()
    for _ in range(MAX_FAILURES):
        door.try_password("guess", stored, client="10.0.0.9", now=1000.0)
    assert door.locked_for("10.0.0.9", now=1001.0) > 0
    assert door.try_password(PASSWORD, stored, client="10.0.0.1", now=1001.0), (
        "another client is not locked out"
    )
    for n in range(MAX_FAILURES_ALL):
        door.try_password("guess", stored, client=f"10.1.{n}.1", now=1002.0)
    assert not door.try_password(PASSWORD, stored, client="10.0.0.1", now=1003.0), (
        "a distributed guesser closes the door"
    )
    assert door.try_password(PASSWORD, stored, client="10.0.0.1", now=1002.0 + 301)


def test_session_tokens_are_signed_and_expire() -> None:
    stored = hash_password(PASSWORD)
    token = issue_token(stored, now=1000.0)
    assert token_valid(token, stored, now=1000.0 + 3599)
    assert not token_valid(token, stored, now=1000.0 + 3601), "expired"
    assert not token_valid(token, hash_password(PASSWORD), now=1001.0), "a new password voids old tokens"
    expiry, _, signature = token.partition(".")
    assert not token_valid(f"{int(expiry) + 9999}.{signature}", stored, now=1001.0), (
        "a changed expiry is refused"
    )
    assert not token_valid(None, stored) and not token_valid("garbage", stored)
    assert PASSWORD not in token


def test_pdf_line_breaks_are_joined_and_headings_kept() -> None:
    text = "Resultados\nO  programa apoiou redes de empresas em projetos de inova-\nção e exportação com\nfinanciamento público.\nNome: Rede X\n- primeiro item"
    assert readable_blocks(text) == [
        "Resultados",
        "O programa apoiou redes de empresas em projetos de inovação e exportação com financiamento público.",
        "Nome: Rede X",
        "- primeiro item",
    ]


def test_comparison_rows_link_to_their_passages(card_kb: KnowledgeBase) -> None:
    docs = [card_kb.document(d) for d in ("ficha-rede", "scheda-rete")]
    table = compare(docs, card_kb.passages, "it")
    assert [c.value for c in table["proponent"]] == ["Sebrae Paraíba", "Camera di commercio di Prato"]
    assert all(c.chunk_id is not None for c in table["proponent"]), "each value links to its passage"
    assert table["partners"][1].value == MISSING
    assert table["place"][0].value == "Campina Grande, Paraíba"
    text = comparison_csv(docs, table, str.upper, ";")
    assert text.startswith("\ufeff;") and "PROPONENT;Sebrae Paraíba;Camera di commercio di Prato" in text


@pytest.fixture
def card_kb(hash_kb: KnowledgeBase, tmp_path: Path, settings: object) -> KnowledgeBase:
    from ingest.pipeline import ingest_paths
    from tests.conftest import write

    folder = tmp_path / "cards"
    write(
        folder / "ficha-rede.txt",
        "Rede de confecções de Campina Grande\n\nNome: Rede de confecções\nProponente: Sebrae Paraíba\n"
        "Setor: Confecção\nContexto geográfico: Campina Grande, Paraíba\nParceiros: Senai, prefeitura\n\n"
        "Vinte pequenas confecções compram tecido juntas e dividem uma sala de corte desde 2019.",
    )
    write(
        folder / "scheda-rete.txt",
        "Rete tessile di Prato\n\nNome dell'iniziativa: Rete tessile\nPromotore: Camera di commercio di Prato\n"
        "Settore: Tessile\nContesto geografico: Prato, Toscana\n\n"
        "Dodici lanifici condividono un impianto di rigenerazione della lana dal 2015.",
    )
    report = ingest_paths(hash_kb, [folder], settings)  # type: ignore[arg-type]
    assert not report.failures, report.as_dict()
    return hash_kb


def test_a_card_says_which_names_of_the_query_its_document_lacks() -> None:
    from app_pages.render import hit_card
    from kb.models import Hit

    hit = Hit(
        "gt", "/c/gt.txt", "GT-APL", "pt", 1.0, "", [], None, 2004, [], [], [], [], missing=["<Nordeste>"]
    )
    card = hit_card(hit, "", missing_label="Sem:")
    assert '<div class="missing">Sem: <s>&lt;Nordeste&gt;</s></div>' in card, "struck through, escaped"
    assert "missing" not in hit_card(replace(hit, missing=[]), "", missing_label="Sem:")
