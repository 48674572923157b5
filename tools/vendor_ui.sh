#!/usr/bin/env bash
# Vendor the web UI's front-end libraries (pinned in ui/package-lock.json) into the package's static
# folder, so `dateline serve` never fetches anything from a CDN at run time. Run at build time (make ui);
# the UI still works without them, with plain lists instead of the timeline, chart and network.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/src/dateline/api/static/vendor"
cd "$root/ui"
npm ci --ignore-scripts --no-audit --no-fund
mkdir -p "$out"
nm="$root/ui/node_modules"
cp "$nm/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js" "$out/"
cp "$nm/vis-timeline/styles/vis-timeline-graph2d.min.css" "$out/"
cp "$nm/vis-network/standalone/umd/vis-network.min.js" "$out/"
cp "$nm/chart.js/dist/chart.umd.min.js" "$out/"
cp "$nm/swagger-ui-dist/swagger-ui-bundle.js" "$nm/swagger-ui-dist/swagger-ui.css" "$out/"
# Licences travel with the code they cover.
cp "$nm/vis-timeline/LICENSE.md" "$out/LICENSE.vis-timeline.md"
cp "$nm/vis-network/LICENSE-APACHE-2.0" "$out/LICENSE.vis-network.txt" 2>/dev/null || cp "$nm/vis-network/LICENSE"* "$out/LICENSE.vis-network.txt"
cp "$nm/chart.js/LICENSE.md" "$out/LICENSE.chart.js.md"
cp "$nm/swagger-ui-dist/LICENSE" "$out/LICENSE.swagger-ui.txt"
echo "vendored into $out:"
ls "$out"
