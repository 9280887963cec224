"""``kb search``: hybrid search with facet filters, as text or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

if TYPE_CHECKING:
    from kb.knowledge_base import KnowledgeBase

from kb.cli.common import IndexOption, JsonOption, app, emit_json, open_kb, out
from kb.facets import FACETS
from kb.models import FacetCount, Hit, SearchResult
from kb.request import MAX_RESULTS, SearchRequest
from kb.taxonomy import LANGUAGES, default_taxonomy
from kb.text import one_line, strip_controls


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="What to look for, in any language; '' to browse.")],
    index: IndexOption = None,
    country: Annotated[list[str] | None, typer.Option(help="ISO code, e.g. BR (repeatable).")] = None,
    theme: Annotated[list[str] | None, typer.Option(help="Theme id (repeatable).")] = None,
    programme: Annotated[list[str] | None, typer.Option(help="Programme (repeatable).")] = None,
    organisation: Annotated[list[str] | None, typer.Option(help="Organisation (repeatable).")] = None,
    language: Annotated[list[str] | None, typer.Option(help="pt, it, en (repeatable).")] = None,
    year: Annotated[list[int] | None, typer.Option(help="Year (repeatable).")] = None,
    k: Annotated[int, typer.Option("-k", help="Results per page.", min=1, max=MAX_RESULTS)] = 10,
    page: Annotated[int, typer.Option(help="Page of results.", min=1)] = 1,
    as_json: JsonOption = False,
    facets: Annotated[
        bool, typer.Option("--facets", help="With --json: an object with hits, total and facet counts.")
    ] = False,
    labels: Annotated[str, typer.Option(help="Language of facet labels: pt, it or en.")] = "en",
) -> None:
    """Hybrid search (meaning + keywords) with facet filters."""
    options = locals()  # one option per facet of kb.facets, named after it
    filters = {f.name: tuple(str(v) for v in options[f.name] or ()) for f in FACETS}
    kb = open_kb(index)
    check_filters(kb, filters, labels)
    request = SearchRequest(query=text, filters=filters, k=k, page=page)
    result = kb.search(request)
    if result.total == 0 and request.query:  # the curators' list of searches that found nothing, as the app's
        kb.store.log_search_miss(request.query, request.filters_as_recorded)
    hits = [hit.as_dict() for hit in result.hits]
    if as_json:
        emit_json(
            {"total": result.total, "hits": hits, "facets": facet_json(result.facets, labels)}
            if facets
            else hits
        )
        return
    print_result(result, request.offset)
    if result.total == 0 and result.unfiltered_total:
        out.print(f"without the filters this search finds {documents(result.unfiltered_total)}")


HINTS = {
    "country": "an ISO code such as BR, EU for the European Union, or a country's name",
    "language": "a language code such as pt, it or en, or its name",
}


def check_filters(kb: KnowledgeBase, filters: dict[str, tuple[str, ...]], labels: str) -> None:
    """A theme, country or language that names nothing is a typing error ("financing", "Narnia"),
    not a search that found nothing: say so (ValueError: one line, exit 2). A value documents hold
    is never refused (a language the detector wrote as "zh-cn", a sidecar's "pt-BR")."""
    taxonomy = default_taxonomy()
    if labels not in LANGUAGES:
        raise ValueError(f"--labels {labels!r}: one of {', '.join(LANGUAGES)}")
    for name, values in filters.items():
        for value in values:
            if not taxonomy.knows(name, value) and not kb.store.filtered_doc_ids({name: (value,)}):
                hint = HINTS.get(name) or "themes: " + ", ".join(taxonomy.themes)
                raise ValueError(f"unknown {name} {value!r}; {hint}")


def documents(count: int) -> str:
    """ "1 document", "13 documents"."""
    return f"{count} document{'' if count == 1 else 's'}"


def print_result(result: SearchResult, offset: int) -> None:
    """Results as text: concepts searched for, the count, and each hit (or the closest misses)."""
    if result.concepts:
        out.print(
            "also searching for: "
            + " · ".join(escape(c.read_as(typed, "en")) for typed, c in result.concepts)
        )
    if not result.hits:
        out.print(
            "no documents match" if result.total == 0 else f"{documents(result.total)}; none on this page"
        )
        if result.near_misses:
            out.print("closest documents (they do not match):")
            for rank, hit in enumerate(result.near_misses, 1):
                print_hit(rank, hit)
        return
    out.print(f"{documents(result.total)}; showing {len(result.hits)}")
    for rank, hit in enumerate(result.hits, offset + 1):
        print_hit(rank, hit)


def facet_json(facets: dict[str, list[FacetCount]], language: str) -> dict[str, list[dict[str, object]]]:
    taxonomy = default_taxonomy()
    return {
        name: [
            {"value": c.value, "label": taxonomy.label(name, c.value, language), "count": c.count}
            for c in counts
        ]
        for name, counts in facets.items()
    }


def print_hit(rank: int, hit: Hit) -> None:
    meta = " · ".join(
        part
        for part in (
            hit.language,
            ", ".join(hit.countries),
            ", ".join(hit.programmes),
            str(hit.year or ""),
        )
        if part
    )
    title, snippet = one_line(hit.title), strip_controls(hit.snippet)  # same length: spans still fit
    out.print(f"[bold]{rank}. {escape(title)}[/bold]  [dim]{escape(one_line(meta))} · {hit.doc_id}[/dim]")
    marked, last = [], 0
    for start, end in hit.highlights:
        marked += [escape(snippet[last:start]), f"[yellow]{escape(snippet[start:end])}[/yellow]"]
        last = end
    marked.append(escape(snippet[last:]))
    page = f" (p. {hit.page})" if hit.page else ""
    lacks = f"\n   [dim]missing: {escape(one_line(', '.join(hit.missing)))}[/dim]" if hit.missing else ""
    out.print("   " + "".join(marked) + page + lacks + "\n")
