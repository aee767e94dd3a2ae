#!/usr/bin/env bash
# Behaviour check for refactors: run `newsgraph eval --format json` on every
# dev gold file and `newsgraph extract --format json` on each dev text, and
# compare with the same output saved before the change.
#
#   scripts/same-output.sh save DIR [BIN]     # before: write the outputs to DIR
#   scripts/same-output.sh check DIR [BIN]    # after: exit 1 on any difference
#
# BIN defaults to target/release/newsgraph (CARGO_TARGET_DIR honoured).
# Timing fields of `eval` (seconds, words_per_second) are dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?save or check}
dir=${2:?output directory}
bin=${3:-${CARGO_TARGET_DIR:-target}/release/newsgraph}
dev=../shared/eval/dev
[ -x "$bin" ] || { echo "no binary at $bin: build it first (cargo build --release)" >&2; exit 2; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for gold in "$dev"/*.jsonl; do
  name=$(basename "$gold" .jsonl)
  "$bin" eval --format json "$gold" |
    python3 -c 'import json,sys
v=json.load(sys.stdin)
for r in v:
    for k in ("seconds","words_per_second","file"): r.pop(k,None)
print(json.dumps(v,indent=1,sort_keys=True))' >"$out/eval-$name.json"
  # every document text of the gold file through `extract`, one JSON line each
  python3 - "$gold" "$out/texts-$name" <<'PY'
import json, os, sys
gold, d = sys.argv[1], sys.argv[2]
os.makedirs(d, exist_ok=True)
for i, line in enumerate(open(gold, encoding="utf-8")):
    if not line.strip():
        continue
    doc = json.loads(line)
    pub = doc.get("published") or ""
    with open(os.path.join(d, f"{i:04d}.txt"), "w", encoding="utf-8") as f:
        f.write(doc.get("text", ""))
    with open(os.path.join(d, f"{i:04d}.published"), "w") as f:
        f.write(pub)
PY
  for t in "$out/texts-$name"/*.txt; do
    pub=$(cat "${t%.txt}.published")
    "$bin" extract --format json --published "$pub" "$t" | sed "s|\"id\":\"[0-9]*\"|\"id\":\"x\"|"
  done >"$out/extract-$name.jsonl"
  rm -rf "$out/texts-$name"
done

case $mode in
  save)
    mkdir -p "$dir"
    cp "$out"/* "$dir"/
    echo "saved $(ls "$dir" | wc -l) files to $dir"
    ;;
  check)
    fail=0
    for f in "$dir"/*; do
      n=$(basename "$f")
      if cmp -s "$f" "$out/$n"; then
        echo "same      $n"
      else
        echo "DIFFERENT $n"
        diff <(cut -c1-300 "$f") <(cut -c1-300 "$out/$n") | head -6
        fail=1
      fi
    done
    exit $fail
    ;;
  *) echo "usage: $0 save|check DIR [BIN]" >&2; exit 2 ;;
esac
