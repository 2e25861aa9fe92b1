"""canonym.Store: the entity store from Python, equal to the command-line tool's."""

import csv
import json
import os
import sqlite3
import subprocess
import sys

import pytest

import canonym
from conftest import ROOT

DAY1 = ["Abdellatif Loudiyi", "Nasser Bourita", "Aziz Akhannouch", "Bourita"]
DOCS1 = ["a", "a", "b", "a"]
DAY2 = ["Abdeltif Loudyi", "Nasser Bourita", "Fouzi Lekjaa"]


def _partition(rows):
    """Mentions grouped by entity, as sets of input positions."""
    groups = {}
    for i, r in enumerate(rows):
        groups.setdefault(r["entity"], set()).add(i)
    return sorted(sorted(g) for g in groups.values())


def test_ids_are_kept_across_runs_and_differ_between_stores(tmp_path):
    path = tmp_path / "news.db"
    with canonym.Store(path) as store:
        day1 = store.resolve(DAY1, docs=DOCS1)
    assert [r["name"] for r in day1] == DAY1
    assert [r["id"] for r in day1] == ["1", "2", "3", "4"]
    assert day1[1]["entity"] == day1[3]["entity"]  # "Bourita" in the same document
    store = canonym.Store(path)
    day2 = store.resolve(DAY2, docs=["c", "c", "c"])
    assert day2[0]["entity"] == day1[0]["entity"]
    assert day2[1]["entity"] == day1[1]["entity"]
    assert day2[2]["entity"] not in {r["entity"] for r in day1}
    other = canonym.Store(tmp_path / "other.db").resolve(DAY1, docs=DOCS1)
    assert not {r["entity"] for r in other} & {r["entity"] for r in day1 + day2}
    assert _partition(other) == _partition(day1)


def test_inputs_may_be_pandas_or_pyarrow(tmp_path):
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    plain = canonym.Store(tmp_path / "a.db").resolve(DAY1, docs=DOCS1)
    framed = canonym.Store(tmp_path / "b.db").resolve(pd.Series(DAY1), docs=pd.Series(DOCS1))
    arrow = canonym.Store(tmp_path / "c.db").resolve(pa.array(DAY1), docs=pa.array(DOCS1), ids=pa.array([5, 6, 7, 8]))
    assert _partition(framed) == _partition(plain) == _partition(arrow)
    assert [r["canonical"] for r in framed] == [r["canonical"] for r in plain]
    assert [r["id"] for r in arrow] == ["5", "6", "7", "8"]
    table = canonym.Store(tmp_path / "a.db").to_pandas()
    assert list(table.columns) == ["id", "canonical", "kind", "name", "key", "alias", "count"]
    assert table["count"].sum() == len(DAY1)


def test_resolve_equals_the_cli_with_a_store(cli, clusters, tmp_path):
    rows = clusters[:400]
    text = "".join(json.dumps({"id": str(i + 1), "name": r["name"], "doc": r["doc"]}) + "\n" for i, r in enumerate(rows))
    want = [json.loads(l) for l in cli("resolve", "--input-format", "jsonl", "--store", str(tmp_path / "cli.db"), "-", input=text).splitlines()]
    got = canonym.Store(tmp_path / "py.db").resolve([r["name"] for r in rows], docs=[r["doc"] for r in rows])
    assert len(got) == len(want) == len(rows)
    assert _partition(got) == _partition(want)
    for g, w in zip(got, want):
        assert (g["id"], g["name"], g["canonical"], g["score"], g["ambiguous"]) == (
            w["id"], w["name"], w["canonical"], w["score"], w["ambiguous"])
    # The store the tool wrote reads the same from Python.
    cli_store = canonym.Store(tmp_path / "cli.db", read_only=True)
    assert {e["id"] for e in cli_store.list()} == {w["entity"] for w in want}


def test_decisions_hold_are_logged_and_undone(tmp_path):
    store = canonym.Store(tmp_path / "s.db")
    rows = store.resolve(DAY1, docs=DOCS1)
    loudiyi, bourita, akhannouch = rows[0]["entity"], rows[1]["entity"], rows[2]["entity"]

    merge = store.merge([loudiyi, akhannouch], note="one person")
    assert merge["action"] == "merge" and merge["entity"] == loudiyi and merge["note"] == "one person"
    assert store.show(akhannouch)["id"] == loudiyi
    assert store.live_id(akhannouch) == loudiyi
    assert store.resolve(["Aziz Akhannouch"])[0]["entity"] == loudiyi
    assert len(store.list()) == 2

    alias = store.alias(bourita, ["Nasser Burita"])
    named = {n["name"]: n for n in store.show(bourita)["names"]}
    assert named["Nasser Burita"]["alias"] is True

    split = store.split(bourita, "Bourita", note="another Bourita")
    assert "Bourita" not in {n["name"] for n in store.show(bourita)["names"]}
    assert store.resolve(["Bourita"], docs=["a"])[0]["entity"] != bourita

    log = store.log()
    assert [d["action"] for d in log] == ["merge", "alias", "split"]
    assert [d["id"] for d in log] == [merge["id"], alias["id"], split["id"]]

    undo = store.undo(merge["id"], note="two people after all")
    assert undo["action"] == "undo"
    assert store.show(akhannouch)["id"] == akhannouch
    assert store.log()[0]["undone"] == undo["id"]


