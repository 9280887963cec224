"""SearchRequest ⇄ URL parameters, without Streamlit."""

import pytest

from kb.request import SearchRequest


def test_round_trip() -> None:
    request = SearchRequest(
        "redes de empresas", filters={"country": ("BR", "IT"), "language": ("pt",)}, k=20, page=3
    )
    params = request.to_params()
    assert params == {
        "q": "redes de empresas",
        "country": ["BR", "IT"],
        "language": ["pt"],
        "page": "3",
        "k": "20",
    }
    assert SearchRequest.from_params(params) == request


def test_defaults_are_left_out_of_links() -> None:
    assert SearchRequest().to_params() == {}
    assert SearchRequest.from_params({}) == SearchRequest()


def test_bad_numbers_fall_back_to_defaults() -> None:
    request = SearchRequest.from_params({"q": "x", "page": "abc", "k": "-4"})
    assert request.page == 1 and request.k == 1


def test_blank_and_repeated_filter_values_are_dropped() -> None:
    request = SearchRequest(filters={"theme": ("finance", " ", "finance"), "country": ()})
    assert request.filters == {"theme": ("finance",)}


def test_unknown_filter_names_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="valid filters: theme, country"):
        SearchRequest(filters={"colour": ("red",)})
