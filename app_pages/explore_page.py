"""Explore page: the collection at a glance; every bar links to the matching search."""

import json
from html import escape
from pathlib import Path

import altair as alt
import pandas as pd
import pycountry
import streamlit as st

from app_pages.state import link, require_index, t, ticked, ui_language
from kb.facets import SIDEBAR_FACETS, facet
from kb.taxonomy import default_taxonomy

WORLD = json.loads((Path(__file__).parent / "data" / "countries-110m.json").read_text(encoding="utf-8"))


def world_map(counts: dict[str, int], language: str, ticks: dict[str, list[str]]) -> alt.Chart:
    """Countries shaded by how many practices are about them; a click opens that search (``ticks``:
    the practices ticked for comparison, which every link keeps)."""
    taxonomy = default_taxonomy()
    rows = []
    for code, n in counts.items():
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            label = taxonomy.label("country", code, language)
            rows.append(
                {
                    "id": country.numeric,
                    "count": n,
                    "label": label,
                    "url": link("search", country=code, **ticks),
                }
            )
    shapes = alt.Data(values=WORLD, format=alt.DataFormat(type="topojson", feature="countries"))
    land = alt.Chart(shapes).mark_geoshape(fill="#e8ebef", stroke="white", strokeWidth=0.5)
    shaded = (
        alt.Chart(shapes)
        .mark_geoshape(stroke="white", strokeWidth=0.5)
        .transform_lookup(
            lookup="id", from_=alt.LookupData(pd.DataFrame(rows), "id", ["count", "label", "url"])
        )
        .encode(
            color=alt.Color("count:Q", title=t("documents"), scale=alt.Scale(scheme="blues")),
            tooltip=[
                alt.Tooltip("label:N", title=t("facet_country")),
                alt.Tooltip("count:Q", title=t("documents")),
            ],
            href="url:N",
        )
    )
    return alt.layer(land, shaded, height=360).project("equalEarth")


def render() -> None:
    language, ticks = ui_language(), ticked()
    taxonomy = default_taxonomy()
    st.title(t("nav_explore"))
    st.caption(t("explore_intro"))
    stats = require_index().stats()
    st.metric(t("collection_size"), stats["documents"])
    countries = stats["facets"].get("country", {})
    if countries:
        st.altair_chart(world_map(countries, language, ticks), use_container_width=True)
        if "EU" in countries:
            st.html(
                f'<a href="{escape(link("search", country="EU", **ticks), quote=True)}" target="_self">'
                f"{escape(taxonomy.label('country', 'EU', language))}</a> ({countries['EU']})"
            )
    for field in SIDEBAR_FACETS:
        if stats["facets"].get(field):
            facet_chart(field, stats["facets"][field], language, ticks)


def facet_chart(field: str, counts: dict[str, int], language: str, ticks: dict[str, list[str]]) -> None:
    """A bar per value, and the same values as links: each opens the matching search."""
    taxonomy = default_taxonomy()
    frame = pd.DataFrame(
        [
            {
                "value": value,
                "label": taxonomy.label(field, value, language),
                "count": n,
                "url": link("search", **{field: value}, **ticks),
            }
            for value, n in counts.items()
        ]
    )
    chart = bar_chart(frame, field)
    st.altair_chart(chart, use_container_width=True)
    st.html(
        " · ".join(
            f'<a href="{escape(row.url, quote=True)}" target="_self">{escape(row.label)}</a> ({row.count})'
            for row in frame.itertuples()
        )
    )


def bar_chart(frame: pd.DataFrame, field: str) -> alt.Chart:
    """Whole-number counts; years on a time axis; other values as horizontal bars with full labels."""
    tooltip = [
        alt.Tooltip("label:N", title=t(facet(field).label_key)),
        alt.Tooltip("count:Q", title=t("documents")),
    ]
    count_axis = alt.Axis(format="d", tickMinStep=1)
    base = alt.Chart(frame, title=t(facet(field).label_key)).mark_bar()
    if field == "year":  # years on a time axis, gaps included
        frame["date"] = pd.to_datetime(frame["value"].astype(str), format="%Y", errors="coerce")
        chart = base.encode(
            x=alt.X("year(date):T", title=None),
            y=alt.Y("count:Q", title=t("documents"), axis=count_axis),
            href="url:N",
            tooltip=tooltip,
        )
    else:  # horizontal bars: long names stay readable
        chart = base.encode(
            y=alt.Y("label:N", sort="-x", title=None, axis=alt.Axis(labelLimit=400)),
            x=alt.X("count:Q", title=t("documents"), axis=count_axis),
            href="url:N",
            tooltip=tooltip,
        ).properties(height=alt.Step(22))
    return chart


render()
