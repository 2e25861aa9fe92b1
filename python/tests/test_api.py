"""The Python API: results equal to the command-line tool's, inputs, errors."""

import json

import pytest

import canonym
from conftest import ROOT


def test_analyze_gives_display_key_kind_titles_and_parts():
    n = canonym.analyze("Brig. Gen. Patrick Karuretwa")
    assert n.display == "Patrick Karuretwa"
    assert n.key == "karuretwa patrick"
    assert n.kind == "person"
    assert n.titles == ["brig gen"]
    assert [(p.text, p.tag) for p in n.parts] == [("Patrick", "given"), ("Karuretwa", "family")]


def test_normalise_and_keys_equal_the_cli(cli, clusters):
    names = [r["name"] for r in clusters]
    text = "\n".join(names) + "\n"
    assert canonym.normalise(names) == cli("normalise", "-", input=text).splitlines()
    assert canonym.keys(names) == cli("normalise", "--key", "-", input=text).splitlines()


def test_normalise_keeps_order_on_large_batches(clusters):
    names = [r["name"] for r in clusters] * 30  # above the threaded size
    one = canonym.normalise(names[: len(clusters)])
    assert canonym.normalise(names) == one * 30


def test_score_equals_cli_match(cli, pairs):
    a = [p["name1"] for p in pairs]
    b = [p["name2"] for p in pairs]
    out = cli("match", input="".join(f"{x}\t{y}\n" for x, y in zip(a, b)))
    want = [float(l.split("\t")[0]) for l in out.splitlines()]
    got = canonym.score(a, b)
    assert len(got) == len(want)
    assert all(abs(g - w) <= 5e-5 for g, w in zip(got, want))
    assert any(g < 0.8 for g in got) and any(g >= 0.8 for g in got)


def test_compare_explains(cli):
    c = canonym.compare("Abdellatif Loudiyi", "Loudyi Abdeltif")
    assert c.is_match and 0.8 <= c.score <= 1.0
    out = cli("match", "Abdellatif Loudiyi", "Loudyi Abdeltif").splitlines()
    assert c.explain() == [l.strip() for l in out[1:]]
    assert not canonym.compare("Omar Haddad", "Karim Haddad").is_match
    assert canonym.compare("Omar Haddad", "Karim Haddad", threshold=0.0).is_match


def test_blocking_keys_are_shared_by_variants():
    a, b, c = canonym.blocking_keys(["Abdellatif Loudiyi", "Loudyi Abdeltif", "Juvénal Marizamunda"])
    assert set(a) & set(b)
    assert not set(a) & set(c)
    assert all(len(k) == 16 for k in a)


def _cli_resolve(cli, rows):
    text = "".join(json.dumps({"id": str(i + 1), "name": r["name"], "doc": r["doc"]}) + "\n" for i, r in enumerate(rows))
    return [json.loads(l) for l in cli("resolve", "--input-format", "jsonl", "-", input=text).splitlines()]


def test_resolve_equals_the_cli_on_eval_clusters(cli, clusters):
    got = canonym.Resolver().resolve([r["name"] for r in clusters], docs=[r["doc"] for r in clusters])
    assert got == _cli_resolve(cli, clusters)
    assert len({g["entity"] for g in got}) < len(got)


def test_extract_equals_the_cli_on_seeds(cli):
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    got = canonym.extract(texts, docs=[str(p) for p in seeds])
    want = [json.loads(l) for l in cli("extract", *map(str, seeds)).splitlines()]
    assert len(got) == len(want) > 0
    by_doc = dict(zip(map(str, seeds), texts))
    for g, w in zip(got, want):
        assert {k: g[k] for k in ("doc", "text", "kind", "entity", "canonical")} == {
            k: w[k] for k in ("doc", "text", "kind", "entity", "canonical")
        }
        # Character offsets in Python, byte offsets in the CLI.
        text = by_doc[g["doc"]]
        assert text[g["start"] : g["end"]] == g["text"]
        assert len(text[: g["start"]].encode("utf-8")) == w["start"]


def test_inputs_may_be_tuples_series_and_arrow_arrays():
    names = ["ABDELTIF LOUDYI", "Juvénal Marizamunda"]
    want = canonym.keys(names)
    assert canonym.keys(tuple(names)) == want
    pd = pytest.importorskip("pandas")
    assert canonym.keys(pd.Series(names)) == want
    pa = pytest.importorskip("pyarrow")
    assert canonym.keys(pa.array(names)) == want
    assert canonym.keys(pa.chunked_array([names[:1], names[1:]])) == want


