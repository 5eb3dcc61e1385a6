#!/usr/bin/python3
"""The font recipe: subsets of WenQuanYi Micro Hei (Debian package fonts-wqy-microhei) for the page.

  kefu-gb2312.ttf  loaded before the first frame: the base set + every character of GB2312
  kefu-gbk.ttf     loaded lazily after the first frame: the base set + every character of GBK
                   (names such as 喆 赟 玥 堃 彧 昇 are outside GB2312)

The base set is ASCII, Latin-1, general punctuation, arrows and shapes, CJK symbols and
punctuation, full-width forms, U+FFFD, plus the characters listed in extra-chars.txt next to
this script. Characters the font lacks are skipped. ImGui needs no OpenType layout tables or
hinting, so both are dropped. No font file is committed: build-wasm.sh runs this at build time.

Usage: make_fonts.py OUT_DIR [--font PATH.ttc]
"""
import argparse
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

DEFAULT_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
BASE_RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2190, 0x21FF), (0x2460, 0x24FF),
               (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF), (0xFFFD, 0xFFFD)]


def encodable(codec: str) -> set:
    """Every BMP character that the codec can encode (multi-byte: the Chinese part)."""
    chars = set()
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp <= 0xDFFF or 0xE000 <= cp <= 0xF8FF:  # surrogates, private use
            continue
        try:
            chr(cp).encode(codec)
        except UnicodeEncodeError:
            continue
        chars.add(cp)
    return chars


def base_set() -> set:
    chars = set()
    for lo, hi in BASE_RANGES:
        chars.update(range(lo, hi + 1))
    extra = os.path.join(os.path.dirname(os.path.abspath(__file__)), "extra-chars.txt")
    with open(extra, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                chars.update(ord(c) for c in line.strip())
    return chars


def load_font(path: str) -> TTFont:
    if path.lower().endswith((".ttc", ".otc")):
        return TTCollection(path).fonts[0]  # the proportional face; index 1 is the mono one
    return TTFont(path)


def write_subset(font_path: str, chars: set, out_path: str) -> None:
    font = load_font(font_path)
    cmap = font.getBestCmap()
    wanted = sorted(c for c in chars if c in cmap)
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "gasp", "DSIG", "FFTM"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=wanted)
    sub.subset(font)
    tmp = out_path + ".tmp"
    font.save(tmp)
    os.replace(tmp, out_path)
    print(f"{os.path.basename(out_path)}: {len(wanted)} characters, {os.path.getsize(out_path)} bytes")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--font", default=DEFAULT_FONT)
    args = ap.parse_args()
    if not os.path.exists(args.font):
        print(f"make_fonts.py: {args.font} not found (Debian: apt-get install fonts-wqy-microhei)", file=sys.stderr)
        return 1
    os.makedirs(args.out_dir, exist_ok=True)
    base = base_set()
    write_subset(args.font, base | encodable("gb2312"), os.path.join(args.out_dir, "kefu-gb2312.ttf"))
    write_subset(args.font, base | encodable("gbk"), os.path.join(args.out_dir, "kefu-gbk.ttf"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
