#!/usr/bin/env python3
"""gen_corpus.py - seed reports for fuzzing boardpress, valid and deep.

    gen_corpus.py reports OUTDIR [--count N] [--seed S]
    gen_corpus.py images OUTDIR
    gen_corpus.py templates OUTDIR

`reports` writes OUTDIR/NNN-THEME.xml: reports that pass the schema and
`boardpress check`, each built around one theme (long inline-rich
paragraphs, deep lists, wide and spanned tables, budgets, grids, charts,
organisation charts, pictures, the board's blocks, committee papers,
headings and numbering, many pages, cross-references) with some of
everything else mixed in, and values at the edges of what the schema
allows (huge positive integers, 15-digit amounts, narrow or odd widths,
tiny and huge chart figures). Pictures are named images/NAME, so OUTDIR
needs an images folder; `images` writes one (it is where the pipeline
harness looks: reports are named OUTDIR/fuzz.xml). The same --seed gives
the same files.

`images` writes PNGs of every colour type and bit depth (interlaced,
palette with tRNS, 16-bit, with ancillary chunks) with the standard
library, and JPEGs (baseline, progressive, greyscale, CMYK, restart
markers, subsampled) with Pillow when it is installed (Debian's
python3-pil), plus copies of tests/good/images.

`templates` writes variants of templates/*.xml: other geometry, sizes,
numbering and list labels, with edge values a template may hold.
"""
import os
import random
import re
import shutil
import struct
import sys
import zlib
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

# ---------------------------------------------------------------- words ---

WORDS = """the board partners children young people safeguarding agencies
review serious case learning development quality effectiveness audit
multi-agency practitioners training referrals assessment protection plan
neglect emotional physical sexual abuse exploitation trafficking missing
education health police probation schools nurses midwives paediatricians
independent chair manager subgroup executive commissioning inspection
Ofsted outcomes improvement thresholds early help family support
domestic violence substance misuse mental wellbeing voluntary sector
community local authority statutory guidance framework arrangements
accountability scrutiny performance information analysis evidence
responsibility responsibilities interventions communication leadership
governance procedures policies workforce recruitment allegations
designated officer lead member councillors commissioners safeguarding
internationalisation counterrevolutionary characteristically""".split()

NAMES = ["Maggie Blyth", "Penny Davies", "Sally Mortimore", "David Worlock",
         "Maurice Reilly", "Zoë Ørsted", "Máiréad Ní Bhriain", "Bolesław Čapek",
         "Nguyễn Thị Minh", "Dŵr Gwŷr", "Αλέξανδρος", "Жизнь Иванова",
         "O'Brien-Smythe", "A. N. Other"]

UNICODE_BITS = ["£12,500", "€3,000", "“quoted”", "‘single’", "–", "—", "…",
                "Zoë", "Ørsted", "αβγ", "Жизнь", "Dŵr", "Gwŷr", "Nguyễn", "ễ",
                "中文", "ﬁ", "½", "™", "©", "\u00a0", "\u00ad", "x\u00adyz",
                "inter\u00adnational\u00adisation", "€", "‰", "Ω", "𝄞", "e\u0301",
                "\u200b", "\u2028", "ŵŷ", "ĳ", "ß", "ẞ", "İ", "ı"]

URLS = ["https://www.example.org/", "http://www.kscb.org.uk",
        "https://www.example.org/a/very/long/path/that/goes/on/and/on/index.html?x=1&y=2#frag",
        "mailto:board@example.org", "www.kscb.org.uk", "board.manager@example.org",
        "https://example.org/" + "segment/" * 30, "ftp://files.example.org/report.pdf",
        "https://xn--bcher-kva.example/", "https://例え.jp/パス"]

# Whole numbers at the edges that matter inside the limits a report may
# reach (docs/vocabulary.md, "Limits": counts up to 1,000,000, 64 columns);
# the seeds stay valid, so that fuzzing starts deep in the layout.
INTS = [1, 2, 3, 4, 9, 10, 11, 26, 27, 52, 63, 64, 99, 100, 255, 256, 702, 703, 999, 1000,
        3888, 3999, 4000, 4999, 5000, 9999, 65535, 65536, 999999, 1000000]

LENGTHS_TAME = ["40mm", "25mm", "2.5cm", "1in", "60pt", "60", "20%", "25%", "33%",
                "50%", "10%", "15mm", "30mm", "5%"]
LENGTHS_EDGE = ["4mm", "1mm", "0.1mm", "1pt", "0.01pt", "0", "0mm", "-5mm", "-10%",
                "0%", "1%", "100%", "150%", "1000%", "1000mm", "100cm", "99in",
                "1e308", "1e308mm", "1e-308mm", "4.9e-324", "nan", "NaN%", "inf",
                "-inf", "infinity", "1e999", "0x10", "  30 mm", "30 %", "mm", "%",
                "abc", "", "40 px", "12.5.5mm", "+20mm", "2147483648pt"]

NUMBER_ATTR = ["auto", "none", "1", "2", "7", "0", "10", "99", "3a", "3.1",
               "Appendix A", "", " ", "999999", "1000000",
               "-1", "-2147483648",
               "00007", "7 ", "IV", "{n}", "{1}.{2}", "%s%s%n"]

CHART_VALUES_EDGE = ["4.9e-324", "2.2250738585072014e-308", "1e-300", "9.99e14",
                     "-9.99e14", "999999999999999", "-999999999999999", "0", "-0",
                     "0.0000001", "1e-5", "123456789012.345", "1,000,000",
                     "50%", "3.14159265358979", "1e14", "-1e14", "7e-310"]


def esc(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
             .replace('"', "&quot;"))


