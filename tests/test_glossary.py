"""The domain glossary: concepts found in queries in any form, expanded to every form."""

from __future__ import annotations

import pytest

from kb.boundary import is_a_lone_name
from kb.concept_tree import with_narrower
from kb.glossary import Concept, Glossary
from kb.stemming import index_phrase, may_loosen


def parts(query: str) -> list[tuple[str, str | None, bool]]:
    return [(p.text, p.concept.id if p.concept else None, p.is_name) for p in Glossary.load().parse(query)]


def test_glossary_is_large_and_trilingual() -> None:
    concepts = Glossary.load().concepts
    assert len(concepts) >= 60
    assert len({c.id for c in concepts}) == len(concepts), "concept ids are unique"
    assert sum(all(c.terms.get(lang) for lang in ("pt", "it", "en")) for c in concepts) >= 60


def test_acronyms_plurals_and_languages_meet() -> None:
    assert parts("governança de APL") == [("governança", "governance", False), ("APL", "apl", True)]
    assert parts("arranjos produtivos locais")[0][1] == "apl"
    assert parts("APLs")[0][1] == "apl"
    assert parts("ONUDI")[0][1] == parts("UNIDO")[0][1] == "unido"
    assert parts("consorzi per l'export")[0][1] == parts("export consortia")[0][1] == "export-consortium"
    assert parts("distrito industrial")[0][1] == parts("industrial districts")[0][1] == "industrial-district"


def test_an_expanded_concept_holds_forms_in_every_language() -> None:
    [part] = Glossary.load().parse("APL")
    assert index_phrase("arranjos produtivos locais", "pt") in part.alternatives
    assert index_phrase("local productive arrangement", "en") in part.alternatives


def test_a_broader_concept_meets_its_narrower_forms_but_not_the_reverse() -> None:
    [tourism] = Glossary.load().parse("turismo")
    [wine_tourism] = Glossary.load().parse("wine tourism")
    assert wine_tourism.concept is not None and wine_tourism.concept.id == "wine-tourism"
    assert index_phrase("enoturismo", "pt") in tourism.alternatives  # "turismo" finds wine tourism…
    assert index_phrase("enoturismo", "pt") in wine_tourism.alternatives
    assert index_phrase("turismo", "pt") not in wine_tourism.alternatives  # …not the other way round
    assert wine_tourism.concept.phrases() < tourism.concept.phrases()  # type: ignore[union-attr]


def test_short_acronyms_need_capitals() -> None:
    assert parts("it is in the US") == [("US", "country-us", True)]
    assert parts("us") == [("us", None, False)]


def test_a_demonym_meets_its_country_in_every_language() -> None:
    """ "vinhos chilenos" asks for Chile: its names and demonyms in pt/it/en, as text and as the
    names field holds a document's countries."""
    assert parts("vinhos chilenos") == [("vinhos", "wine", False), ("chilenos", "country-cl", False)]
    assert parts("vini cileni")[1][1] == parts("Chilean wine")[0][1] == parts("Cile")[0][1] == "country-cl"
    [chile] = Glossary.load().parse("cileni")
    assert {
        index_phrase("Chile", "en"),
        index_phrase("Chilean", "en"),
        index_phrase("chilenos", "pt"),
    } <= chile.alternatives
    assert parts("Italian SMEs")[0][1] == "country-it" and parts("EUA")[0][1] == "country-us"
    inflected = ["empresas russas", "empresas alemãs", "imprese tedesche", "espanhóis", "Germans"]
    assert {parts(q)[-1][1] for q in inflected} == {"country-ru", "country-de", "country-es"}
    assert parts("Coreia")[0][1] == parts("Korea")[0][1] == "country-kr", "countries.yaml's short names"


