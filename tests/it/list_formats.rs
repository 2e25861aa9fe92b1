//! Names written as sanctions and registry lists write them ("SURNAME,
//! Given Suffix"): the generational suffix is read as a suffix wherever list
//! order puts it, displayed after the name, and compared like a regnal
//! number, so that two different suffixes conflict.

use canonym::{analyze, compare, Reason, Tag};

fn number_conflict(a: &str, b: &str) -> bool {
    let (x, y) = (analyze(a), analyze(b));
    compare(&x, &y).explain(&x, &y).iter().any(
        |r| matches!(r, Reason::Conflict { detail } if detail.starts_with("different numbers")),
    )
}

#[test]
fn suffixes_in_list_order_are_suffixes_after_the_name() {
    for (input, display, suffix) in [
        ("BUSH, George W. Jr", "George W. Bush Jr", "jr"),
        ("SMITH, Jr. John A.", "John A. Smith Jr.", "jr"),
        ("OKAFOR, Sr. Chinedu", "Chinedu Okafor Sr.", "sr"),
        (
            "Roosevelt, Franklin D. III",
            "Franklin D. Roosevelt III",
            "iii",
        ),
        ("HARTWELL, II James", "James Hartwell II", "ii"),
        ("DUPONT, Pierre Junior", "Pierre Dupont Junior", "jr"),
    ] {
        let n = analyze(input);
        assert_eq!(n.display(), display, "{input}");
        let last = n.part(n.len() - 1);
        assert_eq!((last.fold(), last.tag()), (suffix, Tag::Suffix), "{input}");
        let suffixes = n.parts().filter(|p| p.tag() == Tag::Suffix).count();
        assert_eq!(suffixes, 1, "{input}");
        assert_eq!(analyze(n.display()).key(), n.key(), "{input}");
    }
}

#[test]
fn a_lone_capital_after_the_given_names_stays_an_initial() {
    let n = analyze("SMITH, John V");
    assert_eq!(n.display(), "John V Smith");
    assert_eq!(n.part(1).tag(), Tag::Initial);
}

#[test]
fn different_generational_suffixes_conflict() {
    for (a, b) in [
        ("Ferdinand Marcos Jr.", "Ferdinand Marcos Sr."),
        ("MARCOS, Ferdinand Jr.", "Ferdinand Marcos Sr."),
        ("SMITH, Jr. John A.", "John A. Smith Sr."),
        ("Roosevelt, Franklin D. III", "Franklin D. Roosevelt II"),
        ("HARTWELL, James IV", "James Hartwell III"),
    ] {
        assert!(number_conflict(a, b), "{a} / {b}");
        let (x, y) = (analyze(a), analyze(b));
        assert!(!compare(&x, &y).is_match(), "{a} / {b}");
    }
}

#[test]
fn the_same_suffix_in_any_form_matches() {
    for (a, b) in [
        ("BUSH, George W. Jr", "George W. Bush Jr."),
        ("MARCOS, Ferdinand Jr.", "Ferdinand Marcos Junior"),
        ("SMITH, Jr. John A.", "John A. Smith, Jr."),
        ("Roosevelt, Franklin D. III", "Franklin D. Roosevelt 3rd"),
    ] {
        let (x, y) = (analyze(a), analyze(b));
        assert!(!number_conflict(a, b), "{a} / {b}");
        assert_eq!(x.key(), y.key(), "{a} / {b}");
        assert!(compare(&x, &y).is_match(), "{a} / {b}");
    }
}

#[test]
fn titles_around_list_order() {
    // A title-like known name before the comma is the surname.
    let n = analyze("KING, Martin Luther Jr.");
    assert_eq!(n.display(), "Martin Luther King Jr.");
    assert!(n.titles().is_empty());
    // An abbreviated title before the surname is still a title.
    let n = analyze("Mr. KING, Martin");
    assert_eq!(n.display(), "Martin King");
    assert_eq!(n.titles(), ["mr"]);
    // A title phrase after the comma is an apposition, not list order.
    let n = analyze("Prince William, Duke of Cambridge");
    assert_eq!(n.display(), "William");
    assert_eq!(n.titles(), ["prince", "duke of cambridge"]);
    let n = analyze("Abdullah II, King of Jordan");
    assert_eq!(n.display(), "Abdullah II");
    assert_eq!(n.part(1).tag(), Tag::Regnal);
    // A title after the comma followed by a name is list order.
    assert_eq!(analyze("SMITH, Mr. John").display(), "John Smith");
    // Without list order (several commas) the title is a title again.
    let n = analyze("2, he he,");
    assert_eq!(analyze(n.display()).key(), n.key());
    let n = analyze("King,, Martin, Luther");
    assert_eq!(n.titles(), ["king"]);
    assert_eq!(analyze(n.display()).key(), n.key());
    // A trailing suffix after a comma is a suffix, not a title.
    let n = analyze("Smith, Sr.");
    assert!(n.titles().is_empty());
}

#[test]
fn titles_between_given_and_family_names_are_dropped() {
    for (input, display, title) in [
        ("Mohammad Mullah Hassan", "Mohammad Hassan", "mullah"),
        ("Abdul Maulvi Rahman", "Abdul Rahman", "maulvi"),
        ("HASSAN, Mohammad Mullah", "Mohammad Hassan", "mullah"),
        ("ABDUL QARI RAHMAN", "Abdul Rahman", "qari"),
    ] {
        let n = analyze(input);
        assert_eq!(n.display(), display, "{input}");
        assert!(n.titles().iter().any(|t| t == title), "{input}");
        assert_eq!(analyze(n.display()).key(), n.key(), "{input}");
    }
    // Haji starts family names, and stays.
    assert_eq!(
        analyze("Mohamed Haji Omar DIRIYE").display(),
        "Mohamed Haji Omar Diriye"
    );
    // At either end it is a leading title or a name.
    assert_eq!(
        analyze("Abdullahi Farah Mufti").display(),
        "Abdullahi Farah Mufti"
    );
    // A hyphenated or glued word is part of a name.
    assert_eq!(analyze("Ali Mullah-Omar").display(), "Ali Mullah-Omar");
}

