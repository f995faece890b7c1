#!/usr/bin/env python3
"""bench.py - how fast boardpress renders, and in how much memory.

Renders every sample, an empty report and generated reports of about 500
and 1,000 pages, each several times, and prints for each the best
wall-clock time of the whole process, pages per second, peak resident
memory and paragraphs (and list items) set per second. The two generated
reports show whether the cost stays linear in length. A benchmark, not a
test: it never fails on a slow machine."""
import os, resource, subprocess, sys, tempfile, time, glob

RUNS = 5
PARA = ("The Board has strengthened its approach to performance management by developing a "
        "shared dataset, placing clearer demands on agencies for more effective performance "
        "analysis and by introducing a new multi-agency performance framework. Partners "
        "reported on the effectiveness of their safeguarding arrangements, and the Board "
        "challenged them where the evidence fell short of what children need.")

def generated(path, chapters):
    with open(path, 'w') as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<report>\n<meta><board short="GSCB">'
                'Generated Safeguarding Children Board</board><title>Benchmark report</title></meta>\n<cover/>\n')
        for c in range(chapters):
            f.write('<chapter number="auto"><title>Chapter %d</title>\n' % (c + 1))
            for s in range(4):
                f.write('<section number="auto"><title>Section %d</title>\n' % (s + 1))
                for p in range(4):
                    f.write('<p>%s <b>Item %d.</b> %s</p>\n' % (PARA, p, PARA))
                f.write('<list><item>%s</item><item>%s</item></list>\n' % (PARA[:120], PARA[:80]))
                f.write('</section>\n')
            f.write('</chapter>\n')
        f.write('</report>\n')

def empty(path):
    with open(path, 'w') as f:
        f.write('<report><meta><board>B</board><title>Empty</title></meta></report>\n')

def pages(pdf):
    out = subprocess.run(['pdfinfo', pdf], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith('Pages:'):
            return int(line.split()[1])
    return 0

def measure(xml, out):
    best, peak = None, 0
    for _ in range(RUNS):
        pid_start = time.perf_counter()
        p = subprocess.Popen(['./boardpress', 'render', xml, '-o', out],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - pid_start
        if status != 0:
            return None
        best = elapsed if best is None else min(best, elapsed)
        peak = max(peak, usage.ru_maxrss)
    return best, peak

def main():
    tmp = tempfile.mkdtemp()
    docs = [(os.path.basename(x)[:-4], x) for x in sorted(glob.glob('samples/*.xml'))]
    e = os.path.join(tmp, 'empty.xml'); empty(e); docs.insert(0, ('empty report', e))
    g = os.path.join(tmp, 'generated.xml'); generated(g, 143); docs.append(('generated report', g))
    g2 = os.path.join(tmp, 'generated2.xml'); generated(g2, 286); docs.append(('generated, twice as long', g2))
    print('%-28s %7s %9s %10s %9s %12s' % ('document', 'pages', 'ms', 'pages/s', 'peak MB', 'paragraphs/s'))
    for name, xml in docs:
        out = os.path.join(tmp, 'out.pdf')
        r = measure(xml, out)
        if r is None:
            print('%-28s  render failed' % name); continue
        t, peak = r
        n = pages(out)
        paras = open(xml).read().count('<p>') + open(xml).read().count('<p ') + open(xml).read().count('<item>')
        print('%-28s %7d %9.1f %10.0f %9.1f %12.0f' % (name, n, t * 1000, n / t, peak / 1024, paras / t))

main()
