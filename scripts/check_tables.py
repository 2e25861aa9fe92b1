#!/usr/bin/env python3
"""Check the hand-written and generated tables in data/.

Usage (from the repository root): python3 scripts/check_tables.py

Checks, per table: the header comment, the column count, allowed categories,
and rows that collide once folded the way the loader folds them (case,
diacritics, dots and apostrophes inside a token removed, other punctuation
splits tokens; Cyrillic, Arabic and other scripts are compared as written
apart from combining marks, since the transliteration is not reproduced
here). Prints a summary and exits non-zero on errors; collisions with the
same value are reported as warnings. Needs only the Python 3 standard
library; CI (.ci/run) runs it.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLUB_ROLES = {"head", "head-place", "tail", "tail-place", "town", "tail-town"}
CATEGORIES = {"honorific", "military", "royal", "religious", "political",
              "academic", "judicial", "nobility"}
SPECIAL = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d",
           "ð": "d", "þ": "th", "ı": "i"}
APOS = "'’‘ʼʻ`´"


def fold_phrase(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    # dots and apostrophes between word characters join ("S.A.", "O'Brien")
    s = re.sub(r"(?<=\w)[." + APOS + r"](?=\w)", "", s)
    s = re.sub(r"[." + APOS + r"]", " ", s)
    out = []
    for ch in unicodedata.normalize("NFKD", s.lower()):
        if unicodedata.combining(ch):
            continue
        ch = SPECIAL.get(ch, ch)
        out.append(ch if ch.isalnum() else " ")
    return " ".join("".join(out).split())


def rows(path: str):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if not lines or not lines[0].startswith("#"):
        yield 0, None
    for i, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield i, [c.strip() for c in line.split("\t")]


def main() -> int:
    errors = warnings = 0
    spec = {
        "titles.tsv": 2, "particles.txt": 1, "suffixes.tsv": 2,
        "legal_forms.tsv": 2, "org_words.txt": 1, "nicknames.tsv": 2,
        "hypocoristics.tsv": 2,
        "given_names.tsv": None, "given_names_extra.tsv": None,
        "arabic_names.tsv": 2, "korean_surnames.tsv": None,
        "sports_clubs.tsv": 2,
    }
    for name, ncols in spec.items():
        path = os.path.join(ROOT, "data", name)
        if not os.path.exists(path):
            print(f"ERROR {name}: missing"); errors += 1; continue
        seen: dict[str, tuple[int, str]] = {}
        n = 0
        for i, cols in rows(path):
            if cols is None:
                print(f"ERROR {name}: does not start with a header comment"); errors += 1
                continue
            n += 1
            if ncols is None:
                if len(cols) < 2 or not all(cols):
                    print(f"ERROR {name}:{i}: need id and at least one form"); errors += 1
                continue
            if len(cols) != ncols or not all(cols):
                print(f"ERROR {name}:{i}: expected {ncols} non-empty column(s): {cols}"); errors += 1
                continue
            if name == "titles.tsv" and cols[1] not in CATEGORIES:
                print(f"ERROR {name}:{i}: unknown category {cols[1]!r}"); errors += 1
            if name == "sports_clubs.tsv" and cols[1] not in CLUB_ROLES:
                print(f"ERROR {name}:{i}: unknown role {cols[1]!r}"); errors += 1
            key = fold_phrase(cols[0]) if name not in ("nicknames.tsv", "hypocoristics.tsv") else "\t".join(cols)
            if name == "sports_clubs.tsv":
                # a form may have several roles ("Athletic": head-place, tail)
                key += "\t" + cols[1]
            if not key:
                print(f"ERROR {name}:{i}: {cols[0]!r} folds to nothing"); errors += 1
                continue
            value = cols[1] if ncols == 2 else ""
            if key in seen:
                j, other = seen[key]
                level = "WARN " if other == value else "ERROR"
                print(f"{level} {name}:{i}: {cols[0]!r} duplicates line {j} (folded {key!r})"
                      + ("" if other == value else f" with a different value {other!r} != {value!r}"))
                if other == value:
                    warnings += 1
                else:
                    errors += 1
            else:
                seen[key] = (i, value)
        print(f"{name}: {n} rows, {os.path.getsize(path)} bytes")
    print(f"{errors} errors, {warnings} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
