//! A deterministic generator of realistic, messy names: given names and
//! surnames of many cultures, some with titles or suffixes, some in capitals
//! or "SURNAME, Given" list order, some in Cyrillic, Arabic or Chinese
//! script, and organisations with legal forms.
//!
//! Shared by the analysis benchmark and `examples/gen_names.rs`.

/// Given names of many cultures.
const GIVEN: &[&str] = &[
    "Patrick",
    "Juvénal",
    "Abdellatif",
    "Nasser",
    "Mohamed",
    "Muhammad",
    "Ahmed",
    "Fatima",
    "Aisha",
    "Khawaja",
    "Abdelghani",
    "Mark",
    "John",
    "Mary",
    "Elizabeth",
    "William",
    "James",
    "Robert",
    "Jennifer",
    "Linda",
    "Michael",
    "Sarah",
    "David",
    "Olga",
    "Vladimir",
    "Sergei",
    "Natalia",
    "Dmitri",
    "Yaroslav",
    "Ivan",
    "Anastasia",
    "Hans",
    "Jürgen",
    "Gerhard",
    "Ursula",
    "Pierre",
    "François",
    "Élodie",
    "Chloé",
    "Jean-Luc",
    "Marie-Claire",
    "José",
    "María",
    "João",
    "Luís",
    "Carmen",
    "Giuseppe",
    "Francesca",
    "Wei",
    "Li",
    "Xiaoming",
    "Hiroshi",
    "Yuki",
    "Min-jun",
    "Seo-yeon",
    "Oluwaseun",
    "Chinedu",
    "Amara",
    "Kwame",
    "Abebe",
    "Priya",
    "Rajesh",
    "Anand",
    "Lakshmi",
    "Søren",
    "Björn",
    "Åsa",
    "Zoltán",
    "Małgorzata",
    "Łukasz",
    "Dragoş",
    "Nguyễn Văn",
    "Thi",
    "Mehmet",
    "Ayşe",
    "Yusuf",
    "Leila",
    "Reza",
];

/// Family names of many cultures, with particles where they belong.
const FAMILY: &[&str] = &[
    "Karuretwa",
    "Marizamunda",
    "Loudiyi",
    "Bourita",
    "Asif",
    "Mouhib",
    "Esper",
    "Smith",
    "Johnson",
    "O'Brien",
    "McDonald",
    "Müller",
    "Schmidt",
    "von Braun",
    "van der Berg",
    "de la Cruz",
    "García Márquez",
    "Fernández",
    "dos Santos",
    "Silva",
    "Rossi",
    "Esposito",
    "Dubois",
    "Lefèvre",
    "Ivanov",
    "Petrova",
    "Smirnov",
    "Kuznetsov",
    "Wang",
    "Zhang",
    "Chen",
    "Tanaka",
    "Suzuki",
    "Kim",
    "Park",
    "Okonkwo",
    "Adeyemi",
    "Mensah",
    "Tesfaye",
    "Sharma",
    "Patel",
    "Iyer",
    "Nielsen",
    "Andersson",
    "Nagy",
    "Kowalska",
    "Wiśniewski",
    "Popescu",
    "Nguyen",
    "Yılmaz",
    "Öztürk",
    "al-Rashid",
    "bin Salman",
    "El Amrani",
    "Ben Youssef",
    "Hosseini",
    "Abdullah",
    "Mire ALI",
    "Jong-un",
];

/// Names written in other scripts, used whole.
const NATIVE: &[&str] = &[
    "Владимир Путин",
    "Сергей Лавров",
    "Ольга Иванова",
    "Дмитрий Медведев",
    "محمد بن سلمان",
    "ناصر بوريطة",
    "عبد اللطيف لوديي",
    "习近平",
    "王毅",
    "李强",
    "김정은",
    "Ελευθέριος Βενιζέλος",
    "דוד בן-גוריון",
];

/// Titles, ranks and roles placed before a person's name.
const TITLES: &[&str] = &[
    "Mr.",
    "Mrs",
    "Ms.",
    "Dr.",
    "Prof.",
    "Brig. Gen.",
    "Gen.",
    "Col.",
    "Lt.",
    "Sheikh",
    "Minister of Defense",
    "President",
    "Sir",
    "H.E.",
    "Ambassador",
    "Rev.",
    "Judge",
];