def test_a_country_word_inside_a_name_is_the_name() -> None:
    """A country typed with a capital beside another capitalised word, or one stop word away, is
    part of a name; a demonym written in lower case but typed with a capital is a surname."""
    assert parts("Mario Russo") == [("Mario", None, False), ("Russo", None, True)]
    assert parts("cooperativa de Mario Russo")[-1] == ("Russo", None, True)
    assert parts("Becattini e Russo")[-1] == ("Russo", None, True)
    assert parts("Russo")[0][1] is None and parts("intervista a Tedeschi")[-1][1] is None
    assert parts("Banco do Brasil")[-1] == ("Brasil", None, True)
    assert parts("Made in Italy")[-1] == ("Italy", None, True)
    assert parts("studio di Greco sui distretti")[1] == ("Greco", None, True)
    assert parts("Argentina")[0][1] == "country-ar", "a demonym's form that is the country's name"


@pytest.mark.parametrize(
    ("query", "country"),
    [
        ("APL do Brasil", "country-br"),  # an acronym is no name's word
        ("Brazilian APLs", "country-br"),
        ("Italy Germany comparison", "country-it"),  # another country is no name's word
        ("Italia, Germania e Francia", "country-it"),
        ("PMI del Nord Italia", "country-it"),  # nor a direction
        ("Vinhos Chilenos", "country-cl"),  # nor a concept, before a demonym
        ("VINHOS CHILENOS", "country-cl"),  # a query all in capitals shows no names
        ("FRANÇA E ALEMANHA", "country-fr"),
        ("A Itália e a França", "country-it"),  # nor a stop word opening the query
    ],
)
def test_a_country_beside_words_that_make_no_name_stays_the_country(query: str, country: str) -> None:
    assert [c for _, c, _ in parts(query) if c and c.startswith("country-")][0] == country


@pytest.mark.parametrize(
    "query",
    ["checar dados", "Indiana", "males and females", "criação de camarões", "malta cementizia"],
)
def test_words_that_only_look_like_a_country_are_words(query: str) -> None:
    """Countries match as words, never by stem ("checar" and "checo"); a name that is a word in
    lower case ("camarões", shrimps) is the country only when capitalised."""
    assert not [c for _, c, _ in parts(query) if c and c.startswith("country-")]
    assert parts("Camarões")[0][1] == "country-cm" and parts("apls no peru")[-1][1] == "country-pe"


def test_a_country_form_spelled_as_a_large_city_elsewhere_counts_only_as_written() -> None:
    """Brazil's Franca (footwear) is no "França"; nor is Uruguaiana (a city of Rio Grande do Sul) the
    demonym "uruguaiana"; a country's name meets no other word through a shared stem."""
    assert parts("calçados de Franca")[-1] == ("Franca", None, True)
    assert parts("Franca")[0][1] is None and parts("Uruguaiana")[0][1] is None
    assert (
        parts("empresas da França")[-1][1] == parts("frança")[0][1] == parts("Francia")[0][1] == "country-fr"
    )
    assert parts("empresas uruguaianas")[-1][1] == parts("uruguaiana")[0][1] == "country-uy"
    assert parts("cubos")[0][1] is None and parts("Cuba")[0][1] == "country-cu"
    assert parts("Itália")[0][1] == parts("Italia")[0][1] == "country-it"


def test_names_are_acronyms_codes_and_capitalised_words() -> None:
    assert parts("Law 317") == [("Law", None, False), ("317", None, True)]
    assert [p[2] for p in parts("receita de bolo")] == [False, False]


def test_a_region_is_found_where_its_countries_are_named() -> None:
    """ "America Centrale" counts as found where the names field holds Central America's token,
    which a document about Honduras carries beside its country."""
    from kb.regions import region_tokens
    from kb.store import names_text

    [part] = Glossary.load().parse("America Centrale")
    assert part.concept is not None and part.concept.is_place and part.is_name
    assert ("m49region013",) in part.alternatives and ("honduras",) not in part.alternatives
    assert parts("América Central")[0][1] == parts("Central America")[0][1] == part.concept.id
    assert "m49region013" in region_tokens("HN") and "m49region419" in region_tokens("BR")
    assert "m49region419" not in region_tokens("IT")
    assert "m49region013" in names_text([("country", "HN")])


