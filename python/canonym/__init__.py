"""canonym: turn messy person and organisation names into canonical entities.

Every batch function takes a whole column at a time (a list, a pandas
Series or a pyarrow array), releases the GIL and works on several threads
in the Rust core; results come back as lists in input order.

>>> import canonym
>>> canonym.analyze("Brig. Gen. Patrick Karuretwa").display
'Patrick Karuretwa'
>>> canonym.normalise(["ABDELTIF LOUDYI", "Juvénal Marizamunda"])
['Abdeltif Loudyi', 'Juvénal Marizamunda']
>>> canonym.compare("Abdellatif Loudiyi", "Loudyi Abdeltif").is_match
True
"""

from __future__ import annotations

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
    out = _column(values, what)
    for i, v in enumerate(out):
        if not isinstance(v, str):
            raise TypeError(f"{what}[{i}] is {type(v).__name__}, not str")
    return out


def _optional_strings(values: Any, what: str) -> Optional[List[Optional[str]]]:
    if values is None:
        return None
    out = _column(values, what)
    return [None if v is None or v != v else str(v) for v in out]  # v != v: NaN


def analyze(name: str) -> Name:
    """Analyse one name: display form, key, kind, titles and tagged parts."""
    return _canonym.analyze(name)


def normalise(names: Any) -> List[str]:
    """The display form of every name."""
    return _canonym.normalise(_strings(names, "names"))


normalize = normalise


def keys(names: Any) -> List[str]:
    """The comparison key of every name (word order, case, script and
    diacritics do not change it)."""
    return _canonym.keys(_strings(names, "names"))


def compare(a: str, b: str, threshold: Optional[float] = None) -> Comparison:
    """Compare two names: score, verdict and the reasons for it."""
    return _canonym.compare(a, b, threshold)


def score(names1: Any, names2: Any) -> List[float]:
    """The comparison score of ``names1[i]`` with ``names2[i]``, for every i."""
    return _canonym.score(_strings(names1, "names1"), _strings(names2, "names2"))


def blocking_keys(names: Any) -> List[List[str]]:
    """The blocking keys of every name (16 hex digits each): two names that
    may match share at least one."""
    return _canonym.blocking_keys_of(_strings(names, "names"))


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
        return self._native.resolve(names, _optional_strings(docs, "docs"), id_list)

    def extract(self, texts: Any, docs: Any = None) -> List[dict]:
        """Find and resolve the names in texts; see :func:`extract`."""
        texts = _strings(texts, "texts")
        doc_ids = (
            [str(i) for i in range(len(texts))]
            if docs is None
            else [str(d) for d in _column(docs, "docs")]
        )
        return self._native.extract(texts, doc_ids)


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