/// Suffixes and post-nominals placed after a person's name.
const SUFFIXES: &[&str] = &["Jr.", "Sr.", "III", "PhD", "OBE", "II"];

/// Words for organisation names.
const ORG_WORDS: &[&str] = &[
    "Ministry of Defence",
    "Atlas",
    "Global",
    "Maghreb",
    "Trading",
    "Holdings",
    "Bank",
    "National",
    "Royal",
    "Petroleum",
    "Logistics",
    "Systems",
    "Shipping",
    "Capital",
    "Pharma",
    "Energy",
    "Investment",
    "Group",
    "Partners",
    "Development",
    "Union",
];

/// Legal forms closing an organisation name.
const LEGAL: &[&str] = &[
    "Ltd",
    "Ltd.",
    "Inc.",
    "LLC",
    "PLC",
    "GmbH",
    "AG",
    "S.A.",
    "SARL",
    "S.à r.l.",
    "B.V.",
    "N.V.",
    "SpA",
    "S.A.S.",
    "Co. Ltd",
    "Pty Ltd",
    "OOO",
    "AB",
    "Oy",
    "Aktiengesellschaft",
];

/// A xorshift64* generator: deterministic, dependency-free, good enough to
/// pick words.
pub struct NameGen {
    state: u64,
}

impl NameGen {
    /// A generator with the given seed (any value; zero is remapped).
    pub fn new(seed: u64) -> NameGen {
        NameGen {
            state: (seed ^ 0x9E37_79B9_7F4A_7C15) | 1,
        }
    }

    fn next_u64(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.state = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 32) as usize * n) >> 32
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// Appends to `out` a person name of two or three invented words built
    /// from random syllables, so that its words are, in all likelihood,
    /// seen for the first time: the cost of analysis without any reuse.
    #[allow(dead_code)] // used by the analysis benchmark only
    pub fn unseen_into(&mut self, out: &mut String) {
        const SYLLABLES: &[&str] = &[
            "ka", "lo", "mi", "ze", "ru", "ba", "do", "fi", "gu", "ha", "je", "ko", "lu", "ma",
            "ne", "po", "ri", "sa", "tu", "vy", "wo", "yu", "zo", "an", "el", "ir", "ol", "un",
            "dra", "sto", "ben", "kar", "mel", "tov",
        ];
        let words = 2 + self.below(2);
        for w in 0..words {
            if w > 0 {
                out.push(' ');
            }
            let start = out.len();
            for _ in 0..3 + self.below(3) {
                out.push_str(self.pick(SYLLABLES));
            }
            out[start..start + 1].make_ascii_uppercase();
        }
    }

    /// Appends one name to `out` (no newline).
    pub fn name_into(&mut self, out: &mut String) {
        let start = out.len();
        let roll = self.below(100);
        if roll < 8 {
            out.push_str(self.pick(NATIVE));
            return;
        }
        if roll < 25 {
            // An organisation.
            let words = 1 + self.below(3);
            for i in 0..words {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(self.pick(ORG_WORDS));
            }
            if self.chance(80) {
                out.push_str(if self.chance(20) { ", " } else { " " });
                out.push_str(self.pick(LEGAL));
            }
        } else {
            // A person.
            let given = self.pick(GIVEN);
            let middle = if self.chance(20) {
                Some(self.pick(GIVEN))
            } else {
                None
            };
            let family = self.pick(FAMILY);
            if self.chance(12) {
                // "SURNAME, Given" list order.
                out.push_str(&family.to_uppercase());
                out.push_str(", ");
                out.push_str(given);
            } else {
                if self.chance(20) {
                    out.push_str(self.pick(TITLES));
                    out.push(' ');
                }
                out.push_str(given);
                out.push(' ');
                if let Some(m) = middle {
                    if self.chance(50) {
                        out.push_str(m);
                    } else {
                        out.extend(m.chars().next());
                        out.push('.');
                    }
                    out.push(' ');
                }
                out.push_str(family);
                if self.chance(6) {
                    out.push_str(if self.chance(50) { ", " } else { " " });
                    out.push_str(self.pick(SUFFIXES));
                }
            }
        }
        if self.chance(10) {
            let upper = out[start..].to_uppercase();
            out.truncate(start);
            out.push_str(&upper);
        } else if self.chance(4) {
            let lower = out[start..].to_lowercase();
            out.truncate(start);
            out.push_str(&lower);
        }
    }
}
