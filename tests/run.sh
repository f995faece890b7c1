#!/bin/sh
# run.sh - the whole test suite: unit tests (plain and under ASan+UBSan),
# the command line, every broken input in tests/bad, every sample checked
# with ../shared/tools (clean PDF, every word of its seed), valgrind on the
# largest sample. Ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 2
tools=../shared/tools
tmp=$(mktemp -d)
. tests/files.sh
files_fixtures
trap 'rm -rf "$tmp"; files_cleanup' EXIT
passed=0 failed=0

ok()   { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && printf '     %s\n' "$2"; }

# The seed each sample encodes, for text-fidelity.
seed_of() {
    case "$1" in
    kingston-lscb-2009-10) echo 000_e594e554f578a44f ;;
    kent-scb-overview-2011) echo 001_3cd6524a3d80b88a ;;
    medway-scb-scrutiny-2010) echo 002_c03cdef23eefbefc ;;
    kscb-annual-report-2013) echo 003_9933349c3f30a088 ;;
    medway-ctb-review-2010) echo 004_db71ade7de113f5f ;;
    esac
}

# Runs a command with a time limit of $1 seconds and, for the plain build,
# a memory limit: hostile input must be answered in seconds and within a
# few hundred MB (the sanitizer build reserves address space up front, so
# only its time is bounded).
bounded() {
    secs=$1; shift
    case "$1" in
    */asan/*) timeout "$secs" "$@" ;;
    *) (ulimit -v 600000; timeout "$secs" "$@") ;;
    esac
}

# ---- the source tree: folders include only what their stage may ------------
r=$(python3 tests/arch.py src 2>&1) && ok "source tree: $(echo "$r" | sed 's/^arch: //')" \
    || fail "source tree" "$r"
# and the check sees a layout file reaching into pdf, or the galley joining
# the blocks' cycle
cp -r src "$tmp/arch-src"
echo '#include "render.h"' >> "$tmp/arch-src/layout/para.c"
echo '#include "block.h"' >> "$tmp/arch-src/layout/galley.c"
r=$(python3 tests/arch.py "$tmp/arch-src" 2>&1)
case "$r" in
*"para.c: layout includes pdf/render.h"*"galley"*"include cycle"*) ok "source tree check sees what breaks it" ;;
*) fail "source tree check sees what breaks it" "$r" ;;
esac

# ---- unit tests ------------------------------------------------------------
for u in build/unit build/asan/unit; do
    line=$("$u" 2>"$tmp/unit.err" | tail -1)
    p=$(echo "$line" | sed -n 's/^unit: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
    f=$(echo "$line" | sed -n 's/^unit: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
    if [ -z "$p" ]; then
        fail "$u ran" "$(tail -3 "$tmp/unit.err")"
        continue
    fi
    passed=$((passed + p)); failed=$((failed + f))
    echo "ok   $u: $p passed, $f failed"
    [ "$f" -eq 0 ] || sed 's/^/     /' "$tmp/unit.err"
done

# ---- both binaries: the normal build and the sanitizer build ---------------
hostile="$tmp/hostile"
python3 tests/hostile.py "$hostile"
export BOARDPRESS_HOME="$PWD"
for bp in ./boardpress build/asan/boardpress; do
    tag=$(basename "$(dirname "$bp")")/$(basename "$bp")

    # usage
    "$bp" --help >/dev/null 2>&1 && ok "$tag --help" || fail "$tag --help"
    "$bp" --version 2>/dev/null | grep -q '^boardpress [0-9]' && ok "$tag --version" || fail "$tag --version"
    for args in "" "render" "frobnicate x.xml" "render a.xml --bogus" "check a.xml -o x.pdf" "render a.xml -o"; do
        # shellcheck disable=SC2086
        "$bp" $args >/dev/null 2>&1; rc=$?
        [ $rc -eq 2 ] && ok "$tag usage error '$args' exits 2" || fail "$tag usage error '$args' exits 2" "got $rc"
    done

    # broken inputs: exit 1, the expected located message, no output file
    for x in tests/bad/*.xml; do
        name=$(basename "$x" .xml)
        out="$tmp/$name.pdf"
        bounded 10 "$bp" render "$x" -o "$out" 2>"$tmp/err" >/dev/null; rc=$?
        want=$(cat "tests/bad/$name.expect")
        if [ $rc -ne 1 ]; then fail "$tag bad/$name exits 1" "got $rc"
        elif [ -e "$out" ]; then fail "$tag bad/$name leaves no output"
        elif ! head -1 "$tmp/err" | grep -Eq "$want"; then fail "$tag bad/$name message" "$(head -1 "$tmp/err") !~ $want"
        elif ! grep -Eq '^[^:]+:[0-9]+:[0-9]+: error: ' "$tmp/err"; then fail "$tag bad/$name located" "$(head -1 "$tmp/err")"
        else ok "$tag bad/$name"
        fi
    done
    ls -A "$tmp" | grep -q '^\.' && fail "$tag no temporary files left" "$(ls -A "$tmp")" || ok "$tag no temporary files left"

    # hostile inputs that once crashed, hung or wrote corrupt PDFs
    for x in "$hostile"/*.xml; do
        name=$(basename "$x" .xml)
        out="$tmp/hostile-$name.pdf"
        rm -f "$out"
        pdfa=""
        grep -qx pdfa "$hostile/$name.expect" && pdfa=--pdfa
        bounded 30 "$bp" render "$x" -o "$out" $pdfa 2>"$tmp/err" >/dev/null; rc=$?
        why=""
        while read -r what arg; do
            case "$what" in
            exit) [ "$rc" = "$arg" ] || why="exit $rc, not $arg" ;;
            stderr) grep -Eq "$arg" "$tmp/err" || why="no message matches '$arg'" ;;
            warnings) [ "$(wc -l < "$tmp/err")" -eq "$arg" ] || why="$(wc -l < "$tmp/err") messages, not $arg" ;;
            sanity) "$tools/pdf-sanity" "$out" >/dev/null 2>&1 || why="pdf-sanity: $("$tools/pdf-sanity" "$out" 2>&1 | tail -1)" ;;
            qpdf) qpdf --check "$out" >/dev/null 2>&1 || why="qpdf --check fails" ;;
            words) [ "$(pdftotext "$out" - 2>/dev/null | wc -w)" -ge "$arg" ] || why="fewer than $arg words" ;;
            inside) q=$("$tools/page-quality" "$out" 2>&1)
                    case "$q" in *" outside=0"*) ;; *) why="page-quality: $q" ;; esac ;;
            pdfa) python3 tests/check_pdfa.py "$out" >/dev/null 2>&1 || why="$(python3 tests/check_pdfa.py "$out" 2>&1 | head -1)" ;;
            esac
            [ -n "$why" ] && break
        done < "$hostile/$name.expect"
        [ "$rc" -ne 0 ] && [ -e "$out" ] && why="a failed run left $out"
        [ -z "$why" ] && ok "$tag hostile/$name" || fail "$tag hostile/$name" "$why: $(head -2 "$tmp/err")"
    done

    # a failed run leaves an existing PDF untouched
    printf 'previous' > "$tmp/keep.pdf"
    "$bp" render tests/bad/unknown-element.xml -o "$tmp/keep.pdf" 2>/dev/null
    [ "$(cat "$tmp/keep.pdf")" = previous ] && ok "$tag failed run keeps the old PDF" || fail "$tag failed run keeps the old PDF"
    "$bp" render tests/good/structure.xml -o "$tmp/nodir/x.pdf" 2>"$tmp/err"; rc=$?
    [ $rc -eq 1 ] && grep -q 'error: cannot write' "$tmp/err" && ok "$tag missing output folder is an error" \
        || fail "$tag missing output folder is an error" "rc=$rc $(cat "$tmp/err")"

    # check writes nothing; render without -o writes IN.pdf
    cp tests/good/structure.xml "$tmp/s.xml"; rm -f "$tmp/s.pdf"
    "$bp" check "$tmp/s.xml" && [ ! -e "$tmp/s.pdf" ] && ok "$tag check writes nothing" || fail "$tag check writes nothing"
    "$bp" render "$tmp/s.xml" && [ -s "$tmp/s.pdf" ] && ok "$tag default output name" || fail "$tag default output name"

    # characters: extracted as written; a missing glyph is a located warning
    "$bp" render tests/good/unicode.xml -o "$tmp/u.pdf" 2>"$tmp/err"; rc=$?
    txt=$(pdftotext -enc UTF-8 "$tmp/u.pdf" - 2>/dev/null | tr '\n' ' ')
    missing=""
    for w in "£12,500" "€3,000" "“quoted”" "‘single’" "–" "—" Máiréad Zoë Bolesław Čapek Ørsted αβγ Жизнь Dŵr Gwŷr Nguyễn Thị; do
        case "$txt" in *"$w"*) ;; *) missing="$missing $w" ;; esac
    done
    [ $rc -eq 0 ] && [ -z "$missing" ] && ok "$tag characters extract as written" || fail "$tag characters extract as written" "rc=$rc missing:$missing"
    grep -Eq '^tests/good/unicode.xml:9:3: warning: U\+4E2D is not in font' "$tmp/err" && [ "$(wc -l < "$tmp/err")" -eq 1 ] \
        && ok "$tag missing glyph warns with its place (and only it)" || fail "$tag missing glyph warns with its place (and only it)" "$(cat "$tmp/err")"
    "$bp" render tests/good/unicode.xml -o "$tmp/u2.pdf" --strict 2>/dev/null; rc=$?
    [ $rc -eq 1 ] && [ ! -e "$tmp/u2.pdf" ] && ok "$tag --strict makes warnings errors" || fail "$tag --strict makes warnings errors" "rc=$rc"

    # a second template switches fonts, sizes and margins
    "$bp" render tests/good/structure.xml -o "$tmp/d.pdf" && "$bp" render tests/good/structure.xml -o "$tmp/c.pdf" --template committee
    if pdffonts "$tmp/d.pdf" | grep -q LiberationSerif && ! pdffonts "$tmp/c.pdf" | grep -q LiberationSerif \
        && [ "$(pdftotext -bbox "$tmp/d.pdf" - | grep -m1 'word xMin' | cut -d'"' -f2)" != \
             "$(pdftotext -bbox "$tmp/c.pdf" - | grep -m1 'word xMin' | cut -d'"' -f2)" ]; then
        ok "$tag --template switches fonts and margins"
    else
        fail "$tag --template switches fonts and margins"
    fi
    "$bp" render tests/good/structure.xml -o "$tmp/x.pdf" --template nosuch 2>"$tmp/err"; rc=$?
    [ $rc -eq 1 ] && grep -q 'nosuch.xml.*error' "$tmp/err" && ok "$tag unknown template is an error" || fail "$tag unknown template is an error"

    # every sample: renders, clean PDF, every word of its seed
    for s in samples/*.xml tests/good/*.xml; do
        name=$(basename "$s" .xml)
        pdf="$tmp/$name.pdf"
        if ! bounded 20 "$bp" render "$s" -o "$pdf" 2>"$tmp/err"; then fail "$tag render $name" "$(tail -1 "$tmp/err")"; continue; fi
        ok "$tag render $name"
        [ "$bp" = ./boardpress ] || continue
        r=$("$tools/pdf-sanity" "$pdf" 2>&1) && ok "pdf-sanity $name" || fail "pdf-sanity $name" "$(echo "$r" | tail -3)"
        seed=$(seed_of "$name")
        if [ -n "$seed" ] && grep -q "^$name	" tests/fidelity-pending; then
            r=$("$tools/text-fidelity" "../shared/seeds/$seed.txt" "$pdf" --min 0 2>&1)
            echo "note text-fidelity $name: $(echo "$r" | tail -1), not yet required (tests/fidelity-pending)"
        elif [ -n "$seed" ]; then
            # in reading order: 0.99 unless tests/fidelity-order says why less
            min=$(awk -F'\t' -v n="$name" '$1 == n { print $2 }' tests/fidelity-order)
            r=$("$tools/text-fidelity" "../shared/seeds/$seed.txt" "$pdf" --min "${min:-0.99}" 2>&1) \
                && ok "text-fidelity $name: $(echo "$r" | tail -1)" || fail "text-fidelity $name" "$(echo "$r" | tail -4)"
            # and every word printed, whatever the order
            r=$(python3 tests/words-present.py "../shared/seeds/$seed.txt" "$pdf" 0.995 2>&1) \
                && ok "words-present $name: $r" || fail "words-present $name" "$r"
        fi
    done
done

# ---- what a designer circles: ../shared/tools/page-quality on the samples ----
# No page left short, no word broken without a hyphen, nothing past the
# margins.
r=$("$tools/page-quality" $(for s in samples/*.xml; do echo "$tmp/$(basename "$s" .xml).pdf:$s"; done) 2>&1 | tail -1)
u=$(echo "$r" | sed -n 's/.* underfull=\([0-9]*\) .*/\1/p')
case "$r" in
*" underfull=0 broken=0 outside=0") ok "page-quality of the samples: $r" ;;
*) fail "page-quality of the samples" "$r" ;;
esac
# and the test reports, but long-cell.xml, which holds words no column can
# hold, to test the warning for them
r=$("$tools/page-quality" $(for s in tests/good/*.xml; do [ "$s" = tests/good/long-cell.xml ] || echo "$tmp/$(basename "$s" .xml).pdf:$s"; done) 2>&1 | tail -1)
case "$r" in
*" underfull=0 broken=0 outside=0") ok "page-quality of the test reports: $r" ;;
*) fail "page-quality of the test reports" "$r" ;;
esac
# ---- accessible: the Matterhorn Protocol's machine checks on the samples ----
for s in samples/*.xml; do
    name=$(basename "$s" .xml)
    r=$(/usr/bin/python3 "$tools/pdfua-check" "$tmp/$name.pdf" 2>&1 | grep '^  FAIL')
    [ -z "$r" ] && ok "pdfua-check $name: no FAIL" || fail "pdfua-check $name" "$(echo "$r" | head -3)"
done
# the samples do not patch their layout with page breaks
n=$(cat samples/*.xml | grep -c '<page-break')
[ "$n" = 0 ] && ok "no sample forces a page break" || fail "no sample forces a page break" "$n <page-break/>"

# ---- a block that does not fit waits for the next page; the text fills -----
python3 - "$tmp/float.xml" <<'PY'
import sys
para = ' '.join(['Partners reviewed the work of the board and its groups this year.'] * 9)
body = ''.join('<p>Para %d. %s</p>' % (i, para) for i in range(6))
quote = '<quote><p>%s</p><attribution>Chair</attribution></quote>' % ' '.join(['Quoted words of the chair.'] * 40)
after = '<p>After the quote. %s</p><p>Second after. %s</p>' % (para, para)
open(sys.argv[1], 'w').write('<report><meta><board>B</board><title>T</title></meta>%s%s%s</report>' % (body, quote, after))
PY
sed 's/<flow float="[^"]*"/<flow/' templates/default.xml >"$tmp/nofloat.xml"
sed -i 's|\.\./fonts/|'"$PWD"'/fonts/|g' "$tmp/nofloat.xml"
./boardpress render "$tmp/float.xml" -o "$tmp/float.pdf" 2>"$tmp/err"
./boardpress render "$tmp/float.xml" --template "$tmp/nofloat.xml" -o "$tmp/nofloat.pdf" 2>>"$tmp/err"
a=$(pdftotext -f 1 -l 1 "$tmp/float.pdf" - 2>/dev/null | grep -c 'After the quote')
q=$(pdftotext -f 2 -l 2 "$tmp/float.pdf" - 2>/dev/null | awk 'NF > 3' | head -1 | grep -c 'Quoted words')
b=$(pdftotext -f 1 -l 1 "$tmp/nofloat.pdf" - 2>/dev/null | grep -c 'After the quote')
[ "$a" = 1 ] && [ "$q" = 1 ] && [ "$b" = 0 ] \
    && ok "a quote too tall for the page's foot heads the next page; the text after it fills the space" \
    || fail "a quote that does not fit floats to the next page's head" "text after on page 1: $a (without float=: $b), quote heads page 2: $q $(head -1 "$tmp/err")"

# ---- a table row taller than the space left parts between its lines --------
python3 - "$tmp/rows.xml" <<'PY'
import sys
para = ' '.join(['Partners reviewed the work of the board and its groups this year.'] * 9)
body = ''.join('<p>Para %d. %s</p>' % (i, para) for i in range(3))
cell = ' '.join('Line%d of the long cell.' % i for i in range(200))
row = '<table><head><row><cell>Question</cell><cell>Answer</cell></row></head><body><row><cell>Short</cell><cell>%s</cell></row></body></table>' % cell
open(sys.argv[1], 'w').write('<report><meta><board>B</board><title>T</title></meta>%s%s</report>' % (body, row))
PY
./boardpress render "$tmp/rows.xml" -o "$tmp/rows.pdf" 2>"$tmp/err"
a=$(pdftotext -f 1 -l 1 "$tmp/rows.pdf" - 2>/dev/null | grep -c 'Line0 ')
b=$(pdftotext -f 2 -l 2 "$tmp/rows.pdf" - 2>/dev/null | grep -c 'Line199 ')
h=$(pdftotext -f 2 -l 2 "$tmp/rows.pdf" - 2>/dev/null | grep -c '^Question')
q=$("$tools/page-quality" "$tmp/rows.pdf" | tail -1)
[ "$a" = 1 ] && [ "$b" = 1 ] && [ "$h" = 1 ] && case "$q" in *underfull=0*) true ;; *) false ;; esac \
    && ok "a row taller than the space left starts on page 1 and ends on page 2 under its repeated head" \
    || fail "a row taller than the space left parts between lines" "first line on page 1: $a, last on 2: $b, head on 2: $h; $q $(head -1 "$tmp/err")"
# ---- numbering restarts inside a part that has no count of its own ---------
printf '<report template="committee"><meta><board>B</board><title>T</title></meta><chapter><title>Recommendations</title><p>x</p></chapter><chapter number="7"><title>Seventh</title><section><title>Counted</title><p>x</p></section></chapter><chapter number="Section 1"><title>Overview</title><section><title>Aims</title><p>x</p></section><section number="2"><title>Outcomes</title><section><title>Deeper</title><p>x</p></section></section></chapter><chapter><title>Next</title><section><title>Again</title><p>x</p></section></chapter></report>' >"$tmp/num.xml"
./boardpress render "$tmp/num.xml" -o "$tmp/num.pdf" 2>"$tmp/err"
r=$(pdftotext "$tmp/num.pdf" - 2>/dev/null | grep -E '^([0-9.]+|Section 1) +[A-Z]' | tr -s ' ' | tr '\n' '|')
[ "$r" = "1. Recommendations|7. Seventh|7.1 Counted|Section 1 Overview|1 Aims|2 Outcomes|2.1 Deeper|8. Next|8.1 Again|" ] \
    && ok "parts of a chapter numbered \"Section 1\" number 1, 2, not on from the chapter before" \
    || fail "numbering restarts inside a part that has no count of its own" "$r $(head -1 "$tmp/err")"

# ---- tables of one section with the same columns share their widths --------
t1='<table><head><row><cell>Plans</cell><cell>Apr</cell><cell>May</cell></row></head><row><cell>Short</cell><cell>1</cell><cell>2</cell></row></table>'
t2='<table><head><row><cell>Reviews</cell><cell>Apr</cell><cell>May</cell></row></head><row><cell>A much longer row label than the first</cell><cell>10</cell><cell>20</cell></row></table>'
printf '<report><meta><board>B</board><title>T</title></meta><section><title>S</title>%s%s</section><section><title>U</title>%s</section></report>' "$t1" "$t2" "$t1" >"$tmp/share.xml"
./boardpress render "$tmp/share.xml" -o "$tmp/share.pdf" 2>"$tmp/err"
x=$(pdftotext -bbox "$tmp/share.pdf" - 2>/dev/null | sed -n 's/.*xMin="\([0-9.]*\)".*>Apr<.*/\1/p' | tr '\n' ' ')
set -- $x
[ $# = 3 ] && [ "$1" = "$2" ] && [ "$1" != "$3" ] \
    && ok "tables of one section with the same columns line up; another section's do not follow them ($x)" \
    || fail "tables of one section with the same columns share their widths" "Apr at x = $x $(head -1 "$tmp/err")"

# --stats counts the same short pages, and the words it had to cut
n=0
for s in samples/*.xml; do
    k=$(./boardpress render "$s" -o "$tmp/st.pdf" --stats 2>&1 | sed -n 's/^stats: .* underfull=\([0-9]*\) .*/\1/p')
    n=$((n + ${k:-99}))
done
[ "$n" = "$u" ] && ok "--stats counts $n underfull pages in the samples, as page-quality does" \
    || fail "--stats counts the samples' underfull pages as page-quality does" "$n, not $u"
k=$(./boardpress render tests/good/long-cell.xml -o "$tmp/st.pdf" --stats 2>&1 | sed -n 's/^stats: .* broken=\([0-9]*\) .*/\1/p')
[ "${k:-0}" -gt 0 ] && ok "--stats counts the $k words long-cell.xml cuts without a hyphen" \
    || fail "--stats counts the words cut without a hyphen" "broken=${k:-none}"

# ---- straight quotes become the template's typographic ones -----------------
printf '<report><meta><board>B</board><title>T</title></meta><p>The "Board'"'"'s" view: '"'"'quoted'"'"' and (<b>Board</b>'"'"'s) www.example.org/a'"'"'b</p></report>' >"$tmp/q.xml"
./boardpress render "$tmp/q.xml" -o "$tmp/q.pdf" 2>"$tmp/err"
r=$(pdftotext "$tmp/q.pdf" - 2>/dev/null | grep view)
[ "$r" = "The “Board’s” view: ‘quoted’ and (Board’s) www.example.org/a'b" ] \
    && ok "straight quotes print as the template's: $r" || fail "straight quotes print as the template's" "$r $(head -1 "$tmp/err")"

# ---- a negative amount is written as the template writes it -----------------
printf '<report><meta><board>B</board><title>T</title></meta><budget><part kind="income" name="Income"><line name="Grant">1000</line><line name="Refund">-250</line><total name="Total">750</total></part></budget></report>' >"$tmp/neg.xml"
a=$(./boardpress render "$tmp/neg.xml" -o "$tmp/neg.pdf" 2>&1; pdftotext "$tmp/neg.pdf" - 2>/dev/null | grep -c '^−250$')
b=$(./boardpress render "$tmp/neg.xml" -o "$tmp/neg2.pdf" --template committee 2>&1; pdftotext "$tmp/neg2.pdf" - 2>/dev/null | grep -c '^(250)$')
[ "$a" = 1 ] && [ "$b" = 1 ] && ok "a negative amount has a true minus (default) or brackets (committee)" \
    || fail "a negative amount is written as the template writes it" "default: $a, committee: $b"

# ---- notes at the foot of the page their marker falls on --------------------
python3 - "$tmp/foot.xml" <<'PY'
import sys
para = ' '.join(['Partners reviewed the work of the board and its groups this year.'] * 9)
long_note = ' '.join('Notepart%d of the long note.' % i for i in range(400))
body = ('<p>%s</p>' % para) * 2 + '<p>Shortmarker here<note>Short note text.</note> and on.</p>' + ('<p>%s</p>' % para) * 3 \
    + '<p>Longmarker here<note>%s</note> and on.</p>' % long_note + ('<p>%s</p>' % para) * 6
open(sys.argv[1], 'w').write('<report><meta><board>B</board><title>T</title></meta><chapter><title>C</title>%s</chapter></report>' % body)
PY
./boardpress render "$tmp/foot.xml" -o "$tmp/foot.pdf" 2>"$tmp/err"
r=$(pdftotext -bbox "$tmp/foot.pdf" - 2>/dev/null | python3 -c '
import re, sys
pages = sys.stdin.read().split("<page ")[1:]
def find(t):
    for i, p in enumerate(pages):
        for y, w in re.findall(r"yMin=\"([\d.]+)\"[^>]*>([^<]*)<", p):
            if w == t: return i, float(y)
    return None, None
def lowest_body(i):
    ys = [float(y) for y, w in re.findall(r"yMin=\"([\d.]+)\"[^>]*>([^<]*)<", pages[i]) if w in ("Partners", "Shortmarker", "Longmarker", "and")]
    return max(ys)
ps, ys = find("Shortmarker"); pn, yn = find("Short"); pl, yl = find("Longmarker")
p0, y0 = find("Notepart0"); p399, _ = find("Notepart399")
ok = ps == pn and yn > lowest_body(ps) and p0 == pl and y0 > lowest_body(pl) and p399 is not None and p399 > pl
print("ok" if ok else "marker p%s, note p%s y%s; long marker p%s, start p%s, end p%s" % (ps, pn, yn, pl, p0, p399))')
[ "$r" = ok ] && ok "a note stands at the foot of its marker's page, under the text; a long one goes on at the next page's foot" \
    || fail "notes stand at the foot of their marker's page" "$r $(head -1 "$tmp/err")"
printf '<report><meta><board>B</board><title>T</title></meta><chapter><title>C</title><p>Text<note>alpha<note>bravo<note>charlie</note></note></note> end.</p></chapter></report>' >"$tmp/nest.xml"
./boardpress render "$tmp/nest.xml" -o "$tmp/nest.pdf" 2>"$tmp/err"
r=$(pdftotext "$tmp/nest.pdf" - 2>/dev/null | grep -v '^$' | tr '\n' '|')
case "$r" in *"|1 alpha2|2 bravo3|3 charlie|"*) ok "notes within notes are each set, numbered on" ;;
*) fail "notes within notes are each set" "$r $(head -1 "$tmp/err")" ;; esac
q=$("$tools/pdf-sanity" "$tmp/foot.pdf" 2>&1 | tail -1)
case "$q" in *"-> ok") ok "notes at the foot: pdf-sanity" ;; *) fail "notes at the foot: pdf-sanity" "$q" ;; esac

