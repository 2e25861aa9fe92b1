//! A deterministic generator of news-agency text for the extraction
//! benchmark: short articles in the shapes of wire copy (politics with
//! titles and quotes, business with executives, court reports, results
//! tables of several sports, cricket cards, football team sheets, cabinet
//! lists), half in ordinary text and half tokenised with spaces around
//! punctuation ("Okafor 's", "( Kenya )"), with all-capitals headlines.
//!
//! People are drawn from a fixed pool, so the same people recur across
//! articles as they do in a wire service's output. [`articles`] returns the
//! articles; [`layout`] groups them into documents: one per article, or a
//! few large documents holding many articles each, where the same people
//! recur many times in one document.
//!
//! Shared by the extraction benchmark and `examples/gen_news.rs`.

#![allow(dead_code)]

use canonym::{Extractor, Kind, Mention, Resolver};

#[path = "common/rng.rs"]
mod rng;
pub use rng::Rng;

const GIVEN: &[&str] = &[
    "Maria",
    "Ingrid",
    "Tanya",
    "Samuel",
    "Rashid",
    "Pieter",
    "Jan",
    "Pedro",
    "Thomas",
    "Marco",
    "Anke",
    "Lucia",
    "Bart",
    "Olivier",
    "Stefano",
    "Anders",
    "Paul",
    "Kieran",
    "Margaret",
    "Erik",
    "Colin",
    "Henrik",
    "Ian",
    "Des",
    "Daniel",
    "Liam",
    "Graham",
    "Helen",
    "Sophie",
    "Keith",
    "Imran",
    "Tom",
    "Kevin",
    "Gerry",
    "Frank",
    "Luis",
    "Bill",
    "Mike",
    "Ruud",
    "Claudio",
    "Fabio",
    "Adrian",
    "Teodora",
    "Stefan",
    "Mihai",
    "Elena",
    "Radu",
    "Hugh",
    "Alison",
    "Nigel",
    "Rosemary",
    "Gareth",
    "Derek",
    "Patricia",
    "Simon",
    "Miriam",
    "Aurelio",
    "Giulia",
    "Caroline",
    "Martin",
    "Robert",
    "Kjell",
    "Tore",
    "Ray",
    "Sam",
    "Ulrich",
    "Chidi",
    "Babatunde",
    "Hendra",
    "Claudia",
    "Greg",
    "Tadashi",
    "Ernesto",
    "Viktor",
    "Amelia",
    "Dermot",
    "Dean",
    "Marcus",
    "Lee",
    "Abdel",
    "Yusuf",
    "Fatima",
    "Olga",
    "Dmitri",
    "Wei",
    "Hiroshi",
    "Kwame",
    "Aisha",
    "Nasser",
    "Ahmed",
];

const SURNAMES: &[&str] = &[
    "Kovalenko",
    "Solheim",
    "Brewster",
    "Kiprotich",
    "Benhamou",
    "Vandamme",
    "Novak",
    "Alves",
    "Lindgren",
    "Ferretti",
    "Brandauer",
    "Moreno",
    "Vermeulen",
    "Delacroix",
    "Rinaldi",
    "Holm",
    "Hanley",
    "Fallon",
    "Ashdown",
    "Lindqvist",
    "Burrows",
    "Dahl",
    "Mahoney",
    "Okafor",
    "Pritchard",
    "Tully",
    "Marsh",
    "Caldwell",
    "Bramley",
    "Patel",
    "Moore",
    "Iqbal",
    "Rahim",
    "Hartley",
    "Qadir",
    "Cartwright",
    "Malik",
    "Ashworth",
    "Baines",
    "Doyle",
    "Nolan",
    "Breen",
    "Keating",
    "Dunne",
    "Carey",
    "Delgado",
    "Arroyo",
    "Corcoran",
    "Tarrant",
    "Mazinho",
    "Cantarelli",
    "Volkov",
    "Marinescu",
    "Dragomir",
    "Ostrowski",
    "Baranova",
    "Petrescu",
    "Moraru",
    "Pembridge",
    "Crabtree",
    "Whitcombe",
    "Llewellyn",
    "Hollis",
    "Ormerod",
    "Akande",
    "Castellano",
    "Benedetti",
    "Sacchetti",
    "Ferrante",
    "Whitfield",
    "Greaves",
    "Kettering",
    "Lund",
    "Aasen",
    "Haugland",
    "Halvorsen",
    "McAllister",
    "Duvernay",
    "Reuben",
    "Schwarz",
    "Okonkwo",
    "Adeyemi",
    "Wirawan",
    "Wemhoff",
    "Halloran",
    "Morimoto",
    "Villanueva",
    "Saldanha",
    "Kwarteng",
    "Kealy",
    "Pellew",
    "Whitaker",
    "Oyelaran",
    "Brannigan",
    "Stoddart",
    "Fenwick",
    "Lomax",
    "Grady",
    "Hendry",
    "Okoro",
    "Pearce",
    "Haddad",
    "Mansour",
    "Tanaka",
    "Petrov",
    "Zhang",
    "Mensah",
    "Boateng",
    "Kuznetsova",
    "Rahman",
    "Farouk",
];

