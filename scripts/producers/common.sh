# Sourced by the scripts of scripts/producers/: where the PDFs go, and a check for the tools each one needs.
# The PDFs are made into corpus/producers/ (gitignored: regenerate with `npm run fixtures:producers`).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT="$ROOT/corpus/producers"
SEED="$ROOT/corpus/zhengzhou-2020-notice.txt"
mkdir -p "$OUT"

# need TOOL… — exits 0 with a message (the producer is skipped) when one of the tools is not installed.
need() {
  for t in "$@"; do
    if ! command -v "$t" >/dev/null 2>&1; then
      echo "producers/$(basename "$0"): skipped, '$t' is not installed (scripts/system-deps.sh installs it)" >&2
      exit 0
    fi
  done
}

# fresh OUT_FILE INPUT… — true when OUT_FILE must be (re)made: missing or older than one of the inputs.
fresh() {
  local out=$1
  shift
  [ -s "$out" ] || return 0
  for i in "$@"; do [ "$i" -nt "$out" ] && return 0; done
  return 1
}
