# files.sh - sourced by run.sh: the files a run opens. Uses run.sh's ok,
# fail, bounded and $tmp.

files_checks() {
    d="$tmp/files"; mkdir -p "$d/sub"

    # the report itself: a folder or a pipe is named as what it is
    bounded 10 ./boardpress render tests/bad -o "$d/x.pdf" 2>"$tmp/err"; rc=$?
    [ $rc -eq 1 ] && grep -q "^tests/bad: error: the report is a directory, not a file$" "$tmp/err" \
        && ok "a folder given as the report is said to be one" || fail "a folder given as the report is said to be one" "rc=$rc $(cat "$tmp/err")"
    mkfifo "$d/pipe.xml"
    bounded 10 ./boardpress check "$d/pipe.xml" 2>"$tmp/err"; rc=$?
    [ $rc -eq 1 ] && grep -q "error: the report is a named pipe (FIFO), not a file$" "$tmp/err" \
        && ok "a pipe given as the report is refused at once" || fail "a pipe given as the report is refused at once" "rc=$rc $(cat "$tmp/err")"
}
