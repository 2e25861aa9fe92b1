"""canonym on Apache Spark (pyspark is an optional dependency).

Building blocks for pipelines of your own:

* :func:`blocking_keys` — a column of blocking keys (``array<string>``);
  explode it and join on it to get candidate pairs;
* :func:`score` — the comparison score of two name columns (``double``);
* :func:`normalise`, :func:`keys` — display forms and comparison keys.

All are Arrow UDFs where pyspark has them (4.1 and later: the Arrow
arrays Spark sends are read in place by the Rust core and its results
handed back as Arrow arrays, no Python object per row), else Arrow-backed
pandas UDFs; either way a whole batch crosses into the Rust core at a time,
which analyses it on several threads.

And :func:`resolve`, which resolves a DataFrame of mentions into entities
the way ``canonym resolve`` does on one machine; how it works and how it
scales is described in ``python/README.md`` ("How resolve scales").
"""

from __future__ import annotations

from typing import Iterator, List, Optional, Sequence, Union

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pyspark.sql import Column, DataFrame, GroupedData, Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

import canonym
from canonym import _canonym

__all__ = ["blocking_keys", "keys", "normalise", "resolve", "score"]

#: Default caps, the single-machine blocking index's.
MAX_POSTINGS = 1024
MAX_CANDIDATES = 128
#: Documents with more distinct names than this give no document pairs.
MAX_DOC_NAMES = 256
#: A component with more distinct names than this is cut into pieces of at
#: most this many, each resolved on its own.
MAX_COMPONENT_NAMES = 50_000

#: Column UDFs on pyarrow arrays (pyspark 4.1 and later).
_ARROW_UDF = hasattr(F, "arrow_udf")
#: Grouped functions on pyarrow tables (pyspark 4.0 and later).
_ARROW_GROUPS = hasattr(GroupedData, "applyInArrow")


def _strs(s: pd.Series) -> List[str]:
    return ["" if v is None else v for v in s.tolist()]


def _names(x: Union[pa.Array, pa.ChunkedArray]) -> pa.Array:
    """A string column as one Arrow array, nulls as empty names (no
    Python object per row)."""
    if isinstance(x, pa.ChunkedArray):
        x = x.combine_chunks()
    return pc.fill_null(x, "") if x.null_count else x


def _one(x: Union[pa.Array, pa.ChunkedArray]) -> pa.Array:
    return x.combine_chunks() if isinstance(x, pa.ChunkedArray) else x


def _pd_blocking_keys(names: pd.Series) -> pd.Series:
    return pd.Series(_canonym.blocking_keys_of(_strs(names)))


def _pd_score(a: pd.Series, b: pd.Series) -> pd.Series:
    return pd.Series(_canonym.score(_strs(a), _strs(b)), dtype="float64")


def _pd_normalise(names: pd.Series) -> pd.Series:
    return pd.Series(_canonym.normalise(_strs(names)))


def _pd_keys(names: pd.Series) -> pd.Series:
    return pd.Series(_canonym.keys(_strs(names)))


def _pa_blocking_keys(names: pa.Array) -> pa.Array:
    return pa.array(_canonym.blocking_keys_of(_names(names), arrow=True))


def _pa_score(a: pa.Array, b: pa.Array) -> pa.Array:
    return pa.array(_canonym.score(_names(a), _names(b), arrow=True))


def _pa_normalise(names: pa.Array) -> pa.Array:
    return pa.array(_canonym.normalise(_names(names), arrow=True))


def _pa_keys(names: pa.Array) -> pa.Array:
    return pa.array(_canonym.keys(_names(names), arrow=True))


def _udf(arrow, pandas, returns: T.DataType):
    if _ARROW_UDF:
        return F.arrow_udf(arrow, returns)
    return F.pandas_udf(pandas, returns)


_blocking_keys = _udf(_pa_blocking_keys, _pd_blocking_keys, T.ArrayType(T.StringType()))
_score = _udf(_pa_score, _pd_score, T.DoubleType())
_score_pandas = F.pandas_udf(_pd_score, T.DoubleType())
_normalise = _udf(_pa_normalise, _pd_normalise, T.StringType())
_keys = _udf(_pa_keys, _pd_keys, T.StringType())


