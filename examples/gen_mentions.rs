//! Synthetic name mentions with ground truth, and a scale check of the
//! resolver on them.
//!
//! ```text
//! # JSONL {"id","name","doc","truth"} on standard output
//! cargo run --release --example gen_mentions -- 100000 > mentions.jsonl
//! cargo run --release --example gen_mentions -- 1000 7          # with a seed
//! # generate N in memory, resolve, print time, peak memory, precision/recall
//! cargo run --release --example gen_mentions -- --scale 1000000
//! ```
//!
//! Entities get given names from many cultures, each with its spelling
//! variants, and surnames drawn from a small pool of common ones (so that
//! namesakes and shared surnames occur) and a large pool of generated ones.
//! Each entity appears in a few documents; a document names it in full
//! first, then with variants: romanisation drift, a dropped middle name, a
//! title or rank, all capitals or all lower case, diacritics dropped,
//! "SURNAME, Given" order, the surname alone, an initial, a typo.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

#[path = "../benches/common/rng.rs"]
mod rng;
pub use rng::Rng;

/// Given names: each row is one name's spellings (first is the usual one).
const GIVEN: &[&[&str]] = &[
    &["Mohammed", "Muhammad", "Mohamed", "Mohammad"],
    &["Ahmed", "Ahmad"],
    &["Abdellatif", "Abdelatif", "Abdellatif"],
    &["Youssef", "Yusuf", "Youssouf"],
    &["Omar", "Umar"],
    &["Ali"],
    &["Hassan", "Hasan"],
    &["Khalid", "Khaled"],
    &["Ibrahim", "Ebrahim"],
    &["Karim", "Kareem"],
    &["Nasser", "Naser"],
    &["Fatima", "Fatma", "Fatimah"],
    &["Aisha", "Aicha", "Ayesha"],
    &["Abdelghani", "Abdelghani"],
    &["Khawaja", "Khwaja"],
    &["Vladimir", "Wladimir"],
    &["Sergei", "Sergey", "Serguei"],
    &["Aleksandr", "Alexander", "Alexandr"],
    &["Dmitri", "Dmitry", "Dmitrii"],
    &["Natalia", "Natalya", "Nataliya"],
    &["Olga"],
    &["John"],
    &["Michael"],
    &["Sarah"],
    &["Elizabeth"],
    &["David"],
    &["James"],
    &["Mary"],
    &["Mark"],
    &["Patrick"],
    &["Vincent"],
    &["Jean"],
    &["Juvénal", "Juvenal"],
    &["François", "Francois"],
    &["Hélène", "Helene"],
    &["José", "Jose"],
    &["María", "Maria"],
    &["Jesús", "Jesus"],
    &["Chinedu"],
    &["Oluwaseun"],
    &["Kwame"],
    &["Amara"],
    &["Wei"],
    &["Xiaoming"],
    &["Hiroshi"],
    &["Yuki"],
    &["Priya"],
    &["Rajesh"],
    &["Anil"],
    &["Sunita"],
    &["Nina"],
    &["Giovanni"],
    &["Lars"],
    &["Ingrid"],
    &["Mehmet", "Mehmed"],
    &["Ayşe", "Ayse"],
];

/// Common surnames, each with its spellings.
const COMMON_SURNAMES: &[&[&str]] = &[
    &["Haddad"],
    &["Khan"],
    &["Hussein", "Hussain", "Husayn"],
    &["Mansour", "Mansur"],
    &["el Sarraj", "al-Sarraj", "Sarraj"],
    &["Ivanov", "Ivanow"],
    &["Petrov"],
    &["Smirnov", "Smirnoff"],
    &["Smith"],
    &["Johnson"],
    &["Brown"],
    &["García", "Garcia"],
    &["Martínez", "Martinez"],
    &["Dubois"],
    &["Martin"],
    &["Nguyen"],
    &["Wang"],
    &["Okafor"],
    &["Mensah"],
    &["Kozłowski", "Kozlowski"],
    &["Müller", "Mueller", "Muller"],
    &["Yılmaz", "Yilmaz"],
    &["Sharma"],
    &["Tanaka"],
];

const SYLLABLES: &[&str] = &[
    "ka", "ru", "ret", "wa", "nya", "kun", "di", "ma", "ri", "za", "mun", "da", "lou", "bou", "ta",
    "mou", "hib", "sel", "vor", "an", "ek", "ol", "ba", "zi", "to", "ne", "fa", "gu", "li", "shen",
    "dor", "ic", "ov", "ski", "man", "ber", "go", "mi", "sa", "te",
];

