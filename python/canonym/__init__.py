"""canonym: turn messy person and organisation names into canonical entities.

Every batch function takes a whole column at a time (a list, a pandas
Series or a pyarrow array), releases the GIL and works on several threads
in the Rust core; results come back as lists in input order. An Arrow
array of strings (anything with ``__arrow_c_array__``: pyarrow, Polars…)
is read in place through the Arrow C data interface, and ``normalise``,
``keys``, ``score`` and ``blocking_keys`` return a pyarrow array with
``arrow=True``.

>>> import canonym
>>> canonym.analyze("Brig. Gen. Patrick Karuretwa").display
'Patrick Karuretwa'
>>> canonym.normalise(["ABDELTIF LOUDYI", "Juvénal Marizamunda"])
['Abdeltif Loudyi', 'Juvénal Marizamunda']
>>> canonym.compare("Abdellatif Loudiyi", "Loudyi Abdeltif").is_match
True
"""

from __future__ import annotations

import json
import os
from typing import Any, Iterable, List, Optional, Sequence, Union

from canonym import _canonym
from canonym._canonym import Comparison, Name, Part

__all__ = [
    "DEFAULT_THRESHOLD",
    "Comparison",
    "Name",
    "Part",
    "Resolver",
    "Store",
    "analyze",
    "blocking_keys",
    "compare",
    "extract",
    "keys",
    "normalise",
    "normalize",
    "score",
]

DEFAULT_THRESHOLD: float = _canonym.DEFAULT_THRESHOLD

PathLike = Union[str, "os.PathLike[str]"]


def _column(values: Any, what: str) -> List[Any]:
    """A list from a list, tuple, pandas Series, numpy array or pyarrow array."""
    if isinstance(values, list):
        return values
    if isinstance(values, str):
        raise TypeError(f"{what} must be a sequence of strings, not a single string")
    to_pylist = getattr(values, "to_pylist", None)  # pyarrow Array / ChunkedArray
    if callable(to_pylist):
        return to_pylist()
    tolist = getattr(values, "tolist", None)  # pandas Series, numpy array
    if callable(tolist):
        return tolist()
    return list(values)


def _strings(values: Any, what: str) -> List[str]:
    """A list of the strings of ``values``; the items are checked where they
    cross into the core (see :func:`_native`), not here."""
    return _column(values, what)


def _names(values: Any, what: str) -> Any:
    """``values`` as the batch functions of the core take them: a list of
    strings, or an Arrow array of strings (read in place through the Arrow
    C data interface, no Python object per name)."""
    if isinstance(values, list):
        return values
    if hasattr(values, "__arrow_c_array__"):  # pyarrow Array, and others
        return values
    combine = getattr(values, "combine_chunks", None)  # pyarrow ChunkedArray
    if callable(combine) and hasattr(values, "__arrow_c_stream__"):
        return combine()
    return _column(values, what)


def _arrow(out: Any) -> Any:
    """A pyarrow array of a column the core made in Arrow."""
    import pyarrow as pa

    return pa.array(out)


def _check_strings(values: List[Any], what: str) -> None:
    for i, v in enumerate(values):
        if not isinstance(v, str):
            raise ValueError(f"{what}[{i}] is {type(v).__name__}, not str")


def _native(f: Any, *args: Any, arrow: Optional[bool] = None, **columns: List[Any]) -> Any:
    """``f(*args, *columns.values())`` (and ``arrow=arrow`` when given);
    when the core refuses a column (an item that is not a string),
    ``ValueError`` naming the first such item. The items are checked only
    then, so the fast path has no per-name Python loop."""
    try:
        if arrow is not None:
            return f(*args, *columns.values(), arrow=arrow)
        return f(*args, *columns.values())
    except TypeError:
        for what, values in columns.items():
            if isinstance(values, list):
                _check_strings(values, what)
        raise


def _optional_strings(values: Any, what: str) -> Optional[List[Optional[str]]]:
    if values is None:
        return None
    out = _column(values, what)
    return [None if v is None or v != v else str(v) for v in out]  # v != v: NaN


def _doc_ids(docs: Any, n: int) -> List[str]:
    """Document ids for `n` texts: `docs` as strings, or each text's index."""
    return [str(i) for i in range(n)] if docs is None else [str(d) for d in _column(docs, "docs")]


def analyze(name: str) -> Name:
    """Analyse one name: display form, key, kind, titles and tagged parts."""
    return _canonym.analyze(name)


def normalise(names: Any, *, arrow: bool = False) -> Any:
    """The display form of every name: a list, or a pyarrow array when
    ``arrow`` (needs pyarrow; the column never becomes Python objects)."""
    out = _native(_canonym.normalise, names=_names(names, "names"), arrow=arrow)
    return _arrow(out) if arrow else out


normalize = normalise


