#!/usr/bin/env bash
# NewsPortal load benchmark: publishes the site in Release, fills a fresh SQLite database (small: the site's
# sample content; large: generated articles and comments), starts the site as in production on 127.0.0.1 and
# measures it with wrk. Prints one markdown table per data size. See tests/load/README.md.
#
#   bash tests/load/run.sh [--only small|large] [--duration 10s] [--connections 32] [--threads 2]
#                          [--articles 100000] [--comments 1000000] [--port 5099] [--keep]
set -euo pipefail

ONLY=all
DURATION=10s
CONNECTIONS=32
THREADS=2
ARTICLES=100000
COMMENTS=1000000
PORT=5099
KEEP=0
WARMUP=3s       # per URL, 2 threads, 8 connections: enough for the JIT to reach its optimised code
POST_WARMUP=3s  # posting has the longest code path (sanitizer, data protection, EF insert)
# Every wrk connection comes from 127.0.0.1, one rate-limit partition. The site validates this option to
# 1..1,000,000 and refuses to start above it, so the highest accepted value is used. The measured run starts in a
# fresh one-minute window (see below); if the site posts faster than that a minute, the rest are 429s,
# counted and reported separately.
POSTS_PER_MINUTE=1000000

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --only) ONLY="${2:?--only needs small or large}"; shift 2 ;;
    --duration) DURATION="${2:?}"; shift 2 ;;
    --connections) CONNECTIONS="${2:?}"; shift 2 ;;
    --threads) THREADS="${2:?}"; shift 2 ;;
    --articles) ARTICLES="${2:?}"; shift 2 ;;
    --comments) COMMENTS="${2:?}"; shift 2 ;;
    --port) PORT="${2:?}"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

case "$ONLY" in
  all) SIZES=(small large) ;;
  small|large) SIZES=("$ONLY") ;;
  *) echo "--only must be small or large" >&2; exit 2 ;;
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
SITE_PID=""

stop_site() {
  if [[ -n "$SITE_PID" ]] && kill -0 "$SITE_PID" 2>/dev/null; then
    kill -TERM "$SITE_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$SITE_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$SITE_PID" 2>/dev/null || true
    wait "$SITE_PID" 2>/dev/null || true
  fi
  SITE_PID=""
}

cleanup() {
  local code=$?
  trap - EXIT INT TERM
  stop_site
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

# ----------------------------------------------------------------------------------------------- build

log "publishing the site (Release) to $WORK/site"
timeout 900 dotnet publish "$ROOT/src/NewsPortal.Web" -c Release -o "$WORK/site" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
  || { cat "$WORK/publish.log" >&2; exit 1; }
[[ -x "$WORK/site/NewsPortal.Web" ]] || { echo "publish produced no NewsPortal.Web executable" >&2; exit 1; }

log "building the data generator (Release)"
timeout 900 dotnet build "$LOAD/NewsPortal.LoadData" -c Release --nologo -v quiet >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }

