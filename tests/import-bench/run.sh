#!/usr/bin/env bash
# Import benchmark: generates an export (default 100,000 posts, 1,000,000 comments), imports it into a fresh SQLite
# database through the published entry point, and prints comments a second and the peak resident memory.
# Usage: tests/import-bench/run.sh [POSTS] [COMMENTS]     (targets: >= 2,000 comments/s, < 300 MB)
set -euo pipefail
posts=${1:-100000}
comments=${2:-1000000}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish "$root/src/NewsPortal.Web" -c Release -o "$work/app" -v q --nologo >/dev/null
python3 "$root/tests/import-bench/generate_wxr.py" "$posts" "$comments" "$work/export.xml"
echo "export: $(du -h "$work/export.xml" | cut -f1), $posts posts, $comments comments"
start=$(date +%s.%N)
ASPNETCORE_ENVIRONMENT=Production Site__PublicUrl=http://localhost Weather__Enabled=false \
ConnectionStrings__NewsPortal="Data Source=$work/bench.db" \
  /usr/bin/time -v -o "$work/time.txt" dotnet "$work/app/NewsPortal.Web.dll" import wordpress "$work/export.xml" > "$work/out.txt"
end=$(date +%s.%N)
tail -n 8 "$work/out.txt"
seconds=$(echo "$end - $start" | bc)
peak_kb=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
printf 'wall time: %.1f s\ncomments a second: %.0f\npeak RSS: %.0f MB\n' "$seconds" "$(echo "$comments / $seconds" | bc -l)" "$(echo "$peak_kb / 1024" | bc -l)"
