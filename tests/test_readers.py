"""Readers: each format, each class of bad input, and the encodings real files use."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfWriter

from ingest.metadata.fields import labelled_fields
from ingest.readers import read_file
from ingest.readers.text import read_text
from kb.errors import UnreadableFile
from tests.conftest import EN, IT, PT, write

MB = 1024 * 1024


def read(path: Path, max_bytes: int = 10 * MB):
    return read_file(path, max_bytes, max_pdf_pages=50)[0]


def make_pdf(pages: list[str]) -> bytes:
    pdf = FPDF()
    pdf.set_title("Relatório de teste")
    pdf.set_font("helvetica", size=11)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def reason(path: Path, max_bytes: int = 10 * MB) -> str:
    with pytest.raises(UnreadableFile) as caught:
        read(path, max_bytes)
    return caught.value.reason


def test_utf8_text_keeps_accents_and_title(tmp_path: Path) -> None:
    parsed = read(write(tmp_path / "a.txt", "Título da prática\n\n" + PT))
    assert parsed.title == "Título da prática"
    assert "capacitação" in parsed.text


def test_latin1_text_is_decoded_as_western(tmp_path: Path) -> None:
    text = "Exportação e internacionalização de calçados: três consórcios, paciência e ações.\n" * 5
    parsed = read(write(tmp_path / "a.txt", text, encoding="latin-1"))
    assert "internacionalização" in parsed.text and "paciência" in parsed.text


def test_cp1252_text_with_euro_sign(tmp_path: Path) -> None:
    text = "Il programma COSME ha un bilancio di 19 milioni di €; è più efficace così.\n" * 5
    assert "€" in read(write(tmp_path / "a.txt", text, encoding="cp1252")).text


def test_markdown_markup_is_dropped(tmp_path: Path) -> None:
    parsed = read(
        write(
            tmp_path / "a.md", "# Reti di imprese\n\nUn **contratto** di [rete](http://x).\n\n- uno\n- due\n"
        )
    )
    assert parsed.title == "Reti di imprese"
    assert "**" not in parsed.text and "](" not in parsed.text
    assert "contratto di rete" in parsed.text


def test_the_words_set_in_bold_are_kept_aside_for_the_metadata(tmp_path: Path) -> None:
    text = "# Notizie\n\nLa **Zona di cooperazione per i servizi di Portoverde** è nata. **Formazione:** corsi.\n"
    parsed = read(write(tmp_path / "a.md", text))
    assert parsed.info["emphasis"].splitlines() == [
        "Zona di cooperazione per i servizi di Portoverde",
        "Formazione:",
    ]
    page = (
        "<html><body><nav><b>Menu</b></nav><article><p>The <strong>Harbour Makers Cluster</strong> grew.</p>"
    )
    page += (
        "<p>"
        + "Firms share tools and train apprentices together every year. " * 6
        + "</p></article></body></html>"
    )
    parsed = read(write(tmp_path / "a.html", page))
    assert parsed.info["emphasis"] == "Harbour Makers Cluster"
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n' + page  # lxml refuses a declared encoding in a str
    assert read(write(tmp_path / "b.html", xhtml)).info["emphasis"] == "Harbour Makers Cluster"


def test_markdown_card_lines_stay_apart(tmp_path: Path) -> None:
    card = "# Ficha\n\n**Nome:** Rede de fornecedores\n**Proponente:** Sebrae\n**Setor:** Moda\n"
    parsed = read(write(tmp_path / "card.md", card))
    assert "Nome: Rede de fornecedores\nProponente: Sebrae\nSetor: Moda" in parsed.text


def test_a_markdown_front_matter_gives_title_and_date_and_stays_out_of_the_text(tmp_path: Path) -> None:
    note = (
        '---\ntitle: "Visita às cooperativas de mel"\nauthor: Caderno de Campo\ndate: 2024-02-06\n'
        "tags: [mel, cooperativas]\n---\n\nAs cooperativas do sertão vendem mel em conjunto.\n"
    )
    parsed = read(write(tmp_path / "note.md", note))
    assert parsed.title == "Visita às cooperativas de mel"
    assert parsed.info == {"date": "2024-02-06"}
    assert parsed.text == "Visita às cooperativas de mel\n\nAs cooperativas do sertão vendem mel em conjunto."
    plain = read(write(tmp_path / "rule.md", "---\n\nUma linha apenas, depois de um traço.\n"))
    assert plain.text == "Uma linha apenas, depois de um traço."  # a thematic break, no front matter
    card = read(
        write(tmp_path / "card.md", "---\nNome: Rede X\nProponente: Sebrae\n---\n\nTexto da ficha.\n")
    )
    assert "Nome: Rede X" in card.text, "a card's lines between two rules are no front matter"
    bomb = "---\ntitle: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n\nTexto.\n"
    assert read(write(tmp_path / "bomb.md", bomb)).info == {}, "aliases: not read as a front matter"


def test_a_front_matter_in_portuguese_or_italian_is_read_as_one(tmp_path: Path) -> None:
    blog = (
        '---\ntítulo: "O cluster do vidro e o gás natural"\nautor: Equipa do blog\npublicado: 2021-09-02\n'
        "etiquetas: [vidro, energia]\n---\n\nOs fornos do cluster passaram a gás.\n"
    )
    parsed = read(write(tmp_path / "blog.md", blog))
    assert parsed.title == "O cluster do vidro e o gás natural"
    assert parsed.info == {"date": "2021-09-02"}
    assert "publicado" not in parsed.text and "Equipa" not in parsed.text
    nota = "---\ntitolo: Il consorzio\npubblicato: 9 settembre 2023\n---\n\nIl consorzio vende insieme.\n"
    assert read(write(tmp_path / "nota.md", nota)).info == {"date": "2023"}, "a date told in words"
    jekyll = "---\ntitle: Visita\npublished: true\ndate: 2021-09-02\n---\n\nAs cooperativas vendem mel em conjunto.\n"
    assert read(write(tmp_path / "jekyll.md", jekyll)).info == {"date": "2021-09-02"}
    ficha = "---\nTítulo: Rede de Inovação\nProponente: Sebrae\nAno de início: 2015\n---\n\nTexto da ficha.\n"
    assert "Proponente: Sebrae" in read(write(tmp_path / "ficha.md", ficha)).text, (
        "a card's labels are capitalised"
    )


def test_html_main_text_without_boilerplate(tmp_path: Path) -> None:
    html = f"""<html><head><title>Cluster partnerships</title><script>var tracking = 1;</script></head>
    <body><div class="cookie">We use cookies to improve your experience. Accept all cookies.</div>
    <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/login">Log in</a></nav>
    <main><article><h1>Cluster partnerships</h1><p>{EN}</p><p>{EN}</p></article></main>
    <footer>Copyright 2024. Privacy policy. Follow us on social media.</footer></body></html>"""
    parsed = read(write(tmp_path / "a.html", html))
    assert "COSME programme" in parsed.text
    assert parsed.title == "Cluster partnerships"
    for noise in ("cookies", "Log in", "Privacy policy", "tracking"):
        assert noise not in parsed.text


def test_an_html_page_without_an_article_keeps_its_headings(tmp_path: Path) -> None:
    """Without ``<article>`` or ``<main>`` the extraction fell back to a reader that dropped every
    heading, and the page's subject with them; menus and footers still go."""
    html = f"""<html><head><title>Perguntas frequentes</title></head><body>
    <nav><a href="/">Início</a> <a href="/contactos">Contactos</a></nav>
    <h1>Perguntas frequentes</h1><h2>Pólo Industrial de Viana</h2><p>{PT}</p>
    <h3>Quem pode instalar-se no Pólo?</h3><p>{PT}</p>
    <footer>Copyright 2024. Política de privacidade.</footer></body></html>"""
    parsed = read(write(tmp_path / "faq.html", html))
    assert "Pólo Industrial de Viana" in parsed.text
    assert "Quem pode instalar-se no Pólo?" in parsed.text
    for noise in ("Contactos", "Política de privacidade"):
        assert noise not in parsed.text
    sidebar = html.replace(
        "<footer>", "<aside><article><h3>Outra notícia</h3><p>Curta.</p></article></aside><footer>"
    )
    assert "Pólo Industrial de Viana" in read(write(tmp_path / "aside.html", sidebar)).text
    fragment = f"<h2>Pólo Industrial de Viana</h2><p>{PT}</p><p>{PT}</p>"  # no <body>: read whole
    assert "Pólo Industrial de Viana" in read(write(tmp_path / "fragment.html", fragment)).text


