//! Lays the bundled tables out for the library at build time, so that
//! nothing is parsed when a program starts.
//!
//! Input: the pre-folded tables `data/given_names.folded.tsv` and
//! `data/tables.folded.tsv`, both generated from the text tables of `data/`
//! by `cargo run --example fold_tables` (a test checks that they are up to
//! date). Output, in `OUT_DIR`:
//!
//! * `bundled_forms.txt`: every folded word, concatenated;
//! * `bundled_records.bin`: per word, six little-endian `u32`: offset and
//!   length of the form, flags, and the spans of its given-name and
//!   nickname groups in the arena;
//! * `bundled_slots.bin`: an open-addressing hash table of little-endian
//!   `u32` slots, each 12 bits of the high half of the word's hash over its
//!   record number plus one in 20 bits (zero: empty), probed linearly from
//!   the low bits of the hash;
//! * `bundled_tables.rs`: the arena of group ids and the small tables
//!   (titles, suffixes, legal forms, organisation terms, word lists,
//!   nickname ids) as statics.

use std::collections::BTreeMap;
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

include!("src/tables/word_hash.rs");

/// The `GIVEN` flag of `tables::Word`.
const GIVEN: u32 = 1 << 5;

#[derive(Default)]
struct Entry {
    flags: u32,
    given: Vec<u32>,
    nicks: Vec<u32>,
}

fn ids(s: &str) -> Vec<u32> {
    s.split(',')
        .filter(|x| !x.is_empty())
        .map(|x| x.parse().expect("group ids are numbers"))
        .collect()
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
}

/// FNV-1a over every file of `src/` and `data/` (paths and contents, in
/// path order): what an entity store compares before it trusts the name
/// analyses it kept (`CANONYM_SOURCE_HASH`).
fn source_hash() -> u64 {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(rd) = fs::read_dir(dir) else { return };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    for d in ["src", "data"] {
        println!("cargo:rerun-if-changed={d}");
        walk(Path::new(d), &mut files);
    }
    files.sort();
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        h = (h ^ 0xff).wrapping_mul(0x0100_0000_01b3);
    };
    for f in &files {
        eat(f.to_string_lossy().as_bytes());
        eat(&fs::read(f).unwrap_or_default());
    }
    h
}

fn main() {
    println!("cargo:rustc-env=CANONYM_SOURCE_HASH={:016x}", source_hash());
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/tables/word_hash.rs");
    println!("cargo:rerun-if-changed=data/given_names.folded.tsv");
    println!("cargo:rerun-if-changed=data/tables.folded.tsv");
    let given = fs::read_to_string("data/given_names.folded.tsv").expect("given names");
    let small = fs::read_to_string("data/tables.folded.tsv").expect("folded tables");

    let mut words: BTreeMap<&str, Entry> = BTreeMap::new();
    let mut given_next = 0u32;
    for f in rows(&given) {
        let e = words.entry(f[0]).or_default();
        e.flags |= GIVEN;
        e.given = ids(f[1]);
        given_next = given_next.max(e.given.iter().max().map_or(0, |m| m + 1));
    }
    let mut src = String::new();
    let mut lists: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut maxima: BTreeMap<&str, usize> =
        BTreeMap::from([("TITLE_MAX", 0), ("LEGAL_MAX", 0), ("ORG_TERMS_MAX", 0)]);
    for f in rows(&small) {
        match f[0] {
            "word" => {
                let e = words.entry(f[1]).or_default();
                e.flags |= f[2].parse::<u32>().expect("flags are numbers");
                e.nicks = ids(f[3]);
            }
            "title" | "legal" | "org_term" | "nick_id" => {
                let v = if f[0] == "nick_id" {
                    f[2].to_string()
                } else {
                    format!("{:?}", f[2])
                };
                lists
                    .entry(f[0])
                    .or_default()
                    .push(format!("({:?}, {v})", f[1]));
            }
            "suffix" => {
                let canon = if f[2] == "-" {
                    "None".to_string()
                } else {
                    format!("Some({:?})", f[2])
                };
                lists
                    .entry(f[0])
                    .or_default()
                    .push(format!("({:?}, {canon})", f[1]));
            }
            "place" | "nationality" | "stopword" | "known_org" => {
                lists.entry(f[0]).or_default().push(format!("{:?}", f[1]));
            }
            "max" => {
                maxima.insert(f[1], f[2].parse().expect("maxima are numbers"));
            }
            other => panic!("data/tables.folded.tsv: unknown row kind {other:?}"),
        }
    }
    for (name, value) in maxima {
        writeln!(src, "pub(super) const {name}: usize = {value};").unwrap();
    }
    let statics = [
        ("title", "TITLES", "(&str, &str)"),
        ("legal", "LEGAL", "(&str, &str)"),
        ("org_term", "ORG_TERMS", "(&str, &str)"),
        ("suffix", "SUFFIXES", "(&str, Option<&str>)"),
        ("nick_id", "NICK_IDS", "(&str, u32)"),
        ("place", "PLACES", "&str"),
        ("nationality", "NATIONALITIES", "&str"),
        ("stopword", "STOPWORDS", "&str"),
        ("known_org", "KNOWN_ORGS", "&str"),
    ];
    for (kind, name, ty) in statics {
        let items = lists.remove(kind).unwrap_or_default();
        writeln!(src, "pub(super) static {name}: &[{ty}] = &[").unwrap();
        for item in items {
            writeln!(src, "    {item},").unwrap();
        }
        src.push_str("];\n");
    }
    writeln!(src, "pub(super) const GIVEN_NEXT: u32 = {given_next};").unwrap();

    let mut forms = String::new();
    let mut records = Vec::with_capacity(words.len() * 24);
    let mut arena: Vec<u32> = Vec::new();
    let mut hashes = Vec::with_capacity(words.len());
    for (form, e) in &words {
        let off = forms.len() as u32;
        forms.push_str(form);
        let ga = arena.len() as u32;
        arena.extend_from_slice(&e.given);
        let gb = arena.len() as u32;
        arena.extend_from_slice(&e.nicks);
        let nb = arena.len() as u32;
        // Given-name groups are `ga..gb`, nickname groups `gb..nb`.
        for x in [off, form.len() as u32, e.flags, ga, gb, nb] {
            records.extend_from_slice(&x.to_le_bytes());
        }
        hashes.push(word_hash(form.as_bytes()));
    }
    let size = (words.len() * 2).next_power_of_two().max(2);
    let mask = size - 1;
    assert!(words.len() < 1 << INDEX_BITS, "too many words for a slot");
    let mut slots = vec![0u32; size];
    for (i, h) in hashes.iter().enumerate() {
        let mut s = (*h as usize) & mask;
        while slots[s] != 0 {
            s = (s + 1) & mask;
        }
        slots[s] = ((h >> 32) as u32) & !((1 << INDEX_BITS) - 1) | (i as u32 + 1);
    }
    let slot_bytes: Vec<u8> = slots.iter().flat_map(|s| s.to_le_bytes()).collect();

    writeln!(src, "pub(super) static ARENA: [u32; {}] = [", arena.len()).unwrap();
    for chunk in arena.chunks(16) {
        let line: Vec<String> = chunk.iter().map(u32::to_string).collect();
        writeln!(src, "    {},", line.join(", ")).unwrap();
    }
    src.push_str("];\n");

    let out = env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out);
    fs::write(out.join("bundled_forms.txt"), forms).unwrap();
    fs::write(out.join("bundled_records.bin"), records).unwrap();
    fs::write(out.join("bundled_slots.bin"), slot_bytes).unwrap();
    fs::write(out.join("bundled_tables.rs"), src).unwrap();
}
