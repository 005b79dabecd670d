#!/usr/bin/python3
"""Adds to fonts/build/extra-chars.txt every character of the given files that
GB 2312 lacks (run it on new seeds or corpus documents, then build_fonts.py).

  /usr/bin/python3 fonts/build/collect_chars.py seeds/*.txt ../shared/corpus/docs/*.txt $(git ls-files '*.go')
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from build_fonts import gb2312  # noqa: E402


def read(path):
    data = open(path, "rb").read()
    # UTF-16 only with a BOM: almost any even-length GBK file also decodes
    # as UTF-16, into nonsense characters.
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return ""


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    path = os.path.join(root, "fonts/build/extra-chars.txt")
    have = set(open(path, encoding="utf-8").read()) if os.path.exists(path) else set()
    known = gb2312()
    for f in sys.argv[1:]:
        for c in read(f):
            if ord(c) >= 0x2000 and c not in known and c.isprintable():
                have.add(c)
    have = sorted(c for c in have if not c.isspace())
    lines = ["".join(have[i:i + 40]) for i in range(0, len(have), 40)]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("%d extra characters" % len(have))


if __name__ == "__main__":
    main()
