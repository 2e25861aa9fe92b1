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

#[test]
fn spaced_possessive_is_not_part_of_the_name() {
    let text = "Erik Lindqvist won . Lindqvist 's round included six birdies .";
    let found = persons(text);
    assert_eq!(found, ["Erik Lindqvist", "Lindqvist"]);
}

#[test]
fn results_lines_are_read() {
    let text = "Results on Friday :\n1. Maria Kovalenko ( Ukraine ) 12.92\n\
                2. Ingrid Solheim ( Norway ) 13.05\nKovalenko said she was pleased .";
    assert_eq!(
        persons(text),
        ["Maria Kovalenko", "Ingrid Solheim", "Kovalenko"]
    );
}

#[test]
fn capitals_headline_repeats_a_person() {
    let text = "GOLF - LINDQVIST TAKES LEAD IN GERMAN OPEN .\nSTUTTGART 1996-08-24\n\
                Erik Lindqvist of Sweden shot 66 on Saturday .";
    assert_eq!(persons(text), ["LINDQVIST", "Erik Lindqvist"]);
    // Capitals alone are no cue.
    assert!(persons("SOCCER - HALVORSEN SIGNS FOR ROSENBORG .\nOSLO 1996-08-29\n").is_empty());
}

#[test]
fn cricket_card_and_bowling_figures() {
    let text = "Pakistan first innings\nK. Patel c Moore b Iqbal 50\nA. Malik run out 7\n\
                Bowling : Hartley 8-0-39-3 , Cartwright 20-4-61-1\n";
    assert_eq!(
        persons(text),
        [
            "K. Patel",
            "Moore",
            "Iqbal",
            "A. Malik",
            "Hartley",
            "Cartwright"
        ]
    );
    // A date is no bowling figure.
    assert!(persons("NEW HAVEN , Connecticut 1996-08-22\nRain fell .").is_empty());
}

#[test]
fn surname_alone_in_person_contexts() {
    assert_eq!(
        persons("Okafor , 21 , lowered the mark . The record stood , said Nwachukwu , the coach ."),
        ["Okafor", "Nwachukwu"]
    );
    // "Ferrari said" is no cue for a lone word.
    assert!(persons("Ferrari said on Thursday the car was ready.").is_empty());
}

#[test]
fn team_sheet_items_but_not_places_or_teams() {
    let text = "Shamrock Rovers : Given , Breen , Murphy , Keating , Dunne .\n";
    let got = persons(text);
    for name in ["Breen", "Murphy", "Keating", "Dunne"] {
        assert!(got.iter().any(|g| g == name), "{name} missing from {got:?}");
    }
    assert!(!got.iter().any(|g| g.contains("Rovers")), "{got:?}");
    assert!(persons("Brazil, Argentina, Chile and Peru, Kenya reported gains.").is_empty());
}

#[test]
fn teams_are_not_persons() {
    let text = "Frank Delgado homered as the Chicago White Sox beat the New York Yankees 5-2 .";
    assert_eq!(persons(text), ["Frank Delgado"]);
    let found = Extractor::new().find(text);
    assert!(found
        .iter()
        .any(|f| f.text == "Chicago White Sox" && f.kind == Kind::Org));
}

#[test]
fn plural_family_name_after_a_member() {
    let text = "Edward Harrington sold the estate. The Harringtons had owned it since 1822. \
                The Yankees won.";
    assert_eq!(persons(text), ["Edward Harrington", "Harringtons"]);
}

#[test]
fn racing_result_horse_and_jockey() {
    assert_eq!(
        persons("1. Lady Annabel ( Will Hennessy ) 5-2 favourite\n2. Captain Morgan ( ridden by Pat Sheridan ) 12-1\n"),
        ["Will Hennessy", "Pat Sheridan"]
    );
    // Not a racing line: no odds after the bracket.
    assert_eq!(
        persons("1. Dean Ferriday ( U.S. ) 9.98\n"),
        ["Dean Ferriday"]
    );
}

#[test]
fn given_names_that_are_words() {
    assert_eq!(
        persons("Justice - Des Whelan\nM. Will not out 19\n"),
        ["Des Whelan", "M. Will"]
    );
    assert_eq!(
        persons("Will Britain agree? Defending, Mr Pascoe said no."),
        ["Pascoe"]
    );
    assert!(persons("Officials of the Grand Duchy of Luxembourg met.").is_empty());
}

