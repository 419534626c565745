"""The review page in a real browser (Chromium, headless, through Selenium): every edit shown once in its
line, one rejected with the keyboard, the decisions saved through the page's button, and `diakrit apply`
giving the repaired text with exactly that word as the OCR wrote it.

Inputs: the bundled fixtures, or the folders in DIAKRIT_REPORT_INPUTS (`:`-separated; e.g. the dev set).
DIAKRIT_SCREENSHOT=DIR also saves screenshots of the page there (the README's comes from this test).
Needs chromium and chromedriver (Debian: `chromium`, `chromium-driver`) and selenium from PyPI; without
them it fails, saying what is missing, rather than passing unseen.
"""

import json
import os
import pathlib
import shutil
import subprocess
import time

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


def cli():
    binary = os.environ.get("DIAKRIT_BIN") or str(REPO / "target" / "release" / "diakrit")
    if not os.path.exists(binary):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    return binary


def run(*args):
    p = subprocess.run([cli(), *map(str, args)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return p


def browser(downloads):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("selenium is not installed (pip install selenium)")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.fail("the browser test needs chromium and chromedriver (Debian: apt-get install chromium chromium-driver)")
    o = webdriver.ChromeOptions()
    o.binary_location = chromium
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        o.add_argument(a)
    o.add_experimental_option("prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False})
    d = webdriver.Chrome(service=Service(driver), options=o)
    d.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    return d


def wait(cond, what, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        v = cond()
        if v:
            return v
        time.sleep(0.1)
    pytest.fail("timed out waiting for " + what)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("review")
    given = os.environ.get("DIAKRIT_REPORT_INPUTS")
    if given:
        inputs = [pathlib.Path(p) for p in given.split(":")]
    else:
        src = root / "in"
        src.mkdir()
        shutil.copy(REPO / "fixtures" / "goteborg-intraservice-ai-slutredovisning.ocr.txt", src)
        for p in (REPO / "fixtures" / "sections").glob("*.ocr.txt"):
            shutil.copy(p, src)
        inputs = [src]
    run("report", *inputs, "--out", root / "review")
    log = root / "edits.jsonl"
    run("repair", "--quiet", "--edits", log, "--out-dir", root / "repaired", *inputs)
    edits = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        e = json.loads(line)
        edits.setdefault(e["file"], []).append(e)
    return root, inputs, edits


def test_every_edit_is_shown_once_in_its_line_and_a_reject_reaches_apply(batch):
    from selenium.webdriver.common.by import By

    root, inputs, edits = batch
    downloads = root / "downloads"
    downloads.mkdir(exist_ok=True)
    shots = os.environ.get("DIAKRIT_SCREENSHOT")
    d = browser(downloads)
    try:
        d.get((root / "review" / "index.html").as_uri())
        links = wait(lambda: d.find_elements(By.CSS_SELECTOR, "a.doc-link"), "the documents table")
        sources = [a.text for a in links]
        assert sorted(sources) == sorted(edits) or set(edits) <= set(sources)
        if shots:
            d.save_screenshot(os.path.join(shots, "review-index.png"))
        # Every document: its edits in the page, in text order, each once, each in the line it stands in.
        for n, source in enumerate(sources, start=1):
            d.get((root / "review" / "index.html").as_uri() + f"#doc={n}")
            d.refresh()
            wait(lambda: not d.find_element(By.ID, "review").get_attribute("hidden"), "document " + source)
            shown = d.execute_script(
                "return [...document.querySelectorAll('#review-text .edit')].map(e => "
                "[e.title.split(' · ')[0], e.closest('.line').querySelector('.ln').textContent])"
            )
            expected = edits.get(source, [])
            text = pathlib.Path(source).read_text(encoding="utf-8")
            raw = text.encode("utf-8")
            lines = [str(raw[: e["span"][0]].count(b"\n") + 1) for e in expected]
            assert [s[0] for s in shown] == [f"OCR: {e['from']} → {e['to']}" for e in expected], source
            assert [s[1] for s in shown] == lines, source
        # The mission document (or the first with edits): reject its most doubtful edit with the keys.
        target = next(s for s in sources if edits.get(s))
        n = sources.index(target) + 1
        d.get((root / "review" / "index.html").as_uri() + f"#doc={n}")
        d.refresh()
        wait(lambda: d.find_elements(By.CSS_SELECTOR, "#review-text .edit"), "the edits of " + target)
        body = d.find_element(By.TAG_NAME, "body")
        body.send_keys("n")
        current = wait(lambda: d.find_elements(By.CSS_SELECTOR, "#review-text .edit.current"), "a current edit")[0]
        i = int(current.get_attribute("data-i"))
        rejected = edits[target][i]
        assert rejected["confidence"] == min(e["confidence"] for e in edits[target])
        body.send_keys("r")
        wait(lambda: "reject" in d.find_element(By.ID, f"e{i}").get_attribute("class"), "the reject")
        assert d.find_element(By.ID, f"e{i}").text == rejected["from"]
        assert d.find_element(By.ID, "decided").text == "1 decision"
        if shots:
            d.save_screenshot(os.path.join(shots, "review-document.png"))
        d.find_element(By.ID, "save").click()
        saved = wait(lambda: [p for p in downloads.glob("decisions*.json") if p.stat().st_size > 0], "the decisions file")[0]
        time.sleep(0.3)
    finally:
        d.quit()
    decisions = json.loads(saved.read_text(encoding="utf-8"))
    assert decisions["schema"] == "diakrit/decisions-1"
    assert [(e["span"], e["decision"]) for e in decisions["edits"]] == [(rejected["span"], "reject")]
    final = root / "final"
    run("apply", saved, *inputs, "--out-dir", final, "--quiet")
    # The rejected word is back as the OCR wrote it; every other document is the repaired text.
    for source, es in edits.items():
        text = pathlib.Path(source).read_text(encoding="utf-8")
        raw, out, at = text.encode("utf-8"), b"", 0
        for e in es:
            out += raw[at : e["span"][0]] + (e["from"] if e is rejected else e["to"]).encode("utf-8")
            at = e["span"][1]
        out += raw[at:]
        got = next(final.rglob(pathlib.Path(source).name)).read_bytes()
        assert got == out, source
