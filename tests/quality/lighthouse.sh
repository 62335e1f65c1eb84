#!/usr/bin/env bash
# Lighthouse (mobile settings) on the front page and an article, against the Release build in Production on a
# fresh SQLite database with the sample content. Prints the four category scores for each page.
#   bash tests/quality/lighthouse.sh            (needs Debian's chromium and Node 20; installs lighthouse@12.2.3)
set -euo pipefail
cd "$(dirname "$0")/../.."

port=${PORT:-5091}
work=$(mktemp -d)
site_pid=""
cleanup() {
  if [ -n "$site_pid" ]; then kill "$site_pid" 2>/dev/null || true; wait "$site_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME_PATH" ] || { echo "Chromium not found at $CHROME_PATH (apt-get install -y chromium)" >&2; exit 1; }

tools="${XDG_CACHE_HOME:-$HOME/.cache}/newsportal-lighthouse"
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error lighthouse@12.2.3 >/dev/null
fi

dotnet publish src/NewsPortal.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
# Run from the app's folder, as operators do: the content root (wwwroot, static asset manifest) is the working directory.
(cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__NewsPortal="Data Source=$work/lighthouse.db" \
  Site__PublicUrl="http://127.0.0.1:$port" \
  Weather__Enabled=false \
  exec dotnet NewsPortal.Web.dll --urls "http://127.0.0.1:$port" >"$work/site.log" 2>&1) &
site_pid=$!

for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/healthz/ready" >/dev/null 2>&1 && break
  sleep 0.5
done

article=$(curl -fs "http://127.0.0.1:$port/" | grep -o 'href="/news/[^"#]*"' | head -1 | sed 's/href="//;s/"$//')
printf '| page | Performance | Accessibility | Best Practices | SEO |\n| --- | --- | --- | --- | --- |\n'
for path in / "$article"; do
  "$tools/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$path" \
    --quiet --output=json --output-path="$work/report.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    >/dev/null 2>"$work/lighthouse.err" || { cat "$work/lighthouse.err" >&2; exit 1; }
  node -e '
    const r = require(process.argv[1]);
    const s = k => Math.round(r.categories[k].score * 100);
    const failed = Object.values(r.audits).filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary").map(a => a.id);
    console.log(`| ${process.argv[2]} | ${s("performance")} | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} |`);
    for (const id of failed) console.error(`  ${process.argv[2]}: ${id}: ` + JSON.stringify((r.audits[id].details || {}).items || []).slice(0, 600));
  ' "$work/report.json" "$path"
done
