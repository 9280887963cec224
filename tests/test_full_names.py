"""A proposed name as the text writes it in full, not the short form it goes on to use."""

from __future__ import annotations

from ingest.metadata import extract
from ingest.metadata.emphasised_names import emphasised_in_full
from ingest.metadata.full_names import headed_in_full, in_full, written_in_full
from kb.taxonomy import default_taxonomy

PARK = (
    "Verbale della riunione del tavolo\n\n"
    "Luogo: sala riunioni del Polo Biotech Anselmo Ferrante, Borgoverde.\n"
    "Il coordinatore presenta il Polo Biotech ai nuovi componenti. Il Polo Biotech Anselmo Ferrante è "
    "stato avviato come parco scientifico; il Polo Biotech ospita venti imprese e il Polo Biotech "
    "offre laboratori condivisi. Le imprese del Polo Biotech chiedono formazione."
)


def test_a_name_the_text_writes_twice_in_full_is_kept_in_full() -> None:
    assert written_in_full("Polo Biotech", PARK) == "Polo Biotech Anselmo Ferrante"
    assert extract(PARK, "Verbale", language="it").values["programme"] == ["Polo Biotech Anselmo Ferrante"]


def test_a_longer_form_written_once_or_ending_in_a_body_is_not_the_name() -> None:
    once = PARK.replace("Il Polo Biotech Anselmo Ferrante è", "Il Polo Biotech è")
    assert written_in_full("Polo Biotech", once) == "Polo Biotech"
    board = "The Harbour Makers Board met. The Harbour Makers Board said the Harbour Makers grew."
    assert written_in_full("Harbour Makers", board) == "Harbour Makers"


def test_a_kind_of_practice_with_its_acronym_is_named_by_what_follows() -> None:
    text = (
        "Reunidas no Arranjo Produtivo Local (APL) de Redes de Pedra Azul, 30 empresas de redes de dormir "
        "lançaram uma loja comum. O APL mantém uma central de compras."
    )
    assert (
        written_in_full("Arranjo Produtivo Local (APL)", text)
        == "Arranjo Produtivo Local (APL) de Redes de Pedra Azul"
    )


def test_words_the_text_writes_in_lower_case_end_no_name() -> None:
    text = "Presentazione Polo Biotech Presentazione. La presentazione del Polo Biotech Presentazione."
    assert written_in_full("Polo Biotech", text) == "Polo Biotech"
    scheme = "Il Fondo Verde (FV) Lombardia apre. Il Fondo Verde (FV) Lombardia chiude."
    assert written_in_full("Fondo Verde (FV)", scheme) == "Fondo Verde (FV)"


def test_a_kind_of_practice_takes_its_commonest_form_not_a_second_one_named_once() -> None:
    text = (
        "O Arranjo Produtivo Local (APL) de Redes de Pedra Azul reúne empresas. Como o Arranjo Produtivo "
        "Local (APL) de Redes de Pedra Azul, o Arranjo Produtivo Local (APL) de Confecções de Santa Cruz do "
        "Capibaribe também vende. O Arranjo Produtivo Local Sebrae Minas Gerais Apoia."
    )
    assert (
        written_in_full("Arranjo Produtivo Local (APL)", text)
        == "Arranjo Produtivo Local (APL) de Redes de Pedra Azul"
    )
    assert "Sebrae" not in written_in_full("Arranjo Produtivo Local", text)  # no "de" after it there


def test_a_title_and_the_heading_repeating_it_are_one_use() -> None:
    title = "Harbour Makers Cluster Mid-Term Evaluation"
    text = f"{title}\n{title}\nThe Harbour Makers Cluster grew. The Harbour Makers Cluster trains firms."
    assert written_in_full("Harbour Makers Cluster", f"{title}\n{text}") == "Harbour Makers Cluster"


def test_the_name_set_in_bold_is_the_full_one_but_a_label_a_heading_or_an_occasion() -> None:
    text = (
        "A Zona di cooperazione per i servizi moderni di Portoverde è nata nel 2010. Portoverde cresce.\n"
        "Formazione: corsi per le imprese.\nDistretto di Portoverde\nAl Dia Aberto Portoverde vennero in cento."
    )
    full = "Zona di cooperazione per i servizi moderni di Portoverde"
    assert emphasised_in_full("Portoverde", text, (full,)) == full
    assert emphasised_in_full("Portoverde", text, ("Formazione:",)) == "Portoverde"
    assert (
        emphasised_in_full("Portoverde", text, ("Distretto di Portoverde",)) == "Portoverde"
    )  # alone on its line
    assert emphasised_in_full("Portoverde", text, ("Dia Aberto Portoverde",)) == "Portoverde"


def test_a_proposed_name_takes_the_bold_full_form() -> None:
    text = "In 2003 twelve makers formed the Harbour Bicycle A-Team. The A-Team shares lean methods."
    assert in_full(["A-Team"], text, default_taxonomy(), ("Harbour Bicycle A-Team",)) == [
        "Harbour Bicycle A-Team"
    ]
    assert in_full(["A-Team"], text, default_taxonomy()) == ["A-Team"]


def test_an_english_name_given_first_with_more_words_before_it_is_kept_whole() -> None:
    text = (
        "At its heart sits the University Row Science Center. Since 1963 the Science Center has leased labs."
    )
    assert headed_in_full("Science Center", text) == "University Row Science Center"
    later = "The Science Center leases labs. A rival, the Harbour Science Center, opened in 2001."
    assert headed_in_full("Science Center", later) == "Science Center"  # the short form came first
    assert headed_in_full("Science Center", "The New Science Center opened.") == "Science Center"


def test_a_bold_sentence_a_person_s_role_or_two_names_joined_is_no_full_name() -> None:
    text = "x. Il Consorzio Borgo Sofà chiude il 2023 in crescita. Chair of Medtech Borgo said. Sebrae SP e Borgo Export ok."
    assert emphasised_in_full(
        "Consorzio Borgo Sofà", text, ("Il Consorzio Borgo Sofà chiude il 2023 in crescita.",)
    ) == ("Consorzio Borgo Sofà")
    assert emphasised_in_full("Medtech Borgo", text, ("Chair of Medtech Borgo",)) == "Medtech Borgo"
    assert emphasised_in_full("Sebrae SP", text, ("Sebrae SP e Borgo Export",)) == "Sebrae SP"


def test_two_heads_of_one_name_are_a_practice_and_its_model() -> None:
    compared = "Inspired by the Ballyvale Food Hub, growers opened the Mallowbrook Food Hub in 2018. The Food Hub sells."
    assert headed_in_full("Food Hub", compared) == "Food Hub"
    opening = "The University Row Science Center was founded in 1963. Since then the Science Center grew."
    assert headed_in_full("Science Center", opening) == "University Row Science Center"
    owned = "The Federal Government's Boosting Founders grants open. The Boosting Founders grants pay."
    assert headed_in_full("Boosting Founders", owned) == "Boosting Founders"