const TITLES: &[&str] = &[
    "Minister",
    "Defence Minister",
    "President",
    "Dr.",
    "Mr.",
    "Brig. Gen.",
    "Maj. Gen.",
    "General",
    "Foreign Minister",
    "Prof.",
    "Senator",
];

/// One generated entity: a given name, maybe a middle name, a surname, each
/// as a row of spellings.
pub struct Person {
    given: &'static [&'static str],
    middle: Option<&'static [&'static str]>,
    surname: Vec<String>,
}

/// One generated mention.
pub struct Generated {
    pub name: String,
    pub doc: String,
    pub truth: u32,
}

/// Generates mentions with their ground truth.
pub struct MentionGen {
    rng: Rng,
    people: Vec<Person>,
    next_doc: u64,
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl MentionGen {
    /// A generator for about `n` mentions: about one entity per ten.
    pub fn new(n: usize, seed: u64) -> MentionGen {
        let mut rng = Rng::new(seed);
        let people_n = (n / 10).max(4);
        let mut people = Vec::with_capacity(people_n);
        for _ in 0..people_n {
            let given = *rng.pick(GIVEN);
            let middle = rng.chance(0.25).then(|| *rng.pick(GIVEN));
            let surname = if rng.chance(0.05) {
                rng.pick(COMMON_SURNAMES)
                    .iter()
                    .map(|s| s.to_string())
                    .collect()
            } else {
                let k = 3 + rng.below(2);
                let mut s = String::new();
                for _ in 0..k {
                    let syllable: &&str = rng.pick(SYLLABLES);
                    s.push_str(syllable);
                }
                vec![capitalise(&s)]
            };
            people.push(Person {
                given,
                middle,
                surname,
            });
        }
        MentionGen {
            rng,
            people,
            next_doc: 0,
        }
    }

    /// Writes one document's mentions to `out`: one to three entities, each
    /// named in full first, then in variants.
    pub fn doc(&mut self, out: &mut Vec<Generated>) {
        let doc = format!("d{}", self.next_doc);
        self.next_doc += 1;
        let k = 1 + self.rng.below(3);
        for _ in 0..k {
            // Skewed popularity: low ids appear more often.
            let a = self.rng.below(self.people.len());
            let b = self.rng.below(self.people.len());
            let who = a.min(b);
            let mentions = 1 + self.rng.below(4);
            for j in 0..mentions {
                let name = self.variant(who, j == 0);
                out.push(Generated {
                    name,
                    doc: doc.clone(),
                    truth: who as u32,
                });
            }
        }
    }

    fn variant(&mut self, who: usize, first: bool) -> String {
        let rng = &mut self.rng;
        let p = &self.people[who];
        let spell = |rng: &mut Rng, row: &[&str]| -> String {
            if rng.chance(0.75) {
                row[0].to_string()
            } else {
                rng.pick(row).to_string()
            }
        };
        let given = spell(rng, p.given);
        let surname = if rng.chance(0.8) {
            p.surname[0].clone()
        } else {
            rng.pick(&p.surname).clone()
        };
        let middle = match p.middle {
            Some(m) if rng.chance(0.6) => Some(spell(rng, m)),
            _ => None,
        };
        let mut name = if !first && rng.chance(0.25) {
            // The surname alone, later in the same document.
            surname.clone()
        } else if rng.chance(0.06) {
            format!(
                "{}. {}",
                &given[..given.chars().next().unwrap().len_utf8()],
                surname
            )
        } else if rng.chance(0.08) {
            format!("{}, {}", surname.to_uppercase(), given)
        } else if rng.chance(0.05) {
            format!("{surname} {given}")
        } else {
            match &middle {
                Some(m) => format!("{given} {m} {surname}"),
                None => format!("{given} {surname}"),
            }
        };
        if rng.chance(0.04) {
            name = typo(rng, &name);
        }
        if rng.chance(0.1) {
            name = any_ascii_lossy(&name);
        }
        if rng.chance(0.15) {
            name = format!("{} {name}", rng.pick(TITLES));
        }
        if rng.chance(0.05) {
            name = name.to_uppercase();
        } else if rng.chance(0.03) {
            name = name.to_lowercase();
        }
        name
    }
}

/// Strips the diacritics of a few common letters.
fn any_ascii_lossy(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'á' | 'à' | 'â' => 'a',
            'í' => 'i',
            'ó' | 'ô' => 'o',
            'ú' | 'ü' => 'u',
            'ç' => 'c',
            'ł' => 'l',
            'ı' => 'i',
            'ş' => 's',
            c => c,
        })
        .collect()
}