class Gen:
    """Builds one report as text. Ids are unique; references are left as
    placeholders and resolved at the end against the ids made."""

    def __init__(self, rng, edge, limit=None):
        self.r = rng
        self.edge = edge            # probability of an edge value
        self.nid = 0
        self.ids = []               # (id, element)
        self.table_ids = []         # (id, ncols numeric, nrows data)
        self.images = []
        self.notes = True
        self.size = 0               # about how many characters so far
        self.limit = limit or 3000 + int(edge * 12000)  # past it, every count takes its least
        self.nest = 0               # blocks inside blocks

    def n(self, lo, hi):
        """A count: random, or its least once the report is big enough."""
        return lo if self.size > self.limit else self.r.randint(lo, hi)

    # -- helpers
    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def new_id(self, kind):
        self.nid += 1
        i = "%s-%d" % (kind, self.nid)
        if self.chance(0.05):
            i = "_" + i.replace("-", ".")
        self.ids.append((i, kind))
        return i

    def id_attr(self, kind, p=0.3):
        return ' id="%s"' % self.new_id(kind) if self.chance(p) else ""

    def posint(self, limit=1000000):
        if self.chance(self.edge):
            return str(self.pick([i for i in INTS if i <= limit]))
        return str(self.r.randint(1, min(30, limit)))

    def length(self):
        if self.chance(self.edge):
            return self.pick(LENGTHS_EDGE)
        return self.pick(LENGTHS_TAME)

    def word(self):
        roll = self.r.random()
        if roll < self.edge * 0.15:
            return self.long_word()
        if roll < self.edge * 0.3:
            return self.pick(UNICODE_BITS)
        if roll < self.edge * 0.35:
            return self.pick(URLS)
        w = self.pick(WORDS)
        if self.chance(0.05):
            w = w.capitalize()
        if self.chance(0.04):
            w += self.pick([",", ".", ";", ":", "'s", "’s", ")", "?", "!"])
        if self.chance(0.02):
            w = str(self.r.randint(0, 10 ** self.r.randint(1, 9)))
        return w

    def long_word(self):
        n = self.pick([40, 80, 130, 250, 400])
        self.size += n
        kind = self.r.randint(0, 4)
        if kind == 0:
            return "x" * n
        if kind == 1:
            return "".join(self.r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n))
        if kind == 2:
            return "Supercalifragilistic" * (n // 20)
        if kind == 3:
            return "https://www.example.org/" + "a" * n
        return "\u00ad".join(["inter", "national", "isation"] * (n // 20 + 1))

    def words(self, n):
        w = " ".join(self.word() for _ in range(n))
        self.size += len(w) + 8
        return w

    def plain(self, lo=1, hi=8):
        """Words without markup, escaped for element text and attributes."""
        return esc(self.words(self.n(lo, hi)))

    def ref(self):
        return "\x00REF\x00"

    # -- inline content: text with b, i, a, br, note, ref
    def inline(self, nwords=None, depth=0, note=True, ref=True, br=True):
        if nwords is None:
            nwords = self.n(3, 40)
        out = []
        left = nwords
        while left > 0:
            roll = self.r.random()
            n = min(left, self.n(1, 12))
            if depth < 4 and roll < 0.10:
                # bold or italic joined to the text that follows: <b>Board</b>'s
                tag = self.pick(["b", "i"])
                inner = self.inline(self.n(1, 3), depth + 1, note, ref, br)
                tail = self.pick(["'s", "’s", "s", "ing", ",", ".", "-led", "ed", ""])
                out.append("<%s>%s</%s>%s" % (tag, inner, tag, tail))
                left -= n
            elif depth < 4 and roll < 0.18:
                tag = self.pick(["b", "i"])
                out.append("<%s>%s</%s>" % (tag, self.inline(n, depth + 1, note, ref, br), tag))
                left -= n
            elif depth < 3 and roll < 0.22:
                href = esc(self.pick(URLS[:4] + ["https://www.example.org/x?q=%d" % self.nid,
                                                 "mailto:a@b.c", "urn:isbn:0451450523", "#top"]))
                out.append('<a href="%s">%s</a>' % (href, self.inline(self.n(1, 4), depth + 1, note, ref, False)))
                left -= n
            elif br and roll < 0.25:
                out.append("<br/>")
                if self.chance(0.1):
                    out.append("<br/><br/>")
            elif note and self.notes and depth < 3 and roll < 0.28:
                # a space before a note is dropped: write both
                sp = " " if self.chance(0.3) else ""
                out.append(sp + "<note>%s</note>" % self.inline(self.n(2, 25), depth + 1,
                                                                 self.chance(0.05), ref, br))
            elif ref and roll < 0.31:
                out.append(self.ref())
            else:
                out.append(esc(self.words(n)))
                left -= n
            if self.chance(0.85):
                out.append(" ")
        return "".join(out).strip()

    # -- blocks
    def p(self, words=None, label=None):
        attrs = self.id_attr("p", 0.15)
        if label is None and self.chance(0.08):
            label = self.para_label()
        if label is not None:
            attrs += ' label="%s"' % esc(label)
        return "<p%s>%s</p>" % (attrs, self.inline(words if words is not None else self.n(5, 140)))

    def para_label(self):
        if self.chance(self.edge):
            return self.pick(["X" * 200, "1.1.1.1.1.1.1.1.1.1.1.1", "", " ", "(a)(b)(c)(d)(e)(f)(g)",
                              "Paragraph number one hundred and twenty", "\u00ad", "3.1.17", "—"])
        return "%d.%d" % (self.r.randint(1, 12), self.r.randint(1, 30))

    def list_(self, depth=0, max_depth=4, items=None, blocks=True, deep=False):
        attrs = self.id_attr("list", 0.1)
        typ = self.pick(["bullet", "arabic", "roman", "alpha", "none", None])
        if typ:
            attrs += ' type="%s"' % typ
        if self.chance(0.25 + self.edge * 0.3):
            attrs += ' start="%s"' % self.posint()
        if items is None:
            items = self.n(1, 6 if depth else 9)
        out = ["<list%s>" % attrs]
        for k in range(items):
            ia = self.id_attr("item", 0.05)
            if self.chance(0.08):
                lab = self.pick(["3.1.1", "(iv)", "a)", "•", "", "Item label far longer than any column of figures",
                                 "X" * (120 if self.chance(self.edge) else 8)])
                ia += ' label="%s"' % esc(lab)
            nested = ""
            if depth + 1 < max_depth and ((deep and k == items - 1) or (not deep and depth < 4 and self.chance(0.3))):
                nested = self.list_(depth + 1, max_depth, None if not deep else self.n(1, 2),
                                    blocks and depth < 3, deep)
            roll = self.r.random()
            if roll < 0.05:
                body = ""
            elif blocks and roll < 0.15 and depth < 3 and self.nest < 3:
                body = "".join(self.block(depth + 1, small=True) for _ in range(self.n(1, 2)))
            else:
                body = self.inline(self.n(1, 30))
            out.append("<item%s>%s%s</item>" % (ia, body, nested))
        out.append("</list>")
        return "".join(out)

    def quote(self):
        if self.chance(0.5):
            body = self.inline(self.n(3, 60))
        else:
            body = "".join(self.p() for _ in range(self.n(1, 3)))
        att = "<attribution>%s</attribution>" % self.inline(self.n(1, 6)) if self.chance(0.6) else ""
        return "<quote%s>%s%s</quote>" % (self.id_attr("quote", 0.1), body, att)

    def signoff(self):
        parts = "<name>%s</name>" % esc(self.pick(NAMES))
        if self.chance(0.7):
            parts += "<role>%s</role>" % (self.plain(1, 10))
        if self.chance(0.5):
            parts += "<date>%s</date>" % esc(self.pick(["19th October 2011", "June 2013", "", "31/12/9999"]))
        return "<signoff%s>%s</signoff>" % (self.id_attr("signoff", 0.1), parts)

    # -- tables
    def cell_content(self, narrow=False, depth=0):
        roll = self.r.random()
        if roll < 0.08:
            return ""
        if roll < 0.55:
            return self.inline(self.n(1, 6 if narrow else 20), note=self.chance(0.1))
        if roll < 0.62:
            return self.long_word()
        if roll < 0.70:
            return esc(self.pick(URLS))
        if roll < 0.80 or depth > 1:
            return str(self.r.randint(-1000, 10 ** 7))
        parts = [self.inline(self.n(0, 8), note=False)]
        for _ in range(self.n(1, 3)):
            k = self.r.random()
            if k < 0.4:
                parts.append(self.p(self.n(2, 30)))
            elif k < 0.8:
                parts.append(self.list_(depth + 2, depth + 2 + self.n(1, 4), blocks=False))
            else:
                parts.append(self.quote())
        return "".join(parts)

    def cell(self, content, colspan=1, rowspan=1, align=None):
        a = ""
        if colspan != 1:
            a += ' colspan="%s"' % colspan
        if rowspan != 1:
            a += ' rowspan="%s"' % rowspan
        if align:
            a += ' align="%s"' % align
        self.size += len(a) + 13
        return "<cell%s>%s</cell>" % (a, content)

    def columns(self, ncols, narrow=False):
        out = ["<columns>"]
        for k in range(min(ncols + self.n(-1, 2), 80)):
            a = ""
            if self.chance(0.3):
                a += ' align="%s"' % self.pick(["left", "center", "right", "justify"])
            if narrow or self.chance(0.4):
                a += ' width="%s"' % (self.pick(["4mm", "2mm", "1mm", "5mm", "3%", "1%"]) if narrow else self.length())
            out.append("<col%s/>" % a)
        out.append("</columns>")
        return "".join(out) if len(out) > 2 else ""

    def table_head(self, ncols):
        rows = []
        if self.chance(0.3) and ncols >= 3:
            # a two-level head: spans over the second row
            first = [self.cell(self.plain(1, 3), rowspan=2)]
            left = ncols - 1
            while left > 0:
                span = min(left, self.n(1, 4))
                first.append(self.cell(self.plain(1, 3), colspan=span))
                left -= span
            rows.append("<row>%s</row>" % "".join(first))
            rows.append("<row>%s</row>" % "".join(self.cell(self.plain(1, 2)) for _ in range(ncols - 1)))
        else:
            rows.append("<row>%s</row>" % "".join(self.cell(self.plain(1, 4)) for _ in range(ncols)))
        return "<head>%s</head>" % "".join(rows)

    def table(self, shape=None):
        shape = shape or self.pick(["plain", "wide", "narrow", "spans", "staircase", "long",
                                    "cells", "numeric", "ragged", "huge-spans", "onecol"])
        attrs = self.id_attr("table", 0.4)
        if self.chance(0.3):
            attrs += ' number="%s"' % esc(self.pick(NUMBER_ATTR if self.chance(self.edge) else ["auto", "none", "7"]))
        if self.chance(0.3):
            attrs += ' width="%s"' % self.pick(["auto", "full"])
        if self.chance(0.25):
            attrs += ' empty="%s"' % esc(self.pick(["–", "-", "n/a", "", "—" * 30, "0"]))
        parts = []
        if self.chance(0.7):
            parts.append("<caption>%s</caption>" % self.inline(self.n(1, 15), note=False))
        if self.chance(0.2):
            parts.append("<headnote>%s</headnote>" % self.inline(self.n(1, 30), note=False))
        ncols = {"wide": self.pick([12, 20, 40, 64, 65, 120]), "narrow": self.n(2, 14),
                 "onecol": 1}.get(shape, self.n(2, 8))
        narrow = shape == "narrow"
        if shape in ("wide", "narrow") or self.chance(0.3):
            parts.append(self.columns(ncols, narrow))
        if self.chance(0.6):
            parts.append(self.table_head(ncols))
        rows = []
        nrows = {"long": self.n(40, 150), "staircase": ncols + 2}.get(shape, self.n(1, 12))
        if shape == "staircase":
            # each row starts a cell spanning the rows below it, one column further in
            for k in range(nrows):
                cells = []
                if k < ncols:
                    cells.append(self.cell(self.plain(1, 3), rowspan=nrows - k))
                left = max(1, ncols - min(k + 1, ncols))
                cells += [self.cell(self.plain(1, 2)) for _ in range(left)]
                rows.append("<row>%s</row>" % "".join(cells))
        elif shape == "huge-spans":
            for k in range(nrows):
                cells = []
                for c in range(ncols):
                    roll = self.r.random()
                    if roll < 0.15:
                        cells.append(self.cell(self.plain(1, 3), rowspan=self.posint()))
                    elif roll < 0.3:
                        cells.append(self.cell(self.plain(1, 3), colspan=self.posint(64)))
                    else:
                        cells.append(self.cell(self.plain(1, 3)))
                rows.append("<row>%s</row>" % "".join(cells))
        else:
            for k in range(nrows):
                ra = ""
                if self.chance(0.1):
                    ra = ' kind="%s"' % self.pick(["total", "subtotal", "heading"])
                cells = []
                c = 0
                n = ncols if shape != "ragged" else self.n(1, ncols + 3)
                while c < n:
                    cs = rs = 1
                    if shape == "spans" and self.chance(0.3):
                        cs = self.n(1, max(1, n - c))
                        rs = self.n(1, 4)
                    if shape == "numeric":
                        content = self.pick([str(self.r.randint(-99999, 99999)), "%.1f" % self.r.uniform(-100, 1000),
                                             "1,831", "15.8%", ""])
                    elif shape == "cells" or self.chance(0.15):
                        content = self.cell_content(narrow, 0)
                    else:
                        content = self.cell_content(narrow, 2) if self.chance(0.5) else self.plain(1, 5)
                    al = self.pick(["left", "center", "right", "justify"]) if self.chance(0.1) else None
                    cells.append(self.cell(content, cs, rs, al))
                    c += cs
                rows.append("<row%s>%s</row>" % (ra, "".join(cells)))
        if self.chance(0.7):
            parts.append("<body>%s</body>" % "".join(rows))
        else:
            parts.append("".join(rows))
        return "<table%s>%s</table>" % (attrs, "".join(parts))

    def data_table(self):
        """A table of figures a chart can draw: first column names, numeric columns."""
        tid = self.new_id("data")
        ncols = self.n(2, 9)
        nrows = self.n(1, 70 if self.chance(self.edge) else 12)
        head = "<head><row>%s</row></head>" % "".join(
            self.cell(self.plain(1, 3)) for _ in range(ncols)) if self.chance(0.8) else ""
        rows = []
        for k in range(nrows):
            vals = [self.chart_value() for _ in range(ncols - 1)]
            rows.append("<row>%s%s</row>" % (self.cell(self.plain(1, 3)), "".join(self.cell(v) for v in vals)))
            if self.chance(0.1):
                rows.append('<row kind="total">%s%s</row>' % (self.cell("Total"),
                                                              "".join(self.cell("x") for _ in vals)))
        self.table_ids.append((tid, ncols, nrows))
        return '<table id="%s"><caption>%s</caption>%s<body>%s</body></table>' % (
            tid, self.inline(4, note=False, ref=False), head, "".join(rows))

    # -- budgets
    def amount(self, big=False):
        if big:
            v = Decimal(self.r.randint(-10 ** 13, 10 ** 13)) / Decimal(10 ** self.r.randint(0, 4))
        elif self.chance(0.2):
            v = Decimal(self.r.randint(-100000, 100000)) / 100
        else:
            v = Decimal(self.r.randint(0, 2000000))
        return v

    def fmt_amount(self, v):
        s = format(v, "f")
        if "." in s:
            whole, frac = s.split(".")
            frac = frac[:4].rstrip("0")
            s = whole + ("." + frac if frac else "")
        if self.chance(0.05) and not s.startswith("-"):
            s = "+" + s
        if self.chance(0.03) and "." not in s:
            s += ".0"
        return s

    def budget(self, huge=False):
        attrs = self.id_attr("budget", 0.3)
        if self.chance(0.2):
            attrs += ' number="%s"' % esc(self.pick(NUMBER_ATTR))
        parts = []
        if self.chance(0.7):
            parts.append("<caption>%s</caption>" % self.inline(self.n(1, 8), note=False))
        big = huge or self.chance(self.edge * 0.5)
        kinds = self.pick([["expenditure", "income"], ["income", "expenditure"], ["expenditure"],
                           [None], ["income", None, "expenditure"]])
        totals = {}
        for kind in kinds:
            pa = ""
            if kind:
                pa += ' kind="%s"' % kind
            if self.chance(0.8):
                pa += ' name="%s"' % (self.plain(1, 3))
            if self.chance(0.7):
                pa += ' column="%s"' % esc(self.pick(["2012/13", "£", "Actual", "", self.plain(1, 6)]))
            items = []
            s = Decimal(0)
            for _ in range(self.n(1, 9)):
                if self.chance(0.3):
                    gs = Decimal(0)
                    lines = []
                    for _ in range(self.n(1, 6)):
                        v = self.amount(big)
                        memo = self.chance(0.1)
                        if not memo:
                            gs += v
                        lines.append('<line name="%s"%s>%s</line>' % (
                            (self.plain(1, 6)), ' memo="yes"' if memo else (' memo="no"' if self.chance(0.05) else ""),
                            self.fmt_amount(v)))
                    items.append('<group>%s<subtotal name="%s">%s</subtotal></group>' % (
                        "".join(lines), (self.plain(1, 4)), self.fmt_amount(gs)))
                    s += gs
                else:
                    v = self.amount(big)
                    memo = self.chance(0.1)
                    if not memo:
                        s += v
                    items.append('<line name="%s"%s>%s</line>' % ((self.plain(1, 8)),
                                                                  ' memo="yes"' if memo else "", self.fmt_amount(v)))
            if huge and self.chance(0.7):
                # one line near the limit of an amount, the part's sum still within it
                room = Decimal("922337203685477.5807") - abs(s)
                v = room if self.chance(0.5) else Decimal(self.r.randint(9 * 10 ** 14, 922337203685477))
                v = min(v, room)
                v = -v if s > 0 and self.chance(0.3) else v
                s += v
                items.append('<line name="%s">%s</line>' % (self.plain(1, 4), self.fmt_amount(v)))
            if self.chance(0.8):
                items.append('<total name="%s">%s</total>' % ((self.plain(1, 3)), self.fmt_amount(s)))
            parts.append("<part%s>%s</part>" % (pa, "".join(items)))
            if kind:
                totals[kind] = s
        if ("income" in totals and "expenditure" in totals and kinds.count("income") == 1 and self.chance(0.7)
                and abs(totals["income"] - totals["expenditure"]) <= Decimal("922337203685477.5807")):
            parts.append('<balance name="%s">%s</balance>' % (
                (self.plain(1, 5)), self.fmt_amount(totals["income"] - totals["expenditure"])))
        return "<budget%s>%s</budget>" % (attrs, "".join(parts))

    # -- board grids
    def grid_cell(self):
        return self.cell_content(False, 0) if self.chance(0.4) else self.inline(self.n(1, 40), note=False)

    def outcome_grid(self):
        a = self.id_attr("grid", 0.2)
        if self.chance(0.5):
            a += ' layout="%s"' % self.pick(["columns", "rows"])
        if self.chance(0.4):
            a += ' start="%s"' % self.posint()
        if self.chance(0.4):
            a += ' outcome="%s"' % self.pick(["beside", "below"])
        if self.chance(0.3):
            a += ' empty="%s"' % esc(self.pick(["–", "", "n/a"]))
        entries = []
        for _ in range(self.n(1, 30 if self.chance(self.edge) else 6)):
            ea = ' label="%s"' % esc(self.pick(["1a)", "2b)", "", "X" * 60])) if self.chance(0.2) else ""
            body = ""
            for part in ("quantity", "quality", "outcome"):
                if self.chance(0.75):
                    body += "<%s>%s</%s>" % (part, self.grid_cell(), part)
            entries.append("<entry%s>%s</entry>" % (ea, body))
        return "<outcome-grid%s>%s</outcome-grid>" % (a, "".join(entries))

    def strategic_aims(self):
        a = self.id_attr("aims", 0.2)
        for at in ("period", "year", "later"):
            if self.chance(0.8):
                a += ' %s="%s"' % (at, esc(self.pick(["2010-13", "2010/11", "2011-13", "", "{later}", self.plain(1, 5)])))
        aims = []
        for _ in range(self.n(1, 8)):
            body = "<statement>%s</statement>" % self.grid_cell()
            if self.chance(0.8):
                body += "<objectives>%s</objectives>" % self.grid_cell()
            if self.chance(0.6):
                body += "<later-objectives>%s</later-objectives>" % self.grid_cell()
            aims.append("<aim>%s</aim>" % body)
        return "<strategic-aims%s>%s</strategic-aims>" % (a, "".join(aims))

    def agency_plan(self):
        a = self.id_attr("plan", 0.2)
        if self.chance(0.4):
            a += ' empty="%s"' % esc(self.pick(["–", "", "none"]))
        objs = []
        for _ in range(self.n(1, 8)):
            body = "<action>%s</action>" % self.grid_cell()
            for part in ("quantity", "quality", "outcome"):
                if self.chance(0.6):
                    body += "<%s>%s</%s>" % (part, self.grid_cell(), part)
            objs.append("<objective>%s</objective>" % body)
        return "<agency-plan%s>%s</agency-plan>" % (a, "".join(objs))

    # -- charts
    def chart_value(self):
        if self.chance(self.edge * 0.5):
            return self.pick(CHART_VALUES_EDGE)
        roll = self.r.random()
        if roll < 0.6:
            return str(self.r.randint(0, 1000))
        if roll < 0.8:
            return "%.1f" % self.r.uniform(-500, 500)
        return str(self.r.randint(-10 ** 9, 10 ** 9))

    def chart(self):
        typ = self.pick(["bar", "grouped-bar", "stacked-bar", "line", "pie"])
        a = self.id_attr("chart", 0.2) + ' type="%s"' % typ
        if self.chance(0.5):
            a += ' values="%s"' % self.pick(["yes", "no"])
        if self.chance(0.4):
            a += ' x-label="%s"' % (self.plain(1, 4 if not self.chance(self.edge) else 40))
        if self.chance(0.4):
            a += ' y-label="%s"' % (self.plain(1, 6 if not self.chance(self.edge) else 40))
        cap = "<caption>%s</caption>" % self.inline(self.n(1, 12), note=False) if self.chance(0.7) else ""
        if self.table_ids and self.chance(0.4):
            tid, ncols, nrows = self.pick(self.table_ids)
            cols = sorted(set(self.n(2, ncols) for _ in range(self.n(1, min(9, ncols)))))
            a += ' data="%s" columns="%s"' % (tid, self.pick([" ", ","]).join(map(str, cols)))
            if self.chance(0.5):
                r0 = self.r.randint(1, nrows)
                a += ' rows="%s"' % (("%d-%d" % (r0, self.r.randint(r0, nrows))) if self.chance(0.7) else str(r0))
            return "<chart%s>%s</chart>" % (a, cap)
        ncat = self.pick([1, 2, 3, 5, 8, 12]) if not self.chance(self.edge) else self.pick([40, 64, 65, 100])
        nser = self.n(1, 4) if not self.chance(self.edge) else self.pick([8, 9, 12])
        cats = "|".join((self.plain(1, 3) if not self.chance(0.05) else self.long_word()) for _ in range(ncat))
        body = "<categories>%s</categories>" % cats
        for s in range(nser):
            vals = [self.chart_value() for _ in range(ncat)]
            if typ == "pie" and not self.chance(self.edge):
                vals = [str(abs(int(float(v.replace(",", "").replace("%", ""))))) if float(v.replace(",", "").replace("%", "")) < 0 else v for v in vals]
            if self.chance(self.edge * 0.3):
                same = self.pick(["0", "4.9e-324", "1e15", "-1e15", "7"])
                vals = [same] * ncat
            body += '<series name="%s">%s</series>' % ((self.plain(1, 3)), self.pick([" ", "  ", "\t", " | "]).join(vals))
        return "<chart%s>%s%s</chart>" % (a, cap, body)

    # -- organisation charts
    def structure(self, shape=None):
        shape = shape or self.pick(["small", "wide", "deep", "chain", "forest", "bushy", "long-names"])
        a = self.id_attr("structure", 0.2)
        cap = "<caption>%s</caption>" % self.inline(self.n(1, 8), note=False) if self.chance(0.7) else ""
        units = []

        def name():
            if shape == "long-names" or self.chance(self.edge * 0.2):
                return self.pick([self.plain(10, 30), self.long_word(), "X" * 300])
            return self.plain(1, 4)
        if shape == "small":
            n = self.n(1, 8)
            ids = [self.new_id("unit") for _ in range(n)]
            for k, u in enumerate(ids):
                up = ' reports-to="%s"' % ids[self.r.randint(0, k - 1)] if k else ""
                units.append('<unit id="%s"%s>%s</unit>' % (u, up, name()))
        elif shape == "wide":
            top = self.new_id("unit")
            units.append('<unit id="%s">%s</unit>' % (top, name()))
            for _ in range(self.pick([10, 30, 60, 150])):
                units.append('<unit id="%s" reports-to="%s">%s</unit>' % (self.new_id("unit"), top, name()))
        elif shape in ("deep", "chain"):
            # a chart shows at most 32 levels
            n = self.pick([12, 24, 32]) if shape == "deep" else self.pick([20, 31, 32])
            prev = None
            order = []
            for k in range(n):
                u = self.new_id("unit")
                order.append((u, prev))
                prev = u
            if shape == "chain" and self.chance(0.5):
                order.reverse()     # written bottom first: every lookup walks far
            for u, up in order:
                units.append('<unit id="%s"%s>%s</unit>' % (u, ' reports-to="%s"' % up if up else "", name()))
        elif shape == "forest":
            for _ in range(self.n(2, 12)):
                top = self.new_id("unit")
                units.append('<unit id="%s">%s</unit>' % (top, name()))
                for _ in range(self.n(0, 5)):
                    units.append('<unit id="%s" reports-to="%s">%s</unit>' % (self.new_id("unit"), top, name()))
        else:
            ids = [self.new_id("unit")]
            units.append('<unit id="%s">%s</unit>' % (ids[0], name()))
            for _ in range(self.n(10, 80)):
                u = self.new_id("unit")
                units.append('<unit id="%s" reports-to="%s">%s</unit>' % (u, self.pick(ids), name()))
                ids.append(u)
            self.r.shuffle(units)
        return "<structure%s>%s%s</structure>" % (a, cap, "".join(units))

    # -- pictures
    def image(self):
        src = self.pick(self.images) if self.images else None
        if not src:
            return self.p()
        a = self.id_attr("image", 0.2) + ' src="images/%s" alt="%s"' % (esc(src), (self.plain(0, 8)))
        if self.chance(0.7):
            a += ' width="%s"' % esc(self.length())
        cap = "<caption>%s</caption>" % self.inline(self.n(1, 12), note=False) if self.chance(0.5) else ""
        return "<image%s>%s</image>" % (a, cap)

    # -- the board's own blocks
    def key_figures(self):
        figs = []
        for _ in range(self.n(1, 12)):
            v = self.pick(["322,700", "1,831", "22%", "£1.2m", "0", "", "9" * 40, self.plain(1, 3)])
            figs.append('<figure value="%s">%s</figure>' % (v, self.inline(self.n(0, 20), note=False)))
        return "<key-figures%s>%s</key-figures>" % (self.id_attr("figures", 0.2), "".join(figs))

    def story(self):
        a = self.id_attr("story", 0.2)
        if self.chance(0.6):
            a += ' kind="%s"' % self.pick(["story", "case-study", "summary"])
        t = "<title>%s</title>" % self.inline(self.n(1, 8), note=False) if self.chance(0.7) else ""
        body = []
        for _ in range(self.n(1, 12 if self.chance(self.edge) else 4)):
            k = self.r.random()
            body.append(self.p() if k < 0.6 else self.list_(0, 3, blocks=False) if k < 0.85 else self.quote())
        return "<story%s>%s%s</story>" % (a, t, "".join(body))

    def priorities(self):
        pr = []
        for _ in range(self.n(1, 8)):
            body = "<title>%s</title>" % self.inline(self.n(1, 15), note=False)
            for _ in range(self.n(0, 3)):
                body += self.p() if self.chance(0.6) else self.list_(0, 3, blocks=False)
            for _ in range(self.n(0, 3)):
                body += "<success>%s</success>" % self.inline(self.n(1, 30))
            pr.append("<priority%s>%s</priority>" % (self.id_attr("priority", 0.2), body))
        return "<priorities%s>%s</priorities>" % (self.id_attr("priorities", 0.2), "".join(pr))

    def messages(self):
        ms = []
        for _ in range(self.n(1, 5)):
            body = "".join(self.p() if self.chance(0.5) else self.list_(0, 2, blocks=False)
                           for _ in range(self.n(1, 3)))
            ms.append('<message to="%s">%s</message>' % ((self.plain(1, 5)), body))
        return "<messages%s>%s</messages>" % (self.id_attr("messages", 0.2), "".join(ms))

    def members(self):
        gs = []
        for _ in range(self.n(1, 4)):
            ga = ' name="%s"' % (self.plain(1, 6)) if self.chance(0.7) else ""
            ms = []
            for _ in range(self.n(1, 25)):
                if self.chance(0.15):
                    ms.append("<change>%s</change>" % self.inline(self.n(1, 30)))
                else:
                    role = ' role="%s"' % (self.plain(1, 10)) if self.chance(0.8) else ""
                    ms.append('<member name="%s"%s/>' % (esc(self.pick(NAMES)), role))
            gs.append("<group%s>%s</group>" % (ga, "".join(ms)))
        return "<members%s>%s</members>" % (self.id_attr("members", 0.2), "".join(gs))

    def contact(self):
        a = ' name="%s"' % esc(self.pick(NAMES))
        for at, v in (("role", self.plain(1, 4)), ("phone", "01634 334326"),
                      ("email", self.pick(["sally.mortimore@medway.gov.uk", "a@b", "not an address", ""]))):
            if self.chance(0.7):
                a += ' %s="%s"' % (at, v)
        return "<contact%s/>" % a

    def background_papers(self):
        return "<background-papers>%s</background-papers>" % "".join(
            "<paper>%s</paper>" % self.inline(self.n(1, 25)) for _ in range(self.n(1, 6)))

    def running_head(self):
        return "<running-head>%s</running-head>" % (self.plain(0, 12) if not self.chance(self.edge) else self.plain(40, 80))

    BLOCKS = ["p", "p", "p", "p", "list", "quote", "signoff", "page-break", "running-head", "contents",
              "key-figures", "story", "priorities", "messages", "members", "structure", "chart", "image",
              "contact", "background-papers", "table", "budget", "outcome-grid", "strategic-aims",
              "agency-plan"]

    def block(self, depth=0, small=False, kind=None):
        if self.nest > 3 or self.size > self.limit:
            small = True
        kind = kind or self.pick(self.BLOCKS if not small else
                                 ["p", "p", "list", "quote", "table", "chart", "image", "key-figures", "signoff"])
        if self.nest > 5 and kind in ("list", "table", "quote"):
            kind = "p"
        self.nest += 1
        try:
            text = self.block_of(kind, small)
        finally:
            self.nest -= 1
        self.size += len(text) // 3         # its markup, roughly
        return text

    def block_of(self, kind, small):
        if kind == "p":
            return self.p()
        if kind == "list":
            return self.list_(0, 3 if small else 5)
        if kind == "quote":
            return self.quote()
        if kind == "signoff":
            return self.signoff()
        if kind == "page-break":
            return "<page-break/>"
        if kind == "running-head":
            return self.running_head()
        if kind == "contents":
            return "<contents/>"
        if kind == "table":
            return self.table() if not small else self.table(self.pick(["plain", "narrow", "numeric"]))
        if kind == "chart":
            return self.chart()
        if kind == "image":
            return self.image()
        return getattr(self, kind.replace("-", "_"))()

    # -- headed parts
    def title(self, words=None):
        return "<title>%s</title>" % self.inline(words or self.n(1, 12), note=self.chance(0.05), br=self.chance(0.1))

    def part(self, tag, level, blocks, sub_depth):
        a = self.id_attr(tag, 0.5)
        if tag in ("chapter", "section", "appendix") and self.chance(0.5):
            a += ' number="%s"' % esc(self.pick(NUMBER_ATTR) if self.chance(self.edge) else self.pick(["auto", "none", str(self.r.randint(1, 20))]))
        if tag == "chapter" and self.chance(0.3):
            a += ' running-head="%s"' % (self.plain(1, 8))
        if tag == "subgroup" and self.chance(0.6):
            a += ' chair="%s"' % (self.plain(1, 8))
        body = [self.title()]
        for _ in range(blocks):
            body.append(self.block())
        if sub_depth > 0:
            for _ in range(self.n(1, 3)):
                body.append(self.part(self.pick(["section", "section", "subgroup"]), level + 1,
                                      self.n(0, 2), sub_depth - 1))
        return "<%s%s>%s</%s>" % (tag, a, "".join(body), tag)

    # -- the report
    def meta(self):
        m = ['<board%s>%s</board>' % (' short="%s"' % esc(self.pick(["KSCB", "MSCB", "", "X" * 50])) if self.chance(0.6) else "",
                                      (self.plain(2, 8))),
             "<title>%s</title>" % (self.plain(1, 12))]
        if self.chance(0.5):
            m.append("<area>%s</area>" % (self.plain(1, 2)))
        if self.chance(0.6):
            m.append("<period>%s</period>" % esc(self.pick(["2012/13", "2009-10", "2011", ""])))
        if self.chance(0.4):
            m.append("<subtitle>%s</subtitle>" % (self.plain(1, 15)))
        if self.chance(0.5):
            m.append("<author%s>%s</author>" % (' role="%s"' % (self.plain(1, 6)) if self.chance(0.6) else "",
                                               esc(self.pick(NAMES))))
        if self.chance(0.5):
            iso = ' iso="%s"' % self.pick(["2013-06-30", "2011-10-19", "9999-12-31", "2000-02-29",
                                           "2012-02-29", "1970-01-01", "2038-01-19"]) if self.chance(0.7) else ""
            m.append("<date%s>%s</date>" % (iso, esc(self.pick(["19th October 2011", "June 2013", ""]))))
        if self.images and self.chance(0.4):
            m.append('<logo src="images/%s" alt="%s"/>' % (esc(self.pick(self.images)), (self.plain(1, 5))))
        self.r.shuffle(m)
        return "<meta>%s</meta>" % "".join(m)

    def front_sheet(self):
        f = ["<meeting>%s</meeting>" % (self.plain(2, 12))]
        if self.chance(0.7):
            f.append("<agenda-item>%s</agenda-item>" % esc(self.pick(["7", "4", "", "12a", "X" * 80])))
        if self.chance(0.7):
            f.append("<meeting-date>%s</meeting-date>" % esc(self.pick(["9 September 2010", "27 April 2010", ""])))
        if self.chance(0.4):
            f.append("<submitted-by>%s</submitted-by>" % (self.plain(2, 8)))
        if self.chance(0.7):
            f.append('<report-from name="%s"%s/>' % (esc(self.pick(NAMES)), ' role="%s"' % (self.plain(1, 4)) if self.chance(0.7) else ""))
        if self.chance(0.7):
            f.append("<summary>%s</summary>" % self.inline(self.n(5, 100), note=False))
        self.r.shuffle(f)
        return "<front-sheet>%s</front-sheet>" % "".join(f)

    def foreword(self):
        a = self.id_attr("foreword", 0.3)
        if self.chance(0.6):
            a += ' by="%s"' % esc(self.pick(NAMES))
        if self.chance(0.5):
            a += ' role="%s"' % (self.plain(1, 5))
        t = self.title() if self.chance(0.5) else ""
        return "<foreword%s>%s%s</foreword>" % (a, t, "".join(self.block() for _ in range(self.n(0, 5))))

    def report(self, theme):
        r = self.r
        attrs = ""
        if self.chance(0.6):
            attrs += ' kind="%s"' % self.pick(["annual-report", "committee-report", "overview-report", "business-plan"])
        if self.chance(0.3):
            attrs += ' xml:lang="%s"' % self.pick(["en-GB", "cy", "en", "x-fuzz", "de-CH-1996", "zh-Hant-TW"])
        if self.chance(0.4) or theme in ("committee", "headings"):
            attrs += ' template="%s"' % self.pick(["default", "committee", "annual-report"])
        head = [self.meta()]
        if self.chance(0.5):
            head.append("<cover/>")
        if theme == "committee" or self.chance(0.15):
            head.append(self.front_sheet())
        if theme in ("headings", "pages", "refs") or self.chance(0.3):
            head.append("<contents/>")
        if self.chance(0.3):
            head.append(self.foreword())
        body = getattr(self, "theme_" + theme.replace("-", "_"))()
        # a little of everything else, so that every seed reaches far
        for _ in range(r.randint(0, 3)):
            body.append(self.block())
        text = "<report%s>%s%s</report>" % (attrs, "".join(head), "".join(body))
        return self.resolve_refs(text)

    def resolve_refs(self, text):
        ids = [i for i, _ in self.ids]

        def one(_m):
            if not ids:
                return "see above"
            show = ' show="%s"' % self.pick(["number", "title", "page", "full"]) if self.chance(0.7) else ""
            return '<ref to="%s"%s/>' % (self.pick(ids), show)
        return re.sub("\x00REF\x00", one, text)

    # -- themes: each returns the body's parts
    def theme_prose(self):
        out = []
        for _ in range(self.n(1, 4)):
            ch = ["<chapter%s>%s" % (self.id_attr("chapter", 0.5), self.title())]
            for _ in range(self.n(2, 8)):
                # ordinary long paragraphs with joined bold: "<b>Board</b>'s"
                words = self.pick([60, 100, 130, 131, 160, 250])
                txt = self.inline(words)
                if self.chance(0.6):
                    txt = "The <b>Board</b>'s " + txt + " and the <i>Board</i>’s <b>work</b>ing groups."
                ch.append("<p>%s</p>" % txt)
            ch.append("</chapter>")
            out.append("".join(ch))
        return out

    def theme_words(self):
        self.edge = max(self.edge, 0.6)
        out = []
        for _ in range(self.n(3, 10)):
            out.append("<p>%s</p>" % " ".join(
                self.pick([self.long_word(), esc(self.pick(URLS)), esc(self.pick(UNICODE_BITS)), esc(self.word()),
                           "&#160;".join(self.pick(WORDS) for _ in range(self.n(2, 12)))])
                for _ in range(self.n(1, 25))))
        out.append(self.table("narrow"))
        return out

    def theme_lists(self):
        out = []
        for _ in range(self.n(1, 4)):
            out.append(self.list_(0, self.pick([3, 6, 10, 20, 29, 32]), deep=self.chance(0.5)))
        # a list in a table cell, nested deep
        depth = self.pick([5, 12, 29])
        out.append("<table><row><cell>%s</cell><cell>%s</cell></row></table>" % (
            self.list_(0, depth, deep=True, blocks=False), self.plain(1, 3)))
        return out

    def theme_tables(self):
        return [self.table(s) for s in self.r.sample(
            ["plain", "wide", "narrow", "spans", "staircase", "long", "cells", "numeric", "ragged", "huge-spans",
             "onecol"], self.n(2, 5))]

    def theme_cells(self):
        out = []
        cols = self.n(2, 6)
        narrow = '<columns>%s</columns>' % "".join('<col width="%s"/>' % self.pick(["4mm", "3mm", "10%", "1%"])
                                                     for _ in range(cols))
        rows = []
        for _ in range(self.n(1, 6)):
            rows.append("<row>%s</row>" % "".join("<cell>%s</cell>" % self.cell_content(True, 0) for _ in range(cols)))
        rows.append("<row><cell>%s</cell>%s</row>" % (self.long_word(), "<cell>x</cell>" * (cols - 1)))
        out.append("<table>%s%s</table>" % (narrow, "".join(rows)))
        out.append(self.table("cells"))
        return out

    def theme_budget(self):
        return [self.budget(huge=self.chance(0.5)) for _ in range(self.n(1, 4))]

    def theme_grids(self):
        out = []
        for _ in range(self.n(2, 5)):
            out.append(self.pick([self.outcome_grid, self.strategic_aims, self.agency_plan])())
        return out

    def theme_charts(self):
        out = [self.data_table() for _ in range(self.n(0, 3))]
        for _ in range(self.n(2, 8)):
            out.append(self.chart())
        return out

    def theme_structure(self):
        return [self.structure() for _ in range(self.n(1, 3))]

    def theme_pictures(self):
        return [self.image() for _ in range(self.n(1, 8))]

    def theme_board(self):
        kinds = ["key_figures", "story", "quote", "priorities", "messages", "members", "contact",
                 "background_papers", "signoff"]
        return [getattr(self, k)() for k in self.r.sample(kinds, self.n(3, len(kinds)))]

    def theme_committee(self):
        out = []
        for c in range(self.n(1, 5)):
            ch = ['<chapter number="%d">%s' % (c + 1, self.title())]
            for k in range(self.n(1, 8)):
                ch.append(self.p(label="%d.%d" % (c + 1, k + 1)))
            if self.chance(0.5):
                ch.append(self.block())
            ch.append("</chapter>")
            out.append("".join(ch))
        out.append(self.contact())
        out.append(self.background_papers())
        return out

    def theme_headings(self):
        out = []
        for _ in range(self.n(1, 5)):
            out.append(self.part("chapter", 1, self.n(0, 2), self.n(0, 8)))
        for _ in range(self.n(0, 30 if self.chance(self.edge) else 3)):
            out.append(self.part("appendix", 1, self.n(0, 1), self.n(0, 2)))
        out.append(self.part("section", 1, 1, 1))
        return out

    def theme_pages(self):
        out = []
        for k in range(self.r.randint(20, 80)):
            out.append("<chapter%s>%s" % (self.id_attr("chapter", 0.5), self.title(self.n(1, 6))))
            out.append(self.running_head() if self.chance(0.3) else "")
            out.append(self.p(self.n(3, 60)))
            out.append("<page-break/>" * self.n(0, 3))
            out.append("</chapter>")
        return out

    def theme_refs(self):
        out = []
        for _ in range(self.n(2, 6)):
            out.append(self.part("chapter", 1, self.n(1, 3), self.n(0, 2)))
            out.append(self.data_table() if self.chance(0.3) else self.table())
        for _ in range(self.n(2, 8)):
            out.append("<p>%s %s %s</p>" % (self.ref(), self.plain(1, 5), self.ref()))
        return out

    def theme_mixed(self):
        out = []
        for _ in range(self.n(1, 4)):
            out.append(self.part(self.pick(["chapter", "section", "appendix"]), 1, self.n(1, 6),
                                 self.n(0, 2)))
        for _ in range(self.n(0, 4)):
            out.append(self.block())
        return out

    def theme_minimal(self):
        return [self.block()]


THEMES = ["prose", "words", "lists", "tables", "cells", "budget", "grids", "charts", "structure",
          "pictures", "board", "committee", "headings", "pages", "refs", "mixed", "minimal"]


def write_reports(out, count, seed):
    os.makedirs(out, exist_ok=True)
    imgdir = os.path.join(out, "images")
    images = sorted(os.listdir(imgdir)) if os.path.isdir(imgdir) else []
    images = [i for i in images if i.lower().endswith((".png", ".jpg", ".jpeg"))]
    n = 0
    for k in range(count):
        theme = THEMES[k % len(THEMES)]
        rng = random.Random("%s-%d" % (seed, k))
        # a third of the seeds stay tame, the rest reach for the edges;
        # most are small, for speed, some large
        edge = [0.0, 0.15, 0.5][k // len(THEMES) % 3]
        limit = [1500, 4000, 12000][k // (3 * len(THEMES)) % 3]
        g = Gen(rng, edge, limit)
        g.images = images
        if theme == "pictures" and not images:
            theme = "mixed"
        text = g.report(theme)
        path = os.path.join(out, "%03d-%s.xml" % (k, theme))
        with open(path, "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            f.write("<!-- gen_corpus.py seed %s #%d: %s, edge %.2f, size %d -->\n" % (seed, k, theme, edge, limit))
            f.write(text)
            f.write("\n")
        n += 1
    return n


# ---------------------------------------------------------------- images ---

def png_chunk(kind, data):
    c = struct.pack(">I", len(data)) + kind + data
    return c + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def png(width, height, color, depth, pixel, interlace=False, extra=(), palette=None, trns=None,
        filt=None, idat_split=1):
    """A PNG from pixel(x, y) -> tuple of samples, written with any filter."""
    chans = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[color]
    bpp = max(1, chans * depth // 8)

    def scan(xs, y):
        bits = []
        for x in xs:
            for s in pixel(x, y):
                bits.append(s)
        if depth >= 8:
            row = b"".join(int(s).to_bytes(depth // 8, "big") for s in bits)
        else:
            acc, n, row = 0, 0, bytearray()
            for s in bits:
                acc = (acc << depth) | (s & ((1 << depth) - 1))
                n += depth
                if n == 8:
                    row.append(acc)
                    acc, n = 0, 0
            if n:
                row.append(acc << (8 - n))
            row = bytes(row)
        return row

    def filtered(rows):
        out = bytearray()
        prev = bytes(len(rows[0])) if rows else b""
        for i, row in enumerate(rows):
            f = filt if filt is not None else i % 5
            line = bytearray()
            for j, b in enumerate(row):
                a = row[j - bpp] if j >= bpp else 0
                up = prev[j]
                c = prev[j - bpp] if j >= bpp else 0
                if f == 0:
                    v = b
                elif f == 1:
                    v = b - a
                elif f == 2:
                    v = b - up
                elif f == 3:
                    v = b - (a + up) // 2
                else:
                    p = a + up - c
                    pa, pb, pc = abs(p - a), abs(p - up), abs(p - c)
                    pr = a if pa <= pb and pa <= pc else (up if pb <= pc else c)
                    v = b - pr
                line.append(v & 0xff)
            out.append(f)
            out += line
            prev = row
        return bytes(out)

    if interlace:
        raw = b""
        for x0, y0, dx, dy in ADAM7:
            xs = list(range(x0, width, dx))
            ys = list(range(y0, height, dy))
            if xs and ys:
                raw += filtered([scan(xs, y) for y in ys])
    else:
        raw = filtered([scan(range(width), y) for y in range(height)])
    data = zlib.compress(raw, 9)
    out = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, color, 0, 0,
                                                                 1 if interlace else 0))
    for kind, body in extra:
        out += png_chunk(kind, body)
    if palette:
        out += png_chunk(b"PLTE", b"".join(bytes(c) for c in palette))
    if trns is not None:
        out += png_chunk(b"tRNS", trns)
    step = max(1, len(data) // idat_split + 1)
    for i in range(0, len(data), step):
        out += png_chunk(b"IDAT", data[i:i + step])
    return out + png_chunk(b"IEND", b"")


def write_images(out):
    os.makedirs(out, exist_ok=True)
    files = {}
    grad = lambda w, h, m: (lambda x, y: ((x * m) // max(1, w - 1),))
    for depth in (1, 2, 4, 8, 16):
        m = (1 << depth) - 1
        files["grey%d.png" % depth] = png(13, 7, 0, depth, grad(13, 7, m))
        files["grey%d-interlaced.png" % depth] = png(13, 11, 0, depth, grad(13, 11, m), interlace=True)
        if depth <= 8:
            pal = [(k * 37 % 256, k * 91 % 256, k * 13 % 256) for k in range(1 << depth)]
            files["palette%d.png" % depth] = png(9, 9, 3, depth, lambda x, y, m=m: ((x + y) & m,), palette=pal)
            files["palette%d-trns.png" % depth] = png(9, 9, 3, depth, lambda x, y, m=m: ((x * y) & m,), palette=pal,
                                                       trns=bytes(range(0, 256, max(1, 256 >> depth)))[:1 << depth],
                                                       interlace=depth == 4)
        if depth >= 8:
            files["rgb%d.png" % depth] = png(10, 6, 2, depth, lambda x, y, m=m: (x * m // 9, y * m // 5, m // 2),
                                             trns=struct.pack(">HHH", 0, 0, m // 2) if depth == 16 else None)
            files["rgba%d.png" % depth] = png(10, 6, 6, depth, lambda x, y, m=m: (m, x * m // 9, 0, y * m // 5))
            files["greya%d.png" % depth] = png(7, 7, 4, depth, lambda x, y, m=m: (x * m // 6, y * m // 6),
                                               interlace=True)
            files["rgba%d-interlaced.png" % depth] = png(17, 9, 6, depth,
                                                         lambda x, y, m=m: (x * m // 16, m, y * m // 8, m // 3),
                                                         interlace=True)
    files["grey8-trns.png"] = png(8, 8, 0, 8, lambda x, y: (x * 32,), trns=b"\x00\x40")
    files["one-pixel.png"] = png(1, 1, 2, 8, lambda x, y: (255, 0, 0))
    files["tall.png"] = png(1, 300, 0, 8, lambda x, y: (y % 256,), filt=4)
    files["wide.png"] = png(600, 1, 2, 8, lambda x, y: (x % 256, 255 - x % 256, 0), filt=1)
    files["chunks.png"] = png(5, 5, 2, 8, lambda x, y: (x * 50, y * 50, 128), idat_split=4, extra=[
        (b"gAMA", struct.pack(">I", 45455)), (b"cHRM", struct.pack(">8I", *[31270, 32900, 64000, 33000, 30000,
                                                                          60000, 15000, 6000])),
        (b"sRGB", b"\x00"), (b"pHYs", struct.pack(">IIB", 3780, 3780, 1)), (b"sBIT", b"\x05\x06\x05"),
        (b"tEXt", b"Comment\x00boardpress fuzz seed"), (b"zTXt", b"Title\x00\x00" + zlib.compress(b"seed")),
        (b"iTXt", b"Author\x00\x00\x00en\x00\x00fuzz"), (b"tIME", struct.pack(">HBBBBB", 2013, 6, 30, 12, 0, 0)),
        (b"bKGD", struct.pack(">HHH", 0, 0, 255)), (b"iCCP", b"none\x00\x00" + zlib.compress(b"\x00" * 128)),
        (b"prVt", b"private ancillary chunk")])
    files["palette-bkgd-hist.png"] = png(4, 4, 3, 2, lambda x, y: ((x ^ y) & 3,),
                                         palette=[(255, 0, 0), (0, 255, 0), (0, 0, 255), (9, 9, 9)],
                                         extra=[(b"bKGD", b"\x01")])
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    n = len(files)
    n += write_jpegs(out)
    good = os.path.join(ROOT, "tests", "good", "images")
    for name in sorted(os.listdir(good)):
        shutil.copy(os.path.join(good, name), os.path.join(out, name))
        n += 1
    return n


def write_jpegs(out):
    try:
        from PIL import Image
    except ImportError:
        sys.stderr.write("gen_corpus.py: no Pillow (python3-pil), so no generated JPEGs\n")
        return 0
    n = 0

    def save(img, name, **kw):
        nonlocal n
        img.save(os.path.join(out, name), "JPEG", **kw)
        n += 1
    rgb = Image.new("RGB", (24, 16))
    rgb.putdata([((x * 10) % 256, (y * 15) % 256, 128) for y in range(16) for x in range(24)])
    save(rgb, "baseline.jpg", quality=75)
    save(rgb, "progressive.jpg", quality=60, progressive=True)
    save(rgb, "optimized.jpg", quality=90, optimize=True)
    save(rgb, "subsampled-444.jpg", quality=80, subsampling=0)
    save(rgb, "subsampled-420.jpg", quality=30, subsampling=2)
    save(rgb, "restart.jpg", quality=70, restart_marker_blocks=1) if _pil_has_restart() else None
    save(rgb, "exif.jpg", quality=50, exif=b"Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x00", comment=b"fuzz seed",
         dpi=(300, 300))
    grey = rgb.convert("L")
    save(grey, "grey.jpg", quality=70)
    save(grey, "grey-progressive.jpg", quality=40, progressive=True)
    cmyk = rgb.convert("CMYK")
    save(cmyk, "cmyk.jpg", quality=70)
    save(cmyk, "cmyk-progressive.jpg", quality=70, progressive=True)
    save(Image.new("RGB", (1, 1), (255, 255, 255)), "one-pixel.jpg")
    save(Image.new("L", (3, 500), 128), "tall.jpg", quality=10)
    return n


def _pil_has_restart():
    try:
        import PIL
        return tuple(int(p) for p in PIL.__version__.split(".")[:2]) >= (9, 3)
    except Exception:
        return False


# ---------------------------------------------------------------- templates ---

def write_templates(out, seed=1):
    """Variants of the supplied templates: each changes a few values to
    ones a template may hold (most are accepted, so that layout runs with
    them) or just past what it may (so that the checks run)."""
    os.makedirs(out, exist_ok=True)
    src = os.path.join(ROOT, "templates")
    bases = sorted(f for f in os.listdir(src) if f.endswith(".xml"))
    n = 0
    for b in bases:
        shutil.copy(os.path.join(src, b), os.path.join(out, b))
        n += 1
    edits = [
        # page geometry: the smallest text area allowed, a huge page, odd numbers
        (r'width="210mm"', ['width="72pt"', 'width="100mm"', 'width="14400pt"', 'width="5000mm"', 'width="nan"',
                            'width="1e308"']),
        (r'height="297mm"', ['height="72pt"', 'height="80mm"', 'height="14400pt"', 'height="1e9mm"', 'height="inf"']),
        (r'margin-left="[^"]*"', ['margin-left="0"', 'margin-left="-20mm"', 'margin-left="160mm"', 'margin-left="nan"']),
        (r'margin-top="[^"]*"', ['margin-top="0"', 'margin-top="240mm"', 'margin-top="-30mm"']),
        (r'margin-bottom="[^"]*"', ['margin-bottom="0"', 'margin-bottom="200mm"']),
        # type: tiny, huge, leading below the size, negative spaces
        (r' size="[0-9.]+pt"', [' size="1pt"', ' size="0.5pt"', ' size="72pt"', ' size="300pt"', ' size="nan"',
                                ' size="1e-9pt"']),
        (r'leading="[0-9.]+pt"', ['leading="0.1pt"', 'leading="1pt"', 'leading="500pt"', 'leading="-15pt"']),
        (r'space-after="[0-9.]+pt"', ['space-after="0"', 'space-after="900pt"', 'space-after="-20pt"']),
        (r'space-before="[0-9.]+pt"', ['space-before="800pt"', 'space-before="-50pt"']),
        (r'indent-left="[0-9.]+pt"', ['indent-left="400pt"', 'indent-left="-100pt"', 'indent-left="1e6pt"']),
        (r'first-indent="[^"]*"', ['first-indent="300pt"', 'first-indent="-300pt"']),
        (r'align="justify"', ['align="center"', 'align="right"', 'align="left"']),
        (r'hyphenate="yes"', ['hyphenate="no"']),
        (r'uppercase="no"', ['uppercase="yes"']),
        (r'bold="yes"', ['bold="no"']),
        (r'italic="no"', ['italic="yes"']),
        (r'bar-left="[^"]*"', ['bar-left="0"', 'bar-left="200pt"']),
        (r'rule-below="[^"]*"', ['rule-below="50pt"', 'rule-below="-1pt"']),
        # flow: the line breaker's parameters at their edges
        (r'widows="\d+"', ['widows="0"', 'widows="1000"', 'widows="1"', 'widows="-1"']),
        (r'orphans="\d+"', ['orphans="0"', 'orphans="1000"', 'orphans="2147483647"']),
        (r'heading-keep="\d+"', ['heading-keep="0"', 'heading-keep="1000"']),
        (r'label-indent="[^"]*"', ['label-indent="0"', 'label-indent="450pt"', 'label-indent="-30pt"']),
        (r'space-stretch="[^"]*"', ['space-stretch="0"', 'space-stretch="1000"', 'space-stretch="1e308"']),
        (r'space-shrink="[^"]*"', ['space-shrink="0"', 'space-shrink="1"', 'space-shrink="5"']),
        (r'ragged-stretch="[^"]*"', ['ragged-stretch="0"', 'ragged-stretch="1e9"']),
        (r'pretolerance="[^"]*"', ['pretolerance="0"', 'pretolerance="10000"', 'pretolerance="1e308"']),
        (r'\btolerance="[^"]*"', ['tolerance="0"', 'tolerance="10000"', 'tolerance="1e308"', 'tolerance="nan"']),
        (r'line-penalty="[^"]*"', ['line-penalty="0"', 'line-penalty="1e308"']),
        (r'hyphen-penalty="[^"]*"', ['hyphen-penalty="0"', 'hyphen-penalty="10000"', 'hyphen-penalty="1e308"']),
        (r'fitness-demerits="[^"]*"', ['fitness-demerits="1e308"', 'fitness-demerits="0"']),
        (r'max-hyphen-run="[^"]*"', ['max-hyphen-run="0"', 'max-hyphen-run="1000"']),
        (r'left="2" right="3"', ['left="1" right="1"', 'left="1000" right="1000"', 'left="0" right="3"']),
        (r'patterns="[^"]*"', ['patterns="/dev/null"', 'patterns="default.xml"', 'patterns="../fonts/LiberationSans-Regular.ttf"']),
        # numbering and labels
        (r'number="\{1\}\.\{2\}"', ['number="{1}.{2}.{3}.{4}.{5}.{6}.{7}"', 'number="{0}"', 'number="{"',
                                     'number="{1:i}.{2:a}"', 'number="{99999999999}"', 'number=""',
                                     'number="{1:A}{1:A}{1:A}{1:A}{1:A}{1:A}{1:A}"', 'number="%s%n{2}"']),
        (r'number="Appendix \{1:A\}"', ['number="{1:I}"', 'number="{1:a}"', 'number="{2}"', 'number="{}"']),
        (r'labels="\{n\}\."', ['labels="{n}"', 'labels="{n:i}|{n:a}|{n:I}|{n:A}"', 'labels="{n}{n}{n}{n}{n}{n}{n}{n}"',
                                 'labels="' + "X" * 200 + '"', 'labels="|"', 'labels="{n:z}"', 'labels="{"']),
        (r'labels="[^"{]*"', ['labels="•"', 'labels=""', 'labels="|||||"', 'labels="' + "–" * 60 + '"']),
        (r'indent="[0-9.]+pt"', ['indent="0pt"', 'indent="300mm"', 'indent="-18pt"', 'indent="0.01pt"']),
        (r'label-gap="[^"]*"', ['label-gap="0"', 'label-gap="400pt"', 'label-gap="-6pt"']),
        (r'label-align="right"', ['label-align="left"', 'label-align="center"']),
        (r'separator="[^"]*"', ['separator=""', 'separator="' + " " * 100 + '"', 'separator="{1}"']),
        (r'numbered="no"', ['numbered="yes"']),
        (r'label="above"', ['label="inline"']),
        # tables, money, grids
        (r'padding-x="[^"]*"', ['padding-x="0"', 'padding-x="300pt"', 'padding-x="-5pt"']),
        (r'padding-y="[^"]*"', ['padding-y="0"', 'padding-y="400pt"']),
        (r'min-scale="[^"]*"', ['min-scale="0.3"', 'min-scale="1"']),
        (r'frame="[^"]*"', ['frame="0"', 'frame="40pt"']),
        (r'grid="(yes|no)"', ['grid="yes"', 'grid="no"']),
        (r'decimals="\d+"', ['decimals="0"', 'decimals="4"', 'decimals="5"']),
        (r'format="\{n\}"', ['format="{n}{n}{n}"', 'format=""', 'format="£{n}m"', 'format="%s%n"']),
        (r'negative="[^"]*"', ['negative="({n})"', 'negative=""', 'negative="{n}{n}{n}{n}"']),
        (r'thousands="[^"]*"', ['thousands=""', 'thousands="' + "," * 50 + '"']),
        (r'widths="[^"]*"', ['widths="1|1|98"', 'widths="100|100|100"', 'widths="0.001|99.999"', 'widths="50"']),
        # contents, references, charts, organisation charts, notes, furniture
        (r'depth="\d+"', ['depth="1"', 'depth="6"', 'depth="1000"']),
        (r'leader="[^"]*"', ['leader=""', 'leader="' + "·" * 40 + '"', 'leader="\u00ad"']),
        (r'number-width="[^"]*"', ['number-width="0"', 'number-width="400pt"']),
        (r'full="[^"]*"', ['full="{number}{number}{number}{page}{page}"', 'full=""', 'full="{title}, {page}"']),
        (r'show="number"', ['show="title"', 'show="page"', 'show="full"']),
        (r'front="lower-roman"', ['front="upper-roman"', 'front="continuous"']),
        (r'height="75mm"', ['height="72pt"', 'height="250mm"', 'height="2000mm"']),
        (r'bar-width="[^"]*"', ['bar-width="1"', 'bar-width="0.0001"']),
        (r'hatch-step="[^"]*"', ['hatch-step="0.001pt"', 'hatch-step="1000pt"']),
        (r'palette="[^"]*"', ['palette="#000000"', 'palette="#ffffff|#ffffff"']),
        (r'box-max="[^"]*"', ['box-max="36pt"', 'box-max="2000pt"']),
        (r'gap-x="[^"]*"', ['gap-x="0"', 'gap-x="500pt"', 'gap-x="-10pt"']),
        (r'gap-y="[^"]*"', ['gap-y="0.001pt"', 'gap-y="800pt"']),
        (r'rise="[^"]*"', ['rise="-100pt"', 'rise="900pt"']),
        (r'offset="[^"]*"', ['offset="0"', 'offset="400mm"', 'offset="-20mm"']),
        (r'center="Page \{page\} of \{pages\}"', ['center="{page}{pages}{page}{title}{board}{chapter}{running-head}"',
                                                     'center=""', 'center="{nosuch}"']),
        (r'top="[^"]*"', ['top="0"', 'top="500mm"']),
    ]
    rng = random.Random(seed)
    for b in bases:
        text = open(os.path.join(src, b), encoding="utf-8").read()
        for k in range(16):
            t = text
            for pat, repl in rng.sample(edits, rng.randint(1, 3 if k < 12 else 8)):
                t = re.sub(pat, lambda m: rng.choice(repl), t, count=rng.randint(1, 4))
            name = "%s-%d.xml" % (b[:-4], k)
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                f.write(t)
            n += 1
    return n


def main(argv):
    if len(argv) < 3 or argv[1] not in ("reports", "images", "templates"):
        sys.stderr.write(__doc__)
        return 2
    what, out = argv[1], argv[2]
    count, seed = 170, "boardpress"
    rest = argv[3:]
    while rest:
        if rest[0] == "--count" and len(rest) > 1:
            count = int(rest[1])
            rest = rest[2:]
        elif rest[0] == "--seed" and len(rest) > 1:
            seed = rest[1]
            rest = rest[2:]
        else:
            sys.stderr.write("gen_corpus.py: unknown argument %s\n" % rest[0])
            return 2
    if what == "reports":
        n = write_reports(out, count, seed)
    elif what == "images":
        n = write_images(out)
    else:
        n = write_templates(out)
    print("gen_corpus.py: %d %s in %s" % (n, what, out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
