#!/usr/bin/env bash
# Runs salin's pre-commit hook for real.
#
# Installs pre-commit from PyPI into a temporary virtualenv, makes a temporary
# git repository whose .pre-commit-config.yaml uses the `salin` hook of this
# repository at its current commit (HEAD: commit first, uncommitted changes
# are not seen), and checks that the hook fails on a broken file, names the
# finding, honours the `exclude` of salin.toml for files pre-commit passes
# explicitly (`--force-exclude`), and passes once the file is fixed.
#
# Needs python3 (with venv), git and cargo. pre-commit builds salin with
# `cargo install` (release profile), which takes minutes: this is why it is a
# script and not part of `cargo test`.
#
#   scripts/test-pre-commit.sh
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
rev=$(git -C "$repo" rev-parse HEAD)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
pre_commit="$work/venv/bin/pre-commit"
export PRE_COMMIT_HOME="$work/cache"

mkdir "$work/content"
cd "$work/content"
git init -q
git config user.email test@example.invalid
git config user.name test
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: salin
EOF
printf 'extend-exclude = ["legacy/"]\n' > salin.toml
printf 'Ang pag -unlad ng bayan.\n' > balita.md
printf 'Malinis na talata.\n' > malinis.md
mkdir legacy
printf 'Ang pag -agaw noon.\n' > legacy/luma.md
git add -A

fail() { echo "test-pre-commit: FAILED: $*" >&2; cat "$work/out.txt" >&2 || true; exit 1; }

if "$pre_commit" run --all-files > "$work/out.txt" 2>&1; then
    fail "the hook passed on a broken file"
fi
grep -q 'error\[hyphen-spacing\]' "$work/out.txt" || fail "no hyphen-spacing finding"
grep -q 'balita.md:1:5' "$work/out.txt" || fail "the finding does not name balita.md:1:5"
if grep -q 'pag -agaw' "$work/out.txt"; then fail "legacy/ was not excluded"; fi

printf 'Ang pag-unlad ng bayan.\n' > balita.md
git add -A
"$pre_commit" run --all-files > "$work/out.txt" 2>&1 || fail "the hook failed on clean files"

echo "test-pre-commit: OK (pre-commit $("$pre_commit" --version | cut -d' ' -f2), salin at $rev)"
