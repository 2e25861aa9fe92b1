//! Organisation names written in several ways — numbers in words or
//! digits, abbreviations, country abbreviations — give equal comparison
//! keys, and comparison sees equal words.

use canonym::{analyze, compare, Kind};

#[test]
fn variants_of_organisation_names_share_a_key() {
    for (a, b) in [
        ("Third Federal Savings Bank", "3rd Federal Savings Bank"),
        ("Forty-Two Capital Ltd", "42 Capital Ltd"),
        ("Forty Second Street Bank", "42nd Street Bank"),
        (
            "Twenty-First Century Holdings Inc",
            "21st Century Hldgs Inc",
        ),
        (
            "Intl Business Machines Corp",
            "International Business Machines Corporation",
        ),
        ("Nat'l Rifle Assn", "National Rifle Association"),
        (
            "U.S. Dept of Commerce",
            "United States Department of Commerce",
        ),
        (
            "USA Swimming Federation",
            "United States of America Swimming Federation",
        ),
        (
            "UK Atomic Energy Authority",
            "United Kingdom Atomic Energy Authority",
        ),
        ("Govt of the UAE", "Government of the United Arab Emirates"),
        ("Boston Univ", "Boston University"),
    ] {
        let (x, y) = (analyze(a), analyze(b));
        assert_eq!(x.kind(), Kind::Org, "{a}");
        assert_eq!(y.kind(), Kind::Org, "{b}");
        assert_eq!(x.key(), y.key(), "{a} / {b}");
        // Comparison sees the same words as on either side alone.
        let same = compare(&x, &x).score();
        assert!((compare(&x, &y).score() - same).abs() < 1e-9, "{a} / {b}");
        // The display keeps what was written and reads the same again.
        assert_eq!(x.display(), a);
        assert_eq!(analyze(x.display()).key(), x.key(), "{a}");
    }
}

#[test]
fn different_numbers_stay_different() {
    for (a, b) in [
        ("Third Federal Savings Bank", "Fourth Federal Savings Bank"),
        ("Forty-Two Capital Ltd", "Forty-Three Capital Ltd"),
        ("Agent 007 Ltd", "Agent 7 Ltd"),
    ] {
        assert_ne!(analyze(a).key(), analyze(b).key(), "{a} / {b}");
    }
}

#[test]
fn person_names_are_left_alone() {
    // The table applies to organisation names only.
    let n = analyze("John First");
    assert_eq!(n.key(), "first john");
    assert_eq!(
        analyze("Ferdinand Marcos Second").key(),
        "ferdinand marcos second"
    );
}

#[test]
fn abbreviations_of_organisation_words_mark_organisations() {
    assert_eq!(analyze("Kestrel Hldgs").kind(), Kind::Org);
    assert_eq!(analyze("Harlow Intl").kind(), Kind::Org);
    // Coll and Soc are surnames as well as abbreviations.
    assert_ne!(analyze("Juan Coll").kind(), Kind::Org);
    assert_ne!(analyze("D. Šoć").kind(), Kind::Org);
}

#[test]
fn acronyms_of_multi_word_organisation_names() {
    use canonym::acronym_match;
    for (short, long) in [
        ("IBM", "International Business Machines Corp"),
        ("IBM", "Intl Business Machines"),
        ("I.B.M.", "International Business Machines Corporation"),
        ("NRA", "Natl Rifle Assn"),
        (
            "USAID",
            "United States Agency for International Development",
        ),
        ("BBC", "The British Broadcasting Corporation"),
        ("EIB", "European Investment Bank S.A."),
    ] {
        let (a, b) = (analyze(short), analyze(long));
        assert!(acronym_match(&a, &b), "{short} / {long}");
        assert!(acronym_match(&b, &a), "{long} / {short}");
    }
    for (short, long) in [
        // Letters out of order, or one too many or too few.
        ("BIM", "International Business Machines Corp"),
        ("IBMC", "International Business Machines"),
        ("IB", "International Business Machines"),
        // Written in lower case: a word, not an acronym.
        ("Ibm", "International Business Machines"),
        // A one-word organisation has no acronym; a person has none.
        ("B", "Barclays"),
        ("JS", "John Smith"),
    ] {
        let (a, b) = (analyze(short), analyze(long));
        assert!(!acronym_match(&a, &b), "{short} / {long}");
    }
}
