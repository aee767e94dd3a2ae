#!/usr/bin/env bash
# How newsgraph's store scales, side by side with Oxigraph's bulk loader:
#   scripts/bench-scale.sh [--bin PATH] [--scales "1 5 10 40"] [--out DIR] [--plot FILE.svg]
#
# For each scale K it builds a corpus of the dev texts (../shared/eval/dev/*.jsonl)
# copied K times as separate articles (ids suffixed -xN), then
#   1. `newsgraph ingest --jsonl` it into a new store (time, peak memory);
#   2. `newsgraph export --format nquads` of that store, and `oxigraph load`
#      (the PyPI oxigraph package's server binary) of those same quads into a
#      new Oxigraph store (time);
#   3. both stores' sizes on disk (after ingest and load, as they are left);
#   4. each canned query on newsgraph's store (median of 3 runs, each a
#      new process, as a user runs them).
# It prints a table and writes DIR/scale.tsv; --plot also draws time against
# quads for both (an SVG made by scripts/plot-scale.py). The binary defaults to
# target/release/newsgraph (build it with `cargo build --release`).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$repo/target/release/newsgraph"
scales="1 5 10 40"
out=""
plot=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin="$2"; shift 2 ;;
    --scales) scales="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --plot) plot="$2"; shift 2 ;;
    *) echo "usage: scripts/bench-scale.sh [--bin PATH] [--scales \"1 5 10 40\"] [--out DIR] [--plot FILE.svg]" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || { echo "bench-scale: no newsgraph binary at $bin (cargo build --release, or --bin PATH)" >&2; exit 1; }
command -v oxigraph >/dev/null || { echo "bench-scale: no oxigraph binary (pip install oxigraph)" >&2; exit 1; }
dev="$repo/../shared/eval/dev"
[ -d "$dev" ] || { echo "bench-scale: no $dev (the shared folder beside the repo)" >&2; exit 1; }
[ -n "$out" ] || out="$(mktemp -d "${TMPDIR:-/tmp}/bench-scale.XXXXXX")"
mkdir -p "$out"

# Seconds and peak KB of a command: "SECONDS KB" on the last line of FILE.
timed() {
  local file="$1"
  shift
  /usr/bin/time -f "%e %M" -o "$file" "$@"
}

tsv="$out/scale.tsv"
printf 'scale\tarticles\tmb_text\tquads\tingest_s\tingest_peak_mb\tox_load_s\tratio\tstore_mb\tox_store_mb\tsize_ratio\twho-met-whom_s\twhat-preceded_s\ttimeline_s\tpeople_s\torganizations_s\tcountries_s\tevents-of_s\tarticles_s\n' >"$tsv"
for k in $scales; do
  corpus="$out/corpus-$k.jsonl"
  python3 - "$dev" "$k" "$corpus" <<'EOF'
import json, pathlib, sys
dev, k, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
docs = []
for f in sorted(dev.glob("*.jsonl")):
    for line in f.open(encoding="utf-8"):
        d = json.loads(line)
        docs.append((str(d["id"]), d.get("published"), d["text"]))
with open(out, "w", encoding="utf-8") as w:
    for n in range(k):
        for i, p, t in docs:
            w.write(json.dumps({"id": f"{i}-x{n}", "published": p, "text": t}) + "\n")
EOF
  articles=$(wc -l <"$corpus")
  mb=$(python3 -c "import json,sys; print(round(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8'))/1e6, 2))" "$corpus")
  store="$out/newsgraph-$k"
  ox="$out/oxigraph-$k"
  rm -rf "$store" "$ox"
  echo "bench-scale: ×$k: $articles articles, $mb MB of text: newsgraph ingest…" >&2
  if "$bin" ingest --help | grep -q -- --jsonl; then
    input=(--jsonl "$corpus")
  else
    # A newsgraph from before `ingest --jsonl` (to compare with): one file
    # an article, the date in a front-matter line.
    rm -rf "$out/corpus-$k"
    python3 - "$corpus" "$out/corpus-$k" <<'EOF2'
import json, pathlib, sys
folder = pathlib.Path(sys.argv[2])
folder.mkdir()
for n, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    d = json.loads(line)
    head = f"published: {d['published']}\n" if d.get("published") else ""
    (folder / f"{n:06d}.txt").write_text(head + d["text"], encoding="utf-8")
EOF2
    input=("$out/corpus-$k")
  fi
  timed "$out/ingest-$k.time" "$bin" --store "$store" ingest "${input[@]}" 2>"$out/ingest-$k.log"
  read -r ingest_s ingest_kb <"$out/ingest-$k.time"
  "$bin" --store "$store" export --format nquads >"$out/export-$k.nq"
  quads=$(wc -l <"$out/export-$k.nq")
  echo "bench-scale: ×$k: oxigraph load of the $quads quads newsgraph exports…" >&2
  timed "$out/ox-$k.time" oxigraph load --location "$ox" --file "$out/export-$k.nq" 2>"$out/ox-$k.log"
  read -r ox_s _ <"$out/ox-$k.time"
  store_mb=$(du -sm "$store" | cut -f1)
  ox_mb=$(du -sm "$ox" | cut -f1)
  rm -rf "$out/export-$k.nq" "$out/corpus-$k"
  qs=()
  for q in who-met-whom what-preceded timeline people organizations countries events-of articles; do
    args=(query "$q" --format csv)
    case "$q" in
      what-preceded) args+=(--param event=Dismissal) ;;
      # The person named in most articles.
      events-of) args+=(--param "entity=$("$bin" --store "$store" query people --format csv | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
key = next((k for k in (rows[0].keys() if rows else []) if "article" in k), None)
best = max(rows, key=lambda r: int(r[key] or 0)) if key else (rows[0] if rows else {})
print(next(iter(best.values()), "a"))')") ;;
    esac
    runs=()
    for _ in 1 2 3; do
      s=$(date +%s.%N)
      "$bin" --store "$store" "${args[@]}" >/dev/null
      e=$(date +%s.%N)
      runs+=("$(python3 -c "print(round($e - $s, 3))")")
    done
    qs+=("$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)")
  done
  python3 - "$tsv" "$k" "$articles" "$mb" "$quads" "$ingest_s" "$ingest_kb" "$ox_s" "$store_mb" "$ox_mb" "${qs[@]}" <<'EOF'
import sys
tsv, k, articles, mb, quads, ing, kb, ox, smb, omb, *qs = sys.argv[1:]
ing, ox, smb, omb = float(ing), float(ox), float(smb), float(omb)
row = [k, articles, mb, quads, f"{ing:.1f}", f"{int(kb) / 1024:.0f}", f"{ox:.1f}",
       f"{ox / ing:.2f}", f"{smb:.0f}", f"{omb:.0f}", f"{smb / max(omb, 1):.2f}", *qs]
open(tsv, "a").write("\t".join(row) + "\n")
EOF
done
column -t -s $'\t' "$tsv"
echo "ratio: oxigraph load time / newsgraph ingest time (1 = as fast as the bulk loader); size_ratio: newsgraph store / Oxigraph store" >&2
echo "bench-scale: table in $tsv" >&2
if [ -n "$plot" ]; then
  python3 "$repo/scripts/plot-scale.py" "$tsv" "$plot"
  echo "bench-scale: plot in $plot" >&2
fi
