"""Regions by the names texts write: pycountry's ISO forms unpacked, its own Italian and English
translations, plain Latin letters, and the pt/it/en names the countries file adds."""

from __future__ import annotations

import pytest

from ingest.metadata.countries import main_countries
from ingest.metadata.region_names import region_name_forms


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Catalunya [Cataluña]", {"Catalunya", "Cataluña"}),
        ("Murcia, Región de", {"Murcia", "Región de Murcia"}),
        ("Sofia (stolitsa)", {"Sofia"}),
        ("Stockholms län [SE-01]", {"Stockholms län"}),
        ("San Andrés, Providencia y Santa Catalina", {"San Andrés, Providencia y Santa Catalina"}),
        ("Sichuan Sheng", {"Sichuan Sheng", "Sichuan"}),
        ("Tamil Nādu", {"Tamil Nādu", "Tamil Nadu"}),
        ("São Paulo", {"São Paulo"}),
    ],
)
def test_an_iso_entry_stands_for_the_names_a_text_writes(written: str, expected: set[str]) -> None:
    assert region_name_forms(written) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Catalunya: la cooperativa nasce in un paese agricolo e oggi vende ovunque.", ["ES"]),
        ("Baviera, le imprese condividono un centro di collaudo per i loro motori.", ["DE"]),
        ("Bavaria's suppliers share a test centre for their engines and gearboxes.", ["DE"]),
        ("Fiandre: le PMI del mobile hanno creato un portale comune per vendere.", ["BE"]),
        ("Catalunha: a cooperativa nasceu numa vila agrícola e hoje vende em todo o lado.", ["ES"]),
        ("Tamil Nadu's weavers formed a common facility centre for dyeing and finishing.", ["IN"]),
        ("Sichuan: furniture makers pooled their exports through one trading house.", ["CN"]),
        ("Lombardy: the district grew after the war around small machine shops.", ["IT"]),
    ],
)
def test_a_region_named_in_pt_it_or_en_gives_its_country(text: str, expected: list[str]) -> None:
    assert main_countries(text, "") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Il Limburgo conta molte piccole imprese meccaniche.",  # a Dutch region and a Belgian province
        "Le Colline del vino ospitano una festa ogni anno.",  # Benin's region in Italian is a word
        "Beni strumentali: le imprese chiedono il contributo.",  # and so is Bolivia's
        "La Regione del Sud ha approvato il bando.",  # a direction, any country's
        "Brittany Jones, the programme officer, and Louis Aragon's reader Alberto Moravia spoke.",
        "Mo Farah visited the training centre of the cluster last spring.",  # Afghanistan's Farāh
        "Asharq Al Awsat reported on the free zone that week.",  # Arabic for "central"
    ],
)
def test_a_name_shared_or_that_is_a_word_tells_no_country(text: str) -> None:
    assert main_countries(text, "") == []