def test_a_region_is_found_by_the_names_people_write_for_it() -> None:
    """Beside Babel's names ("America del Sud", "Europa meridionale"), those of everyday writing."""
    assert (
        parts("Sudamerica")[0][1]
        == parts("Sud America")[0][1]
        == parts("South America")[0][1]
        == "region-005"
    )
    south = parts("Europa meridionale")[0][1]
    assert parts("Sud Europa")[0][1] == parts("sul da Europa")[0][1] == parts("Europa do Sul")[0][1] == south
    assert parts("cluster in Sudamerica")[1] == ("Sudamerica", "region-005", True)


def test_only_a_region_s_full_name_expands() -> None:
    """Neither a country ("Honduras"), nor a word of a region's name ("Sud"), nor an adjective
    ("europea", which usually means the EU), nor a region inside a name ("Enterprise Europe
    Network", "Europa Creativa") stands for a region."""
    [honduras] = Glossary.load().parse("Honduras")
    assert honduras.concept is not None and honduras.concept.id == "country-hn"  # the country, no region
    assert not any(token.startswith("m49region") for phrase in honduras.alternatives for token in phrase)
    assert parts("distretti del Sud")[1] == ("Sud", None, True)
    assert parts("piattaforma europea")[1] == ("europea", None, False)
    assert parts("cluster na Europa")[1] == ("Europa", "region-150", True)
    assert all(concept is None for _, concept, _ in parts("Enterprise Europe Network"))
    assert parts("Europa Creativa")[0][1] is None


def test_a_name_with_a_number_is_never_held_by_its_words_apart() -> None:
    assert may_loosen(("ret", "impres")) and not may_loosen(("horizon", "2020"))


def test_a_concept_written_around_a_modifier_is_the_concept_and_the_modifier() -> None:
    assert parts("gestione professionale dei cluster") == [
        ("gestione dei cluster", "cluster-organisation", False),
        ("professionale", None, False),
    ]
    assert parts("redes locais de empresas")[0][1] == "business-network"
    assert parts("receita de bolo") == [("receita", None, False), ("bolo", None, False)]
    assert parts("redes de empresas") == [("redes de empresas", "business-network", False)]
    # two-word forms, a modifier that is a concept, punctuation: no skip
    assert [c for _, c, _ in parts("social venture capital")] == [None, None, None]
    assert parts("joint export marketing")[1] == ("export", "export", False)
    assert parts("reti innovative di imprese")[1] == ("innovative", "innovation", False)
    assert parts("gestione, professionale dei cluster")[0] == ("gestione", None, False)


def test_a_sector_s_forms_are_not_everyday_words() -> None:
    """Forms are looked up by their stems: "folheados" (plated jewellery) would make "folha de
    pagamento" jewellery, "leite" a riverbed ("leito") dairy; Italian peaches ("pesche") are no fisheries."""
    for query in ("folha de pagamento", "leito do rio", "pesche e albicocche"):
        assert all(p.concept is None or p.concept.id not in SECTORS for p in Glossary.load().parse(query)), (
            query
        )
    assert parts("fruit exports") == [("fruit", "fruit", False), ("exports", "export", False)]
    assert parts("exportação de frutas")[-1][1] == "fruit" and parts("frutticoltura")[0][1] == "fruit"


SECTORS = {"fruit", "dairy", "jewellery", "beekeeping", "fisheries"}


def test_a_broader_concept_is_one_level_up() -> None:
    """Chains, cycles, a concept broader than itself and an unknown one are errors, not silent merges."""
    concepts = [Concept(i, {}, (), {"en": (i,)}) for i in "abc"]
    for broader in ({"a": "b", "b": "c"}, {"a": "a"}, {"a": "b", "b": "a"}, {"a": "z"}):
        with pytest.raises(ValueError, match="broader"):
            with_narrower(concepts, broader)
    assert with_narrower(concepts, {"a": "c", "b": "c"})[2].narrower == {("a",), ("b",)}