# ---- a continued table says so, under the heading of the part it is in ------
python3 - "$tmp/cont.xml" <<'PY'
import sys
para = ' '.join(['Partners reviewed the work of the board and its groups this year.'] * 9)
out = ''.join('<line name="Spend %d">%d</line>' % (i, 10) for i in range(5))
inc = ''.join('<line name="Grant %d">%d</line>' % (i, 10) for i in range(40))
budget = ('<budget><caption>Budget 2012/13</caption><part kind="expenditure" name="Expenditure" column="2012/13">%s'
          '<total name="Total spending">50</total></part><part kind="income" name="Income" column="2012/13">%s'
          '<total name="Total income">400</total></part></budget>' % (out, inc))
open(sys.argv[1], 'w').write('<report><meta><board>B</board><title>T</title></meta>%s%s</report>' % (('<p>%s</p>' % para) * 3, budget))
PY
./boardpress render "$tmp/cont.xml" -o "$tmp/cont.pdf" 2>"$tmp/err"
r=$(pdftotext -f 2 -l 2 "$tmp/cont.pdf" - 2>/dev/null | grep -v '^$' | sed -n '3,5p' | tr '\n' '|')
case "$r" in
"Table 1: Budget 2012/13 (continued)|Income|2012/13|") ok "a continued budget is captioned \"(continued)\" and goes on under its part's heading ($r)" ;;
*) fail "a continued table says so, under the heading of the part it is in" "$r $(head -1 "$tmp/err")" ;;
esac