#[test]
fn stopword_surname_in_a_team_list() {
    let text =
        "Rovers : Given , Hegarty , Moynihan , Corr , Lenihan .\nDays : Mon , Tue , Wed , Thu .";
    assert_eq!(
        persons(text),
        ["Given", "Hegarty", "Moynihan", "Corr", "Lenihan"]
    );
}

#[test]
fn relatives_named_alone() {
    assert_eq!(
        persons("He leaves a daughter, Chiara, and two brothers, Enzo and Piero."),
        ["Chiara", "Enzo", "Piero"]
    );
}

#[test]
fn relatives_named_alone_without_commas() {
    assert_eq!(
        persons("He is survived by his wife Maria and his sons Giorgos and Nikos."),
        ["Maria", "Giorgos", "Nikos"]
    );
    // An informal role is no kinship noun: without the comma it needs more.
    assert!(persons("The coach Giorgos left.").is_empty());
    // Nor is a word that is no given name.
    assert!(persons("He met his wife Thursday.").is_empty());
}

#[test]
fn back_reference_keeps_lower_case_particles() {
    assert_eq!(
        persons("Coach Wim de Rijk sent him on. \"Stay close,\" de Rijk said."),
        ["Wim de Rijk", "de Rijk"]
    );
    // Only the particles the document's person has.
    assert_eq!(
        persons("Coach Wim Rijk sent him on. \"Stay close,\" de Rijk said."),
        ["Wim Rijk", "Rijk"]
    );
}

#[test]
fn places_of_several_words_open_no_name() {
    assert!(persons("He reached the Hong Kong Open quarter-finals.").is_empty());
    // A single place word may still be a given name.
    assert_eq!(
        persons("Santiago Lucena ( Spain ) beat him."),
        ["Santiago Lucena"]
    );
}

#[test]
fn publications_named_before_what_they_are() {
    assert_eq!(
        persons("Alexander Lebedev spoke. \"No,\" Lebedev told Itar-Tass news agency."),
        ["Alexander Lebedev", "Lebedev"]
    );
    assert!(persons("It told the Nezavisimaya Gazeta newspaper.").is_empty());
    // A television show may carry a person's name.
    assert_eq!(
        persons("He appeared on the Oprah Winfrey television show."),
        ["Oprah Winfrey"]
    );
}

#[test]
fn ranked_results_with_the_country_as_a_column() {
    let text = "Men 's javelin\n1. Jan Pelikan Czech Republic 88.24 metres\n2. Brigita Bukovec Slovenia 86.98\n";
    assert_eq!(persons(text), ["Jan Pelikan", "Brigita Bukovec"]);
    // Not without the rank.
    assert!(!persons("Jan Pelikan Czech Republic 88.24")
        .iter()
        .any(|p| p == "Jan Pelikan"));
}

#[test]
fn full_name_of_a_family_name_found_alone() {
    let text = "Police charged Ndabaningi Sitholo with treason. Sitholo , 76 , denied it.";
    assert_eq!(persons(text), ["Ndabaningi Sitholo", "Sitholo"]);
    // Not a place before it.
    let text = "He flew to Harare Sitholo. Sitholo , 76 , denied it.";
    assert!(!persons(text).iter().any(|p| p.contains("Harare")));
}

#[test]
fn team_sheet_role_marks() {
    let text = "Macedonia : Dancho Celevski ; Goran Stavrinov , Mitko Stojanoski ( capt ) , Toni Micevic .";
    assert_eq!(
        persons(text),
        [
            "Dancho Celevski",
            "Goran Stavrinov",
            "Mitko Stojanoski",
            "Toni Micevic"
        ]
    );
    // Any other bracket is no role mark.
    let text = "Macedonia : Dancho Celevski ; Goran Stavrinov , Mitko Stojanoski ( Vardar ) , Toni Micevic .";
    assert!(!persons(text).iter().any(|p| p == "Mitko Stojanoski"));
}

#[test]
fn bantu_particle_inside_a_name() {
    assert_eq!(
        persons("He met Prime Minister Mbuta wa Ndongo in Kinshasa."),
        ["Mbuta wa Ndongo"]
    );
}