def keys(names: Any, *, arrow: bool = False) -> Any:
    """The comparison key of every name (word order, case, script and
    diacritics do not change it): a list, or a pyarrow array when
    ``arrow``."""
    out = _native(_canonym.keys, names=_names(names, "names"), arrow=arrow)
    return _arrow(out) if arrow else out


def compare(a: str, b: str, threshold: Optional[float] = None) -> Comparison:
    """Compare two names: score, verdict and the reasons for it."""
    return _canonym.compare(a, b, threshold)


def score(names1: Any, names2: Any, *, arrow: bool = False) -> Any:
    """The comparison score of ``names1[i]`` with ``names2[i]``, for every
    i: a list, or a pyarrow ``float64`` array when ``arrow``."""
    out = _native(
        _canonym.score, names1=_names(names1, "names1"), names2=_names(names2, "names2"), arrow=arrow
    )
    return _arrow(out) if arrow else out


def blocking_keys(names: Any, *, arrow: bool = False) -> Any:
    """The blocking keys of every name (16 hex digits each): two names that
    may match share at least one. A list of lists, or a pyarrow
    ``list<string>`` array when ``arrow``."""
    out = _native(_canonym.blocking_keys_of, names=_names(names, "names"), arrow=arrow)
    return _arrow(out) if arrow else out


def _paths(aliases: Union[None, PathLike, Iterable[PathLike]]) -> List[str]:
    if aliases is None:
        return []
    if isinstance(aliases, (str, os.PathLike)):
        return [os.fspath(aliases)]
    return [os.fspath(p) for p in aliases]


class Resolver:
    """Resolves name mentions into entities, as ``canonym resolve`` does.

    ``aliases`` is an alias table file (JSON, CSV or TSV) or a list of them;
    ``threshold`` the score at or above which names match.
    """

    def __init__(
        self,
        aliases: Union[None, PathLike, Sequence[PathLike]] = None,
        threshold: Optional[float] = None,
        allow_ambiguous_aliases: bool = False,
    ) -> None:
        self._native = _canonym.NativeResolver(
            _paths(aliases), threshold, allow_ambiguous_aliases
        )

    def resolve(
        self, names: Any, docs: Any = None, ids: Any = None
    ) -> List[dict]:
        """One dict per mention, in input order, with the keys of
        ``canonym resolve``: ``id``, ``name``, ``entity``, ``canonical``,
        ``score``, ``ambiguous``. ``docs`` gives each mention's document
        (short names are resolved within their document first)."""
        names = _strings(names, "names")
        id_list = None if ids is None else [str(i) for i in _column(ids, "ids")]
        doc_list = _optional_strings(docs, "docs")
        return _native(lambda n: self._native.resolve(n, doc_list, id_list), names=names)

    def extract(self, texts: Any, docs: Any = None) -> List[dict]:
        """Find and resolve the names in texts; see :func:`extract`."""
        texts = _strings(texts, "texts")
        doc_ids = _doc_ids(docs, len(texts))
        return _native(lambda t: self._native.extract(t, doc_ids), texts=texts)


def extract(
    texts: Any,
    docs: Any = None,
    aliases: Union[None, PathLike, Sequence[PathLike]] = None,
) -> List[dict]:
    """Find the person and organisation names in texts and resolve them
    together, as ``canonym extract`` does: one dict per mention with
    ``doc``, ``start``, ``end`` (character offsets), ``text``, ``kind``,
    ``entity`` and ``canonical``. Documents are named by ``docs`` (default:
    their index as a string)."""
    return Resolver(aliases).extract(texts, docs)


# ---------------------------------------------------------------------------
# The entity store.
# ---------------------------------------------------------------------------


