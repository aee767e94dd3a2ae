#!/usr/bin/env bash
# Install what building newsgraph (and testing it) needs, if it is missing:
#   scripts/setup.sh [demo|test]   (default demo; scripts/demo and scripts/test run it)
#
#   demo: libclang-dev (bindgen needs libclang to build Oxigraph's RocksDB
#         binding), a C and C++ compiler, cargo/rustc >= Cargo.toml's rust-version.
#   test: the above, plus rustfmt and clippy, Graphviz (`dot`), Raptor
#         (`rapper`), `serdi`, and the Python packages rdflib==7.6.0 and
#         pyshacl==0.40.1, which the tests use to check the exports; and for
#         the browser test of `newsgraph serve`'s page, Debian's chromium and
#         chromium-driver, node and npm, and playwright-core (npm ci in
#         tests/browser, pinned by its package-lock.json; it downloads no
#         browser); for the Spark test, Debian's openjdk-17-jre-headless and
#         pyspark==4.3.0; for the push test, oxigraph==0.5.13 (its `oxigraph`
#         server) and Debian's virtuoso-opensource-7.
#
# Debian packages go through apt-get: directly as root, through `sudo -n`
# when that works without a password, and otherwise the script prints the
# command to run and exits 1 (before anything is compiled). Without apt-get it
# prints what is needed and why, and exits 1. A missing cargo is installed
# with rustup (https://rustup.rs) for the current user. Prints one line per
# thing it installs, or "setup: all present".
#
# Environment:
#   NEWSGRAPH_SETUP_DRY_RUN=1   print what would be installed, install nothing, exit 0.
#   NEWSGRAPH_SETUP_PRETEND_MISSING="libclang-dev graphviz ..."
#       for testing this script (use with DRY_RUN=1): treat the named things
#       as missing. Names: libclang-dev g++ gcc cargo curl rustfmt clippy
#       graphviz raptor2-utils serdi python3 python3-pip rdflib pyshacl
#       chromium chromium-driver nodejs npm playwright-core
#       openjdk-17-jre-headless pyspark oxigraph virtuoso-opensource-7;
#       also "root" (act as non-root), "sudo" (sudo unusable), "apt-get"
#       (no apt-get: a non-Debian system).
set -euo pipefail

mode="${1:-demo}"
case "$mode" in
  demo | test) ;;
  *)
    echo "usage: scripts/setup.sh [demo|test]" >&2
    exit 2
    ;;
esac

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dry_run="${NEWSGRAPH_SETUP_DRY_RUN:-}"
[ "$dry_run" = 0 ] && dry_run=""
pretend=" $(printf '%s' "${NEWSGRAPH_SETUP_PRETEND_MISSING:-}" | tr ',' ' ') "
export DEBIAN_FRONTEND=noninteractive

pretending() { [[ "$pretend" == *" $1 "* ]]; }
have() { ! pretending "$1" && command -v "$1" >/dev/null 2>&1; }
# has PACKAGE COMMAND: COMMAND is on PATH and PACKAGE is not pretended missing.
has() { ! pretending "$1" && have "$2"; }

apt_pkgs=() # Debian packages to install
apt_why=()  # the reason for each
other=()    # "kind|what|why" for the rest: rustup, component, pip, rust-old
need_apt() {
  local p
  for p in "${apt_pkgs[@]+"${apt_pkgs[@]}"}"; do [ "$p" = "$1" ] && return 0; done
  apt_pkgs+=("$1")
  apt_why+=("$2")
}

# --- checks -----------------------------------------------------------------

libclang_present() {
  pretending libclang-dev && return 1
  # An explicit LIBCLANG_PATH (what clang-sys looks at first) wins.
  if [ -n "${LIBCLANG_PATH:-}" ] && compgen -G "${LIBCLANG_PATH%/}/libclang*.so*" >/dev/null; then
    return 0
  fi
  if command -v dpkg-query >/dev/null 2>&1; then
    # On Debian the runtime library alone (libclang1-N) is not enough: bindgen
    # also needs clang's own headers, which come with libclang-dev or a
    # versioned libclang-N-dev.
    dpkg-query -W -f '${Package} ${Status}\n' 'libclang-dev' 'libclang-*-dev' 2>/dev/null |
      grep -q ' install ok installed$'
    return
  fi
  { command -v ldconfig >/dev/null 2>&1 && ldconfig -p 2>/dev/null | grep -q 'libclang[-.0-9]*\.so'; } ||
    compgen -G '/usr/lib*/llvm*/lib/libclang*.so*' >/dev/null ||
    compgen -G '/usr/lib*/libclang*.so*' >/dev/null
}

libclang_present ||
  need_apt libclang-dev "bindgen needs libclang to build Oxigraph's RocksDB binding"
{ ! pretending gcc && { have "${CC:-cc}" || have gcc; }; } ||
  need_apt gcc "a C compiler builds RocksDB and links the binary"
{ ! pretending g++ && { have "${CXX:-c++}" || have g++; }; } ||
  need_apt g++ "a C++ compiler builds RocksDB, Oxigraph's storage engine"

cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
if ! have cargo && ! pretending cargo && [ -x "$cargo_bin/cargo" ]; then
  PATH="$cargo_bin:$PATH" # installed by rustup but not on this shell's PATH
fi
if ! have cargo; then
  other+=("rustup|the Rust toolchain (cargo, rustc) with rustup|cargo is missing; newsgraph is a Rust program")
  have curl || need_apt curl "rustup's installer is downloaded with curl"
  have curl || need_apt ca-certificates "curl needs the CA certificates for https://sh.rustup.rs"
else
  # Cargo stops with an error of its own if rustc is older than rust-version,
  # but says nothing about how to update.
  want="$(sed -n 's/^rust-version *= *"\([0-9.]*\)".*/\1/p' "$repo/Cargo.toml" | head -n 1)"
  got="$(rustc --version 2>/dev/null | awk '{print $2}' | cut -d- -f1)"
  if [ -n "$want" ] && [ -n "$got" ] &&
    [ "$(printf '%s\n%s\n' "$want" "$got" | sort -V | head -n 1)" != "$want" ]; then
    other+=("rust-old|rustc $want or newer|rustc $got is older than Cargo.toml's rust-version $want")
  fi
fi

if [ "$mode" = test ]; then
  for c in rustfmt clippy; do
    sub="${c/rustfmt/fmt}"
    if pretending "$c" || { have cargo && ! cargo "$sub" --version >/dev/null 2>&1; }; then
      other+=("component|$c|scripts/test runs cargo $sub, which comes with the rustup component $c")
    fi
  done
  has graphviz dot || need_apt graphviz "the tests render diagrams with Graphviz's dot"
  has raptor2-utils rapper || need_apt raptor2-utils "the tests check the RDF exports with Raptor's rapper"
  has serdi serdi || need_apt serdi "the tests check the Turtle and N-Triples exports with serdi"

  has chromium chromium || need_apt chromium "the browser test drives serve's web page in Debian's chromium"
  has chromium-driver chromedriver || need_apt chromium-driver "the browser test's WebDriver for chromium"
  has nodejs node || need_apt nodejs "the browser test runs playwright-core on node"
  has npm npm || need_apt npm "npm installs playwright-core for the browser test"
  if pretending playwright-core || [ ! -d "$repo/tests/browser/node_modules/playwright-core" ]; then
    other+=("npm|playwright-core (tests/browser/package-lock.json)|the browser test drives chromium with playwright-core")
  fi

  have python3 || need_apt python3 "the tests check the exports with rdflib and pySHACL"
  if pretending python3-pip || ! { have python3 && python3 -m pip --version >/dev/null 2>&1; }; then
    need_apt python3-pip "pip installs rdflib and pySHACL"
  fi
  py_missing=()
  for m in rdflib pyshacl; do
    if pretending "$m" || ! { have python3 && python3 -c "import $m" >/dev/null 2>&1; }; then
      py_missing+=("$m")
    fi
  done
  if [ ${#py_missing[@]} -gt 0 ]; then
    # Install both at the pinned versions: pyshacl pins its rdflib range.
    other+=("pip|rdflib==7.6.0 pyshacl==0.40.1|${py_missing[*]} missing; the tests check the exports with rdflib and SHACL-validate them with pySHACL")
  fi
  has openjdk-17-jre-headless java ||
    need_apt openjdk-17-jre-headless "the Spark test runs PySpark, which needs a Java runtime"
  if pretending pyspark || ! { have python3 && python3 -c "import pyspark" >/dev/null 2>&1; }; then
    other+=("pip|pyspark==4.3.0|the Spark test runs examples/spark/extract.py in local mode")
  fi
  has virtuoso-opensource-7 virtuoso-t ||
    need_apt virtuoso-opensource-7 "the push test sends graphs to a real Virtuoso 7"
  if pretending oxigraph || ! have oxigraph; then
    other+=("pip|oxigraph==0.5.13|the push test sends graphs to a real Oxigraph server (the package's oxigraph binary)")
  fi
fi

# --- report or install ------------------------------------------------------

if [ ${#apt_pkgs[@]} -eq 0 ] && [ ${#other[@]} -eq 0 ]; then
  echo "setup: all present"
  exit 0
fi

is_root() { ! pretending root && [ "$(id -u)" -eq 0 ]; }
sudo_ok() { have sudo && sudo -n true >/dev/null 2>&1; }
apt_line="apt-get update && apt-get install -y --no-install-recommends ${apt_pkgs[*]+"${apt_pkgs[*]}"}"
sudo_line="sudo apt-get update && sudo apt-get install -y --no-install-recommends ${apt_pkgs[*]+"${apt_pkgs[*]}"}"
rust_old=""
for o in "${other[@]+"${other[@]}"}"; do
  [[ "$o" == rust-old\|* ]] && rust_old=1
done

apt_how="" # root, sudo, tell (print and stop) or none (no apt-get)
if [ ${#apt_pkgs[@]} -gt 0 ]; then
  if ! have apt-get; then
    apt_how=none
  elif is_root; then
    apt_how=root
  elif sudo_ok; then
    apt_how=sudo
  else
    apt_how=tell
  fi
fi

# Say what is missing and stop, before installing anything, when the system
# packages cannot be installed from here or rustc is too old.
if [ -z "$dry_run" ] && { [ "$apt_how" = none ] || [ "$apt_how" = tell ] || [ -n "$rust_old" ]; }; then
  {
    echo "setup: newsgraph needs these, which are missing:"
    for i in "${!apt_pkgs[@]}"; do
      echo "  ${apt_pkgs[$i]}: ${apt_why[$i]}"
    done
    for o in "${other[@]+"${other[@]}"}"; do
      IFS='|' read -r _ what why <<<"$o"
      echo "  $what: $why"
    done
    if [ -n "$rust_old" ]; then
      echo "setup: update Rust (rustup update stable), then run scripts/$mode again."
    fi
    if [ "$apt_how" = none ]; then
      echo "setup: there is no apt-get here; install the equivalents with your package manager"
      echo "  (on Debian/Ubuntu: $apt_line), then run scripts/$mode again."
    elif [ "$apt_how" = tell ]; then
      echo "setup: installing the system packages needs root. Run this, then run scripts/$mode again:"
      echo "  $sudo_line"
    fi
  } >&2
  exit 1
fi

if [ -n "$dry_run" ]; then
  for i in "${!apt_pkgs[@]}"; do
    echo "setup: would install ${apt_pkgs[$i]} (${apt_why[$i]})"
  done
  for o in "${other[@]+"${other[@]}"}"; do
    IFS='|' read -r kind what why <<<"$o"
    case "$kind" in
      rust-old) echo "setup: would stop: $why; update it (rustup update stable)" ;;
      pip) echo "setup: would install $what with pip ($why)" ;;
      npm) echo "setup: would install $what with npm ci ($why)" ;;
      *) echo "setup: would install $what ($why)" ;;
    esac
  done
  case "$apt_how" in
    root) echo "setup: would run: $apt_line" ;;
    sudo) echo "setup: would run with sudo: $apt_line" ;;
    tell) echo "setup: would stop and ask you to run: $sudo_line" ;;
    none) echo "setup: would stop: no apt-get here; install the equivalents with your package manager" ;;
  esac
  echo "setup: dry run (NEWSGRAPH_SETUP_DRY_RUN), nothing installed"
  exit 0
