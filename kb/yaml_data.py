"""YAML read with libyaml's parser when PyYAML was built with it.

The registries, glossary and regions in ``kb/data`` are read once per process, on its first
ingest or search; the pure-Python parser took about 0.4 s of that, libyaml's a tenth.
"""

from __future__ import annotations

from importlib import resources

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> object:
    """The data of a YAML text, as ``yaml.safe_load`` gives it."""
    return yaml.load(text, Loader=_LOADER)  # a safe loader, C or Python


def shipped(name: str) -> object:
    """The data of a file in ``kb/data``."""
    return load_yaml(resources.files("kb").joinpath("data", name).read_text(encoding="utf-8"))
