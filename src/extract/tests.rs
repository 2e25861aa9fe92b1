//! Unit tests of name extraction.

use super::*;
use crate::analyze::Kind;

fn persons(text: &str) -> Vec<String> {
    Extractor::new()
        .find(text)
        .into_iter()
        .filter(|f| f.kind == Kind::Person)
        .map(|f| f.text)
        .collect()
}

#[test]
fn title_cues() {
    assert_eq!(
        persons("It met Minister of Defense Juvenal Marizamunda in Kigali."),
        ["Juvenal Marizamunda"]
    );
    assert_eq!(
        persons("It was led by Brig. Gen. Patrick Karuretwa, Director General of it."),
        ["Patrick Karuretwa"]
    );
}

#[test]
fn regnal_and_glued() {
    assert_eq!(
        persons("He paid respects at the Mausoleumof Mohammed V in Rabat."),
        ["Mohammed V"]
    );
    assert_eq!(
        persons("Tags: Pakistan, Morocco, Defence Cooperation, AbdellatifLoudyi\nEnd."),
        ["AbdellatifLoudyi"]
    );
}

#[test]
fn back_reference() {
    assert_eq!(
        persons("Maj. Gen. Vincent Nyakarundi came. During talks, Nyakarundi spoke."),
        ["Vincent Nyakarundi", "Nyakarundi"]
    );
}

#[test]
fn no_persons_from_places_and_words() {
    assert!(persons("During June, Rabat and Kigali met. The African Union spoke.").is_empty());
    assert!(persons("ISLAMABAD: Leaders met on Tuesday in North Africa.").is_empty());
}

#[test]
fn spans_are_exact() {
    let text = "Rwanda’s Defence Minister Juvénal Marizamunda’s visit.";
    for f in Extractor::new().find(text) {
        assert_eq!(&text[f.start..f.end], f.text);
    }
}
