//! Command-line tests of `canonym match` and `canonym resolve`.

use std::process::Output;

use crate::util::{canonym, run};

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn match_two_names_sets_the_exit_code() {
    let yes = run(
        canonym().args(["match", "Abdellatif Loudiyi", "Loudyi Abdeltif"]),
        "",
    );
    assert_eq!(yes.status.code(), Some(0));
    let out = stdout(&yes);
    assert!(out.starts_with("0.") && out.contains("\tmatch"), "{out}");
    assert!(
        out.contains("transliteration"),
        "explanation missing: {out}"
    );
    let no = run(canonym().args(["match", "Mohammed VI", "Mohammed V"]), "");
    assert_eq!(no.status.code(), Some(1));
    assert!(stdout(&no).contains("different numbers"));
    // One argument is a file of pairs: a missing one is an error.
    let bad = run(canonym().args(["match", "only one"]), "");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("only one"));
}

#[test]
fn match_pairs_one_line_each_with_error_records() {
    let input = "Juvénal Marizamunda\tJ. Marizamunda\nno tab here\nBayer AG\tBayer Aktiengesellschaft\n\nOmar Haddad\tKarim Haddad\n";
    let o = run(canonym().args(["match", "--format", "jsonl"]), input);
    assert_eq!(
        o.status.code(),
        Some(2),
        "malformed lines make the run fail"
    );
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 5, "one record per input line");
    assert_eq!(lines[0]["match"], true);
    assert!(lines[0]["explanation"].as_array().unwrap().len() >= 2);
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["match"], true);
    assert_eq!(lines[3]["line"], 4);
    assert_eq!(lines[4]["match"], false);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(":2:") && err.contains(":4:"), "{err}");
}

#[test]
fn resolve_writes_one_record_per_mention() {
    let input =
        "Khawaja Muhammad Asif\nAbdellatif Loudiyi\nAbdeltif Loudyi\nMohammed VI\nMohammed V\n";
    let o = run(canonym().args(["resolve"]), input);
    assert_eq!(o.status.code(), Some(0));
    let recs: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 5);
    assert_eq!(recs[0]["id"], "1");
    assert_eq!(recs[1]["entity"], recs[2]["entity"]);
    assert_ne!(recs[3]["entity"], recs[4]["entity"]);
    for r in &recs {
        for field in ["id", "name", "entity", "canonical", "score", "ambiguous"] {
            assert!(r.get(field).is_some(), "{field} missing in {r}");
        }
    }
}

#[test]
fn resolve_reports_lines_without_a_name() {
    let o = run(
        canonym().args(["resolve"]),
        "Mohammed VI\n\n  \n...\nMohammed VI\n",
    );
    assert_eq!(o.status.code(), Some(2));
    let recs: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 5, "one record per line");
    for (k, line) in [(1, 2), (2, 3), (3, 4)] {
        assert_eq!(recs[k]["line"], line);
        assert_eq!(recs[k]["error"], "no name in this line");
    }
    assert_eq!(recs[0]["entity"], recs[4]["entity"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("<stdin>:2: no name"), "{stderr}");
    let j = run(
        canonym().args(["resolve", "--input-format", "jsonl"]),
        "{\"name\": \"\"}\n{\"name\": \"Asif\"}\n",
    );
    let recs: Vec<serde_json::Value> = stdout(&j)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs[0]["error"], "no name in this line");
    assert_eq!(recs[1]["canonical"], "Asif");
}

#[test]
fn resolve_jsonl_uses_documents_and_reports_bad_lines() {
    let input = concat!(
        "{\"id\": \"a1\", \"name\": \"Defence Minister Khawaja Muhammad Asif\", \"doc\": \"002\"}\n",
        "{\"name\": \"Asif\", \"doc\": \"002\"}\n",
        "not json\n",
        "{\"name\": \"Maj. Gen. Vincent Nyakarundi\", \"doc\": \"001\", \"kind\": \"person\"}\n",
        "{\"name\": \"Nyakarundi\", \"doc\": \"001\"}\n",
    );
    let o = run(
        canonym().args(["resolve", "--input-format", "jsonl"]),
        input,
    );
    assert_eq!(o.status.code(), Some(2));
    let recs: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 5);
    assert_eq!(recs[0]["id"], "a1");
    assert_eq!(
        recs[0]["entity"], recs[1]["entity"],
        "surname joins its document's full name"
    );
    assert_eq!(recs[2]["line"], 3);
    assert_eq!(recs[3]["entity"], recs[4]["entity"]);
    assert_eq!(recs[3]["canonical"], "Vincent Nyakarundi");
    let e = run(
        canonym().args(["resolve", "--input-format", "jsonl", "--entities"]),
        input,
    );
    let ents: Vec<serde_json::Value> = stdout(&e)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(ents.len(), 2, "{ents:?}");
    assert!(ents.iter().all(|x| x["count"] == 2));
}

