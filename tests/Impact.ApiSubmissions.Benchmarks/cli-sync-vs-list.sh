#!/usr/bin/env bash
# The CLI as a user runs it: wall time and peak RSS of `list --format csv` against `sync` into SQLite and into
# PostgreSQL, at 15,000, 45,000 and 90,000 submissions, against `mock` in a process of its own. LATENCY (e.g. 50ms)
# delays each answer; default none. Rows are counted in both databases afterwards. Starts its own PostgreSQL server
# (initdb in a temporary folder, loopback, port 18921) as the OS user postgres, so run it as root, like the benchmarks.
#   bash tests/Impact.ApiSubmissions.Benchmarks/cli-sync-vs-list.sh            # about 2 minutes
#   LATENCY=50ms bash tests/Impact.ApiSubmissions.Benchmarks/cli-sync-vs-list.sh   # about 4 minutes
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d /tmp/cli-sync-vs-list.XXXXXX)
chmod 755 "$W"
dotnet publish "$ROOT/src/Impact.ApiSubmissions.Cli" -c Release -o "$W/cli" -v q --nologo > /dev/null || exit 1
CLI="dotnet $W/cli/Impact.ApiSubmissions.Cli.dll"
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); PG=$W/pg; PGPORT=18921; PORT=18780
mkdir -p "$PG"; chown postgres "$PG"
runuser -u postgres -- "$BIN/initdb" -D "$PG/data" -U postgres -A trust -E UTF8 --locale=C > /dev/null
runuser -u postgres -- "$BIN/pg_ctl" -D "$PG/data" -l "$PG/log" -o "-p $PGPORT -k $PG -c listen_addresses=127.0.0.1" -w start > /dev/null
cd "$W"
for count in 15000 45000 90000; do
  $CLI mock --port $PORT --count $count --seed 3 ${LATENCY:+--latency $LATENCY} > mock.out 2>&1 &
  MOCK=$!
  for i in $(seq 1 120); do grep -q "Auth Token" mock.out && break; sleep 0.5; done
  export IMPACT_BASE_URL=http://127.0.0.1:$PORT
  export IMPACT_ACCOUNT_SID=$(grep 'Account SID' mock.out | awk '{print $3}') IMPACT_AUTH_TOKEN=$(grep 'Auth Token' mock.out | awk '{print $3}')
  $CLI list --format csv --page-size 1000 --timeout 30m > /dev/null   # the mock writes each page once: warm them all first
  for round in 1 2; do
    /usr/bin/time -f "$count list csv: %e s wall, %M KB peak RSS" $CLI list --format csv --page-size 1000 --timeout 30m > /dev/null
    rm -f s.db*
    /usr/bin/time -f "$count sync sqlite: %e s wall, %M KB peak RSS" $CLI sync --db s.db --page-size 1000 --budget 100000 > /dev/null
    runuser -u postgres -- "$BIN/dropdb" -h 127.0.0.1 -p $PGPORT -U postgres --if-exists b 2> /dev/null
    runuser -u postgres -- "$BIN/createdb" -h 127.0.0.1 -p $PGPORT -U postgres b
    /usr/bin/time -f "$count sync postgres: %e s wall, %M KB peak RSS" $CLI sync --db "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=b" --page-size 1000 --budget 100000 > /dev/null
    echo "$count rows: sqlite $(sqlite3 s.db 'select count(*) from impact_submissions'), postgres $(runuser -u postgres -- psql -tA -h 127.0.0.1 -p $PGPORT -U postgres -d b -c 'select count(distinct batch_id) from impact_submissions')"
  done
  kill $MOCK; wait $MOCK 2>/dev/null
done
runuser -u postgres -- "$BIN/pg_ctl" -D "$PG/data" -m fast -w stop > /dev/null
rm -rf "$W"
