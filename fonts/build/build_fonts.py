#!/usr/bin/python3
"""Rebuild taizhang's bundled fonts from Debian's font packages.

Needs: fonts-noto-cjk, fonts-lxgw-wenkai, python3-fonttools (apt-get install).
Run from the repository root:  /usr/bin/python3 fonts/build/build_fonts.py

Each font is subset to GB 2312 plus the characters in fonts/build/extra-chars.txt
(every character of the seeds, the test corpus and the program's own Chinese
text that GB 2312 lacks) plus the symbols below, converted from CFF to TrueType
outlines (Go PDF libraries read only TrueType), and renamed: LXGW WenKai's
licence reserves its name for unmodified fonts, and a renamed subset keeps it
clear that these are not the upstream fonts.
"""
import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

NOTO = "/usr/share/fonts/opentype/noto/"
WENKAI = "/usr/share/fonts/truetype/lxgw-wenkai/"

# (output file, source, family of the face to take from a .ttc or None, new family, style)
FONTS = [
    ("TZSerifSC-Regular.ttf", NOTO + "NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", "TZ Serif SC", "Regular"),
    ("TZSerifSC-Bold.ttf", NOTO + "NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC", "TZ Serif SC", "Bold"),
    ("TZSansSC-Regular.ttf", NOTO + "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", "TZ Sans SC", "Regular"),
    ("TZKai-Regular.ttf", WENKAI + "LXGWWenKai-Regular.ttf", None, "TZ Kai", "Regular"),
]

# Symbols the reports draw besides text: lights, arrows, dashes, circled numbers.
SYMBOLS = (
    "●○■□▲△▼▽◆◇★☆√×÷±≤≥≠≈‰℃№§※→←↑↓—–‒―…·・‘’“”〔〕【】《》〈〉「」『』（）"
    "，。、；：？！～￥％＋－＝＜＞／＼｜＿＆＃＠＊"
    "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ㎡㎞"
)


def gb2312():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def charset(root):
    chars = set(chr(c) for c in range(0x20, 0x7F))
    chars |= set(chr(c) for c in range(0xFF01, 0xFF61))  # full-width forms
    chars |= set(chr(c) for c in range(0x3000, 0x3020))  # CJK punctuation
    chars |= gb2312()
    chars |= set(SYMBOLS)
    with open(os.path.join(root, "fonts/build/extra-chars.txt"), encoding="utf-8") as f:
        chars |= set(c for c in f.read() if not c.isspace())
    return chars


def face(path, family):
    if path.endswith(".ttc"):
        for f in TTCollection(path, lazy=False).fonts:
            if f["name"].getDebugName(1) == family:
                return f
        sys.exit("no face %r in %s" % (family, path))
    return TTFont(path, lazy=False)


def to_truetype(font):
    """Converts CFF outlines to quadratic TrueType ones (fontTools' otf2ttf)."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    for t in ("VORG",):
        if t in font:
            del font[t]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, g in glyf.glyphs.items():
        if hasattr(g, "xMin"):
            hmtx[name] = (hmtx[name][0], g.xMin)
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for k in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, k, 0)
    post = font["post"]
    post.formatType = 3.0
    font.sfntVersion = "\000\001\000\000"


def rename(font, family, style, origin):
    full = family if style == "Regular" else family + " " + style
    ps = family.replace(" ", "") + "-" + style
    names = {
        1: family, 2: style, 3: "taizhang: " + ps, 4: full, 6: ps,
        16: family, 17: style,
        10: "Subset of %s for the taizhang reports, converted to TrueType outlines. "
            "Not the original font." % origin,
    }
    table = font["name"]
    table.names = [n for n in table.names if n.nameID not in names and n.nameID not in (18, 21, 22, 25)]
    for nid, value in names.items():
        table.setName(value, nid, 3, 1, 0x409)
        table.setName(value, nid, 1, 0, 0)


def build(root, out, src, family_in, family, style, chars):
    font = face(src, family_in) if family_in else TTFont(src, lazy=False)
    origin = family_in or font["name"].getDebugName(4)
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG", "DSIG", "JSTF", "MATH"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.glyph_names = False
    s = subset.Subsetter(options=opts)
    s.populate(unicodes=[ord(c) for c in chars])
    s.subset(font)
    if "CFF " in font:
        to_truetype(font)
    rename(font, family, style, origin)
    # Pin the dates so a rebuild gives the same bytes (save() would otherwise
    # stamp head.modified with the current time).
    font["head"].created = font["head"].modified = 3786912000  # 2024-01-01, seconds since 1904
    font.recalcTimestamp = False
    dst = os.path.join(root, "fonts", out)
    font.save(dst + ".tmp")
    os.replace(dst + ".tmp", dst)
    cmap = font.getBestCmap()
    missing = sorted(c for c in chars if ord(c) not in cmap)
    print("%s: %d glyphs, %d bytes; %d requested characters not in %s" % (
        out, len(font.getGlyphOrder()), os.path.getsize(dst), len(missing), origin))
    if missing:
        print("  missing: " + "".join(missing[:80]))


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    chars = charset(root)
    only = sys.argv[1:]
    for out, src, family_in, family, style in FONTS:
        if only and out not in only:
            continue
        build(root, out, src, family_in, family, style, chars)


if __name__ == "__main__":
    main()
