"""The search example finds the repaired words: `bedömning` finds the sections whose OCR said `bedomning`,
which an index of the raw OCR does not."""

import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import fts5_search  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
MISSION = str(REPO / "fixtures" / "goteborg-intraservice-ai-slutredovisning.ocr.txt")


def test_bedomning_is_found_as_bedoemning():
    records = list(fts5_search.section_records([MISSION]))
    con = fts5_search.build_index(records)
    hits = fts5_search.search(con, "bedömning")
    assert hits
    said = [fts5_search.ocr_at(h["source"], h["span"]) for h in hits]
    assert any(re.search(r"\bbedomning\b", s, re.IGNORECASE) for s in said), said
    assert all(h["id"].startswith(records[0]["document_id"]) for h in hits)
    assert {h["label"] for h in hits} <= {r["label"] for r in records}


def test_the_raw_ocr_alone_is_not_found():
    raw = open(MISSION, encoding="utf-8").read()
    con = fts5_search.build_index(
        [{"heading": "", "text": raw, "id": "raw", "label": "document", "source": MISSION, "span": [0, len(raw)]}]
    )
    assert fts5_search.search(con, "bedömning") == []
    assert fts5_search.search(con, "bedomning")


def test_the_command_line_prints_the_hits(capsys):
    assert fts5_search.main(["bedömning", MISSION]) == 0
    out = capsys.readouterr()
    assert "repaired:" in out.out and "[bedömning]" in out.out.lower()
    assert "OCR:" in out.out
