"""canonym.spark.resolve against `canonym resolve`, side by side in one run.

    python scripts/bench_spark.py mentions.jsonl OUTDIR [CANONYM_BIN]

mentions.jsonl: {"id","name","doc"} lines (cargo run --release --example
gen_mentions -- N). Runs `canonym resolve` (wall time and peak memory by
/usr/bin/time), then `canonym.spark.resolve` on local[2] with a 4 GiB
driver heap (enough for 1M mentions; the driver and the executors share
it in local mode) reading the same file and writing its result to
OUTDIR/spark (wall time; peak memory as the
largest sum of the resident sizes of this process and all its descendants,
the JVM and the Python workers included, sampled every 0.2 s). Prints both,
their ratio, the pairwise agreement of the two partitions of the mentions
(Rand index, and the Jaccard index of their same-entity pairs) with the
mentions that differ, and, when the lines carry "truth", each partition's
pairwise precision and recall against it, and how many of the pairs that
only one side joins are true. CANONYM_SPARK_ARGS, a JSON
object, passes keyword arguments to resolve (e.g. '{"max_component_names":
2000}').
"""

import collections
import glob
import json
import os
import subprocess
import sys
import threading
import time


def tree_rss(root):
    """The summed resident size (MiB) of `root` and its descendants."""
    kids = collections.defaultdict(list)
    rss = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{d}/statm") as f:
                rss[int(d)] = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
        kids[ppid].append(int(d))
    total, todo = 0, [root]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(kids.get(p, []))
    return total / 2**20


class Peak(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.peak, self.stop = 0.0, False

    def run(self):
        while not self.stop:
            self.peak = max(self.peak, tree_rss(os.getpid()))
            time.sleep(0.2)


def agreement(a, b):
    """Rand index of two partitions (dicts id -> label) of the same ids."""
    n = len(a)
    pairs = lambda c: sum(k * (k - 1) // 2 for k in c.values())
    ta = pairs(collections.Counter(a.values()))
    tb = pairs(collections.Counter(b.values()))
    tab = pairs(collections.Counter((a[i], b[i]) for i in a))
    return 1 - (ta + tb - 2 * tab) / (n * (n - 1) // 2)


def pair_scores(truth, got):
    """Pairwise precision and recall of partition ``got`` against ``truth``
    (dicts id -> label), and the Jaccard index of their same-label pairs."""
    pairs = lambda c: sum(k * (k - 1) // 2 for k in c.values())
    tt = pairs(collections.Counter(truth.values()))
    tg = pairs(collections.Counter(got.values()))
    both = pairs(collections.Counter((truth[i], got[i]) for i in truth))
    return both / max(tg, 1), both / max(tt, 1), both / max(tt + tg - both, 1)


def one_side_pairs(truth, a, b):
    """The same-entity pairs of partition ``a`` that ``b`` does not have
    (dicts id -> label): how many, and how many of them are true (same
    label in ``truth``)."""
    cells = collections.Counter((a[i], b[i], truth[i]) for i in truth)
    by_a = collections.defaultdict(list)
    for (x, y, t), k in cells.items():
        by_a[x].append((y, t, k))
    only = true = 0
    for cs in by_a.values():
        for i, (y1, t1, k1) in enumerate(cs):
            for y2, t2, k2 in cs[i + 1:]:
                if y1 != y2:
                    only += k1 * k2
                    true += k1 * k2 if t1 == t2 else 0
    return only, true


def local_spark():
    """The local two-core Spark session both benchmarks run on."""
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def main():
    path, outdir = sys.argv[1], sys.argv[2]
    cli = sys.argv[3] if len(sys.argv) > 3 else "target/release/canonym"
    os.makedirs(outdir, exist_ok=True)
    cli_out = os.path.join(outdir, "cli.jsonl")
    t = time.perf_counter()
    with open(cli_out, "w") as f:
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", cli, "resolve", "--input-format", "jsonl", path],
            stdout=f, stderr=subprocess.PIPE, text=True, check=True,
        )
    cli_s = time.perf_counter() - t
    cli_mib = int(done.stderr.strip().splitlines()[-1]) / 1024

    os.environ["PYSPARK_PYTHON"] = sys.executable
    import canonym.spark as cs

    peak = Peak()
    peak.start()
    spark = local_spark()
    t = time.perf_counter()
    df = spark.read.schema("id string, name string, doc string").json(path)
    kw = json.loads(os.environ.get("CANONYM_SPARK_ARGS", "{}"))
    cs.resolve(df, doc="doc", **kw).write.mode("overwrite").json(os.path.join(outdir, "spark"))
    spark_s = time.perf_counter() - t
    peak.stop = True
    peak.join()
    spark.stop()

    want = {j["id"]: j for j in map(json.loads, open(cli_out, encoding="utf-8"))}
    got = {}
    for p in glob.glob(os.path.join(outdir, "spark", "*.json")):
        got.update((j["id"], j) for j in map(json.loads, open(p, encoding="utf-8")))
    assert set(got) == set(want), "spark and cli resolved different mentions"
    keys = ("entity", "canonical", "score", "ambiguous")
    differ = [i for i in want if any(got[i][k] != want[i][k] for k in keys)]
    rand = agreement({i: w["entity"] for i, w in want.items()}, {i: g["entity"] for i, g in got.items()})
    n = len(want)
    print(f"resolve {n} mentions: cli {cli_s:.1f}s {cli_mib:.0f} MiB | spark local[2] {spark_s:.1f}s "
          f"{peak.peak:.0f} MiB | ratio {spark_s / cli_s:.0f}x time, {peak.peak / cli_mib:.0f}x memory")
    print(f"  mentions that differ: {len(differ)}; pairwise agreement {rand:.6f}")
    cli_part = {i: w["entity"] for i, w in want.items()}
    spark_part = {i: g["entity"] for i, g in got.items()}
    print(f"  same-entity pairs of the two (Jaccard): {pair_scores(cli_part, spark_part)[2]:.4f}")
    truth = {}
    for line in open(path, encoding="utf-8"):
        j = json.loads(line)
        if "truth" in j:
            truth[j["id"]] = j["truth"]
    if len(truth) == n:
        for what, part in (("cli", cli_part), ("spark", spark_part)):
            p, r, _ = pair_scores(truth, part)
            print(f"  {what} against the ground truth: pairwise precision {p:.4f}, recall {r:.4f}")
        for what, a, b in (("spark", spark_part, cli_part), ("cli", cli_part, spark_part)):
            only, true = one_side_pairs(truth, a, b)
            print(f"  same-entity pairs of {what} only: {only}, {true} of them true")
    for i in differ[:20]:
        print("   ", i, want[i]["name"], "| cli", [want[i][k] for k in keys], "| spark", [got[i][k] for k in keys])


if __name__ == "__main__":
    main()
