#!/usr/bin/env bash
# Fuzz the extractor (cargo-fuzz, libFuzzer) for a while:
#   scripts/fuzz.sh [SECONDS]   (default 600)
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# Seeds the corpus with the bundled samples and ../shared/corpus if present;
# crashes land in fuzz/artifacts/extract/ and make the script fail.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz is missing: cargo install cargo-fuzz" >&2; exit 2; }
rustup toolchain list | grep -q nightly || { echo "the nightly toolchain is missing: rustup toolchain install nightly" >&2; exit 2; }
corpus=fuzz/corpus/extract
mkdir -p "$corpus"
cp -n data/samples/*.txt "$corpus"/ 2>/dev/null || true
if [ -d ../shared/corpus ]; then cp -n ../shared/corpus/*.txt "$corpus"/ 2>/dev/null || true; fi
# -max_len: long enough for whole articles; -rss_limit_mb: the extractor's
# memory per input stays small.
cargo +nightly fuzz run extract "$corpus" -- \
  -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1
