#!/bin/sh
# Atomic writes under failure: kill `salin check --fix` with SIGKILL at random
# moments, 100 rounds (or $1), and check every file is either the original or
# the fully fixed version. See tests/it/kill.rs.
set -eu
cd "$(dirname "$0")/.."
SALIN_KILL_ROUNDS="${1:-100}" cargo test --test it kill:: -- --ignored --nocapture
