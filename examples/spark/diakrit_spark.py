"""Repair and segment a directory (or many) of OCR'd Swedish board texts on Spark with the diakrit Python
package, and write the documents or their sections as JSON Lines or Parquet.

    spark-submit --master local[4] examples/spark/diakrit_spark.py INPUT... --out OUT \
        [--input-format files|jsonl] [--granularity document|section] [--output-format jsonl|parquet] \
        [--partitions N] [--min-confidence X]

`files`: every `*.txt` and OCR XML file (`.xml`, `.hocr`, `.html`, `.xhtml`) under the inputs (folders are
walked), read as bytes and processed exactly as `diakrit process` reads a file (its encoding found, ALTO,
hOCR and PAGE XML told by content), each record named by its path. `jsonl`: lines `{"id": …, "text": …}`,
each processed as a text named by its id. Each record is the line `diakrit process --format jsonl` (or
`--granularity section`) writes for that input, byte for byte.

A file diakrit refuses (binary, XML that is not OCR) does not stop the job: its path and reason go to
`OUT/_errors/` (JSON Lines), as the CLI reports it and goes on.

One `diakrit.Repairer` is made per Python worker process (Spark reuses workers across tasks) and shared by
the partitions it runs, in `mapPartitions`.
"""

import argparse
import json
import sys
from urllib.parse import unquote, urlparse

TEXT_EXTS = (".txt", ".xml", ".hocr", ".html", ".xhtml")

_REPAIRERS = {}


def repairer(min_confidence):
    """The worker's repairer for these options, made once."""
    import diakrit

    key = min_confidence
    if key not in _REPAIRERS:
        _REPAIRERS[key] = diakrit.Repairer(min_confidence=min_confidence)
    return _REPAIRERS[key]


def local_name(uri):
    """A `file:` URI as the path the CLI would be given; other URIs (hdfs:, s3a:) as they are."""
    u = urlparse(uri)
    return unquote(u.path) if u.scheme in ("file", "") else uri


def is_input(uri):
    return uri.lower().endswith(TEXT_EXTS)


def records(fmt, min_confidence, kind):
    """The partition function: (name, data) pairs to (ok, name, line) triples."""

    def run(rows):
        r = repairer(min_confidence)
        for name, data in rows:
            try:
                if kind == "files":
                    out = r.process_bytes(bytes(data), name, fmt)
                else:
                    out = r.process_json(data, name, fmt)
            except ValueError as e:
                yield (False, name, str(e))
                continue
            for line in out.splitlines():
                yield (True, name, line)

    return run


def jsonl_rows(line):
    """A `{"id", "text"}` line as (name, text); the id named as the CLI names it."""
    rec = json.loads(line)
    ident = rec["id"]
    name = ident if isinstance(ident, str) else json.dumps(ident, separators=(",", ":"), ensure_ascii=False)
    return (name, rec["text"])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="folders or files (local paths, hdfs:, s3a:, …)")
    ap.add_argument("--out", required=True, help="output folder (must not exist)")
    ap.add_argument("--input-format", choices=("files", "jsonl"), default="files")
    ap.add_argument("--granularity", choices=("document", "section"), default="document")
    ap.add_argument("--output-format", choices=("jsonl", "parquet"), default="jsonl")
    ap.add_argument("--partitions", type=int, default=None, help="partitions (default: Spark's)")
    ap.add_argument("--min-confidence", type=float, default=None)
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("diakrit").getOrCreate()
    sc = spark.sparkContext
    fmt = "sections" if args.granularity == "section" else "jsonl"

    if args.input_format == "files":
        sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
        rows = sc.binaryFiles(",".join(args.inputs), minPartitions=args.partitions)
        rows = rows.filter(lambda kv: is_input(kv[0])).map(lambda kv: (local_name(kv[0]), kv[1]))
    else:
        rows = sc.textFile(",".join(args.inputs), minPartitions=args.partitions).filter(lambda l: l.strip())
        rows = rows.map(jsonl_rows)
    if args.partitions:
        rows = rows.repartition(args.partitions)

    out = rows.mapPartitions(records(fmt, args.min_confidence, args.input_format)).cache()
    good = out.filter(lambda t: t[0]).map(lambda t: (t[1], t[2]))
    bad = out.filter(lambda t: not t[0]).map(lambda t: json.dumps({"source": t[1], "error": t[2]}, ensure_ascii=False))

    if args.output_format == "jsonl":
        good.map(lambda t: t[1]).saveAsTextFile(args.out)
    else:
        df = spark.createDataFrame(good, "source string, record string")
        df.write.parquet(args.out)
    refused = bad.count()
    if refused:
        # A folder whose name starts with `_` is skipped by Spark's readers of OUT.
        bad.coalesce(1).saveAsTextFile(args.out.rstrip("/") + "/_errors")
        print(f"diakrit: {refused} input(s) refused, listed in {args.out}/_errors", file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
