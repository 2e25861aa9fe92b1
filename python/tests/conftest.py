"""Shared fixtures: the repository, the command-line tool, the eval data."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _cli() -> Path:
    env = os.environ.get("CANONYM_BIN")
    if env:
        return Path(env)
    found = [ROOT / "target" / p / "canonym" for p in ("release", "debug")]
    found = [p for p in found if p.exists()]
    if not found:
        pytest.fail("no canonym binary: run `cargo build` first or set CANONYM_BIN")
    return max(found, key=lambda p: p.stat().st_mtime)


@pytest.fixture(scope="session")
def cli():
    path = _cli()

    def run(*args, input=None):
        done = subprocess.run(
            [str(path), *args], input=input, capture_output=True, text=True, check=False
        )
        assert done.returncode in (0, 1), done.stderr
        return done.stdout

    return run


def tsv(path: Path):
    """The rows of a '#'-commented TSV with a header, as dicts."""
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, l.split("\t"))) for l in lines[1:]]


@pytest.fixture(scope="session")
def clusters():
    return tsv(ROOT / "eval" / "clusters.tsv")


@pytest.fixture(scope="session")
def pairs():
    return tsv(ROOT / "eval" / "pairs.tsv")
