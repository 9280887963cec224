"""End-to-end in a real browser: Debian's chromium driven by Playwright against `streamlit run`.

Needs /usr/bin/chromium (`.ci/run` installs it with apt-get) and the `playwright`
package; never downloads a browser, and never skips: without chromium the tests fail
saying how to install it. Screenshots go to tests/screenshots/ (git-ignored).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser_harness import PASSWORD, settle, shoot, titles

pytestmark = [pytest.mark.slow]


def test_portuguese_query_finds_italian_or_english_practices(server: str, page: object) -> None:
    page.goto(f"{server}/")  # type: ignore[attr-defined]
    settle(page)
    box = page.get_by_label("O que você procura?", exact=True).and_(page.locator("input"))  # type: ignore[attr-defined]
    box.fill("como financiar a internacionalização de pequenas empresas")
    box.press("Enter")
    page.wait_for_url(re.compile(r"q=como\+financiar"), timeout=30000)  # type: ignore[attr-defined]
    settle(page)
    page.wait_for_selector(".hit .title")  # type: ignore[attr-defined]
    found = titles(page)[:5]
    shoot(page, "portuguese-query")
    assert any(t.startswith(("Finanziare", "Consorzi", "European Strategic", "How")) for t in found), found
    assert "q=como+financiar" in page.url  # type: ignore[attr-defined]


def test_facet_click_narrows_and_the_url_reproduces_the_view(
    server: str, page: object, browser: object
) -> None:
    page.goto(f"{server}/?q=clusters")  # type: ignore[attr-defined]
    settle(page)
    before = len(titles(page))
    facet = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(  # type: ignore[attr-defined]
        has_text="Idioma do documento"
    )
    facet.click()
    page.get_by_role("option", name=re.compile(r"^Italiano")).click()  # type: ignore[attr-defined]
    settle(page)
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    settle(page)
    narrowed = titles(page)
    shoot(page, "facet-italian")
    assert narrowed and len(narrowed) <= before
    assert "language=it" in page.url  # type: ignore[attr-defined]
    badges = page.locator(".hit .badges").all_inner_texts()  # type: ignore[attr-defined]
    assert all(b.startswith("IT") for b in badges), badges

    shared = browser.new_page()  # type: ignore[attr-defined]
    shared.goto(page.url)  # type: ignore[attr-defined]
    settle(shared)
    assert titles(shared) == narrowed
    shared.close()

    # a second value of the same field widens the result (OR), though the first one's label lost
    # its count once chosen: the list sends the first back as the label it was chosen under
    facet.click()
    page.get_by_role("option", name=re.compile(r"^Inglês")).click()  # type: ignore[attr-defined]
    settle(page)
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    settle(page)
    assert "language=it" in page.url and "language=en" in page.url, page.url  # type: ignore[attr-defined]
    assert "%28" not in page.url, page.url  # type: ignore[attr-defined]
    assert len(titles(page)) > len(narrowed)


def test_curator_upload_becomes_searchable(server: str, page: object, tmp_path: Path) -> None:
    upload = tmp_path / "Rede de apicultores do sertão.txt"
    upload.write_text(
        "Rede de apicultores do sertão\n\nProdutores de mel do sertão formaram uma cooperativa para comprar "
        "embalagens juntos, dividir uma casa de mel certificada e vender a marca coletiva Mel do Sertão para "
        "redes de supermercados. O Sebrae apoiou a capacitação em boas práticas apícolas.",
        encoding="utf-8",
    )
    page.goto(f"{server}/curate?ui=en")  # type: ignore[attr-defined]
    settle(page)
    page.locator("input[type=password]").fill("wrong-password")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Sign in").click()  # type: ignore[attr-defined]
    page.get_by_text("Wrong password.").wait_for(timeout=30000)  # type: ignore[attr-defined]
    page.locator("input[type=password]").fill(PASSWORD)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Sign in").click()  # type: ignore[attr-defined]
    settle(page)
    page.locator("input[type='file']").set_input_files(str(upload))  # type: ignore[attr-defined]
    settle(page)
    page.get_by_role("button", name="Publish").click()  # type: ignore[attr-defined]
    page.get_by_text(re.compile("Published: rede-de-apicultores")).wait_for(timeout=90000)  # type: ignore[attr-defined]
    shoot(page, "curator-upload")

    page.goto(f"{server}/?q=mel+do+sert%C3%A3o")  # type: ignore[attr-defined]
    settle(page)
    assert titles(page)[0] == "Rede de apicultores do sertão"

    # removing a document keeps the curator on the tab they were working in
    page.goto(f"{server}/curate?ui=en")  # type: ignore[attr-defined]
    settle(page)
    edit_tab = page.get_by_role("tab", name="Edit metadata")  # type: ignore[attr-defined]
    edit_tab.click()
    settle(page)
    page.get_by_role("button", name="Remove document").click()  # type: ignore[attr-defined]
    page.get_by_role("button", name="Confirm").click()  # type: ignore[attr-defined]
    removed = page.get_by_test_id("stAlertContentSuccess").get_by_text(re.compile("Removed: "))  # type: ignore[attr-defined]
    removed.wait_for(timeout=30000)
    settle(page)
    assert page.get_by_role("tab", name="Edit metadata").get_attribute("aria-selected") == "true"  # type: ignore[attr-defined]

    # the same file uploaded again after its removal is a new attempt, not the last outcome replayed
    page.goto(f"{server}/curate?ui=en")  # type: ignore[attr-defined]
    settle(page)
    page.locator("input[type='file']").set_input_files(str(upload))  # type: ignore[attr-defined]
    settle(page)
    page.get_by_role("button", name="Publish").click(timeout=30000)  # type: ignore[attr-defined]
    page.get_by_text(re.compile("Published: rede-de-apicultores")).wait_for(timeout=90000)  # type: ignore[attr-defined]
    page.goto(f"{server}/?q=mel+do+sert%C3%A3o")  # type: ignore[attr-defined]
    settle(page)
    assert titles(page)[0] == "Rede de apicultores do sertão"


def test_script_in_a_document_never_runs(server: str, page: object) -> None:
    messages: list[str] = []
    page.on("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))  # type: ignore[attr-defined]
    page.goto(f"{server}/?q=hostile+beekeeping+%3Cscript%3Ealert(1)%3C/script%3E")  # type: ignore[attr-defined]
    settle(page)
    assert "Hostile beekeeping cluster" in " ".join(titles(page))
    page.goto(f"{server}/practice?doc=hostile-cluster")  # type: ignore[attr-defined]
    settle(page)
    page.wait_for_timeout(1000)  # type: ignore[attr-defined]
    shoot(page, "hostile-document")
    body = page.inner_text("body")  # type: ignore[attr-defined]
    assert "Hostile beekeeping cluster" in body and "alert(" not in body
    assert page.locator("script:text('alert')").count() == 0  # type: ignore[attr-defined]
    assert page.locator("[onerror], [onclick], [onload]").count() == 0  # type: ignore[attr-defined]
    assert messages == []


def test_the_search_address_opens_the_search_page(server: str, page: object) -> None:
    page.goto(f"{server}/search?q=mel+do+sert%C3%A3o")  # type: ignore[attr-defined]
    settle(page)
    page.wait_for_selector(".hit .title")  # type: ignore[attr-defined]
    assert titles(page)[0] == "Rede de apicultores do sertão"
    assert "Page not found" not in page.inner_text("body")  # type: ignore[attr-defined]
