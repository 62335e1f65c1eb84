#!/usr/bin/env bash
# Lighthouse (mobile settings) on the front page and the sample photo story (a hero photograph and three in its body),
# against the Release build in Production on a fresh SQLite database and media folder with the sample content and its
# generated photographs. Prints the four category scores for each page, then the photo story's metrics and weight.
#   bash tests/quality/lighthouse.sh            (needs Debian's chromium and Node 20; installs lighthouse@12.2.3)
#   LIGHTHOUSE_FLAGS='--screenEmulation.deviceScaleFactor=4' bash tests/quality/lighthouse.sh
#     (extra lighthouse flags: a 4x screen asks the photos' widest variants, the heaviest a phone can be sent)
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/load/lib.sh

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
  Media__Root="$work/media" \
  Site__PublicUrl="http://127.0.0.1:$port" \
  Weather__Enabled=false \
  exec dotnet NewsPortal.Web.dll --urls "http://127.0.0.1:$port" >"$work/site.log" 2>&1) &
site_pid=$!

# The first start generates and processes the six sample photographs before it is ready: allow it three minutes.
wait_until_ready "http://127.0.0.1:$port" "$work/site.log" 180 "$site_pid"

# The photo story is the newest sample article, the front page's lead. Make sure it is what this script is for.
article=$(curl -fs "http://127.0.0.1:$port/" | grep -o 'href="/news/[^"#]*"' | head -1 | sed 's/href="//;s/"$//')
page=$(curl -fs "http://127.0.0.1:$port$article")
pictures=$(grep -o '<picture' <<<"$page" | wc -l)
tr -d '\n' <<<"$page" | grep -q '<figure class="hero">[[:space:]]*<picture' && [ "$pictures" -ge 4 ] \
  || { echo "$article is not the photo story (a hero <picture> and three in the body; $pictures pictures): was Seed:SamplePhotos off?" >&2; exit 1; }

printf '| page | Performance | Accessibility | Best Practices | SEO |\n| --- | --- | --- | --- | --- |\n'
for path in / "$article"; do
  # shellcheck disable=SC2086 # LIGHTHOUSE_FLAGS is a list of flags
  "$tools/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$path" \
    --quiet --output=json --output-path="$work/report.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    ${LIGHTHOUSE_FLAGS:-} \
    >/dev/null 2>"$work/lighthouse.err" || { cat "$work/lighthouse.err" >&2; exit 1; }
  node -e '
    const r = require(process.argv[1]);
    const s = k => Math.round(r.categories[k].score * 100);
    const failed = Object.values(r.audits).filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary").map(a => a.id);
    console.log(`| ${process.argv[2]} | ${s("performance")} | ${s("accessibility")} | ${s("best-practices")} | ${s("seo")} |`);
    for (const id of failed) console.error(`  ${process.argv[2]}: ${id}: ` + JSON.stringify((r.audits[id].details || {}).items || []).slice(0, 600));
  ' "$work/report.json" "$path"
  cp "$work/report.json" "$work/report-${path//\//_}.json"
done

# What the photo story's score rests on: the metrics, and what the phone was sent (the images' formats and sizes).
node -e '
  const r = require(process.argv[1]);
  const a = r.audits;
  const m = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]
    .map(id => `${a[id].title} ${a[id].displayValue}`).join(", ");
  const requests = a["network-requests"].details.items;
  const images = requests.filter(i => i.resourceType === "Image" && i.url.includes("/media/"));
  const kb = n => (n / 1024).toFixed(1);
  console.log(`\nphoto story (${r.configSettings.formFactor}, ${r.configSettings.screenEmulation.width} px at ${r.configSettings.screenEmulation.deviceScaleFactor}x, ${r.configSettings.throttlingMethod} throttling): ${m}.`);
  console.log(`${requests.length} requests, ${kb(requests.reduce((t, i) => t + i.transferSize, 0))} KB in all; ${images.length} photographs: ` +
    images.map(i => `${i.mimeType} ${kb(i.transferSize)} KB (${i.priority})`).join(", ") + ".");
' "$work/report-${article//\//_}.json"
