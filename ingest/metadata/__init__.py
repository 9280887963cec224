"""Metadata of a document: labelled fields first, then registries, gazetteer, dates, themes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ingest.metadata.card_sections import section_fields
from ingest.metadata.cited_year import cited_year
from ingest.metadata.collective_names import collective_over_guess, collective_subject, holding_it
from ingest.metadata.countries import countries_in_field, main_countries
from ingest.metadata.district_names import district_subject, titled_district
from ingest.metadata.document_years import document_year
from ingest.metadata.domestic import domestic_country
from ingest.metadata.emphasised_names import emphasised_name
from ingest.metadata.fields import labelled_fields
from ingest.metadata.firms import about_firms
from ingest.metadata.full_names import in_full
from ingest.metadata.genre_subject import case_headed, genre_titled, minutes_body, minutes_titled
from ingest.metadata.guess_beside import collective_beside, joins_the_finds
from ingest.metadata.introduced_names import acronym_in, may_be_proposed, named_as_a_programme
from ingest.metadata.lone_districts import lone_district
from ingest.metadata.name_ranker import CONFIDENT, likely_programme
from ingest.metadata.own_name import cluster_named, own_name
from ingest.metadata.programme_keys import bracketed_forms, written_otherwise
from ingest.metadata.programme_names import programme_names
from ingest.metadata.registry import (
    by_key,
    exact_entry,
    mentioned,
    new_programmes,
    organisations,
    programmes,
)
from ingest.metadata.sidecar import LIST_FIELDS
from ingest.metadata.title_subject import title_head, title_subject, titled
from kb.facets import CARD_FIELDS, card_field
from kb.models import FacetValue
from kb.taxonomy import Taxonomy, default_taxonomy

MAX_PROGRAMMES = 4
MAX_NAME_CHARS = 80
"""A card's proponent kept as an organisation name is cut here (a sentence is not a name)."""
FIELD_ORDER = ("country", "theme", "programme", "organisation")


@dataclass
class Metadata:
    """Extracted values per field, and which fields a curator set."""

    values: dict[str, list[str]] = field(default_factory=dict)
    year: int | None = None  # the practice's
    written: int | None = None  # the text's own (a reference cites it)
    title: str | None = None
    language: str | None = None
    curated: set[str] = field(default_factory=set)
    proposed: set[str] = field(default_factory=set)  # programme names the registry lacks
    card: dict[str, str] = field(default_factory=dict)  # a practice card's labelled fields, as written

    def facets(self) -> list[FacetValue]:
        out = []
        for name in FIELD_ORDER:
            for value in self.values.get(name, []):
                if name in self.curated:
                    source = "curated"
                else:
                    source = "proposed" if name == "programme" and value in self.proposed else "extracted"
                out.append(FacetValue(name, value, source))
        out += [FacetValue(card_field(name), value) for name, value in self.card.items()]
        return out


def extract(
    text: str,
    title: str,
    date_hint: str | None = None,
    taxonomy: Taxonomy | None = None,
    language: str | None = None,
    emphasis: tuple[str, ...] = (),
) -> Metadata:
    """Everything except themes (those need the passage vectors); ``language``, the text's;
    ``emphasis``, the words it sets in bold."""
    taxonomy = taxonomy or default_taxonomy()
    fields = labelled_fields(text)
    on_card = section_fields(text) | {name: value for name, value in fields.items() if value}
    meta = Metadata(card={name: on_card[name] for name in CARD_FIELDS if name in on_card})

    meta.values["programme"], meta.proposed = text_programmes(text, title, fields, taxonomy, emphasis)

    orgs = list(mentioned(taxonomy.organisations, fields["proponent"])) if "proponent" in fields else []
    if not orgs and "proponent" in fields:
        orgs = [proponent_name(fields["proponent"])]
    for name in meta.values["programme"]:
        entry = taxonomy.programme(name)
        if entry and entry.organisation and entry.organisation not in orgs:
            orgs.append(entry.organisation)
    orgs += [o for o in organisations(text, title, taxonomy) if o not in orgs]
    meta.values["organisation"] = orgs[:4]

    if "geography" in fields:
        meta.values["country"] = countries_in_field(fields["geography"], taxonomy)
    if not meta.values.get("country"):  # a Sebrae programme is Brazilian even if no place is named
        evidence = implied_countries(meta, taxonomy)
        meta.values["country"] = main_countries(text, title, taxonomy, evidence, language)
    # a text written at home seldom names home
    if not meta.values["country"] and about_firms(f"{title}\n{text}"):
        meta.values["country"] = [home] if (home := domestic_country(text, language)) else []

    meta.year = document_year(meta, fields, text, title, date_hint, taxonomy)
    meta.written = cited_year(fields, text, date_hint)
    return meta