/// Swaps two adjacent letters inside the longest word (of six letters or
/// more), or returns the name unchanged.
fn typo(rng: &mut Rng, s: &str) -> String {
    let words: Vec<&str> = s.split(' ').collect();
    let Some((k, w)) = words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.len() >= 6 && w.is_ascii())
        .max_by_key(|(_, w)| w.len())
    else {
        return s.to_string();
    };
    let mut b = w.as_bytes().to_vec();
    let i = 2 + rng.below(b.len() - 3);
    b.swap(i, i + 1);
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    out[k] = String::from_utf8(b).expect("ASCII");
    out.join(" ")
}

/// Generates about `n` mentions (exactly `n`).
pub fn generate(n: usize, seed: u64) -> Vec<Generated> {
    let mut gen = MentionGen::new(n, seed);
    let mut out = Vec::with_capacity(n + 16);
    while out.len() < n {
        gen.doc(&mut out);
    }
    out.truncate(n);
    out
}

fn json_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Pairwise precision and recall of `predicted` cluster labels against
/// `truth` labels.
pub fn pairwise(truth: &[u32], predicted: &[u32]) -> (f64, f64) {
    use std::collections::HashMap;
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let mut t: HashMap<u32, u64> = HashMap::new();
    let mut p: HashMap<u32, u64> = HashMap::new();
    let mut both: HashMap<(u32, u32), u64> = HashMap::new();
    for (&a, &b) in truth.iter().zip(predicted) {
        *t.entry(a).or_default() += 1;
        *p.entry(b).or_default() += 1;
        *both.entry((a, b)).or_default() += 1;
    }
    let tp: u64 = both.values().map(|&n| pairs(n)).sum();
    let tt: u64 = t.values().map(|&n| pairs(n)).sum();
    let pp: u64 = p.values().map(|&n| pairs(n)).sum();
    let div = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    (div(tp, pp), div(tp, tt))
}

/// Peak resident memory of this process in MiB (Linux), if known.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn scale(n: usize, seed: u64) {
    let t0 = Instant::now();
    let generated = generate(n, seed);
    let mentions: Vec<canonym::Mention> = generated
        .iter()
        .map(|g| canonym::Mention::new(g.name.as_str()).doc(g.doc.as_str()))
        .collect();
    let truth: Vec<u32> = generated.iter().map(|g| g.truth).collect();
    drop(generated);
    let gen_time = t0.elapsed();
    let t1 = Instant::now();
    let resolution = canonym::Resolver::new().resolve(&mentions);
    let resolve_time = t1.elapsed();
    let predicted: Vec<u32> = resolution
        .assignments()
        .iter()
        .map(|a| a.index() as u32)
        .collect();
    let (precision, recall) = pairwise(&truth, &predicted);
    let true_entities = {
        let mut t = truth.clone();
        t.sort_unstable();
        t.dedup();
        t.len()
    };
    println!("mentions        {n}");
    println!("generated in    {:.2} s", gen_time.as_secs_f64());
    println!("resolved in     {:.2} s", resolve_time.as_secs_f64());
    println!(
        "entities        {} (truth {true_entities})",
        resolution.entities().len()
    );
    println!("pairwise P / R  {precision:.4} / {recall:.4}");
    match peak_rss_mib() {
        Some(m) => println!("peak RSS        {m:.0} MiB"),
        None => println!("peak RSS        unknown"),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (scale_mode, rest) = match args.first().map(String::as_str) {
        Some("--scale") => (true, &args[1..]),
        _ => (false, &args[..]),
    };
    let parse = |i: usize, default: u64| match rest.get(i) {
        None => Some(default),
        Some(s) => s.parse::<u64>().ok(),
    };
    let (Some(n), Some(seed)) = (parse(0, 1000), parse(1, 1)) else {
        eprintln!("usage: gen_mentions [--scale] [N] [SEED]");
        return ExitCode::from(2);
    };
    if scale_mode {
        scale(n as usize, seed);
        return ExitCode::SUCCESS;
    }
    let mut gen = MentionGen::new(n as usize, seed);
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut buf = Vec::new();
    let mut line = String::new();
    let mut written = 0u64;
    while written < n {
        buf.clear();
        gen.doc(&mut buf);
        for g in &buf {
            if written == n {
                break;
            }
            line.clear();
            line.push_str("{\"id\":\"m");
            line.push_str(&written.to_string());
            line.push_str("\",\"name\":");
            json_str(&g.name, &mut line);
            line.push_str(",\"doc\":");
            json_str(&g.doc, &mut line);
            line.push_str(",\"truth\":\"e");
            line.push_str(&g.truth.to_string());
            line.push_str("\"}\n");
            if let Err(e) = out.write_all(line.as_bytes()) {
                if e.kind() == io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
                eprintln!("gen_mentions: {e}");
                return ExitCode::from(2);
            }
            written += 1;
        }
    }
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("gen_mentions: {e}");
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}
