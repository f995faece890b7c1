#!/bin/sh
# same-pages.sh - a fingerprint of everything a build writes, to prove that
# a change to the code left every page as it was:
#
#     sh tests/same-pages.sh [BINARY] > before.txt
#     (change the code, make)
#     sh tests/same-pages.sh [BINARY] > after.txt && diff before.txt after.txt
#
# One line per run: the input, its options, the exit status, and SHA-256
# hashes of the PDF (or "none") and of the messages. The runs: every
# sample and every tests/good report with each supplied template and with
# --pdfa; every tests/bad report; the hostile reports of tests/hostile.py;
# the generated fuzz seeds (make fuzz-seeds), reports with the default
# template and template variants with tests/fuzz/template-report.xml.
# The date is fixed (SOURCE_DATE_EPOCH), so equal lines mean equal bytes.
set -u
cd "$(dirname "$0")/.." || exit 2
bp=$(realpath "${1:-./boardpress}")
py=$(test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1700000000

# run LABEL ARGS...: renders with ARGS (the input first), prints the line
run() {
    label=$1; shift
    rm -f "$tmp/out.pdf"
    timeout 60 "$bp" render "$@" -o "$tmp/out.pdf" >"$tmp/msg" 2>&1
    rc=$?
    if [ -f "$tmp/out.pdf" ]; then pdf=$(sha256sum <"$tmp/out.pdf" | cut -c1-16); else pdf=none; fi
    # the messages name the temporary folder, which differs every run
    msg=$(sed "s|$tmp|TMP|g" "$tmp/msg" | sha256sum | cut -c1-16)
    echo "$label rc=$rc pdf=$pdf msg=$msg"
}

for f in samples/*.xml tests/good/*.xml; do
    for t in templates/*.xml; do
        run "$f --template $(basename "$t" .xml)" "$f" --template "$(basename "$t" .xml)"
    done
    run "$f --pdfa" "$f" --pdfa
done
for f in tests/bad/*.xml; do
    [ -f "$f" ] && run "$f" "$f"
done
$py tests/hostile.py "$tmp/hostile" >/dev/null
for f in "$tmp"/hostile/*.xml; do
    name=$(basename "$f" .xml)
    pdfa=
    grep -qx pdfa "$tmp/hostile/$name.expect" && pdfa=--pdfa
    run "hostile/$name" "$f" $pdfa
done
if [ -d build/fuzz-seeds/reports ]; then
    for f in build/fuzz-seeds/reports/*.xml; do run "$f" "$f"; done
    # the variants name their fonts as the supplied templates do
    # (../fonts/), so they are read from a folder beside a link to them
    mkdir -p "$tmp/tpl"
    ln -s "$PWD/fonts" "$tmp/fonts"
    for t in build/fuzz-seeds/templates/*.xml; do
        cp "$t" "$tmp/tpl/"
        run "template $t" tests/fuzz/template-report.xml --template "$tmp/tpl/$(basename "$t")" \
            --allow-outside-paths
    done
else
    echo "same-pages.sh: no generated seeds (make fuzz-seeds): left out" >&2
fi
