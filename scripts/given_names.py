#!/usr/bin/env python3
"""Generate data/given_names.tsv from the person-name groups shipped by rigour.

Source: the PyPI package ``rigour==1.8.2`` (MIT, OpenSanctions) ships
``rigour/data/names/persons.txt``, a list of Wikidata-derived name groups, one
per line: ``form, form, ... => Qid``. Each group holds the spellings,
transliterations and native-script forms of one given name or family name.

Usage (from the repository root):

    python3 scripts/given_names.py                 # downloads the wheel with pip
    python3 scripts/given_names.py PATH            # PATH = the .whl or persons.txt
    python3 scripts/given_names.py --out FILE      # write elsewhere (default data/given_names.tsv)

Output rows: ``id<TAB>form<TAB>form...``, sorted by id (numeric Qid order),
forms in their original spelling (NFC) ordered by preference.

Filtering policy (all deterministic):

* scripts: a form is kept only if all its letters are Latin, Cyrillic, Arabic
  or Hebrew. Han, kana, Hangul, Greek, Indic and other scripts are dropped
  (they are over a third of the source's bytes, the Han forms in particular
  are grouped by reading, so a surname group lists dozens of unrelated
  characters, and Greek-script names are rare in our inputs; dropping Greek
  keeps the table under 4 MB);
* a form containing a digit is dropped (romanisations with tone numbers,
  such as ``ping4``); so is a form containing no letter;
* each form gets a comparison key: NFKD, combining marks removed, lower case,
  ß->ss æ->ae œ->oe ø->o ł->l đ->d ð->d þ->th ı->i, apostrophes and modifier
  letters, hyphens, spaces and other separators removed. This mirrors the
  loader, which glues the tokens of a form (``Abd al-Latif`` -> ``abdallatif``),
  so ``abd al-rahman`` and ``abdalrahman`` are one form;
* forms whose key has fewer than 2 letters are dropped;
* forms with the same key inside a group are merged; the representative
  original is the ASCII one if there is one, else the shortest, then the
  lexicographically smallest;
* a group must keep at least 2 distinct keys and at least one Latin form,
  otherwise it is dropped;
* Chinese reading lists: a group with a Latin form carrying tone digits or
  tone marks (``huang²``, ``ping4``, ``gongˇ``) is a list of readings of one
  character across Mandarin, Cantonese, Hokkien, Hakka, Vietnamese and old
  romanisations. Readings diverge so far (Q804988 joins chen, tan, tran,
  deng, ding; Q3570980 joins xie, dare, dear, shea) that such a group is
  dropped when it keeps more than MAX_READINGS (8) Latin forms; small ones
  (hsu/xu, chi-keung/zhiqiang) are kept without their toned forms;
* at most MAX_FORMS (40) forms per group. Ranking: Latin before other scripts,
  then keys that more source spellings collapsed into (a stand-in for
  frequency, which the source does not give), then shorter, then
  alphabetical. Forms past the cap are dropped.

The script then checks that a few well-known variant sets end up in one group,
counting the hand-written data/given_names_extra.tsv as well, and prints the
result of each check.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import unicodedata
from collections import Counter, defaultdict

from wheel_source import read_member

PACKAGE = "rigour==1.8.2"
MEMBER = "rigour/data/names/persons.txt"
MAX_FORMS = 40
MAX_READINGS = 8
TONE_MARKS = set("ˇˊˋ˙")
KEEP_SCRIPTS = {"LATIN", "CYRILLIC", "ARABIC", "HEBREW"}
SPECIAL = {
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
    "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d",
    "Ð": "d", "þ": "th", "Þ": "th", "ı": "i", "ħ": "h", "Ħ": "h",
}
APOSTROPHES = set("'’‘ʼʻʽʾʿ`´ˈ")

# Variant sets that must share one group (source + extra table).
CHECKS = [
    ["mohammed", "muhammad", "mohamed", "mohammad", "muhammed", "mohamad"],
    ["youssef", "yusuf", "yousef"],
    ["hussein", "husayn", "hossein"],
    ["aleksandr", "alexander", "oleksandr"],
    ["volodymyr", "vladimir"],
    ["abdellatif", "abdelatif", "abdul latif", "abd al-latif"],
    ["abdullah", "abdallah", "abd allah", "abdulla"],
    ["abdelaziz", "abdulaziz", "abd al-aziz"],
    ["abdelkader", "abdulqadir", "abd al-qadir"],
    ["abdelghani", "abdulghani", "abd al-ghani"],
    ["abderrahmane", "abdurrahman", "abd al-rahman"],
]


def script_of(ch: str) -> str | None:
    """Script name of a letter (first word of its Unicode name)."""
    cat = unicodedata.category(ch)
    if not cat.startswith("L") or cat == "Lm":
        return None
    return unicodedata.name(ch, "UNKNOWN").split()[0]


def scripts_of(form: str) -> set[str]:
    return {s for s in map(script_of, form) if s}


def fold(form: str) -> str:
    """Comparison key: lower case, no marks, tokens glued (as the loader does)."""
    out = []
    for ch in unicodedata.normalize("NFKD", form):
        if unicodedata.combining(ch):
            continue
        if ch in SPECIAL:
            out.append(SPECIAL[ch])
            continue
        if ch in APOSTROPHES:
            continue
        cat = unicodedata.category(ch)
        if cat == "Lm":
            continue
        if cat.startswith("L") or cat.startswith("N"):
            out.append(ch.lower())
        else:
            out.append(" ")
    return "".join("".join(out).split())


def letters(key: str) -> int:
    return len(key)


def read_source(path: str | None) -> tuple[str, str]:
    """Return (text of the source file, description of where it came from)."""
    return read_member(PACKAGE, MEMBER, path)


def parse(text: str) -> list[tuple[str, list[str]]]:
    groups = []
    for lineno, line in enumerate(io.StringIO(text), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        forms, sep, qid = line.rpartition("=>")
        if not sep:
            print(f"warning: line {lineno} has no '=>', skipped", file=sys.stderr)
            continue
        forms_list = [unicodedata.normalize("NFC", f.strip())
                      for f in forms.split(",") if f.strip()]
        groups.append((qid.strip(), forms_list))
    return groups


def qid_order(qid: str):
    if qid[:1] == "Q" and qid[1:].isdigit():
        return (0, int(qid[1:]), qid)
    return (1, 0, qid)


def reading_list(forms: list[str]) -> bool:
    """True for a Chinese reading list: a Latin form with tone digits or marks."""
    for f in forms:
        if "LATIN" not in scripts_of(f):
            continue
        n = unicodedata.normalize("NFKD", f)
        if any(c.isascii() and c.isdigit() for c in n) or any(c in TONE_MARKS for c in f):
            return True
    return False


def clean_group(forms: list[str], stats: Counter) -> list[str]:
    by_key: dict[str, list[str]] = defaultdict(list)
    latin_key: dict[str, bool] = {}
    for f in forms:
        sc = scripts_of(f)
        if not sc:
            stats["form_no_letters"] += 1
            continue
        if len(sc) > 1 or not sc <= KEEP_SCRIPTS:
            stats["form_other_script"] += 1
            continue
        if any(unicodedata.category(c) == "Nd" or unicodedata.numeric(c, None) is not None
               for c in f):
            stats["form_digit"] += 1
            continue
        key = fold(f)
        if letters(key) < 2:
            stats["form_too_short"] += 1
            continue
        by_key[key].append(f)
        latin_key[key] = "LATIN" in sc
    if len(by_key) < 2 or not any(latin_key.values()):
        return []
    if reading_list(forms) and sum(latin_key.values()) > MAX_READINGS:
        stats["groups_dropped_reading_list"] += 1
        return []
    ranked = sorted(
        by_key,
        key=lambda k: (not latin_key[k], -len(by_key[k]), len(k), k),
    )
    if len(ranked) > MAX_FORMS:
        stats["groups_capped"] += 1
        stats["forms_cut_by_cap"] += len(ranked) - MAX_FORMS
        ranked = ranked[:MAX_FORMS]
    stats["forms_merged_same_key"] += sum(len(v) - 1 for v in by_key.values())
    out = []
    for k in ranked:
        rep = min(by_key[k], key=lambda f: (not f.isascii(), len(f), f))
        out.append(rep)
    return out


def read_extra(path: str) -> list[tuple[str, list[str]]]:
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t") if c.strip()]
            rows.append((cols[0], cols[1:]))
    return rows


def check(groups: list[tuple[str, list[str]]], label: str) -> bool:
    member: dict[str, set[str]] = defaultdict(set)
    for gid, forms in groups:
        for f in forms:
            member[fold(f)].add(gid)
    ok_all = True
    print(f"variant checks ({label}):")
    for names in CHECKS:
        sets = [member.get(fold(n), set()) for n in names]
        common = set.intersection(*sets) if sets else set()
        ok = bool(common)
        ok_all &= ok
        where = ",".join(sorted(common, key=qid_order)) if ok else "SPLIT/MISSING"
        print(f"  {'ok  ' if ok else 'FAIL'} {' / '.join(names)} -> {where}")
    return ok_all


def main() -> int:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", nargs="?", help="rigour wheel or persons.txt (default: pip download)")
    ap.add_argument("--out", default=os.path.join(root, "data", "given_names.tsv"))
    ap.add_argument("--extra", default=os.path.join(root, "data", "given_names_extra.tsv"))
    args = ap.parse_args()

    text, origin = read_source(args.source)
    src = parse(text)
    stats: Counter = Counter()
    out_groups = []
    for qid, forms in src:
        stats["forms_in"] += len(forms)
        kept = clean_group(forms, stats)
        if kept:
            out_groups.append((qid, kept))
        else:
            stats["groups_dropped"] += 1
    out_groups.sort(key=lambda g: qid_order(g[0]))

    header = (
        f"# generated by scripts/given_names.py from {PACKAGE} ({MEMBER}) — do not edit\n"
        "# Given-name and family-name variant groups (Wikidata-derived, MIT): spellings,\n"
        "# transliterations and native-script forms of one name, one group a row.\n"
        "# columns: id<TAB>form<TAB>form... (id = Wikidata Qid of the name item)\n"
        f"# policy: Latin/Cyrillic/Arabic/Hebrew forms only, no digits, >= 2 letters,\n"
        f"# one form per comparison key, >= 2 keys and a Latin form per group, <= {MAX_FORMS} forms,\n"
        f"# Chinese multi-dialect reading lists (> {MAX_READINGS} Latin readings) dropped.\n"
    )
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for qid, forms in out_groups:
            f.write(qid + "\t" + "\t".join(forms) + "\n")

    n_forms = sum(len(fs) for _, fs in out_groups)
    size = os.path.getsize(args.out)
    sizes = Counter(len(fs) for _, fs in out_groups)
    print(f"source: {origin}")
    print(f"source groups: {len(src)}, forms: {stats['forms_in']}")
    for k in ("groups_dropped_reading_list", "form_other_script", "form_digit", "form_no_letters", "form_too_short",
              "forms_merged_same_key", "groups_capped", "forms_cut_by_cap", "groups_dropped"):  # groups_dropped counts all drops
        print(f"  {k}: {stats[k]}")
    print(f"written: {os.path.relpath(args.out, root)}: {len(out_groups)} groups, "
          f"{n_forms} forms, {size} bytes")
    print("forms per group: " + ", ".join(
        f"{n}:{sizes[n]}" for n in sorted(sizes) if n <= 5 or n % 10 == 0 or n == MAX_FORMS))

    check(out_groups, "generated table alone")
    extra = read_extra(args.extra)
    ok = check(out_groups + extra, f"with {os.path.relpath(args.extra, root)}, {len(extra)} rows")
    if not ok:
        print("warning: some variant sets are still split; add them to the extra table")
    return 0


if __name__ == "__main__":
    sys.exit(main())
