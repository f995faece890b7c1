#!/usr/bin/env python3
"""words-present SOURCE.txt OUT.pdf MIN: the share of the source's words
found anywhere in the PDF, each as often as the source has it.

text-fidelity counts words found in reading order; a table row parted
across two pages reads cell by cell page by page, so its cells' words
come out of order though every one is printed. This counts them without
order, with text-fidelity's own normalisation, so that a sample whose
rows part is still held to every word. Exits 1 below MIN."""
import collections, contextlib, importlib.machinery, importlib.util, io, os, sys

here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, '..', '..', 'shared', 'tools', 'text-fidelity')
loader = importlib.machinery.SourceFileLoader('text_fidelity', path)
spec = importlib.util.spec_from_loader('text_fidelity', loader)
tf = importlib.util.module_from_spec(spec)
sys.argv, argv = [path], sys.argv     # the tool runs main() on import: give it nothing to do
try:
    with contextlib.redirect_stdout(io.StringIO()):
        loader.exec_module(tf)
except SystemExit:
    pass
sys.argv = argv
src = tf.words(open(sys.argv[1], encoding='utf-8', errors='replace').read())
got = collections.Counter(tf.pdf_words(sys.argv[2], set(src)))
need = collections.Counter(src)
found = sum(min(n, got[w]) for w, n in need.items())
share = found / max(1, len(src))
lost = sorted((w for w, n in need.items() if got[w] < n), key=lambda w: need[w] - got[w], reverse=True)
print(f'{found}/{len(src)} source words present, share {share:.4f}' + (f'; short: {" ".join(lost[:12])}' if lost else ''))
sys.exit(0 if share >= float(sys.argv[3]) else 1)