# ---- a list under a numbered paragraph stands where its text does ----------
printf '<report template="committee"><meta><board>B</board><title>T</title></meta><chapter><title>C</title><p label="3.1.8">These include:</p><list><item>First point</item><item>Second point</item></list><p>After the list.</p><list><item>Lonely point</item></list></chapter></report>' >"$tmp/nl.xml"
./boardpress render "$tmp/nl.xml" -o "$tmp/nl.pdf" 2>"$tmp/err"
r=$(pdftotext -bbox "$tmp/nl.pdf" - 2>/dev/null | python3 -c '
import re, sys
w = {t: float(x) for x, t in re.findall(r"xMin=\"([\d.]+)\"[^>]*>([^<]*)<", sys.stdin.read())}
ok = w["3.1.8"] < w["First"] - 20 and w["These"] <= w["First"] and w["Lonely"] < w["These"]
print("ok" if ok else w)')
[ "$r" = ok ] && ok "a list under a numbered paragraph is indented to its text; one under plain text is not" \
    || fail "a list under a numbered paragraph stands where its text does" "$r $(head -1 "$tmp/err")"

# ---- an organisation chart balances its rows and does not repeat its title --
units='<unit id="b">Main Board</unit>'
for n in "Quality and Effectiveness" "Learning and Development" "Serious Case Reviews" "Child Death Overview Panel" "Health Safeguarding Group" "Safeguarding in Education Advisory Group" "Kent and Medway Trafficking Children and Sexual Exploitation Subgroup"; do
    units="$units<unit id=\"u$(echo "$n" | tr -dc 'A-Za-z')\" reports-to=\"b\">$n</unit>"
done
printf '<report><meta><board>B</board><title>T</title></meta><appendix><title>Structure Chart 2012</title><structure><caption>Structure Chart 2012</caption>%s</structure></appendix></report>' "$units" >"$tmp/org.xml"
./boardpress render "$tmp/org.xml" -o "$tmp/org.pdf" 2>"$tmp/err"
r=$(pdftotext -bbox "$tmp/org.pdf" - 2>/dev/null | python3 -c '
import re, sys
from collections import Counter
words = re.findall(r"xMin=\"([\d.]+)\" yMin=\"([\d.]+)\"[^>]*>([^<]*)<", sys.stdin.read())
firsts = ("Quality", "Learning", "Serious", "Child", "Health", "Safeguarding", "Kent")
tops = Counter()
for x, y, t in words:
    if t in firsts: tops[t] = float(y)
rows = Counter()
for t, y in tops.items(): rows[round(y / 25)] += 1
shape = "+".join(str(n) for _, n in sorted(rows.items()))
charts = sum(1 for x, y, t in words if t == "Chart")
print(shape, charts)')
# a Figure whose Alt names the units and whom they report to
alt=$(printf 'Organisation chart: Main Board; Quality and Effectiveness, reporting to Main Board' | iconv -f UTF-8 -t UTF-16BE | od -An -tx1 | tr -d ' \n')
n=$(qpdf --qdf --object-streams=disable "$tmp/org.pdf" - 2>/dev/null | grep -a -c "/Alt <feff$alt")
[ "$n" = 1 ] && ok "an organisation chart is a Figure whose Alt names each unit and whom it reports to" \
    || fail "an organisation chart's Figure names its units" "$n"
[ "$r" = "4+3 1" ] && ok "seven subgroups sit as 4 + 3, and a caption repeating the heading is left out" \
    || fail "an organisation chart balances its rows and does not repeat its title" "rows, \"Chart\" count: $r $(head -1 "$tmp/err")"

# ---- landscape pages: by request, and for a table too wide for an upright one -
python3 - "$tmp/land.xml" "$tmp/wide.xml" <<'PY'
import sys
para = ' '.join(['Partners reviewed the work of the board and its groups this year.'] * 6)
months = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar']
head = '<head><row><cell>Measure</cell>' + ''.join('<cell>%s-09</cell>' % m for m in months) + '</row></head>'
rows = ''.join('<row><cell>Measure %d</cell>' % i + ''.join('<cell>%d</cell>' % j for j in range(12)) + '</row>' for i in range(5))
meta = '<meta><board>Board</board><title>Title</title></meta>'
open(sys.argv[1], 'w').write('<report>%s<chapter><title>Before</title><p>%s</p></chapter><chapter orientation="landscape">'
    '<title>Turned</title><p>%s</p><table>%s%s</table></chapter><chapter><title>After</title><p>%s</p></chapter></report>'
    % (meta, para, para, head, rows, para))
wide = '<row>' + ''.join('<cell>Column heading %d</cell>' % k for k in range(22)) + '</row>'
wrows = ''.join('<row>' + ''.join('<cell>%d,%03d,%03d</cell>' % (i, k, k) for k in range(22)) + '</row>' for i in range(4))
open(sys.argv[2], 'w').write('<report>%s<p>%s</p><table><head>%s</head>%s</table><p>%s</p></report>' % (meta, para, wide, wrows, para))
PY
./boardpress render "$tmp/land.xml" -o "$tmp/land.pdf" 2>"$tmp/err"
./boardpress render "$tmp/wide.xml" -o "$tmp/wide.pdf" 2>>"$tmp/err"
sizes=$(pdfinfo -f 1 -l 9 "$tmp/land.pdf" 2>/dev/null | sed -n 's/^Page *[0-9]* size: *\([0-9.]*\) x.*/\1/p' | tr '\n' ' ')
wsizes=$(pdfinfo -f 1 -l 9 "$tmp/wide.pdf" 2>/dev/null | sed -n 's/^Page *[0-9]* size: *\([0-9.]*\) x.*/\1/p' | tr '\n' ' ')
hx=$(pdftotext -f 2 -l 2 -bbox "$tmp/land.pdf" - 2>/dev/null | sed -n 's/.*xMax="\([0-9.]*\)".*>Title<.*/\1/p' | head -1)
case "$sizes|$wsizes" in
"595.276 841.89 595.276 |595.276 841.89 595.276 ")
    [ "${hx%%.*}" -gt 700 ] && ok "a landscape chapter, and a table too wide for an upright page, are set on pages turned on their side, running head along the long edge" \
        || fail "running heads on a landscape page run along its long edge" "header ends at x=$hx" ;;
*) fail "landscape pages" "widths: $sizes | $wsizes $(head -1 "$tmp/err")" ;;
esac