def test_arrow_arrays_are_read_in_place_and_given_back():
    pa = pytest.importorskip("pyarrow")
    from canonym import _canonym

    names = ["ABDELTIF LOUDYI", "Juvénal Marizamunda", "Loudyi, Abdellatif", ""]
    others = ["Abdellatif Loudiyi", "J. Marizamunda", "Nasser Bourita", "x"]
    # Strings, large strings and string views all cross without a list.
    for t in (pa.string(), pa.large_string(), pa.string_view()):
        arr = pa.array(names, type=t)
        assert _canonym.keys(arr) == canonym.keys(names)
        assert _canonym.normalise(arr) == canonym.normalise(names)
    # A slice keeps its offset.
    assert _canonym.keys(pa.array(["pad"] + names)[1:]) == canonym.keys(names)
    # Arrow out: the same values, in Arrow types.
    got = canonym.normalise(pa.array(names), arrow=True)
    assert isinstance(got, pa.Array) and got.type == pa.string()
    assert got.to_pylist() == canonym.normalise(names)
    assert canonym.keys(names, arrow=True).to_pylist() == canonym.keys(names)
    s = canonym.score(pa.array(names), pa.chunked_array([others[:2], others[2:]]), arrow=True)
    assert s.type == pa.float64() and s.to_pylist() == canonym.score(names, others)
    assert s[0].as_py() >= canonym.DEFAULT_THRESHOLD > s[2].as_py()
    b = canonym.blocking_keys(pa.array(names), arrow=True)
    assert b.type == pa.list_(pa.string()) and b.to_pylist() == canonym.blocking_keys(names)
    assert len(canonym.keys([], arrow=True)) == 0
    # An exported column can be read more than once.
    col = _canonym.keys(names, arrow=True)
    assert pa.array(col).equals(pa.array(col))
    # Nulls and other types are refused.
    with pytest.raises(ValueError, match="item 1 .* null"):
        canonym.keys(pa.array(["a", None]))
    with pytest.raises(ValueError, match="not of strings"):
        canonym.normalise(pa.array([1, 2]))


def test_resolution_in_groups_reads_and_gives_arrow_columns():
    """What the Spark resolution step calls: Arrow columns in (documents with
    nulls, int64 groups), Arrow columns out, equal to the list call."""
    pa = pytest.importorskip("pyarrow")
    from canonym import _canonym

    names = ["John Okafor", "Okafor", "Mary Okafor", "Okafor", "J. Okafor", "Nasser Bourita"]
    docs = ["a", "a", "b", "b", None, None]
    groups = [7, 7, 3, 3, 7, 9]
    r = _canonym.NativeResolver([], None, False)
    want = r.resolve_groups(names, docs, groups)
    got = r.resolve_groups(pa.array(names), pa.array(docs), pa.array(groups, pa.int64()), arrow=True)
    got = [pa.array(c) for c in got]
    assert [c.type for c in got] == [pa.string(), pa.string(), pa.float64(), pa.bool_()]
    assert [c.to_pylist() for c in got] == [list(c) for c in want]
    # Groups resolve apart: the Okafor of document b is not the one of a.
    assert want[0][1] == want[0][0] != want[0][3] == want[0][2]
    keys, full = _canonym.profile(pa.array(names, pa.large_string()), arrow=True)
    assert pa.array(keys).to_pylist() == canonym.keys(names)
    assert pa.array(full).to_pylist() == [True, False, True, False, False, True]
    with pytest.raises(ValueError, match="not of int64"):
        r.resolve_groups(pa.array(names), None, pa.array([1.0] * len(names)))
    with pytest.raises(ValueError, match="differ in length"):
        r.resolve_groups(pa.array(names), None, pa.array([1], pa.int64()))
    with pytest.raises(ValueError, match="same length"):
        canonym.score(pa.array(["a"]), pa.array(["a", "b"]))


def test_errors_become_python_exceptions(tmp_path):
    with pytest.raises(OSError, match="missing.json"):
        canonym.Resolver(aliases=tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": "x"}]', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        canonym.Resolver(aliases=bad)
    with pytest.raises(ValueError, match="threshold"):
        canonym.Resolver(threshold=1.5)
    with pytest.raises(ValueError, match="threshold"):
        canonym.compare("a", "b", threshold=-1)
    with pytest.raises(ValueError, match="same length"):
        canonym.score(["a"], ["a", "b"])
    with pytest.raises(ValueError, match=r"names\[1\] is NoneType"):
        canonym.normalise(["a", None])
    with pytest.raises(ValueError, match=r"names2\[0\] is int"):
        canonym.score(["a"], [3])
    with pytest.raises(ValueError, match=r"names\[2\] is float"):
        canonym.Resolver().resolve(["a", "b", float("nan")])
    with pytest.raises(TypeError):
        canonym.normalise("a single string")


def test_aliases_resolve_to_their_ids(tmp_path):
    table = tmp_path / "aliases.csv"
    table.write_text("id,name,aliases\nm6,Mohammed VI,King Mohammed VI\n", encoding="utf-8")
    got = canonym.Resolver(aliases=str(table)).resolve(["King Mohammed VI", "Mohammed V"])
    assert got[0]["entity"] == "m6"
    assert got[1]["entity"] != "m6"
