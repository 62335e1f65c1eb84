#!/usr/bin/env bash
# NewsPortal load benchmark: publishes the site in Release, fills a fresh SQLite database (small: the site's
# sample content; large: generated articles and comments from a few hundred words; zipf: the same sizes from
# 60,000 words drawn by Zipf's law, as real text is), starts the site as in production on 127.0.0.1 and
# measures it with wrk; then the same site as two instances sharing the database and a Redis, behind nginx. Prints
# one markdown table per data size. See tests/load/README.md.
#
#   bash tests/load/run.sh [--only small|large|zipf] [--duration 10s] [--connections 32] [--threads 2]
#                          [--articles 100000] [--comments 1000000] [--port 5099] [--no-proxy] [--keep]
#                          [--large-db FILE] [--zipf-db FILE]
#   --large-db, --zipf-db: start that run from a copy of a database this script's generator made earlier (its
#   "Database ready" line names it; --keep keeps it), instead of generating one (about 8 minutes each).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ONLY=all
DURATION=10s
CONNECTIONS=32
THREADS=2
ARTICLES=100000
COMMENTS=1000000
PORT=5099
KEEP=0
LARGE_DB=""
ZIPF_DB=""
PROXY=1         # 0: skip the rows through nginx (--no-proxy)
WARMUP=3s       # per URL, 2 threads, 8 connections: enough for the JIT to reach its optimised code
POST_WARMUP=3s  # posting has the longest code path (sanitizer, data protection, EF insert)
# Every wrk connection comes from 127.0.0.1, one rate-limit partition. The site validates these options (posts
# 1..1,000,000, searches 1..100,000,000) and refuses to start above them, so the highest accepted values are used.
# The measured posting run starts in a fresh one-minute window (see below); if the site posts faster than that a
# minute, the rest are 429s, counted and reported separately. The small data's searches are cached and pass a
# million a minute.
POSTS_PER_MINUTE=1000000
SEARCHES_PER_MINUTE=100000000
# The staff rows sign in as this Admin, created at start (Admin:Email, Admin:Password).
STAFF_EMAIL=bench-admin@newsportal.test
STAFF_PASSWORD=Bench-admin-password-1

parse_options --only=ONLY --duration=DURATION --connections=CONNECTIONS --threads=THREADS --articles=ARTICLES \
  --comments=COMMENTS --port=PORT --no-proxy=PROXY=0 --keep=KEEP=1 --large-db=LARGE_DB --zipf-db=ZIPF_DB -- "$@"

case "$ONLY" in
  all) SIZES=(small large zipf) ;;
  small|large|zipf) SIZES=("$ONLY") ;;
  *) echo "--only must be small, large or zipf" >&2; exit 2 ;;
esac

# Seconds in a wrk duration (10, 10s, 2m, 1h), for the timeouts that bound every step.
seconds_of() {
  local d="$1"
  case "$d" in
    *h) echo $(( ${d%h} * 3600 )) ;;
    *m) echo $(( ${d%m} * 60 )) ;;
    *s) echo "${d%s}" ;;
    *) echo "$d" ;;
  esac
}
DURATION_S=$(seconds_of "$DURATION")
[[ "$DURATION_S" =~ ^[0-9]+$ && "$DURATION_S" -gt 0 ]] || { echo "bad --duration: $DURATION" >&2; exit 2; }
[[ "$CONNECTIONS" -ge "$THREADS" ]] || { echo "--connections must be at least --threads" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOAD="$ROOT/tests/load"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

WORK="$(mktemp -d /tmp/newsportal-load.XXXXXX)"
SITE_PIDS=()    # the running site instance(s): one direct, or two behind nginx
NGINX_PID=""
REDIS_PID=""
CEILING_PID=""

# stop_pid <pid>: SIGTERM, at most 10 s to exit, then SIGKILL.
stop_pid() {
  local pid="$1"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}

stop_site() {
  local pid
  for pid in "${SITE_PIDS[@]}"; do
    stop_pid "$pid"
  done
  SITE_PIDS=()
}

# nginx's master and its workers (the workers do the proxying; they are the master's children, not ours).
nginx_pids() {
  [[ -n "$NGINX_PID" ]] && kill -0 "$NGINX_PID" 2>/dev/null || return 0
  echo "$NGINX_PID"
  ps -o pid= --ppid "$NGINX_PID" 2>/dev/null || true
}

stop_nginx() {
  local workers pid
  workers=$(nginx_pids)
  stop_pid "$NGINX_PID"
  # A master that had to be killed leaves its workers behind.
  for pid in $workers; do
    kill -KILL "$pid" 2>/dev/null || true
  done
  NGINX_PID=""
}

stop_redis() {
  stop_pid "$REDIS_PID"
  REDIS_PID=""
}

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  # Front to back: nothing is left talking to a process that is already gone.
  stop_nginx
  stop_pid "$CEILING_PID"
  stop_site
  stop_redis
  if [[ "$KEEP" == 1 ]]; then
    echo "kept $WORK (databases, site logs, wrk output)" >&2
  else
    rm -rf "$WORK"
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log() { printf '\n==> %s\n' "$*" >&2; }

# ----------------------------------------------------------------------------------------------- tools

need_package() { # command package
  if ! command -v "$1" >/dev/null 2>&1; then
    log "installing $2"
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    timeout 300 $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive timeout 600 $sudo apt-get install -y -qq "$2" >/dev/null
  fi
}
need_package wrk wrk
need_package sqlite3 sqlite3
need_package curl curl
command -v dotnet >/dev/null || { echo "the .NET SDK (dotnet) is required" >&2; exit 1; }

# nginx and redis-server live in /usr/sbin and /usr/bin on Debian; /usr/sbin is not on every user's PATH.
find_tool() { command -v "$1" 2>/dev/null || { for d in /usr/sbin /usr/bin /usr/local/sbin /usr/local/bin; do [[ -x "$d/$1" ]] && { echo "$d/$1"; return 0; }; done; return 1; }; }
if [[ "$PROXY" == 1 ]]; then
  # Not installed here on purpose: their Debian packages start system services on the default ports.
  NGINX=$(find_tool nginx) && REDIS_SERVER=$(find_tool redis-server) \
    || { echo "the rows behind nginx need nginx and redis-server (apt-get install nginx redis-server); --no-proxy skips them" >&2; exit 1; }
fi

# ----------------------------------------------------------------------------------------------- build

log "publishing the site (Release) to $WORK/site"
timeout 900 dotnet publish "$ROOT/src/NewsPortal.Web" -c Release -o "$WORK/site" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
  || { cat "$WORK/publish.log" >&2; exit 1; }
[[ -x "$WORK/site/NewsPortal.Web" ]] || { echo "publish produced no NewsPortal.Web executable" >&2; exit 1; }

log "publishing Kestrel alone, the ceiling row (Release), to $WORK/kestrel"
timeout 900 dotnet publish "$LOAD/NewsPortal.KestrelCeiling" -c Release -o "$WORK/kestrel" --nologo -v quiet >"$WORK/publish-kestrel.log" 2>&1 \
  || { cat "$WORK/publish-kestrel.log" >&2; exit 1; }

log "building the data generator (Release)"
timeout 900 dotnet build "$LOAD/NewsPortal.LoadData" -c Release --nologo -v quiet >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }

