"""Explore page: the collection at a glance; every bar links to the matching search."""

from html import escape

import altair as alt
import pandas as pd
import streamlit as st

from app_pages.state import index_dir, link, open_index, t, ui_language
from kb.errors import IndexNotFound
from kb.taxonomy import default_taxonomy

FIELDS = ("country", "theme", "language", "programme", "year")
language = ui_language()
taxonomy = default_taxonomy()

st.title(t("nav_explore"))
st.caption(t("explore_intro"))
try:
    stats = open_index(str(index_dir())).stats()
except IndexNotFound:
    st.info(t("no_index", index=index_dir()))
    st.stop()

st.metric(t("documents"), stats["documents"])
for field in FIELDS:
    counts = stats["facets"].get(field, {})
    if not counts:
        continue
    frame = pd.DataFrame(
        [
            {
                "value": value,
                "label": taxonomy.label(field, value, language),
                "count": n,
                "url": link("search", **{field: value}),
            }
            for value, n in counts.items()
        ]
    )
    order = "x" if field == "year" else "-y"
    chart = (
        alt.Chart(frame, title=t(f"facet_{field}"))
        .mark_bar()
        .encode(
            x=alt.X("label:N", sort=order, title=None),
            y=alt.Y("count:Q", title=t("documents")),
            href="url:N",
            tooltip=["label", "count"],
        )
    )
    st.altair_chart(chart, use_container_width=True)
    st.html(
        " · ".join(
            f'<a href="{escape(row.url, quote=True)}" target="_self">{escape(row.label)}</a> ({row.count})'
            for row in frame.itertuples()
        )
    )
