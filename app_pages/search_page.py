"""Search page: one box, facet filters with counts, result cards; the whole state lives in the URL."""

from collections.abc import Callable
from datetime import date
from html import escape

import streamlit as st

from app_pages.address_sync import SHOWN_LABELS, follow_the_address, sync_url
from app_pages.export import export_file_name, reference_list, results_csv
from app_pages.render import CARD_STYLE, chip_links, concept_chip, hit_card, plain
from app_pages.state import (
    COMPARE_PARAM,
    MAX_COMPARED,
    Markdown,
    link,
    public_base_url,
    require_index,
    search_context,
    t,
    ticked,
    ui_language,
    url_params,
)
from kb.errors import KbError
from kb.facets import SIDEBAR_FACETS, facet
from kb.glossary import Concept
from kb.knowledge_base import KnowledgeBase
from kb.models import Hit, SearchResult
from kb.request import MAX_RESULTS, SearchRequest
from kb.taxonomy import default_taxonomy

TOP_VALUES = 5  # values per facet shown as chips above the results (the sidebar lists them all)


def render() -> None:
    language = ui_language()
    request = SearchRequest.from_params(url_params())
    follow_the_address(request)
    st.title("Praxis")
    st.caption(t("tagline"))
    st.text_input(t("query"), help=t("query_help"), key="query", on_change=sync_url)
    kb = require_index()
    try:
        result = kb.search(request)
    except KbError as error:
        st.error(plain(str(error)))
        st.stop()
    pages = max(1, -(-result.total // request.k))
    if request.page > pages:  # a page past the end (an old link): show the last one
        st.query_params["page"] = str(pages)
        st.rerun()
    with st.sidebar:
        sidebar(request, result, other_values(kb, request), language)
    if result.concepts:
        once: dict[str, tuple[str, Concept]] = {}  # two words of one concept ("apicoltura miele"): once
        for typed, concept in result.concepts:
            once.setdefault(concept.id, (typed, concept))
        chips = " · ".join(concept_chip(typed, c, language) for typed, c in once.values())
        st.caption(t("concepts") + " " + chips)
    active_filters(request, result, language)
    if result.total == 0 and request.query:
        no_match(kb, request, result)
        st.stop()
    if not result.hits:
        st.warning(t("no_results"))
        st.stop()
    first = request.offset + 1
    last = request.offset + len(result.hits)
    st.write(t("results" if request.query else "browse", first=first, last=last, total=result.total))
    top_values(request, result, language)
    compare_bar(kb)
    st.html(CARD_STYLE + result_cards(result.hits, language))
    pager(request, pages)
    exports(kb, request, result.total)


def result_cards(hits: list[Hit], language: str) -> str:
    """The page's result cards, sharing one reading of the search and one set of labels."""
    context, labels = search_context(), card_labels(language)
    return "".join(card(h, context, labels) for h in hits)


def card_labels(language: str) -> dict[str, Callable[[str], str]]:
    """Countries' and themes' names in the interface language, for cards."""
    taxonomy = default_taxonomy()
    return {name: (lambda v, n=name: taxonomy.label(n, v, language)) for name in ("country", "theme")}


def page_label(hit: Hit) -> str:
    """ "p. 3", or "p. 3, text recognised from a scan" for a page read by OCR."""
    return t("scanned_page" if hit.scanned else "page_no", page=hit.page)


def card(hit: Hit, context: dict[str, str | list[str]], labels: dict[str, Callable[[str], str]]) -> str:
    """One result card: its link carries the search (``context``), and a tick adds it to the comparison."""
    ticked = list(context.get(COMPARE_PARAM, []))
    href = link("practice", doc=hit.doc_id, hl=str(hit.chunk_id or ""), **context)
    if hit.doc_id in ticked:
        toggle = {**context, COMPARE_PARAM: [d for d in ticked if d != hit.doc_id]}
        action = ("☑ " + t("compare_untick"), link("search", **toggle))
    elif len(ticked) < MAX_COMPARED:
        action = (
            "☐ " + t("compare_tick"),
            link("search", **{**context, COMPARE_PARAM: [*ticked, hit.doc_id]}),
        )
    else:
        action = None
    return hit_card(hit, page_label(hit), labels, href, [action] if action else [], t("missing"))


def compare_bar(kb: KnowledgeBase) -> None:
    """The practices ticked so far and the link that compares them side by side."""
    context = search_context()
    ticked = list(context.get(COMPARE_PARAM, []))
    if not ticked:
        return
    titles = kb.store.titles(set(ticked))
    names = ", ".join(titles.get(d, d) for d in ticked)
    links = [(t("compare_clear"), link("search", **{k: v for k, v in context.items() if k != COMPARE_PARAM}))]
    if len(ticked) >= 2:
        links.insert(0, (t("compare_go", n=len(ticked)), link("compare", doc=ticked, **context)))
    st.html(CARD_STYLE + f'<div class="compare-bar">{escape(names)} — {chip_links(links)}</div>')


def other_values(kb: KnowledgeBase, request: SearchRequest) -> dict[str, list[str]]:
    """For each field with a value chosen, the values the search finds without that field's filter:
    what choosing one more of them (values of one field combine with OR) can add."""
    found = {}
    for name in request.filters:
        rest = {field: values for field, values in request.filters.items() if field != name}
        wider = kb.search(SearchRequest(request.query, rest, k=1, snippets=False))
        found[name] = [c.value for c in wider.facets.get(name, [])]
    return found


def sidebar(
    request: SearchRequest, result: SearchResult, others: dict[str, list[str]], language: str
) -> None:
    """A filter per facet, each value with its count in this result: the count that choosing it gives.
    A field with a value chosen lists the values it may add (``others``) without counts: another of
    its values widens the result (values of one field combine with OR)."""
    taxonomy = default_taxonomy()
    st.subheader(t("filters"))
    for name in SIDEBAR_FACETS:
        counts = {c.value: c.count for c in result.facets.get(name, [])}
        selected = list(request.filters.get(name, ()))
        offered = others.get(name, []) if selected else list(counts)
        options = selected + [value for value in offered if value not in selected]

        def label(value: str, n: str = name, c: dict[str, int] = counts, chosen: list[str] = selected) -> str:
            text = taxonomy.label(n, value, language)
            return text if chosen else f"{text} ({c.get(value, 0)})"

        shown = st.session_state.setdefault(SHOWN_LABELS, {})
        shown.update({(name, label(value)): value for value in options})
        st.multiselect(
            t(facet(name).label_key),
            options,
            key=f"facet_{name}",
            on_change=sync_url,
            format_func=label,
            placeholder=t("choose"),
            select_all=False,
        )


def active_filters(request: SearchRequest, result: SearchResult, language: str) -> None:
    """The filters in force as chips above the results, each with its count and a remove link."""
    if not request.filters:
        return
    taxonomy = default_taxonomy()
    context = search_context()
    counts = {(name, c.value): c.count for name, values in result.facets.items() for c in values}
    links = []
    for name, values in request.filters.items():
        for value in values:
            rest = [v for v in values if v != value]
            params = {**context, name: rest}
            params.pop("page", None)
            text = f"✕ {t(facet(name).label_key)}: {taxonomy.label(name, value, language)} ({counts.get((name, value), 0)})"
            links.append((text, link("search", **params)))
    st.html(CARD_STYLE + f'<div class="active">{t("active_filters")} {chip_links(links)}</div>')


def top_values(request: SearchRequest, result: SearchResult, language: str) -> None:
    """The commonest values of each facet in this result, as links that narrow it, each with the count
    its click gives. A field already filtered gets none: another of its values would widen the result
    (values of one field combine with OR), so its count here would mislead."""
    taxonomy = default_taxonomy()
    context = search_context()
    context.pop("page", None)
    rows = []
    for name in SIDEBAR_FACETS:
        if request.filters.get(name):
            continue
        values = result.facets.get(name, [])[:TOP_VALUES]
        if not values:
            continue
        links = [
            (
                f"{taxonomy.label(name, c.value, language)} ({c.count})",
                link("search", **{**context, name: [c.value]}),
            )
            for c in values
        ]
        rows.append(
            f"<div><span class='facet-name'>{t(facet(name).label_key)}:</span> {chip_links(links)}</div>"
        )
    if rows:
        st.html(CARD_STYLE + f"<div class='top-values'>{''.join(rows)}</div>")


def no_match(kb: KnowledgeBase, request: SearchRequest, result: SearchResult) -> None:
    """Say so, log it for the curators, and offer what is near: without filters, closest practices."""
    kb.store.log_search_miss(request.query, request.filters_as_recorded)
    st.warning(t("no_results"))
    context = search_context()
    if result.unfiltered_total:
        url = Markdown(link("search", q=request.query, **ticked()))
        key = "without_filters_one" if result.unfiltered_total == 1 else "without_filters"
        st.markdown(t(key, total=result.unfiltered_total, url=url))
    if result.near_misses:
        st.markdown(t("near_misses"))
        labels = card_labels(ui_language())
        near = [
            hit_card(h, page_label(h), labels, link("practice", doc=h.doc_id, **context))
            for h in result.near_misses
        ]
        st.html(CARD_STYLE + "<div class='near-miss'>" + "".join(near) + "</div>")


def pager(request: SearchRequest, pages: int) -> None:
    """Previous and next as links (a new page load starts at the top), and where we are."""
    if pages <= 1:
        return
    context = search_context()
    links = []
    if request.page > 1:
        links.append((t("previous"), link("search", **{**context, "page": str(request.page - 1)})))
    if request.page < pages:
        links.append((t("next"), link("search", **{**context, "page": str(request.page + 1)})))
    where = t("page_of", page=request.page, pages=pages)
    st.html(CARD_STYLE + f"<div class='pager'>{chip_links(links)} <span>{where}</span></div>")


def exports(kb: KnowledgeBase, request: SearchRequest, total: int) -> None:
    """CSV and reference lists of the whole result list, computed only when a button is clicked."""
    language = ui_language()
    base_url = public_base_url()

    def all_hits() -> list[Hit]:
        return kb.search(SearchRequest(request.query, request.filters, k=min(total, MAX_RESULTS))).hits

    left, middle, right = st.columns(3)
    left.download_button(
        t("export_csv"),
        lambda: results_csv(all_hits(), language, base_url),
        export_file_name(request.query, date.today()),
        "text/csv",
        key="csv",
        on_click="ignore",
    )
    middle.download_button(
        t("export_abnt"),
        lambda: reference_list(all_hits(), "abnt", base_url),
        export_file_name(request.query, date.today(), "abnt"),
        key="abnt",
        on_click="ignore",
    )
    right.download_button(
        t("export_apa"),
        lambda: reference_list(all_hits(), "apa", base_url),
        export_file_name(request.query, date.today(), "apa"),
        key="apa",
        on_click="ignore",
    )


render()