# ----------------------------------------------------------------------------------------------- helpers

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for _ in $(seq 1 50); do port_busy "$PORT" && PORT=$((PORT + 1)) || break; done
port_busy "$PORT" && { echo "no free port near $PORT" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"

now_ns() { date +%s%N; }

CLK_TCK=$(getconf CLK_TCK)
# CPU seconds (user + system, all threads) the site process has used so far.
site_cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$SITE_PID/stat" 2>/dev/null || echo 0; }

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

# Table rows of the current size: name|req/s|p50|p99|errors|KB per response
ROWS=()
CEILING=""

# run_wrk <name> <path> [lua script]: one measured run; appends a table row.
run_wrk() {
  local name="$1" path="$2" script="${3:-}" out="$WORK/wrk-$SIZE-${#ROWS[@]}.txt"
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency --timeout 10s)
  [[ -n "$script" ]] && args+=(-s "$script")
  log "$SIZE: $name ($DURATION, $THREADS threads, $CONNECTIONS connections)"
  local cpu_before cpu_after
  cpu_before=$(site_cpu_ticks)
  if ! timeout $((DURATION_S + 60)) wrk "${args[@]}" "$BASE$path" >"$out" 2>&1; then
    echo "wrk failed for $path:" >&2
    cat "$out" >&2
  fi
  wait_quiet
  cpu_after=$(site_cpu_ticks)
  sed 's/^/    /' "$out" >&2
  local rps p50 p99 non2xx sock kb requests cpu
  requests=$(awk '/ requests in / {print $1}' "$out")
  cpu=$(awk -v a="$cpu_before" -v b="$cpu_after" -v n="${requests:-0}" -v hz="$CLK_TCK" \
    'BEGIN { if (n > 0) printf "%.2f", (b - a) * 1000 / hz / n; else printf "n/a (%.1f s CPU)", (b - a) / hz }')
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
  ROWS+=("$name|${rps:-0}|$p50|$p99|$(( ${non2xx:-0} + ${sock:-0} ))|$cpu|$kb")
  [[ "$path" == "/healthz" && -z "$script" ]] && CEILING="${rps:-0}"
  return 0
}

declare -A SIZES_KB
# warm_up <path>: a few seconds of light load (JIT, EF query cache, SQLite page cache) and one response size.
warm_up() {
  local path="$1" bytes code
  code=$(status_of "$BASE$path")
  [[ "$code" == 200 ]] || echo "WARNING: GET $path answered $code" >&2
  bytes=$(curl -s -o /dev/null --compressed --max-time 30 -w '%{size_download}' "$BASE$path" || echo 0)
  SIZES_KB[$path]=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1024}')
  timeout 60 wrk -t2 -c8 -d"$WARMUP" "$BASE$path" >/dev/null 2>&1 || true
}

