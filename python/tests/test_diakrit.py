"""The Python package gives the command line tool's results, counts offsets both ways, is safe across
threads, and says what is wrong in exceptions."""

import concurrent.futures
import json
import pathlib
import subprocess

import pytest

import diakrit


def run(cli: str, *args: str) -> bytes:
    return subprocess.run([cli, *args], check=True, capture_output=True).stdout


def test_process_bytes_equals_the_cli_on_every_fixture(cli, fixtures):
    for path in fixtures:
        name = str(path)
        expected = run(cli, "process", "--quiet", "--format", "jsonl", name).decode()
        got = diakrit.process_bytes(path.read_bytes(), name)
        assert got == expected, name
        for fmt in ("json", "sections"):
            expected = run(cli, "process", "--quiet", "--format", fmt, name) if fmt == "json" else run(
                cli, "process", "--quiet", "--granularity", "section", name
            )
            assert diakrit.process_bytes(path.read_bytes(), name, fmt) == expected.decode(), (name, fmt)


def test_process_of_text_equals_the_cli_document(cli, fixtures):
    for path in fixtures:
        if path.suffix != ".txt":
            continue
        name = str(path)
        expected = json.loads(run(cli, "process", "--quiet", "--format", "json", name))
        assert diakrit.process(path.read_text(encoding="utf-8"), source=name) == expected, name


def test_repair_equals_the_cli_text_and_edits_log(cli, fixtures, tmp_path):
    for path in fixtures:
        if path.suffix != ".txt":
            continue
        log = tmp_path / "edits.jsonl"
        expected_text = run(cli, "repair", "--quiet", "--edits", str(log), str(path)).decode()
        r = diakrit.repair(path.read_text(encoding="utf-8"))
        assert r.text == expected_text, path
        logged = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
        mine = [e.to_dict() for e in r.edits]
        assert [(e["span"], e["from"], e["to"], e["kind"], e["confidence"]) for e in logged] == [
            (e["span"], e["from"], e["to"], e["kind"], e["confidence"]) for e in mine
        ], path


def test_repair_bytes_equals_the_cli_on_text_and_ocr_xml(cli, fixtures, tmp_path):
    for path in fixtures:
        log = tmp_path / "edits.jsonl"
        expected = run(cli, "repair", "--quiet", "--edits", str(log), str(path))
        data, edits = diakrit.repair_bytes(path.read_bytes(), str(path))
        assert data == expected, path
        logged = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
        assert [(e["span"], e["to"]) for e in logged] == [([e.byte_start, e.byte_end], e.to) for e in edits], path
    with pytest.raises(ValueError, match="not ALTO, hOCR or PAGE XML"):
        diakrit.repair_bytes(b"<?xml version='1.0'?><mets/>", "mets.xml")


def test_edits_count_code_points_and_bytes():
    # Characters of one, two, three and four UTF-8 bytes before and between the damaged words.
    text = "Åtgärd € 🙂 i Goteborg:\nndmnden — bedomning é\u0301 Forslag"
    r = diakrit.repair(text)
    assert [e.original for e in r.edits] == ["Goteborg", "ndmnden", "bedomning", "Forslag"]
    raw = text.encode("utf-8")
    for e in r.edits:
        assert text[e.start : e.end] == e.original
        assert raw[e.byte_start : e.byte_end].decode("utf-8") == e.original
        assert e.byte_start >= e.start
    # Applying the edits by code point gives the repaired text.
    out, at = [], 0
    for e in r.edits:
        out += [text[at : e.start], e.to]
        at = e.end
    out.append(text[at:])
    assert "".join(out) == r.text


def test_a_text_without_damage_comes_back_unchanged():
    text = "Kommunfullmäktige beslutar enligt förslaget.\n\n\tSida 2 av 3\n"
    r = diakrit.repair(text)
    assert r.text == text and r.edits == []


def test_batches_equal_single_calls_and_threads_agree():
    texts = [
        "Forslag till beslut",
        "Goteborgs Stad gör en bedomning av ndmnden",
        "",
        "Sammanfattning\nStadsledningskontoret foreslar att kommunstyrelsen beslutar.\n",
    ] * 8
    single = [diakrit.repair(t).text for t in texts]
    assert [r.text for r in diakrit.repair_batch(texts)] == single
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(lambda t: diakrit.repair(t).text, texts)) == single
        docs = list(pool.map(lambda t: diakrit.process(t, source="x"), texts))
    assert docs == diakrit.process_batch(texts, sources=["x"] * len(texts))


def test_a_repairer_of_its_own_options():
    sure = diakrit.Repairer(min_confidence=0.98)
    text = "Forslag till beslut i ndmnden"
    assert all(e.confidence >= 0.98 for e in sure.repair(text).edits)
    assert len(sure.repair(text).edits) < len(diakrit.repair(text).edits)
    assert "min_confidence=0.98" in repr(sure)


def test_explain_says_what_repair_makes_of_a_word():
    e = diakrit.explain("bedomning")
    assert e["edit"]["to"] == "bedömning" and e["edit"]["kind"] == "diacritic"
    assert not e["valid"] and e["candidates"][0]["word"] == "bedömning"
    assert "bedömning" in e["text"]
    kept = diakrit.explain("beslut", context="Förslag till beslut")
    assert kept["valid"] and kept["edit"] is None
    assert kept["context"]["line"] == "Förslag till beslut"


def test_errors_are_exceptions_with_the_reason():
    with pytest.raises(ValueError, match="between 0 and 1"):
        diakrit.Repairer(min_confidence=1.5)
    with pytest.raises(ValueError, match="not ALTO, hOCR or PAGE XML"):
        diakrit.process("<!DOCTYPE html><html><body>Hej</body></html>", source="page.html")
    with pytest.raises(ValueError, match="format must be"):
        diakrit.process_json("text", format="xml")
    with pytest.raises(ValueError, match="2 texts but 1 sources"):
        diakrit.process_batch(["a", "b"], sources=["a"])
    with pytest.raises(TypeError):
        diakrit.repair(b"bytes are not text")


def test_the_module_says_its_schema_and_version():
    assert diakrit.SCHEMA == "diakrit/1"
    assert diakrit.__version__ and pathlib.Path(diakrit.__file__).name == "__init__.py"


def test_the_examples_in_the_module_documentation_hold():
    import doctest

    failed, tried = doctest.testmod(diakrit)
    assert tried >= 3 and failed == 0
