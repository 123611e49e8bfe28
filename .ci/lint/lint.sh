#!/usr/bin/env bash
# Lints the spec with Spectral (spectral:oas) and Redocly (recommended); any warning fails.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
spec="$here/../../openapi/impact-api-submissions.yaml"
cd "$here"
if [ ! -x node_modules/.bin/spectral ] || [ ! -x node_modules/.bin/redocly ]; then
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
node_modules/.bin/spectral lint "$spec" --ruleset .spectral.yaml --fail-severity warn
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true node_modules/.bin/redocly lint "$spec" --config redocly.yaml --max-problems 50 --format stylish
