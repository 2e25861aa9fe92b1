"""Python and Spark against the command-line tool, side by side.

    python scripts/bench_python.py names.txt mentions.jsonl [CANONYM_BIN]

names.txt: one name a line (cargo run --release --example gen_names -- N);
mentions.jsonl: {"id","name","doc"} lines (--example gen_mentions -- N).
Prints wall times and peak memory (max RSS of the process or its children).
"""

import json
import os
import resource
import subprocess
import sys
import time

import canonym


def cli_time(args, stdin=None):
    t = time.perf_counter()
    with open(stdin) if stdin else open(os.devnull) as f:
        subprocess.run(args, stdin=f, stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def main():
    names_path, mentions_path = sys.argv[1], sys.argv[2]
    cli = sys.argv[3] if len(sys.argv) > 3 else "target/release/canonym"
    names = open(names_path, encoding="utf-8").read().splitlines()
    a, b = names, names[1:] + names[:1]
    pairs_path = names_path + ".pairs.tsv"
    with open(pairs_path, "w", encoding="utf-8") as f:
        f.writelines(f"{x}\t{y}\n" for x, y in zip(a, b))
    n = len(names)

    def timed(f):
        t = time.perf_counter()
        f()
        return time.perf_counter() - t

    # The first call pays for loading the bundled tables, as every CLI run does.
    first = timed(lambda: canonym.normalise(names))
    py = min(timed(lambda: canonym.normalise(names)) for _ in range(3))
    c = min(cli_time([cli, "normalise", names_path]) for _ in range(3))
    print(f"normalise {n}: python {py:.2f}s (first call {first:.2f}s)  cli {c:.2f}s  ratio {py / c:.2f}")
    py = min(timed(lambda: canonym.score(a, b)) for _ in range(3))
    c = min(cli_time([cli, "match", "-i", pairs_path]) for _ in range(3))
    print(f"score {n} pairs: python {py:.2f}s  cli {c:.2f}s  ratio {py / c:.2f}")
    if len(sys.argv) > 4 and sys.argv[4] == "--no-spark":
        return
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession
    import canonym.spark as cs

    rows = [json.loads(l) for l in open(mentions_path, encoding="utf-8")]
    t = time.perf_counter()
    subprocess.run([cli, "resolve", "--input-format", "jsonl", mentions_path], stdout=subprocess.DEVNULL, check=True)
    c = time.perf_counter() - t
    cli_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    spark = (
        SparkSession.builder.master("local[2]").config("spark.sql.shuffle.partitions", "8")
        .config("spark.ui.enabled", "false").config("spark.driver.memory", "6g").getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.createDataFrame([(r["id"], r["name"], r["doc"]) for r in rows], "id string, name string, doc string")
    df = df.repartition(8).cache()
    df.count()
    t = time.perf_counter()
    out = cs.resolve(df, doc="doc").count()
    s = time.perf_counter() - t
    print(f"resolve {len(rows)} mentions: spark local[2] {s:.1f}s  cli {c:.1f}s (peak {cli_rss:.0f} MiB)  ratio {s / c:.1f}")
    assert out == len(rows)


if __name__ == "__main__":
    main()
