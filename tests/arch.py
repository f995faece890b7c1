#!/usr/bin/env python3
"""arch.py - checks that the source tree is the one-way house
docs/architecture.md draws; prints what breaks it and exits 1.

    python3 tests/arch.py [SRC]

- Each folder includes only what its stage may: base nothing but base;
  model base; layout base and model; pdf base and, of layout, only the
  display list (dl.h). src/main.c, the driver, may include anything.
- The include graph between modules (a module is a .c with its .h, and
  a file can only call another module through its header) has at most
  one cycle, the recursion between block dispatch and the blocks that
  hold nested content; the galley, paragraph setting and the page
  breaker are not in it.
- Every .c but main.c has a header of its own name, and no source file
  is over 900 lines.
"""
import os
import re
import sys

ALLOWED = {
    'base': {'base'},
    'model': {'base', 'model'},
    'layout': {'base', 'model', 'layout'},
    'pdf': {'base', 'pdf'},
}
# what pdf may take from layout: the display list alone
PDF_FROM_LAYOUT = {'dl.h'}
NOT_IN_CYCLE = {'galley', 'para', 'page'}
MAX_LINES = 900


def includes(path):
    with open(path, encoding='utf-8') as f:
        return re.findall(r'^#include "([^"]+)"', f.read(), re.M)


def strongly_connected(graph):
    """Tarjan's algorithm: the components of more than one module."""
    index, low, on, stack, out = {}, {}, set(), [], []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else 'src'
    problems = []
    where = {}                      # header name -> folder
    files = []
    for folder in sorted(ALLOWED):
        d = os.path.join(src, folder)
        for name in sorted(os.listdir(d)):
            if name.endswith(('.c', '.h')):
                files.append((folder, name))
                if name.endswith('.h'):
                    where[name] = folder
    graph = {}
    for folder, name in files:
        path = os.path.join(src, folder, name)
        with open(path, encoding='utf-8') as f:
            lines = f.read().count('\n')
        if lines > MAX_LINES:
            problems.append('%s: %d lines, more than %d' % (path, lines, MAX_LINES))
        if name.endswith('.c') and name[:-2] + '.h' not in where:
            problems.append('%s: no header of its own (%s.h)' % (path, name[:-2]))
        module = name[:-2]
        for inc in includes(path):
            if inc not in where:
                problems.append('%s: includes %s, which is in no folder of the tree' % (path, inc))
                continue
            to = where[inc]
            ok = to in ALLOWED[folder] or (folder == 'pdf' and to == 'layout' and inc in PDF_FROM_LAYOUT)
            if not ok:
                problems.append('%s: %s includes %s/%s, which a %s file may not' %
                                (path, folder, to, inc, folder))
            target = inc[:-2]
            if target != module:
                graph.setdefault(module, set()).add(target)
    cycles = strongly_connected(graph)
    if len(cycles) > 1:
        problems.append('%d include cycles, at most one may be: %s' %
                        (len(cycles), '; '.join(' '.join(c) for c in cycles)))
    for c in cycles:
        if NOT_IN_CYCLE & set(c):
            problems.append('%s in the include cycle %s' % (', '.join(sorted(NOT_IN_CYCLE & set(c))),
                                                             ' '.join(c)))
    for p in problems:
        print('arch: ' + p)
    if not problems:
        print('arch: %d files in %d folders; the one cycle: %s' %
              (len(files), len(ALLOWED), ' '.join(cycles[0]) if cycles else 'none'))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
