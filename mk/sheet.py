#!/usr/bin/env python3
"""sheet.py OUT.png PAGE.png... : a contact sheet of a report's pages,
eight to a row, each page in a cell as large as the largest (a page
turned on its side keeps its shape), on a grey ground."""
import sys
from PIL import Image

out, files = sys.argv[1], sys.argv[2:]
pages = [Image.open(f).convert('RGB') for f in files]
cell = max(max(p.size) for p in pages)
gap, cols = 4, 8
rows = (len(pages) + cols - 1) // cols
sheet = Image.new('RGB', (gap + min(cols, len(pages)) * (cell + gap), gap + rows * (cell + gap)), (208, 208, 208))
for i, p in enumerate(pages):
    x = gap + (i % cols) * (cell + gap) + (cell - p.size[0]) // 2
    y = gap + (i // cols) * (cell + gap) + (cell - p.size[1]) // 2
    sheet.paste(p, (x, y))
sheet.save(out, optimize=True)
