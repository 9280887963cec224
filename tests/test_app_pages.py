"""Practice, Explore and Curate pages through AppTest; curation helpers and the curator's door."""

from __future__ import annotations

import csv
import io
import os
import re
import threading
import time
from datetime import date
from functools import partial
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app_pages.auth import MAX_FAILURES, CuratorSession, Door
from app_pages.curation import preview, publish, remove, safe_filename, stage
from app_pages.export import abnt, apa, export_file_name, reference_list, results_csv
from app_pages.i18n import message_keys, translator
from app_pages.metadata_edits import BadYear, describe_changes, edited_fields, save_metadata
from kb.config import Settings
from kb.errors import DocumentNotFound, KbError
from kb.knowledge_base import KnowledgeBase
from kb.passwords import hash_password, verify_password
from kb.request import SearchRequest
from tests.conftest import APP, PT, page_html, write

PASSWORD = "uma-senha-longa-42"


@pytest.fixture
def env(
    small_kb: KnowledgeBase, small_corpus: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> KnowledgeBase:
    monkeypatch.setenv("KB_INDEX", str(small_kb.index_dir))
    monkeypatch.setenv("KB_CORPUS_DIR", str(small_corpus))
    monkeypatch.setenv("KB_UPLOAD_DIR", str(tmp_path / "uploads"))
    monkeypatch.delenv("KB_CURATOR_PASSWORD_HASH", raising=False)
    return small_kb


def page(path: str, **params: str) -> AppTest:
    """An AppTest on one page of the app (the first run registers the pages of st.navigation)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(path)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def test_practice_page_shows_the_document(env: KnowledgeBase) -> None:
    at = page("app_pages/practice_page.py", doc="reti", ui="it")
    at.run()
    assert not at.exception
    assert at.title[0].value == "Contratti di rete in Italia"
    assert "Italiano" in page_html(at) and "piccole imprese" in page_html(at)
    assert at.get("download_button"), "the original file can be downloaded"


def test_adding_a_practice_to_the_comparison_keeps_the_reader_on_it(env: KnowledgeBase) -> None:
    at = page("app_pages/practice_page.py", doc="reti", ui="en", q="reti")
    at.run()
    added = re.search(r'href="([^"]*)"[^>]*>Add to comparison', page_html(at))
    assert added and added.group(1).startswith("practice?"), "the reader stays on the practice"
    assert "doc=reti" in added.group(1) and "cmp=reti" in added.group(1) and "q=reti" in added.group(1)
    at.query_params["cmp"] = ["reti"]
    at.run()
    assert "pick another practice from the search" in page_html(at)
    at.query_params["cmp"] = ["compras"]
    at.run()
    compare = re.search(r'href="([^"]*)"[^>]*>Compare 2 practices', page_html(at))
    assert compare and compare.group(1).startswith("compare?"), page_html(at)
    assert "cmp=compras" in compare.group(1) and "cmp=reti" in compare.group(1), (
        "the comparison keeps its ticks"
    )


def test_practice_page_shows_the_practice_card(env: KnowledgeBase, small_corpus: Path) -> None:
    from ingest.pipeline import ingest_paths

    write(
        small_corpus / "ficha.txt",
        "Ficha de boa prática\n\nNome: Central de compras\nParceiros: Sebrae, prefeitura\n\n" + PT,
    )
    ingest_paths(env, [small_corpus / "ficha.txt"], Settings(index_dir=env.index_dir))
    at = page("app_pages/practice_page.py", doc="ficha", ui="en")
    at.run()
    assert not at.exception
    assert "Practice card" in [h.value for h in at.subheader]
    assert "Partners" in page_html(at) and "Sebrae, prefeitura" in page_html(at)


def test_practice_page_unknown_and_missing_document(env: KnowledgeBase) -> None:
    at = page("app_pages/practice_page.py", doc="nope")
    at.run()
    assert "nope" in at.warning[0].value
    at = page("app_pages/practice_page.py")
    at.run()
    assert at.info


def test_explore_page_links_every_value_to_a_search(env: KnowledgeBase) -> None:
    at = page("app_pages/explore_page.py", ui="en")
    at.run()
    assert not at.exception
    assert "./?language=it&amp;ui=en" in page_html(at)


def test_curate_page_without_a_password_explains_how_to_set_one(env: KnowledgeBase) -> None:
    at = page("app_pages/curate_page.py")
    at.run()
    assert not at.exception
    assert "KB_CURATOR_PASSWORD_HASH" in at.info[0].value and "kb hash-password" in at.info[0].value


@pytest.fixture
def curator(env: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("KB_CURATOR_PASSWORD_HASH", hash_password(PASSWORD))
    st.cache_resource.clear()  # a fresh app process: no failed attempts counted yet
    at = page("app_pages/curate_page.py", ui="en")
    at.run()
    return at


def finish_background_work(at: AppTest, seconds: float = 60) -> None:
    """Rerun the page until its background jobs are done and their outcome is shown."""
    deadline = time.monotonic() + seconds
    at.run()
    while at.get("progress") and time.monotonic() < deadline:
        time.sleep(0.1)
        at.run()
    assert not at.get("progress"), "background work did not finish"


def test_wrong_password_is_refused(curator: AppTest) -> None:
    curator.text_input(key="password").input("guess")
    curator.button[0].click().run()
    assert "Wrong password." in [e.value for e in curator.error]
    assert not curator.tabs


def test_curator_signs_in_edits_metadata_and_removes(curator: AppTest, env: KnowledgeBase) -> None:
    curator.text_input(key="password").input(PASSWORD)
    curator.button[0].click().run()
    assert not curator.exception
    assert len(curator.tabs) == 5
    curator.selectbox(key="edit_doc").select("compras").run()
    form_inputs = {w.label: w for w in curator.text_input}
    form_inputs["Countries (ISO codes)"].input("BR, PT")
    curator.button[1].click().run()  # save (the sign-out button comes first)
    finish_background_work(curator)
    assert not curator.exception
    assert "Metadata saved and document updated." in [s.value for s in curator.success]
    assert env.document("compras").values("country") == ["BR", "PT"]
    assert "country" in env.document("compras").curated
    assert Path(env.document("compras").path).with_name("compras.meta.yaml").exists()
    curator.button(key="remove").click().run()
    assert env.document("compras"), "nothing is removed before the curator confirms"
    curator.button(key="confirm_remove_yes").click().run()
    assert not curator.exception
    with pytest.raises(DocumentNotFound):
        env.document("compras")
    log = env.store.ingest_log()
    assert any(row["status"] == "removed" for row in log)
    curated = [row["detail"] for row in log if row["status"] == "curated"]
    assert curated and "country: BR → BR, PT" in curated[0], curated


def test_the_reports_speak_the_readers_language(curator: AppTest, env: KnowledgeBase) -> None:
    """The logs keep codes ("failed", "encrypted", filters as JSON); the page shows words."""
    env.store.log_ingest("/up/locked.pdf", "failed", "encrypted", "PDF is encrypted")
    env.store.log_ingest(
        "/up/card.txt",
        "curated",
        "metadata",
        "year: 2016 → 2015; theme: joint-action → finance, training; country: — → BR",
    )
    env.store.log_search_miss("xyzzy", '{"country": ["BR"], "theme": ["innovation"]}')
    env.store.log_search_miss("qwerty", "{}")
    curator.text_input(key="password").input(PASSWORD)
    curator.button[0].click().run()
    assert not curator.exception
    log, misses = (frame.value for frame in curator.dataframe)
    failed = log[log["File"] == "/up/locked.pdf"].iloc[0]
    assert (failed["Status"], failed["Reason"]) == ("not indexed", "password-protected")
    curated = log[log["File"] == "/up/card.txt"].iloc[0]
    assert (
        curated["Detail"]
        == "Year: 2016 → 2015; Theme: Joint action → Finance, Training and consulting; Country: — → Brazil"
    )
    shown = dict(zip(misses["Search"], misses["Filters"], strict=True))
    assert shown["xyzzy"] == "Country: Brazil; Theme: Innovation" and shown["qwerty"] == "—"


def test_lockout_after_repeated_failures_and_session_expiry() -> None:
    stored = hash_password(PASSWORD)
    door = Door()
    for _ in range(MAX_FAILURES):
        assert not door.try_password("wrong", stored, now=1000.0)
    assert door.locked_for(now=1001.0) > 0
    assert not door.try_password(PASSWORD, stored, now=1001.0), "locked even with the right password"
    assert door.try_password(PASSWORD, stored, now=1000.0 + 301)
    session = CuratorSession()
    session.sign_in(now=1400.0)
    assert session.active(now=1400.0 + 3000) and not session.active(now=1400.0 + 3000 + 3601)


def test_lockout_is_shared_by_every_session(curator: AppTest) -> None:
    for _ in range(MAX_FAILURES):
        curator.text_input(key="password").input("guess")
        curator.button[0].click().run()
    other = page("app_pages/curate_page.py", ui="en")  # a new browser session on the same app process
    other.run()
    other.text_input(key="password").input(PASSWORD)
    other.button[0].click().run()
    assert any("Too many attempts" in e.value for e in other.error)
    assert not other.tabs


def test_password_hash_is_salted_scrypt() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first != second and first.startswith("scrypt$")
    assert verify_password(PASSWORD, first) and not verify_password("other", first)
    assert not verify_password(PASSWORD, "garbage")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../x.pdf", "x.pdf"),
        ("C:\\Users\\me\\Relatório Final.PDF", "relatorio-final.pdf"),
        ("a\x00b\x1f.md", "ab.md"),
    ],
)
def test_upload_names_are_made_safe(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_upload_of_unsupported_type_is_refused() -> None:
    with pytest.raises(KbError, match="unsupported"):
        safe_filename("virus.exe")


def test_publish_makes_an_upload_searchable(env: KnowledgeBase, tmp_path: Path) -> None:
    settings = Settings(index_dir=env.index_dir)
    staged = stage(
        ("Rede de fruticultura\n\n" + PT).encode(), "../Rede Fruticultura.txt", tmp_path / "staging"
    )
    found = preview(env, staged, settings)
    assert found.title == "Rede de fruticultura" and found.language == "pt"
    assert [f.field for f in found.facets].count("theme") >= 1, "themes are shown before publishing"
    assert "rede-fruticultura" not in env.store.all_doc_ids(), "a preview writes nothing"
    report = publish(env, staged, tmp_path / "uploads", settings)
    assert report.counts["added"] == 1
    assert (tmp_path / "uploads" / "rede-fruticultura.txt").exists()
    again = stage(("Rede de fruticultura\n\n" + PT).encode(), "copia.txt", tmp_path / "staging")
    twice = publish(env, again, tmp_path / "uploads", settings)
    assert [o.doc_id for o in twice.duplicates] == ["rede-fruticultura"], "the same file is not added twice"
    assert not (tmp_path / "uploads" / "copia.txt").exists()
    assert "rede-fruticultura" in [h.doc_id for h in env.search(SearchRequest("fruticultura")).hits]
    save_metadata(env, "rede-fruticultura", {"themes": ["joint-action"]}, settings)
    assert env.document("rede-fruticultura").values("theme") == ["joint-action"]
    remove(env, "rede-fruticultura", tmp_path / "trash")
    assert [p.name for p in (tmp_path / "trash").glob("*/*.txt")] == ["rede-fruticultura.txt"]


def test_a_curator_corrects_the_year_a_reference_cites(env: KnowledgeBase, tmp_path: Path) -> None:
    """A scanned report's PDF date is the scan's: the curator types the text's own year."""
    settings = Settings(index_dir=env.index_dir)
    staged = stage(("Relatório da rede\n\n" + PT).encode(), "relatorio.txt", tmp_path / "staging")
    publish(env, staged, tmp_path / "uploads", settings)
    doc = env.document("relatorio")
    changed = edited_fields(doc, {"title": doc.title, "year": "", "written": "1998"})
    assert changed == {"written": 1998}, "only what the curator changed"
    with pytest.raises(KbError, match="written must be a year"):
        edited_fields(doc, {"written": "98"})
    with pytest.raises(BadYear):  # a text is not written ahead of today
        edited_fields(doc, {"written": str(date.today().year + 1)})
    save_metadata(env, "relatorio", changed, settings)
    after = env.document("relatorio")
    assert after.written == 1998 and "written: — → 1998" in describe_changes(doc, after)
    hit = next(
        h for h in env.search(SearchRequest("relatório da rede", k=20)).hits if h.doc_id == "relatorio"
    )
    assert "1998" in abnt(hit, "http://x")


def test_exports() -> None:
    from dataclasses import replace
    from datetime import date

    from kb.models import Hit

    hit = Hit(
        "gt-apl",
        "/c/gt-apl.txt",
        "GT-APL",
        "pt",
        1.0,
        "",
        [],
        None,
        2004,
        ["BR"],
        ["policy"],
        ["GT-APL"],
        ["MDIC"],
        written=2019,
    )
    pt = results_csv([hit], "pt", "https://praxis.example")
    assert pt.startswith("\ufeffTítulo;Idioma do documento;Ano;Tema;País")
    row = next(csv.DictReader(io.StringIO(pt.lstrip("\ufeff")), delimiter=";"))
    assert row["Tema"] == "Política pública" and row["País"] == "Brasil"
    assert row["Link"] == "https://praxis.example/practice?doc=gt-apl"
    assert next(csv.reader(io.StringIO(results_csv([hit], "en").lstrip("\ufeff"))))[:2] == [
        "Title",
        "Document language",
    ]
    assert row["Ano"] == "2004"  # the practice's year, in the table
    day = date(2026, 11, 30)
    assert export_file_name("Governança de APL", day) == "praxis-governanca-de-apl-2026-11-30.csv"
    assert (
        export_file_name("Governança de APL", day, "abnt") == "praxis-governanca-de-apl-abnt-2026-11-30.txt"
    )
    assert (
        export_file_name("", day, "apa") == export_file_name("?!", day, "apa") == "praxis-apa-2026-11-30.txt"
    )
    # no promoter on the card: the norms start with the title (never a funder named in the text);
    # a reference cites the year the text was written (2019), not the practice's (2004)
    assert abnt(hit, "http://x").startswith("GT-APL. 2019. Disponível em: <http://x/practice?doc=gt-apl>")
    assert apa(hit, "http://x") == "GT-APL. (2019). http://x/practice?doc=gt-apl"
    carded = replace(hit, title="Grupo de trabalho", card={"proponent": "MDIC"})
    assert abnt(carded, "http://x").startswith("MDIC. Grupo de trabalho. 2019.")
    assert apa(carded, "http://x") == "MDIC. (2019). Grupo de trabalho. http://x/practice?doc=gt-apl"
    assert abnt(replace(hit, title="Grupo de trabalho"), "http://x").startswith("GRUPO de trabalho. 2019.")
    undated = replace(hit, written=None)
    assert abnt(undated, "http://x").startswith("GT-APL. [s.d.].") and "(n.d.)" in apa(undated, "http://x")
    assert reference_list([carded, carded], "apa", "http://x").count("MDIC") == 2
    supported = replace(hit, card={"proponent": "Sindicato da Cerâmica do Vale, com apoio do\nSebrae"})
    assert apa(supported, "http://x").startswith("Sindicato da Cerâmica do Vale. (2019).")
    helped = replace(hit, card={"proponent": "Consorzio Lucca con il supporto di CNA"})
    assert abnt(helped, "http://x").startswith("CONSORZIO LUCCA. GT-APL.")
    for name in (
        "Rede Apoiada de Incubadoras",
        "Instituto Together With Us",
        "Com apoio do Sebrae, Associação X",
    ):
        assert apa(replace(hit, card={"proponent": name}), "http://x").startswith(f"{name}. (2019)")


def test_every_message_exists_in_three_languages() -> None:
    for language in ("pt", "it", "en"):
        t = translator(language)
        for key in message_keys():
            assert t(
                key,
                total=1,
                index="i",
                page=1,
                doc="d",
                language="l",
                name="n",
                reason="r",
                seconds=1,
                url="u",
                when="w",
                first=1,
                last=1,
                pages=1,
                n=2,
                mb=50,
                field="f",
                text="t",
                earliest=1000,
                latest=2026,
                types="t",
            )


def test_markdown_in_titles_is_inert() -> None:
    from app_pages.render import plain

    assert plain("**Bold** [link](javascript:alert(1)) <b>x</b>") == (
        "\\*\\*Bold\\*\\* \\[link\\]\\(javascript\\:alert\\(1\\)\\) \\<b\\>x\\</b\\>"
    )


def test_practice_page_title_with_markup_is_shown_literally(env: KnowledgeBase, tmp_path: Path) -> None:
    from ingest.pipeline import ingest_paths
    from tests.conftest import write

    write(tmp_path / "evil.txt", "**Bold** <img src=x onerror=alert(1)> [x](javascript:alert(1))\n\n" + PT)
    ingest_paths(env, [tmp_path / "evil.txt"], Settings(index_dir=env.index_dir))
    at = page("app_pages/practice_page.py", doc="evil")
    at.run()
    assert not at.exception
    assert at.title[0].value.startswith("\\*\\*Bold\\*\\* \\<img")
    assert "<img" not in page_html(at)


def test_csv_cells_that_look_like_formulas_are_made_inert() -> None:
    from dataclasses import replace

    from kb.models import Hit

    hit = Hit(
        "x",
        "/c/=cmd.txt",
        '=HYPERLINK("http://evil.example","click")',
        "pt",
        1.0,
        "",
        [],
        None,
        None,
        [],
        [],
        ["+1"],
        ["@org"],
    )
    rows = list(csv.DictReader(io.StringIO(results_csv([hit], "en").lstrip("\ufeff"))))
    assert rows[0]["Title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert rows[0]["Programme"] == "'+1" and rows[0]["Organisation"] == "'@org"
    again = csv.DictReader(io.StringIO(results_csv([replace(hit, title="-2+3")], "en").lstrip("\ufeff")))
    assert next(again)["Title"] == "'-2+3"


@pytest.mark.parametrize(
    "doc",
    ["[click here](https://evil.example)", "![t](https://evil.example/t.png)", "<https://evil.example>"],
)
def test_values_from_the_url_are_shown_as_text(env: KnowledgeBase, doc: str) -> None:
    at = page("app_pages/practice_page.py", doc=doc)
    at.run()
    shown = at.warning[0].value
    assert "evil" in shown
    assert "https\\://" in shown and not re.search(r"(?<!\\)[\[\]<>()!]", shown), shown


def test_a_search_error_is_shown_as_text(env: KnowledgeBase) -> None:
    at = page("app_pages/search_page.py", q="x", country="[x](https://evil.example)")
    at.run()
    assert not at.exception
    assert all("](" not in e.value for e in at.error)


def test_removal_names_its_target_and_a_second_click_removes_nothing_else(
    curator: AppTest, env: KnowledgeBase
) -> None:
    curator.text_input(key="password").input(PASSWORD)
    curator.button[0].click().run()
    first = curator.selectbox(key="edit_doc").value
    curator.button(key="remove").click().run()
    curator.button(key="confirm_remove_yes").click().run()
    remaining = set(env.store.all_doc_ids())
    assert first not in remaining
    # the list now starts with another document; clicking Remove again only asks again
    curator.button(key="remove").click().run()
    assert set(env.store.all_doc_ids()) == remaining
    assert not curator.exception


def test_removed_files_are_all_kept_and_can_be_restored(env: KnowledgeBase, tmp_path: Path) -> None:
    from app_pages.curation import remove, removed_entries, restore
    from ingest.pipeline import ingest_paths
    from tests.conftest import write

    settings = Settings(index_dir=env.index_dir)
    a, b = (
        write(tmp_path / "a" / "ctrl.txt", "Rede A\n\n" + PT),
        write(tmp_path / "b" / "ctrl.txt", "Rede B\n\n" + PT),
    )
    ingest_paths(env, [a, b], settings)
    ids = {Path(env.document(d).path): d for d in env.store.all_doc_ids()}
    trash = tmp_path / "removed"
    assert remove(env, ids[a], trash) and remove(env, ids[b], trash)
    assert remove(env, ids[b], trash) is None, "removing what is gone does nothing"
    kept = sorted(p.read_text(encoding="utf-8")[:6] for p in trash.glob("*/ctrl.txt"))
    assert kept == ["Rede A", "Rede B"] and not a.exists() and not b.exists()
    a_text = "Rede A\n\n" + PT
    [(folder, note)] = [e for e in removed_entries(trash) if e[1]["doc_id"] == ids[a]]
    write(tmp_path / "c" / "copia.txt", a_text)  # a copy the curator keeps elsewhere
    ingest_paths(env, [tmp_path / "c"], settings)
    restore(env, folder, settings)  # brought back even beside its copy
    assert a.exists() and env.document(ids[a]).title == "Rede A"
    assert env.store.ingest_log()[0] | {"at": ""} == {
        "at": "",
        "path": str(a),
        "status": "restored",
        "reason": "",
        "detail": "",
    }


def test_uploads_whose_names_differ_by_accents_or_case_are_both_kept(
    env: KnowledgeBase, tmp_path: Path
) -> None:
    settings = Settings(index_dir=env.index_dir)
    first = stage(
        ("Relatório final da rede A\n\n" + PT).encode(), "Relatório Final.txt", tmp_path / "staging"
    )
    second = stage(
        ("Relatório final da rede B\n\n" + PT).encode(), "relatorio_final.txt", tmp_path / "staging"
    )
    assert first != second and first.exists() and second.exists()
    publish(env, first, tmp_path / "uploads", settings)
    publish(env, second, tmp_path / "uploads", settings)
    kept = sorted(p.name for p in (tmp_path / "uploads").iterdir())
    assert kept == ["relatorio-final-2.txt", "relatorio-final.txt"]
    titles = {env.document(d).title for d in env.store.all_doc_ids()}
    assert {"Relatório final da rede A", "Relatório final da rede B"} <= titles


def test_a_curator_names_three_themes_at_most(env: KnowledgeBase) -> None:
    from app_pages.metadata_edits import TooManyThemes

    doc = env.document("compras")
    with pytest.raises(TooManyThemes):
        edited_fields(doc, {"themes": ["finance", "training", "policy", "networking"]})
    assert edited_fields(doc, {"themes": ["finance", "training", "policy"]}) == {
        "themes": ["finance", "training", "policy"]
    }


def test_curate_keeps_an_old_or_missing_year_and_saves_only_what_changed(
    curator: AppTest, env: KnowledgeBase
) -> None:
    from ingest.metadata.sidecar import read_sidecar

    path = Path(env.document("compras").path)
    path.with_name("compras.meta.yaml").write_text("year: 1850\n", encoding="utf-8")
    from ingest.pipeline import ingest_paths

    ingest_paths(env, [path], Settings(index_dir=env.index_dir))
    curator.text_input(key="password").input(PASSWORD)
    curator.button[0].click().run()
    curator.selectbox(key="edit_doc").select("compras").run()
    assert not curator.exception, "a year below any form minimum must not break the editor"
    form_inputs = {w.label: w for w in curator.text_input}
    form_inputs["Countries (ISO codes)"].input("BR, PT")
    curator.button[1].click().run()
    finish_background_work(curator)
    assert not curator.exception
    assert read_sidecar(path) == {"year": 1850, "countries": ["BR", "PT"]}, "nothing else was made permanent"
    curator.selectbox(key="edit_doc").select("reti").run()
    form_inputs = {w.label: w for w in curator.text_input}
    assert form_inputs["Year"].value == "" or form_inputs["Year"].value.isdigit()


def test_links_out_of_the_corpus_are_neither_indexed_nor_served(
    env: KnowledgeBase, small_corpus: Path, tmp_path: Path
) -> None:
    from ingest.pipeline import ingest_paths

    secret = write(tmp_path / "secret" / "passwords.txt", "Segredo\n\n" + PT)
    (small_corpus / "innocent.txt").symlink_to(secret)
    report = ingest_paths(env, [small_corpus], Settings(index_dir=env.index_dir))
    [failure] = report.failures
    assert failure.reason == "outside" and "innocent.txt" in failure.path
    assert all("passwords" not in env.document(d).path for d in env.store.all_doc_ids())
    # a document whose file was later swapped for a link outside is not served either
    compras = Path(env.document("compras").path)
    compras.unlink()
    compras.symlink_to(secret)
    at = page("app_pages/practice_page.py", doc="compras")
    at.run()
    assert not at.exception and not at.get("download_button")


def test_a_fifo_named_like_text_does_not_hang_ingest(env: KnowledgeBase, tmp_path: Path) -> None:
    import os

    from ingest.pipeline import ingest_paths

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    report = ingest_paths(env, [fifo], Settings(index_dir=env.index_dir))
    assert [f.reason for f in report.failures] == ["unsupported"]


def test_previews_run_in_the_background_with_progress(env: KnowledgeBase, tmp_path: Path) -> None:
    from app_pages.curation import Jobs

    settings = Settings(index_dir=env.index_dir)
    staged = stage(("Rede de apicultores\n\n" + PT * 3).encode(), "apicultores.txt", tmp_path / "staging")
    jobs = Jobs()
    job = jobs.start("preview:1", "apicultores.txt", partial(preview, env, staged, settings))
    again = jobs.start("preview:1", "apicultores.txt", lambda on_progress: pytest.fail("started twice"))
    assert again is job, "one job per key"
    deadline = time.monotonic() + 60
    while not job.done and time.monotonic() < deadline:
        time.sleep(0.05)
    assert job.future.result().title == "Rede de apicultores" and job.share[0] == 1.0
    assert "apicultores" not in env.store.all_doc_ids(), "a preview writes nothing"
    niceness = jobs.pool.submit(lambda: os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
    assert niceness.result() > os.getpriority(os.PRIO_PROCESS, 0), "background work yields to searches"


def test_the_upload_hint_names_every_kind_of_file_taken() -> None:
    from app_pages.state import upload_types

    named = upload_types().split(", ")
    assert {"PDF", "TXT", "MD", "HTML", "DOCX", "ODT", "PPTX", "ODP"} <= set(named)
    assert "HTM" not in named and named == sorted(named)
