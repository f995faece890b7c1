#!/usr/bin/env python3
"""gen_dict.py - libFuzzer dictionaries for boardpress's fuzz targets.

    gen_dict.py report   src/model/schema/report.rng > tests/fuzz/report.dict
    gen_dict.py template templates/*.xml      > tests/fuzz/template.dict

`report`: every element of the vocabulary as start, end and empty tag,
every attribute as ` name="`, every value the schema enumerates as
`="value"`, and values at the edges of each datatype and of the free
attributes that hold lengths and numbers. `template`: the same from the
elements, attributes and values the supplied templates use, plus
placeholders and edge lengths. The PNG and JPEG dictionary, image.dict,
is written by hand.
"""
import re
import sys
import xml.etree.ElementTree as ET

RNG = "{http://relaxng.org/ns/structure/1.0}"

EDGE_VALUES = [
    # positiveInteger, start=, colspan=, rowspan=
    "1", "2", "9", "10", "26", "27", "99", "3999", "4000", "65536", "2147483647", "2147483648",
    "4294967296", "9223372036854775807", "9223372036854775808", "18446744073709551616",
    "999999999999999999999999",
    # decimals (budget amounts): 15 digits and 4 decimals is the most an amount may have
    "999999999999999.9999", "-999999999999999.9999", "922337203685477", "922337203685478",
    "0.0001", "-0", "+1", ".5", "5.",
    # lengths and numbers in free attributes (col and image width, number=)
    "4mm", "0mm", "0.1mm", "1pt", "-5mm", "100%", "0%", "1000%", "1e308", "4.9e-324", "nan", "inf",
    "-inf", "1e999mm", "2.5cm", "1in", "auto", "none",
    # chart figures and ranges
    "1e15", "-1e15", "1,000", "15.8%", "1-5", "0-0", "2147483647-1", "1 2 3 4 5 6 7 8 9",
    # dates
    "2013-06-30", "0001-01-01", "9999-12-31", "2000-02-29", "2011-10-19Z", "-0044-03-15",
]

TEXT_TOKENS = [
    "<b>Board</b>'s", "<i>x</i>y", "<br/>", "<note>", "</note>", "&#173;", "&#160;", "&amp;", "&lt;",
    "&#8217;", "&#x1D11E;", "\\xc5\\xb5", "\\xe1\\xbb\\x85", "\\xe4\\xb8\\xad", "\\xc2\\xad", "\\xc2\\xa0",
    "https://www.example.org/", "mailto:a@b.c", "www.", "@example.org", "|", "{n}", "%s%n",
]


def esc(s):
    """A dictionary value: backslash and quote escaped, bytes outside
    printable ASCII as \\xNN (libFuzzer refuses them raw)."""
    out = []
    for b in s.encode("utf-8"):
        c = chr(b)
        if c in '\\"':
            out.append("\\" + c)
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append("\\x%02x" % b)
    return "".join(out)


def line(name, token):
    return '%s="%s"' % (name, esc(token))


def report_dict(rng_path):
    tree = ET.parse(rng_path)
    elements, attributes, values = set(), set(), set()
    for el in tree.iter():
        if el.tag == RNG + "element" and el.get("name"):
            elements.add(el.get("name"))
        elif el.tag == RNG + "attribute" and el.get("name"):
            attributes.add(el.get("name"))
        elif el.tag == RNG + "value" and el.text:
            values.add(el.text.strip())
    out = ["# report.dict - written by tests/fuzz/gen_dict.py from src/model/schema/report.rng;",
           "# regenerate it (make tests/fuzz/report.dict) rather than editing it."]
    for e in sorted(elements):
        out.append(line("el_" + re.sub(r"\W", "_", e), "<%s>" % e))
        out.append(line("open_" + re.sub(r"\W", "_", e), "<%s " % e))
        out.append(line("end_" + re.sub(r"\W", "_", e), "</%s>" % e))
        out.append(line("empty_" + re.sub(r"\W", "_", e), "<%s/>" % e))
    for a in sorted(attributes):
        out.append(line("attr_" + re.sub(r"\W", "_", a), ' %s="' % a))
    for v in sorted(values):
        out.append(line("value_" + re.sub(r"\W", "_", v), '="%s"' % v))
    for k, v in enumerate(EDGE_VALUES):
        out.append(line("edge_%d" % k, '"%s"' % v))
    for k, t in enumerate(TEXT_TOKENS):
        # \xNN escapes are kept as libFuzzer reads them
        out.append('text_%d="%s"' % (k, t.replace('"', '\\"')))
    out.append('xml_decl="<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>"')
    return out


TEMPLATE_EDGES = ["0", "-1", "0pt", "0.01pt", "1e308pt", "nan", "inf", "-5mm", "1000mm", "100%", "yes",
                  "no", "#000000", "#ffffff", "#fff", "none", "{1}", "{2}", "{n}", "{n:i}", "{n:a}",
                  "{n:I}", "{n:A}", "{0}", "{99}", "{page}", "{pages}", "{title}", "{board}", "{chapter}",
                  "{running-head}", "{number}", "{to}", "{chair}", "{later}", "|", "2147483647",
                  "../fonts/LiberationSans-Regular.ttf", "../fonts/LiberationSerif-Bold.ttf",
                  "/usr/share/hyphen/hyph_en_GB.dic", "/dev/null", "templates/default.xml"]


def template_dict(paths):
    elements, attributes, values = set(), set(), set()
    for p in paths:
        for el in ET.parse(p).iter():
            if not isinstance(el.tag, str):
                continue
            elements.add(el.tag)
            for k, v in el.attrib.items():
                attributes.add(k)
                if len(v) < 40:
                    values.add(v)
    out = ["# template.dict - written by tests/fuzz/gen_dict.py from templates/*.xml;",
           "# regenerate it (make tests/fuzz/template.dict) rather than editing it."]
    for e in sorted(elements):
        out.append(line("el_" + re.sub(r"\W", "_", e), "<%s " % e))
        out.append(line("end_" + re.sub(r"\W", "_", e), "</%s>" % e))
    for a in sorted(attributes):
        out.append(line("attr_" + re.sub(r"\W", "_", a), ' %s="' % a))
    for k, v in enumerate(sorted(values)):
        out.append(line("value_%d" % k, '"%s"' % v))
    for k, v in enumerate(TEMPLATE_EDGES):
        out.append(line("edge_%d" % k, '"%s"' % v))
    return out


def main(argv):
    if len(argv) < 3 or argv[1] not in ("report", "template"):
        sys.stderr.write(__doc__)
        return 2
    lines = report_dict(argv[2]) if argv[1] == "report" else template_dict(argv[2:])
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
