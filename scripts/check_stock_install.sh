#!/usr/bin/env bash
# A new user's install: a fresh venv with the pip that Python ships (no upgrade), `pip install .`,
# then an HTML, a DOCX, a PPTX and an ODT file ingested and searched (a reader that fails makes
# `kb ingest` exit non-zero). Catches dependencies that only a newer pip or an already-populated
# environment would bring (lxml 6 dropped the extra trafilatura relies on).
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" --version
"$work/venv/bin/pip" install --quiet .
cd "$work"
corpus="$OLDPWD/corpus"
HF_HUB_OFFLINE=1 "$work/venv/bin/kb" ingest "$corpus/consorzi-export.html" "$corpus/ficha-valexport-fruticultura.docx" \
    "$corpus/cluster-matchmaking-day.pptx" "$corpus/temporary-export-manager-reti.odt" \
    "$corpus/ficha-laboratorio-ceramica-digitalizada.pdf" --index idx
search() { HF_HUB_OFFLINE=1 "$work/venv/bin/kb" search "$1" --index idx --json | grep "$2" >/dev/null; }
search "consorzi" consorzi-export
search "Valexport" ficha-valexport-fruticultura
search "matchmaking day" cluster-matchmaking-day
search "temporary export manager" temporary-export-manager-reti
search "laboratório de cerâmica" ficha-laboratorio-ceramica-digitalizada  # read by OCR
echo "stock pip install: ok"
