#!/usr/bin/env python3
"""Write schema/diakrit-1-section.schema.json from schema/diakrit-1.schema.json, so that the two agree.

Usage: python3 scripts/make_section_schema.py

A section record (`diakrit process --granularity section`) is a section of the document schema with the
document's id, source, doc type and metadata added.
"""
import json, os

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'schema')
doc = json.load(open(os.path.join(root, 'diakrit-1.schema.json'), encoding='utf-8'))
section = doc['$defs']['section']
out = {
    '$schema': doc['$schema'],
    '$id': 'https://diakrit.invalid/schema/diakrit-1-section.schema.json',
    'title': 'diakrit section record, schema diakrit/1#section',
    'description': 'One line of `diakrit process --granularity section`: a section with its document\'s id, '
                   'source, type and metadata. Section fields and metadata mean what they mean in '
                   'diakrit-1.schema.json (this file is made from it by scripts/make_section_schema.py).',
    'type': 'object',
    'required': ['schema', 'document_id', 'source', 'doc_type', 'metadata'] + section['required'],
    'additionalProperties': False,
    'properties': {
        'schema': {'const': 'diakrit/1#section'},
        'document_id': doc['properties']['id'],
        'source': doc['properties']['source'],
        'doc_type': doc['properties']['doc_type'],
        'metadata': doc['properties']['metadata'],
        **section['properties'],
    },
    '$defs': {k: v for k, v in doc['$defs'].items() if k not in ('section', 'edit')},
}
with open(os.path.join(root, 'diakrit-1-section.schema.json'), 'w', encoding='utf-8') as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write('\n')
