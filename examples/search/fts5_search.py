"""Load diakrit's section records into a search engine (SQLite FTS5, in Python's standard library) and
query them: a search for `bedömning` finds the sections whose OCR said `bedomning`.

    python examples/search/fts5_search.py QUERY FILE...            # processed with the diakrit package
    python examples/search/fts5_search.py QUERY --records S.jsonl   # records of `diakrit process --granularity section`

Each hit: the section's id, label and heading, where it stands in its file, the repaired text around the
match and the OCR as it was there. The index keeps å, ä and ö apart from a, a and o (`remove_diacritics
0`), as a Swedish analyzer does: without repair, `bedömning` would not find `bedomning`.
"""

import argparse
import json
import signal
import sqlite3
import sys


def section_records(files):
    """The section records of each file, as `diakrit process --granularity section` writes them."""
    import diakrit

    repairer = diakrit.Repairer()
    for path in files:
        with open(path, "rb") as f:
            out = repairer.process_bytes(f.read(), path, "sections")
        for line in out.splitlines():
            yield json.loads(line)


def build_index(records, db=":memory:"):
    """An FTS5 index of the records (repaired text and heading searched; the rest stored)."""
    con = sqlite3.connect(db)
    con.execute(
        "CREATE VIRTUAL TABLE sections USING fts5("
        "heading, text, id UNINDEXED, label UNINDEXED, source UNINDEXED, span UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 0')"
    )
    con.executemany(
        "INSERT INTO sections (heading, text, id, label, source, span) VALUES (?, ?, ?, ?, ?, ?)",
        (
            (r.get("heading") or "", r["text"], r["id"], r["label"], r["source"], json.dumps(r["span"]))
            for r in records
        ),
    )
    con.commit()
    return con


def search(con, query, limit=20):
    """The hits of `query` (FTS5 syntax), best first: dicts of id, label, heading, source, span, snippet."""
    rows = con.execute(
        "SELECT id, label, heading, source, span, snippet(sections, 1, '[', ']', '…', 12) "
        "FROM sections WHERE sections MATCH ? ORDER BY rank LIMIT ?",
        (query, limit),
    ).fetchall()
    keys = ("id", "label", "heading", "source", "span", "snippet")
    return [dict(zip(keys, r)) | {"span": json.loads(r[4])} for r in rows]


def ocr_at(source, span):
    """The input's text at a record's span (bytes of the file as read; UTF-8 assumed here)."""
    with open(source, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data[span[0] : span[1]].decode("utf-8", errors="replace")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("query")
    ap.add_argument("files", nargs="*")
    ap.add_argument("--records", help="section records (JSON Lines) instead of FILES")
    args = ap.parse_args(argv)
    if args.records:
        with open(args.records, encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
    else:
        records = list(section_records(args.files))
    con = build_index(records)
    hits = search(con, args.query)
    for h in hits:
        print(f"{h['id']}  {h['label']}  {h['heading'] or '(no heading)'}  {h['source']} {h['span']}")
        print(f"    repaired: {h['snippet']}")
        ocr = " ".join(ocr_at(h["source"], h["span"]).split())
        print(f"    OCR:      {ocr[:160]}{'…' if len(ocr) > 160 else ''}")
    print(f"{len(hits)} section(s) of {len(records)} match {args.query!r}", file=sys.stderr)
    return 0 if hits else 1


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends the listing quietly
    sys.exit(main())
