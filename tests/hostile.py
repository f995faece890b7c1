#!/usr/bin/env python3
"""hostile.py DIR - writes reports that once crashed, hung, overflowed or
wrote corrupt PDFs into DIR, each NAME.xml with NAME.expect beside it.

They are generated rather than kept in the repository because several
are large (thousands of rows, pages or units). tests/run.sh renders each
with both builds, within a time limit and (plain build) a memory limit,
and checks what NAME.expect asks for, one requirement a line:

    exit N          the exit status
    stderr REGEX    a line of the messages matches (egrep)
    warnings N      exactly N lines of messages
    sanity          ../shared/tools/pdf-sanity passes on the PDF
    qpdf            qpdf --check passes on the PDF
    words N         pdftotext finds at least N words
    inside          ../shared/tools/page-quality finds nothing past the margins
    pdfa            render with --pdfa and tests/check_pdfa.py passes
"""
import os
import sys

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<report>\n'
        '  <meta><board>Test Board</board><title>Hostile input</title></meta>\n')
TAIL = '</report>\n'


# Templates no more trusted than reports: one value of the default
# template changed to something unusable, each refused where it stands.
TEMPLATE_CHANGES = (
    ('template-hatch-tiny', ('hatch-step="3.5pt"', 'hatch-step="0.000000001pt"'),
     'needs bar-width between 0 and 1 and a hatch-step of at least 1pt'),
    ('template-leading-zero', ('leading="15pt"', 'leading="0.001pt"'), 'sets lines over each other'),
    ('template-margin-negative', ('margin-left="25mm"', 'margin-left="-5pt"'),
     "a length below 0 is not allowed here: '-5pt'"),
    ('template-min-measure-huge', ('min-measure="4pt"', 'min-measure="10000pt"'),
     'min-measure=10000.0pt is more than half the text width'),
    # the page's furniture of pages: notes, covers, floats, tables
    ('template-notes-rule-gap-huge', ('rule-gap="6pt"', 'rule-gap="400pt"'),
     "must take at most an eighth of the text area's height"),
    ('template-notes-place', ('place="foot"', 'place="side"'), "place is foot or chapter-end, not 'side'"),
    ('template-cover-line-low', ('top="235mm"', 'top="280mm"'), 'top=793.7pt is below the foot of the text area'),
    ('template-band-height-zero', ('height="14mm"', 'height="0mm"'), 'needs a height above 0'),
    ('template-float-unknown', ('float="quote', 'float="table quote'), 'float= lists blocks among'),
    ('template-minus-long', ('minus="−"', 'minus="--"'), 'minus= needs one character'),
    ('template-split-room-big', ('split-room="0.4"', 'split-room="2"'), 'split-room is a share of the page'),
)

# Template values that must work, not be refused: a template may give
# spaces no stretch (justified lines are then set at their natural width).
TEMPLATE_ACCEPTED = (
    ('template-space-stretch-0', ('space-stretch="0.5"', 'space-stretch="0"')),
)


def report(body, meta=None):
    if meta:
        return HEAD.replace('<title>Hostile input</title>', meta) + body + TAIL
    return HEAD + body + TAIL