const COUNTRIES: &[&str] = &[
    "Kenya",
    "Morocco",
    "Belgium",
    "Norway",
    "Ukraine",
    "Brazil",
    "Italy",
    "Sweden",
    "Germany",
    "Argentina",
    "France",
    "Denmark",
    "Ireland",
    "Japan",
    "Spain",
    "Australia",
    "Nigeria",
    "Poland",
    "Ghana",
    "Egypt",
];

const CITIES: &[&str] = &[
    "OSLO", "LONDON", "NAIROBI", "RABAT", "TORONTO", "MADRID", "ROME", "LAGOS", "TOKYO",
    "BRUSSELS", "DUBLIN", "CAIRO", "WARSAW", "ACCRA",
];

const TEAMS: &[&str] = &[
    "Shamrock Rovers",
    "Real Madrid",
    "Northfield Rovers",
    "Castleton United",
    "Bohemians",
    "Chicago White Sox",
    "Rosenborg",
    "Deportivo Coruna",
];

const COMPANIES: &[&str] = &[
    "Norsk Kraft ASA",
    "Harlow Industries Plc",
    "Atlas Shipping Ltd",
    "Meridian Bank",
    "Sahel Mining Corp",
    "Kestrel Airways",
];

const ROLES: &[&str] = &[
    "Foreign Minister",
    "Prime Minister",
    "Finance Minister",
    "Defence Minister",
    "Interior Minister",
    "President",
    "opposition leader",
    "chief executive",
    "Judge",
];

/// Syllables of made-up family names.
const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "ten", "bal", "dor", "vi", "sha", "lu", "nek", "far", "po", "zu", "ren",
    "gal", "mo", "ti", "bra", "wen", "ko", "sel", "an", "du", "rik", "ma", "lo", "vas", "ne",
];

/// Sentences that fill an article out to wire length.
const FILLER: &[&str] = &[
    "The decision was announced after a meeting that lasted several hours.",
    "Officials said the figures would be published next week.",
    "The ministry declined to comment on the report.",
    "Analysts said the move had been widely expected.",
    "The talks are due to resume in the capital later this month.",
    "Prices rose sharply in the first half of the year, according to the central bank.",
    "The company said it expected demand to recover by the end of the year.",
    "Thousands of people gathered in the main square on Sunday.",
];

/// A person of the pool: (given name, surname).
pub struct Person {
    /// Given name.
    pub given: &'static str,
    /// Family name.
    pub surname: String,
}

