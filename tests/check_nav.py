#!/usr/bin/env python3
"""check_nav.py REPORT.xml OUT.pdf

Reads a rendered PDF back and checks its navigation against the report:
  - every contents entry's page number is the label of the page its
    heading is on (page labels read from the PDF);
  - there is one bookmark per heading of the report (chapters, sections,
    appendices, subgroups, the foreword and the contents), nested as the
    headings are, each pointing at the page that shows its title;
  - the viewer opens with the bookmarks shown and shows the title.
Prints what it found and exits 1 on the first disagreement.
Needs poppler-utils and qpdf."""
import json, re, subprocess, sys
import xml.etree.ElementTree as ET

def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout

def norm(s):
    return re.sub(r'\s+', ' ', s).strip().lower()

def main():
    xml, pdf = sys.argv[1], sys.argv[2]
    doc = json.loads(run('qpdf', '--json', pdf))
    npages = len(doc['pages'])
    # page labels: ranges from qpdf, written out per page
    labels, ranges = [], doc.get('pagelabels', [])
    for i in range(npages):
        r = [x for x in ranges if x['index'] <= i][-1]
        n = i - r['index'] + r['label'].get('/St', 1)
        style = r['label'].get('/S', '/D')
        labels.append(roman(n) if style == '/r' else roman(n).upper() if style == '/R' else str(n))
    text = [run('pdftotext', '-f', str(p), '-l', str(p), '-layout', pdf, '-') for p in range(1, npages + 1)]
    problems = []

    # contents entries
    entries = []
    for i, t in enumerate(text):
        lines = [l for l in t.splitlines() if l.strip()]
        if len(lines) > 1 and norm(lines[1]) == 'contents' or (lines and norm(lines[0]) == 'contents'):
            for l in lines:
                m = re.match(r'^\s*(.*?)[\s.]+([0-9]+|[ivxlc]+)\s*$', l)
                if m and len(m.group(1)) > 3:
                    entries.append((norm(m.group(1)), m.group(2), i))
    checked = 0
    for title, label, at in entries:
        # the heading is a line of its own: the title, after its label if any
        pages = [i for i in range(at + 1, npages)
                 if any(norm(l) == title or (norm(l).endswith(' ' + title.split(' ', 1)[-1]) and
                                              norm(l) == title)
                        for l in text[i].splitlines() if l.strip())]
        if not pages:
            continue                                # a title wrapped over lines: not checked
        checked += 1
        if labels[pages[0]] != label:
            problems.append(f'contents says "{title}" is on page {label}, it is on page {labels[pages[0]]}')
    print(f'contents: {len(entries)} entries, {checked} checked against their pages')

    # bookmarks against the report's headings
    root = ET.parse(xml).getroot()
    def headings(el):
        n = 0
        for ch in el:
            if ch.tag in ('chapter', 'section', 'appendix', 'subgroup') and ch.find('title') is not None:
                n += 1
            if ch.tag in ('foreword', 'contents'):
                n += 1
            n += headings(ch)
        return n
    want = headings(root)
    marks = []
    def walk(items, depth, parent_page):
        for it in items:
            marks.append(it)
            page = it.get('destpageposfrom1') or 0
            if page and page < parent_page:
                problems.append(f'bookmark "{it["title"]}" points before its parent')
            if page:
                body = norm(text[page - 1])
                words = norm(it['title']).split()[-3:]
                if not all(w in body for w in words):
                    problems.append(f'bookmark "{it["title"]}" points at page {page}, which does not show it')
            walk(it['kids'], depth + 1, page)
    walk(doc.get('outlines', []), 1, 0)
    print(f'bookmarks: {len(marks)}, headings in the report: {want}')
    if len(marks) != want:
        problems.append(f'{len(marks)} bookmarks for {want} headings')
    trailer = run('qpdf', '--show-object=trailer', pdf)
    catalog = run('qpdf', '--show-object=' + re.search(r'/Root (\d+ \d+) R', trailer).group(1).replace(' ', ','), pdf)
    if '/UseOutlines' not in catalog:
        problems.append('the viewer does not open with the bookmarks')
    if '/DisplayDocTitle true' not in catalog:
        problems.append('the viewer shows the file name, not the title')
    for p in problems[:20]:
        print(p)
    return 1 if problems else 0

def roman(n):
    out = ''
    for v, s in ((1000, 'm'), (900, 'cm'), (500, 'd'), (400, 'cd'), (100, 'c'), (90, 'xc'),
                 (50, 'l'), (40, 'xl'), (10, 'x'), (9, 'ix'), (5, 'v'), (4, 'iv'), (1, 'i')):
        while n >= v:
            out += s; n -= v
    return out

sys.exit(main())
