//! End-to-end tests of `canonym normalise`.

use std::fs;
use std::io::Read;
use std::process::{Output, Stdio};

use crate::util::{canonym, run};

/// A scratch directory of this test's own, removed when dropped.
fn scratch(test: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("canonym-cli-{test}-"))
        .tempdir()
        .unwrap()
}

fn stdout_lines(out: &Output) -> Vec<String> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(str::to_string)
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn display_forms_one_per_line() {
    let out = run(
        canonym().arg("normalise"),
        "Brig. Gen. Patrick Karuretwa\nJuvénal Marizamunda\n".as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout_lines(&out),
        ["Patrick Karuretwa", "Juvénal Marizamunda"]
    );
}

#[test]
fn american_spelling_alias() {
    let out = run(canonym().args(["normalize", "--key"]), b"ABDELTIF LOUDYI\n");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout_lines(&out), ["abdeltif loudyi"]);
}

#[test]
fn line_count_kept_with_empty_and_invalid_lines() {
    let input: &[u8] =
        b"Patrick Karuretwa\r\n\n\nJo\xffhn Sm\xc3ith\n,,,\r\n\xfe\xfe\nNasser Bourita";
    for threads in ["1", "2"] {
        let out = run(canonym().args(["normalise", "-j", threads, "-"]), input);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = String::from_utf8(out.stdout.clone()).unwrap();
        assert_eq!(text.matches('\n').count(), 7, "{text:?}");
        let lines = stdout_lines(&out);
        assert_eq!(lines[0], "Patrick Karuretwa");
        assert_eq!(lines[1], "");
        assert_eq!(lines[2], "");
        assert_eq!(lines[4], "");
        assert_eq!(lines[6], "Nasser Bourita");
        let err = stderr(&out);
        assert!(
            err.contains("canonym: <stdin>:4: invalid UTF-8, decoded lossily"),
            "{err}"
        );
        assert!(
            err.contains("canonym: <stdin>:6: invalid UTF-8, decoded lossily"),
            "{err}"
        );
        assert_eq!(err.lines().count(), 2, "{err}");
    }
}

#[test]
fn invalid_utf8_reported_with_file_and_line() {
    let dir = scratch("invalid");
    let file = dir.path().join("names.txt");
    fs::write(&file, b"Mark Esper\n\xc3\x28 Bourita\n").unwrap();
    let out = canonym().arg("normalise").arg(&file).output().unwrap();
    assert!(out.status.success());
    assert_eq!(stdout_lines(&out).len(), 2);
    assert!(stderr(&out).contains(&format!(
        "canonym: {}:2: invalid UTF-8, decoded lossily",
        file.display()
    )));
}

#[test]
fn keys() {
    let out = run(
        canonym().args(["normalise", "--key"]),
        "Loudyi Abdeltif\nВладимир Путин\n\n".as_bytes(),
    );
    assert!(out.status.success());
    assert_eq!(
        stdout_lines(&out),
        ["abdeltif loudyi", "putin vladimir", ""]
    );
}

