#!/usr/bin/env bash
# A real Tryton 6.0 (Debian 12's packages) on 127.0.0.1 for the Tryton adapter's tests (issue
# "Leads to CRM": "Tryton ... a real CRM that runs here").
#
#   .ci/tryton.sh start   installs tryton-server and tryton-modules-sale-opportunity when missing,
#                         creates the SQLite database "openline" (party + sale_opportunity, one
#                         company) once, starts trytond in the background, waits until JSON-RPC
#                         answers and prints TRYTON_URL / TRYTON_USER / TRYTON_PASSWORD /
#                         TRYTON_DATA_DIR lines.
#                         A running server is reused.
#   .ci/tryton.sh stop    stops the server; the database is kept, so the next start is quick.
#   .ci/tryton.sh reset   stops the server and deletes the database (the next start recreates it).
#
# Only the KEY=value lines go to stdout (for `set -a; eval "$(.ci/tryton.sh start)"; set +a`);
# progress goes to stderr. Settings: TRYTON_DATA_DIR (default /tmp/openline-tryton), TRYTON_PORT
# (default 18000).
set -euo pipefail

DATA_DIR="${TRYTON_DATA_DIR:-/tmp/openline-tryton}"
PORT="${TRYTON_PORT:-18000}"
DB=openline
CONF="$DATA_DIR/trytond.conf"
PIDFILE="$DATA_DIR/trytond.pid"
PASSFILE="$DATA_DIR/admin-password"
DB_FILE="$DATA_DIR/db/$DB.sqlite"
STAMP="$DATA_DIR/db/$DB.version"
# Debian's trytond imports from the system interpreter, not from a pyenv/venv first on PATH.
PYTHON=/usr/bin/python3

log() { printf '[tryton] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_packages() {
  if command -v trytond >/dev/null 2>&1 &&
    dpkg-query -W -f='${Status}' tryton-modules-sale-opportunity 2>/dev/null | grep -q 'ok installed'; then
    return
  fi
  log "installing tryton-server and tryton-modules-sale-opportunity"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
    tryton-server tryton-modules-sale-opportunity >/dev/null
}

rpc() { # rpc <path> <json body>: prints the HTTP status, then the body
  curl -sS -m 5 -o - -w '\n%{http_code}' -X POST -H 'content-type: application/json' \
    --data "$2" "http://127.0.0.1:$PORT$1" 2>/dev/null || true
}

answers() { rpc / '{"id":1,"method":"common.server.version","params":[]}' | grep -q '"result"'; }

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

write_config() {
  mkdir -p "$DATA_DIR/db" "$DATA_DIR/files"
  cat >"$CONF" <<EOF
[web]
listen = 127.0.0.1:$PORT
[database]
uri = sqlite://
path = $DATA_DIR/db
list = False
EOF
  if [ ! -s "$PASSFILE" ]; then
    (umask 077 && od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$PASSFILE" && echo >>"$PASSFILE")
  fi
}

# Tryton refuses opportunities without a company (sale.opportunity.company is required and taken
# from the user's context), so the throwaway database gets one company in EUR, owned by admin.
setup_company() {
  "$PYTHON" -W ignore - "$CONF" "$DB" <<'EOF'
import sys
from decimal import Decimal
from trytond.config import config
config.update_etc(sys.argv[1])
from trytond.pool import Pool
from trytond.transaction import Transaction
db = sys.argv[2]
Pool.start()
pool = Pool(db)
pool.init()
with Transaction().start(db, 0, context={'active_test': False}):
    Currency = pool.get('currency.currency')
    Party = pool.get('party.party')
    Company = pool.get('company.company')
    User = pool.get('res.user')
    if not Company.search([]):
        currencies = Currency.search([('code', '=', 'EUR')]) or Currency.create([{
            'name': 'Euro', 'code': 'EUR', 'symbol': '€',
            'rounding': Decimal('0.01'), 'digits': 2}])
        party, = Party.create([{'name': 'Openline Test Shop'}])
        company, = Company.create([{'party': party.id, 'currency': currencies[0].id}])
        admin, = User.search([('login', '=', 'admin')])
        User.write([admin], {'companies': [('add', [company.id])], 'company': company.id})
EOF
}

create_database() {
  local version
  version="$(trytond --version 2>/dev/null | tr -d '\n')"
  if [ -f "$DB_FILE" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$version" ]; then return; fi
  log "creating database $DB ($version)"
  rm -f "$DB_FILE" "$STAMP"
  : >"$DB_FILE"
  (cd "$DATA_DIR" && TRYTONPASSFILE="$PASSFILE" trytond-admin -c "$CONF" -d "$DB" --all \
    -u sale_opportunity --activate-dependencies --email admin@openline.test \
    >"$DATA_DIR/admin.log" 2>&1) || {
    tail -20 "$DATA_DIR/admin.log" >&2
    rm -f "$DB_FILE"
    exit 1
  }
  setup_company 2>>"$DATA_DIR/admin.log" || {
    tail -20 "$DATA_DIR/admin.log" >&2
    rm -f "$DB_FILE"
    exit 1
  }
  printf '%s' "$version" >"$STAMP"
}

start_server() {
  log "starting trytond on 127.0.0.1:$PORT"
  # A new session with every inherited descriptor closed (Popen's close_fds): the server outlives
  # the shell that started it, and a caller reading this script's output (a test's execFile) is not
  # kept waiting by a pipe end the server inherited.
  "$PYTHON" - "$CONF" "$PIDFILE" "$DATA_DIR" <<'EOF'
import subprocess, sys
conf, pidfile, data_dir = sys.argv[1:4]
with open(data_dir + '/trytond.log', 'ab') as log:
    subprocess.Popen(['trytond', '-c', conf, '--pidfile', pidfile], cwd=data_dir,
        stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
EOF
  for _ in $(seq 1 150); do
    if answers; then return; fi
    sleep 0.1
  done
  tail -20 "$DATA_DIR/trytond.log" >&2
  log "trytond did not answer on 127.0.0.1:$PORT"
  exit 1
}

# The first login loads the database's pool (about a second); doing it here keeps it out of the
# first test's time budget and proves the printed credentials work.
check_login() {
  local password out
  password="$(head -1 "$PASSFILE")"
  out="$(rpc "/$DB/" "{\"id\":1,\"method\":\"common.db.login\",\"params\":[\"admin\",{\"password\":\"$password\"},\"en\"]}")"
  if ! printf '%s' "$out" | grep -q '"result"'; then
    log "admin login failed: $(printf '%s' "$out" | tail -1)"
    exit 1
  fi
}

stop_server() {
  if ! running; then
    rm -f "$PIDFILE"
    return
  fi
  local pid
  pid="$(cat "$PIDFILE")"
  kill "$pid"
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; fi
  rm -f "$PIDFILE"
  log "stopped"
}

case "${1:-}" in
start)
  ensure_packages
  write_config
  if running && answers; then
    log "reusing the running server"
  else
    stop_server
    create_database
    start_server
  fi
  check_login
  echo "TRYTON_URL=http://127.0.0.1:$PORT/$DB"
  echo "TRYTON_USER=admin"
  echo "TRYTON_PASSWORD=$(head -1 "$PASSFILE")"
  # tests/support/tryton/own-trytond.ts copies this instance's database for a trytond of its own.
  echo "TRYTON_DATA_DIR=$DATA_DIR"
  ;;
stop) stop_server ;;
reset)
  stop_server
  rm -f "$DB_FILE" "$STAMP"
  ;;
*)
  echo "usage: $0 start|stop|reset" >&2
  exit 2
  ;;
esac