#[test]
fn long_korean_syllables_after_a_hyphen() {
    assert_eq!(
        persons("The court sentenced Kim Sung-choong on Monday."),
        ["Kim Sung-choong"]
    );
    // A word in -ing after a hyphen is no syllable of a name.
    assert!(!persons("The Kim-leaning press said so.")
        .iter()
        .any(|p| p.contains("leaning")));
}

#[test]
fn family_name_endings() {
    assert_eq!(
        persons("She studied under Ottavino Brancucci before moving."),
        ["Ottavino Brancucci"]
    );
    // The ending alone, with a word seen in lower case, is no cue.
    assert!(persons("the wine and Wine Moscatelli nights").is_empty());
}

#[test]
fn particles_before_a_scorer() {
    assert_eq!(
        persons("Lierse 2 ( Van der Meulen 14 , De Groote 71 ) Lokeren 0"),
        ["Van der Meulen", "De Groote"]
    );
}

#[test]
fn capitals_headline_coordinated_surname() {
    let text = "TENNIS - MARKOVSKI AND LONDON ADVANCE .\n\
                Stoyan Markovski and Australian Brian London won on Monday .";
    assert_eq!(
        persons(text),
        ["MARKOVSKI", "LONDON", "Stoyan Markovski", "Brian London"]
    );
    // Alone, the place is no person.
    let text = "TENNIS - LONDON ADVANCES .\nAustralian Brian London won on Monday .";
    assert_eq!(persons(text), ["Brian London"]);
}

#[test]
fn joined_initials() {
    assert_eq!(
        persons("Manager R.T. Halloran said so. Pitcher A.J. Whitcombe won."),
        ["R.T. Halloran", "A.J. Whitcombe"]
    );
    assert!(persons("The U.S. Open starts next week in New York.").is_empty());
}

#[test]
fn sponsor_before_an_event_noun() {
    assert!(persons("Results from the Carlton Reed tournament on Thursday.").is_empty());
    assert_eq!(
        persons("Carlton Reed won the tournament on Thursday."),
        ["Carlton Reed"]
    );
}

#[test]
fn saints_places_are_not_persons() {
    assert!(persons("A service at the Basilica of San Lorenzo on Friday.").is_empty());
    assert!(persons("They flew from Santa Cruz to Sao Paulo on Monday.").is_empty());
}

#[test]
fn event_names_are_not_persons() {
    assert!(persons("Results of Sunday 's Hungarian Grand Prix :").is_empty());
    assert!(persons("He won gold at the Winter Olympics in Nagano.").is_empty());
}

#[test]
fn a_wide_space_inside_a_substitutes_bracket() {
    // U+2005 is white space of three bytes: the minute after it is read
    // as after an ordinary space, without cutting the character.
    let narrow = "Levski : Nikolov , Dimitrov , Lazarov ( 60th Ivanchev ) , Slavchev";
    let wide = narrow.replace("( 60th", "(\u{2005}60th");
    assert_eq!(persons(&wide), persons(narrow));
    assert!(persons(narrow).contains(&"Ivanchev".to_string()));
}

#[test]
fn team_sheet_substitutes_and_shirt_numbers() {
    let sheet = "Levski : Nikolov ; Dimitrov , Georgiev , Bozhkov ; \
                 Lazarov ( 60th Ivanchev ) , Slavchev , Panayotov";
    assert_eq!(
        persons(sheet),
        [
            "Nikolov",
            "Dimitrov",
            "Georgiev",
            "Bozhkov",
            "Lazarov",
            "Ivanchev",
            "Slavchev",
            "Panayotov"
        ]
    );
    let numbered = "Wales team :\n15 - Tomos Prydderch , 14 - Aled Gethin , \
                    13 - Hywel Mabon , 12 - Gruffydd Ellwood";
    assert_eq!(
        persons(numbered),
        [
            "Tomos Prydderch",
            "Aled Gethin",
            "Hywel Mabon",
            "Gruffydd Ellwood"
        ]
    );
    // A minute alone in brackets is a booking or a sending-off, no name.
    assert_eq!(persons("Sent off : Valchev ( 55th )"), Vec::<String>::new());
}

