# files.sh - sourced by run.sh: the files a run opens and the one it
# writes. Named pipes that broken inputs in tests/bad name (git cannot
# hold them), and checks of the command line: a picture named eight
# ways, -o onto links, devices, pipes and the report itself, a run
# killed while it saves, a full disk, SOURCE_DATE_EPOCH out of range.
# Uses run.sh's ok, fail, bounded and $tmp.

files_pipes="tests/bad/fifo-picture.png tests/bad/fifo-template.tpl"

files_fixtures() {
    for p in $files_pipes; do rm -f "$p"; mkfifo "$p"; done
}

files_cleanup() {
    for p in $files_pipes; do rm -f "$p"; done
}

# A PNG of $2 x $3 pixels at $1: one colour (tiny, a decompression bomb
# at full size) or noise (large, slow to compress).
files_png() {
    python3 - "$@" <<'EOF'
import os, struct, sys, zlib
path, w, h, kind = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
if kind == 'noise':
    data = zlib.compress(b''.join(b'\0' + os.urandom(w * 3) for _ in range(h)), 1)
else:
    c = zlib.compressobj(9)
    row = b'\0' + bytes(w * 3)
    data = b''.join(c.compress(row) for _ in range(h)) + c.flush()
open(path, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
                       + chunk(b'IDAT', data) + chunk(b'IEND', b''))
EOF
}

# A report at $1 placing the pictures named by the other arguments.
files_report() {
    r=$1; shift
    { echo '<?xml version="1.0"?>'; echo '<report><meta><board>B</board><title>T</title></meta>'
      for s in "$@"; do echo "<image src=\"$s\" alt=\"A picture\"/>"; done
      echo '</report>'; } > "$r"
}