/// The pool of `n` people (fixed by `seed`): given names from a list,
/// family names from a list or made up of syllables, so that most people
/// have a family name of their own and a few share common ones.
pub fn people(n: usize, seed: u64) -> Vec<Person> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let surname = if rng.below(4) == 0 {
                rng.pick(SURNAMES).to_string()
            } else {
                let mut s = String::new();
                for _ in 0..2 + rng.below(2) {
                    s.push_str(rng.pick::<&str>(SYLLABLES));
                }
                let mut c = s.chars();
                let first = c.next().unwrap_or('x').to_ascii_uppercase();
                std::iter::once(first).chain(c).collect()
            };
            Person {
                given: rng.pick::<&str>(GIVEN),
                surname,
            }
        })
        .collect()
}

/// Writes `s`, spacing punctuation out as tokenised corpora do when
/// `tokenised` ("Okafor 's", "( Kenya )", "said , ").
fn emit(out: &mut String, s: &str, tokenised: bool) {
    if !tokenised {
        out.push_str(s);
        return;
    }
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = if i > 0 { chars[i - 1] } else { ' ' };
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        let split = match c {
            '(' | ')' | '"' => true,
            ',' | ';' | ':' => next.is_whitespace(),
            // A sentence's full stop, not an initial's or a rank's.
            '.' => next.is_whitespace() && prev.is_lowercase(),
            '\'' => next == 's' && !chars.get(i + 2).is_some_and(|x| x.is_alphanumeric()),
            _ => false,
        };
        if !split {
            out.push(c);
            continue;
        }
        if !out.ends_with(char::is_whitespace) && !out.is_empty() {
            out.push(' ');
        }
        out.push(c);
        if c != '\'' && !next.is_whitespace() {
            out.push(' ');
        }
    }
}

/// One article.
fn article(rng: &mut Rng, pool: &[Person], day: usize, out: &mut String) {
    let tok = rng.below(2) == 0;
    let pick = |rng: &mut Rng| &pool[rng.below(pool.len())];
    let city = *rng.pick(CITIES);
    let date = format!("1996-{:02}-{:02}", 1 + day % 12, 1 + day % 28);
    let mut body = String::new();
    match rng.below(7) {
        0 => {
            // Politics: titles, quotes, surname-only mentions.
            let a = pick(rng);
            let b = pick(rng);
            let role = *rng.pick(ROLES);
            body.push_str(&format!(
                "{} - {} MEETS {}\n{city} {date}\n{role} {} {} met {} {} on Tuesday to discuss trade and security. \"We agreed on the next steps,\" {} said. {}'s office said talks would resume in {}.\n",
                rng.pick(COUNTRIES).to_uppercase(),
                a.surname.to_uppercase(),
                b.surname.to_uppercase(),
                a.given, a.surname, b.given, b.surname, a.surname, b.surname, *rng.pick(COUNTRIES)
            ));
        }
        1 => {
            // Business: executives, companies.
            let a = pick(rng);
            let b = pick(rng);
            let co = *rng.pick(COMPANIES);
            body.push_str(&format!(
                "{co} names new chief executive\n{city} {date}\n{co} said on Wednesday that {} {} would succeed {} {} as chief executive from January. {}, {}, is head of the group's largest division. Shares rose {} pence.\n",
                a.given, a.surname, b.given, b.surname, a.surname, 40 + rng.below(20), rng.below(30)
            ));
        }
        2 => {
            // Court report.
            let a = pick(rng);
            let j = pick(rng);
            body.push_str(&format!(
                "{city} {date}\n{} {}, {}, was jailed for {} years on Friday for fraud. Judge {} {} told {} he had betrayed the trust of his customers. Lawyers for {} said they would appeal.\n",
                a.given, a.surname, 30 + rng.below(40), 1 + rng.below(9), j.given, j.surname, a.surname, a.surname
            ));
        }
        3 => {
            // Results table.
            body.push_str(&format!(
                "ATHLETICS - RESULTS IN {city}\n{city} {date}\nResults of the international athletics meeting on Friday:\n"
            ));
            for rank in 1..=8 {
                let a = pick(rng);
                body.push_str(&format!(
                    "{rank}. {} {} ({}) {}.{:02}\n",
                    a.given,
                    a.surname,
                    *rng.pick(COUNTRIES),
                    10 + rng.below(3),
                    rng.below(100)
                ));
            }
        }
        4 => {
            // Cricket card.
            body.push_str(&format!(
                "CRICKET - SCOREBOARD\n{city} {date}\nFirst innings\n"
            ));
            for _ in 0..6 {
                let a = pick(rng);
                let f = pick(rng);
                let b = pick(rng);
                body.push_str(&format!(
                    "{}. {} c {} b {} {}\n",
                    &a.given[..1],
                    a.surname,
                    f.surname,
                    b.surname,
                    rng.below(120)
                ));
            }
            let b = pick(rng);
            body.push_str(&format!(
                "Bowling: {} 8-0-39-3, {} 12-2-45-0\n",
                b.surname,
                pick(rng).surname
            ));
        }
        5 => {
            // Football team sheet.
            let home = *rng.pick(TEAMS);
            let s = pick(rng);
            body.push_str(&format!(
                "SOCCER - LEAGUE RESULT\n{city} {date}\n{home} 2 ({} {} 39th) {} 1\n{home}: ",
                s.given,
                s.surname,
                *rng.pick(TEAMS)
            ));
            for i in 0..11 {
                if i > 0 {
                    body.push_str(", ");
                }
                body.push_str(&pick(rng).surname);
            }
            body.push_str(".\n");
        }
        _ => {
            // Cabinet list.
            body.push_str(&format!(
                "New cabinet sworn in\n{city} {date}\nThe new line-up is:\n"
            ));
            for role in ROLES.iter().take(5) {
                let a = pick(rng);
                body.push_str(&format!("{role} - {} {}\n", a.given, a.surname));
            }
        }
    }
    for _ in 0..3 + rng.below(5) {
        body.push_str(rng.pick::<&str>(FILLER));
        body.push(' ');
        if rng.below(3) == 0 {
            let a = pick(rng);
            body.push_str(&format!(
                "{} said the {} would be reviewed. ",
                a.surname,
                *rng.pick(&["plan", "budget", "contract", "result"])
            ));
        }
    }
    body.push('\n');
    emit(out, &body, tok);
    out.push('\n');
}

