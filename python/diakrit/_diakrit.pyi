"""Type stubs of the compiled module (``diakrit._diakrit``); see ``diakrit`` for the overview."""

from typing import Any, Literal, Optional, Sequence

SCHEMA: str
"""The schema id of processed documents: ``diakrit/1``."""
__version__: str

Format = Literal["json", "jsonl", "sections"]

class Edit:
    """One change repair made."""

    start: int
    """Where it starts in the text given, in code points."""
    end: int
    """Where it ends in the text given, in code points: ``text[start:end] == original``."""
    byte_start: int
    """Where it starts in the UTF-8 bytes of the text (as in the CLI's JSON and edits log)."""
    byte_end: int
    """Where it ends in the UTF-8 bytes of the text."""
    original: str
    """The text as given there."""
    to: str
    """What replaces it."""
    kind: Literal["diacritic", "ocr-confusion", "spelling", "hyphenation"]
    """How the edit was made."""
    confidence: float
    """How likely the edit is right (calibrated on the dev set)."""
    def to_dict(self) -> dict[str, Any]:
        """The edit as the CLI writes it: ``span`` (bytes), ``from``, ``to``, ``kind``, ``confidence``."""

class Repaired:
    """A text repaired."""

    text: str
    """The repaired text."""
    edits: list[Edit]
    """The edits, in text order, with offsets into the text given."""

class Repairer:
    """The Swedish lexicon, OCR channel model and headings catalogue, loaded once; safe to share
    between threads."""

    def __init__(
        self,
        *,
        min_confidence: Optional[float] = None,
        context: bool = True,
        join_hyphens: bool = False,
    ) -> None:
        """``min_confidence``: only edits at least this likely to be right (0 to 1; default 0.5, as the
        CLI). ``context``: let the
        word-context model decide between readings. ``join_hyphens``: rejoin words cut at a line end.
        Raises ``ValueError`` for a confidence outside 0 to 1."""
    def repair(self, text: str) -> Repaired:
        """Repair ``text``: its words restored, every other character kept."""
    def repair_batch(self, texts: Sequence[str]) -> list[Repaired]:
        """Repair each text on the Rust threads; results in order."""
    def process(self, text: str, source: str = "-") -> dict[str, Any]:
        """The ``diakrit/1`` document of ``text`` named ``source`` (as ``diakrit process`` gives it).
        ALTO, hOCR and PAGE XML are read as such; other XML or HTML raises ``ValueError``."""
    def process_batch(
        self, texts: Sequence[str], sources: Optional[Sequence[str]] = None
    ) -> list[dict[str, Any]]:
        """The documents of each text (named by ``sources``), on the Rust threads, in order."""
    def process_json(self, text: str, source: str = "-", format: Format = "json") -> str:
        """The document written as the CLI writes it: ``json`` (indented), ``jsonl`` (one line) or
        ``sections`` (one search record per section and line)."""
    def process_bytes(self, data: bytes, source: str, format: Format = "jsonl") -> str:
        """The bytes of a file named ``source`` read and processed exactly as ``diakrit process`` reads
        and writes it (encoding found, OCR XML told by its content). Raises ``ValueError`` with the CLI's
        reason for a file it refuses."""
    def repair_bytes(self, data: bytes, source: str) -> tuple[bytes, list[Edit]]:
        """The bytes of a file named ``source`` repaired exactly as ``diakrit repair`` repairs it (its
        encoding found; ALTO, hOCR and PAGE XML repaired in place), and its edits (offsets in the text as
        read). Raises ``ValueError`` with the CLI's reason for a file it refuses."""
    def explain(self, word: str, context: Optional[str] = None) -> dict[str, Any]:
        """What repair makes of ``word``, alone or in ``context``: ``word``, ``valid``, ``edit`` (or None),
        ``candidates``, ``context`` (or None) and ``text`` (what ``diakrit explain`` prints)."""

def repair(text: str) -> Repaired:
    """``Repairer().repair`` with the shared default repairer."""

def repair_batch(texts: Sequence[str]) -> list[Repaired]:
    """``Repairer().repair_batch`` with the shared default repairer."""

def process(text: str, source: str = "-") -> dict[str, Any]:
    """``Repairer().process`` with the shared default repairer."""

def process_batch(
    texts: Sequence[str], sources: Optional[Sequence[str]] = None
) -> list[dict[str, Any]]:
    """``Repairer().process_batch`` with the shared default repairer."""

def process_json(text: str, source: str = "-", format: Format = "json") -> str:
    """``Repairer().process_json`` with the shared default repairer."""

def process_bytes(data: bytes, source: str, format: Format = "jsonl") -> str:
    """``Repairer().process_bytes`` with the shared default repairer."""

def repair_bytes(data: bytes, source: str) -> tuple[bytes, list[Edit]]:
    """``Repairer().repair_bytes`` with the shared default repairer."""

def explain(word: str, context: Optional[str] = None) -> dict[str, Any]:
    """``Repairer().explain`` with the shared default repairer."""
