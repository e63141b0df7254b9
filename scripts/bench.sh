#!/usr/bin/env bash
# End-to-end benchmark: salin against ripgrep (and typos, when installed) on
# a generated Markdown corpus with a synthetic glossary.
#
#   scripts/bench.sh [MEGABYTES] [TERMS...]     e.g. scripts/bench.sh 100 1000 10000 50000 100000
#
# Prints, for each glossary size, the mean wall time of
#   rg -c -F -f terms.txt corpus/
#   salin check --glossary terms.tsv --format jsonl corpus/ > out.jsonl
# and their ratio, measured in the same run by hyperfine; salin with one
# thread; the time to load and index the glossary alone (salin on an empty
# file); and typos on the same corpus (installed with cargo when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

MB=${1:-100}
shift || true
TERMS=("$@")
[ ${#TERMS[@]} -gt 0 ] || TERMS=(1000 10000 50000 100000)

for tool in hyperfine rg; do
  if ! command -v "$tool" >/dev/null; then
    echo "installing hyperfine and ripgrep (Debian packages)..." >&2
    apt-get install -y -qq hyperfine ripgrep >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine ripgrep >/dev/null; }
  fi
done
export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v typos >/dev/null && [ -z "${SKIP_TYPOS:-}" ]; then
  echo "installing typos (cargo install typos-cli; SKIP_TYPOS=1 to skip)..." >&2
  cargo install --quiet --locked typos-cli
fi

cargo build --release --quiet --bin salin --example generate
salin=target/release/salin
out=target/bench
mkdir -p "$out"
printf '' > "$out/empty.md"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "corpus: ${MB} MB of generated Markdown"
for n in "${TERMS[@]}"; do
  dir="$out/t$n-m$MB"
  [ -f "$dir/terms.tsv" ] || target/release/examples/generate "$dir" "$n" "$MB" >/dev/null 2>&1
  files=$(find "$dir/corpus" -name '*.md' | wc -l)
  commands=(
    "rg -c -F -f $dir/terms.txt $dir/corpus"
    "$salin check --no-dictionary --exit-zero --no-default-glossary --glossary $dir/terms.tsv --format jsonl $dir/corpus > $dir/out.jsonl"
    "$salin check --no-dictionary --exit-zero --no-default-glossary --glossary $dir/terms.tsv $out/empty.md"
    "$salin check --no-dictionary --threads 1 --exit-zero --no-default-glossary --glossary $dir/terms.tsv --format jsonl $dir/corpus > $dir/out1.jsonl"
  )
  if command -v typos >/dev/null; then
    commands+=("typos --format brief $dir/corpus > /dev/null || true")
  fi
  hyperfine --style none --warmup 1 --runs 5 --export-json "$dir/hyperfine.json" "${commands[@]}" >/dev/null 2>&1
  python3 - "$dir/hyperfine.json" "$n" "$files" "$MB" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
n, files, mb = sys.argv[2], sys.argv[3], float(sys.argv[4])
rg, salin, load, one = (r["mean"] for r in results[:4])
line = (f"{n:>7} terms, {files} files: rg {rg:.3f} s | salin {salin:.3f} s "
        f"({mb / salin:.1f} MB/s; 1 thread {one:.3f} s) | salin/rg {salin / rg:.2f} "
        f"| glossary load {load * 1000:.0f} ms")
if len(results) > 4:
    typos = results[4]["mean"]
    line += f" | typos {typos:.3f} s, typos/salin {typos / salin:.2f}"
print(line)
PY
done
