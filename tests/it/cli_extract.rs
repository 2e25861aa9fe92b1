//! Command-line tests of `canonym extract`.

use crate::util::{canonym, run};

#[test]
fn jsonl_offsets_point_into_the_files() {
    let files = [
        "seeds/000_9df6cd357a178ece.txt",
        "seeds/002_7beac003ace1dab1.txt",
    ];
    let o = run(canonym().args(["extract", files[0], files[1]]), "");
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    let mut n = 0;
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let doc = v["doc"].as_str().unwrap();
        let text =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(doc))
                .unwrap();
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], v["text"].as_str().unwrap());
        for f in ["kind", "entity", "canonical"] {
            assert!(v.get(f).is_some());
        }
        n += 1;
    }
    assert!(n >= 8, "{out}");
    // "Asif" in 002 resolves to the full name of its own article.
    assert!(out.contains("\"text\":\"Asif\""));
    assert!(out
        .lines()
        .filter(|l| l.contains("\"text\":\"Asif\""))
        .all(|l| l.contains("\"canonical\":\"Khawaja Muhammad Asif\"")));
}

#[test]
fn table_lists_each_person_once() {
    let o = run(
        canonym().args([
            "extract",
            "--format",
            "table",
            "seeds/000_9df6cd357a178ece.txt",
            "seeds/001_155044ffbf4aefb2.txt",
            "seeds/002_7beac003ace1dab1.txt",
            "seeds/003_bd7804d8fc4330b3.txt",
            "seeds/004_ced1be549008465e.txt",
        ]),
        "",
    );
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8(o.stdout).unwrap();
    let persons: Vec<&str> = out.lines().filter(|l| l.contains(" person ")).collect();
    assert_eq!(persons.len(), 13, "{out}");
    let loudiyi = persons
        .iter()
        .find(|l| l.starts_with("Abdellatif Loudiyi"))
        .unwrap();
    for v in [
        "Abdeltif Loudyi (001",
        "AbdellatifLoudyi (002",
        "Abdellatif Loudyi (002",
    ] {
        assert!(loudiyi.contains(v), "{loudiyi}");
    }
}

#[test]
fn missing_file_is_an_error_and_the_rest_goes_on() {
    let o = run(
        canonym().args([
            "extract",
            "no/such/file.txt",
            "seeds/004_ced1be549008465e.txt",
        ]),
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no/such/file.txt"));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Mouhib"));
}

#[test]
fn threads_do_not_change_the_mentions() {
    let files = [
        "seeds/000_9df6cd357a178ece.txt",
        "tests/news/01_gulf_diplomacy.txt",
    ];
    let mut outs = Vec::new();
    for j in ["1", "2", "0"] {
        let mut args = vec!["extract", "-j", j, "--format", "jsonl"];
        args.extend(files);
        let o = run(canonym().args(&args), "");
        assert_eq!(o.status.code(), Some(0), "-j {j}");
        outs.push(String::from_utf8(o.stdout).unwrap());
    }
    assert!(outs[0].lines().count() > 5);
    assert_eq!(outs[0], outs[1]);
    assert_eq!(outs[0], outs[2]);
    let bad = run(canonym().args(["extract", "-j", "many"]), "");
    assert_eq!(bad.status.code(), Some(2));
}