def cases():
    # A bold word joined to the next, thousands of times: the pieces array
    # grows under a pointer into it (use-after-free, then a crash).
    words = ' '.join("<b>Board</b>'s word%d" % i for i in range(5000))
    yield 'bold-joined-5000', report('<chapter><title>C</title><p>%s</p></chapter>\n' % words), \
        ['exit 0', 'sanity', 'words 10000']

    # Measures at or below zero once looped for ever.
    yield 'col-4mm', report('<table><columns><col width="4mm"/><col/></columns>'
                            '<row><cell>Some words in a narrow column here</cell><cell>b</cell></row></table>\n'), \
        ['exit 0', 'sanity', r'stderr col-4mm.xml:4:[0-9]+: warning: <col> width=.4mm. is narrower']
    yield 'label-wider-than-page', report('<p label="%s">text of the paragraph</p>\n'
                                          '<list><item label="%s">text of the item</item></list>\n'
                                          % ('W' * 400, 'W' * 400)), \
        ['exit 0', 'sanity', 'words 10']
    nest = 'innermost words'
    for i in range(29):
        nest = '<list><item>level %d %s</item></list>' % (i, nest)
    yield 'lists-29-deep-in-cell', report('<table><row><cell>%s</cell><cell>b</cell></row></table>\n' % nest), \
        ['exit 0', 'sanity', r'stderr lists-29-deep-in-cell.xml:4:1: warning: <table> has text left [0-9.]+pt to be set in',
         'warnings 1']
    yield 'word-250-in-cell', report('<table><row><cell>%s</cell>%s</row></table>\n'
                                     % ('a' * 250, ''.join('<cell>%s</cell>' % c for c in 'bcdefgh'))), \
        ['exit 0', 'sanity']
    yield 'columns-120', report('<table><row>%s</row></table>\n'
                                % ''.join('<cell>c%d</cell>' % i for i in range(120))), \
        ['exit 1', r'stderr columns-120.xml:4:[0-9]+: error: <row> needs more than 64 columns']

    # Rowspans: a staircase longer than a page, one reaching past the
    # table, a label spanning a page and more of rows.
    yield 'rowspan-staircase', report('<table>%s</table>\n' % ''.join(
        '<row><cell rowspan="30">r%d</cell></row>' % i for i in range(200))), ['exit 0', 'sanity']
    yield 'rowspan-huge', report('<table><row><cell rowspan="2147483647">a</cell><cell>b</cell></row>'
                                 '<row><cell>c</cell></row></table>\n'), \
        ['exit 1', r"stderr rowspan-huge.xml:4:[0-9]+: error: <cell> rowspan='2147483647' is out of range"]
    rows = ''.join('<row>%s<cell>Action %d: review the audit findings with partners and report back</cell>'
                   '<cell>Q%d</cell></row>' % ('<cell rowspan="90">Priority 1: %s</cell>' % ('strengthen '
                   'the front door ' * 40) if i == 0 else '', i, i % 4 + 1) for i in range(90))
    yield 'rowspan-longer-than-page', report('<table><head><row><cell>Priority</cell><cell>Action</cell>'
                                             '<cell>When</cell></row></head>%s</table>\n' % rows), \
        ['exit 0', 'sanity', 'words 1300']

    # Many rows: cells once placed by scanning every cell for each row.
    yield 'rows-6000-colspan-64', report('<table>%s</table>\n' % ''.join(
        '<row><cell colspan="64">r%d</cell></row>' % i for i in range(6000))), ['exit 0', 'qpdf']
    yield 'rows-27000', report('<table>%s</table>\n' % ''.join(
        '<row><cell>r%d</cell></row>' % i for i in range(27000))), ['exit 0', 'qpdf', 'words 27000']

    # Floats: blocks that wait for the next page while text fills this
    # one, met back to back, taller than a page, before headings, page
    # breaks, references and the report's end; and table rows parted
    # between their lines, a row taller than many pages among them.
    para = lambda n: ' '.join(['Partners reviewed the work of the board.'] * n)
    blocks, quotes = [], ['first']
    blocks.append('<quote id="first"><p>%s</p></quote>' % para(3))
    for i in range(600):
        k = (i * 7919) % 23
        if k % 3 == 0:
            quotes.append('q%d' % i)
            blocks.append('<quote id="q%d"><p>%s</p></quote>' % (i, para(5 + k * 4)))
        elif k % 3 == 1:
            blocks.append('<story><title>S%d</title><p>%s</p></story>' % (i, para(3 + k * 17)))
        elif k == 20:
            blocks.append('<section><title>T%d</title><p>%s See <ref to="%s"/>.</p></section>' % (
                i, para(k), quotes[-1]))
        elif k == 17:
            blocks.append('<p>%s</p><page-break/>' % para(k))
        else:
            blocks.append('<p>%s</p>' % para(k))
    blocks.append('<quote><p>%s</p></quote>' % para(60))
    yield 'floats-600', report(''.join(blocks)), ['exit 0', 'sanity', 'words 20000']
    cell = ' '.join('word%d' % i for i in range(6000))
    yield 'row-many-pages', report('<p>%s</p><table><head><row><cell>Q</cell><cell>A</cell></row></head>'
                                   '<row><cell>%s</cell><cell>short</cell></row>'
                                   '<row><cell>one</cell><cell>two</cell></row></table>\n' % (para(30), cell)), \
        ['exit 0', 'sanity', 'words 6000']

    # Notes at the page's foot: thousands of them, in cells, quotes and
    # titles, notes within notes, and notes longer than many pages.
    notes = ''.join('<p>Text%d<note>Note %d %s</note> and <b>more</b><note>n<note>inner</note></note>.</p>'
                    '<quote><p>q<note>%s</note></p></quote><table><row><cell>c<note>cell</note></cell></row></table>'
                    % (i, i, para(i % 7), para(i % 200)) for i in range(700))
    yield 'notes-foot-2800', report('<chapter><title>T<note>in title</note></title>%s</chapter>'
                                    '<p>end<note>%s</note></p>\n' % (notes, para(3000))), \
        ['exit 0', 'sanity', 'words 30000']

    # Pages turned on their side: nested, back to back, with floats and
    # notes waiting across the turn, a page break at the turn, and a
    # report that is landscape throughout.
    turned = ''.join('<section orientation="%s"><title>S%d</title><p>%s<note>%s</note></p>'
                     '<quote><p>%s</p></quote><section orientation="landscape"><title>In</title><p>x</p>'
                     '</section>%s</section>'
                     % ('landscape' if i % 3 else 'portrait', i, para(i % 40), para(i % 90), para(i % 50),
                        '<page-break/>' if i % 5 == 0 else '') for i in range(200))
    yield 'landscape-mixed', report('<chapter><title>C</title>%s</chapter>\n' % turned), \
        ['exit 0', 'sanity', 'words 20000']
    yield 'landscape-only', report('<chapter orientation="landscape"><title>C</title><p>%s</p></chapter>\n'
                                   % para(3000)), ['exit 0', 'sanity', 'words 20000']

    # A block waiting for a page whose foot holds notes carried over: it
    # goes above them, never over them; and a caption too tall to repeat
    # over every part of its table.
    words = lambda p, n: ' '.join('%s%d' % (p, i) for i in range(n))
    yield 'float-over-carried-notes', report('<chapter><title>C</title><p>Start<note>%s</note> %s</p>'
                                             '<quote><p>%s</p></quote><p>%s</p></chapter>\n'
                                             % (words('nt', 1500), words('pa', 300), words('qq', 420),
                                                words('pb', 200))), ['exit 0', 'sanity', 'words 2400']
    yield 'caption-taller-than-page', report('<table><caption>%s</caption>%s</table>\n' % (
        words('cap', 800), ''.join('<row><cell>r%d</cell><cell>v%d</cell></row>' % (i, i) for i in range(60)))), \
        ['exit 0', 'sanity', 'words 900']

    # Tables that share column widths: thousands in one section with the
    # same headings, thousands more each with headings of its own.
    same = ''.join('<table><head><row><cell>T%d</cell><cell>Apr</cell><cell>May</cell></row></head>'
                   '<row><cell>%s</cell><cell>%d</cell><cell>2</cell></row></table>' % (i, 'w' * (i % 40 + 1), i)
                   for i in range(2000))
    own = ''.join('<table><head><row><cell>T</cell><cell>H%d</cell></row></head><row><cell>a</cell>'
                  '<cell>%d</cell></row></table>' % (i, i) for i in range(2000))
    yield 'tables-4000-shared', report('<section><title>S</title>%s%s</section>\n' % (same, own)), \
        ['exit 0', 'qpdf', 'words 12000']

    # Limits of the PDF library, said where they are met.
    yield 'pages-16384', report(''.join('<p>para %d</p><page-break/>' % i for i in range(16384))), \
        ['exit 1', r'stderr pages-16384.xml:[0-9]+:[0-9]+: error: <p> falls on page 10001; a report has at most 10000']
    yield 'list-33000-items', report('<list>%s</list>\n' % ''.join('<item>i%d</item>' % i for i in range(33000))), \
        ['exit 1', r'stderr list-33000-items.xml:4:1: error: <list> holds more parts than a tagged PDF can list']
    yield 'title-80kb', report('<chapter><title>%s</title><p>x</p></chapter>\n' % ('T ' * 40000)), \
        ['exit 1', r'stderr title-80kb.xml:4:10: error: <title>: its text is 80000 bytes long; at most 16000']
    # references cost their own length, not what they cite: three thousand
    # references to a paragraph of 16,000 bytes
    long_para = ' '.join('word%d' % i for i in range(2000))
    yield 'refs-to-long-paragraph', report('<p id="long">%s</p>\n<p>%s</p>\n' % (
        long_para, ' '.join('See <ref to="long"/>.' for _ in range(3000)))), \
        ['exit 0', 'sanity', 'words 40000']
    yield 'parts-33000-in-paragraph', report('<p>%s</p>\n' % ' '.join('<b>x</b> y' for _ in range(33000))), \
        ['exit 1', r'stderr parts-33000-in-paragraph.xml:4:1: error: <p> holds more parts than a tagged PDF can list']
    # a running head far longer than its line: set smaller, then cut with an
    # ellipsis, never drawn past the margins
    long_head = ' '.join(['Percentage increase for both LAC and CP broken down'] * 300)
    body = '<p>%s</p>\n' % ' '.join(['The board monitors the effectiveness of what partners do.'] * 40)
    yield 'running-head-long', report('<running-head>%s</running-head>%s' % (long_head, body)).replace(
        '<report>', '<report template="committee">'), ['exit 0', 'sanity', 'inside']
    yield 'title-long-in-header', report(body, '<title>%s</title>' % ('Annual report ' * 1000)), \
        ['exit 0', 'sanity', 'inside']
    yield 'board-and-title-long-in-header', report(body, '<title>%s</title>' % ('Annual report ' * 1000)).replace(
        '<board>Test Board</board>', '<board>%s</board>' % ('Safeguarding Children Board of a county ' * 20)), \
        ['exit 0', 'sanity', 'inside']
    yield 'href-empty', report('<p>Write to <a href="">us</a>.</p>\n'), \
        ['exit 1', r'stderr href-empty.xml:4:13: error: <a> has an empty href']
    links = ''.join('<p>Page %d: <a href="https://example.org/%d">one</a>, <a href="https://example.org/b%d">'
                    'two</a>, <a href="mailto:x%d@example.org">three</a>, www.example%d.org, b%d@example.org.'
                    '</p><page-break/>\n' % ((i,) * 6) for i in range(3000))
    yield 'links-15000', report(links), ['exit 0', 'qpdf', 'words 30000']

    # Numbers that are not finite, or too small or large to draw.
    yield 'chart-denormal', report('<chart type="bar"><categories>a|b</categories>'
                                   '<series name="s">1 4.9e-324</series></chart>\n'
                                   '<chart type="line"><categories>a|b</categories>'
                                   '<series name="s">4.9e-324 0</series></chart>\n'), ['exit 0', 'qpdf', 'sanity']
    yield 'chart-figure-2e15', report('<chart type="bar"><categories>a|b</categories>'
                                      '<series name="s">1 2e15</series></chart>\n'), \
        ['exit 1', r"stderr chart-figure-2e15.xml:4:[0-9]+: error: <series> 's': '2e15' is too large for a chart"]
    yield 'widths-nan', report('<table><columns><col width="nan"/><col width="infpt"/><col width="1e308in"/>'
                               '</columns><row><cell>a</cell><cell>b</cell><cell>c</cell></row></table>\n'
                               '<image src="pixel.png" alt="A pixel" width="nan"/>\n'), ['exit 0', 'qpdf']

    # Overflowing arithmetic.
    yield 'amount-15-digits', report('<budget><part kind="income" name="I"><line name="a">999999999999999</line>'
                                     '<total name="T">1</total></part></budget>\n'), \
        ['exit 1', r"stderr amount-15-digits.xml:4:[0-9]+: error: <line>: '999999999999999' is not an amount"]
    yield 'amounts-overflow', report('<budget><part kind="income" name="I"><line name="a">900000000000000</line>'
                                     '<line name="b">900000000000000</line><total name="T">1</total></part>'
                                     '</budget>\n'), \
        ['exit 1', r'stderr amounts-overflow.xml:4:[0-9]+: error: <line>: the amounts add up to more than',
         'warnings 1']
    yield 'start-huge', report('<list type="roman" start="9223372036854775807"><item>a</item></list>\n'
                               '<outcome-grid start="9223372036854775807"><entry><quantity>q</quantity>'
                               '</entry></outcome-grid>\n'), \
        ['exit 1', r"stderr start-huge.xml:4:1: error: <list> start='9223372036854775807' is out of range",
         r"stderr start-huge.xml:5:1: error: <outcome-grid> start="]

    # Structures: a long loop, a long chain, a chart too big for a page.
    loop = ''.join('<unit id="u%d" reports-to="u%d">U%d</unit>' % (i, (i + 1) % 4000, i) for i in range(4000))
    yield 'structure-loop-4000', report('<structure>%s</structure>\n' % loop), \
        ['exit 1', r"stderr error: unit 'u0' reports to itself"]
    chain = '<unit id="u0">U0</unit>' + ''.join('<unit id="u%d" reports-to="u%d">U%d</unit>' % (i, i - 1, i)
                                               for i in range(1, 1500))
    yield 'structure-chain-1500', report('<structure>%s</structure>\n' % chain), \
        ['exit 1', r"stderr error: unit 'u32' is at level 33 of its chart; a chart shows at most 32"]
    chain = '<unit id="c0">Chief Executive</unit>' + ''.join(
        '<unit id="c%d" reports-to="c%d">Level %d</unit>' % (i, i - 1, i) for i in range(1, 32))
    yield 'structure-32-levels', report('<structure>%s</structure>\n' % chain), ['exit 0', 'sanity', 'words 63']
    tree = '<unit id="u1">Top unit of the board</unit>' + ''.join(
        '<unit id="u%d" reports-to="u%d">Subgroup number %d</unit>' % (i, i // 2, i) for i in range(2, 2048))
    yield 'structure-too-big', report('<structure>%s</structure>\n' % tree), \
        ['exit 1', r'stderr structure-too-big.xml:4:1: error: <structure> is drawn [0-9]+pt wide and [0-9]+pt tall, '
                   'too big for a page']

    # Found by attacking the hardened engine.
    yield 'word-in-two-styles', report('<p>n<b>%s</b></p>\n' % ('a' * 120)), ['exit 0', 'sanity']
    lines = ''.join('L%d<br/> ' % i for i in range(300))
    yield 'rowspan-row-taller-than-page', report('<table><row><cell rowspan="2">r</cell><cell>%s</cell></row>'
                                                 '<row><cell>s</cell></row></table>\n' % lines), \
        ['exit 0', 'sanity', 'words 302']
    yield 'heading-rows-taller-than-page', report('<table><head><row><cell>%s</cell></row></head><row><cell>%s'
                                                  '</cell></row></table>\n' % ('Head<br/>' * 80, lines)), \
        ['exit 0', 'sanity', 'words 380']
    yield 'right-aligned-narrow-column', report(
        '<table><columns><col /><col width="1pt" align="right" /></columns><row><cell rowspan="2">H</cell></row>'
        '<row><cell>Loooooooooooooooooongword</cell><cell>%s</cell></row><row kind="total">'
        '<cell colspan="8">r</cell><cell colspan="2">Loooooooooooooooooongword</cell><cell>r<list><item>j</item>'
        '</list></cell></row></table>\n' % ('Loooooooooooooooooongword' * 4)), ['exit 0', 'sanity']
    tree = '<unit id="u0">Root</unit>' + ''.join('<unit id="u%d" reports-to="u%d">Unit %d</unit><unit id="s%d" '
                                                 'reports-to="u%d">Sibling %d</unit>' % (i, i - 1, i, i, i - 1, i)
                                                 for i in range(1, 29))
    yield 'structure-branching-28-levels', report('<structure>%s</structure>\n' % tree), \
        ['exit 1', r'stderr error: <structure> is drawn [0-9]+pt wide']
    yield 'pie-thin-slice', report('<chart type="pie" values="yes"><categories>a|b|c</categories>'
                                   '<series name="s">1 1e-9 1e-300</series></chart>\n'), ['exit 0', 'qpdf', 'sanity']
    yield 'pie-legend-taller-than-chart', report('<chart type="pie"><categories>%s</categories><series name="s">%s'
                                                 '</series></chart>\n' % ('|'.join('Agency number %d of the partnership, whose name is a long one' % i
                                                                                    for i in range(63)),
                                                                           '1e14 ' + ' '.join(['4.9e-324'] * 62))), \
        ['exit 0', 'qpdf', 'sanity', 'words 756']
    yield 'chart-long-category-names', report('<chart type="bar"><categories>%s</categories><series name="s">%s'
                                              '</series></chart>\n' % ('|'.join('Category name %d' % i for i in range(8)),
                                                                        ' '.join(str(i + 1) for i in range(8)))), \
        ['exit 0', 'sanity', 'words 24']
    yield 'chart-value-below-bar', report('<chart type="bar" values="yes"><categories>a|b</categories>'
                                          '<series name="s">-999000000000000 5</series></chart>\n'), \
        ['exit 0', 'sanity', 'words 4']
    yield 'heading-number-huge', report('<chapter number="99999999999"><title>x</title></chapter>\n'), \
        ['exit 1', r"stderr error: <chapter> number='99999999999' is out of range"]
    for name, _ in TEMPLATE_ACCEPTED:
        yield name, report('<p>%s</p>\n' % ' '.join(['Safeguarding partners agree thresholds'] * 60)).replace(
            '<report>', '<report template="tpl/%s.xml">' % name), ['exit 0', 'sanity', 'qpdf', 'words 200']
    for name, _, message in TEMPLATE_CHANGES:
        yield name, report('<p>Text.</p>\n').replace('<report>', '<report template="tpl/%s.xml">' % name), \
            ['exit 1', r'stderr tpl/%s.xml:[0-9]+: error: .*%s' % (name, message)]

    # A title with a noncharacter: the same in both places PDF/A states it,
    # and said once however many passes layout takes.
    yield 'pdfa-noncharacter', report('<cover/><contents/><chapter><title>A \U0010FFFF</title><p>x</p>'
                                      '</chapter>\n', '<title>T \U0010FFFF x</title>'), \
        ['exit 0', 'pdfa', 'warnings 1']


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, xml, expect in cases():
        with open(os.path.join(out, name + '.xml'), 'w', encoding='utf-8') as f:
            f.write(xml)
        with open(os.path.join(out, name + '.expect'), 'w') as f:
            f.write('\n'.join(expect) + '\n')
    # the picture widths-nan names, and the templates the template-* cases
    # name: the default one, its fonts found where they are, one value
    # changed
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, '..', 'templates', 'default.xml')) as f:
        default = f.read().replace('../fonts/', os.path.join(here, '..', 'fonts') + '/')
    os.makedirs(os.path.join(out, 'tpl'), exist_ok=True)
    for name, (old, new), *_ in TEMPLATE_CHANGES + TEMPLATE_ACCEPTED:
        assert old in default, old
        with open(os.path.join(out, 'tpl', name + '.xml'), 'w') as f:
            f.write(default.replace(old, new, 1))
    with open(os.path.join(here, 'good', 'images', 'logo-rgba.png'), 'rb') as src:
        data = src.read()
    with open(os.path.join(out, 'pixel.png'), 'wb') as dst:
        dst.write(data)


if __name__ == '__main__':
    main()
