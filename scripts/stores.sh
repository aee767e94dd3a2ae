#!/usr/bin/env bash
# Run the SPARQL stores that `newsgraph push` is tested against, on loopback
# ports, each with its database in a folder of its own:
#   scripts/stores.sh up DIR [KIND...]     start them (default: oxigraph virtuoso)
#   scripts/stores.sh down DIR             stop every store under DIR
#   scripts/stores.sh start KIND DIR       start one (again, on the port it had)
#   scripts/stores.sh stop KIND DIR        stop one, keeping its database
#   scripts/stores.sh reset KIND DIR       stop one, empty its database, start it
#   scripts/stores.sh url KIND DIR         print its URL
# KIND is oxigraph (`oxigraph serve` from PyPI's oxigraph package; Graph Store
# Protocol at /store) or virtuoso (Debian's virtuoso-opensource-7, started
# with a copy of /etc/virtuoso-opensource-7/virtuoso.ini whose database is in
# DIR/virtuoso/data and whose HTTP and SQL ports are on 127.0.0.1; GSP at
# /sparql-graph-crud-auth, Digest dba:dba). scripts/setup.sh test installs both.
# .ci/run starts both before the tests and hands DIR to them in
# NEWSGRAPH_TEST_STORES; without it, tests/push.rs runs them in a temp folder.
# State per store in DIR/KIND/: port, sql-port (virtuoso), pid, log, data/.
set -euo pipefail

die() {
  echo "stores: $*" >&2
  exit 1
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

kind_ok() {
  case "$1" in
    oxigraph | virtuoso) ;;
    *) die "unknown store '$1' (oxigraph or virtuoso)" ;;
  esac
}

url() { echo "http://127.0.0.1:$(cat "$2/$1/port")"; }

running() {
  local pidfile="$2/$1/pid"
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

start() {
  local kind="$1" dir="$2" home="$2/$1"
  kind_ok "$kind"
  running "$kind" "$dir" && return 0
  mkdir -p "$home/data"
  [ -f "$home/port" ] || free_port >"$home/port"
  local port
  port="$(cat "$home/port")"
  case "$kind" in
    oxigraph)
      command -v oxigraph >/dev/null || die "no oxigraph: pip install oxigraph (scripts/setup.sh test does)"
      oxigraph serve --location "$home/data" --bind "127.0.0.1:$port" >"$home/log" 2>&1 &
      echo $! >"$home/pid"
      probe="$(url "$kind" "$dir")/query?query=ASK%7B%7D"
      ;;
    virtuoso)
      command -v virtuoso-t >/dev/null ||
        die "no virtuoso-t: apt-get install virtuoso-opensource-7 (scripts/setup.sh test does)"
      [ -f "$home/sql-port" ] || free_port >"$home/sql-port"
      local data
      data="$(cd "$home/data" && pwd)"
      # Debian's ini with the database in data/ and both ports on loopback.
      sed -e "s#/var/lib/virtuoso-opensource-7/db#$data#g" \
        -e "s#^\(ServerPort *= *\)1111\$#\1127.0.0.1:$(cat "$home/sql-port")#" \
        -e "s#^\(ServerPort *= *\)8890\$#\1127.0.0.1:$port#" \
        /etc/virtuoso-opensource-7/virtuoso.ini >"$home/virtuoso.ini"
      (cd "$home/data" && exec virtuoso-t +foreground +configfile "$home/virtuoso.ini") >"$home/log" 2>&1 &
      echo $! >"$home/pid"
      probe="$(url "$kind" "$dir")/sparql?query=ASK%7B%7D"
      ;;
  esac
  local i
  for i in $(seq 1 450); do
    if curl -fsS -o /dev/null "$probe" 2>/dev/null; then
      echo "stores: $kind at $(url "$kind" "$dir") (data in $home/data)" >&2
      return 0
    fi
    running "$kind" "$dir" || break
    sleep 0.2
  done
  stop "$kind" "$dir"
  die "$kind did not start; its log ($home/log) ends with: $(tail -n 5 "$home/log" 2>/dev/null)"
}

stop() {
  local kind="$1" dir="$2" pidfile="$2/$1/pid"
  kind_ok "$kind"
  [ -f "$pidfile" ] || return 0
  local pid
  pid="$(cat "$pidfile")"
  kill -KILL "$pid" 2>/dev/null || true
  # Wait until it is gone, so that its port and database are free.
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$pidfile"
}

[ $# -ge 2 ] || die "usage: scripts/stores.sh up|down DIR | start|stop|reset|url KIND DIR"
cmd="$1"
shift
case "$cmd" in
  up)
    dir="$1"
    shift
    mkdir -p "$dir"
    kinds=("$@")
    [ ${#kinds[@]} -gt 0 ] || kinds=(oxigraph virtuoso)
    for k in "${kinds[@]}"; do start "$k" "$dir"; done
    ;;
  down)
    for home in "$1"/*/; do
      [ -f "$home/pid" ] && stop "$(basename "$home")" "$1"
    done
    true
    ;;
  start | stop | url) "$cmd" "$1" "$2" ;;
  reset)
    kind_ok "$1"
    stop "$1" "$2"
    rm -rf "${2:?}/$1/data"
    start "$1" "$2"
    ;;
  *) die "unknown command '$cmd'" ;;
esac