# ----------------------------------------------------------------------------------------------- helpers

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# free_port <from>: the first loopback port from <from> on that nothing listens on (50 tries).
free_port() {
  local p="$1"
  for _ in $(seq 1 50); do
    port_busy "$p" || { echo "$p"; return 0; }
    p=$((p + 1))
  done
  echo "no free port near $1" >&2
  return 1
}
PORT=$(free_port "$PORT")
BASE="http://127.0.0.1:$PORT"   # where the wrk rows go: the site directly, or nginx

now_ns() { date +%s%N; }

CLK_TCK=$(getconf CLK_TCK)
# CPU ticks (user + system, all threads) a process has used so far.
pid_cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# CPU ticks of the site: every running instance together.
site_cpu_ticks() {
  local pid total=0
  for pid in "${SITE_PIDS[@]}"; do
    total=$(( total + $(pid_cpu_ticks "$pid") ))
  done
  echo "$total"
}
nginx_cpu_ticks() {
  local pid total=0
  for pid in $(nginx_pids); do
    total=$(( total + $(pid_cpu_ticks "$pid") ))
  done
  echo "$total"
}
# Peak resident memory (VmHWM) of a process, in MB.
peak_mb() { awk '/^VmHWM:/ {printf "%.0f", $2 / 1024; found = 1} END {if (!found) print 0}' "/proc/$1/status" 2>/dev/null || echo 0; }

# Percentage of the machine's CPU busy over one second (to spot other work sharing the cores).
machine_busy() {
  local a b
  a=$(awk '/^cpu / {print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6}' /proc/stat)
  sleep 1
  b=$(awk '/^cpu / {print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6}' /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); t = y[1] - x[1]; i = y[2] - x[2];
    busy = 0; if (t > 0) busy = 100 * (t - i) / t; printf "%.0f", busy }'
}

sql() { # db query
  timeout 60 sqlite3 -batch -noheader -cmd ".timeout 10000" "$1" "$2"
}

status_of() { curl -s -o /dev/null --max-time 10 -w '%{http_code}' "$1" || true; }

# Milliseconds from a wrk latency value (850.00us, 1.23ms, 2.00s, 1.00m).
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n = n * 1000;
    else if (v ~ /m$/) n = n * 60000; else if (v ~ /h$/) n = n * 3600000;
    printf "%.2f", n }'
}

# After a run, requests wrk gave up on may still be running in the site (a slow query is not always cancelled
# at once). Wait, at most 60 s, until the site uses less than 5 % of a core, so one test does not bleed into
# the next.
wait_quiet() {
  local a b i
  for i in $(seq 1 120); do
    a=$(site_cpu_ticks); sleep 0.5; b=$(site_cpu_ticks)
    # ticks per half second; CLK_TCK/2 would be one full core
    if awk -v d=$((b - a)) -v hz="$CLK_TCK" 'BEGIN { exit !(d <= hz * 0.5 * 0.05) }'; then
      [[ $i -gt 2 ]] && echo "    (site busy for $((i / 2)) s after the run)" >&2
      return 0
    fi
  done
  echo "    WARNING: the site was still busy 60 s after the run" >&2
}

# Table rows of the current size: name|req/s|p50|p99|errors|CPU ms per request|KB per response|group. A group is
# one way of serving the site (direct, or behind nginx); "vs /healthz" compares a row with its group's /healthz.
ROWS=()
ROW_GROUP=direct
declare -A CEILINGS

# run_wrk <name> <path> [lua script]: one measured run; appends a table row.
run_wrk() {
  local name="$1" path="$2" script="${3:-}" out="$WORK/wrk-$SIZE-${#ROWS[@]}.txt"
  local connections="${WRK_CONNECTIONS:-$CONNECTIONS}"
  local args=(-t"$THREADS" -c"$connections" -d"$DURATION" --latency --timeout 10s)
  [[ -n "$script" ]] && args+=(-s "$script")
  # WRK_COOKIE: the Cookie header of a signed-in member of staff (the staff rows).
  [[ -n "${WRK_COOKIE:-}" ]] && args+=(-H "Cookie: $WRK_COOKIE")
  # WRK_HEADER: one more request header (the gzip rows send Accept-Encoding as a browser does).
  [[ -n "${WRK_HEADER:-}" ]] && args+=(-H "$WRK_HEADER")
  log "$SIZE: $name ($DURATION, $THREADS threads, $connections connections)"
  local cpu_before cpu_after nginx_before nginx_after
  cpu_before=$(site_cpu_ticks)
  nginx_before=$(nginx_cpu_ticks)
  if ! timeout $((DURATION_S + 60)) wrk "${args[@]}" "$BASE$path" >"$out" 2>&1; then
    echo "wrk failed for $path:" >&2
    cat "$out" >&2
  fi
  wait_quiet
  cpu_after=$(site_cpu_ticks)
  nginx_after=$(nginx_cpu_ticks)
  sed 's/^/    /' "$out" >&2
  local rps p50 p99 non2xx sock kb requests cpu
  requests=$(awk '/ requests in / {print $1}' "$out")
  cpu=$(awk -v a="$cpu_before" -v b="$cpu_after" -v n="${requests:-0}" -v hz="$CLK_TCK" \
    'BEGIN { if (n > 0) printf "%.2f", (b - a) * 1000 / hz / n; else printf "n/a (%.1f s CPU)", (b - a) / hz }')
  if [[ -n "$NGINX_PID" ]]; then
    # Behind nginx the site column is every instance together; nginx's own CPU per request follows it.
    cpu+=$(awk -v a="$nginx_before" -v b="$nginx_after" -v n="${requests:-0}" -v hz="$CLK_TCK" \
      'BEGIN { if (n > 0) printf " (nginx %.2f)", (b - a) * 1000 / hz / n }')
  fi
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  if [[ "${requests:-0}" == 0 ]]; then
    # Nothing finished within the run: every request took longer than the test itself.
    p50=">$((DURATION_S * 1000))"
    p99=">$((DURATION_S * 1000))"
  fi
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")
  sock=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out")
  kb=""
  [[ -z "$script" ]] && kb="${SIZES_KB[$path]:-}"
  [[ -z "$script" && "${WRK_HEADER:-}" == *gzip* ]] && kb="${SIZES_KB_GZIP[$path]:-}"
  ROWS+=("$name|${rps:-0}|$p50|$p99|$(( ${non2xx:-0} + ${sock:-0} ))|$cpu|$kb|$ROW_GROUP")
  [[ "$path" == "/healthz" && -z "$script" ]] && CEILINGS[$ROW_GROUP]="${rps:-0}"
  return 0
}