def _col(c: Union[str, Column]) -> Column:
    return F.col(c) if isinstance(c, str) else c


def blocking_keys(name: Union[str, Column]) -> Column:
    """The blocking keys of a name column, as ``array<string>``."""
    return _blocking_keys(_col(name))


def score(name1: Union[str, Column], name2: Union[str, Column]) -> Column:
    """The comparison score of two name columns, as ``double``."""
    return _score(_col(name1), _col(name2))


def normalise(name: Union[str, Column]) -> Column:
    """The display form of a name column."""
    return _normalise(_col(name))


def keys(name: Union[str, Column]) -> Column:
    """The comparison key of a name column."""
    return _keys(_col(name))


_RESOLVED = T.StructType(
    [
        T.StructField("_m", T.LongType()),
        T.StructField("_c", T.LongType()),
        T.StructField("entity", T.StringType()),
        T.StructField("canonical", T.StringType()),
        T.StructField("score", T.DoubleType()),
        T.StructField("ambiguous", T.BooleanType()),
        T.StructField("_v", T.LongType()),
        T.StructField("_routed", T.BooleanType()),
    ]
)


_PROFILED = "v long, name string, f long, key string, bk array<string>, full boolean"


def _profiled(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Batches of distinct names (v, name, f) with each name's key, blocking
    keys and whether it is complete, for ``mapInArrow``: the names are read
    where Arrow holds them and the results come back as Arrow arrays."""
    for b in batches:
        names = _names(b.column("name"))
        key, full = _canonym.profile(names, arrow=True)
        bk = _canonym.blocking_keys_of(names, arrow=True)
        yield pa.RecordBatch.from_arrays(
            [b.column("v"), b.column("name"), b.column("f"), pa.array(key), pa.array(bk), pa.array(full)],
            names=["v", "name", "f", "key", "bk", "full"],
        )


def _edges(pairs: DataFrame, t: float, arrow: bool = True) -> DataFrame:
    """The pairs (a, b, na, nb) of vertices and their names that score at
    least ``t``, as (a, b): scored in Arrow batches by ``mapInArrow``, the
    names read in place and the scores filtered in Arrow, or, without
    ``arrow``, by the pandas UDF."""
    if not arrow:
        return pairs.withColumn("s", _score_pandas("na", "nb")).where(F.col("s") >= t).select("a", "b")

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for b in batches:
            s = pa.array(_canonym.score(_names(b.column("na")), _names(b.column("nb")), arrow=True))
            keep = pc.greater_equal(s, pa.scalar(t, pa.float64()))
            yield pa.RecordBatch.from_arrays(
                [pc.filter(b.column("a"), keep), pc.filter(b.column("b"), keep)], names=["a", "b"]
            )

    return pairs.mapInArrow(run, "a long, b long")


def _resolved(tagged: DataFrame, doc: bool, get, arrow: bool = _ARROW_GROUPS) -> DataFrame:
    """The mentions ``tagged`` (_m, _c, _g, name, doc, v, _h, _routed)
    resolved, each component (``_c``) on its own, one call of the Rust
    resolver per bucket ``_g``: an Arrow grouped function (``applyInArrow``,
    the columns read in place and the results built as Arrow arrays) where
    pyspark has one, else a pandas one. A common short name resolved apart
    from the entities it matches (``_h``) is ambiguous, as on one machine."""
    if arrow:

        def run(t: pa.Table) -> pa.Table:
            docs = _one(t.column("doc")) if doc else None
            e, c, s, a = get().resolve_groups(_names(t.column("name")), docs, _one(t.column("_c")), arrow=True)
            cols = {
                "_m": t.column("_m"),
                "_c": t.column("_c"),
                "entity": pa.array(e),
                "canonical": pa.array(c),
                "score": pa.array(s),
                "ambiguous": pc.or_(pa.array(a), _one(t.column("_h"))),
                "_v": t.column("v"),
                "_routed": t.column("_routed"),
            }
            return pa.Table.from_pydict(cols)

        return tagged.groupBy("_g").applyInArrow(run, _RESOLVED)

    def run_pandas(pdf: pd.DataFrame) -> pd.DataFrame:
        docs = [None if d is None else d for d in pdf["doc"].tolist()] if doc else None
        e, c, s, a = get().resolve_groups(_strs(pdf["name"]), docs, pdf["_c"].tolist())
        a = [x or bool(h) for x, h in zip(a, pdf["_h"].tolist())]
        return pd.DataFrame(
            {
                "_m": pdf["_m"],
                "_c": pdf["_c"],
                "entity": e,
                "canonical": c,
                "score": s,
                "ambiguous": a,
                "_v": pdf["v"],
                "_routed": pdf["_routed"],
            }
        )

    return tagged.groupBy("_g").applyInPandas(run_pandas, _RESOLVED)


def _kept(df: DataFrame) -> DataFrame:
    """``df`` computed and kept by the executors (``localCheckpoint``): its
    lineage is forgotten, its plan's partitioning and size estimate kept,
    so that Spark still broadcasts it where it is small."""
    return df.localCheckpoint()


def _cut(df: DataFrame) -> DataFrame:
    """``df`` computed and kept by the executors (``localCheckpoint``), as a
    DataFrame whose plan is a scan of those rows and nothing else, without
    the checkpointed plan's size estimate.

    Spark estimates a join as the product of its sides' sizes, and a
    checkpoint keeps its plan's estimate. Each round of
    :func:`_components` joins the labels with themselves and with the
    edges, so with plain checkpoints the estimate of the labels, an
    arbitrary-precision integer, grew threefold in digits a round (a chain
    of 200 names: 13 bits, then 58, 193, 598, 1,813, 5,457), and both
    searches passed it on to every later stage: at 1M mentions its
    arithmetic filled a 4 GiB driver heap while Spark planned the
    per-component resolution. Rebuilt from its rows, the DataFrame has
    Spark's default estimate (``spark.sql.defaultSizeInBytes``), so what
    is built on it stays a few hundred bits. The rebuilt DataFrame is
    never broadcast before it is shuffled, and its rows are converted once
    more wherever it is read, so only the labels of :func:`_components`,
    where the estimate grows, are cut; every other checkpoint is
    :func:`_kept`. Where the Java DataFrame is out of reach (Spark
    Connect), the checkpoint alone."""
    df = df.localCheckpoint()
    jdf = getattr(df, "_jdf", None)
    if jdf is None:
        return df
    spark = df.sparkSession
    return DataFrame(spark._jsparkSession.createDataFrame(jdf.javaRDD(), jdf.schema()), spark)


def _resolver_factory(aliases: Sequence[str], threshold: Optional[float]):
    cache = {}

    def get():
        if "r" not in cache:
            cache["r"] = _canonym.NativeResolver(list(aliases), threshold, False)
        return cache["r"]

    return get


def _components(edges: DataFrame, max_iterations: int) -> DataFrame:
    """Connected components of an undirected graph given as (a, b) long
    pairs: (v, c) with c the smallest vertex of v's component. Label
    propagation with hooking and shortcuts: each round a vertex proposes
    the smallest label of its neighbours to itself and to the vertex that
    is its label, then takes the label of its new label (a label is always
    a vertex of the same component, never larger than the vertex it
    labels). Plain propagation needs as many rounds as the components'
    diameter (a chain of complete names, each matching the next, took
    more than 50 at 1M mentions); this needs about its logarithm (7
    rounds for a chain of 200, 13 for one of 20,000). Four joins and two
    aggregations a round."""
    both = edges.select("a", "b").union(edges.select(F.col("b").alias("a"), F.col("a").alias("b")))
    both = _kept(both.distinct())
    labels = both.groupBy("a").agg(F.least(F.min("b"), F.first("a")).alias("c"))
    labels = _cut(labels.withColumnRenamed("a", "v"))
    for _ in range(max_iterations):
        proposed = (
            both.join(labels.withColumnRenamed("v", "b"), "b")
            .groupBy("a")
            .agg(F.min("c").alias("n"))
            .withColumnRenamed("a", "v")
        )
        step = labels.join(proposed, "v")
        # The vertex that is v's label hears v's proposal too (hooking).
        hooked = step.groupBy("c").agg(F.min("n").alias("h")).withColumnRenamed("c", "v")
        prop = step.select("v", F.least("c", "n").alias("p")).join(hooked, "v", "left")
        prop = _kept(prop.select("v", F.least("p", F.coalesce("h", "p")).alias("p")))
        # The shortcut: the label of the new label.
        jump = prop.select(F.col("v").alias("p"), F.col("p").alias("pp"))
        nxt = prop.join(jump, "p", "left").select("v", F.least("p", F.coalesce("pp", "p")).alias("c"))
        nxt = _cut(nxt.join(labels.select("v", F.col("c").alias("old")), "v"))
        changed = nxt.where(F.col("c") != F.col("old")).limit(1).count()
        labels = nxt.select("v", "c")
        if changed == 0:
            return labels
    raise RuntimeError(f"connected components did not converge in {max_iterations} rounds")


def resolve(
    df: DataFrame,
    name: str = "name",
    doc: Optional[str] = None,
    id: str = "id",
    *,
    threshold: Optional[float] = None,
    aliases: Union[None, str, Sequence[str]] = None,
    max_postings: int = MAX_POSTINGS,
    max_candidates: int = MAX_CANDIDATES,
    max_doc_names: int = MAX_DOC_NAMES,
    max_component_names: int = MAX_COMPONENT_NAMES,
    max_iterations: int = 50,
) -> DataFrame:
    """Resolve the mentions of ``df`` into entities.

    Returns one row per mention with columns ``id``, ``entity``,
    ``canonical``, ``score`` and ``ambiguous``, as ``canonym resolve``
    gives them. ``doc`` names the document column, if any: short names
    ("Asif") are resolved within their document first.

    The stages: blocking keys exploded and joined (with the single-machine
    index's caps), candidate pairs scored in Arrow batches, connected
    components of the matching pairs by iterative joins, and each
    component resolved by the Rust resolver, which applies the no-chaining
    and document rules. Entity ids depend only on the data, not on the
    partitioning.

    A component of more than ``max_component_names`` distinct names (a
    common bare name that matches many full names) is cut into pieces of at
    most that many, names that share their rarest blocking key kept
    together; names in different pieces cannot share an entity.
    """
    paths = canonym._paths(aliases)
    if max_component_names < 1:
        raise ValueError(f"max_component_names must be at least 1, not {max_component_names}")
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must lie between 0 and 1, not {threshold}")
    t = canonym.DEFAULT_THRESHOLD if threshold is None else threshold
    spark = df.sparkSession
    parts = max(int(spark.conf.get("spark.sql.shuffle.partitions")), 1)

    mentions = df.select(
        F.col(id).cast("string").alias("id"),
        F.col(name).cast("string").alias("name"),
        (F.col(doc).cast("string") if doc else F.lit(None).cast("string")).alias("doc"),
    ).withColumn("_m", F.monotonically_increasing_id())
    mentions = _kept(mentions.withColumn("v", F.xxhash64("name")))

    # Distinct names, their keys and blocking keys.
    names = mentions.groupBy("v").agg(F.first("name").alias("name"), F.count("*").alias("f"))
    names = _kept(names.mapInArrow(_profiled, _PROFILED))

    # Blocking, with the single-machine index's policy (see
    # _blocking_reads): each name reads some of its keys, rarest first, a
    # key of at most 2 × max_candidates other holders whole, a more common
    # one only while the name is short of candidates and then only its
    # first max_candidates holders (most mentioned first).
    kv = _kept(_blocking_reads(names.select("v", "bk", "f"), max_postings, max_candidates))
    readers = kv.where("read").select("k", F.col("v").alias("a"), "lim")
    holders = kv.where(F.col("h") <= max_postings).select("k", F.col("v").alias("b"), "h")
    pairs = readers.join(holders, "k").where((F.col("h") <= F.col("lim")) & (F.col("a") != F.col("b")))
    pairs = pairs.select(F.least("a", "b").alias("a"), F.greatest("a", "b").alias("b"))

    # Document pairs: a short name joins a full name of its own document.
    if doc:
        dv = mentions.where(F.col("doc").isNotNull()).select("doc", "v").distinct()
        dv = dv.join(dv.groupBy("doc").agg(F.count("*").alias("dn")), "doc").where(F.col("dn") <= max_doc_names)
        dp = dv.alias("x").join(dv.alias("y"), "doc").where(F.col("x.v") < F.col("y.v"))
        pairs = pairs.union(dp.select(F.col("x.v").alias("a"), F.col("y.v").alias("b")))
    pairs = pairs.distinct()

    # Score the candidate pairs in Arrow batches; matching pairs are edges.
    nm = names.select("v", "name")
    named = pairs.join(nm.withColumnRenamed("v", "a").withColumnRenamed("name", "na"), "a").join(
        nm.withColumnRenamed("v", "b").withColumnRenamed("name", "nb"), "b"
    )
    edges = _edges(named.select("a", "b", "na", "nb"), t)
    # Names with the same key are one distinct name.
    same = names.groupBy("key").agg(F.min("v").alias("a"), F.collect_set("v").alias("vs"))
    same = same.select("a", F.explode("vs").alias("b")).where(F.col("a") != F.col("b"))
    comp, hubs, hub_home = _cut_hubs(_kept(edges), same, names.select("v", "full"), mentions, max_iterations)
    rarest = kv.where(F.col("r") == 1).select("v", F.col("k").alias("rk"))
    comp = _bounded(comp, names.select("v", "key").join(rarest, "v", "left"), max_component_names)

    # Each component resolved by the Rust resolver, many components per
    # Arrow batch; a component is never split across groups.
    tagged = mentions.join(comp.withColumnRenamed("c", "_c"), "v", "left")
    tagged = tagged.withColumn("_c", F.coalesce("_c", "v"))
    # A common short name's mention goes to the one component it matches
    # within its document, if there is one (see _cut_hubs).
    routed = hub_home.join(comp.withColumnRenamed("v", "o").withColumnRenamed("c", "_r"), "o", "left")
    routed = routed.withColumn("_r", F.coalesce("_r", "o"))
    routed = routed.groupBy("v", "doc").agg(F.min("_r").alias("_r"), F.countDistinct("_r").alias("_n"))
    routed = routed.where(F.col("_n") == 1).select("v", "doc", "_r")
    hubs = hubs.select(F.col("h").alias("v"), F.lit(True).alias("_hub"))
    tagged = tagged.join(routed, ["v", "doc"], "left").join(hubs, "v", "left")
    tagged = tagged.withColumn("_h", F.col("_hub").isNotNull() & F.col("_r").isNull())
    tagged = tagged.withColumn("_routed", F.col("_r").isNotNull())
    tagged = tagged.withColumn("_c", F.coalesce("_r", "_c"))
    tagged = tagged.withColumn("_g", F.pmod(F.col("_c"), F.lit(parts)))
    get = _resolver_factory(paths, threshold)
    cols = ["_m", "_c", "_g", "name", "doc", "v", "_h", "_routed"]
    resolved = _resolved(tagged.select(*cols), doc is not None, get)
    resolved = _kept(resolved)
    # A hub's mention sent to a component that does not join it there gets
    # the hub's own entity, ambiguous: on one machine a short name that
    # fits no entity of its document, or several, is resolved against all
    # the entities it matches, and the hub matches those of two components
    # or more. Not joined there: it fits several entities of its document
    # (ambiguous), or none, when its entity in that component holds only
    # mentions sent there. The hub's own entity is the one its other
    # mentions have in the hub's component, else the smallest of those
    # given to its mentions sent elsewhere.
    anchored = resolved.groupBy("_c", "entity").agg(F.max(~F.col("_routed")).alias("_anchored"))
    resolved = resolved.join(anchored, ["_c", "entity"])
    lone = F.col("_routed") & (F.col("ambiguous") | ~F.col("_anchored"))
    resolved = resolved.withColumn("_lone", lone)
    home = resolved.where(~F.col("_routed") | F.col("_lone"))
    home = home.join(hubs.select(F.col("v").alias("_v")), "_v")
    home = home.groupBy("_v").agg(F.min(F.struct("_routed", "_c", "entity", "canonical", "score")).alias("_o"))
    resolved = resolved.join(home, "_v", "left")
    moved = F.col("_lone") & F.col("_o").isNotNull()
    resolved = _kept(
        resolved.select(
            "_m",
            *[F.when(moved, F.col("_o." + k)).otherwise(F.col(k)).alias(k) for k in ("_c", "entity", "canonical", "score")],
            (F.col("ambiguous") | moved).alias("ambiguous"),
        )
    )

    # One id per entity across components: an id found in several
    # components keeps its slug in the one with the smallest label and
    # gets -2, -3… in the others, in label order. Alias ids are shared.
    ents = resolved.select("entity", "_c").distinct()
    ents = ents.withColumn("_r", F.dense_rank().over(Window.partitionBy("entity").orderBy("_c")))
    alias_ids = _alias_ids(paths)
    shared = F.col("entity").isin(alias_ids) if alias_ids else F.lit(False)
    ents = ents.withColumn(
        "_id",
        F.when(shared | (F.col("_r") == 1), F.col("entity")).otherwise(
            F.concat(F.col("entity"), F.lit("-"), F.col("_r").cast("string"))
        ),
    )
    out = resolved.join(ents.select("entity", "_c", "_id"), ["entity", "_c"])
    out = out.join(mentions.select("_m", "id"), "_m")
    return out.select("id", F.col("_id").alias("entity"), "canonical", "score", "ambiguous")


def _blocking_reads(bk: DataFrame, max_postings: int, max_candidates: int) -> DataFrame:
    """The (v, k) rows of the blocking keys ``bk`` (v, bk, f) of distinct
    names mentioned f times, with ``n`` the key's holders, ``r`` the key's
    rank among the name's keys (rarest first, saturated last), ``h`` the
    name's rank among the key's holders (most mentioned first, then by v),
    ``read`` whether the name reads the key and ``lim``
    how many of its first holders it then takes — the single-machine
    index's query (src/index.rs) applied to every name:

    * a key of more than ``max_postings`` holders is saturated: it keeps
      its first ``max_postings`` holders. The index keeps the first ids
      inserted, which on a stream of mentions are mostly the most
      mentioned names; Spark has no order of arrival that does not depend
      on the partitioning, so it takes the most mentioned names;
    * keys are taken in the order (saturated, holders, key);
    * a complete key with at most ``2 × max_candidates`` other holders is
      read whole;
    * a complete key with more is read while fewer than ``max_candidates``
      other holders came from the keys before it, and the first saturated
      key only when no key before it had another holder; such a key gives
      its first ``max_candidates`` holders (the index admits at most
      ``max_candidates`` candidates from it, and then stops).

    The holders counted before a key are a sum over keys, an upper bound of
    the distinct candidates the index counts, so a name never reads more
    keys than the index would."""
    kv = bk.select("v", "f", F.explode("bk").alias("k")).distinct()
    kv = kv.join(kv.groupBy("k").agg(F.count("*").alias("n")), "k")
    sat = F.col("n") > max_postings
    others = F.when(sat, F.lit(max_postings)).otherwise(F.col("n")) - 1
    kv = kv.withColumn("sat", sat).withColumn("o", others)
    order = Window.partitionBy("v").orderBy("sat", "n", "k")
    before = F.coalesce(F.sum("o").over(order.rowsBetween(Window.unboundedPreceding, -1)), F.lit(0))
    first_sat = F.col("sat") & ~F.coalesce(F.lag("sat").over(order), F.lit(False))
    kv = kv.withColumn("before", before).withColumn("first_sat", first_sat)
    kv = kv.withColumn("r", F.row_number().over(order))
    whole = ~F.col("sat") & (F.col("o") <= 2 * max_candidates)
    short = F.when(F.col("sat"), F.col("first_sat") & (F.col("before") == 0)).otherwise(
        F.col("before") < max_candidates
    )
    kv = kv.withColumn("read", whole | short)
    kv = kv.withColumn("lim", F.when(whole, F.lit(max_postings)).otherwise(F.lit(max_candidates)))
    kv = kv.withColumn("h", F.row_number().over(Window.partitionBy("k").orderBy(F.desc("f"), "v")))
    return kv.select("v", "k", "n", "r", "h", "read", "lim")


def _cut_hubs(
    edges: DataFrame, same: DataFrame, full: DataFrame, mentions: DataFrame, max_iterations: int
):
    """Components of the matching pairs ``edges`` (a, b) and the same-key
    pairs ``same``, without the chaining through common short names.

    The resolver joins complete names (two main parts or more) with each
    other, and a short name ("Okafor", "J. Okafor") with the one entity it
    fits in its document, or across all documents when exactly one fits;
    it never joins two complete names through a short one. So a short name
    that matches complete names of two or more components of the complete
    names is a hub: its edges would chain namesakes that the resolver
    keeps apart. A hub's edges are dropped; each of its mentions goes to
    the component it matches in the mention's document when that is one
    component, and stays in the hub's own component otherwise (where, as on
    one machine, it gets an entity of its own).

    ``full`` gives (v, full) for every distinct name. Returns the labels
    (v, c), the hubs (h) and their candidate routes (v, doc, o): hub v
    occurs in doc and matches complete name o of the same document."""
    edges = edges.join(full.withColumnRenamed("v", "a").withColumnRenamed("full", "fa"), "a")
    edges = edges.join(full.withColumnRenamed("v", "b").withColumnRenamed("full", "fb"), "b")
    edges = _kept(edges)
    both_full = F.col("fa") & F.col("fb")
    same_full = same.join(full.withColumnRenamed("v", "a"), "a").where("full").select("a", "b")
    core = _components(edges.where(both_full).select("a", "b").union(same_full), max_iterations)
    # Short-to-complete edges, oriented (short s, complete o).
    sc = edges.where(F.col("fa") != F.col("fb")).select(
        F.when(F.col("fa"), F.col("b")).otherwise(F.col("a")).alias("s"),
        F.when(F.col("fa"), F.col("a")).otherwise(F.col("b")).alias("o"),
    )
    sc = sc.join(core.withColumnRenamed("v", "o"), "o", "left").withColumn("c", F.coalesce("c", "o"))
    hubs = sc.groupBy("s").agg(F.countDistinct("c").alias("n")).where(F.col("n") >= 2).select(F.col("s").alias("h"))
    hubs = _kept(hubs)
    kept = edges.select("a", "b").union(same)
    kept = kept.join(hubs.withColumnRenamed("h", "a"), "a", "left_anti")
    kept = kept.join(hubs.withColumnRenamed("h", "b"), "b", "left_anti")
    # A hub keeps its same-key pairs: its spellings are one distinct name.
    hub_same = same.join(hubs.withColumnRenamed("h", "a"), "a").join(hubs.withColumnRenamed("h", "b"), "b")
    comp = _components(kept.union(hub_same.select("a", "b")), max_iterations)
    hub_sc = sc.join(hubs.withColumnRenamed("h", "s"), "s").select(F.col("s").alias("v"), "o")
    # A hub's documents with their names first, then its pairs among them:
    # rows bounded by the names of the hub's documents, not by its pairs
    # times its documents (a common surname has thousands of each).
    dv = mentions.where(F.col("doc").isNotNull()).select("doc", "v").distinct()
    hub_docs = dv.join(hubs.withColumnRenamed("h", "v"), "v")
    routes = hub_docs.join(dv.withColumnRenamed("v", "o"), "doc").join(hub_sc, ["v", "o"])
    return comp, hubs, _kept(routes.select("v", "doc", "o"))


def _bounded(comp: DataFrame, names: DataFrame, max_names: int) -> DataFrame:
    """Labels (v, c) with every component of more than ``max_names``
    vertices cut into consecutive pieces of at most ``max_names``, in the
    order of (rarest blocking key, key, v) given by ``names`` (v, key, rk),
    so that names sharing their rarest key, and names of one key, mostly
    stay in one piece. A piece's label is the hash of its component's label
    and its number: it depends on the data only."""
    sizes = comp.groupBy("c").agg(F.count("*").alias("size"))
    comp = comp.join(sizes, "c")
    small = comp.where(F.col("size") <= max_names).select("v", "c")
    big = comp.where(F.col("size") > max_names).join(names, "v", "left")
    order = Window.partitionBy("c").orderBy(F.col("rk").asc_nulls_last(), "key", "v")
    piece = F.floor((F.row_number().over(order) - 1) / F.lit(max_names))
    big = big.select("v", F.xxhash64("c", piece).alias("c"))
    return small.union(big)


def _alias_ids(paths: Sequence[str]) -> List[str]:
    """The entity ids of the alias tables (they are never renumbered)."""
    if not paths:
        return []
    table = _canonym.NativeResolver(list(paths), None, False)
    return table.alias_ids()
