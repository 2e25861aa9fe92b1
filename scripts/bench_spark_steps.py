"""Rows per second of the steps of canonym.spark.resolve that call the Rust
core, with Arrow functions and with pandas UDFs, on local[2].

    python scripts/bench_spark_steps.py mentions.jsonl [ROUNDS]

mentions.jsonl: {"id","name","doc"[,"truth"]} lines (cargo run --release
--example gen_mentions -- N). The steps, each on the same materialised
input and written to Spark's no-op sink:

* names: the key, blocking keys and completeness of every distinct name
  (mapInArrow against three pandas UDFs);
* scoring: every two distinct names of one document scored, the pairs at
  or above the threshold kept (mapInArrow against a pandas UDF and a
  filter);
* resolution: the mentions resolved in groups (the true entity when the
  lines carry "truth", else the name's key) bucketed as resolve buckets
  components (applyInArrow against applyInPandas).

Each variant runs ROUNDS times (default 2), alternating; the best time is
reported.
"""

import os
import sys
import time

from bench_spark import local_spark


def main():
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import functions as F

    import canonym
    import canonym.spark as cs
    from canonym import _canonym

    spark = local_spark()
    df = spark.read.json(path)
    truth = "truth" in df.columns
    mentions = df.select(
        "name", "doc", (F.col("truth") if truth else F.lit(None).cast("string")).alias("truth")
    ).withColumn("_m", F.monotonically_increasing_id())
    mentions = mentions.withColumn("v", F.xxhash64("name")).localCheckpoint()
    names = mentions.groupBy("v").agg(F.first("name").alias("name"), F.count("*").alias("f")).localCheckpoint()

    def timed(frame):
        t = time.perf_counter()
        frame.write.format("noop").mode("overwrite").save()
        return time.perf_counter() - t

    def best(variants, rows):
        got = {k: float("inf") for k in variants}
        for _ in range(rounds):
            for k, make in variants.items():
                got[k] = min(got[k], timed(make()))
        return {k: (s, rows / s) for k, s in got.items()}

    def report(step, rows, res):
        line = ", ".join(f"{k} {s:.1f} s ({r:,.0f} rows/s)" for k, (s, r) in res.items())
        print(f"{step} ({rows:,} rows): {line}", flush=True)

    # names
    pd_keys = F.pandas_udf(cs._pd_keys, "string")
    pd_bk = F.pandas_udf(cs._pd_blocking_keys, "array<string>")
    pd_full = F.pandas_udf(lambda s: cs.pd.Series(_canonym.profile(cs._strs(s))[1], dtype="bool"), "boolean")
    n_names = names.count()
    report(
        "names",
        n_names,
        best(
            {
                "arrow": lambda: names.mapInArrow(cs._profiled, cs._PROFILED),
                "pandas": lambda: names.withColumn("key", pd_keys("name"))
                .withColumn("bk", pd_bk("name"))
                .withColumn("full", pd_full("name")),
            },
            n_names,
        ),
    )

    # scoring: the pairs of names of one document
    dv = mentions.where(F.col("doc").isNotNull()).select("doc", "v").distinct()
    dp = dv.alias("x").join(dv.alias("y"), "doc").where(F.col("x.v") < F.col("y.v"))
    dp = dp.select(F.col("x.v").alias("a"), F.col("y.v").alias("b"))
    nm = names.select("v", "name")
    named = dp.join(nm.withColumnRenamed("v", "a").withColumnRenamed("name", "na"), "a")
    named = named.join(nm.withColumnRenamed("v", "b").withColumnRenamed("name", "nb"), "b")
    named = named.select("a", "b", "na", "nb").localCheckpoint()
    n_pairs = named.count()
    t = canonym.DEFAULT_THRESHOLD
    report(
        "scoring",
        n_pairs,
        best({"arrow": lambda: cs._edges(named, t), "pandas": lambda: cs._edges(named, t, arrow=False)}, n_pairs),
    )

    # resolution
    group = F.col("truth") if truth else F.col("v")
    tagged = mentions.select(
        "_m",
        F.xxhash64(group).alias("_c"),
        F.pmod(F.xxhash64(group), F.lit(8)).alias("_g"),
        "name",
        "doc",
        "v",
        F.lit(False).alias("_h"),
        F.lit(False).alias("_routed"),
    ).localCheckpoint()
    n = tagged.count()
    get = cs._resolver_factory([], None)
    variants = {"pandas": lambda: cs._resolved(tagged, True, get, arrow=False)}
    if cs._ARROW_GROUPS:
        variants = {"arrow": lambda: cs._resolved(tagged, True, get, arrow=True), **variants}
    report("resolution", n, best(variants, n))
    spark.stop()


if __name__ == "__main__":
    main()