#[test]
fn jsonl_has_every_field() {
    let out = run(
        canonym().args(["normalise", "--format", "jsonl"]),
        "BRIG. GEN. PATRICK KARURETWA\n\nAtlas Trading S.A.\n".as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = stdout_lines(&out)
        .iter()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect();
    assert_eq!(rows.len(), 3);
    let r = &rows[0];
    assert_eq!(r["input"], "BRIG. GEN. PATRICK KARURETWA");
    assert_eq!(r["display"], "Patrick Karuretwa");
    assert_eq!(r["key"], "karuretwa patrick");
    assert_eq!(r["kind"], "person");
    assert_eq!(r["titles"], serde_json::json!(["brig gen"]));
    assert_eq!(
        r["parts"],
        serde_json::json!([
            {"text": "Patrick", "tag": "given"},
            {"text": "Karuretwa", "tag": "family"},
        ])
    );
    let empty = &rows[1];
    assert_eq!(empty["input"], "");
    assert_eq!(empty["display"], "");
    assert_eq!(empty["key"], "");
    assert_eq!(empty["titles"], serde_json::json!([]));
    assert_eq!(empty["parts"], serde_json::json!([]));
    assert_eq!(rows[2]["kind"], "org");
    for row in &rows {
        for field in ["input", "display", "key", "kind", "titles", "parts"] {
            assert!(row.get(field).is_some(), "{field} missing in {row}");
        }
    }
}

#[test]
fn forced_kind() {
    let out = run(
        canonym().args(["normalise", "--format", "jsonl", "--kind", "org"]),
        b"Apple\n",
    );
    assert!(out.status.success());
    let row: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(row["kind"], "org");
    let out = canonym()
        .args(["normalise", "--kind", "dragon"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn key_and_jsonl_conflict() {
    let out = canonym()
        .args(["normalise", "--key", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn files_and_stdin_in_order() {
    let dir = scratch("order");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    fs::write(&a, "Mark Esper\n").unwrap();
    fs::write(&b, "Nasser Bourita").unwrap();
    let out = run(
        canonym().arg("normalise").arg(&a).arg("-").arg(&b),
        b"Abdellatif Loudiyi\n",
    );
    assert!(out.status.success());
    assert_eq!(
        stdout_lines(&out),
        ["Mark Esper", "Abdellatif Loudiyi", "Nasser Bourita"]
    );
}

#[test]
fn missing_file_reported_others_processed() {
    let dir = scratch("missing");
    let good = dir.path().join("good.txt");
    let missing = dir.path().join("missing.txt");
    fs::write(&good, "Mark Esper\n").unwrap();
    for threads in ["1", "2"] {
        let out = canonym()
            .args(["normalise", "-j", threads])
            .arg(&missing)
            .arg(&good)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(stdout_lines(&out), ["Mark Esper"]);
        let err = stderr(&out);
        assert!(
            err.starts_with(&format!("canonym: {}: ", missing.display())),
            "{err}"
        );
    }
}

#[test]
fn user_table_is_used() {
    let dir = scratch("table");
    let titles = dir.path().join("titles.tsv");
    fs::write(&titles, "# mine\nGrand Vizier\troyal\n").unwrap();
    let out = run(
        canonym()
            .arg("normalise")
            .arg("--table")
            .arg(format!("titles={}", titles.display())),
        b"Grand Vizier Jafar Barmaki\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout_lines(&out), ["Jafar Barmaki"]);
}

#[test]
fn malformed_table_reports_every_line() {
    let dir = scratch("bad-table");
    let table = dir.path().join("given.tsv");
    fs::write(&table, "# groups\nQ1\tmohamed\tmuhammad\nQ2\nQ3\n").unwrap();
    let out = run(
        canonym()
            .arg("normalise")
            .arg("--table")
            .arg(format!("given-names={}", table.display())),
        b"Mark Esper\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains(&format!("canonym: {}:3:", table.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!("canonym: {}:4:", table.display())),
        "{err}"
    );
}

#[test]
fn bad_table_arguments() {
    for arg in ["nonsense=x.tsv", "titles", "titles="] {
        let out = canonym()
            .args(["normalise", "--table", arg])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{arg}");
    }
    let out = canonym()
        .args(["normalise", "--table", "titles=/nonexistent/titles.tsv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("canonym: /nonexistent/titles.tsv: "));
}

#[test]
fn closed_stdout_exits_quietly() {
    let dir = scratch("pipe");
    let big = dir.path().join("big.txt");
    let line = "Brig. Gen. Patrick Karuretwa\n";
    fs::write(&big, line.repeat(200_000)).unwrap();
    for threads in ["1", "2"] {
        let mut child = canonym()
            .args(["normalise", "-j", threads])
            .arg(&big)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 17];
        stdout.read_exact(&mut first).unwrap();
        assert_eq!(&first, b"Patrick Karuretwa");
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(out.stderr.is_empty(), "{}", stderr(&out));
    }
}

#[test]
fn huge_single_line() {
    let mut input = "Karuretwa ".repeat(100_000).into_bytes();
    input.extend_from_slice(b"\nMark Esper\n");
    assert!(input.len() > 1_000_000);
    let out = run(canonym().args(["normalise", "--key"]), &input);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("karuretwa karuretwa"));
    assert_eq!(lines[1], "esper mark");
}

#[test]
fn unreadable_directory_input() {
    let dir = scratch("dir");
    let out = canonym().arg("normalise").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("canonym: "));
}
