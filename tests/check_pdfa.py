#!/usr/bin/env python3
"""check_pdfa.py OUT.pdf

Checks the parts of PDF/A-1b that can be verified here without a full
validator: the XMP packet is well-formed XML that claims part 1,
conformance B, and states the same title, author and producer as the
document information; an sRGB output intent with an embedded ICC
profile; a file identifier; every font embedded; every link annotation
printable; no transparency groups or soft masks. Exits 1 on a failure."""
import re, subprocess, sys
import xml.etree.ElementTree as ET

def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True).stdout

def main():
    pdf = sys.argv[1]
    problems = []
    xmp = run('pdfinfo', '-meta', pdf)
    try:
        root = ET.fromstring(xmp)
    except ET.ParseError as e:
        print(f'XMP is not well-formed XML: {e}')
        return 1
    ns = {'rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'dc': 'http://purl.org/dc/elements/1.1/',
          'pdf': 'http://ns.adobe.com/pdf/1.3/', 'pdfaid': 'http://www.aiim.org/pdfa/ns/id/'}
    def find(path):
        el = root.find('.//' + path, ns)
        return el.text if el is not None else None
    info = dict(re.findall(r'^(\w+):\s*(.*)$', run('pdfinfo', pdf), re.M))
    if find('pdfaid:part') != '1' or find('pdfaid:conformance') != 'B':
        problems.append('XMP does not claim PDF/A-1b')
    if find('dc:title/rdf:Alt/rdf:li') != info.get('Title'):
        problems.append(f'XMP title {find("dc:title/rdf:Alt/rdf:li")!r} is not the document title {info.get("Title")!r}')
    if info.get('Author') and find('dc:creator/rdf:Seq/rdf:li') != info.get('Author'):
        problems.append('XMP creator is not the document author')
    if find('pdf:Producer') != info.get('Producer'):
        problems.append('XMP producer is not the document producer')
    qdf = subprocess.run(['qpdf', '--qdf', '--object-streams=disable', pdf, '-'], capture_output=True).stdout
    if b'/OutputIntents' not in qdf or b'/GTS_PDFA1' not in qdf or b'/DestOutputProfile' not in qdf:
        problems.append('no PDF/A output intent with a profile')
    if not re.search(rb'/ID \[\s*<[0-9a-f]{32}>', qdf):
        problems.append('no file identifier')
    links = len(re.findall(rb'/Subtype /Link', qdf))
    printable = len(re.findall(rb'/F 4', qdf))
    if printable < links:
        problems.append(f'{links - printable} of {links} links are not printable')
    if b'/SMask' in qdf or b'/S /Transparency' in qdf:
        problems.append('transparency')
    for line in run('pdffonts', pdf).splitlines()[2:]:
        if line.split()[-5:-3].count('no'):
            problems.append('a font is not embedded: ' + line.split()[0])
    for p in problems:
        print(p)
    print(f'{pdf}: PDF/A-1b checks {"failed" if problems else "passed"} ({links} links)')
    return 1 if problems else 0

sys.exit(main())