@pytest.mark.parametrize(
    ("query", "lone"),
    [
        ("Veneto", True),  # a first-level region
        ("Recife", True),  # a large city
        ("UNIDO", True),  # an acronym of the glossary
        ("Sebrae", True),  # a name of the glossary
        ("veneto", False),  # typed in lower case
        ("Qualidade", False),  # a word a phone capitalised
        ("Design", False),
        ("South", False),  # Cameroon's region, but a direction
        ("distretti del Veneto", False),  # more than one part
        ("SENAI, SESI", False),
    ],
)
def test_a_lone_name_is_an_acronym_a_glossary_name_or_a_place(query: str, lone: bool) -> None:
    assert is_a_lone_name(Glossary.load().parse(query)) is lone


def test_an_elided_article_typed_with_a_straight_apostrophe_is_no_part_of_the_word() -> None:
    """Keyboards type "d'Italia" with a straight apostrophe: Italy is still the country, and still
    part of a name beside a capitalised word."""
    glossary = Glossary.load()
    parts = glossary.parse("vini d'Italia")
    assert [(p.text, p.concept.id if p.concept else None) for p in parts] == [
        ("vini", "wine"),
        ("Italia", "country-it"),
    ]
    bank = glossary.parse("Banca d'Italia")
    assert [p.concept for p in bank] == [None, None] and bank[1].is_name


@pytest.mark.parametrize(
    ("query", "parts"),
    [
        ("sao paulo", ["sao paulo"]),  # a place's accents dropped: still one name
        ("Rio Grande do Sul", ["Rio Grande do Sul"]),
        ("Emilia Romagna", ["Emilia Romagna"]),
        ("Campo Grande", ["Campo Grande"]),
        ("campo grande", ["campo", "grande"]),  # a bare phrase in lower case: words
        ("boa vista", ["boa", "vista"]),
        ("APLs de Minas Gerais", ["APLs", "Minas", "Gerais"]),  # inside a longer query: words apart
    ],
)
def test_a_query_that_is_a_place_of_several_words_is_one_name(query: str, parts: list[str]) -> None:
    found = Glossary.load().parse(query)
    assert [p.text for p in found] == parts
    assert found[0].is_name or len(parts) > 1


def test_a_word_typed_without_its_accents_meets_the_accented_stem() -> None:
    """Snowball cuts "exportação" to "export" but the bare "exportacao" to "exportaca"."""
    (part,) = Glossary.load().parse("exportacao")
    assert index_phrase("exportação", "pt") in part.alternatives
    (place,) = Glossary.load().parse("sao paulo")
    assert index_phrase("São Paulo", "pt") in place.alternatives
    (quality,) = Glossary.load().parse("qualita")
    assert index_phrase("qualità", "it") in quality.alternatives


def test_review_of_accents_places_and_elisions() -> None:
    glossary = Glossary.load()
    (emilia,) = glossary.parse("Emilia Romagna")
    assert index_phrase("Emilia-Romagna", "it") in emilia.alternatives, "as an Italian text writes it"
    assert [p.text for p in glossary.parse("Central region")] == ["Central", "region"]  # Ghana's, but words
    assert [p.text for p in glossary.parse("Santa maria")] == ["Santa", "maria"]  # a phone's capital only
    (nao,) = glossary.parse("nao")
    assert ("na",) not in nao.alternatives, "'não' is cut to 'na', a preposition"
    (partly,) = glossary.parse("certificaçao")
    assert index_phrase("certificação", "pt") in partly.alternatives
    curly = glossary.parse("reti d’impresa")
    assert [p.concept.id for p in curly if p.concept] == ["business-network"]
    assert [p.text for p in glossary.parse("L'Aquila")] == ["L'Aquila"]  # a name keeps its article
    assert [p.concept.id for p in glossary.parse("L'Italia") if p.concept] == ["country-it"]
