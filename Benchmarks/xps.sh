#!/usr/bin/env bash
# XPS peak fitting, interphase vs lmfit 1.3.4 (+ lmfitxps 4.2.0 Shirley), side by side in one run (see
# README.md): one six-component C 1s fit with a Shirley background (mean of K fits inside one process on
# each side), and a batch of N such regions (interphase on both cores and on one; lmfit on one).
#
#   Benchmarks/xps.sh                 # K=200 single fits, N=1000 regions
#   K=50 N=200 Benchmarks/xps.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$HERE/.work"
PY="${PYTHON:-/tmp/refvenv/bin/python}"
K="${K:-200}"
N="${N:-1000}"
mkdir -p "$WORK"
RESULTS="$WORK/xps_results.txt"
: > "$RESULTS"
say() { printf '%s\n' "$*" | tee -a "$RESULTS"; }
[ -x "$PY" ] || { echo "missing Python venv $PY (pip install lmfit lmfitxps)" >&2; exit 1; }

echo "== building xps-bench (release)" >&2
swift build -c release --package-path "$HERE" --scratch-path "$HERE/.build-bench" --product xps-bench >&2
XB="$HERE/.build-bench/release/xps-bench"
BATCH="$WORK/xps_batch_$N.csv"
[ -f "$BATCH" ] || "$PY" "$HERE/generate_xps_batch.py" "$N" "$BATCH"

say "# XPS fitting benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
say "versions: $(swift --version 2>&1 | head -1); $("$PY" -c 'import sys, numpy, scipy; from importlib.metadata import version; print("Python %s, lmfit %s, lmfitxps %s, numpy %s, scipy %s" % (sys.version.split()[0], version("lmfit"), version("lmfitxps"), numpy.__version__, scipy.__version__))')"

# Interleaved pairs: interphase, lmfit, interphase, lmfit (the VM drifts; pairs share conditions).
field() { awk -F'\t' -v k="$2" '{print $k}' <<< "$1" | awk '{print $1}'; }
singles_ip=(); singles_py=(); batch_ip=(); batch_serial=(); batch_py=()
for pair in 1 2 3; do
    a=$("$XB" single "$BATCH" "$K"); b=$("$PY" "$HERE/xps_fit_bench.py" single "$BATCH" $((K / 10)))
    singles_ip+=("$(field "$a" 3)"); singles_py+=("$(field "$b" 3)")
    [ "$pair" = 1 ] && { say "$a"; say "$b"; }
done
for pair in 1 2; do
    a=$("$XB" batch "$BATCH"); c=$("$XB" batch-serial "$BATCH"); b=$("$PY" "$HERE/xps_fit_bench.py" batch "$BATCH")
    batch_ip+=("$(field "$a" 3)"); batch_serial+=("$(field "$c" 3)"); batch_py+=("$(field "$b" 3)")
    [ "$pair" = 1 ] && { say "$a"; say "$c"; say "$b"; }
done
"$PY" - "${singles_ip[*]}" "${singles_py[*]}" "${batch_ip[*]}" "${batch_serial[*]}" "${batch_py[*]}" <<'PY' | tee -a "$RESULTS"
import statistics, sys
si, sp, bi, bs, bp = ([float(x) for x in a.split()] for a in sys.argv[1:6])
print("single 6-component C 1s fit (ms, median of %d interleaved runs): interphase %.3f, lmfit %.2f -> %.0fx (goal >= 20x)" % (len(si), statistics.median(si), statistics.median(sp), statistics.median(sp) / statistics.median(si)))
print("batch of regions (s, median of %d): interphase 2 cores %.3f, 1 core %.3f, lmfit %.2f -> %.0fx (2 cores), %.0fx (1 core) (goal >= 20x)" % (len(bi), statistics.median(bi), statistics.median(bs), statistics.median(bp), statistics.median(bp) / statistics.median(bi), statistics.median(bp) / statistics.median(bs)))
PY
