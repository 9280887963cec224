"""The search page driven by Streamlit's AppTest on a small real index."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_pages.render import highlighted
from kb.knowledge_base import KnowledgeBase
from tests.conftest import APP, page_html


def test_browse_lists_the_collection(app: AppTest) -> None:
    app.run()
    assert not app.exception
    assert "Documentos 1–3 de 3 na coleção" in "".join(m.value for m in app.markdown)
    assert "Contratti di rete in Italia" in page_html(app)


def test_query_from_the_url_runs_and_highlights(app: AppTest) -> None:
    app.query_params["q"] = "COSME"
    app.run()
    assert not app.exception
    assert app.text_input(key="query").value == "COSME"
    html = page_html(app)
    assert "<mark>COSME</mark>" in html


def test_typing_a_query_updates_the_url(app: AppTest) -> None:
    app.run()
    app.text_input(key="query").input("compras").run()
    assert not app.exception
    assert app.query_params["q"] == ["compras"] or app.query_params["q"] == "compras"


def test_language_filter_round_trips_through_the_url(app: AppTest) -> None:
    app.query_params["language"] = ["it"]
    app.run()
    assert app.multiselect(key="facet_language").value == ["it"]
    html = page_html(app)
    assert "Contratti di rete" in html and "COSME clusters" not in html


def test_facet_click_narrows_and_updates_the_url(app: AppTest) -> None:
    app.run()
    app.multiselect(key="facet_language").select("en").run()
    assert not app.exception
    assert app.query_params["language"] in (["en"], "en")
    html = page_html(app)
    assert "COSME clusters" in html and "Contratti di rete" not in html


def test_counts_shown_are_what_a_click_gives(app: AppTest) -> None:
    app.query_params["ui"] = "en"
    app.run()
    assert "Networking (3)" in app.multiselect(key="facet_theme").options  # choosing it keeps all three
    app.multiselect(key="facet_theme").select("governance").run()
    assert not app.exception
    # the one governance document is also about networking, but choosing networking too gives three
    # documents (values of one field combine with OR): no count, and no chip that says "(1)"
    others = [o for o in app.multiselect(key="facet_theme").options if o != "Governance"]
    assert others and not any("(" in option for option in others)
    html = page_html(app)
    assert "theme=governance&amp;theme=" not in html and "theme=governance&theme=" not in html


def test_a_chosen_field_still_offers_its_other_values(app: AppTest) -> None:
    app.query_params["ui"] = "en"
    app.query_params["language"] = ["en"]
    app.run()
    assert not app.exception
    # the result holds English documents only, yet Italian and Portuguese may be added (OR)
    assert sorted(app.multiselect(key="facet_language").options) == ["English", "Italian", "Portuguese"]
    app.multiselect(key="facet_language").select("it").run()
    assert not app.exception
    html = page_html(app)
    assert "COSME clusters" in html and "Contratti di rete" in html


def test_ui_language_switches_messages(app: AppTest) -> None:
    app.query_params["ui"] = "en"
    app.run()
    assert "Documents 1–3 of 3 in the collection" in "".join(m.value for m in app.markdown)


def test_missing_index_explains_how_to_build_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KB_INDEX", str(tmp_path / "none"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert "kb ingest corpus/" in at.info[0].value


def test_document_text_is_escaped() -> None:
    snippet = "<script>alert(1)</script> COSME <b>bold</b>"
    html = highlighted(snippet, [(26, 31)])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>COSME</mark>" in html and "&lt;b&gt;" in html


def test_a_search_that_matches_nothing_says_so_and_is_recorded(app: AppTest, small_kb: KnowledgeBase) -> None:
    app.query_params["q"] = "xyzzy qwerty"
    app.query_params["ui"] = "en"
    app.run()
    assert not app.exception
    assert "No practice matches this search" in app.warning[0].value
    assert "do not match" in "".join(m.value for m in app.markdown), "closest practices are labelled apart"
    assert [m["query"] for m in small_kb.store.search_misses()] == ["xyzzy qwerty"]
    near = page_html(app)
    assert "Italy" in near and "Brazil" in near, "the closest cards name countries as result cards do"


def test_a_concept_in_the_query_is_explained(app: AppTest) -> None:
    app.query_params["q"] = "APL"
    app.query_params["ui"] = "en"
    app.run()
    assert not app.exception
    assert "APL = local productive arrangement" in "".join(c.value for c in app.caption)


def _links(app: AppTest) -> dict[str, str]:
    return {link.proto.label: link.proto.query_string for link in app.get("page_link")}


def test_the_sidebar_links_keep_the_search_a_reader_leaves(app: AppTest) -> None:
    app.query_params["ui"] = "en"
    app.query_params["q"] = "compras"
    app.query_params["language"] = ["pt"]
    app.run()
    links = _links(app)
    assert "q=compras" in links["Search"] and "language=pt" in links["Search"], links
    assert "q=compras" in links["Compare"] and links["Explore"] == "ui=en" == links["Curate"], links
    app.switch_page("app_pages/explore_page.py")
    app.query_params.clear()
    app.query_params["ui"] = "en"
    app.run()
    assert not app.exception
    assert "q=compras" in _links(app)["Search"], "back from Explore, the search is still there"
    app.switch_page("app_pages/search_page.py")
    app.query_params.clear()
    app.query_params["ui"] = "en"
    app.run()  # the reader cleared the search: the link does not bring it back
    assert _links(app)["Search"] == "ui=en", _links(app)


def test_the_practice_link_reopens_the_practice_last_read(app: AppTest) -> None:
    app.run()  # the first run registers the pages
    app.switch_page("app_pages/practice_page.py")
    app.query_params["doc"] = "reti"
    app.query_params["cmp"] = ["compras"]
    app.run()
    assert not app.exception
    links = _links(app)
    assert "doc=reti" in links["Prática"] and "doc=compras" in links["Comparar"], links


@pytest.mark.parametrize(
    ("start", "chosen", "label"), [("en", "it", "Che cosa cerchi?"), ("it", "pt", "O que você procura?")]
)
def test_the_language_selector_changes_a_language_the_address_names(
    app: AppTest, start: str, chosen: str, label: str
) -> None:
    app.query_params["ui"] = start
    app.run()
    app.selectbox(key="ui_select").select(chosen).run()
    assert not app.exception
    assert app.text_input(key="query").label == label
    assert app.query_params.get("ui") in ([chosen], chosen, None if chosen == "pt" else "x")


def test_the_box_and_filters_follow_the_address_after_back(app: AppTest) -> None:
    app.query_params["q"] = "compras"
    app.query_params["language"] = ["pt"]
    app.run()
    app.text_input(key="query").input("redes").run()  # the reader searches again …
    assert app.query_params["q"] in (["redes"], "redes")
    app.query_params.clear()  # … and goes Back: the address is the first search again
    app.query_params["q"] = "compras"
    app.run()
    assert not app.exception
    assert app.text_input(key="query").value == "compras"
    assert app.multiselect(key="facet_language").value == []  # Back past a filter drops it


def test_the_box_shows_the_search_again_after_another_page(app: AppTest) -> None:
    app.query_params["q"] = "compras"
    app.run()
    app.switch_page("app_pages/explore_page.py")
    app.query_params.clear()
    app.run()  # Streamlit drops the state of widgets a run does not draw
    app.switch_page("app_pages/search_page.py")
    app.query_params["q"] = "compras"
    app.run()
    assert not app.exception
    assert app.text_input(key="query").value == "compras"


def test_two_words_of_one_concept_are_read_as_it_once(app: AppTest) -> None:
    app.query_params["q"] = "apicoltura miele"
    app.query_params["ui"] = "en"
    app.run()
    assert not app.exception
    line = next(c.value for c in app.caption if "beekeeping" in c.value)
    assert line.count("beekeeping") == 1, line