class Store:
    """An entity store: entities kept across runs in one SQLite file, with
    stable ids and reviewers' decisions, as ``canonym resolve --store`` and
    ``canonym store`` keep them.

    ``Store(path)`` opens the store at ``path``, creating it if the file
    does not exist; ``read_only=True`` opens an existing one for reading
    only (never blocked by a writer). A writer waits up to ``wait`` seconds
    (default 5) for another one. ``threshold`` is the score at or above
    which names match; ``batch_size`` the mentions committed per
    transaction (default 100 000). Problems with the file (not a store, a
    newer version, read-only, busy) raise ``OSError``; bad decisions and
    thresholds raise ``ValueError``.

    >>> store = Store("entities.db")                      # doctest: +SKIP
    >>> rows = store.resolve(["Nasser Bourita", "N. Bourita"], docs=["a", "a"])  # doctest: +SKIP
    >>> store.merge([rows[0]["entity"], other_id], note="same person")  # doctest: +SKIP
    """

    def __init__(
        self,
        path: PathLike,
        threshold: Optional[float] = None,
        wait: Optional[float] = None,
        read_only: bool = False,
        batch_size: Optional[int] = None,
    ) -> None:
        self.path = os.fspath(path)
        self._native = _canonym.NativeStore(
            self.path, threshold, wait, read_only, batch_size
        )

    def close(self) -> None:
        """Close the file; later calls raise ``ValueError``."""
        self._native.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    def resolve(self, names: Any, docs: Any = None, ids: Any = None) -> List[dict]:
        """Resolve mentions into the store and commit them: one dict per
        mention, in input order, with the keys of ``canonym resolve``
        (``id``, ``name``, ``entity``, ``canonical``, ``score``,
        ``ambiguous``); ``entity`` is the stored id."""
        names = _strings(names, "names")
        id_list = None if ids is None else [str(i) for i in _column(ids, "ids")]
        if id_list is not None and len(id_list) != len(names):
            raise ValueError("ids and names differ in length")
        doc_list = _optional_strings(docs, "docs")
        entity, canonical, score, ambiguous = _native(
            lambda n: self._native.resolve(n, doc_list), names=names
        )
        return [
            {
                "id": id_list[i] if id_list is not None else str(i + 1),
                "name": names[i],
                "entity": entity[i],
                "canonical": canonical[i],
                "score": score[i],
                "ambiguous": ambiguous[i],
            }
            for i in range(len(names))
        ]

    def extract(self, texts: Any, docs: Any = None) -> List[dict]:
        """Find the person and organisation names in texts and resolve them
        into the store, as ``canonym extract --store`` does, committing
        them: one dict per mention as :func:`extract` gives them (``doc``,
        ``start``, ``end``, ``text``, ``kind``, ``entity``, ``canonical``),
        ``entity`` the stored id. Documents are named by ``docs`` (default:
        their index as a string)."""
        texts = _strings(texts, "texts")
        doc_ids = _doc_ids(docs, len(texts))
        return _native(lambda t: self._native.extract(t, doc_ids), texts=texts)

    def import_table(self, tables: Union[PathLike, Sequence[PathLike]]) -> int:
        """Seed the store from alias tables (JSON, CSV or TSV), as
        ``canonym store import`` does; returns the entities created."""
        return self._native.import_tables(_paths(tables))

    def merge(self, ids: Sequence[str], note: Optional[str] = None) -> dict:
        """These entities are one: the first survives, the others redirect
        to it. Returns the decision."""
        return json.loads(self._native.merge([str(i) for i in ids], note))

    def split(self, id: str, names: Union[str, Sequence[str]], note: Optional[str] = None) -> dict:
        """These names are not this entity: they leave it for a new entity
        and never join it again. Returns the decision."""
        return json.loads(self._native.split(id, _names_arg(names), note))

    def alias(self, id: str, names: Union[str, Sequence[str]], note: Optional[str] = None) -> dict:
        """Add known names to an entity. Returns the decision."""
        return json.loads(self._native.alias(id, _names_arg(names), note))

    def undo(self, decision: int, note: Optional[str] = None) -> dict:
        """Revert a decision (by its ``id``). Returns the undo."""
        return json.loads(self._native.undo(int(decision), note))

    def log(self) -> List[dict]:
        """Every decision, in order: ``id``, ``at``, ``action``, ``entity``,
        ``args``, ``note``, ``undone``."""
        return json.loads(self._native.log())

    def list(self) -> List[dict]:
        """Every live entity, in creation order: ``id``, ``canonical``,
        ``kind``, ``count`` and its ``names`` (``name``, ``key``, ``kind``,
        ``alias``, ``count``, most mentioned first)."""
        return json.loads(self._native.entities())

    entities = list

    def show(self, id: str) -> Optional[dict]:
        """The entity an id stands for (an id merged away shows its
        survivor), or ``None`` for an id the store never handed out."""
        found = self._native.entity(id)
        return None if found is None else json.loads(found)

    def live_id(self, id: str) -> Optional[str]:
        """The id an id stands for now: itself, or its merge survivor."""
        return self._native.live_id(id)

    def export(self, path: PathLike, format: str = "jsonl") -> None:
        """Write every live entity to ``path``: ``jsonl`` (one entity a line,
        as :meth:`list`) or ``csv`` (one row per name)."""
        self._native.export(os.fspath(path), format)

    def to_pandas(self) -> Any:
        """The store's names as a pandas DataFrame, one row per name (the
        columns of the CSV export)."""
        import pandas as pd

        rows = [
            {
                "id": e["id"],
                "canonical": e["canonical"],
                "kind": e["kind"],
                "name": n["name"],
                "key": n["key"],
                "alias": n["alias"],
                "count": n["count"],
            }
            for e in self.list()
            for n in e["names"]
        ]
        columns = ["id", "canonical", "kind", "name", "key", "alias", "count"]
        return pd.DataFrame(rows, columns=columns)

    def check_integrity(self) -> None:
        """Run SQLite's integrity check; raise ``OSError`` if damaged."""
        self._native.check_integrity()


def _names_arg(names: Union[str, Sequence[str]]) -> List[str]:
    if isinstance(names, str):
        return [names]
    names = _strings(names, "names")
    _check_strings(names, "names")  # a handful of names: checked here
    return names
