#!/usr/bin/env bash
# Rebuilds templates/fonts/NotoSerifCJKsc-Regular.otf: the Simplified Chinese face of Noto Serif CJK
# (OFL 1.1, covers all of GBK incl. name characters 喆 堃 赟 昇 珺 淼) extracted whole from Debian's
# collection, because pdfmake cannot reuse a TTC across documents. Needs fonts-noto-cjk, fonttools.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc}
pyftsubset "$src" --font-number=2 --glyphs='*' --unicodes='*' --layout-features='*' --name-IDs='*' \
  --name-languages='*' --notdef-outline --output-file="$here/templates/fonts/NotoSerifCJKsc-Regular.otf"
ls -la "$here/templates/fonts/NotoSerifCJKsc-Regular.otf"
