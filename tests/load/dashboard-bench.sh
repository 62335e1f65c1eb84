#!/usr/bin/env bash
# The dashboard's answer time on a large archive: generates a database with the load generator (or copies one made
# earlier), starts the site (Release, Development environment so the staff cookie travels over plain http on
# loopback), signs in as the Development Admin, presses the rebuild button once (timed), then loads /admin N times
# one after another and prints p50, p95 and max. Nothing is asserted: it prints figures.
#
#   bash tests/load/dashboard-bench.sh [--articles 100000] [--comments 1000000] [--requests 200] [--port 5098] [--db FILE]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ARTICLES=100000 COMMENTS=1000000 REQUESTS=200 PORT=5098 DB_FROM=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --articles) ARTICLES="$2"; shift 2 ;;
    --comments) COMMENTS="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --db) DB_FROM="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
WORK="$(mktemp -d /tmp/dashboard-bench.XXXXXX)"
DB="$WORK/bench.db"
SITE_PID=""
cleanup() { [[ -n "$SITE_PID" ]] && kill "$SITE_PID" 2>/dev/null || true; wait 2>/dev/null || true; }
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

ASPNETCORE_ENVIRONMENT=Development Seed__SampleContent=false Weather__Enabled=false \
  Admin__Email=admin@newsportal.local Admin__Password=change-me-newsroom-2026 \
  ConnectionStrings__NewsPortal="Data Source=$DB" Dashboard__StatsEnabled=false \
  dotnet "$ROOT/src/NewsPortal.Web/bin/Release/net10.0/NewsPortal.Web.dll" --urls "http://127.0.0.1:$PORT" >"$WORK/site.log" 2>&1 &
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

for _ in $(seq 1 10); do curl -fsS -o /dev/null -b "$JAR" "$BASE/admin"; done
: >"$WORK/times"
for _ in $(seq 1 "$REQUESTS"); do
  curl -fsS -o /dev/null -b "$JAR" -w '%{time_total}\n' "$BASE/admin" >>"$WORK/times"
done
python3 - "$WORK/times" <<'PY'
import math, sys
t = sorted(float(x) * 1000 for x in open(sys.argv[1]) if x.strip())
rank = lambda p: t[max(0, math.ceil(p * len(t)) - 1)]
print(f"GET /admin (signed in, charts included), {len(t)} sequential requests: p50 {rank(.5):.1f} ms, p95 {rank(.95):.1f} ms, max {t[-1]:.1f} ms")
PY
echo "comments in the database: $(sqlite3 "$DB" 'SELECT COUNT(*) FROM Comments;' 2>/dev/null || echo '?')"
