"""Three people walk the app in Debian's chromium: a Brazilian adviser (Portuguese interface),
an Italian student and a curator. Each step is something that once went wrong."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser_harness import PASSWORD, settle, shoot, titles

pytestmark = [pytest.mark.slow]

ENGLISH_CHROME = (
    "Select all",
    "Press Enter",
    "Upload",
    "per file",
    "Browse files",
    "Drag and drop",
    "No results",
)
"""Streamlit's own English strings that once showed on the Portuguese pages."""


def params(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def visible_text(page: object) -> str:
    return page.inner_text("[data-testid='stApp']")  # type: ignore[attr-defined]


def sign_in(page: object, server: str, path: str = "/curate") -> None:
    page.goto(f"{server}{path}")  # type: ignore[attr-defined]
    settle(page)
    page.locator("input[type=password]").fill(PASSWORD)  # type: ignore[attr-defined]
    page.locator("input[type=password]").press("Enter")  # type: ignore[attr-defined]
    settle(page)


def test_adviser_pages_exports_and_portuguese_throughout(server: str, page: object) -> None:
    page.goto(f"{server}/?page=3")  # type: ignore[attr-defined]
    settle(page)
    assert "Documentos 21–30 de" in visible_text(page)
    box = page.get_by_label("O que você procura?", exact=True).and_(page.locator("input"))  # type: ignore[attr-defined]
    box.fill("financiamento de APL")
    box.press("Enter")
    # the rerun may start after settle() looked (a loaded machine): wait for its first page
    page.get_by_text(re.compile(r"Resultados 1–\d+ de \d+")).wait_for(timeout=30000)  # type: ignore[attr-defined]
    settle(page)
    assert "page" not in params(page.url), page.url  # type: ignore[attr-defined]
    with page.expect_download() as download:  # type: ignore[attr-defined]
        page.get_by_role("button", name="Referências (ABNT)").click()  # type: ignore[attr-defined]
    references = open(download.value.path(), encoding="utf-8").read()
    assert f"Disponível em: <{server}/practice?doc=" in references, references[:300]
    shoot(page, "adviser-search")

    seen = [visible_text(page)]
    facet = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first  # type: ignore[attr-defined]
    facet.click()
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    seen.append(page.inner_text("body"))  # type: ignore[attr-defined]
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    for path in (
        "/practice?doc=ficha-gt-apl",
        "/explore",
        "/compare?doc=ficha-gt-apl&doc=apl-brasile-arranjos",
    ):
        page.goto(f"{server}{path}")  # type: ignore[attr-defined]
        settle(page)
        seen.append(visible_text(page))
    sign_in(page, server)
    seen.append(visible_text(page))
    shoot(page, "adviser-curate")
    for text in seen:
        assert not [s for s in ENGLISH_CHROME if s in text], [s for s in ENGLISH_CHROME if s in text]


def test_student_keeps_italian_and_the_address_follows_the_practice(server: str, page: object) -> None:
    page.goto(f"{server}/?ui=it&q=distretti+industriali")  # type: ignore[attr-defined]
    settle(page)
    # from the root to /search (one script, two pages): the box still holds the search
    page.locator("[data-testid='stSidebar'] a").filter(has_text="Cerca").click()  # type: ignore[attr-defined]
    settle(page)
    assert page.get_by_role("textbox", name="Che cosa cerchi?").input_value() == "distretti industriali"  # type: ignore[attr-defined]
    page.locator("[data-testid='stSidebar'] a").filter(has_text="Esplora").click()  # type: ignore[attr-defined]
    settle(page)
    assert "Esplora" in visible_text(page) and params(page.url).get("ui") == ["it"], page.url  # type: ignore[attr-defined]
    page.locator("[data-testid='stSidebar'] a").filter(has_text="Cerca").click()  # type: ignore[attr-defined]
    settle(page)
    assert params(page.url).get("q") == ["distretti industriali"], page.url  # type: ignore[attr-defined]
    assert page.get_by_role("textbox", name="Che cosa cerchi?").input_value() == "distretti industriali"  # type: ignore[attr-defined]

    page.goto(f"{server}/?ui=it&q=distretti+industriali")  # type: ignore[attr-defined]
    settle(page)
    page.locator(".hit .title a").first.click()  # type: ignore[attr-defined]
    settle(page)
    first = params(page.url)["doc"][0]  # type: ignore[attr-defined]
    page.locator(".related a").first.click()  # type: ignore[attr-defined]
    settle(page)
    second = params(page.url)["doc"][0]  # type: ignore[attr-defined]
    assert second != first, "the address names the practice shown"
    title = page.locator("h1").first.inner_text()  # type: ignore[attr-defined]
    page.reload()  # type: ignore[attr-defined]
    settle(page)
    assert page.locator("h1").first.inner_text() == title  # type: ignore[attr-defined]
    page.get_by_text("← Torna alla ricerca").click()  # type: ignore[attr-defined]
    settle(page)
    back = params(page.url)  # type: ignore[attr-defined]
    assert back.get("q") == ["distretti industriali"] and back.get("ui") == ["it"], page.url  # type: ignore[attr-defined]


def test_student_compares_practices_in_two_languages(server: str, page: object) -> None:
    page.goto(f"{server}/?ui=it&q=governance+dei+cluster")  # type: ignore[attr-defined]
    settle(page)
    badges = page.locator(".hit .badges").all_inner_texts()  # type: ignore[attr-defined]
    languages = [b.split()[0] for b in badges]
    picks = [languages.index(lang) for lang in dict.fromkeys(languages)][:2]
    assert len(picks) == 2, f"two languages among the results: {languages}"
    chosen = []
    for i in picks:
        chosen.append(titles(page)[i])
        page.locator(".hit").nth(i).get_by_text("Confronta").click()  # type: ignore[attr-defined]
        settle(page)
    page.get_by_text(re.compile("Confronta 2 pratiche")).click()  # type: ignore[attr-defined]
    settle(page)
    assert urlsplit(page.url).path.endswith("/compare") and len(params(page.url)["doc"]) == 2  # type: ignore[attr-defined]
    table = page.locator("table.compare").inner_text()  # type: ignore[attr-defined]
    assert all(t in table for t in chosen) and "Promotore" in table and "Temi" in table
    shoot(page, "student-compare")
    shared = page.context.new_page()  # type: ignore[attr-defined]
    shared.goto(page.url)  # type: ignore[attr-defined]
    settle(shared)
    assert shared.locator("table.compare").inner_text() == table


def test_curator_saves_an_undated_document_and_stays_signed_in(server: str, page: object) -> None:
    sign_in(page, server, "/curate?ui=en")
    page.get_by_role("tab", name="Edit metadata").click()  # type: ignore[attr-defined]
    picker = page.locator("[data-testid='stSelectbox']").filter(has_text="Document")  # type: ignore[attr-defined]
    picker.click()
    page.keyboard.type("Hostile beekeeping")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    settle(page)
    assert page.get_by_label("Year", exact=True).input_value() == ""  # type: ignore[attr-defined]
    page.get_by_label("Countries (ISO codes)", exact=True).fill("BR")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Save").click()  # type: ignore[attr-defined]
    page.get_by_text("Metadata saved and document updated.").wait_for(timeout=90000)  # type: ignore[attr-defined]
    page.reload()  # type: ignore[attr-defined]
    settle(page)
    assert page.get_by_role("button", name="Sign out").count() == 1, "a reload keeps the curator signed in"  # type: ignore[attr-defined]
    page.goto(f"{server}/practice?doc=hostile-cluster&ui=en")  # type: ignore[attr-defined]
    settle(page)
    card = page.locator("table.card").first.inner_text()  # type: ignore[attr-defined]
    assert re.search(r"Year\s+—", card) and "Brazil" in card, card
