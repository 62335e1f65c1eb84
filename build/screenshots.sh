#!/usr/bin/env bash
# Takes README's screenshots again from the running site (a browser test in Debian's chromium does it) into
# docs/images/: article.png (an article at 375 px) and moderation.png (the moderation queue at 1280 px).
set -euo pipefail
cd "$(dirname "$0")/.."
NEWSPORTAL_SCREENSHOTS="$PWD/docs/images" dotnet test --project tests/NewsPortal.BrowserTests --filter-class '*ReadmeScreenshotTests'