#[test]
fn scorers_after_a_team_and_a_hyphen() {
    assert_eq!(
        persons("Scorers : Oldham - Barlow 60 . Bolton - McGinlay 12 , 45 , Blake 80 ."),
        ["Barlow", "McGinlay", "Blake"]
    );
    // A team and its score are no scorer.
    assert!(persons("Division one : Ipswich 1 Reading 1 , Port Vale 2 Stoke 0").is_empty());
}

#[test]
fn korean_family_name_that_is_a_feature_word() {
    assert_eq!(
        persons("President Park Sung-ho named a new cabinet."),
        ["Park Sung-ho"]
    );
    assert!(persons("They met in Hyde Park on Sunday.").is_empty());
}

#[test]
fn golden_prizes_are_not_persons() {
    assert!(persons("The jury will award the Golden Lion on September 7 .").is_empty());
    assert!(persons("They walked across the Golden Gate .").is_empty());
}

fn orgs(text: &str) -> Vec<String> {
    Extractor::new()
        .find(text)
        .into_iter()
        .filter(|f| f.kind == Kind::Org)
        .map(|f| f.text)
        .collect()
}

#[test]
fn sports_club_table_rows_have_known_roles() {
    let roles = [
        "head",
        "head-place",
        "tail",
        "tail-place",
        "town",
        "tail-town",
    ];
    let mut n = 0;
    for line in lexicon::SPORTS_CLUBS.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 2, "{line:?}");
        assert!(roles.contains(&cols[1]), "{line:?}");
        n += 1;
    }
    assert!(n > 300, "{n} rows");
    let (clubs, max) = lexicon::load_clubs();
    assert_eq!(max, 2);
    assert_eq!(clubs.get("red star"), Some(&lexicon::club::HEAD_PLACE));
    // A word of two roles keeps both.
    let athletic = clubs.get("athletic").copied().unwrap_or(0);
    assert_eq!(athletic, lexicon::club::HEAD_PLACE | lexicon::club::TAIL);
}

#[test]
fn sports_clubs_are_no_persons() {
    // A club word before a town that reads like a surname, whether the
    // club word is also a given name (Spartak, Lech, Rubin) or not.
    let text = "Spartak Moscow 2 ( Andrei Teplov 23 ) Red Star Belgrade 1 . \
                Lech Poznan 0 Rubin Kazan 1 . Hajduk Split beat Sturm Graz .";
    assert_eq!(persons(text), ["Andrei Teplov"]);
    assert_eq!(
        orgs(text),
        [
            "Spartak Moscow",
            "Red Star Belgrade",
            "Lech Poznan",
            "Rubin Kazan",
            "Hajduk Split",
            "Sturm Graz"
        ]
    );
    // The town first, the club word after it.
    assert_eq!(
        orgs("Moscow Dynamo beat Leicester City and Castleton United."),
        ["Moscow Dynamo", "Leicester City", "Castleton United"]
    );
}

#[test]
fn club_words_stay_given_names_before_no_town() {
    // "Lech", "Rubin", "Flora" open a club's name only before a place or
    // a club's town; before a family name they are given names.
    assert_eq!(
        persons("Lech Kaminski of Poland won, and Flora Bennett said she was third."),
        ["Lech Kaminski", "Flora Bennett"]
    );
    assert_eq!(persons("Rubin Okonkwo told reporters."), ["Rubin Okonkwo"]);
    // A town named before a closing club word only, also a family name.
    assert_eq!(
        persons("Gloria Preston said she would stay."),
        ["Gloria Preston"]
    );
    assert_eq!(
        orgs("Preston North End beat Ipswich Town."),
        ["Preston North End", "Ipswich Town"]
    );
    assert!(persons("Preston North End beat Ipswich Town.").is_empty());
    // Club words that are also family names open a club's name only
    // before a place.
    assert_eq!(
        persons("Marek Hajduk met Hajduk Marek in Warsaw."),
        ["Marek Hajduk", "Hajduk Marek"]
    );
    assert_eq!(
        orgs("Hajduk Split drew with Ruch Chorzow."),
        ["Hajduk Split", "Ruch Chorzow"]
    );
    // A place that ends in a club word of its own is the place.
    assert!(orgs("He flew to Mexico City on Monday.").is_empty());
}
