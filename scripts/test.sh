#!/usr/bin/env bash
# The whole test suite: installs what is missing, starts a throwaway PostgreSQL server, runs
# every test on SQLite and on PostgreSQL (offscreen for the GUI), and stops the server again.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh

# The gates first (seconds): lint, format, types; the import contracts run in the suite
# (tests/test_layers.py). scripts/check.sh runs the same on its own, .pre-commit-config.yaml too.
bash scripts/check.sh

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGTMP=$(mktemp -d /tmp/kina-pgtest.XXXXXX)
AS=()
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGTMP"; AS=(runuser -u postgres --); fi
"${AS[@]}" "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
# The superuser that sets up the test databases gets in without a password; every other login
# (the people of the tests) must give its password, as on KINA's real server.
printf 'local all postgres trust\nlocal all all scram-sha-256\n' > "$PGTMP/data/pg_hba.conf"
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 \
  -o "-k $PGTMP -c listen_addresses='' -c fsync=off -c max_connections=200" start >/dev/null
cleanup() {
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap cleanup EXIT

export TEST_PG_URL="postgresql+psycopg:///postgres?host=$PGTMP&user=postgres"
export TEST_PG_BIN="$PGBIN" TEST_PG_DATA="$PGTMP/data" TEST_PG_SOCKET_DIR="$PGTMP"
export KINA_REQUIRE_PG=1 QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest "$@"