def test_an_html_box_of_facts_set_aside_is_kept_and_a_related_box_is_not(tmp_path: Path) -> None:
    html = f"""<html><body><main><h1>Bloco 9</h1><p>{EN}</p><p>{EN}</p>
    <aside><h3>Quick facts</h3><p>Location: Vila Alta · Launch as a hub: 2011 · Manager: Vila Alta University</p></aside>
    <aside><h3>Leia também</h3>
    <div><h4>Entrevista: o parque de Vila Baixa</h4><p>O parque de Vila Baixa foi inaugurado em 2019 e acolhe 30 empresas.</p></div>
    <div><h4>Opinião: as startups de Vila Nova</h4><p>Vila Nova tem hoje uma das redes mais ativas do país.</p></div></aside>
    <aside><p>Foto: Ana Lima, da Agência Sul de fotografia, durante a feira anual dos produtores de Vila Alta.</p>
    <p>Fonte: Câmara Municipal de Vila Alta, relatório de atividades económicas da região, 2015.</p></aside>
    </main></body></html>"""
    parsed = read(write(tmp_path / "facts.html", html))
    assert "Launch as a hub: 2011" in parsed.text
    for other in ("o parque de Vila Baixa", "Agência Sul"):  # other stories, credits
        assert other not in parsed.text


