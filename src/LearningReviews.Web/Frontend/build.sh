#!/usr/bin/env bash
# Builds the front-end assets into ../wwwroot. Commit the output: the app
# runs with only the .NET SDK and doesn't need Node.js or npm.
#
#   src/LearningReviews.Web/Frontend/build.sh
#
# Output:
#   wwwroot/css/app.css                     GOV.UK Frontend + our brand (compressed Sass)
#   wwwroot/css/GOVUK-FRONTEND-LICENCE.txt  GOV.UK Frontend's MIT licence
#   wwwroot/js/govuk-frontend.min.js        GOV.UK Frontend's ES module bundle
#
# Not copied on purpose: GOV.UK Frontend's assets folder (the GDS Transport
# fonts, the crown/crest images, favicons and manifest). They're reserved for
# GOV.UK. Our favicon is wwwroot/favicon.svg.
#
# Needs Node.js >= 20.19 (sass 1.108 needs it). See
# docs/decisions/0002-neutral-govuk-frontend-brand.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$here/../wwwroot"
wwwroot="$(cd "$here/../wwwroot" && pwd)"
govuk="$here/node_modules/govuk-frontend"

cd "$here"

# Exact versions come from package-lock.json. Neither package needs install
# scripts (sass's optional file watcher is only for --watch).
npm ci --include=dev --ignore-scripts --no-audit --no-fund

version="$(node -p "require('./node_modules/govuk-frontend/package.json').version")"
echo "GOV.UK Frontend $version"

mkdir -p "$wwwroot/css" "$wwwroot/js"

# 1. Stylesheet
npx --no-install sass --no-source-map --style=compressed --load-path=node_modules \
  styles/app.scss "$wwwroot/css/app.css"

# 2. JavaScript: GOV.UK Frontend's ES module bundle, with a licence banner
#    and without the sourceMappingURL comment (we don't ship the .map file,
#    so it would only be a 404 in browser dev tools).
{
  printf '/*! GOV.UK Frontend %s | MIT licence | Copyright (C) 2017 Crown Copyright (Government Digital Service) | See /css/GOVUK-FRONTEND-LICENCE.txt */\n' "$version"
  sed -e 's~//# sourceMappingURL=[^[:space:]]*~~' "$govuk/dist/govuk/govuk-frontend.min.js"
} > "$wwwroot/js/govuk-frontend.min.js"

# 3. Licence. The npm package doesn't include its LICENSE file (6.6.0 at
#    least), so use the package's copy if there is one, otherwise the copy of
#    https://github.com/alphagov/govuk-frontend/blob/main/LICENSE.txt kept
#    next to this script.
licence="$(find "$govuk" -maxdepth 1 -iname 'licen[cs]e*' | head -n 1)"
cp "${licence:-$here/GOVUK-FRONTEND-LICENCE.txt}" "$wwwroot/css/GOVUK-FRONTEND-LICENCE.txt"

# 4. Checks: no GDS Transport, and every url(...) in the CSS is a file we ship.
css="$wwwroot/css/app.css"
if grep -q "GDS Transport" "$css"; then
  echo "error: app.css mentions GDS Transport" >&2
  exit 1
fi
status=0
while IFS= read -r ref; do
  target="${ref#url(}"; target="${target%)}"
  target="${target#[\"\']}"; target="${target%[\"\']}"
  case "$target" in
    data:*|\#*) continue ;;
    /*) file="$wwwroot$target" ;;
    *) file="$wwwroot/css/$target" ;;
  esac
  if [ ! -f "${file%%[?#]*}" ]; then
    echo "error: app.css refers to $target, which isn't in wwwroot" >&2
    status=1
  fi
done < <(grep -o 'url([^)]*)' "$css" || true)
exit "$status"