declare -A SIZES_KB
declare -A SIZES_KB_GZIP
# warm_up <path>: a few seconds of light load (JIT, EF query cache, SQLite page cache) and one response size.
warm_up() {
  local path="$1" bytes code
  local cookie=()
  [[ -n "${WRK_COOKIE:-}" ]] && cookie=(-H "Cookie: $WRK_COOKIE")
  code=$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' "${cookie[@]}" "$BASE$path" || true)
  [[ "$code" == 200 ]] || echo "WARNING: GET $path answered $code" >&2
  # The bytes on the wire as wrk gets them: plain, and compressed for the rows that send Accept-Encoding.
  bytes=$(curl -s -o /dev/null --max-time 30 -w '%{size_download}' "${cookie[@]}" "$BASE$path" || echo 0)
  SIZES_KB[$path]=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1024}')
  bytes=$(curl -s -o /dev/null --compressed --max-time 30 -w '%{size_download}' "${cookie[@]}" "$BASE$path" || echo 0)
  SIZES_KB_GZIP[$path]=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1024}')
  timeout 60 wrk -t2 -c8 -d"$WARMUP" "${cookie[@]}" "$BASE$path" >/dev/null 2>&1 || true
}

# reader_cookies <path>: the cookies a first visit to <path> is given, as a Cookie header's value.
reader_cookies() {
  curl -s -D - -o /dev/null --max-time 10 "$BASE$1" | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | tr -d '\r' \
    | awk '{printf "%s%s", (n++ ? "; " : ""), $0}'
}

