"""The Spark job in local mode gives, record for record, the bytes `diakrit process` writes for the same
files; a file diakrit refuses is listed and does not stop the job. Needs `pyspark` and Java 17."""

import glob
import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[1]
JOB = HERE / "diakrit_spark.py"


def cli_binary():
    binary = os.environ.get("DIAKRIT_BIN") or str(REPO / "target" / "release" / "diakrit")
    if not os.path.exists(binary):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    return binary


def spark_submit(*args):
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    submit = shutil.which("spark-submit", path=os.path.dirname(sys.executable)) or "spark-submit"
    p = subprocess.run(
        [submit, "--master", "local[2]", "--conf", "spark.ui.enabled=false", str(JOB), *args],
        env=env,
        capture_output=True,
        text=True,
    )
    assert p.returncode == 0, p.stderr[-4000:]
    return p


def lines(folder):
    out = []
    for part in sorted(glob.glob(os.path.join(folder, "part-*"))):
        with open(part, encoding="utf-8") as f:
            out += f.read().splitlines()
    return out


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The bundled fixtures in a folder (with a subfolder), plus one XML file that is not OCR."""
    root = tmp_path_factory.mktemp("in")
    (root / "sections").mkdir()
    for p in (REPO / "fixtures").glob("*.ocr.txt"):
        shutil.copy(p, root / p.name)
    for p in (REPO / "fixtures" / "sections").glob("*.txt"):
        shutil.copy(p, root / "sections" / p.name)
    for p in (REPO / "fixtures" / "xml").glob("*.alto.xml"):
        shutil.copy(p, root / p.name)
    (root / "mets.xml").write_text("<?xml version='1.0'?><mets>not OCR</mets>\n", encoding="utf-8")
    return root


def test_documents_equal_the_cli_record_for_record(inputs, tmp_path):
    out = tmp_path / "docs"
    p = spark_submit(str(inputs), "--out", str(out), "--partitions", "3")
    files = sorted(str(f) for f in inputs.rglob("*") if f.suffix in (".txt",) or f.name.endswith(".alto.xml"))
    cli = subprocess.run(
        [cli_binary(), "process", "--quiet", "--format", "jsonl", *files], capture_output=True, check=True
    ).stdout.decode()
    expected = sorted(cli.splitlines())
    got = sorted(lines(out))
    assert len(got) == len(files) >= 10
    assert got == expected
    # The METS file is refused, listed, and the job went on.
    errors = [json.loads(line) for line in lines(out / "_errors")]
    assert [e["source"] for e in errors] == [str(inputs / "mets.xml")]
    assert "not ALTO, hOCR or PAGE XML" in errors[0]["error"]
    assert "1 input(s) refused" in p.stderr + p.stdout, p.stdout


def test_sections_and_parquet_and_json_lines_input(inputs, tmp_path):
    src = inputs / "sections" / "protokoll.ocr.txt"
    cli_sections = subprocess.run(
        [cli_binary(), "process", "--quiet", "--granularity", "section", str(src)], capture_output=True, check=True
    ).stdout.decode()
    # JSON Lines records in, section records out, as Parquet.
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"id": str(src), "text": src.read_text(encoding="utf-8")}) + "\n", encoding="utf-8")
    out = tmp_path / "sections.parquet"
    spark_submit(str(records), "--input-format", "jsonl", "--granularity", "section", "--output-format", "parquet", "--out", str(out))
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
    try:
        rows = spark.read.parquet(str(out)).collect()
    finally:
        spark.stop()
    got = sorted(r["record"] for r in rows)
    assert got == sorted(cli_sections.splitlines())
    assert {r["source"] for r in rows} == {str(src)}
