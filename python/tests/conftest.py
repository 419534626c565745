"""The command line tool the Python results are compared with: `DIAKRIT_BIN`, or the repository's release
build (built here when it is missing)."""

import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def cli() -> str:
    binary = os.environ.get("DIAKRIT_BIN") or str(REPO / "target" / "release" / "diakrit")
    if not os.path.exists(binary):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    return binary


@pytest.fixture(scope="session")
def fixtures() -> list[pathlib.Path]:
    """Every bundled input: the mission document, the section fixtures, the OCR XML pages."""
    root = REPO / "fixtures"
    files = sorted(root.glob("*.ocr.txt")) + sorted((root / "sections").glob("*.txt"))
    files += sorted(p for p in (root / "xml").iterdir() if p.suffix in (".xml", ".hocr"))
    assert len(files) >= 10
    return files
