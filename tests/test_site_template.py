"""Lines a website repeats on every page: found by comparing a folder's text files, left out."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import ingest_paths
from ingest.readers import read_file
from ingest.site_template import folder_template, strip_template
from kb.config import Settings
from kb.knowledge_base import KnowledgeBase
from tests.conftest import EN, IT, PT, write

HEADER = "**Portal dos Arranjos** — conhecimento para gestores de APL"
FOOTER = "Rua das Flores 120, Recife · telefone (81) 3000-0000"
BODIES = {
    "moveis.txt": ("Central de compras no APL moveleiro", PT),
    "redes.md": ("Contratti di rete in Italia", IT),
    "cosme.txt": ("COSME cluster partnerships", EN),
}


def saved_page(title: str, body: str) -> str:
    """A page copied from the site: its header, the article, a shared heading and label, its footer."""
    return f"{HEADER}\n\n{title}\n\n{body}\n\nResultados\n\nFonte: Portal dos Arranjos\n\n{FOOTER}\n"


def site_folder(root: Path, names: list[str]) -> Path:
    for name in names:
        write(root / name, saved_page(*BODIES[name]))
    return root


def passages_text(kb: KnowledgeBase) -> str:
    return "\n".join(text for d in kb.store.all_doc_ids() for _, text, _ in kb.passages(d))


def test_the_lines_three_pages_share_are_the_folders_template(tmp_path: Path) -> None:
    folder = site_folder(tmp_path / "site", list(BODIES))
    template = folder_template(folder)
    assert "portal dos arranjos conhecimento para gestores de apl" in template
    assert "rua das flores 120 recife telefone 81 3000 0000" in template
    assert "resultados" not in template, "a short heading the pages share is not template"
    assert not any("fonte" in line for line in template), "a labelled line is the page's own"
    parsed, _ = read_file(folder / "moveis.txt", 10**7, 10)
    strip_template(parsed, template)
    assert parsed.title == "Central de compras no APL moveleiro", "the site's header is no title"
    assert "Portal dos Arranjos** —" not in parsed.text and "Rua das Flores" not in parsed.text
    for kept in ("Sebrae apoiou", "Resultados", "Fonte: Portal dos Arranjos"):
        assert kept in parsed.text


def test_two_pages_are_no_template_and_other_folders_are_not_compared(tmp_path: Path) -> None:
    assert folder_template(site_folder(tmp_path / "two", ["moveis.txt", "redes.md"])) == frozenset()
    site_folder(tmp_path / "a", ["moveis.txt"])
    site_folder(tmp_path / "b", ["redes.md", "cosme.txt"])
    assert folder_template(tmp_path / "a") == folder_template(tmp_path / "b") == frozenset()


def test_ingest_leaves_the_template_out_alone_or_with_its_folder(
    hash_kb: KnowledgeBase, settings: Settings, tmp_path: Path
) -> None:
    folder = site_folder(tmp_path / "site", list(BODIES))
    report = ingest_paths(hash_kb, [folder / "cosme.txt"], settings)  # one page: its folder compared
    assert report.counts["added"] == 1
    assert "Rua das Flores" not in passages_text(hash_kb) and "small firms" in passages_text(hash_kb)
    ingest_paths(hash_kb, [folder], settings)
    text = passages_text(hash_kb)
    assert "Rua das Flores" not in text and "gestores de APL" not in text
    assert "Sebrae apoiou" in text and "Resultados" in text


def test_a_page_that_makes_a_line_repeated_brings_the_earlier_pages_up_to_date(
    hash_kb: KnowledgeBase, settings: Settings, tmp_path: Path
) -> None:
    folder = site_folder(tmp_path / "site", ["moveis.txt", "redes.md"])
    assert ingest_paths(hash_kb, [folder], settings).counts["added"] == 2
    assert "Rua das Flores" in passages_text(hash_kb), "two pages do not make a template"
    assert ingest_paths(hash_kb, [folder], settings).counts["unchanged"] == 2
    site_folder(folder, ["cosme.txt"])
    counts = ingest_paths(hash_kb, [folder], settings).counts
    assert (counts["added"], counts["updated"]) == (1, 2)
    assert "Rua das Flores" not in passages_text(hash_kb)
    assert ingest_paths(hash_kb, [folder], settings).counts["unchanged"] == 3


def test_only_a_pages_edges_and_a_share_of_the_folder_make_a_template(tmp_path: Path) -> None:
    """A sentence or a heading cards share inside their text is theirs; three saved pages among
    many other files of a folder are too few to call a line the folder's template."""
    middle = "Todas as empresas da rede dividem o mesmo laboratório de ensaios"
    for name, (title, body) in BODIES.items():
        fields = ["Nome: " + title, "Setor: móveis", "Contexto geográfico: Minas Gerais", "", body]
        lines = [title, "", *fields, "", middle, "", "## Resultados e impacto esperado", "", body, "", body]
        write(tmp_path / "cards" / name, "\n".join(lines))
    assert folder_template(tmp_path / "cards") == frozenset()
    site_folder(tmp_path / "mixed", list(BODIES))
    for n in range(7):
        write(tmp_path / "mixed" / f"other{n}.txt", f"Outro documento número {n} sem nada em comum.\n\n{PT}")
    assert folder_template(tmp_path / "mixed") == frozenset()


def test_a_curators_preview_reads_an_upload_as_publishing_will(
    hash_kb: KnowledgeBase, settings: Settings, tmp_path: Path
) -> None:
    """Two pages of a site already in the uploads folder and a third staged: the preview leaves
    out the lines the three share, as the published document will."""
    from app_pages.curation import preview, publish

    uploads = site_folder(tmp_path / "uploads", ["moveis.txt", "redes.md"])
    staged = site_folder(tmp_path / "staging" / "abc", ["cosme.txt"]) / "cosme.txt"
    previewed = preview(hash_kb, staged, settings, uploads=uploads)
    assert all("Rua das Flores" not in p.text for p in previewed.passages)
    assert previewed.title == "COSME cluster partnerships"
    assert preview(hash_kb, staged, settings).passages[0].text.startswith("**Portal dos Arranjos**")
    publish(hash_kb, staged, uploads, settings)
    assert "Rua das Flores" not in passages_text(hash_kb)
