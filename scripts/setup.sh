#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian/Ubuntu machine, then the npm packages from the lock.
#   bash scripts/setup.sh          (as root, or with sudo available)
# System packages: Chromium (end-to-end tests drive the renderer in it), Noto CJK fonts (Chinese in
# screenshots and PDFs), poppler (pdftotext/pdffonts checks), LibreOffice Writer and fonttools
# (rendering DOCX files as a reader sees them).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium fonts-noto-cjk fonts-arphic-ukai poppler-utils libreoffice-writer-nogui fonttools)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "setup: please install ${missing[*]} with your system's package manager" >&2
  fi
fi

# npm runs no dependency install scripts here (.npmrc), so the Electron runtime, which comes from
# outside the npm registry, is never fetched by the install; `npm start` or `npm run electron:fetch`
# fetch it where it can be had. Tests run the renderer in Chromium, and the real-Electron tests skip
# with a reason when it is absent. The variable also keeps `npm start` from trying on CI.
ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}" npm ci --no-audit --no-fund