def test_export_writes_jsonl_and_csv(tmp_path):
    store = canonym.Store(tmp_path / "s.db")
    store.resolve(DAY1, docs=DOCS1)
    store.export(tmp_path / "e.jsonl")
    store.export(tmp_path / "e.csv", format="csv")
    lines = [json.loads(l) for l in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert lines == store.list()
    with open(tmp_path / "e.csv", newline="", encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    assert sum(int(r["count"]) for r in table) == len(DAY1)
    assert {r["id"] for r in table} == {e["id"] for e in lines}
    with pytest.raises(ValueError, match="format"):
        store.export(tmp_path / "e.xml", format="xml")


def test_import_seeds_known_names(tmp_path):
    table = tmp_path / "aliases.csv"
    table.write_text('id,name,aliases\nQ1,Nasser Bourita,"N. Bourita|Naser Burita"\n', encoding="utf-8")
    store = canonym.Store(tmp_path / "s.db")
    assert store.import_table(table) == 1
    (entity,) = store.list()
    assert entity["external"] == "Q1"
    assert store.resolve(["Naser Burita"])[0]["entity"] == entity["id"]


def test_the_file_can_be_read_with_sqlite(tmp_path):
    path = tmp_path / "s.db"
    rows = canonym.Store(path).resolve(DAY1, docs=DOCS1)
    with sqlite3.connect(path) as db:
        ids = {r[0] for r in db.execute("SELECT id FROM entities WHERE redirect IS NULL")}
        (check,) = db.execute("PRAGMA integrity_check").fetchone()
    assert ids == {r["entity"] for r in rows}
    assert check == "ok"


def test_errors_are_oserror_for_files_and_valueerror_for_decisions(tmp_path):
    with pytest.raises(OSError, match="directory"):
        canonym.Store(tmp_path)
    junk = tmp_path / "junk.db"
    junk.write_text("not a database at all, just some text\n")
    with pytest.raises(OSError, match="not a canonym store"):
        canonym.Store(junk)
    assert junk.read_text() == "not a database at all, just some text\n"
    with pytest.raises(OSError, match="no such store"):
        canonym.Store(tmp_path / "missing.db", read_only=True)

    store = canonym.Store(tmp_path / "s.db")
    rows = store.resolve(DAY1, docs=DOCS1)
    a = rows[0]["entity"]
    with pytest.raises(ValueError):
        store.merge([a, a])
    with pytest.raises(ValueError):
        store.merge([a, "e0000000000"])
    with pytest.raises(ValueError):
        store.split(a, ["Somebody Else"])
    with pytest.raises(ValueError):
        store.undo(99)
    with pytest.raises(ValueError, match="threshold"):
        canonym.Store(tmp_path / "t.db", threshold=2.0)
    assert store.log() == []

    reader = canonym.Store(tmp_path / "s.db", read_only=True)
    with pytest.raises(OSError, match="reading only"):
        reader.resolve(["Nasser Bourita"])
    store.close()
    with pytest.raises(ValueError, match="closed"):
        store.list()


def test_a_second_writer_waits_then_fails_busy(tmp_path):
    path = tmp_path / "s.db"
    canonym.Store(path).resolve(DAY1, docs=DOCS1)
    # The other writer is another process: POSIX locks do not separate two
    # connections of one process that use two copies of SQLite.
    hold = (
        "import sqlite3, sys, time\n"
        "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "db.execute('BEGIN IMMEDIATE')\n"
        "print('locked', flush=True)\n"
        "sys.stdin.readline()\n"
    )
    writer = subprocess.Popen([sys.executable, "-c", hold, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "locked"
        with pytest.raises(OSError, match="busy"):
            canonym.Store(path, wait=0.2).resolve(DAY2)
        # Readers go on.
        assert len(canonym.Store(path, read_only=True).list()) == 3
    finally:
        writer.communicate("done\n", timeout=30)
    assert len(canonym.Store(path).resolve(DAY2)) == 3


def test_extract_into_a_store_equals_the_cli(cli, tmp_path):
    seeds = sorted((ROOT / "seeds").glob("*.txt"))[:6]
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    docs = [str(p) for p in seeds]
    want = [json.loads(l) for l in cli("extract", "--store", str(tmp_path / "cli.db"), *docs).splitlines()]
    store = canonym.Store(tmp_path / "py.db")
    got = store.extract(texts, docs=docs)
    assert len(got) == len(want) > 0
    keys = ("doc", "text", "kind", "canonical")
    assert [{k: g[k] for k in keys} for g in got] == [{k: w[k] for k in keys} for w in want]
    # Stored ids are opaque and differ between stores; the partitions agree.
    assert _partition(got) == _partition(want)
    stored = {e["id"]: e for e in store.list()}
    assert {g["entity"] for g in got} == set(stored)
    assert sum(e["count"] for e in stored.values()) == len(got)
    by_doc = dict(zip(docs, texts))
    assert all(by_doc[g["doc"]][g["start"] : g["end"]] == g["text"] for g in got)
    # A second day: the same texts find the same entities, counts grow.
    again = store.extract(texts, docs=docs)
    assert [g["entity"] for g in again] == [g["entity"] for g in got]
    assert sum(e["count"] for e in store.list()) == 2 * len(got)
    store.close()
    with pytest.raises(ValueError, match="closed"):
        store.extract(texts)


def test_extract_into_a_store_names_documents_by_index(tmp_path):
    with canonym.Store(tmp_path / "s.db") as store:
        rows = store.extract(["Nasser Bourita met Aziz Akhannouch. Bourita said no.", "Nothing here."])
        assert rows and {r["doc"] for r in rows} == {"0"}
        bourita = [r for r in rows if "Bourita" in r["text"]]
        assert len(bourita) == 2 and len({r["entity"] for r in bourita}) == 1
        with pytest.raises(ValueError, match="str"):
            store.extract(["a text", 3])
