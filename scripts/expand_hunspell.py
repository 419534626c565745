#!/usr/bin/env python3
"""Expand a Hunspell dictionary (.dic + .aff) into its word forms, with compound flags.

Usage: expand_hunspell.py BASE_PATH > forms.tsv     (BASE_PATH without .dic/.aff)

Output: one line per form, `form<TAB>bits`, where bits is a sum of
  1  valid as a standalone word
  2  may begin a compound (COMPOUNDBEGIN, or COMPOUNDPERMITFLAG forms)
  4  may stand in the middle of a compound (COMPOUNDMIDDLE)
  8  may end a compound (COMPOUNDEND)
Forms that are FORBIDDENWORD are dropped. ONLYINCOMPOUND and NEEDAFFIX forms are kept only with their
compound bits (bit 1 clear), so they never count as words of their own.

Parsing is done by spylls; this file applies the affixes itself: suffixes, prefixes, cross products
(prefix + suffix when both allow it) and two-level suffixes (a suffix's continuation flags).
"""
import sys
from collections import defaultdict
from spylls.hunspell import Dictionary

VALID, BEGIN, MIDDLE, END = 1, 2, 4, 8


def main(base):
    d = Dictionary.from_files(base)
    a = d.aff
    forbidden, only_cpd, need_affix = a.FORBIDDENWORD, a.ONLYINCOMPOUND, a.NEEDAFFIX
    cbegin, cmiddle, cend, cflag, cpermit = (a.COMPOUNDBEGIN, a.COMPOUNDMIDDLE, a.COMPOUNDEND,
                                             a.COMPOUNDFLAG, a.COMPOUNDPERMITFLAG)
    out = defaultdict(int)
    bad = set()

    def emit(form, flags):
        if forbidden and forbidden in flags:
            bad.add(form)
            return
        bits = 0
        if not (only_cpd and only_cpd in flags) and not (need_affix and need_affix in flags):
            bits |= VALID
        if cflag and cflag in flags:
            bits |= BEGIN | MIDDLE | END
        if cbegin and cbegin in flags:
            bits |= BEGIN
        if cpermit and cpermit in flags:
            bits |= BEGIN | MIDDLE
        if cmiddle and cmiddle in flags:
            bits |= MIDDLE
        if cend and cend in flags:
            bits |= END
        out[form] |= bits

    def suffixes(word, flags):
        for f in flags:
            for sfx in a.SFX.get(f, ()):
                if sfx.cond_regexp.search(word) and (not sfx.strip or word.endswith(sfx.strip)):
                    base = word[:len(word) - len(sfx.strip)] if sfx.strip else word
                    yield sfx, base + sfx.add

    def prefixes(word, flags):
        for f in flags:
            for pfx in a.PFX.get(f, ()):
                if pfx.cond_regexp.search(word) and (not pfx.strip or word.startswith(pfx.strip)):
                    yield pfx, pfx.add + word[len(pfx.strip):]

    for w in d.dic.words:
        stem, flags = w.stem, set(w.flags)
        if forbidden in flags:
            bad.add(stem)
            continue
        emit(stem, flags)
        # Affix flags are inherited by the form, except the stem's NEEDAFFIX which the affix satisfies.
        keep = flags - {need_affix}
        for sfx, form in suffixes(stem, flags):
            f1 = keep | set(sfx.flags)
            emit(form, f1)
            for sfx2, form2 in suffixes(form, set(sfx.flags)):
                emit(form2, (keep | set(sfx2.flags)) - {need_affix})
            if sfx.crossproduct:
                for pfx, pform in prefixes(form, flags):
                    if pfx.crossproduct:
                        emit(pform, f1 | set(pfx.flags))
        for pfx, form in prefixes(stem, flags):
            emit(form, keep | set(pfx.flags))
    for form in bad:
        out.pop(form, None)
    w = sys.stdout.write
    for form in sorted(out):
        if form and not form.endswith('-') or out[form] & ~VALID:
            w(f"{form}\t{out[form]}\n")


if __name__ == '__main__':
    main(sys.argv[1])