fi

# Runs a command quietly, showing its output only if it fails.
quiet() {
  local log
  log="$(mktemp)"
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "setup: failed: $*" >&2
    exit 1
  fi
  rm -f "$log"
}

if [ ${#apt_pkgs[@]} -gt 0 ]; then
  for i in "${!apt_pkgs[@]}"; do
    echo "setup: installing ${apt_pkgs[$i]} (${apt_why[$i]})"
  done
  as_root=()
  [ "$apt_how" = sudo ] && as_root=(sudo -n env DEBIAN_FRONTEND=noninteractive)
  quiet "${as_root[@]+"${as_root[@]}"}" apt-get update -qq
  quiet "${as_root[@]+"${as_root[@]}"}" apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}"
fi

for o in "${other[@]+"${other[@]}"}"; do
  IFS='|' read -r kind what why <<<"$o"
  case "$kind" in
    rust-old) ;; # stopped above
    rustup)
      echo "setup: installing $what ($why)"
      curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs |
        sh -s -- -y -q --profile minimal --component rustfmt,clippy >/dev/null
      PATH="$cargo_bin:$PATH"
      ;;
    component)
      echo "setup: installing $what ($why)"
      if ! command -v rustup >/dev/null 2>&1; then
        echo "setup: no rustup to add the $what component with; install $what for your toolchain" >&2
        exit 1
      fi
      quiet rustup component add "$what"
      ;;
    npm)
      echo "setup: installing $what with npm ($why)"
      quiet npm ci --prefix "$repo/tests/browser" --no-audit --no-fund
      ;;
    pip)
      echo "setup: installing $what with pip ($why)"
      # Debian's python3 refuses pip installs outside a venv (PEP 668); these
      # pinned versions go to /usr/local (root) or ~/.local (others) instead.
      pip_flags=()
      if python3 -c 'import os, sys, sysconfig; sys.exit(0 if os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")) and sys.prefix == sys.base_prefix else 1)'; then
        pip_flags+=(--break-system-packages)
      fi
      if [ "$(id -u)" -ne 0 ] &&
        ! python3 -c 'import os, sys, sysconfig; sys.exit(0 if os.access(sysconfig.get_path("purelib"), os.W_OK) else 1)'; then
        pip_flags+=(--user)
      fi
      # shellcheck disable=SC2086 # $what is the space-separated requirement list
      quiet python3 -m pip install -q --disable-pip-version-check "${pip_flags[@]+"${pip_flags[@]}"}" $what
      ;;
  esac
done
