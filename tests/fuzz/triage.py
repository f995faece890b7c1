#!/usr/bin/env python3
"""triage.py - says what fuzz artifacts trigger, and which are known.

    triage.py [--quick] BINARY ARTIFACT...  replay each artifact, print its signature
    triage.py --left-out CONTROL          seeds a crash-resistant merge left out

Each artifact is run once through BINARY (a libFuzzer target; a single
allocation over 1 GB counts as running out of memory, so that its stack
shows) and named by
its signature: the kind of failure (heap-use-after-free, SEGV,
undefined-behavior, leak, timeout, oom, promise for a broken harness
check) and the engine functions on its stack. A signature matches a line
of tests/fuzz/found/index when the kinds agree and the line's function
is among the first four engine frames (any frame, for timeouts and oom,
whose stacks show wherever the loop happened to be). Prints one line per
artifact, "known" or "NEW", and exits 1 when a crash is new. Timeouts
and running out of memory are printed but never fail the run: on a
loaded machine they can be the machine's (make fuzz's longer runs find
real hangs), so they are reported for a person to judge; --quick does
not run them again at all (each would take the whole time limit).
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
INDEX = os.path.join(HERE, "found", "index")
SOFT = ("timeout", "oom")


def load_index(path=INDEX):
    """(kind, function, file, note) from tests/fuzz/found/index."""
    known = []
    if not os.path.exists(path):
        return known
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 4:
            continue
        f, target, sig, note = parts[0], parts[1], parts[2], "\t".join(parts[3:])
        kind, _, func = sig.partition(" ")
        known.append((target, kind, func.strip(), f, note))
    return known


FRAME = re.compile(r"^\s*#\d+ 0x[0-9a-f]+ in (\S+) (\S+)")


def engine_frames(lines):
    out = []
    for l in lines:
        m = FRAME.match(l)
        if m and ("/src/" in m.group(2) or "/tests/fuzz/" in m.group(2)):
            if m.group(1) != "LLVMFuzzerTestOneInput":
                out.append(m.group(1))
    return out


def signature(output):
    """(kind, frames, message) of one replay's output."""
    lines = output.split("\n")
    kind, message, start = None, "", 0
    for i, l in enumerate(lines):
        m = re.search(r"^fuzz_\w+: (.*)", l)
        if m:
            kind, message, start = "promise", m.group(1), i
            break
        if "ERROR: libFuzzer: timeout" in l:
            kind, start = "timeout", i
            break
        if "ERROR: libFuzzer: out-of-memory" in l or "ERROR: libFuzzer: fuzz target exited" in l:
            kind, start = "oom" if "memory" in l else "exit", i
            break
        if "ERROR: LeakSanitizer" in l:
            kind, start = "leak", i
            break
        if "runtime error:" in l:
            kind, message, start = "undefined-behavior", l.split("runtime error:", 1)[1].strip(), i
            break
        m = re.search(r"ERROR: AddressSanitizer: ([\w-]+)", l)
        if m:
            kind, start = m.group(1), i
            break
        if "ERROR: libFuzzer: deadly signal" in l:
            kind, start = "abort", i
            break
    if kind is None:
        return None, [], ""
    return kind, engine_frames(lines[start:]), message


def matches(target, kind, frames, message, entry):
    etarget, ekind, func, _, _ = entry
    if etarget != target or ekind != kind:
        return False
    if kind == "promise":
        return func in message
    window = frames if kind in SOFT or kind == "leak" else frames[:4]
    return func in window


def replay(binary, artifact, timeout=10):
    env = dict(os.environ, UBSAN_OPTIONS="print_stacktrace=1")
    try:
        p = subprocess.run([binary, "-timeout=%d" % timeout, "-rss_limit_mb=2048", "-malloc_limit_mb=1024", artifact], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout + 60)
        return p.stdout.decode("utf-8", "replace"), p.returncode
    except subprocess.TimeoutExpired as e:
        return ((e.stdout or b"").decode("utf-8", "replace") + "\nERROR: libFuzzer: timeout (replay)"), -1


def target_of(binary):
    name = os.path.basename(binary)
    return {"fuzz": "pipeline", "fuzz-image": "image", "fuzz-template": "template"}.get(name, name)


def left_out(control):
    """Seeds a -merge=1 -merge_control_file=CONTROL run started and never finished."""
    lines = open(control, encoding="utf-8", errors="replace").read().split("\n")
    n = int(lines[0])
    files = lines[2:2 + n]
    started, finished = [], set()
    for l in lines[2 + n:]:
        p = l.split()
        if len(p) >= 2 and p[0] == "STARTED":
            started.append(int(p[1]))
        elif len(p) >= 2 and p[0] in ("FT", "COV"):
            finished.add(int(p[1]))
    return [files[i] for i in started if i not in finished]


def main(argv):
    if len(argv) == 3 and argv[1] == "--left-out":
        for f in left_out(argv[2]):
            print(f)
        return 0
    quick = len(argv) > 1 and argv[1] == "--quick"
    if quick:
        argv = argv[:1] + argv[2:]
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    binary, artifacts = argv[1], argv[2:]
    target = target_of(binary)
    known = load_index()
    new = 0
    for a in artifacts:
        if quick and re.search(r"(^|-)(timeout|oom|slow-unit)-[0-9a-f]+$", os.path.basename(a)):
            # each replay would take the whole time limit
            print("slow      %s  (not run again: triage.py %s %s)" % (a, binary, a))
            continue
        out, rc = replay(binary, a)
        kind, frames, message = signature(out)
        if kind is None:
            print("gone      %s  (does not fail when run again)" % a)
            continue
        sig = "%s %s" % (kind, " < ".join(frames[:4]) or "(no engine frame)")
        if message:
            sig += ": " + message[:120]
        hit = next((e for e in known if matches(target, kind, frames, message, e)), None)
        if hit:
            print("known     %s  %s  [%s]" % (a, sig, hit[3]))
        elif kind in SOFT:
            print("slow      %s  %s" % (a, sig))
        else:
            print("NEW       %s  %s" % (a, sig))
            new += 1
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