# static_copy_rows <path> <label> <row>: the ceiling for those bytes on this machine. The page as the site just served
# it is saved to a file and served by nginx (no proxying, sendfile, keep-alive), then measured like a site row
# ("nginx: the <label>'s bytes as a static file", plain and gzip); the site's rows <row> and "<row>, gzip" are compared
# with it in STATIC_NOTE, and "<row>, a returning reader" with the plain file where that row was run. Needs nginx
# (skipped with --no-proxy).
STATIC_NOTE=""
static_copy_rows() {
  local path="$1" label="$2" site_row="$3"
  [[ "$PROXY" == 1 ]] || { STATIC_NOTE="not measured (--no-proxy)"; return 0; }
  local dir="$WORK/static-$SIZE-${label// /-}" www port saved_base="$BASE" saved_group="${ROW_GROUP:-direct}"
  mkdir -p "$dir/temp"
  # nginx's workers may run as another user, and this run's folder is private: the files live in a folder of their
  # own that they can read.
  www=$(mktemp -d /tmp/newsportal-static.XXXXXX)
  chmod 755 "$www"
  curl -s --max-time 30 -o "$www/article.html" "$BASE$path"
  curl -s --max-time 30 -H 'Accept-Encoding: gzip' -o "$www/article.html.gz" "$BASE$path"
  chmod 644 "$www"/*
  port=$(free_port $((PORT + 40)))
  static_nginx_conf "$dir" "$www" "$port" \
    'location = /article { default_type text/html; try_files /article.html =404; }' \
    'location = /article.gz { default_type text/html; add_header Content-Encoding gzip; try_files /article.html.gz =404; }' \
    >"$dir/nginx.conf"
  ( exec "$NGINX" -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" ) >"$dir/stdout.log" 2>&1 &
  NGINX_PID=$!
  local deadline=$(( $(date +%s) + 15 )) code=""
  while [[ $(date +%s) -lt $deadline ]]; do
    code=$(status_of "http://127.0.0.1:$port/article")
    [[ "$code" == 200 ]] && break
    sleep 0.1
  done
  [[ "$code" == 200 ]] || { echo "the static nginx did not answer within 15 s:" >&2; cat "$dir/stdout.log" "$dir/error.log" >&2; exit 1; }
  BASE="http://127.0.0.1:$port"
  ROW_GROUP=static
  SIZES_KB[/article]=$(awk -v b="$(stat -c %s "$www/article.html")" 'BEGIN {printf "%.1f", b / 1024}')
  SIZES_KB[/article.gz]=$(awk -v b="$(stat -c %s "$www/article.html.gz")" 'BEGIN {printf "%.1f", b / 1024}')
  timeout 60 wrk -t2 -c8 -d"$WARMUP" "$BASE/article" >/dev/null 2>&1 || true
  run_wrk "nginx: the $label's bytes as a static file" /article
  run_wrk "nginx: the $label's gzip bytes as a static file" /article.gz
  stop_nginx

  # The same bytes from Kestrel with nothing else in its pipeline (tests/load/NewsPortal.KestrelCeiling): what
  # ASP.NET Core itself can do here, so the note can say how much of the gap to nginx is the platform's.
  port=$(free_port $((PORT + 41)))
  ( exec "$WORK/kestrel/NewsPortal.KestrelCeiling" --file "$www/article.html" --urls "http://127.0.0.1:$port" ) >"$dir/kestrel.log" 2>&1 &
  CEILING_PID=$!
  deadline=$(( $(date +%s) + 30 ))
  while [[ $(date +%s) -lt $deadline ]]; do
    code=$(status_of "http://127.0.0.1:$port/article")
    [[ "$code" == 200 ]] && break
    sleep 0.1
  done
  [[ "$code" == 200 ]] || { echo "Kestrel alone did not answer within 30 s:" >&2; cat "$dir/kestrel.log" >&2; exit 1; }
  BASE="http://127.0.0.1:$port"
  timeout 60 wrk -t2 -c8 -d"$WARMUP" "$BASE/article" >/dev/null 2>&1 || true
  run_wrk "Kestrel alone: the $label's bytes from memory" /article
  stop_pid "$CEILING_PID"
  CEILING_PID=""

  rm -rf "$www"
  BASE="$saved_base"
  ROW_GROUP="$saved_group"

  local row name rps plain=0 gzip=0 returning=0 static=0 static_gz=0 kestrel=0
  for row in "${ROWS[@]}"; do
    IFS='|' read -r name rps _ <<<"$row"
    case "$name" in
      "$site_row") plain=$rps ;;
      "$site_row, gzip") gzip=$rps ;;
      "$site_row, a returning reader") returning=$rps ;;
      "nginx: the $label's bytes as a static file") static=$rps ;;
      "nginx: the $label's gzip bytes as a static file") static_gz=$rps ;;
      "Kestrel alone: the $label's bytes from memory") kestrel=$rps ;;
    esac
  done
  STATIC_NOTE+="${STATIC_NOTE:+; }"$(awk -v l="$label" -v a="$plain" -v s="$static" -v g="$gzip" -v sg="$static_gz" -v r="$returning" -v k="$kestrel" 'BEGIN {
    printf "%s page %.0f%% of nginx serving its bytes as a file (plain), %.0f%% (gzip)", l, (s > 0 ? 100 * a / s : 0), (sg > 0 ? 100 * g / sg : 0)
    if (r > 0) printf ", %.0f%% (a returning reader, plain)", (s > 0 ? 100 * r / s : 0)
    if (k > 0) printf "; Kestrel alone serving the same bytes %.0f%% of nginx", (s > 0 ? 100 * k / s : 0) }')
}

print_table() {
  local title="$1"; shift
  echo
  echo "### $title"
  echo
  echo "| test | req/s | p50 ms | p99 ms | vs /healthz | errors | site CPU ms/req | KB/response |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  local row name rps p50 p99 errors cpu kb group ratio
  for row in "${ROWS[@]}"; do
    IFS='|' read -r name rps p50 p99 errors cpu kb group <<<"$row"
    ratio=$(awk -v r="$rps" -v c="${CEILINGS[$group]:-0}" 'BEGIN { if (c > 0) printf "%.3f", r / c; else print "n/a" }')
    echo "| $name | $rps | $p50 | $p99 | $ratio | $errors | $cpu | ${kb:--} |"
  done
}

REPORT="$WORK/report.md"
{
  echo "## NewsPortal load benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM;" \
    ".NET SDK $(dotnet --version); $(wrk --version 2>&1 | head -1 | awk '{print $1, $2}');" \
    "wrk -t$THREADS -c$CONNECTIONS -d$DURATION on the same machine as the site (they share the cores)."
} >"$REPORT"

# ----------------------------------------------------------------------------------------------- site, posting

# start_site <url> <log> [NAME=value ...]: starts the published site as operators do, on the database $DB, with the
# extra environment given (Site__PublicUrl, required in Production, defaults to <url>; a later one wins); waits (at
# most 180 s) until /healthz/ready answers 200. Adds the process to SITE_PIDS and sets READY_S, the seconds from
# process start until ready.
start_site() {
  local url="$1" site_log="$2"
  shift 2
  local started code="" pid
  started=$(now_ns)
  (
    cd "$WORK/site"
    exec env ASPNETCORE_ENVIRONMENT=Production \
      ConnectionStrings__NewsPortal="Data Source=$DB" \
      Site__PublicUrl="$url" \
      Weather__Enabled=false \
      Comments__MinSecondsToPost=0 \
      Comments__PostsPerMinutePerIp="$POSTS_PER_MINUTE" \
      Search__RequestsPerMinutePerIp="$SEARCHES_PER_MINUTE" \
      Admin__Email="$STAFF_EMAIL" Admin__Password="$STAFF_PASSWORD" \
      "$@" \
      ./NewsPortal.Web --urls "$url"
  ) >"$site_log" 2>&1 &
  pid=$!
  SITE_PIDS+=("$pid")
  local deadline=$(( $(date +%s) + 180 ))
  while [[ $(date +%s) -lt $deadline ]]; do
    kill -0 "$pid" 2>/dev/null || { echo "the site exited during start-up:" >&2; tail -50 "$site_log" >&2; exit 1; }
    code=$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$url/healthz/ready" || true)
    [[ "$code" == 200 ]] && break
    sleep 0.05
  done
  [[ "$code" == 200 ]] || { echo "the site was not ready within 180 s:" >&2; tail -50 "$site_log" >&2; exit 1; }
  READY_S=$(awk -v a="$started" -v b="$(now_ns)" 'BEGIN {printf "%.2f", (b - a) / 1e9}')
}

# post_comments <row name> <article id>: the comment-posting row through $BASE, and its accounting in POST_NOTE
# (acknowledged posts against the rows stored in $DB).
post_comments() {
  local name="$1" article_id="$2" tag="$SIZE-$ROW_GROUP"

  # Take cookie, antiforgery token and form stamp from the page, as a browser would.
  curl -sS --max-time 30 -D "$WORK/form-$tag.headers" -o "$WORK/form-$tag.html" "$BASE/news/bench-article-20-comments"
  export COMMENT_PAGE_HTML="$WORK/form-$tag.html" COMMENT_PAGE_HEADERS="$WORK/form-$tag.headers"
  export COMMENT_SLUG=bench-article-20-comments

  # Warm-up doubles as a check that posts are accepted (303), before anything is counted.
  COMMENT_RUN="$tag-warmup-$(date +%s)" \
    timeout 60 wrk -t2 -c4 -d"$POST_WARMUP" -s "$LOAD/comment-post.lua" "$BASE" >"$WORK/post-warmup-$tag.txt" 2>&1 || true
  wait_quiet
  local warm_detail
  warm_detail=$(sed -n 's/^comment posts by status: //p' "$WORK/post-warmup-$tag.txt")
  grep -q 'comment-post:.* 3xx=[1-9]' "$WORK/post-warmup-$tag.txt" \
    || { echo "WARNING: comment posts are not accepted with 303:" >&2; cat "$WORK/post-warmup-$tag.txt" >&2; }
  sleep 1

  # Every wrk connection shares 127.0.0.1's rate-limit partition; POSTS_PER_MINUTE is far above what two cores
  # can post in a minute, so the limiter never answers 429 here (any 429s are still counted).

  local before max_id
  before=$(sql "$DB" "SELECT COUNT(*) FROM Comments WHERE ArticleId = $article_id;")
  max_id=$(sql "$DB" "SELECT IFNULL(MAX(Id), 0) FROM Comments;")
  export COMMENT_RUN="$tag-$(date +%s)"
  run_wrk "$name" / "$LOAD/comment-post.lua"
  sleep 2 # posts cut off by the end of the run may still be finishing
  local after out stored
  out="$WORK/wrk-$SIZE-$(( ${#ROWS[@]} - 1 )).txt"
  after=$(sql "$DB" "SELECT COUNT(*) FROM Comments WHERE ArticleId = $article_id;")
  stored=$(( after - before ))

  local detail line sent responses c2 c3 c4 c5 ok unanswered lost extra dup by_status
  detail=$(sed -n 's/^comment posts by status: //p' "$out")
  line=$(grep '^comment-post:' "$out" || echo "comment-post: sent=0 responses=0 1xx=0 2xx=0 3xx=0 4xx=0 5xx=0")
  kv() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$line"; }
  sent=$(kv sent); responses=$(kv responses); c2=$(kv 2xx); c3=$(kv 3xx); c4=$(kv 4xx); c5=$(kv 5xx)
  ok=$c3
  unanswered=$(( sent - responses ))
  lost=$(( ok > stored ? ok - stored : 0 ))
  extra=$(( stored > ok + unanswered ? stored - ok - unanswered : 0 ))
  dup=$(sql "$DB" "SELECT COUNT(*) - COUNT(DISTINCT BodyHtml) FROM Comments WHERE ArticleId = $article_id AND Id > $max_id;")
  by_status=$(sql "$DB" "SELECT group_concat(s || ' ' || n, ', ') FROM (SELECT CASE Status WHEN 0 THEN 'Pending' WHEN 1 THEN 'Approved' WHEN 2 THEN 'Spam' WHEN 3 THEN 'Rejected' ELSE 'Trash' END AS s, COUNT(*) AS n FROM Comments WHERE ArticleId = $article_id AND Id > $max_id GROUP BY Status);")

  local rate_note=""
  if grep -q '429=' <<<"$detail"; then
    rate_note=" (429: the site's highest accepted limit, $POSTS_PER_MINUTE posts a minute per IP, was reached)"
  fi

  POST_NOTE="$c3 answered 303 (stored; $(( c3 / DURATION_S )) a second), $c2 answered 2xx (form shown again, not stored), $c4 4xx, $c5 5xx (by status: ${detail:-none})$rate_note;"
  POST_NOTE+=" $unanswered still in flight when wrk stopped. Rows stored: **$stored**; lost (303 without a row): **$lost**;"
  POST_NOTE+=" unexplained extra rows: **$extra**; duplicate bodies: **$dup**. New rows by status: ${by_status:-none}."
  POST_NOTE+=" (Warm-up posts before counting, by status: ${warm_detail:-none}.)"
}

# site_warnings <log>: warning and error lines in a site log, and the most frequent of them for the report.
site_warnings() {
  grep -cE '^\[[0-9:]+ (WRN|ERR|FTL)\]' "$1" || true
}
site_warning_summary() {
  echo
  echo '```'
  grep -E '^\[[0-9:]+ (WRN|ERR|FTL)\]' "$1" | sed -E 's/^\[[0-9:]+ /[/; s/[0-9]+(\.[0-9]+)? ms/N ms/' | cut -c1-300 | sort | uniq -c | sort -rn | head -8
  echo '```'
}

# ----------------------------------------------------------------------------------------------- behind nginx

# bench_proxy <article id> [NAME=value ...]: the site as several instances run it. A Redis (no persistence), two
# instances of the same build on the same database with ConnectionStrings__Redis, and nginx balancing them; then
# the rows that matter through nginx, and three of them through the same nginx to instance A alone. Sets
# PROXY_NOTES, the lines printed under the table. Everything it starts is stopped before it returns.
bench_proxy() {
  local article_id="$1"
  shift
  local dir="$WORK/proxy-$SIZE"
  mkdir -p "$dir/redis" "$dir/nginx/temp"

  local redis_port port_a port_b nginx_port nginx1_port
  redis_port=$(free_port $((PORT + 1)))
  port_a=$(free_port $((redis_port + 1)))
  port_b=$(free_port $((port_a + 1)))
  nginx_port=$(free_port $((port_b + 1)))
  nginx1_port=$(free_port $((nginx_port + 1)))
  local url_a="http://127.0.0.1:$port_a" url_b="http://127.0.0.1:$port_b"
  local two="http://127.0.0.1:$nginx_port" one="http://127.0.0.1:$nginx1_port"

  log "$SIZE: starting redis-server on 127.0.0.1:$redis_port (no persistence)"
  (
    cd "$dir/redis"
    exec "$REDIS_SERVER" --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir/redis" --daemonize no
  ) >"$dir/redis/redis.log" 2>&1 &
  REDIS_PID=$!
  local pong="" deadline=$(( $(date +%s) + 15 ))
  while [[ $(date +%s) -lt $deadline ]]; do
    kill -0 "$REDIS_PID" 2>/dev/null || break
    pong=$(timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"; printf "PING\r\n" >&3; head -c 5 <&3' _ "$redis_port" 2>/dev/null || true)
    [[ "$pong" == "+PONG" ]] && break
    sleep 0.1
  done
  [[ "$pong" == "+PONG" ]] || { echo "redis-server did not answer PING within 15 s:" >&2; tail -20 "$dir/redis/redis.log" >&2; exit 1; }

  local busy
  busy=$(machine_busy)
  [[ "$busy" -gt 15 ]] && echo "WARNING: the machine is already ${busy}% busy before the instances start; numbers will be noisy." >&2

  # Same build, database and environment as the direct run, plus what several instances need: the shared Redis
  # and the public address (nginx's). nginx's X-Forwarded-For comes from loopback, which the site trusts.
  local shared=(ConnectionStrings__Redis="127.0.0.1:$redis_port" Site__PublicUrl="$two")
  local ready_a ready_b
  log "$SIZE: starting instance A on $url_a and instance B on $url_b"
  start_site "$url_a" "$WORK/site-$SIZE-a.log" "$@" "${shared[@]}"
  ready_a=$READY_S
  local pid_a="${SITE_PIDS[0]}"
  start_site "$url_b" "$WORK/site-$SIZE-b.log" "$@" "${shared[@]}"
  ready_b=$READY_S
  local pid_b="${SITE_PIDS[1]}"
  log "$SIZE: A ready after $ready_a s, B after $ready_b s"

  # One nginx, two front doors: $two balances A and B (round robin), $one sends everything to A. Keep-alive to the
  # upstreams (keepalive + HTTP/1.1 + an empty Connection header): without it nginx opens a connection per request
  # and the rows measure that. Responses larger than the proxy buffers are passed on without temp files, so a
  # worker that runs as another user never needs to write inside this run's private folder.
  cat >"$dir/nginx/nginx.conf" <<CONF
daemon off;
master_process on;
worker_processes auto;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;

events {
    worker_connections 1024;
}

http {
    access_log off;
    client_body_temp_path $dir/nginx/temp/client_body;
    proxy_temp_path $dir/nginx/temp/proxy;
    fastcgi_temp_path $dir/nginx/temp/fastcgi;
    uwsgi_temp_path $dir/nginx/temp/uwsgi;
    scgi_temp_path $dir/nginx/temp/scgi;
    proxy_max_temp_file_size 0;

    # wrk keeps its connections open, as Kestrel lets it when direct; nginx's default closes one every 1000 requests.
    keepalive_requests 100000;

    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host \$host;
    proxy_set_header X-Forwarded-For \$remote_addr;
    proxy_set_header X-Forwarded-Proto \$scheme;
    proxy_connect_timeout 2s;
    proxy_read_timeout 30s;

    upstream two_instances {
        server 127.0.0.1:$port_a;
        server 127.0.0.1:$port_b;
        keepalive 64;
        keepalive_requests 100000;
    }

    upstream instance_a {
        server 127.0.0.1:$port_a;
        keepalive 64;
        keepalive_requests 100000;
    }

    server {
        listen 127.0.0.1:$nginx_port;
        location / {
            proxy_pass http://two_instances;
        }
    }

    server {
        listen 127.0.0.1:$nginx1_port;
        location / {
            proxy_pass http://instance_a;
        }
    }
}
CONF
  log "$SIZE: starting nginx on $two (A and B) and $one (A only)"
  (
    exec "$NGINX" -p "$dir/nginx/" -c "$dir/nginx/nginx.conf" -e "$dir/nginx/error.log"
  ) >"$dir/nginx/stdout.log" 2>&1 &
  NGINX_PID=$!
  local code="" url
  for url in "$two" "$one"; do
    deadline=$(( $(date +%s) + 15 ))
    while [[ $(date +%s) -lt $deadline ]]; do
      kill -0 "$NGINX_PID" 2>/dev/null || break
      code=$(status_of "$url/healthz")
      [[ "$code" == 200 ]] && break
      sleep 0.1
    done
    [[ "$code" == 200 ]] || { echo "nginx did not answer on $url within 15 s:" >&2; cat "$dir/nginx/stdout.log" "$dir/nginx/error.log" >&2; exit 1; }
  done

  local p suffix=" — 2 instances via nginx"
  local a_before b_before a_after b_after
  a_before=$(pid_cpu_ticks "$pid_a")
  b_before=$(pid_cpu_ticks "$pid_b")
  BASE="$two"
  ROW_GROUP=nginx-2
  for p in /healthz / /news/bench-article-20-comments /category/world; do
    warm_up "$p"
  done
  run_wrk "ceiling: /healthz$suffix" /healthz
  run_wrk "front page /$suffix" /
  run_wrk "article, 20 comments$suffix" /news/bench-article-20-comments
  run_wrk "section /category/world$suffix" /category/world
  post_comments "POST comment (comment-post.lua)$suffix" "$article_id"
  local post_note="$POST_NOTE"
  a_after=$(pid_cpu_ticks "$pid_a")
  b_after=$(pid_cpu_ticks "$pid_b")

  # The proxy's cost without a second instance: the same nginx in front of A alone (B stays up, idle).
  suffix=" — 1 instance via nginx"
  BASE="$one"
  ROW_GROUP=nginx-1
  for p in /healthz / /news/bench-article-20-comments; do
    warm_up "$p"
  done
  run_wrk "ceiling: /healthz$suffix" /healthz
  run_wrk "front page /$suffix" /
  run_wrk "article, 20 comments$suffix" /news/bench-article-20-comments

  local peak_a peak_b peak_nginx=0 peak_redis
  peak_a=$(peak_mb "$pid_a")
  peak_b=$(peak_mb "$pid_b")
  for p in $(nginx_pids); do
    peak_nginx=$(( peak_nginx + $(peak_mb "$p") ))
  done
  peak_redis=$(peak_mb "$REDIS_PID")
  local share_a
  share_a=$(awk -v a=$((a_after - a_before)) -v b=$((b_after - b_before)) 'BEGIN { if (a + b > 0) printf "%.0f", 100 * a / (a + b); else print "n/a" }')
  stop_nginx
  stop_site
  stop_redis
  BASE="http://127.0.0.1:$PORT"
  ROW_GROUP=direct

  local warn_a warn_b nginx_errors
  warn_a=$(site_warnings "$WORK/site-$SIZE-a.log")
  warn_b=$(site_warnings "$WORK/site-$SIZE-b.log")
  nginx_errors=$(grep -cE '\[(error|crit|alert|emerg)\]' "$dir/nginx/error.log" 2>/dev/null || true)

  local nginx_version redis_version
  nginx_version=$("$NGINX" -v 2>&1 | sed 's|.*/||')
  redis_version=$("$REDIS_SERVER" --version | sed -n 's/.* v=\([^ ]*\).*/\1/p')
  PROXY_NOTES=()
  PROXY_NOTES+=("- Rows \"via nginx\": nginx $nginx_version (\`worker_processes auto\`, keep-alive to the instances) in front of two\
 instances of the same build on the same database, sharing Redis $redis_version (no persistence); \"1 instance via\
 nginx\" is the same nginx in front of instance A alone (B up, idle). Their \"vs /healthz\" is against /healthz\
 through the same route; their site CPU is both instances together, nginx's own CPU per request in brackets.\
 Everything shares the machine's $(nproc) cores with wrk.")
  PROXY_NOTES+=("- Peak resident memory (VmHWM): instance A **$peak_a MB**, instance B **$peak_b MB**; nginx (master and\
 workers) $peak_nginx MB; redis-server $peak_redis MB. Start-up to /healthz/ready 200: A $ready_a s, B $ready_b s.\
 Share of the instances' CPU during the two-instance rows taken by A: $share_a % (round robin: about 50).\
 Machine CPU busy in the second before they started: ${busy}%.")
  PROXY_NOTES+=("- Comment posts through nginx to two instances: $post_note")
  PROXY_NOTES+=("- Logs: instance A $warn_a, instance B $warn_b warning/error lines; nginx error log: $nginx_errors lines at error or worse.")
  local f
  for f in "$WORK/site-$SIZE-a.log" "$WORK/site-$SIZE-b.log"; do
    [[ $(site_warnings "$f") -gt 0 ]] && PROXY_NOTES+=("$(echo "  ${f##*/}:"; site_warning_summary "$f")")
  done
  if [[ "$nginx_errors" -gt 0 ]]; then
    PROXY_NOTES+=("$(echo; echo '```'; grep -E '\[(error|crit|alert|emerg)\]' "$dir/nginx/error.log" | sed -E 's/^[0-9/: ]+//; s/, client: .*//' | sort | uniq -c | sort -rn | head -5; echo '```')")
  fi
  return 0
}

# ----------------------------------------------------------------------------------------------- search, staff

urlencode() { local LC_ALL=C s="$1" out="" c i; for ((i = 0; i < ${#s}; i++)); do c="${s:i:1}"
  case "$c" in [a-zA-Z0-9.~_-]) out+="$c" ;; ' ') out+="+" ;; *) out+=$(printf '%%%02X' "'$c") ;; esac; done; echo "$out"; }

# Full-text search at 16 connections. A search page is cached (at low priority, until the articles change), so the
# same query again and again measures the cache: one row does that ("council", found in most articles). The other
# rows ask for a different search nearly every time (thousands of distinct queries built from the archive's own
# headlines, random order, pages 1-3, a section filter on a quarter of them), so they measure the database and the
# search bulkhead (Search:MaxConcurrent): one word, two words, a phrase of two neighbouring headline words, and a
# real word with a made-up one (no match: the suggestions are searched as well). Then the article page while a
# flood of such distinct searches (32 more connections, its own wrk) runs. The per-IP search limit is set out of the
# way (Search:RequestsPerMinutePerIp), as it would be for a flood from many addresses.
search_paths() { # kind count: distinct search paths from the archive's headlines
  local kind="$1" count="$2"
  sql "$DB" "SELECT lower(Headline) FROM Articles WHERE Status = 2 ORDER BY random() LIMIT $((count * 2));" \
    | awk -v kind="$kind" -v count="$count" -v seed="$RANDOM" '
      BEGIN { srand(seed); split("world uk business politics science culture sport", sections, " ") }
      done { next }
      {
        gsub(/[^a-z0-9 ]/, " ")
        n = split($0, w, " ")
        if (n < 2) next
        i = int(rand() * n) + 1; j = int(rand() * n) + 1; k = (i < n) ? i : n - 1
        if (kind == "one") q = w[i]
        else if (kind == "two") q = w[i] "+" words[int(rand() * nw) + 1]
        else if (kind == "phrase") q = "%22" w[k] "+" w[k + 1] "%22"
        else q = w[i] "+zq" int(rand() * 1000000)
        for (x = 1; x <= n; x++) words[++nw] = w[x]
        if (kind == "two" && nw <= n) next
        path = "/search?q=" q
        page = int(rand() * 3) + 1
        if (page > 1) path = path "&page=" page
        if (rand() < 0.25) path = path "&section=" sections[int(rand() * 7) + 1]
        # Reads on to the end rather than exit: an early exit would kill sqlite3 with SIGPIPE under pipefail.
        if (!(path in seen)) { seen[path] = 1; print path; if (++printed >= count) done = 1 }
      }'
}

search_rows() {
  warm_up "/search?q=council"
  WRK_CONNECTIONS=16 run_wrk "search council, the same query (cached) (16 connections)" "/search?q=council"

  local kind label paths="$WORK/search-paths-$SIZE" lines
  for kind in one two phrase none; do
    search_paths "$kind" 20000 >"$paths.$kind"
    lines=$(wc -l <"$paths.$kind")
    case "$kind" in
      one) label="one word" ;; two) label="two words" ;; phrase) label="a phrase" ;; none) label="no match" ;;
    esac
    export PATHS_FILE="$paths.$kind"
    WRK_CONNECTIONS=16 run_wrk "search, $label, random of $lines distinct (16 connections)" / "$LOAD/random-path.lua"
  done
  cat "$paths.one" "$paths.two" "$paths.phrase" "$paths.none" | shuf >"$paths.flood"

  local normal flood_out="$WORK/flood-$SIZE.txt" during flood_rps flood_non2xx
  normal=$(for row in "${ROWS[@]}"; do IFS='|' read -r n r _ <<<"$row"; if [[ "$n" == "article, 20 comments" ]]; then echo "$r"; fi; done | tail -1)
  PATHS_FILE="$paths.flood" timeout $((DURATION_S + 70)) wrk -t1 -c32 -d$((DURATION_S + 6))s --timeout 10s \
    -s "$LOAD/random-path.lua" "$BASE/" >"$flood_out" 2>&1 &
  unset PATHS_FILE
  local flood_pid=$!
  sleep 3
  run_wrk "article, 20 comments, during a search flood" /news/bench-article-20-comments
  wait "$flood_pid" || true
  during=$(IFS='|' read -r _ r _ <<<"${ROWS[-1]}"; echo "$r")
  flood_rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$flood_out")
  flood_non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$flood_out")
  FLOOD_NOTE="the article page served ${during:-0} req/s during a search flood (32 connections of distinct searches, ${flood_rps:-0} answers/s, ${flood_non2xx:-0} of them not 2xx: the search bulkhead's 503 or the search rate limit's 429, which wrk does not tell apart), $(awk -v a="${during:-0}" -v b="${normal:-0}" 'BEGIN { if (b > 0) printf "%.0f", 100 * a / b; else print "n/a" }') % of its ${normal:-0} req/s without one"
}

