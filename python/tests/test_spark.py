"""canonym.spark in local mode: the same entities as `canonym resolve`."""

import collections
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

pytest.importorskip("pyspark")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")


def _java_ok():
    if shutil.which("java") is None:
        return "no `java` on PATH"
    done = subprocess.run(["java", "-version"], capture_output=True, text=True)
    if done.returncode != 0:
        return f"`java -version` failed: {done.stderr.strip()}"
    return None


@pytest.fixture(scope="module")
def spark():
    problem = _java_ok()
    if problem:
        pytest.fail(f"Spark needs Java 17 or later: {problem}")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    s = (
        SparkSession.builder.master("local[2]")
        .appName("canonym-tests")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


def _cli_resolve(cli, rows):
    text = "".join(json.dumps(r) + "\n" for r in rows)
    out = cli("resolve", "--input-format", "jsonl", "-", input=text)
    return {j["id"]: j for j in map(json.loads, out.splitlines())}


def _spark_resolve(spark, rows, **kw):
    import canonym.spark as cs

    df = spark.createDataFrame([(r["id"], r["name"], r["doc"]) for r in rows], "id string, name string, doc string")
    return {r["id"]: r.asDict() for r in cs.resolve(df, doc="doc", **kw).collect()}


def _agreement(a, b):
    """Pairwise agreement of two partitions of the same ids (Rand index)."""
    ids = sorted(a)
    same_a = collections.defaultdict(list)
    same_b = collections.defaultdict(list)
    for i in ids:
        same_a[a[i]].append(i)
        same_b[b[i]].append(i)
    n = len(ids)
    total = n * (n - 1) // 2
    both = collections.Counter((a[i], b[i]) for i in ids)
    pairs = lambda c: sum(k * (k - 1) // 2 for k in c)
    ta, tb, tab = pairs(map(len, same_a.values())), pairs(map(len, same_b.values())), pairs(both.values())
    disagree = ta + tb - 2 * tab
    return 1 - disagree / total


def test_building_block_columns(spark):
    import canonym
    import canonym.spark as cs
    from pyspark.sql import functions as F

    names = [("Abdellatif Loudiyi", "Loudyi Abdeltif"), ("Omar Haddad", "Karim Haddad")]
    df = spark.createDataFrame(names, "a string, b string")
    rows = df.select(cs.score("a", "b").alias("s"), cs.blocking_keys(F.col("a")).alias("k"), cs.keys("b").alias("key")).collect()
    assert [r.s for r in rows] == canonym.score([a for a, _ in names], [b for _, b in names])
    assert [list(r.k) for r in rows] == canonym.blocking_keys([a for a, _ in names])
    assert [r.key for r in rows] == canonym.keys([b for _, b in names])


def _same_fields(got, want, ids):
    keys = ("entity", "canonical", "score", "ambiguous")
    return [i for i in ids if {k: got[i][k] for k in keys} != {k: want[i][k] for k in keys}]


def test_resolve_equals_the_cli_on_the_seed_mentions(spark, cli):
    import canonym

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    found = canonym.extract([p.read_text(encoding="utf-8") for p in seeds], docs=[p.stem for p in seeds])
    rows = [{"id": str(i), "name": m["text"], "doc": m["doc"]} for i, m in enumerate(found)]
    assert len(rows) > 20
    want = _cli_resolve(cli, rows)
    got = _spark_resolve(spark, rows)
    assert set(got) == set(want)
    assert _same_fields(got, want, want) == []


def test_resolve_agrees_with_the_cli_on_eval_clusters(spark, cli, clusters):
    rows = [{"id": str(i), "name": r["name"], "doc": r["doc"]} for i, r in enumerate(clusters)]
    want = _cli_resolve(cli, rows)
    got = _spark_resolve(spark, rows)
    assert set(got) == set(want)
    agreement = _agreement({i: w["entity"] for i, w in want.items()}, {i: g["entity"] for i, g in got.items()})
    # The single-machine resolver compares a name with at most 32 candidate
    # entities; within a component the crowd is smaller, so a variant such
    # as "Muhammad VI" can meet the entity it belongs to ("Mohammed VI").
    assert agreement >= 0.99
    assert len(_same_fields(got, want, want)) <= len(rows) // 50


def test_resolve_does_not_depend_on_partitioning(spark, clusters):
    rows = [{"id": str(i), "name": r["name"], "doc": r["doc"]} for i, r in enumerate(clusters)]
    a = _spark_resolve(spark, rows)
    spark.conf.set("spark.sql.shuffle.partitions", "7")
    try:
        b = _spark_resolve(spark, rows[::-1])
    finally:
        spark.conf.set("spark.sql.shuffle.partitions", "4")
    assert a == b


def test_resolve_equals_the_cli_on_generated_mentions(spark, cli):
    gen = ROOT / "target" / "debug" / "examples" / "gen_mentions"
    if not gen.exists():
        pytest.skip("no gen_mentions example built (cargo test builds it)")
    out = subprocess.run([str(gen), "10000"], capture_output=True, text=True, check=True).stdout
    rows = [{k: j[k] for k in ("id", "name", "doc")} for j in map(json.loads, out.splitlines())]
    assert len(rows) == 10000
    want = _cli_resolve(cli, rows)
    got = _spark_resolve(spark, rows)
    assert set(got) == set(want)
    assert _same_fields(got, want, want) == []


def _estimate_bits(df):
    """The bits of Spark's size estimate of ``df``'s optimised plan, or
    None where the Java DataFrame is out of reach (Spark Connect)."""
    if not hasattr(df, "_jdf") or not hasattr(sys, "set_int_max_str_digits"):
        return None
    digits = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return int(str(df._jdf.queryExecution().optimizedPlan().stats().sizeInBytes())).bit_length()
    finally:
        sys.set_int_max_str_digits(digits)


def test_resolve_keeps_the_size_estimate_small(spark):
    """Spark's size estimate of what resolve returns stays small: with the
    labels of the components search checkpointed with their estimate, it
    tripled in digits every round and reached about 257,000 bits on 2,000
    generated mentions (an out-of-memory error in the driver at 1M)."""
    import canonym.spark as cs

    gen = ROOT / "target" / "debug" / "examples" / "gen_mentions"
    if not gen.exists():
        pytest.skip("no gen_mentions example built (cargo test builds it)")
    out = subprocess.run([str(gen), "2000"], capture_output=True, text=True, check=True).stdout
    rows = [(j["id"], j["name"], j["doc"]) for j in map(json.loads, out.splitlines())]
    df = spark.createDataFrame(rows, "id string, name string, doc string")
    bits = _estimate_bits(cs.resolve(df, doc="doc"))
    if bits is None:
        pytest.skip("no Java DataFrame (Spark Connect)")
    assert bits < 16384


def test_resolve_bounds_components(spark, clusters):
    import canonym.spark as cs

    rows = [{"id": str(i), "name": r["name"], "doc": r["doc"]} for i, r in enumerate(clusters)]
    free = _spark_resolve(spark, rows)
    cut = _spark_resolve(spark, rows, max_component_names=2)
    from canonym import _canonym

    names = {r["id"]: r["name"] for r in rows}
    complete = dict(zip(names.values(), _canonym.profile(list(names.values()))[1]))

    def widest(res):
        per = collections.defaultdict(set)
        for i, r in res.items():
            if complete[names[i]]:
                per[r["entity"]].add(names[i])
        return max(map(len, per.values()))

    # Unbounded, some entity gathers more than two complete spellings;
    # bounded, none can, since an entity lies within one piece of a
    # component (a short name's mention may join a piece from its document).
    assert widest(free) > 2
    assert widest(cut) <= 2
    with pytest.raises(ValueError, match="max_component_names"):
        cs.resolve(spark.createDataFrame([("1", "A B")], "id string, name string"), max_component_names=0)


def test_a_common_short_name_does_not_chain_namesakes(spark, cli):
    """"Okafor" matches every Okafor: its pairs would put all of them in one
    component, which a bound of three names would cut apart. It is a hub
    instead: each of its mentions goes to the Okafor of its own document,
    or stays apart, ambiguous, where its document has none or two."""
    rows = [
        ("1", "John Okafor", "a"), ("2", "Okafor", "a"),
        ("3", "Mary Okafor", "b"), ("4", "Okafor", "b"), ("5", "Mary Okafor", "b"),
        ("6", "Peter Okafor", "c"), ("7", "OKAFOR", "c"),
        ("8", "Okafor", "d"),
        ("9", "John Okafor", "e"), ("10", "Peter Okafor", "e"), ("11", "Okafor", "e"),
        ("12", "Jon Okafor", "f"), ("13", "J. Okafor", "f"),
    ]
    rows = [{"id": i, "name": n, "doc": d} for i, n, d in rows]
    want = _cli_resolve(cli, rows)
    got = _spark_resolve(spark, rows, max_component_names=3)
    assert _same_fields(got, want, want) == []
    assert got["2"]["entity"] == got["1"]["entity"] != got["4"]["entity"] == got["3"]["entity"]
    assert got["8"]["ambiguous"] and got["11"]["ambiguous"] and got["8"]["entity"] == got["11"]["entity"]


def test_a_hub_mention_its_document_cannot_place_keeps_the_hubs_entity(spark, cli):
    """"Hussein" matches complete names of two components, so it is a hub.
    In document z it goes to the component of that document's complete
    names, where it fits two entities ("Ahmed Khalid Hussein" and "Ahmed
    Omar Hussein", one component through "Ahmed Hussein"): like one
    machine, it must then share the entity of the hub's lone mention in w,
    marked ambiguous, not get an entity of its own in that component."""
    rows = [
        ("1", "Ahmed Khalid Hussein", "z"), ("2", "Ahmed Omar Hussein", "z"), ("3", "Hussein", "z"),
        ("4", "Ahmed Hussein", "x"),
        ("5", "Saddam Hussein", "y"), ("6", "Hussein", "y"),
        ("7", "Hussein", "w"),
    ]
    rows = [{"id": i, "name": n, "doc": d} for i, n, d in rows]
    want = _cli_resolve(cli, rows)
    got = _spark_resolve(spark, rows)
    assert _same_fields(got, want, want) == []
    assert got["3"]["entity"] == got["7"]["entity"] != got["1"]["entity"]
    assert got["3"]["ambiguous"] and got["7"]["ambiguous"]
    assert got["6"]["entity"] == got["5"]["entity"] and not got["6"]["ambiguous"]


def test_resolve_reads_common_keys_as_the_index_does(spark, cli):
    """Blocking caps lowered so that keys saturate on a few names: a
    misspelling whose rarest keys are its own still reads its next key,
    held by more than 2 × max_candidates names, as the single-machine index
    does, takes the most mentioned of its holders, and finds the usual
    spelling through it."""
    import canonym
    import canonym.spark as cs

    postings, candidates = 8, 2
    pair = ["Mohammed Tolouovli", "Mohammed Tolouobli"]
    tolo = ["Ahmed Tolozaqi", "Ahmed Tolokaru", "Ahmed Tolomeni", "Ahmed Tolosavi", "Ahmed Toloberu"]
    others = [
        "Mohammed " + s
        for s in ["Xuzaqe", "Brandt", "Okafor", "Lindqvist", "Haddad", "Petrenko", "Nakamura", "Fonseca",
                  "Gallagher", "Rasmussen", "Delacroix", "Wojcik"]
    ]
    names = pair + tolo + others
    # The precondition: the two spellings share only keys that the old
    # rule (rarest key, or at most 2 × max_candidates holders) left unread.
    holders = collections.Counter(k for ks in canonym.blocking_keys(names) for k in set(ks))
    a, b = (set(ks) for ks in canonym.blocking_keys(pair))
    assert a & b
    assert all(holders[k] - 1 > 2 * candidates for k in a & b)
    assert min(holders[k] for k in a) == 1 and min(holders[k] for k in b) == 1
    assert canonym.compare(*pair).is_match

    mentioned = names + [pair[0]] * 2
    rows = [{"id": str(i), "name": n, "doc": f"d{i}"} for i, n in enumerate(mentioned)]
    got = _spark_resolve(spark, rows, max_postings=postings, max_candidates=candidates)
    assert got["0"]["entity"] == got["1"]["entity"]
    want = _cli_resolve(cli, rows)
    assert _agreement({i: r["entity"] for i, r in got.items()}, {i: r["entity"] for i, r in want.items()}) == 1.0


def test_blocking_reads_follow_the_index_policy(spark):
    """The keys a name reads, against the policy of src/index.rs written out
    in Python: complete keys rarest first while fewer than max_candidates
    other holders came before, or with at most 2 × max_candidates other
    holders; the first saturated key only when nothing came before."""
    import canonym
    from canonym.spark import _blocking_reads

    postings, candidates = 6, 2
    names = ["Mohammed Ali", "Mohammed", "Mohamed Ali Tolouovli", "Ali Tolouobli", "Ahmed Tolozaqi",
             "Ahmed Tolokaru", "Ahmed Tolomeni", "Ahmed Ali", "Ali", "Mohammed Haddad", "Mohammed Okafor",
             "Mohammed Brandt", "Mohammed Nakamura", "Mohammed Fonseca", "Omar Ali", "Omar Haddad"]
    bks = canonym.blocking_keys(names)
    freq = [1 + (v % 3) for v in range(len(names))]
    df = spark.createDataFrame([(i, ks, f) for i, (ks, f) in enumerate(zip(bks, freq))], "v long, bk array<string>, f long")
    rows = _blocking_reads(df, postings, candidates).collect()
    got = {(r["v"], r["k"], r["lim"]) for r in rows if r["read"]}

    n = collections.Counter(k for ks in bks for k in set(ks))
    want = set()
    for v, ks in enumerate(bks):
        order = sorted(set(ks), key=lambda k: (n[k] > postings, n[k], k))
        before = 0
        for k in order:
            sat = n[k] > postings
            others = (postings if sat else n[k]) - 1
            if not sat and others <= 2 * candidates:
                want.add((v, k, postings))
            elif sat:
                if before == 0:
                    want.add((v, k, candidates))
                break
            elif before < candidates:
                want.add((v, k, candidates))
            before += others
    assert got == want
    # A key's holders ranked most mentioned first.
    for r in rows:
        ahead = [x for x in rows if x["k"] == r["k"] and x["h"] < r["h"]]
        assert all((freq[x["v"]], -x["v"]) > (freq[r["v"]], -r["v"]) for x in ahead)
    # Some name reads a key beyond its rarest that has more than
    # 2 × max_candidates other holders, and some reads a saturated key.
    assert any(n[k] - 1 > 2 * candidates and n[k] <= postings for _, k, _ in got)
    assert any(n[k] > postings for _, k, _ in got)


def test_components_of_a_long_chain_converge_in_few_rounds(spark):
    """A chain of 200 vertices, its smallest vertex in the middle and the
    ids shuffled along it: one component, labelled by its smallest vertex,
    in far fewer rounds than its diameter (plain label propagation needs
    about 100 here)."""
    import random

    from canonym.spark import _components

    ids = list(range(1000, 1200))
    random.Random(7).shuffle(ids)
    ids.remove(1000)
    ids.insert(100, 1000)
    edges = spark.createDataFrame(list(zip(ids, ids[1:])), "a long, b long")
    other = spark.createDataFrame([(5, 6), (6, 7)], "a long, b long")
    labels = _components(edges.union(other), 10)
    got = {r["v"]: r["c"] for r in labels.collect()}
    assert got == {**{v: 1000 for v in ids}, 5: 5, 6: 5, 7: 5}
    # Spark's size estimate of what follows stays small: a checkpoint kept
    # its plan's estimate, which tripled in digits a round (thousands of
    # bits here, an out-of-memory error at 1M mentions).
    bits = _estimate_bits(labels.join(labels.withColumnRenamed("c", "c2"), "v"))
    assert bits is None or bits < 1024
    with pytest.raises(RuntimeError, match="did not converge"):
        _components(edges, 2)
