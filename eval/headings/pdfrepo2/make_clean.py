#!/usr/bin/env python3
"""clean text = pdfplumber (0.11.10) page.extract_text() of the kept pages, each with trailing newlines
removed, joined with "\n\f", ending with one "\n"."""
import sys, hashlib, pdfplumber
def page_set(spec, n):
    if not spec: return list(range(1, n+1))
    out=[]
    for part in spec.split(','):
        a,_,b=part.partition('-'); out+=range(int(a), int(b or a)+1)
    return out
pdf_path, pages, out = sys.argv[1], sys.argv[2], sys.argv[3]
with pdfplumber.open(pdf_path) as pdf:
    keep = page_set(pages, len(pdf.pages))
    texts = [(pdf.pages[i-1].extract_text() or '').rstrip('\n') for i in keep]
t = '\n\f'.join(texts) + '\n'
open(out, 'w', encoding='utf-8').write(t)
print(out, hashlib.sha256(t.encode()).hexdigest(), t.count('\n'), 'lines')
