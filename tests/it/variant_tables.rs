//! What the variant and nickname tables add to matching: each class of
//! table row joins the names it is for, and leaves different names apart.

use canonym::{analyze, compare, DEFAULT_THRESHOLD};

fn score(a: &str, b: &str) -> f64 {
    let s = compare(&analyze(a), &analyze(b)).score();
    assert_eq!(s, compare(&analyze(b), &analyze(a)).score(), "{a} / {b}");
    s
}

fn all_match(pairs: &[(&str, &str)]) {
    for (a, b) in pairs {
        let s = score(a, b);
        assert!(s >= DEFAULT_THRESHOLD, "{a} / {b}: {s}");
    }
}

fn none_match(pairs: &[(&str, &str)]) {
    for (a, b) in pairs {
        let s = score(a, b);
        assert!(s < DEFAULT_THRESHOLD, "{a} / {b}: {s}");
    }
}

#[test]
fn russian_hypocoristics_match_their_full_names() {
    // data/hypocoristics.tsv: the full name in its romanisations, the
    // hypocoristic in Latin or Cyrillic.
    all_match(&[
        ("Yelizaveta Gromova", "Liza Gromova"),
        ("Elizaveta Gromova", "Лиза Громова"),
        ("Dmitry Ivanov", "Dima Ivanov"),
        ("Nikolai Petrov", "Kolya Petrov"),
        ("Yekaterina Orlova", "Katya Orlova"),
    ]);
}

#[test]
fn hypocoristics_join_no_two_full_names() {
    none_match(&[
        // Two full names with hypocoristics of their own.
        ("Yelizaveta Gromova", "Yekaterina Gromova"),
        ("Kolya Petrov", "Katya Petrov"),
        // A name that a hypocoristic resembles is not it.
        ("Dima Ivanov", "Dina Ivanov"),
        ("Liza Ivanova", "Lena Ivanova"),
        ("Lisa Gromova", "Yelizaveta Gromova"),
    ]);
}

#[test]
fn spellings_of_the_arabic_dad_are_one_name() {
    all_match(&[
        ("Tarek Rizwan", "Tarek Radwan"),
        ("Selim Ridvan", "Selim Redouane"),
        ("Karim Ramazan", "Karim Ramadan"),
    ]);
}