/// About `bytes` of articles, each a separate string, drawn with `seed`
/// from a pool of `pool` people.
pub fn articles(bytes: usize, pool: usize, seed: u64) -> Vec<String> {
    let people = people(pool, seed);
    let mut rng = Rng::new(seed.wrapping_add(1));
    let mut out = Vec::new();
    let mut total = 0;
    let mut day = 0;
    while total < bytes {
        let mut a = String::new();
        article(&mut rng, &people, day, &mut a);
        day += 1;
        total += a.len();
        out.push(a);
    }
    out
}

/// The articles grouped into `docs` documents of about equal size, in
/// order (each document the articles joined by blank lines); `docs` equal
/// to the number of articles keeps one article per document.
pub fn layout(articles: &[String], docs: usize) -> Vec<String> {
    let docs = docs.clamp(1, articles.len().max(1));
    let per = articles.len().div_ceil(docs);
    articles.chunks(per.max(1)).map(|c| c.join("\n")).collect()
}

/// An extractor with its tables loaded (by a first search of `warm`) and
/// a resolver on one thread: the setup of the one-core timings.
pub fn one_core(warm: &str) -> (Extractor, Resolver) {
    let ex = Extractor::new();
    std::hint::black_box(ex.find(warm));
    (ex, Resolver::builder().threads(1).build())
}

/// The mentions found in `docs`, one after the other, each with its
/// document (its index) as context and its kind when the text says it:
/// what the one-core timings resolve.
pub fn mentions(ex: &Extractor, docs: &[String]) -> Vec<Mention> {
    let mut mentions = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let id = i.to_string();
        for f in ex.find(d) {
            let mut m = Mention::new(f.name).doc(id.as_str());
            if f.kind != Kind::Unknown {
                m = m.kind(f.kind);
            }
            mentions.push(m);
        }
    }
    mentions
}
