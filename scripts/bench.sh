#!/usr/bin/env bash
# End-to-end benchmark: salin against ripgrep and typos on generated
# Markdown corpora with synthetic glossaries.
#
#   scripts/bench.sh [MEGABYTES] [TERMS...]     e.g. scripts/bench.sh 100 10000 50000 100000
#
# Two corpora (examples/generate.rs), both by default (CORPORA=mixed or
# CORPORA=dense for one):
#   mixed  Filipino news sentences, some naming a glossary name (one word, or
#          a word and a suffix), correctly or mangled, some with other errors;
#   dense  company names of 2-4 words in 30% of sentences' openings, 5% of
#          sentences with a name missing one letter (issue 16).
#
# For each corpus and glossary size, one hyperfine run times
#   rg -c -F -f terms.txt corpus/
#   salin check --glossary terms.tsv --format jsonl corpus/ > out.jsonl
#   typos corpus/ (installed with cargo when missing; SKIP_TYPOS=1 to skip)
#   salin with one thread, and salin on an empty file (the glossary load)
#   $BASELINE (another salin binary, e.g. built from an earlier commit), when set
# and prints the means and the ratios, all measured in the same run.
# RUNS (default 5) sets hyperfine's runs.
set -euo pipefail
cd "$(dirname "$0")/.."

MB=${1:-100}
shift || true
TERMS=("$@")
[ ${#TERMS[@]} -gt 0 ] || TERMS=(10000 50000 100000)
read -r -a KINDS <<< "${CORPORA:-mixed dense}"
RUNS=${RUNS:-5}

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
baseline=${BASELINE:-}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpora: ${MB} MB of generated Markdown each; $RUNS runs per command"
for kind in "${KINDS[@]}"; do
  flag=""
  [ "$kind" = dense ] && flag="--dense"
  for n in "${TERMS[@]}"; do
    dir="$out/$kind-t$n-m$MB"
    [ -f "$dir/terms.tsv" ] || target/release/examples/generate $flag "$dir" "$n" "$MB" >/dev/null 2>&1
    files=$(find "$dir/corpus" -name '*.md' | wc -l)
    check="check --no-dictionary --exit-zero --no-default-glossary --glossary $dir/terms.tsv"
    commands=(
      "rg -c -F -f $dir/terms.txt $dir/corpus"
      "$salin $check --format jsonl $dir/corpus > $dir/out.jsonl"
      "$salin $check $out/empty.md"
      "$salin $check --threads 1 --format jsonl $dir/corpus > $dir/out1.jsonl"
    )
    names=(rg salin load one)
    if command -v typos >/dev/null; then
      commands+=("typos --format brief $dir/corpus > /dev/null || true")
      names+=(typos)
    fi
    if [ -n "$baseline" ]; then
      commands+=("$baseline $check --format jsonl $dir/corpus > $dir/baseline.jsonl")
      names+=(baseline)
    fi
    hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$dir/hyperfine.json" "${commands[@]}" >/dev/null 2>&1
    python3 - "$dir/hyperfine.json" "$kind" "$n" "$files" "$MB" "${names[@]}" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
kind, n, files, mb = sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
t = {name: r for name, r in zip(sys.argv[6:], results)}
mean = lambda k: t[k]["mean"]
sd = lambda k: t[k]["stddev"] or 0.0
line = (f"{kind:>5} {n:>7} terms, {files} files: rg {mean('rg'):.3f} s | "
        f"salin {mean('salin'):.3f} s ± {sd('salin'):.3f} ({mb / mean('salin'):.1f} MB/s; "
        f"1 thread {mean('one'):.3f} s) | salin/rg {mean('salin') / mean('rg'):.2f} "
        f"| glossary load {mean('load') * 1000:.0f} ms")
if "typos" in t:
    line += f" | typos {mean('typos'):.3f} s, typos/salin {mean('typos') / mean('salin'):.2f}"
if "baseline" in t:
    line += (f" | baseline {mean('baseline'):.3f} s, "
             f"baseline/salin {mean('baseline') / mean('salin'):.2f}")
print(line)
PY
  done
done