def load_tables() -> None:
    """Build the gazetteer's and the registries' matchers now; they are built on first use,
    which is otherwise the first file's (about a second and a half). Once per taxonomy: a
    curator's new programme gives a new one."""
    _tables_for(default_taxonomy())


@cache
def _tables_for(taxonomy: Taxonomy) -> None:
    extract("Programa Nacional em Lisboa, 2020.", "Título", taxonomy=taxonomy, language="pt")


_SUPPORT = re.compile(
    r"(?i),?\s+(?:com (?:o )?apoio|com o suporte|with (?:the )?support|supported by|con il (?:supporto|sostegno)|"
    r"con (?:il )?contributo|apoiad[oa] por|sostenut[oa] da)\b.*$"
)


def proponent_name(value: str) -> str:
    """A card's proponent as a name: without "com apoio do Sebrae" and the like, and cut at a
    comma rather than mid-word when it is still longer than a name."""
    name = _SUPPORT.sub("", value).strip(" ,;.")
    if len(name) > MAX_NAME_CHARS:
        cut = max(name.rfind(",", 0, MAX_NAME_CHARS), name.rfind(";", 0, MAX_NAME_CHARS))
        name = name[:cut] if cut > 10 else name[:MAX_NAME_CHARS].rsplit(" ", 1)[0]
    return name or value[:MAX_NAME_CHARS]


def text_programmes(
    text: str, title: str, fields: dict[str, str], taxonomy: Taxonomy, emphasis: tuple[str, ...] = ()
) -> tuple[list[str], set[str]]:
    """The document's programmes, and which of them the registry does not know (proposed).

    A card's own fields speak first: its name ("Nome: Programa X") and its programme line
    ("Programa de apoio: Brasil Mais Produtivo"), matched in the registry or taken as written.
    """
    card = "\n".join(fields[key] for key in ("name", "programme") if fields.get(key))
    on_card = list(mentioned(taxonomy.programmes, card))
    stated = [] if on_card else stated_programmes(fields.get("programme", ""))
    name = cluster_named(fields) or fields.get("name")
    named = [name] if name and not on_card else []
    # a card named as a programme ("Name: Upper Austrian cluster programme (Clusterland …)") names it
    stated += [n for n in named if not programme_names(n) and named_as_a_programme(n)]
    # a title is read for a name given with an acronym that the text uses ("… Innovation & Capability
    # Voucher (ICV)"), not for its other words ("Evaluation of the Cluster Programme")
    titled = [name for name in programme_names(title) if acronym_in(name, text)]
    introduced = [*stated, *programme_names("\n".join(named)), *programme_names(text), *titled]
    # when no registered programme stands out, one introduced as a programme ("the Manufacturing
    # Extension Partnership (MEP) center") counts even if named once, late in the text
    registered = [
        p for name in introduced for p in mentioned(taxonomy.programmes, name) or _keyed(taxonomy, name)
    ]
    known = on_card or programmes(text, title, taxonomy) or list(dict.fromkeys(registered))[:MAX_PROGRAMMES]
    proposed = [n for n in new_programmes(introduced, taxonomy) if may_be_proposed(n, text)]
    # "Programma Interreg V-A Italia-Svizzera 2014-2020" says which Interreg: the family goes
    within = {entry for name in proposed for entry in mentioned(taxonomy.programmes, name)}
    known = [name for name in known if name not in within]
    own_names = own_name(named, fields, [*introduced, *known], text)
    proposed = ranked_and_subject(text, title, known, proposed, own_names, taxonomy)
    if (bold := emphasised_name(text, title, emphasis)) and not written_otherwise(bold, [*known, *proposed]):
        proposed.append(bold)
    proposed = in_full(proposed, f"{title}\n{text}", taxonomy, emphasis)
    registered = {p for p in proposed if taxonomy.programme(p)}  # a curator need not confirm these
    return known + proposed[: max(0, MAX_PROGRAMMES - len(known))], set(proposed) - registered


