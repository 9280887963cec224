"""A year told only as a renaming is no start; a founding told with it still is."""

from __future__ import annotations

from ingest.metadata import extract
from ingest.metadata.renamings import renamed_years


def test_a_renaming_year_is_no_start() -> None:
    text = (
        "Frequently asked questions\n\nWhen did it all begin?\n\n"
        "In 1893 a group of citrus growers in the valley organised the Valley Fruit Exchange to pool, grade and "
        "sell their fruit together. The exchange adopted Golden Valley Growers as its corporate name in 1952.\n"
    )
    assert renamed_years(text) == {1952}
    assert extract(text, "Golden Valley Growers: FAQ", language="en").year is None  # not 1952 (1893 is early)


def test_renamings_in_three_languages_and_a_founding_beside_one() -> None:
    assert renamed_years("Em 1998 a associação passou a se chamar Rede Serra Verde.") == {1998}
    assert renamed_years("Nel 1975 il consorzio assunse il nome di Valverde Export.") == {1975}
    assert renamed_years("In 2004 it became the Northern Tooling Network.") == {2004}
    assert renamed_years("In 2004 it became larger than its rivals.") == set()  # no new name
    assert renamed_years("Founded in 1990 and renamed in 2001, the network grew.") == {2001}
    assert renamed_years("A rede foi criada em 2001 e renomeada em 2001.") == set()  # founded that year too
    assert renamed_years("Renamed in 2001. In 2001 the network was founded.") == set()
    assert renamed_years("It began in 1996 under another name and adopted its current name in 2014.") == {
        2014
    }
    assert renamed_years("It was launched in 2018 (now rebranded as the Global Clusters program).") == set()
