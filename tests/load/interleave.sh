#!/usr/bin/env bash
# The article page and the photo story, each against nginx serving the same bytes from a file, measured in turn for
# a number of short rounds, so that load from other processes on a shared machine falls on all four alike; prints one
# row per round and the medians. Runs on what `bash tests/load/run.sh --only small --keep` left behind (its published
# site, small database and media folder; the script's last line names the folder).
#
#   bash tests/load/interleave.sh /tmp/newsportal-load.XXXXXX [--rounds 6] [--duration 5s] [--port 5199]
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[[ $# -ge 1 && "$1" != -h && "$1" != --help ]] || { usage; exit 2; }
KEPT="$1"; shift
ROUNDS=6
DURATION=5s
PORT=5199
parse_options --rounds=ROUNDS --duration=DURATION --port=PORT -- "$@"

DB="$KEPT/small.db"
[[ -x "$KEPT/site/NewsPortal.Web" && -f "$DB" && -d "$KEPT/media" ]] \
  || { echo "$KEPT is not a folder run.sh --only small --keep left (site/, small.db, media/)" >&2; exit 1; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x "$NGINX" ]] || { echo "needs nginx" >&2; exit 1; }
STATIC_PORT=$((PORT + 1))

# nginx's workers may run as another user: the pages live in a folder they can read.
WORK=$(mktemp -d /tmp/newsportal-interleave.XXXXXX)
chmod 755 "$WORK"
mkdir -p "$WORK/temp"
SITE_PID=""
NGINX_PID=""
cleanup() {
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  [[ -n "$SITE_PID" ]] && kill "$SITE_PID" 2>/dev/null && wait "$SITE_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

SITE="http://127.0.0.1:$PORT"
(cd "$KEPT/site" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__NewsPortal="Data Source=$DB" \
  Site__PublicUrl="$SITE" Weather__Enabled=false Media__Root="$KEPT/media" ./NewsPortal.Web --urls "$SITE") >"$WORK/site.log" 2>&1 &
SITE_PID=$!
wait_until_ready "$SITE" "$WORK/site.log" 120 "$SITE_PID"

ARTICLE=/news/bench-article-20-comments
PHOTO=$(sqlite3 "$DB" "SELECT '/news/' || Slug FROM Articles WHERE Status = 2 AND HeroImageUrl LIKE '/media/%' AND BodyHtml LIKE '%src=\"/media/%' ORDER BY PublishedAt DESC LIMIT 1;")
[[ -n "$PHOTO" ]] || { echo "the database has no photo story (was it made with --media?)" >&2; exit 1; }
curl -fs -o "$WORK/article.html" "$SITE$ARTICLE"
curl -fs -o "$WORK/photo.html" "$SITE$PHOTO"
chmod 644 "$WORK"/*.html

static_nginx_conf "$WORK" "$WORK" "$STATIC_PORT" \
  'location = /article { default_type text/html; try_files /article.html =404; }' \
  'location = /photo { default_type text/html; try_files /photo.html =404; }' >"$WORK/nginx.conf"
("$NGINX" -p "$WORK/" -c "$WORK/nginx.conf" -e "$WORK/error.log") >"$WORK/nginx.out" 2>&1 &
NGINX_PID=$!
STATIC="http://127.0.0.1:$STATIC_PORT"
ready=""
for _ in $(seq 1 50); do
  curl -fs -o /dev/null "$STATIC/photo" 2>/dev/null && { ready=1; break; }
  sleep 0.1
done
[[ -n "$ready" ]] || { echo "nginx did not answer:" >&2; cat "$WORK/nginx.out" "$WORK/error.log" >&2; exit 1; }

URLS=("$SITE$ARTICLE" "$STATIC/article" "$SITE$PHOTO" "$STATIC/photo")
for url in "${URLS[@]}"; do
  timeout 60 wrk -t2 -c8 -d3s "$url" >/dev/null
done

rps() { timeout 120 wrk -t2 -c32 -d"$DURATION" "$1" | awk '/^Requests\/sec:/ {printf "%.0f", $2}'; }
# median [printf format]: of the numbers on stdin.
median() { sort -g | awk -v f="${1:-%.2f}" '{v[NR] = $1} END {if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf f, m}'; }

echo "photo story $PHOTO: $(stat -c %s "$WORK/photo.html") bytes; article $ARTICLE: $(stat -c %s "$WORK/article.html") bytes"
echo "wrk -t2 -c32 -d$DURATION per cell, $ROUNDS rounds"
echo
echo "| round | article req/s | nginx, its bytes | photo story req/s | nginx, its bytes | article / nginx | photo story / nginx | load average |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
declare -a A SA P SP
for round in $(seq 1 "$ROUNDS"); do
  a=$(rps "${URLS[0]}"); sa=$(rps "${URLS[1]}"); p=$(rps "${URLS[2]}"); sp=$(rps "${URLS[3]}")
  A+=("$a"); SA+=("$sa"); P+=("$p"); SP+=("$sp")
  echo "| $round | $a | $sa | $p | $sp | $(awk -v x="$a" -v y="$sa" 'BEGIN {printf "%.2f", (y > 0 ? x / y : 0)}') |" \
    "$(awk -v x="$p" -v y="$sp" 'BEGIN {printf "%.2f", (y > 0 ? x / y : 0)}') | $(cut -d' ' -f1 /proc/loadavg) |"
done
ratios() { local -n xs=$1 ys=$2; local i; for i in "${!xs[@]}"; do awk -v x="${xs[$i]}" -v y="${ys[$i]}" 'BEGIN {print (y > 0 ? x / y : 0)}'; done; }
echo
echo "medians: article $(printf '%s\n' "${A[@]}" | median %.0f) req/s, photo story $(printf '%s\n' "${P[@]}" | median %.0f) req/s;" \
  "against nginx serving the same bytes: article $(ratios A SA | median), photo story $(ratios P SP | median)"
