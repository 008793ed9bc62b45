#!/usr/bin/env bash
# Rebuilds the bundled document faces in templates/fonts/ (one per GB/T 9704 role, see
# templates/fonts/README.md). Sources, all SIL OFL 1.1:
#   body 仿宋       ../shared/fonts/ZhuqueFangsong-Regular.ttf (朱雀仿宋), whole: names need rare characters
#   title 小标宋    Noto Serif CJK SC Bold (Debian fonts-noto-cjk), GB2312 subset
#   heading1 黑体   Noto Sans CJK SC Regular (Debian fonts-noto-cjk), GB2312 subset
#   heading2 楷体   LXGW WenKai Regular (Debian fonts-lxgw-wenkai), GB2312 subset
#   fallback/宋体   Noto Serif CJK SC Regular, whole (built by scripts/build-font.sh)
# Titles and headings are template wording: GB2312 covers them, and a character outside falls back
# per character to the whole Noto Serif face, so subsetting loses nothing a reader would see.
# Needs fonttools (pyftsubset), python3, fonts-noto-cjk, fonts-lxgw-wenkai.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/templates/fonts"
shared=${SHARED_DIR:-"$here/../shared"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/gb2312.txt" <<'PY'
import sys
chars = set()
for b1 in range(0xA1, 0xF8):
    for b2 in range(0xA1, 0xFF):
        try:
            chars.add(bytes([b1, b2]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
chars.update(chr(c) for c in range(0x20, 0x7F))
chars.update('〔〕—…·“”‘’　')
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(sorted(chars)))
PY
subset() { # SRC FONT_NUMBER OUT
  pyftsubset "$1" --font-number="$2" --text-file="$tmp/gb2312.txt" --layout-features='' --no-hinting \
    --name-IDs='*' --name-languages='*' --notdef-outline --output-file="$out/$3"
}
subset /usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc 2 NotoSerifCJKsc-Bold-gb2312.otf
subset /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc 2 NotoSansCJKsc-Regular-gb2312.otf
subset /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf 0 LXGWWenKai-Regular-gb2312.ttf
cp "$shared/fonts/ZhuqueFangsong-Regular.ttf" "$out/ZhuqueFangsong-Regular.ttf"
cp "$shared/fonts/ZhuqueFangsong-OFL.txt" "$out/ZhuqueFangsong-OFL.txt"
ls -la "$out"
