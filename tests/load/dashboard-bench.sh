#!/usr/bin/env bash
# The dashboard's answer time on a large archive: generates a database with the load generator (or copies one made
# earlier), starts the site (Release, Development environment so the staff cookie travels over plain http on
# loopback), signs in as the Development Admin, presses the rebuild button once (timed), then loads /admin N times
# one after another and prints p50, p95, max, the site's CPU time per request and the machine's load (uptime) just
# before. Nothing is asserted: it prints figures. docs/observability.md records the runs on the 1,000,000-comment set.
#
#   bash tests/load/dashboard-bench.sh [--articles 100000] [--comments 1000000] [--requests 200] [--port 5098] [--db FILE] [--log-commands]
#
# --db FILE copies a database made earlier (the generator's output) instead of generating one. --log-commands logs every
# EF Core command with its duration (Serilog at Information for Microsoft.EntityFrameworkCore.Database.Command) and
# prints, for the timed requests, each distinct statement's count, mean and max: where the time of a slow answer went.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ARTICLES=100000 COMMENTS=1000000 REQUESTS=200 PORT=5098 DB_FROM="" COMMAND_LEVEL=Warning
parse_options --articles=ARTICLES --comments=COMMENTS --requests=REQUESTS --port=PORT --db=DB_FROM \
  --log-commands=COMMAND_LEVEL=Information -- "$@"
WORK="$(mktemp -d /tmp/dashboard-bench.XXXXXX)"
DB="$WORK/bench.db"
SITE_PID=""
# The logs stay in $WORK; a copy of --db FILE (gigabytes at 1,000,000 comments) does not.
cleanup() {
  [[ -n "$SITE_PID" ]] && kill "$SITE_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  [[ -n "$DB_FROM" ]] && rm -f "$DB" "$DB-wal" "$DB-shm" || true
}
trap cleanup EXIT
now_ms() { date +%s%3N; }

timeout 900 dotnet build "$ROOT/tests/load/NewsPortal.LoadData" -c Release --nologo -v quiet >"$WORK/build.log" 2>&1
timeout 900 dotnet build "$ROOT/src/NewsPortal.Web" -c Release --nologo -v quiet >>"$WORK/build.log" 2>&1
if [[ -n "$DB_FROM" ]]; then
  cp "$DB_FROM" "$DB"
else
  start=$(now_ms)
  timeout 3600 dotnet run -c Release --no-build --project "$ROOT/tests/load/NewsPortal.LoadData" -- --db "$DB" --articles "$ARTICLES" --comments "$COMMENTS" >"$WORK/generate.log" 2>&1
  echo "generated $ARTICLES articles, $COMMENTS comments in $(( ($(now_ms) - start) / 1000 )) s ($DB)"
fi

# Started from its build folder, so its content root holds appsettings*.json (the shipped logging included).
( cd "$ROOT/src/NewsPortal.Web/bin/Release/net10.0" && exec env ASPNETCORE_ENVIRONMENT=Development Seed__SampleContent=false Weather__Enabled=false \
  Admin__Email=admin@newsportal.local Admin__Password=change-me-newsroom-2026 \
  ConnectionStrings__NewsPortal="Data Source=$DB" Dashboard__StatsEnabled=false \
  Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command="$COMMAND_LEVEL" \
  dotnet NewsPortal.Web.dll --urls "http://127.0.0.1:$PORT" ) >"$WORK/site.log" 2>&1 &
SITE_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 600); do curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "$BASE/healthz" >/dev/null || { echo "the site did not start; see $WORK/site.log" >&2; exit 1; }

JAR="$WORK/cookies"
token() { python3 -c 'import re, sys; m = re.search(r"<input[^>]*__RequestVerificationToken[^>]*>", sys.stdin.read()); print(re.search(r"value=\"([^\"]*)\"", m.group(0)).group(1) if m else "")'; }
T=$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/account/login" | token)
curl -fsS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Email=admin@newsportal.local" \
  --data-urlencode "Password=change-me-newsroom-2026" --data-urlencode "__RequestVerificationToken=$T" "$BASE/account/login"
T=$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/admin" | token)
[[ -n "$T" ]] || { echo "could not sign in as the Development Admin" >&2; exit 1; }
start=$(now_ms)
curl -fsS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "__RequestVerificationToken=$T" "$BASE/admin/stats/rebuild"
echo "rebuild of the last 30 days: $(( $(now_ms) - start )) ms"

# Warm-up: the runtime compiles a method again, optimised, after its first 30 calls; the timed requests should see
# the site as it runs all day, not its first minutes.
for _ in $(seq 1 50); do curl -fsS -o /dev/null -b "$JAR" "$BASE/admin"; done
# The machine's load just before the timed requests: other work on the same cores shows up in every figure below.
echo "load before the timed requests: $(uptime)"
# The site's CPU time (user + system, clock ticks) from /proc: SQLite runs inside the process, so this is the work the
# requests did, queries included, whatever else the machine was doing.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SITE_PID/stat"; }
: >"$WORK/times"
cpu_before=$(cpu_ticks)
log_from=$(wc -l <"$WORK/site.log")
for _ in $(seq 1 "$REQUESTS"); do
  curl -fsS -o /dev/null -b "$JAR" -w '%{time_total}\n' "$BASE/admin" >>"$WORK/times"
done
cpu_after=$(cpu_ticks)
python3 - "$WORK/times" "$(( cpu_after - cpu_before ))" "$(getconf CLK_TCK)" <<'PY'
import math, sys
t = sorted(float(x) * 1000 for x in open(sys.argv[1]) if x.strip())
rank = lambda p: t[max(0, math.ceil(p * len(t)) - 1)]
print(f"GET /admin (signed in, charts included), {len(t)} sequential requests: p50 {rank(.5):.1f} ms, p95 {rank(.95):.1f} ms, max {t[-1]:.1f} ms")
print(f"site CPU time per request: {int(sys.argv[2]) * 1000 / int(sys.argv[3]) / len(t):.1f} ms")
PY
if [[ "$COMMAND_LEVEL" == Information ]]; then
  tail -n +"$(( log_from + 1 ))" "$WORK/site.log" | python3 -c '
import re, sys
from collections import defaultdict
stats = defaultdict(list)
# A command is its "Executed DbCommand (N ms)" line and the SQL lines up to the next log line.
for entry in re.split(r"^(?=\[\d\d:\d\d:\d\d )", sys.stdin.read(), flags=re.M):
    m = re.search(r"Executed DbCommand \((\d+)ms\).*?\n(.*)", entry, flags=re.S)
    if m:
        stats[" ".join(m.group(2).split())[:160]].append(int(m.group(1)))
print("EF Core commands during the timed requests (count, mean ms, max ms), slowest mean first:")
for sql, ms in sorted(stats.items(), key=lambda kv: -sum(kv[1]) / len(kv[1]))[:12]:
    print(f"  {len(ms):5d} {sum(ms) / len(ms):7.1f} {max(ms):6d}  {sql}")
'
fi
echo "comments in the database: $(sqlite3 "$DB" 'SELECT COUNT(*) FROM Comments;' 2>/dev/null || echo '?')"
