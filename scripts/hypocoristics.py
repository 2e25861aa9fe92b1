#!/usr/bin/env python3
"""Generate data/hypocoristics.tsv: Russian hypocoristics and their full names.

Source: the PyPI package ``name_recognize==0.1.0`` (MIT, per its package
classifier) ships ``name_recognize/names_ru.csv`` with rows
``form,full name`` mapping Russian given names as people write them (full
names, diminutives such as лиза, дима, коля, володя, катя) to the full name
in Cyrillic.

Usage (from the repository root):

    python3 scripts/hypocoristics.py              # downloads the wheel with pip
    python3 scripts/hypocoristics.py PATH         # PATH = the .whl or names_ru.csv
    python3 scripts/hypocoristics.py --out FILE   # default data/hypocoristics.tsv

Policy (deterministic):

* only rows whose two fields are different Cyrillic words are kept (the
  source also maps Latin spellings and foreign equivalents such as
  matthew -> матвей, which are not hypocoristics);
* a pair whose two words are one edit apart (кирилл/кирил, сергей/сегей,
  даниил/данил) is a spelling variant or a slip, which the comparison of
  parts handles, not a hypocoristic: skipped;
* each kept pair gives the row ``full<TAB>diminutive`` in Cyrillic (the
  loader transliterates it), plus the Latin romanisations of both words
  that data/given_names.tsv lists: a Latin form of a group that also holds
  the Cyrillic word, and that equals the word's transliteration once both
  are compared loosely (sh/s, zh/z, kh/h, ts/c, y/j/i, i before a vowel and
  doubled letters are not told apart). So елизавета -> лиза also gives
  yelizaveta -> liza and jelizaveta -> liza, but not elizabeth -> liza;
* rows are name<TAB>nickname like data/nicknames.tsv, sorted, without
  duplicates. The loader reads this table as more nicknames: a row is weaker
  evidence than a variant group and never joins two full names.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import sys
import unicodedata
from collections import defaultdict

from wheel_source import read_member

PACKAGE = "name_recognize==0.1.0"
MEMBER = "name_recognize/names_ru.csv"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}


def cyrillic(word: str) -> bool:
    return bool(word) and all("\u0400" <= c <= "\u04ff" for c in word)


def latin_key(form: str) -> str | None:
    """Lower-case ASCII letters of a Latin form, or None for another script."""
    s = unicodedata.normalize("NFKD", form.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ł", "l").replace("ß", "ss")
    s = re.sub(r"[\s'’\-.]", "", s)
    return s if s and s.isascii() and s.isalpha() else None


def loose(latin: str) -> str:
    """A coarse key under which the common romanisations of one Cyrillic
    spelling agree (Yelizaveta / Elizaveta / Jelizaveta / Ielizaveta)."""
    s = latin
    for a, b in (("shch", "s"), ("sch", "s"), ("tsch", "c"), ("tch", "c"), ("sh", "s"),
                 ("ch", "c"), ("zh", "z"), ("kh", "h"), ("ts", "c"), ("tz", "c"),
                 ("w", "v"), ("x", "ks"), ("y", "i"), ("j", "i")):
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    for a, b in (("ia", "a"), ("iu", "u"), ("io", "o"), ("ie", "e")):
        s = s.replace(a, b)
    return s


def edits(a: str, b: str) -> int:
    """Levenshtein distance."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def translit(word: str) -> str:
    return "".join(CYR.get(c, c) for c in word)


def read_source(path: str | None) -> tuple[str, str]:
    """Return (text of the source file, description of where it came from)."""
    return read_member(PACKAGE, MEMBER, path)


def romanisations(groups_path: str) -> dict[str, set[str]]:
    """Cyrillic form -> the Latin forms of its groups that romanise it."""
    out: dict[str, set[str]] = defaultdict(set)
    with open(groups_path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            forms = line.rstrip("\n").split("\t")[1:]
            latins = [k for k in (latin_key(x) for x in forms) if k]
            for form in forms:
                cyr = form.lower()
                if not cyrillic(cyr):
                    continue
                want = loose(translit(cyr))
                out[cyr].update(k for k in latins if loose(k) == want)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", nargs="?", help="name_recognize wheel or names_ru.csv")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "hypocoristics.tsv"))
    args = ap.parse_args()

    text, origin = read_source(args.source)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    pairs: set[tuple[str, str]] = set()
    source_rows = slips = 0
    for row in reader:
        if len(row) != 2:
            continue
        source_rows += 1
        dim, full = (c.strip().lower().replace("ё", "е") for c in row)
        if not (cyrillic(dim) and cyrillic(full)):
            continue
        if dim == full:
            continue
        if edits(dim, full) <= 1:
            slips += 1
            continue
        pairs.add((full, dim))

    roman = romanisations(os.path.join(ROOT, "data", "given_names.tsv"))
    rows: set[tuple[str, str]] = set()
    for full, dim in pairs:
        fulls = {full} | roman.get(full, set())
        dims = {dim} | roman.get(dim, set())
        for a in fulls:
            for b in dims:
                if a != b:
                    rows.add((a, b))
    out = sorted(rows)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(
            f"# generated by scripts/hypocoristics.py from {PACKAGE} ({MEMBER}, MIT) and the\n"
            "# romanisations listed in data/given_names.tsv — do not edit\n"
            "# Russian given names and their hypocoristics (Yelizaveta -> Liza), one pair a row.\n"
            "# Read as nicknames: weaker evidence than data/given_names.tsv.\n"
            "# columns: name<TAB>nickname\n"
        )
        for a, b in out:
            f.write(f"{a}\t{b}\n")
    print(f"source: {origin} (header {header}), {source_rows} rows, "
          f"{len(pairs)} Cyrillic hypocoristic pairs, {slips} spellings or slips "
          "one edit apart skipped")
    print(f"written: {os.path.relpath(args.out, ROOT)}: {len(out)} rows, "
          f"{os.path.getsize(args.out)} bytes")
    for full, dim in (("елизавета", "лиза"), ("дмитрий", "дима"), ("николай", "коля")):
        ok = (full, dim) in pairs
        print(f"check {full} -> {dim}: {'ok' if ok else 'MISSING'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