# ---- a story taller than a page goes on under its title, continued ---------
python3 - "$tmp/story.xml" <<'PY'
import sys
para = ' '.join(['Partners reviewed the work of the board and its groups this year.'] * 9)
story = "<story><title>Amy's story</title>%s</story>" % ''.join('<p>Story paragraph %d. %s</p>' % (i, para) for i in range(9))
open(sys.argv[1], 'w').write('<report template="annual-report"><meta><board>B</board><title>T</title></meta><chapter><title>C</title>'
                             '<p>%s</p>%s<p>After.</p></chapter></report>' % (para, story))
PY
st=$(./boardpress render "$tmp/story.xml" -o "$tmp/story.pdf" --stats 2>&1 | sed -n 's/.* widows=\([0-9]*\) orphans=\([0-9]*\) .*/\1 \2/p')
r=$(pdftotext -f 2 -l 2 "$tmp/story.pdf" - 2>/dev/null | grep -v '^$' | sed -n 3p)
[ "$r" = "AMY’S STORY (CONTINUED)" ] && [ "$st" = "0 0" ] \
    && ok "a story taller than a page goes on under its title, continued, its paragraphs keeping their widows and orphans" \
    || fail "a story taller than a page goes on under its title, continued" "page 2 starts '$r'; widows, orphans: $st"

