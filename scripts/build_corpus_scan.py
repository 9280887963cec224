"""Write the sample corpus's scanned practice card: a PDF holding only page images, no text layer.

The card is typeset with fpdf2's core font, drawn to an image with pypdfium2 (as a scanner would
deliver it) and saved as an image-only PDF, so reading it needs OCR. Run from the repository root:

    python scripts/build_corpus_scan.py
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pypdfium2
from fpdf import FPDF

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SCAN_DPI = 200
FIXED_DATE = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)

CARD = """Ficha de boa prática
Nome da prática: Laboratório compartilhado do APL de cerâmica vermelha
Proponente: Sindicato das Indústrias de Cerâmica do Vale do Jaguaribe, com apoio do Sebrae
Setor: Cerâmica vermelha (tijolos, telhas e lajotas)
Contexto geográfico: Vale do Jaguaribe, Ceará, Brasil
Referência temporal: 2018
Descrição: As olarias da região vendiam tijolos sem ensaio de resistência e perdiam obras
públicas que exigiam laudo técnico. Vinte e oito empresas montaram um laboratório comum de
ensaios, com prensa, estufa e técnico contratado, usado em horários agendados pelo sindicato.
Resultados: todas as associadas passaram a emitir laudos, a perda de peças na queima caiu pela
metade e o grupo voltou a participar de licitações de habitação popular.
Parceiros: prefeituras da região, instituto federal (análises de argila) e banco público.
Lições: a manutenção da prensa e a divisão dos custos precisam de regras escritas desde o início."""


def typeset(lines: list[str]) -> bytes:
    """A plain A4 text PDF in a core font (Latin-1 is enough for the accents of pt and it)."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for line in lines:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scanned_pdf(text: str, dpi: int = SCAN_DPI) -> bytes:
    """The text as a scan would give it: every page an image, no text layer."""
    document = pypdfium2.PdfDocument(typeset(text.splitlines()))
    images = [page.render(scale=dpi / 72, grayscale=True).to_pil() for page in document]
    document.close()
    out = io.BytesIO()
    images[0].save(
        out,
        format="PDF",
        resolution=dpi,
        save_all=True,
        append_images=images[1:],
        creationDate=FIXED_DATE.timetuple(),
        modDate=FIXED_DATE.timetuple(),
    )
    return out.getvalue()


def main() -> None:
    target = CORPUS / "ficha-laboratorio-ceramica-digitalizada.pdf"
    target.write_bytes(scanned_pdf(CARD))
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
