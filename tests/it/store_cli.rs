//! `canonym resolve --store` and `canonym store` as a user runs them: a
//! run killed midway, a busy store, unusable files.

#![cfg(all(feature = "store", feature = "cli"))]

use std::io::Write;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::util::canonym;

/// `n` mention lines from a few thousand distinct names.
fn mentions(n: usize) -> String {
    let given = [
        "Amina", "Bruno", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hugo",
    ];
    let mut s = String::new();
    for i in 0..n {
        let g = given[i % given.len()];
        s.push_str(&format!("{g} Surname{}\n", (i * 7919) % 3000));
    }
    s
}

/// `canonym resolve ARGS --store STORE INPUT`, which must succeed.
fn resolve_into(args: &[&str], store: &Path, input: &Path) -> std::process::Output {
    let out = canonym()
        .arg("resolve")
        .args(args)
        .arg("--store")
        .arg(store)
        .arg(input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn sum(c: &rusqlite::Connection, sql: &str) -> i64 {
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn killed_run_keeps_committed_batches_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("m.txt");
    std::fs::write(&input, mentions(60_000)).unwrap();
    let db = dir.path().join("s.db");
    let mut child = canonym()
        .args(["resolve", "--batch", "5000", "--store"])
        .arg(&db)
        .arg(&input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once at least one batch is committed, before it ends.
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        if db.exists() {
            if let Ok(s) = canonym::Store::open_read_only(&db) {
                if s.batches().map(|b| !b.is_empty()).unwrap_or(false) {
                    break;
                }
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no batch committed"
        );
    }
    // SIGKILL.
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the run was not killed midway");
    let c = rusqlite::Connection::open(&db).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let batches = sum(&c, "SELECT count(*) FROM batches");
    assert!((1..12).contains(&batches), "{batches} batches");
    // Exactly the committed batches: whole batches of mentions.
    assert_eq!(sum(&c, "SELECT sum(mentions) FROM batches"), 5000 * batches);
    assert_eq!(sum(&c, "SELECT sum(count) FROM names"), 5000 * batches);
    drop(c);
    let out = resolve_into(&["--batch", "20000"], &db, &input);
    assert_eq!(out.stdout.iter().filter(|&&b| b == b'\n').count(), 60_000);
    let s = canonym::Store::open(&db).unwrap();
    s.check_integrity().unwrap();
    assert_eq!(s.batches().unwrap().len() as i64, batches + 3);
}

fn run(args: &[&str], path: &Path) -> (i32, String, String) {
    let out = canonym().args(args).arg(path).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn busy_store_exits_2_after_the_wait_and_readers_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let mut p = canonym()
        .args(["resolve", "--store"])
        .arg(&db)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    p.stdin
        .take()
        .unwrap()
        .write_all(b"Ada Lovelace\nGrace Hopper\n")
        .unwrap();
    assert!(p.wait().unwrap().success());
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let start = Instant::now();
    let (code, _, err) = {
        let input = dir.path().join("m.txt");
        std::fs::write(&input, "Alan Turing\n").unwrap();
        let out = canonym()
            .args(["resolve", "--wait", "0.3", "--store"])
            .arg(&db)
            .arg(&input)
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::new(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    assert_eq!(code, 2);
    assert!(err.contains("store is busy"), "{err}");
    assert!(start.elapsed() < Duration::from_secs(10));
    let (code, out, _) = run(&["store", "list"], &db);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2);
    holder.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn unusable_paths_and_bad_decisions_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("t.txt");
    std::fs::write(&text, "not a store at all, just some words\n").unwrap();
    for path in [dir.path(), text.as_path()] {
        let (code, _, err) = run(&["store", "list"], path);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("not") || err.contains("directory"), "{err}");
        let (code, _, err) = run(&["resolve", "--store"], path);
        assert_eq!(code, 2, "{err}");
    }
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "not a store at all, just some words\n"
    );
    let db = dir.path().join("s.db");
    let input = dir.path().join("m.txt");
    std::fs::write(&input, "Ada Lovelace\nGrace Hopper\n").unwrap();
    let out = canonym()
        .args(["resolve", "--store"])
        .arg(&db)
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success());
    let (_, list, _) = run(&["store", "list"], &db);
    let id = list.split('\t').next().unwrap().to_string();
    let out = canonym()
        .args(["store", "merge"])
        .arg(&db)
        .args([&id, &id])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("itself"));
    let out = canonym()
        .args(["store", "split"])
        .arg(&db)
        .args([&id, "Someone Else"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has no name"));
    let (code, log, _) = run(&["store", "log"], &db);
    assert_eq!((code, log.as_str()), (0, ""));
}

/// Reading commands whose output is closed early (`| head`) end quietly,
/// with status 0, however much they had left to write.
#[test]
fn closed_stdout_ends_store_commands_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("m.txt");
    std::fs::write(&input, mentions(20_000)).unwrap();
    let store = dir.path().join("s.db");
    resolve_into(&[], &store, &input);
    let commands: [&[&str]; 3] = [
        &["store", "list"],
        &["store", "export", "--format", "jsonl"],
        &["store", "export", "--format", "csv"],
    ];
    for args in commands {
        let mut child = canonym()
            .args(args)
            .arg(&store)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 1];
        std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}