def test_an_html_page_title_that_says_more_than_its_heading_is_the_title(tmp_path: Path) -> None:
    page = "<html><head><title>{}</title></head><body><h1>Interrogazione</h1><p>{}</p><p>{}</p></body></html>"
    fuller = "Interrogazione – Crisi del distretto orafo"
    parsed = read(write(tmp_path / "a.html", page.format(fuller, EN, EN)))
    assert parsed.title == fuller
    site = read(write(tmp_path / "b.html", page.format("Portale della Regione", EN, EN)))
    assert site.title == "Interrogazione"  # a site's name is no fuller title
    named = "<html><head><title>Rete per l'export – Confindustria Emilia</title></head><body><h1>Rete per l'export</h1><p>{}</p></body></html>"
    assert read(write(tmp_path / "c.html", named.format(EN))).title == "Rete per l'export"


def test_pdf_pages_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(make_pdf([PT, IT]))
    parsed = read(path)
    assert parsed.n_pages == 2
    assert parsed.title == "Relatório de teste"
    second = parsed.text.index("contratto di rete")
    assert parsed.page_at(0) == 1 and parsed.page_at(second) == 2


def test_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    data = make_pdf([PT])
    path = tmp_path / "a.pdf"
    path.write_bytes(data[: len(data) // 3])
    assert reason(path) in {"corrupt", "no-text"}


def encrypted_pdf(tmp_path: Path, user_password: str, algorithm: str) -> Path:
    from pypdf import PdfReader

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([PT]))))
    writer.encrypt(user_password=user_password, owner_password="dono", algorithm=algorithm)
    path = tmp_path / "a.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    assert reason(encrypted_pdf(tmp_path, "segredo", "AES-256")) == "encrypted"


def test_pdf_with_empty_user_password_opens(tmp_path: Path) -> None:
    assert "central de compras" in read(encrypted_pdf(tmp_path, "", "AES-128")).text


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf(["", ""]))
    assert reason(path) == "no-text"


def test_binary_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "photo.pdf"
    path.write_bytes(bytes(range(256)) * 20)
    assert reason(path) == "corrupt"


def test_binary_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 10)
    assert reason(path) == "binary"


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  "])
def test_empty_and_whitespace_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert reason(path) == "empty"