print_table() {
  local title="$1"; shift
  echo
  echo "### $title"
  echo
  echo "| test | req/s | p50 ms | p99 ms | vs /healthz | errors | site CPU ms/req | KB/response |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  local row name rps p50 p99 errors cpu kb ratio
  for row in "${ROWS[@]}"; do
    IFS='|' read -r name rps p50 p99 errors cpu kb <<<"$row"
    ratio=$(awk -v r="$rps" -v c="${CEILING:-0}" 'BEGIN { if (c > 0) printf "%.3f", r / c; else print "n/a" }')
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

# ----------------------------------------------------------------------------------------------- one data size

bench_size() {
  SIZE="$1"
  ROWS=()
  CEILING=""
  SIZES_KB=()
  local db="$WORK/$SIZE.db" gen_args site_env

  if [[ "$SIZE" == small ]]; then
    gen_args=(--small)
    site_env=()
  else
    gen_args=(--articles "$ARTICLES" --comments "$COMMENTS")
    site_env=(Seed__SampleContent=false)
  fi

  log "$SIZE: generating $db"
  local gen_start gen_s
  gen_start=$(now_ns)
  timeout 1800 dotnet run -c Release --no-build --project "$LOAD/NewsPortal.LoadData" -- --db "$db" "${gen_args[@]}" >&2
  gen_s=$(awk -v a="$gen_start" -v b="$(now_ns)" 'BEGIN {printf "%.1f", (b - a) / 1e9}')

  local articles comments
  articles=$(sql "$db" "SELECT COUNT(*) FROM Articles;")
  comments=$(sql "$db" "SELECT COUNT(*) FROM Comments;")

  local busy
  busy=$(machine_busy)
  if [[ "$busy" -gt 15 ]]; then
    echo "WARNING: the machine is already ${busy}% busy before the site starts; numbers will be noisy. Top processes:" >&2
    ps -eo pcpu,pid,comm --sort=-pcpu | head -4 >&2
  fi

  log "$SIZE: starting the site on $BASE"
  local site_log="$WORK/site-$SIZE.log" started ready_s code=""
  started=$(now_ns)
  (
    cd "$WORK/site"
    exec env ASPNETCORE_ENVIRONMENT=Production \
      ConnectionStrings__NewsPortal="Data Source=$db" \
      Weather__Enabled=false \
      Comments__MinSecondsToPost=0 \
      Comments__PostsPerMinutePerIp="$POSTS_PER_MINUTE" \
      "${site_env[@]}" \
      ./NewsPortal.Web --urls "$BASE"
  ) >"$site_log" 2>&1 &
  SITE_PID=$!
  local deadline=$(( $(date +%s) + 180 ))
  while [[ $(date +%s) -lt $deadline ]]; do
    kill -0 "$SITE_PID" 2>/dev/null || { echo "the site exited during start-up:" >&2; tail -50 "$site_log" >&2; exit 1; }
    code=$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$BASE/healthz/ready" || true)
    [[ "$code" == 200 ]] && break
    sleep 0.05
  done
  [[ "$code" == 200 ]] || { echo "the site was not ready within 180 s:" >&2; tail -50 "$site_log" >&2; exit 1; }
  ready_s=$(awk -v a="$started" -v b="$(now_ns)" 'BEGIN {printf "%.2f", (b - a) / 1e9}')
  log "$SIZE: ready after $ready_s s"

  local p
  for p in /healthz /favicon.svg / /news/bench-article-20-comments /news/bench-article-500-comments /category/world; do
    warm_up "$p"
  done

  run_wrk "ceiling: /healthz" /healthz
  run_wrk "ceiling: /favicon.svg (static)" /favicon.svg
  run_wrk "front page /" /
  run_wrk "article, 20 comments" /news/bench-article-20-comments
  run_wrk "article, 500 comments" /news/bench-article-500-comments
  run_wrk "section /category/world" /category/world

  # The same URL again and again measures the reader cache. These two ask for a different page every time
  # (random order, thousands of distinct URLs), so they measure cache misses, the queries and the database.
  local paths_file="$WORK/paths-$SIZE.txt" article_count world_pages
  sql "$db" "SELECT '/news/' || Slug FROM Articles WHERE Status = 2 ORDER BY random() LIMIT 20000;" >"$paths_file.articles"
  article_count=$(wc -l <"$paths_file.articles")
  world_pages=$(sql "$db" "SELECT (COUNT(*) + 11) / 12 FROM Articles AS a JOIN Categories AS c ON c.Id = a.CategoryId WHERE c.Slug = 'world' AND a.Status = 2;")
  seq 1 "$world_pages" | sed 's|^|/category/world?page=|' >"$paths_file.world"
  export PATHS_FILE="$paths_file.articles"
  run_wrk "article, random of $article_count (cache misses)" / "$LOAD/random-path.lua"
  export PATHS_FILE="$paths_file.world"
  run_wrk "section /category/world?page=1..$world_pages, random" / "$LOAD/random-path.lua"
  unset PATHS_FILE

  # Comment posting: take cookie, antiforgery token and form stamp from the page, as a browser would.
  local article_id
  article_id=$(sql "$db" "SELECT Id FROM Articles WHERE Slug = 'bench-article-20-comments';")
  curl -sS --max-time 30 -D "$WORK/form-$SIZE.headers" -o "$WORK/form-$SIZE.html" "$BASE/news/bench-article-20-comments"
  export COMMENT_PAGE_HTML="$WORK/form-$SIZE.html" COMMENT_PAGE_HEADERS="$WORK/form-$SIZE.headers"
  export COMMENT_SLUG=bench-article-20-comments

  # Warm-up doubles as a check that posts are accepted (303), before anything is counted.
  COMMENT_RUN="$SIZE-warmup-$(date +%s)" \
    timeout 60 wrk -t2 -c4 -d"$POST_WARMUP" -s "$LOAD/comment-post.lua" "$BASE" >"$WORK/post-warmup-$SIZE.txt" 2>&1 || true
  wait_quiet
  local warm_detail
  warm_detail=$(sed -n 's/^comment posts by status: //p' "$WORK/post-warmup-$SIZE.txt")
  grep -q 'comment-post:.* 3xx=[1-9]' "$WORK/post-warmup-$SIZE.txt" \
    || { echo "WARNING: comment posts are not accepted with 303:" >&2; cat "$WORK/post-warmup-$SIZE.txt" >&2; }
  sleep 1

  # Every wrk connection shares 127.0.0.1's rate-limit partition; POSTS_PER_MINUTE is far above what two cores
  # can post in a minute, so the limiter never answers 429 here (any 429s are still counted).

  local before max_id
  before=$(sql "$db" "SELECT COUNT(*) FROM Comments WHERE ArticleId = $article_id;")
  max_id=$(sql "$db" "SELECT IFNULL(MAX(Id), 0) FROM Comments;")
  export COMMENT_RUN="$SIZE-$(date +%s)"
  run_wrk "POST comment (comment-post.lua)" / "$LOAD/comment-post.lua"
  sleep 2 # posts cut off by the end of the run may still be finishing
  local after out stored
  out="$WORK/wrk-$SIZE-$(( ${#ROWS[@]} - 1 )).txt"
  after=$(sql "$db" "SELECT COUNT(*) FROM Comments WHERE ArticleId = $article_id;")
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
  dup=$(sql "$db" "SELECT COUNT(*) - COUNT(DISTINCT BodyHtml) FROM Comments WHERE ArticleId = $article_id AND Id > $max_id;")
  by_status=$(sql "$db" "SELECT group_concat(s || ' ' || n, ', ') FROM (SELECT CASE Status WHEN 0 THEN 'Pending' WHEN 1 THEN 'Approved' WHEN 2 THEN 'Spam' WHEN 3 THEN 'Rejected' ELSE 'Trash' END AS s, COUNT(*) AS n FROM Comments WHERE ArticleId = $article_id AND Id > $max_id GROUP BY Status);")

  local rate_note=""
  if grep -q '429=' <<<"$detail"; then
    rate_note=" (429: the site's highest accepted limit, $POSTS_PER_MINUTE posts a minute per IP, was reached)"
  fi

  local peak_kb peak_mb warnings
  peak_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$SITE_PID/status" 2>/dev/null || echo 0)
  peak_mb=$(awk -v k="${peak_kb:-0}" 'BEGIN {printf "%.0f", k / 1024}')
  stop_site
  warnings=$(grep -cE '^\[[0-9:]+ (WRN|ERR|FTL)\]' "$site_log" || true)

  {
    print_table "$SIZE data: $articles articles, $comments comments"
    echo
    echo "- Peak resident memory of the site (VmHWM): **$peak_mb MB**; start-up to /healthz/ready 200: **$ready_s s**;" \
      "data generation: $gen_s s."
    echo "- Comment posts: $c3 answered 303 (stored; $(( c3 / DURATION_S )) a second), $c2 answered 2xx (form shown again, not stored), $c4 4xx, $c5 5xx (by status: ${detail:-none})$rate_note;" \
      "$unanswered still in flight when wrk stopped. Rows stored: **$stored**; lost (303 without a row): **$lost**;" \
      "unexplained extra rows: **$extra**; duplicate bodies: **$dup**. New rows by status: ${by_status:-none}." \
      "(Warm-up posts before counting, by status: ${warm_detail:-none}.)"
    echo "- Machine CPU busy in the second before the site started: ${busy}% (other processes; ideally ~0)."
    echo "- Site log: $warnings warning/error lines (requests still running when wrk stops are cancelled and" \
      "logged as errors; a few of those are expected)."
    if [[ "$warnings" -gt 0 ]]; then
      echo
      echo '```'
      grep -E '^\[[0-9:]+ (WRN|ERR|FTL)\]' "$site_log" | sed -E 's/^\[[0-9:]+ /[/; s/[0-9]+(\.[0-9]+)? ms/N ms/' | cut -c1-300 | sort | uniq -c | sort -rn | head -8
      echo '```'
    fi
  } | tee -a "$REPORT"
}

for size in "${SIZES[@]}"; do
  bench_size "$size"
done

echo
echo "==================================================================== summary"
cat "$REPORT"