#[test]
fn resolve_with_aliases_and_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let aliases = dir.join("aliases.json");
    std::fs::write(
        &aliases,
        r#"[{"id": "Q1", "canonical": "Khalifa Haftar", "kind": "person", "aliases": ["Khalifa Hafter", "Khalifa Belqasim Haftar"]}]"#,
    )
    .unwrap();
    let csv = dir.join("mentions.csv");
    std::fs::write(
        &csv,
        "who,doc\nMarshal Khalifa Hafter,x\nKhalifa Haftar,y\nNina Kozlowski,x\n",
    )
    .unwrap();
    let o = run(
        canonym().args([
            "resolve",
            "--aliases",
            aliases.to_str().unwrap(),
            "--input-format",
            "csv",
            "--column",
            "who",
            csv.to_str().unwrap(),
        ]),
        "",
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let recs: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["entity"], "Q1");
    assert_eq!(recs[1]["entity"], "Q1");
    assert_eq!(recs[0]["canonical"], "Khalifa Haftar");
    assert_ne!(recs[2]["entity"], "Q1");
    // A malformed alias table fails with its location and loads nothing.
    std::fs::write(
        &aliases,
        r#"[{"id": "Q1", "canonical": ""}, {"id": "Q1", "canonical": "X"}]"#,
    )
    .unwrap();
    let bad = run(
        canonym().args(["resolve", "--aliases", aliases.to_str().unwrap()]),
        "X\n",
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(stdout(&bad).is_empty());
}

#[test]
fn match_reads_pair_files_given_as_arguments_or_with_i() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.tsv");
    let b = dir.path().join("b.tsv");
    std::fs::write(&a, "Juvénal Marizamunda\tJ. Marizamunda\n").unwrap();
    std::fs::write(
        &b,
        "Omar Haddad\tKarim Haddad\nBayer AG\tBayer Aktiengesellschaft\n",
    )
    .unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let both = "Juvénal Marizamunda\tJ. Marizamunda\nOmar Haddad\tKarim Haddad\nBayer AG\tBayer Aktiengesellschaft\n";
    let want = stdout(&run(canonym().args(["match"]), both));
    assert_eq!(want.lines().count(), 3);
    let one = run(canonym().args(["match", a]), "");
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(
        stdout(&one),
        want.lines().next().unwrap().to_string() + "\n"
    );
    // Two arguments are names; with -i every argument is a file.
    for args in [
        vec!["match", "-i", a, b],
        vec!["match", "-i", a, "-i", b],
        vec!["match", "--input", a, "--input", b],
        vec!["match", a, b, "-"],
    ] {
        let stdin = if args.contains(&"-") {
            ""
        } else {
            "ignored\tinput\n"
        };
        let o = run(canonym().args(&args), stdin);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert_eq!(stdout(&o), want, "{args:?}");
    }
}

#[test]
fn threads_are_accepted_where_work_runs_in_parallel() {
    let pairs = "Omar Haddad\tKarim Haddad\nBayer AG\tBayer Aktiengesellschaft\n".repeat(50);
    let want = stdout(&run(canonym().args(["match", "--format", "jsonl"]), &pairs));
    for j in [["-j", "1"], ["-j", "3"], ["--threads", "2"]] {
        let o = run(
            canonym().args(["match", "--format", "jsonl", j[0], j[1]]),
            &pairs,
        );
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(stdout(&o), want, "match {j:?}");
    }
    let names = "Khawaja Muhammad Asif\nAsif\nKhawaja Asif\nBayer AG\n".repeat(20);
    let want = stdout(&run(canonym().args(["resolve"]), &names));
    assert_eq!(want.lines().count(), 80);
    for j in [["-j", "1"], ["-j", "2"], ["--threads", "0"]] {
        let o = run(canonym().args(["resolve", j[0], j[1]]), &names);
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(stdout(&o), want, "resolve {j:?}");
    }
    let o = run(canonym().args(["resolve", "-j", "many"]), &names);
    assert_eq!(o.status.code(), Some(2), "a bad count is a usage error");
}
