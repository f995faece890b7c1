#!/bin/sh
# deps.sh - installs the Debian packages boardpress builds and tests with,
# only those missing, so that a second run never touches the network.
set -eu
need="gcc make clang libclang-rt-14-dev libc6-dev libhpdf-dev libxml2-dev zlib1g-dev libhyphen-dev hyphen-en-gb libpng-dev colord-data poppler-utils qpdf python3 python3-pil python3-pikepdf python3-fonttools valgrind"
missing=""
for p in $need; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
