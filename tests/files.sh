# files.sh - sourced by run.sh: the files a run opens. Named pipes that
# broken inputs in tests/bad name (git cannot hold them), and checks of
# the command line. Uses run.sh's ok, fail, bounded and $tmp.

files_pipes="tests/bad/fifo-picture.png tests/bad/fifo-template.tpl"

files_fixtures() {
    for p in $files_pipes; do rm -f "$p"; mkfifo "$p"; done
}

files_cleanup() {
    for p in $files_pipes; do rm -f "$p"; done
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
}