# The staff pages, signed in as the Admin the site created at start: the dashboard, the moderation queue (pending,
# approved with a text search, a deep page) and the newsroom's article list.
staff_rows() {
  local headers="$WORK/staff-$SIZE.headers" token code af
  # Cookies are taken from the Set-Cookie headers, not a cookie jar: the sign-in cookie is Secure outside
  # Development, and a client may keep a Secure cookie from plain http to itself from being sent back.
  token=$(curl -s -D "$headers.get" --max-time 30 "$BASE/account/login" \
    | grep -o '<input[^>]*__RequestVerificationToken[^>]*>' | head -1 | sed -E 's/.*value="([^"]*)".*/\1/')
  af=$(sed -n 's/^[Ss]et-[Cc]ookie: \(np_af=[^;]*\).*/\1/p' "$headers.get" | tail -1)
  code=$(curl -s -D "$headers.post" -o /dev/null --max-time 30 -w '%{http_code}' -H "Cookie: $af" \
    --data-urlencode "Email=$STAFF_EMAIL" --data-urlencode "Password=$STAFF_PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE/account/login")
  if [[ "$code" != 302 && "$code" != 303 ]]; then
    echo "WARNING: signing in for the staff rows answered $code; staff rows skipped" >&2
    return 0
  fi
  WRK_COOKIE=$(cat "$headers.get" "$headers.post" | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | tr -d '\r' \
    | awk -F= '{v[$1] = $0} END {for (k in v) printf "%s%s", (n++ ? "; " : ""), v[k]}')
  local path
  for path in /admin "/admin/comments?status=pending" "/admin/comments?status=approved&q=river" \
    "/admin/comments?status=approved&page=500" /admin/articles "/admin/articles?page=200"; do
    warm_up "$path"
    run_wrk "staff: $path" "$path"
  done
  WRK_COOKIE=""
}