files_checks() {
    d="$tmp/files"; mkdir -p "$d/sub"

    # one picture named eight ways is decoded once: 40 million pixels in
    # a 117 KB file would take 1.9 GB decoded eight times
    files_png "$d/big.png" 8000 5000 solid
    files_report "$d/bomb.xml" big.png ./big.png .//big.png ././big.png sub/../big.png \
        sub/./../big.png sub//../big.png ./sub/../big.png
    bounded 10 ./boardpress render "$d/bomb.xml" -o "$d/bomb.pdf" 2>"$tmp/err"; rc=$?
    n=$(pdfimages -list "$d/bomb.pdf" 2>/dev/null | grep -c ' image ')
    [ $rc -eq 0 ] && [ "$n" -eq 8 ] && ok "a picture named eight ways is decoded once (8 placed, within 10 s and 600 MB)" \
        || fail "a picture named eight ways is decoded once" "rc=$rc images=$n $(head -1 "$tmp/err")"

    # a link inside the folder that stays inside is followed
    cp tests/good/images/logo-rgba.png "$d/logo.png"; ln -s logo.png "$d/inside.png"
    files_report "$d/inside.xml" inside.png
    ./boardpress render "$d/inside.xml" -o "$d/inside.pdf" 2>"$tmp/err" \
        && ok "a link that stays inside the report's folder is followed" \
        || fail "a link that stays inside the report's folder is followed" "$(head -1 "$tmp/err")"

    # --allow-outside-paths lets files lie anywhere, but only files
    files_report "$d/dev.xml" /dev/zero
    bounded 10 ./boardpress render "$d/dev.xml" -o "$d/dev.pdf" --allow-outside-paths 2>"$tmp/err"; rc=$?
    [ $rc -eq 1 ] && grep -q "^$d/dev.xml:3:1: error: <image> src '/dev/zero' is a character device, not a file$" "$tmp/err" \
        && ok "a device is no picture, even with --allow-outside-paths" \
        || fail "a device is no picture, even with --allow-outside-paths" "rc=$rc $(head -1 "$tmp/err")"

    # the report itself: a folder or a pipe is named as what it is
    bounded 10 ./boardpress render tests/bad -o "$d/x.pdf" 2>"$tmp/err"; rc=$?
    [ $rc -eq 1 ] && grep -q "^tests/bad: error: the report is a directory, not a file$" "$tmp/err" \
        && ok "a folder given as the report is said to be one" || fail "a folder given as the report is said to be one" "rc=$rc $(cat "$tmp/err")"
    mkfifo "$d/pipe.xml"
    bounded 10 ./boardpress check "$d/pipe.xml" 2>"$tmp/err"; rc=$?
    [ $rc -eq 1 ] && grep -q "error: the report is a named pipe (FIFO), not a file$" "$tmp/err" \
        && ok "a pipe given as the report is refused at once" || fail "a pipe given as the report is refused at once" "rc=$rc $(cat "$tmp/err")"

    # -o never replaces a link, a pipe, a device or the report itself
    cp tests/good/structure.xml "$d/r.xml"; sum=$(cksum < "$d/r.xml")
    printf 'previous' > "$d/target.pdf"; ln -s target.pdf "$d/link.pdf"
    ./boardpress render "$d/r.xml" -o "$d/link.pdf" 2>"$tmp/err"; rc=$?
    [ $rc -eq 1 ] && [ -L "$d/link.pdf" ] && [ "$(cat "$d/target.pdf")" = previous ] \
        && grep -q "^$d/link.pdf: error: the output is a symbolic link" "$tmp/err" \
        && ok "-o onto a symbolic link is refused; the link and its file stay" || fail "-o onto a symbolic link is refused" "rc=$rc $(cat "$tmp/err")"
    mkfifo "$d/out.fifo"
    ./boardpress render "$d/r.xml" -o "$d/out.fifo" 2>"$tmp/err"; rc=$?
    [ $rc -eq 1 ] && [ -p "$d/out.fifo" ] && grep -q "error: the output is a named pipe (FIFO), which a PDF must not replace" "$tmp/err" \
        && ok "-o onto a named pipe is refused; the pipe stays" || fail "-o onto a named pipe is refused" "rc=$rc $(cat "$tmp/err")"
    if mknod "$d/null" c 1 3 2>/dev/null; then
        ./boardpress render "$d/r.xml" -o "$d/null" 2>"$tmp/err"; rc=$?
        [ $rc -eq 1 ] && [ -c "$d/null" ] && grep -q "error: the output is a character device" "$tmp/err" \
            && ok "-o onto a device is refused; the device stays" || fail "-o onto a device is refused" "rc=$rc $(cat "$tmp/err")"
    fi
    for o in "$d/./r.xml" "$d/sub/../r.xml" "$d/hard.pdf"; do
        cp tests/good/structure.xml "$d/r.xml"; rm -f "$d/hard.pdf"; ln "$d/r.xml" "$d/hard.pdf"
        ./boardpress render "$d/r.xml" -o "$o" 2>"$tmp/err"; rc=$?
        [ $rc -eq 1 ] && [ "$(cksum < "$d/r.xml")" = "$sum" ] && grep -q "error: the output is the report itself" "$tmp/err" \
            && ok "-o ${o#"$d"/} (the report itself) is refused" || fail "-o ${o#"$d"/} (the report itself) is refused" "rc=$rc $(cat "$tmp/err")"
    done

    # a run killed while it saves leaves no temporary file: a large
    # noisy picture makes the save long enough to be caught in it
    files_png "$d/noise.png" 2500 2500 noise
    files_report "$d/slow.xml" noise.png
    for sig in TERM HUP; do
        rm -f "$d/slow.pdf"
        ./boardpress render "$d/slow.xml" -o "$d/slow.pdf" 2>/dev/null & pid=$!
        i=0
        while [ $i -lt 100000 ]; do
            set -- "$d"/.slow.pdf.*
            [ -e "$1" ] && break
            i=$((i + 1))
        done
        kill -"$sig" $pid 2>/dev/null
        wait $pid 2>/dev/null; rc=$?
        left=$(ls -A "$d" | grep '^\.slow' | tr '\n' ' ')
        [ $rc -gt 128 ] && [ -z "$left" ] && [ ! -e "$d/slow.pdf" ] \
            && ok "SIG$sig while saving removes the temporary file" || fail "SIG$sig while saving removes the temporary file" "rc=$rc left: $left"
    done

    # a full disk says why; a short write is no success
    ( trap '' XFSZ; ulimit -f 8; ./boardpress render samples/kscb-annual-report-2013.xml -o "$d/full.pdf" ) 2>"$tmp/err"; rc=$?
    left=$(ls -A "$d" | grep '^\.full' | tr '\n' ' ')
    [ $rc -eq 1 ] && [ ! -e "$d/full.pdf" ] && [ -z "$left" ] && grep -q "^$d/full.pdf: error: cannot write the output: File too large$" "$tmp/err" \
        && ok "a write cut short says why, and leaves nothing" || fail "a write cut short says why, and leaves nothing" "rc=$rc left: $left $(tail -1 "$tmp/err")"
    mkdir -p "$d/small"; : > "$tmp/err"; : > "$tmp/left"
    if unshare -m sh -c "mount -t tmpfs -o size=64k tmpfs '$d/small' && ./boardpress render samples/kscb-annual-report-2013.xml -o '$d/small/x.pdf' 2>'$tmp/err'; r=\$?; ls -A '$d/small' > '$tmp/left'; exit \$r" 2>/dev/null; then
        fail "a full disk is an error" "it rendered"
    elif [ -s "$tmp/err" ]; then
        grep -q "error: cannot write the output: No space left on device$" "$tmp/err" && [ ! -s "$tmp/left" ] \
            && ok "a full disk says so, and leaves nothing" || fail "a full disk says so, and leaves nothing" "$(tail -1 "$tmp/err") $(cat "$tmp/left")"
    else
        echo "note a full disk: no tmpfs could be mounted here, not tested"
    fi

    # SOURCE_DATE_EPOCH: the last second of 9999 is written as such in
    # both places; beyond it, or not a number, it is said once and ignored
    SOURCE_DATE_EPOCH=253402300799 ./boardpress render samples/kscb-annual-report-2013.xml -o "$d/d1.pdf" --pdfa 2>/dev/null
    info=$(pdfinfo -isodates "$d/d1.pdf" 2>/dev/null | sed -n 's/^CreationDate: *//p')
    xmp=$(grep -a -o '<xmp:CreateDate>[^<]*' "$d/d1.pdf" | sed 's/.*>//')
    [ "$info" = 9999-12-31T23:59:59Z ] && [ "$xmp" = 9999-12-31T23:59:59Z ] \
        && ok "SOURCE_DATE_EPOCH at the end of 9999 is written alike in the information and the XMP" \
        || fail "SOURCE_DATE_EPOCH at the end of 9999" "info=$info xmp=$xmp"
    files_report "$d/undated.xml"
    for v in 253402300800 -1 1e9 12x; do
        SOURCE_DATE_EPOCH=$v ./boardpress render "$d/undated.xml" -o "$d/d2.pdf" --pdfa 2>"$tmp/err"; rc=$?
        if [ $rc -eq 0 ] && [ "$(grep -c "^boardpress: warning: SOURCE_DATE_EPOCH '$v' is not a whole number of seconds from 1970 to the end of 9999; it is ignored, and the PDF carries no date$" "$tmp/err")" -eq 1 ] \
            && [ "$(wc -l < "$tmp/err")" -eq 1 ] && ! pdfinfo "$d/d2.pdf" | grep -q "^CreationDate" && ! grep -aq '<xmp:CreateDate>' "$d/d2.pdf"; then
            ok "SOURCE_DATE_EPOCH=$v is warned of once and ignored"
        else
            fail "SOURCE_DATE_EPOCH=$v is warned of once and ignored" "rc=$rc $(cat "$tmp/err")"
        fi
    done
    SOURCE_DATE_EPOCH=nonsense ./boardpress render samples/kent-scb-overview-2011.xml -o "$d/d3.pdf" 2>"$tmp/err"
    grep -q "it is ignored, and the PDF carries the report's own date$" "$tmp/err" \
        && pdfinfo -isodates "$d/d3.pdf" | grep -q "^CreationDate: *2011-10-19T00:00:00Z" \
        && ok "an ignored SOURCE_DATE_EPOCH leaves the report's own date" || fail "an ignored SOURCE_DATE_EPOCH leaves the report's own date" "$(cat "$tmp/err")"
}
