#!/bin/sh
# fuzz.sh - runs one fuzz target for a while (make fuzz calls it):
#
#     sh tests/fuzz/fuzz.sh TARGET SECONDS [stop|all|check]
#
# TARGET is pipeline (build/fuzz: a report, parsed, checked, laid out and
# rendered), image (build/fuzz-image: a PNG or JPEG) or template
# (build/fuzz-template: a template, then a report laid out with it).
#
# The corpus, build/fuzz-corpus/TARGET, starts from the generated seeds
# (make fuzz-seeds), the samples and the test inputs: the first run tries
# every seed once in a crash-resistant merge and leaves out those that
# crash or take over 3 s (listed in build/fuzz-corpus/TARGET.left-out,
# their artifacts build/fuzz-crashes/TARGET-seed-*). It is made again
# when the seeds change; delete it to start over.
#
# stop (the default): libFuzzer stops at the first crash, hang, leak or
#   sanitizer report; its input is build/fuzz-crashes/TARGET-*, and
#   tests/fuzz/triage.py says what it triggers and whether
#   tests/fuzz/found/index knows it.
# all (make fuzz FUZZ_ALL=1): keeps going past crashes (libFuzzer's
#   -fork=1), then says what every artifact in
#   build/fuzz-crashes/TARGET-all/ triggers.
# check (make check): as all, in build/fuzz-crashes/check-TARGET/, from
#   the seeds alone (build/fuzz-corpus/TARGET.base), and fails when a
#   crash is not in tests/fuzz/found/index.
#
# Every run: -timeout=10 -rss_limit_mb=2048, the target's dictionary;
# FUZZ_ARGS adds libFuzzer options (say -detect_leaks=0). Reports and
# templates are mutated as XML trees too (tests/fuzz/xml_mutator.c);
# FUZZ_XML_MUTATOR=0 leaves every mutation to libFuzzer's byte mutators.
set -u
cd "$(dirname "$0")/../.." || exit 2
target=${1:-pipeline}
secs=${2:-60}
mode=${3:-stop}
py=$(test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
case "$target" in
pipeline) bin=build/fuzz dict=tests/fuzz/report.dict ;;
image) bin=build/fuzz-image dict=tests/fuzz/image.dict ;;
template) bin=build/fuzz-template dict=tests/fuzz/template.dict ;;
*) echo "fuzz.sh: FUZZ_TARGET is pipeline, image or template, not '$target'" >&2; exit 2 ;;
esac
for f in "$bin" build/fuzz-seeds/stamp; do
    [ -e "$f" ] || { echo "fuzz.sh: $f is missing: make $f" >&2; exit 2; }
done
corpus=build/fuzz-corpus/$target
crashes=build/fuzz-crashes
mkdir -p "$crashes"

# The seeds of each target: generated, then the project's own inputs;
# regular files only (the suite makes named pipes among the bad inputs,
# which cp would wait on for ever).
seeds() {
    case "$target" in
    pipeline) find build/fuzz-seeds/reports -maxdepth 1 -type f -name '*.xml'
              find samples tests/good tests/bad tests/fuzz/seeds -maxdepth 1 -type f -name '*.xml' -size -1024k
              echo tests/fuzz/template-report.xml ;;
    image)    find build/fuzz-seeds/reports/images tests/good/images -type f
              find tests/bad tests/fuzz/seeds -maxdepth 1 -type f \( -name '*.png' -o -name '*.jpg' \) ;;
    template) find build/fuzz-seeds/templates -type f -name '*.xml' ;;
    esac
}

if [ ! -f "$corpus.merged" ] || [ ! -d "$corpus.base" ] || [ build/fuzz-seeds/stamp -nt "$corpus.merged" ]; then
    rm -rf "$corpus" "$corpus.seeds" "$corpus.base"
    mkdir -p "$corpus" "$corpus.seeds"
    seeds | while read -r f; do cp "$f" "$corpus.seeds/"; done
    n=$(ls "$corpus.seeds" | wc -l)
    echo "fuzz: trying the $n seeds of $target once (a crash-resistant merge)"
    rm -f "$crashes/$target-seed-"*
    "$bin" -merge=1 -timeout=3 -rss_limit_mb=2048 -merge_control_file="$corpus.control" \
        -artifact_prefix="$crashes/$target-seed-" "$corpus" "$corpus.seeds" >"build/fuzz-$target-merge.log" 2>&1
    "$py" tests/fuzz/triage.py --left-out "$corpus.control" | sed 's|.*/||' >"$corpus.left-out"
    rm -rf "$corpus.seeds" "$corpus.control"
    cp -r "$corpus" "$corpus.base"
    echo "fuzz: $(ls "$corpus" | wc -l) of them in $corpus; $(wc -l <"$corpus.left-out") left out" \
         "(they crash or take over 3 s: $corpus.left-out, $crashes/$target-seed-*)"
    touch "$corpus.merged"
fi

common="-timeout=10 -rss_limit_mb=2048 -dict=$dict -max_total_time=$secs"
log=build/fuzz-$target.log
if [ "$mode" = stop ]; then
    # shellcheck disable=SC2086
    "$bin" $common -artifact_prefix="$crashes/$target-" -print_final_stats=1 ${FUZZ_ARGS:-} \
        "$corpus" 2>"$log"
    rc=$?
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)|^#[0-9]+ *DONE' "$log"
    if [ $rc -ne 0 ]; then
        grep -E 'ERROR|SUMMARY|runtime error|^fuzz_' "$log" | head -3
        art=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
        [ -n "$art" ] && "$py" tests/fuzz/triage.py "$bin" "$art"
        echo "fuzz: the whole report is in $log"
    fi
    exit $rc
fi

dir=$crashes/$target-all
corpora=$corpus
if [ "$mode" = check ]; then
    # from the seeds alone (make fuzz's corpus grows, and every run
    # starts by running all of it), keeping nothing it finds
    dir=$crashes/check-$target
    rm -rf "$dir.corpus"
    mkdir -p "$dir.corpus"
    corpora="$dir.corpus $corpus.base"
fi
rm -rf "$dir"
mkdir -p "$dir"
# shellcheck disable=SC2086
"$bin" $common -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -artifact_prefix="$dir/" ${FUZZ_ARGS:-} $corpora 2>"$log"
last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -1)
execs=$(echo "$last" | sed -n 's/^#\([0-9]*\):.*/\1/p')
echo "fuzz: $target ${secs}s, ${execs:-0} inputs: $last"
# a seed that crashed when the corpus was made is a finding too (it was
# left out of the corpus, so the run above never met it)
seeds_crashed=$(ls -d "$crashes/$target-seed-"crash-* "$crashes/$target-seed-"leak-* 2>/dev/null)
n=$(( $(ls "$dir" | wc -l) + $(echo "$seeds_crashed" | grep -c .) ))
[ "$n" -eq 0 ] && { echo "fuzz: nothing found"; exit 0; }
echo "fuzz: $n artifacts in $dir${seeds_crashed:+ and among the seeds}"
quick=""
[ "$mode" = check ] && quick=--quick
# shellcheck disable=SC2046
"$py" tests/fuzz/triage.py $quick "$bin" $(ls -d "$dir"/* 2>/dev/null) $seeds_crashed
