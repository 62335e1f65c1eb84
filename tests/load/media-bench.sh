#!/usr/bin/env bash
# NewsPortal media benchmark: publishes the site in Release and starts it as in production on 127.0.0.1 with a fresh
# SQLite database and media folder and the sample content, whose six generated 3000×2000 JPEGs are made into every
# variant at the first start. Then it signs in, measures the idle memory, uploads four of those photographs at once
# (four concurrent requests) and samples the process's resident memory every 50 ms until all four are processed.
# Prints the time each 3000×2000 image took to become 13 variants (widths 480/800/1200/1600 in AVIF, WebP and JPEG,
# and the 1200×630 crop), and idle, peak and peak-minus-idle RSS.
#
#   bash tests/load/media-bench.sh [--port 5199] [--publish DIR] [--keep]
#   --publish: use a Release publish made earlier (dotnet publish src/NewsPortal.Web -c Release -o DIR).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PORT=5199
PUBLISH=""
KEEP=0
parse_options --port=PORT --publish=PUBLISH --keep=KEEP=1 -- "$@"

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d /tmp/newsportal-media-bench.XXXXXX)"
SITE_PID=""
cleanup() {
  if [[ -n "$SITE_PID" ]] && kill -0 "$SITE_PID" 2>/dev/null; then kill "$SITE_PID"; wait "$SITE_PID" 2>/dev/null || true; fi
  if [[ "$KEEP" == 0 ]]; then rm -rf "$WORK"; else echo "Kept $WORK"; fi
}
trap cleanup EXIT

if [[ -z "$PUBLISH" ]]; then
  echo "Publishing (Release)…"
  dotnet publish "$ROOT/src/NewsPortal.Web/NewsPortal.Web.csproj" -c Release -o "$WORK/publish" --disable-build-servers >"$WORK/publish.log" 2>&1
  PUBLISH="$WORK/publish"
fi

BASE="http://127.0.0.1:$PORT"
EMAIL=media-bench@newsportal.test
PASSWORD=Media-bench-password-1
echo "Starting the site (first start generates and processes the sample photographs)…"
(
  cd "$PUBLISH"
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$BASE" \
  ConnectionStrings__NewsPortal="Data Source=$WORK/news.db" Database__Provider=Sqlite \
  Media__Root="$WORK/media" Site__PublicUrl="$BASE" Weather__Enabled=false \
  Admin__Email="$EMAIL" Admin__Password="$PASSWORD" Seed__SampleContent=true Seed__SamplePhotos=true \
  exec dotnet NewsPortal.Web.dll
) >"$WORK/site.log" 2>&1 &
SITE_PID=$!
# The subshell execs dotnet, so $! is the site's own pid.
wait_until_ready "$BASE" "$WORK/site.log" 300 "$SITE_PID"

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$SITE_PID/status"; }
made_count() { grep -c "made into .* variants in" "$WORK/site.log" || true; }

# Sign in as the administrator (antiforgery token and cookies, as a browser does).
JAR="$WORK/cookies"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/'; }
LOGIN_TOKEN="$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/account/login" | token)"
curl -fsS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Email=$EMAIL" --data-urlencode "Password=$PASSWORD" \
  --data-urlencode "__RequestVerificationToken=$LOGIN_TOKEN" "$BASE/account/login"
UPLOAD_TOKEN="$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/admin/media" | token)"
[[ -n "$UPLOAD_TOKEN" ]] || { echo "Could not sign in (no upload form)"; exit 1; }

# Warm the reader pages, then let the process settle before reading its idle size.
for path in / /admin/media "/news/twelve-coastal-nations-sign-pact-to-protect-the-halver-sea"; do
  for _ in 1 2 3 4 5; do curl -fsS -o /dev/null -b "$JAR" "$BASE$path"; done
done
sleep 5
IDLE_KB="$(rss_kb)"

mapfile -t PHOTOS < <(find "$WORK/media/originals" -name '*.jpg' | sort | head -4)
[[ "${#PHOTOS[@]}" == 4 ]] || { echo "Expected the sample photographs in $WORK/media/originals"; exit 1; }
BEFORE="$(made_count)"
PEAK_KB="$IDLE_KB"
for i in 0 1 2 3; do
  curl -fsS -o /dev/null -b "$JAR" -F "__RequestVerificationToken=$UPLOAD_TOKEN" -F "files=@${PHOTOS[$i]};filename=bench-$i.jpg" "$BASE/admin/media" &
done
DEADLINE=$((SECONDS + 300))
while (( $(made_count) < BEFORE + 4 )); do
  now="$(rss_kb)"; (( now > PEAK_KB )) && PEAK_KB="$now"
  (( SECONDS < DEADLINE )) || { echo "The four uploads were not processed within 300 s"; tail -20 "$WORK/site.log"; exit 1; }
  sleep 0.05
done
wait $(jobs -p | grep -v "^$SITE_PID$") 2>/dev/null || true
now="$(rss_kb)"; (( now > PEAK_KB )) && PEAK_KB="$now"

mapfile -t TIMES < <(grep -o "3000×2000 made into [0-9]* variants in [0-9]* ms" "$WORK/site.log" | awk '{ print $(NF-1) }')
SORTED="$(printf '%s\n' "${TIMES[@]}" | sort -n)"
echo
echo "| measure | value |"
echo "| --- | --- |"
echo "| 3000×2000 JPEG to 13 variants, per image (${#TIMES[@]} images: 6 at seeding, 4 uploaded at once) | min $(echo "$SORTED" | head -1) ms, median $(echo "$SORTED" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }') ms, max $(echo "$SORTED" | tail -1) ms |"
echo "| site RSS, idle (signed in, pages warmed) | $((IDLE_KB / 1024)) MB |"
echo "| site RSS, peak while 4 uploads are taken and processed | $((PEAK_KB / 1024)) MB |"
echo "| peak above idle | $(((PEAK_KB - IDLE_KB) / 1024)) MB |"
echo "| cores | $(nproc) |"