def ranked_and_subject(
    text: str, title: str, known: list[str], proposed: list[str], own_names: list[str], taxonomy: Taxonomy
) -> list[str]:
    """The proposed names with the card's own name, the ranker's best name and the title's subject."""
    own = new_programmes(own_names, taxonomy)
    # a title that is a kind of document and a name ("Fondosviluppo: domande e risposte") names it
    genre = genre_titled(title, text)
    if genre and not written_otherwise(genre, [*known, *proposed, *own]):
        proposed = [genre, *proposed]
    likely = likely_programme(text, title)
    if not known and not proposed and not own:  # or a section's heading ("Caso di studio: Caviro")
        proposed = [case] if (case := case_headed(text, likely[0] if likely else None)) else []
    if likely and not known and not proposed and not own:
        # no pattern introduced one: the name the text uses most like one, or the collective it is
        # part of ("Manzano" of "il distretto della sedia di Manzano"), or the title's head
        headed = None if titled(likely[0], title) or likely[1] >= CONFIDENT else title_head(text, title)
        proposed = [headed or collective_over_guess(text, title, likely[0]) or likely[0]]
    elif likely and joins_the_finds(likely, [*known, *proposed, *own], text, taxonomy, title):
        proposed = [holding_it(text, title, likely[0]), *proposed]  # the text uses it as one
    found = [*known, *proposed, *own]
    subject = _subject(text, title, found)
    # minutes titled by the meeting of a practice's committee ("ATA … DO COMITÊ GESTOR DO APL DO SISAL")
    for named_by in (subject, minutes_titled(title), minutes_body(title, text)):
        if named_by and not written_otherwise(named_by, [*found, *proposed]):
            proposed.append(named_by)
    # a card named after a registered body, or a title's subject that is one, is about the body itself
    # a name may be a registered programme written as no alias is ("o Startup Voucher")
    keyed = [e for n in [*own, *proposed] if (e := by_key(taxonomy.programmes, n)) and e not in known]
    named = [*bodies_named(taxonomy, [*own_names, subject]), *keyed]
    return list(dict.fromkeys([*named, *new_programmes([*own, *proposed], taxonomy)]))


def _subject(text: str, title: str, found: list[str]) -> str | None:
    """The body or scheme the title names and the text keeps naming, unless the title names a
    programme found ("WEG e o programa Inovar Auto": the firm is not the practice); else, with nothing
    found, a district or collective the text names in lower case ("il distretto di …"); else the
    collective the text keeps calling by its kind ("o APL"), beside a body or a scheme it names once."""
    subject = None if any(titled(name, title) for name in found) else title_subject(text, title)
    if subject and not found:  # "Manzano, il distretto della sedia …": the district, not the town
        return holding_it(text, title, subject)
    if subject is None and not found:
        return (
            district_subject(text, title)
            or collective_subject(text, title)
            or titled_district(text, title)
            or lone_district(text)
        )
    return subject if subject or not found else collective_beside(text, title, found)


def bodies_named(taxonomy: Taxonomy, names: list[str | None]) -> list[str]:
    """The registered bodies (not programmes) these names are, whole or by the short name in their
    brackets ("IAPMEI – Agência … (IAPMEI)"; not "ICE – Fiere virtuali", a body's scheme)."""
    forms = [form for n in names if n and not by_key(taxonomy.programmes, n) for form in bracketed_forms(n)]
    return list(dict.fromkeys(b for form in forms if (b := exact_entry(taxonomy.organisations, form))))


def _keyed(taxonomy: Taxonomy, name: str) -> list[str]:
    entry = by_key(taxonomy.programmes, name)
    return [entry] if entry else []


def stated_programmes(value: str) -> list[str]:
    """A card's programme line as names: "Brasil Mais Produtivo; Sebraetec" → two names."""
    names = [re.split(r"\s+[–—-]\s+|\s*\(", part)[0].strip(" .") for part in re.split(r"[;,]", value)]
    return [n for n in names if 2 <= len(n) <= 80 and any(ch.isupper() for ch in n)]


def implied_countries(meta: Metadata, taxonomy: Taxonomy) -> dict[str, float]:
    """Country evidence from the programmes (2 each) and organisations (1 each) found; a
    cooperation agency (JICA, AFD) tells its donor's country, not the practice's."""
    evidence: dict[str, float] = {}
    weighted = [(taxonomy.programme(p), 2.0) for p in meta.values.get("programme", [])]
    weighted += [(o, 1.0) for o in taxonomy.organisations if o.name in meta.values.get("organisation", [])]
    for entry, weight in weighted:
        if entry and entry.country and entry.country != "INT" and not entry.abroad:
            evidence[entry.country] = evidence.get(entry.country, 0.0) + weight
    return evidence


def apply_overrides(meta: Metadata, overrides: dict[str, object], taxonomy: Taxonomy | None = None) -> None:
    """A curator's values replace the extracted ones field by field."""
    taxonomy = taxonomy or default_taxonomy()
    for key, name in LIST_FIELDS.items():
        if key in overrides:
            meta.values[name] = [taxonomy.canonical(name, str(v)) for v in overrides[key]]  # type: ignore[union-attr]
            meta.curated.add(name)
    for key in ("title", "language", "year", "written"):
        if overrides.get(key) is not None:
            setattr(meta, key, overrides[key])
            meta.curated.add(key)