#[test]
fn several_names_in_one_field_give_the_first() {
    let n = analyze("Mohammad Javad Zolfaghari; Mohammad Jawad Zolfaqari");
    assert_eq!(n.display(), "Mohammad Javad Zolfaghari");
    assert_eq!(n.key(), analyze("Mohammad Javad Zolfaghari").key());
    assert_eq!(
        n.original(),
        "Mohammad Javad Zolfaghari; Mohammad Jawad Zolfaqari"
    );
    // An empty first item is skipped; a full-width semicolon separates too.
    assert_eq!(analyze(" ; Morteza Rahbari").display(), "Morteza Rahbari");
    assert_eq!(
        analyze("Morteza Rahbari\u{FF1B}Murtaza Rahbary").display(),
        "Morteza Rahbari"
    );
    // Without letters anywhere the input stays whole.
    assert!(analyze(";;").is_empty());
}

#[test]
fn irish_o_reads_alike_with_or_without_its_accent() {
    for input in ["Dara Ó Briain", "Dara O Briain", "DARA Ó BRIAIN"] {
        let n = analyze(input);
        assert_eq!(n.part(1).tag(), Tag::Particle, "{input}");
    }
    assert_eq!(analyze("John O. Smith").part(1).tag(), Tag::Initial);
    // Before a lone letter, an initial either way.
    for input in ["Marizamunda Ó a", "Marizamunda O a"] {
        assert_eq!(analyze(input).part(1).tag(), Tag::Initial, "{input}");
    }
}

#[test]
fn bracketed_titles_are_dropped() {
    for input in [
        "Gen. (ret.) David H. Petraeus",
        "David H. Petraeus (ret.)",
        "Gen. [Retd.] David H. Petraeus",
    ] {
        let n = analyze(input);
        assert_eq!(n.display(), "David H. Petraeus", "{input}");
        assert!(n.titles().iter().any(|t| t.starts_with("ret")), "{input}");
    }
    // A bracketed name is kept.
    assert_eq!(analyze("Ali (Abu Omar) Hassan").len(), 4);
}

#[test]
fn initials_brought_together_by_list_order_stay_initials() {
    // "A. S." would read as the legal form AS once list order puts the
    // one-letter surname after the initial.
    for input in ["S., Jr. A.", "S., X. A.", "Lee S., Jr. A."] {
        let n = analyze(input);
        assert_ne!(n.kind(), canonym::Kind::Org, "{input}");
        assert_eq!(analyze(n.display()).key(), n.key(), "{input}");
    }
    // Every letter of a spaced legal form has its full stop.
    assert_eq!(analyze("Telefonica S. A.").key(), "sa telefonica");
    assert_ne!(analyze("Telefonica A. S").kind(), canonym::Kind::Org);
}

#[test]
fn remarks_and_clauses_of_birth_are_not_name_parts() {
    for (input, display) in [
        (
            "Tarimullah Wazeri (previously listed as)",
            "Tarimullah Wazeri",
        ),
        (
            "TARIMULLAH WAZERI (previously listed as)",
            "Tarimullah Wazeri",
        ),
        ("Quentin Marbrey (footballer)", "Quentin Marbrey"),
        ("Tarim Qasem Lodari born in 1958", "Tarim Qasem Lodari"),
        (
            "Tarim Qasem Lodari, born on 3 May 1958",
            "Tarim Qasem Lodari",
        ),
        (
            "born in Herat on 12 Mar. 1961 Tarim Qasem Lodari",
            "Tarim Qasem Lodari",
        ),
    ] {
        let n = analyze(input);
        assert_eq!(n.display(), display, "{input}");
        assert_eq!(analyze(n.display()).key(), n.key(), "{input}");
    }
    // "Born" as a name, a clause with nothing after its date, a bracketed
    // name and an organisation's brackets stay.
    assert_eq!(analyze("Erik Born").len(), 2);
    assert_eq!(analyze("born in Herat on 12 Mar. 1961").len(), 7);
    assert_eq!(analyze("Ali (Abu Omar) Hassan").len(), 4);
    assert_eq!(analyze("Quentin (footballer Marbrey").len(), 3);
    assert_eq!(
        analyze("Marbrey Trading (UK) Ltd").key(),
        analyze("Marbrey Trading UK Ltd").key()
    );
    // The remark no longer keeps apart the names it was written beside.
    assert!(matches(
        "Tarimullah Wazeri (previously listed as)",
        "Tarimullah Wazeri"
    ));
}

#[test]
fn honorifics_after_a_name_and_urdu_articles() {
    // Agha after a name is an honorific (before it, a title or a name).
    assert_eq!(analyze("Ghiasuddin Agha").display(), "Ghiasuddin");
    assert_eq!(analyze("Agha Ghiasuddin").len(), 1);
    // ur is the article of Zia-ur-Rahman.
    let n = analyze("Zia-ur-Rahman Qaderi");
    assert_eq!(n.part(1).tag(), Tag::Particle);
    assert!(matches("Tamiz-ur-Rahman Qaderi", "Tamizurrahman Qaderi"));
}

fn matches(a: &str, b: &str) -> bool {
    compare(&analyze(a), &analyze(b)).is_match()
}