# ---- a cover picture, where the template's cover shows one -------------------
mkdir -p "$tmp/cover" && cp tests/good/images/band.jpg "$tmp/cover/photo.jpg"
printf '<report template="annual-report"><meta><board>Board</board><area>Kent</area><title>Title</title></meta><cover src="photo.jpg" alt="Children at play"/><p>x</p></report>' >"$tmp/cover/c.xml"
sed 's| src="photo.jpg" alt="Children at play"||' "$tmp/cover/c.xml" >"$tmp/cover/n.xml"
./boardpress render "$tmp/cover/c.xml" -o "$tmp/cover/c.pdf" 2>"$tmp/err"
./boardpress render "$tmp/cover/n.xml" -o "$tmp/cover/n.pdf" 2>>"$tmp/err"
a=$(pdfimages -f 1 -l 1 -list "$tmp/cover/c.pdf" 2>/dev/null | tail -n +3 | wc -l)
b=$(pdfimages -f 1 -l 1 -list "$tmp/cover/n.pdf" 2>/dev/null | tail -n +3 | wc -l)
# the alt text, as the structure tree writes it (UTF-16BE in a hex string)
alt=$(printf 'Children at play' | iconv -f UTF-8 -t UTF-16BE | od -An -tx1 | tr -d ' \n')
t=$(qpdf --qdf --object-streams=disable "$tmp/cover/c.pdf" - 2>/dev/null | grep -a -c "/Alt <feff$alt>")
[ "$a" = 1 ] && [ "$b" = 0 ] && [ "$t" -ge 1 ] && ok "<cover src alt> puts its picture on the cover, its alt text in the tags" \
    || fail "a cover picture" "with: $a, without: $b, alt in tags: $t $(head -1 "$tmp/err")"

# ---- figures line up on their decimal point -----------------------------------
printf '<report><meta><board>B</board><title>T</title></meta><table><head><row><cell>Item</cell><cell>Rate</cell></row></head><row><cell>a</cell><cell>7.5%%</cell></row><row><cell>b</cell><cell>10%%</cell></row><row><cell>c</cell><cell>18.25%%</cell></row></table></report>' >"$tmp/dec.xml"
./boardpress render "$tmp/dec.xml" -o "$tmp/dec.pdf" 2>"$tmp/err"
r=$(pdftotext -bbox "$tmp/dec.pdf" - 2>/dev/null | python3 -c '
import re, sys
w = {t: (float(a), float(b)) for a, b, t in re.findall(r"xMin=\"([\d.]+)\" yMin=\"[\d.]+\" xMax=\"([\d.]+)\"[^>]*>([^<]*)<", sys.stdin.read())}
ok = abs(w["10%"][0] - w["18.25%"][0]) < 0.1 and w["7.5%"][0] > w["18.25%"][0] + 3 and w["18.25%"][1] > w["7.5%"][1] + 3
print("ok" if ok else w)')
[ "$r" = ok ] && ok "a column of figures lines up on the decimal point (7.5%, 10%, 18.25%)" \
    || fail "figures line up on their decimal point" "$r $(head -1 "$tmp/err")"

# ---- a negative figure typed into text, a cell or a chart has a true minus --
printf '<report><meta><board>B</board><title>T</title></meta><p>Fell by -20 in 2008-2012, x-5 and (-3.5%%) -£1,200 -- -a</p><table><row><cell>Change</cell><cell>-134</cell></row></table><chart type="bar"><categories>a|b</categories><series name="s">-5.5 4</series></chart></report>' >"$tmp/minus.xml"
./boardpress render "$tmp/minus.xml" -o "$tmp/minus.pdf" 2>"$tmp/err"
r=$(pdftotext "$tmp/minus.pdf" - 2>/dev/null)
case "$r" in
*"Fell by −20 in 2008-2012, x-5 and (−3.5%) −£1,200 -- -a"*"−134"*"−2"*) ok "negative figures in text, cells and chart scales take a true minus; ranges and words keep their hyphens" ;;
*) fail "negative figures take a true minus" "$(echo "$r" | grep -E 'Fell|134' | head -2) $(head -1 "$tmp/err")" ;;
esac

# ---- a long report without <contents/> gets one, unless it says no ----------
python3 - "$tmp/long.xml" <<'PY'
import sys
para = ' '.join(['The board reviewed the effectiveness of its partners and their work.'] * 30)
body = ''.join('<chapter><title>Chapter about subject %d</title><p>%s</p><p>%s</p></chapter>' % (i, para, para)
               for i in range(24))
