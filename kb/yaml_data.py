"""YAML read with libyaml's parser when PyYAML was built with it, and with YAML 1.2's booleans.

The registries, glossary and regions in ``kb/data`` are read once per process, on its first
ingest or search; the pure-Python parser took about 0.4 s of that, libyaml's a tenth.

PyYAML follows YAML 1.1, where an unquoted ``NO``, ``yes``, ``on`` or ``off`` is a boolean: a
curator's ``countries: [NO]`` for Norway became ``False``. Nothing Praxis reads as YAML (its
data files, sidecars, labelled sets, Markdown front matter) holds a yes/no answer, so only
``true`` and ``false`` are booleans here, as in YAML 1.2.
"""

from __future__ import annotations

import re
from importlib import resources

import yaml

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"


class _Loader(_BASE):  # type: ignore[misc, valid-type]
    """A safe loader (C or Python) whose booleans are YAML 1.2's."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _BOOL]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml(text: str) -> object:
    """The data of a YAML text, as ``yaml.safe_load`` gives it but for yes/no/on/off, which stay text."""
    return yaml.load(text, Loader=_Loader)  # a safe loader, C or Python


def shipped(name: str) -> object:
    """The data of a file in ``kb/data``."""
    return load_yaml(resources.files("kb").joinpath("data", name).read_text(encoding="utf-8"))
