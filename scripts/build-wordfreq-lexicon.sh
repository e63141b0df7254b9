#!/usr/bin/env bash
# Regenerates data/wordfreq/{fil,en}.txt, salin's embedded word-frequency
# lexicon, from PyPI's wordfreq (pinned below). Needs python3 with venv and
# access to PyPI; the Rust build never runs this, it reads the checked-in
# files.
set -euo pipefail
WORDFREQ_VERSION=3.1.1
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$(mktemp -d)"
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet "wordfreq==$WORDFREQ_VERSION"
mkdir -p "$root/data/wordfreq"
"$venv/bin/python" "$root/scripts/wordfreq_export.py" "$root/data/wordfreq"