# ----------------------------------------------------------------------------------------------- one data size

bench_size() {
  SIZE="$1"
  ROWS=()
  ROW_GROUP=direct
  CEILINGS=()
  SIZES_KB=()
  SIZES_KB_GZIP=()
  PROXY_NOTES=()
  DB="$WORK/$SIZE.db"
  local gen_args site_env

  if [[ "$SIZE" == small ]]; then
    # The sample photographs too, their variants in this run's media folder, which every instance is given.
    gen_args=(--small --media "$WORK/media")
    site_env=(Media__Root="$WORK/media")
  else
    gen_args=(--articles "$ARTICLES" --comments "$COMMENTS")
    [[ "$SIZE" == zipf ]] && gen_args+=(--words zipf)
    site_env=(Seed__SampleContent=false)
  fi

  log "$SIZE: generating $DB"
  local gen_start gen_s
  gen_start=$(now_ns)
  local reuse=""
  [[ "$SIZE" == large ]] && reuse="$LARGE_DB"
  [[ "$SIZE" == zipf ]] && reuse="$ZIPF_DB"
  if [[ -n "$reuse" ]]; then
    log "$SIZE: copying $reuse instead of generating"
    sqlite3 "$reuse" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
    cp "$reuse" "$DB"
  else
    timeout 1800 dotnet run -c Release --no-build --project "$LOAD/NewsPortal.LoadData" -- --db "$DB" "${gen_args[@]}" >&2
  fi
  gen_s=$(awk -v a="$gen_start" -v b="$(now_ns)" 'BEGIN {printf "%.1f", (b - a) / 1e9}')

  local articles comments
  articles=$(sql "$DB" "SELECT COUNT(*) FROM Articles;")
  # An article with a library hero and library photographs in its body (only the small data has one).
  PHOTO_PATH=$(sql "$DB" "SELECT '/news/' || Slug FROM Articles WHERE Status = 2 AND HeroImageUrl LIKE '/media/%' AND BodyHtml LIKE '%src=\"/media/%' ORDER BY PublishedAt DESC LIMIT 1;")
  if [[ "$SIZE" == small && -z "$PHOTO_PATH" ]]; then
    echo "WARNING: the small data has no photo story (a library hero and in-body library photos); its rows are skipped" >&2
  fi
  comments=$(sql "$DB" "SELECT COUNT(*) FROM Comments;")

  local busy
  busy=$(machine_busy)
  if [[ "$busy" -gt 15 ]]; then
    echo "WARNING: the machine is already ${busy}% busy before the site starts; numbers will be noisy. Top processes:" >&2
    ps -eo pcpu,pid,comm --sort=-pcpu | head -4 >&2
  fi

  log "$SIZE: starting the site on $BASE"
  local site_log="$WORK/site-$SIZE.log" ready_s
  start_site "$BASE" "$site_log" "${site_env[@]}"
  ready_s=$READY_S
  local site_pid="${SITE_PIDS[0]}"
  log "$SIZE: ready after $ready_s s"

  local p
  for p in /healthz /favicon.svg / /news/bench-article-20-comments /news/bench-article-500-comments /category/world; do
    warm_up "$p"
  done

  run_wrk "ceiling: /healthz" /healthz
  run_wrk "ceiling: /favicon.svg (static)" /favicon.svg
  run_wrk "front page /" /
  run_wrk "article, 20 comments" /news/bench-article-20-comments
  WRK_HEADER="Accept-Encoding: gzip, deflate, br" run_wrk "article, 20 comments, gzip" /news/bench-article-20-comments
  # wrk sends no cookies, so every request above is a first visit: the site makes an antiforgery cookie and a form
  # token for it. A returning reader sends the cookie back and only the form token is made.
  WRK_COOKIE=$(reader_cookies /news/bench-article-20-comments) \
    run_wrk "article, 20 comments, a returning reader" /news/bench-article-20-comments
  run_wrk "article, 500 comments" /news/bench-article-500-comments
  run_wrk "section /category/world" /category/world
  STATIC_NOTE=""
  static_copy_rows /news/bench-article-20-comments article "article, 20 comments"

  # The photo story (small data: the sample content's newest article, a hero photograph and three in its body, all
  # media library images served as <picture>): the page's own HTML, next to the plain article's. Its photographs
  # are separate requests, served as static files (by nginx in production); they are not part of these rows.
  if [[ -n "$PHOTO_PATH" ]]; then
    warm_up "$PHOTO_PATH"
    run_wrk "photo article, hero + 3 inline photos" "$PHOTO_PATH"
    WRK_HEADER="Accept-Encoding: gzip, deflate, br" run_wrk "photo article, hero + 3 inline photos, gzip" "$PHOTO_PATH"
    static_copy_rows "$PHOTO_PATH" "photo article" "photo article, hero + 3 inline photos"
  fi

  # The same URL again and again measures the reader cache. These two ask for a different page every time
  # (random order, thousands of distinct URLs), so they measure cache misses, the queries and the database.
  local paths_file="$WORK/paths-$SIZE.txt" article_count world_pages
  sql "$DB" "SELECT '/news/' || Slug FROM Articles WHERE Status = 2 ORDER BY random() LIMIT 20000;" >"$paths_file.articles"
  article_count=$(wc -l <"$paths_file.articles")
  world_pages=$(sql "$DB" "SELECT (COUNT(*) + 11) / 12 FROM Articles AS a JOIN Categories AS c ON c.Id = a.CategoryId WHERE c.Slug = 'world' AND a.Status = 2;")
  seq 1 "$world_pages" | sed 's|^|/category/world?page=|' >"$paths_file.world"
  export PATHS_FILE="$paths_file.articles"
  run_wrk "article, random of $article_count (cache misses)" / "$LOAD/random-path.lua"
  export PATHS_FILE="$paths_file.world"
  run_wrk "section /category/world?page=1..$world_pages, random" / "$LOAD/random-path.lua"
  unset PATHS_FILE

  search_rows
  staff_rows

  local article_id
  article_id=$(sql "$DB" "SELECT Id FROM Articles WHERE Slug = 'bench-article-20-comments';")
  post_comments "POST comment (comment-post.lua)" "$article_id"
  local post_note="$POST_NOTE"

  local peak_mb_direct warnings
  peak_mb_direct=$(peak_mb "$site_pid")
  stop_site
  warnings=$(site_warnings "$site_log")

  [[ "$PROXY" == 1 ]] && bench_proxy "$article_id" "${site_env[@]}"

  {
    print_table "$SIZE data: $articles articles, $comments comments"
    echo
    echo "- Peak resident memory of the site (VmHWM): **$peak_mb_direct MB**; start-up to /healthz/ready 200: **$ready_s s**;" \
      "data generation: $gen_s s."
    echo "- Comment posts: $post_note"
    echo "- Search flood: $FLOOD_NOTE."
    echo "- Static ceiling: $STATIC_NOTE."
    echo "- Machine CPU busy in the second before the site started: ${busy}% (other processes; ideally ~0)."
    echo "- Site log: $warnings warning/error lines (requests still running when wrk stops are cancelled and" \
      "logged as errors; a few of those are expected)."
    if [[ "$warnings" -gt 0 ]]; then
      site_warning_summary "$site_log"
    fi
    local note
    for note in "${PROXY_NOTES[@]}"; do
      echo "$note"
    done
  } | tee -a "$REPORT"
}

for size in "${SIZES[@]}"; do
  bench_size "$size"
done

echo
echo "==================================================================== summary"
cat "$REPORT"