def test_oversized_file(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", PT * 100)
    assert reason(path, max_bytes=1000) == "too-large"


def test_unsupported_type(tmp_path: Path) -> None:
    assert reason(write(tmp_path / "sheet.xlsx", "x")) == "unsupported"


def test_html_with_no_text(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.html",
        "<html><body><script>alert(1)</script><nav><a href='/'>Home</a></nav></body></html>",
    )
    assert reason(path) == "no-text"


def test_a_markdown_table_keeps_its_rows_so_a_card_laid_out_as_a_table_is_read(tmp_path: Path) -> None:
    table = (
        "# Ficha\n\n| Campo | Valor |\n|---|---|\n| Nome | Rede de fornecedores |\n| Ano | 2011 |\n\n" + PT
    )
    parsed, _ = read_file(write(tmp_path / "ficha.md", table), 10**7, 10)
    assert "| Nome | Rede de fornecedores |\n| Ano | 2011 |" in parsed.text
    assert labelled_fields(parsed.text) == {"name": "Rede de fornecedores", "year": "2011"}


def test_an_html_card_laid_out_as_a_definition_list_keeps_its_fields(tmp_path: Path) -> None:
    """Main-text extraction drops a ``<dl>``; its terms become "term: definition" lines (a term
    that ends in a colon gets no second one), and a year printed in the footer is not taken
    for the page's date."""
    html = f"""<html><head><title>Rede de queijarias</title></head><body>
    <nav><a href="/">Início</a> <a href="/praticas">Práticas</a></nav>
    <main><h1>Rede de queijarias</h1><dl class="ficha"><dt>Início</dt><dd>2018</dd>
    <dt>Programa de apoio:</dt><dd>Programa de Desenvolvimento Rural</dd></dl><p>{PT}</p><p>{PT}</p></main>
    <footer>© 2020 Observatório</footer></body></html>"""
    parsed = read(write(tmp_path / "card.html", html))
    assert labelled_fields(parsed.text)["year"] == "2018"
    assert labelled_fields(parsed.text)["programme"] == "Programa de Desenvolvimento Rural"
    assert "date" not in parsed.info
    from ingest.readers.html import without_code

    nested = without_code(
        "<html><body><main><dl><dt>País</dt><dd>Brasil<br>Argentina<dl><dt>A</dt><dd>um</dd></dl>"
        "</dd></dl>Texto depois da lista.</main></body></html>"
    )
    assert "<p>País: Brasil Argentina A um</p></div>Texto depois da lista." in nested


def test_a_newsletter_laid_out_in_a_table_keeps_its_paragraphs_and_a_data_table_its_rows(
    tmp_path: Path,
) -> None:
    page = tmp_path / "bulletin.html"
    page.write_text(
        "<html><head><title>Bulletin 18</title></head><body><table width='640'><tr><td>"
        "<p>Harbour Trade Bulletin &middot; Issue 18 &middot; September 2023</p>"
        "<h1>How the Borgoverde furniture makers work together</h1>"
        "<p>The Borgoverde Furniture Foundation brings together two hundred workshops that weave rattan "
        "and sell abroad through shared fairs and a joint catalogue.</p>"
        "<table><tr><td>Year founded</td><td>2009</td></tr><tr><td>Members</td><td>200</td></tr></table>"
        "<p>Members share a drying yard and a design clinic run with the local university.</p>"
        "</td></tr></table></body></html>",
        encoding="utf-8",
    )
    lines = [line.strip() for line in read_file(page, 10**8, 2000)[0].text.splitlines()]
    assert lines[0] == "Harbour Trade Bulletin · Issue 18 · September 2023"
    assert any(line.startswith("Members share a drying yard") for line in lines)
    assert "| Year founded | 2009 |" in lines  # the table of data inside it keeps its rows


def test_a_card_laid_out_as_a_table_of_paragraphs_keeps_its_fields(tmp_path: Path) -> None:
    page = tmp_path / "card.html"
    page.write_text(
        "<html><body><h1>Ficha</h1><table class=MsoTableGrid>"
        "<tr><td><p class=MsoNormal>Nome da prática</p></td><td><p class=MsoNormal>Rede Borgoverde</p></td></tr>"
        "<tr><td><p>Ano de criação</p></td><td><p>2011</p></td></tr>"
        "<tr><td><p>País</p></td><td><p>Brasil</p></td></tr></table></body></html>",
        encoding="utf-8",
    )
    fields = labelled_fields(read_file(page, 10**8, 2000)[0].text)
    assert fields["year"] == "2011" and fields["geography"] == "Brasil"


def test_a_dateline_on_the_first_line_is_no_title() -> None:
    """A news item or a letter opens with its place and date; its title is the next line."""
    text = "Nova Friburgo (RJ), 14 de março de 2019\n\nCentral de compras do polo de moda íntima\n\nAs confecções…"
    assert read_text(text.encode()).title == "Central de compras do polo de moda íntima"
    assert read_text(b"Lucca, 3 marzo 2023\nIl consorzio della carta\n").title == "Il consorzio della carta"
    assert (
        read_text("Seminário de 14 de março de 2019\nx".encode()).title == "Seminário de 14 de março de 2019"
    )


def test_a_genre_or_an_act_with_a_date_is_a_title_not_a_dateline() -> None:
    for title in ("Press release, 4 March 2021", "Resolução nº 5, 14 de março de 2019"):
        assert read_text(f"{title}\nx".encode()).title == title