open(sys.argv[1], 'w').write('<report><meta><board>B</board><title>T</title></meta><cover/>%s</report>' % body)
PY
sed 's/<report>/<report contents="no">/' "$tmp/long.xml" >"$tmp/long-no.xml"
./boardpress render "$tmp/long.xml" -o "$tmp/long.pdf" 2>"$tmp/err"
./boardpress render "$tmp/long-no.xml" -o "$tmp/long-no.pdf" 2>>"$tmp/err"
p=$(pdfinfo "$tmp/long.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
c=$(pdftotext -f 2 -l 2 "$tmp/long.pdf" - 2>/dev/null | grep -c 'Chapter about subject 23')
n=$(pdftotext "$tmp/long-no.pdf" - 2>/dev/null | grep -c '^Contents$')
[ "${p:-0}" -gt 20 ] && [ "$c" -ge 1 ] && [ "$n" -eq 0 ] \
    && ok "a $p-page report without <contents/> gets one on page 2; contents=\"no\" none" \
    || fail "a long report gets a contents page unless it says no" "pages=$p listed=$c contents-in-no=$n $(head -2 "$tmp/err")"

# ---- files read and written: tests/files.sh ---------------------------------
files_checks

# ---- tables ----------------------------------------------------------------
./boardpress render tests/good/long-table.xml -o "$tmp/lt.pdf" 2>/dev/null
pages=$(pdfinfo "$tmp/lt.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
heads=0
for p in $(seq 1 "${pages:-0}"); do
    pdftotext -f "$p" -l "$p" "$tmp/lt.pdf" - | grep -q "Days open" && heads=$((heads + 1))
done
[ "${pages:-0}" -ge 3 ] && [ "$heads" -eq "$pages" ] && ok "long table repeats its header on all $pages pages" \
    || fail "long table repeats its header on every page" "$heads of ${pages:-0} pages"
n=$(pdftotext "$tmp/lt.pdf" - | grep -c '^Case [0-9]')
[ "$n" -eq 180 ] && ok "long table: every row once" || fail "long table: every row once" "$n rows"

./boardpress render tests/good/long-cell.xml -o "$tmp/lc.pdf" 2>/dev/null
pages=$(pdfinfo "$tmp/lc.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
dups=$(pdftotext "$tmp/lc.pdf" - | grep -o 'Objective item number [0-9]*' | sort | uniq -d | wc -l)
n=$(pdftotext "$tmp/lc.pdf" - | grep -o 'Objective item number [0-9]*' | sort -u | wc -l)
[ "${pages:-0}" -ge 2 ] && [ "$n" -eq 120 ] && [ "$dups" -eq 0 ] && ok "a cell longer than a page splits, every item once" \
    || fail "a cell longer than a page splits, every item once" "pages=$pages items=$n duplicated=$dups"

./boardpress check tests/good/tables.xml 2>"$tmp/err"; rc=$?
if [ $rc -eq 0 ] && grep -q "^tests/good/tables.xml:25:9: warning: subtotal 'Direct staffing costs' is 399,349 but its 4 lines add up to 399,348$" "$tmp/err" \
    && grep -q "^tests/good/tables.xml:34:5: warning: balance .* is 650 but income 400,000 less expenditure 399,349 is 651$" "$tmp/err"; then
    ok "budget figures that do not add up are located warnings"
else
    fail "budget figures that do not add up are located warnings" "rc=$rc $(cat "$tmp/err")"
fi
./boardpress render tests/good/tables.xml -o "$tmp/t.pdf" 2>/dev/null && [ -s "$tmp/t.pdf" ] \
    && ok "a budget that does not add up still renders" || fail "a budget that does not add up still renders"
./boardpress render tests/good/tables.xml -o "$tmp/t2.pdf" --strict 2>/dev/null; rc=$?
[ $rc -eq 1 ] && [ ! -e "$tmp/t2.pdf" ] && ok "--strict refuses a budget that does not add up" \
    || fail "--strict refuses a budget that does not add up" "rc=$rc"

# ---- partners' grids, marked empty cells, headnotes -----------------------------
./boardpress render tests/good/grids.xml -o "$tmp/gr.pdf" 2>/dev/null
txt=$(pdftotext "$tmp/gr.pdf" - | tr '\n' ' ' | tr -s ' ')
case "$txt" in
    *"Medway Safeguarding Children Board ANNUAL REVIEW AND BUSINESS PLAN"*)
        ok "the front sheet names the board that submits the paper above the title" ;;
    *) fail "the front sheet names the board that submits the paper above the title" ;;
esac
case "$txt" in
    *"(Quality) 1. Quantityone"*"2. Quantitytwo"*"1. Qualityone"*"2. Qualitytwo"*"3. Is anyone better off? (Outcome) 1. Outcomeone"*)
        ok "outcomes below the other two questions read after them" ;;
    *) fail "outcomes below the other two questions read after them" "$txt" ;;
esac
case "$txt" in
    *"1a) Rowsquantity structure"*"1a) Rowsquality"*"1b) Rowsquantity"*"(Outcome) 1a) Rowsoutcome"*"1b) Rowsoutcome"*)
        ok "a grid by rows keeps the board's own entry labels (1a, 1b)" ;;
    *) fail "a grid by rows keeps the board's own entry labels (1a, 1b)" "$txt" ;;
esac
n=$(echo "$txt" | grep -o "Is anyone better off" | wc -l)
case "$txt" in
    *"May – Jul 09 34 2. Continuedoutcome"*) [ "$n" -eq 3 ] && ok "a grid continued after its table goes on under the heading it has" \
        || fail "a grid continued after its table goes on under the heading it has" "$n headings" ;;
    *) fail "a grid continued after its table goes on under the heading it has" "$txt" ;;
esac
case "$txt" in
    *"Table 1 – Referral outcomes Headnotetext:"*"Apr May Jun YTD Dismissal 1 – – 1 Resignation – 12 – 12 Caution – – – –"*)
        ok "a headnote sits between caption and table; empty cells show their mark, rows read in order" ;;
    *) fail "a headnote sits between caption and table; empty cells show their mark, rows read in order" "$txt" ;;
esac
# a column of figures and marks stays right-aligned: the marks end where the figures do
tp=1
while [ "$tp" -lt 9 ] && ! pdftotext -f "$tp" -l "$tp" "$tmp/gr.pdf" - 2>/dev/null | grep -q "Dismissal"; do tp=$((tp + 1)); done
ends=$(pdftotext -bbox -f "$tp" -l "$tp" "$tmp/gr.pdf" - | python3 -c '
import re, sys
w = re.findall(r"xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">([^<]*)<", sys.stdin.read())
figs = {"%.1f" % float(x) for x, y, t in w if t == "12"}
marks = {"%.1f" % float(x) for x, y, t in w if t == "–"}
print(" ".join(sorted(figs)) if len(figs) == 2 and figs <= marks else "figures %s, marks %s" % (figs, marks))')
[ "$(echo "$ends" | wc -w)" -eq 2 ] && ok "marked empty cells align with the figures of their column ($ends)" \
    || fail "marked empty cells align with the figures of their column" "$ends"
case "$txt" in
    *"Planaction establish further funding. – – –"*) ok "an agency plan marks the fields it leaves empty" ;;
    *) fail "an agency plan marks the fields it leaves empty" ;;
