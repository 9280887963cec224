#!/usr/bin/env bash
# A new user's install: a fresh venv with the pip that Python ships (no upgrade), `pip install .`,
# then an HTML file ingested and searched. Catches dependencies that only a newer pip or an
# already-populated environment would bring (lxml 6 dropped the extra trafilatura relies on).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" --version
"$work/venv/bin/pip" install --quiet .
cd "$work"
HF_HUB_OFFLINE=1 "$work/venv/bin/kb" ingest "$OLDPWD/corpus/consorzi-export.html" --index idx
HF_HUB_OFFLINE=1 "$work/venv/bin/kb" search "consorzi" --index idx --json | grep -q consorzi-export
echo "stock pip install: ok"
