"""diakrit: repair OCR'd Swedish board texts and split them into labelled sections.

Scanned protocols and tjänsteutlåtanden come out of OCR with å, ä, ö stripped or misread
(``Goteborg``, ``bedomning``, ``ndmnden``, ``&r``). diakrit restores the words with a Swedish lexicon, an
OCR channel model and edit distance, keeps every other character, and splits each document into labelled
sections (the ``diakrit/1`` JSON documents of the ``diakrit`` command line tool).

    >>> import diakrit
    >>> r = diakrit.repair("Forslag till beslut i ndmnden")
    >>> r.text
    'Förslag till beslut i nämnden'
    >>> [(e.original, e.to) for e in r.edits]
    [('Forslag', 'Förslag'), ('ndmnden', 'nämnden')]

Offsets: ``Edit.start``/``Edit.end`` count code points of the text given (``text[e.start:e.end] ==
e.original``); ``Edit.byte_start``/``Edit.byte_end`` and every span in a processed document count UTF-8
bytes, as the command line tool's JSON does.

The module-level functions share one ``Repairer``, made on first use; make your own for other options
(``Repairer(min_confidence=0.9)``) or to hold one per Spark executor. Every call releases the GIL; the
``*_batch`` calls spread their texts over the Rust threads (``RAYON_NUM_THREADS`` sets how many).
"""

from ._diakrit import (
    SCHEMA,
    Edit,
    Repaired,
    Repairer,
    __version__,
    explain,
    process,
    process_batch,
    process_bytes,
    process_json,
    repair,
    repair_batch,
    repair_bytes,
)

__all__ = [
    "SCHEMA",
    "Edit",
    "Repaired",
    "Repairer",
    "__version__",
    "explain",
    "process",
    "process_batch",
    "process_bytes",
    "process_json",
    "repair",
    "repair_batch",
    "repair_bytes",
]