esac
# numbered labels end at one edge, so 9. and 10. line up
ends=$(pdftotext -bbox -f 2 -l 2 "$tmp/gr.pdf" - | python3 -c '
import re, sys
w = re.findall(r"xMax=\"([\d.]+)\"[^>]*>(9\.|10\.)<", sys.stdin.read())
print(" ".join(sorted({"%.1f" % float(x) for x, t in w})))')
[ "$(echo "$ends" | wc -w)" -eq 1 ] && ok "list labels are set flush right (9. and 10. end at $ends)" \
    || fail "list labels are set flush right" "$ends"
# a short table is not split to leave one row alone
pdftotext -f "$tp" -l "$tp" "$tmp/gr.pdf" - | grep -q "Dismissal" && pdftotext -f "$tp" -l "$tp" "$tmp/gr.pdf" - | grep -q "Caution" \
    && ok "a short table keeps its rows together" || fail "a short table keeps its rows together"

pdftotext -f 4 -l 4 "$tmp/gr.pdf" - | tr '\n' ' ' | grep -q "See section 1 for the partners" \
    && ok "a reference cites a heading's number without the stop after it" \
    || fail "a reference cites a heading's number without the stop after it" "$(pdftotext -f 4 -l 4 "$tmp/gr.pdf" - | tr '\n' ' ')"
# a running head names the pages of the part it stands in, and no others
heads=""
for p in 1 2 3 4; do
    pdftotext -f $p -l $p "$tmp/gr.pdf" - | head -1 | grep -q "^Sheetheadtext" && heads="$heads $p"
done
[ "$heads" = " 3" ] && ok "a running head stands on the pages of its part only (page$heads)" \
    || fail "a running head stands on the pages of its part only" "on pages:$heads"
pdftotext -f 3 -l 3 "$tmp/gr.pdf" - | tr '\n' ' ' | tr -s ' ' | grep -q "All LAC 1st half 08/09 2nd half 08/09 All CP 1st half 08/09 2nd half 08/09 – 458 466 – 197 183 1st half 09/10 Change 1st half 09/10 Change .*495 7.50%.*217 9.20%" \
    && ok "a page break before a table without a caption starts its page; heading rows inside the body read in order" \
    || fail "a page break before a table without a caption starts its page; heading rows inside the body read in order"
n=$(pdftotext -bbox -f 3 -l 3 "$tmp/gr.pdf" - | python3 -c '
import re, sys
words = re.findall(r"yMin=\"([\d.]+)\"[^>]*>([^<]*)<", sys.stdin.read())
at = [w for w in words if w[1] == "Longlabel"]
ys = {round(float(y)) for y, t in words if t in ("Longlabel", "of", "initial", "reviews", "08", "&amp;", "09")
      and at and abs(float(y) - float(at[0][0])) < 60}
print(len(ys))')
[ "${n:-9}" -le 3 ] && ok "a row label beside a year of monthly figures takes $n lines, not one word a line" \
    || fail "a row label beside a year of monthly figures is not set one word a line" "$n lines"

# a grid heading whose attribute the report leaves out is a located warning
cat > "$tmp/aims.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<report kind="business-plan">
  <meta><board>Test Board</board><title>Plan</title></meta>
  <chapter><title>Aims</title>
    <strategic-aims period="2010-13" year="2010/11">
      <aim><statement>To ensure</statement></aim>
    </strategic-aims>
  </chapter>
</report>
XML
./boardpress render "$tmp/aims.xml" -o "$tmp/aims.pdf" 2>"$tmp/err"; rc=$?
[ $rc -eq 0 ] && grep -q "aims.xml:5:5: warning: <strategic-aims> has no later=\"...\" for its heading 'Specific Objectives ({later})'$" "$tmp/err" \
    && [ "$(wc -l < "$tmp/err")" -eq 1 ] && ok "a grid heading left without its attribute is warned of, once" \
    || fail "a grid heading left without its attribute is warned of, once" "rc=$rc $(cat "$tmp/err")"

# a stacked bar with figures below zero grows down from the axis, inside the chart
./boardpress render tests/good/charts.xml -o "$tmp/ch.pdf" 2>"$tmp/err"
grep -q "^tests/good/charts.xml:13:1: warning: <chart> pie: 'B' is -5, and a share below zero has no slice$" "$tmp/err" \
    && ok "a pie share below zero is a located warning" || fail "a pie share below zero is a located warning" "$(cat "$tmp/err")"
r=$(pdftotext -bbox "$tmp/ch.pdf" - | python3 -c '
import re, sys
page = sys.stdin.read().split("<page ")[-1]
w = {t: float(y) for y, t in re.findall(r"yMin=\"([\d.]+)\"[^>]*>([^<]*)<", page)}
need = ("600", "−300", "0", "Budget")
print("ok" if all(k in w for k in need) and w["Budget"] < w["600"] < w["0"] < w["−300"] else w)')
[ "$r" = ok ] && ok "stacked bars stack figures below zero downwards, within the chart" \
    || fail "stacked bars stack figures below zero downwards, within the chart" "$r"

# ---- a tagged PDF: structure for screen readers ----------------------------------
./boardpress render tests/good/structure.xml -o "$tmp/tag.pdf" 2>/dev/null
pdfinfo "$tmp/tag.pdf" | grep -q "^Tagged: *yes" && ok "the PDF is tagged" || fail "the PDF is tagged"
tree=$(pdfinfo -struct-text "$tmp/tag.pdf" 2>&1 | tr -s ' ' | tr '\n' '|')
case "$tree" in
    *"| Sect| H1 (block)| \"1 First chapter\""*"| Note <note-1> (inline)|"*"| L (block)| LI (block)| Lbl (block)| \"1.\"| LBody (block)| \"Numbered one\""*)
        ok "headings, notes and lists are tagged as such, labels apart from their text" ;;
    *) fail "headings, notes and lists are tagged as such, labels apart from their text" "$tree" ;;
esac
case "$tree" in
    *"| P (block)| \"Write to \"| Link (inline)| \"board@example.org \"| Object "*)
        ok "a link's text and its annotation share a Link element" ;;
    *) fail "a link's text and its annotation share a Link element" "$tree" ;;
esac
case "$tree" in
    *"Page 1 of"*) fail "running heads and footers are artifacts, outside the structure" ;;
    *) ok "running heads and footers are artifacts, outside the structure" ;;
esac
./boardpress render tests/good/charts.xml -o "$tmp/tagc.pdf" 2>/dev/null
tree=$(pdfinfo -struct-text "$tmp/tagc.pdf" 2>&1 | tr -s ' ' | tr '\n' '|')
case "$tree" in
    *"| Table (block)| Caption|"*"| THead| TR| TH:| /Scope /Column| \"Year\"| TH:| /Scope /Column| \"Kent Rate\""*"| TBody| TR| TD| \"2008\"| TD| \"37.1\""*)
        ok "tables are tagged by head, body, row and cell, header cells with their scope" ;;
    *) fail "tables are tagged by head, row and cell" "$tree" ;;
esac
./boardpress render tests/good/pictures.xml -o "$tmp/tagp.pdf" 2>/dev/null
alts=$(qpdf --json "$tmp/tagp.pdf" | python3 -c 'import json, sys
for v in json.load(sys.stdin)["qpdf"][1].values():
    o = v.get("value") if isinstance(v, dict) else None
    if isinstance(o, dict) and o.get("/S") == "/Figure":
        print(o.get("/Alt"))')
echo "$alts" | grep -q "A teal rectangle" && ! echo "$alts" | grep -qx "None" \
    && ok "every picture's element carries its alt text" || fail "every picture's element carries its alt text" "$alts"

# ---- navigation and a correct PDF --------------------------------------------
./boardpress render samples/kscb-annual-report-2013.xml -o "$tmp/nav.pdf" 2>/dev/null
r=$(python3 tests/check_nav.py samples/kscb-annual-report-2013.xml "$tmp/nav.pdf" 2>&1) \
    && ok "contents pages, bookmarks and viewer settings read back right: $(echo "$r" | tr '\n' ' ')" \
    || fail "contents pages, bookmarks and viewer settings read back right" "$r"
txt=$(pdftotext "$tmp/nav.pdf" - | tr '\n' ' ')
case "$txt" in
    *"See Chapter 3 for more information"*"available in Appendix A."*"FOUND AT Appendix C."*)
        ok "references print their targets' numbers" ;;
    *) fail "references print their targets' numbers" ;;
esac
inner=$(qpdf --qdf --object-streams=disable "$tmp/nav.pdf" - 2>/dev/null | grep -a -c "/Subtype /Link")
[ "${inner:-0}" -ge 40 ] && ok "contents entries and references are links ($inner)" || fail "contents entries and references are links" "${inner:-0} links"
pdfinfo "$tmp/nav.pdf" | grep -q "^Title: *KSCB Annual Report 2013$" && ok "document title from the metadata" || fail "document title from the metadata"
./boardpress render tests/good/structure.xml -o "$tmp/links.pdf" 2>/dev/null
uris=$(qpdf --qdf --object-streams=disable "$tmp/links.pdf" - 2>/dev/null | grep -a "/URI (" | sort | tr '\n' ' ')
case "$uris" in
    *"(http://www.kscb.org.uk)"*"(https://www.example.org/)"*"(mailto:board.manager@example.org)"*"(mailto:board@example.org)"*)
        ok "web and email addresses are links, written out or not" ;;
    *) fail "web and email addresses are links, written out or not" "$uris" ;;
esac
links=$(qpdf --json "$tmp/links.pdf" | python3 -c 'import json, sys
j = json.load(sys.stdin)
objs = [v.get("value") for v in j["qpdf"][1].values() if isinstance(v, dict)]
links = [o for o in objs if isinstance(o, dict) and o.get("/Subtype") == "/Link"]
print(len(links), sum(1 for o in links if o.get("/Border") == [0, 0, 0]))')
[ "${links%% *}" -gt 0 ] && [ "${links%% *}" = "${links##* }" ] && ok "links have no visible border ($links)" \
    || fail "links have no visible border" "$links"
pdftotext "$tmp/links.pdf" - | tr '\n' ' ' | grep -q "Framework1 is used widely.*1 The Committee received a report on CAF" \
    && ok "a note's number stands in the text and the note follows it" || fail "notes"
titles=$(qpdf --json "$tmp/links.pdf" | python3 -c 'import json, sys
def walk(o):
    for x in o:
        print(x.get("title")); walk(x.get("kids", []))
walk(json.load(sys.stdin).get("outlines", []))')
echo "$titles" | grep -qx "2 Second chapter" && ! echo "$titles" | grep -q "Titlenote" \
    && ok "a note in a title stays out of its bookmark" || fail "a note in a title stays out of its bookmark" "$titles"
# a 16-bit PNG is drawn in its own colour (libharu alone would garble it)
./boardpress render tests/good/pictures.xml -o "$tmp/pic.pdf" 2>/dev/null
pdftoppm -r 72 -f 2 -l 2 -x 300 -y 130 -W 1 -H 1 "$tmp/pic.pdf" "$tmp/px" 2>/dev/null
px=$(python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); print("%02x%02x%02x" % tuple(d[-3:]))' "$tmp"/px*.ppm 2>/dev/null)
[ "$px" = 2e75b6 ] && ok "a 16-bit PNG keeps its colour (#$px)" || fail "a 16-bit PNG keeps its colour" "got #$px"
[ "$(pdfimages -list "$tmp/pic.pdf" | grep -c ' image ')" -ge 2 ] && ok "pictures and the cover logo are placed" || fail "pictures are placed"
./boardpress render tests/good/unicode.xml -o "$tmp/uni.pdf" 2>/dev/null
pdfinfo "$tmp/uni.pdf" | grep -q "^Title: *Characters – Zoë’s report$" && ok "a title with accents and dashes reaches the viewer" \
    || fail "a title with accents and dashes reaches the viewer" "$(pdfinfo "$tmp/uni.pdf" | grep Title)"
SOURCE_DATE_EPOCH=1262304000 ./boardpress render tests/good/structure.xml -o "$tmp/d1.pdf" 2>/dev/null
sleep 1
SOURCE_DATE_EPOCH=1262304000 ./boardpress render tests/good/structure.xml -o "$tmp/d2.pdf" 2>/dev/null
cmp -s "$tmp/d1.pdf" "$tmp/d2.pdf" && pdfinfo "$tmp/d1.pdf" | grep -q "^CreationDate: .*2010" \
    && ok "dates come from SOURCE_DATE_EPOCH, not the clock" || fail "dates come from SOURCE_DATE_EPOCH, not the clock"
pdfinfo "$tmp/uni.pdf" | grep -q "^CreationDate" && fail "no date without one in the report" || ok "no date without one in the report"
pl=$(qpdf --json "$tmp/nav.pdf" | python3 -c 'import json,sys; print(json.load(sys.stdin)["pagelabels"])')
pdftotext -f 2 -l 2 "$tmp/nav.pdf" - | grep -q "Page ii of" && case "$pl" in *"'/r'"*"'/D'"*) true;; *) false;; esac \
    && ok "front matter in roman numerals, printed and in the viewer alike" || fail "front matter numbering" "$pl"

./boardpress render samples/kscb-annual-report-2013.xml -o "$tmp/a1.pdf" --pdfa 2>/dev/null \
    && ./boardpress render samples/kscb-annual-report-2013.xml -o "$tmp/a2.pdf" --pdfa 2>/dev/null
r=$(python3 tests/check_pdfa.py "$tmp/a1.pdf" 2>&1) && cmp -s "$tmp/a1.pdf" "$tmp/a2.pdf" \
    && ok "--pdfa: $(echo "$r" | tail -1 | sed 's/.*: //'), the same bytes twice" || fail "--pdfa" "$r"

# the same input renders to the same bytes
./boardpress render samples/kent-scb-overview-2011.xml -o "$tmp/r1.pdf" && ./boardpress render samples/kent-scb-overview-2011.xml -o "$tmp/r2.pdf"
cmp -s "$tmp/r1.pdf" "$tmp/r2.pdf" && ok "renders are byte-identical" || fail "renders are byte-identical"

# valgrind on the largest sample
if command -v valgrind >/dev/null 2>&1; then
    big=$(ls -S samples/*.xml | head -1)
    if valgrind -q --error-exitcode=9 --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
        ./boardpress render "$big" -o "$tmp/vg.pdf" 2>"$tmp/vg"; then ok "valgrind $(basename "$big")"
    else fail "valgrind $(basename "$big")" "$(head -5 "$tmp/vg")"; fi
    # a damaged picture's memory is freed on the way out too
    for x in tests/bad/corrupt-png.xml tests/bad/truncated-png.xml; do
        valgrind -q --error-exitcode=9 --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
            ./boardpress render "$x" -o "$tmp/vg.pdf" >/dev/null 2>"$tmp/vg"
        [ $? -ne 9 ] && ok "valgrind $x" || fail "valgrind $x" "$(grep -v 'error:' "$tmp/vg" | head -5)"
    done
    # and on the hostile inputs small enough to run under it quickly,
    # answered with a PDF or with an error alike
    for name in bold-joined-5000 col-4mm label-wider-than-page lists-29-deep-in-cell rowspan-staircase \
                rowspan-row-taller-than-page heading-rows-taller-than-page word-in-two-styles chart-denormal \
                pie-thin-slice chart-long-category-names widths-nan structure-32-levels structure-chain-1500 \
                amounts-overflow columns-120 href-empty template-hatch-tiny pdfa-noncharacter \
                pie-legend-taller-than-chart; do
        pdfa=""
        grep -qx pdfa "$hostile/$name.expect" && pdfa=--pdfa
        if valgrind -q --error-exitcode=9 --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
            ./boardpress render "$hostile/$name.xml" -o "$tmp/vg-$name.pdf" $pdfa >/dev/null 2>"$tmp/vg"; [ $? -ne 9 ]; then
            ok "valgrind hostile/$name"
        else fail "valgrind hostile/$name" "$(grep -v 'warning:\|error:' "$tmp/vg" | head -5)"; fi
    done
fi

# ---- fuzzing -----------------------------------------------------------------
# The seeds are valid reports; then a short fuzz of each target, its
# FUZZ_SECONDS (60) split two thirds to the pipeline, a sixth each to
# pictures and templates (make fuzz FUZZ_TARGET=... FUZZ_SECONDS=N for
# longer). A crash that tests/fuzz/found/index does not list fails; known
# ones, and hangs (which a loaded machine can fake), are noted.
if command -v clang >/dev/null 2>&1 && \
    make -s build/fuzz build/fuzz-image build/fuzz-template build/fuzz-seeds/stamp >"$tmp/fz" 2>&1; then
    n=0 bad=""
    for s in build/fuzz-seeds/reports/*.xml tests/fuzz/seeds/*.xml; do
        n=$((n + 1))
        ./boardpress check "$s" >/dev/null 2>"$tmp/err" || bad="$bad $(basename "$s"): $(head -1 "$tmp/err")"
    done
    ./boardpress check tests/fuzz/template-report.xml --allow-outside-paths 2>"$tmp/err" || bad="$bad template-report.xml: $(head -1 "$tmp/err")"
    [ -z "$bad" ] && ok "the $n fuzz seeds and the template fuzzer's report pass check" \
        || fail "the fuzz seeds pass check" "$bad"
    # every input fuzzing ever found is replayed: a fixed bug stays fixed
    for f in tests/fuzz/found/*; do
        name=$(basename "$f")
        case "$name" in
        pipeline-*) bin=build/fuzz ;; image-*) bin=build/fuzz-image ;; template-*) bin=build/fuzz-template ;;
        *) continue ;;
        esac
        grep -q "^$name	" tests/fuzz/found/index && continue     # still open
        if timeout 120 "$bin" -timeout=20 -rss_limit_mb=2048 -malloc_limit_mb=1024 "$f" >"$tmp/replay" 2>&1; then
            ok "fuzz finding $name replays clean"
        else
            fail "fuzz finding $name replays clean" "$(grep -m2 -E 'ERROR|runtime error|^fuzz_' "$tmp/replay")"
        fi
    done
    total=${FUZZ_SECONDS:-60}
    for t in pipeline image template; do
        case $t in pipeline) secs=$((total * 2 / 3)) ;; *) secs=$((total / 6)) ;; esac
        sh tests/fuzz/fuzz.sh $t $secs check >"$tmp/fz" 2>&1; rc=$?
        runs=$(sed -n "s/^fuzz: $t [0-9]*s, \([0-9]*\) inputs.*/\1/p" "$tmp/fz")
        known=$(grep -c '^known' "$tmp/fz") slow=$(grep -c '^slow' "$tmp/fz")
        if [ $rc -eq 0 ]; then
            ok "fuzzed $t ${secs} s: ${runs:-?} inputs, nothing new ($known known, $slow slow: build/fuzz-crashes/check-$t)"
        else
            fail "fuzzing $t found something new (build/fuzz-crashes/check-$t)" \
                "$(grep -E '^NEW|^fuzz.sh|rror' "$tmp/fz" | head -3)"
        fi
    done
else
    fail "the fuzzing harnesses build" "$(tail -3 "$tmp/fz")"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
