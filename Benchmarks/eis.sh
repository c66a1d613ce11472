#!/usr/bin/env bash
# Impedance fitting, interphase vs impedance.py 1.7.1, side by side in one run (see README.md):
# one fit of the tutorial circuit (mean of K fits inside one process on each side), and a batch of
# N spectra (every fit seeded by the previous; interphase on both cores and on one).
#
#   Benchmarks/eis.sh                 # K=200 single fits, N=1000 spectra
#   K=50 N=200 Benchmarks/eis.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
WORK="$HERE/.work"
PY="${PYTHON:-/tmp/refvenv/bin/python}"
K="${K:-200}"
N="${N:-1000}"
mkdir -p "$WORK"
RESULTS="$WORK/eis_results.txt"
: > "$RESULTS"
say() { printf '%s\n' "$*" | tee -a "$RESULTS"; }
[ -x "$PY" ] || { echo "missing Python venv $PY (pip install impedance==1.7.1)" >&2; exit 1; }

echo "== building eis-bench (release)" >&2
swift build -c release --package-path "$HERE" --scratch-path "$HERE/.build-bench" --product eis-bench >&2
EB="$HERE/.build-bench/release/eis-bench"
BATCH="$WORK/impedance_batch_$N.csv"
[ -f "$BATCH" ] || "$PY" "$HERE/generate_impedance_batch.py" "$N" "$BATCH"
CIRCUIT='R0-p(R1,CPE1)-W1'

say "# Impedance fitting benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
say "versions: $(swift --version 2>&1 | head -1); $("$PY" -c 'import sys, numpy, scipy; from importlib.metadata import version; print("Python %s, impedance %s, numpy %s, scipy %s" % (sys.version.split()[0], version("impedance"), numpy.__version__, scipy.__version__))')"

# Interleaved: interphase, impedance.py, interphase, impedance.py (the VM drifts; pairs share conditions).
field() { awk -F'\t' -v k="$2" '{print $k}' <<< "$1" | awk '{print $1}'; }
singles_ip=(); singles_py=(); batch_ip=(); batch_py=(); batch_serial=()
for pair in 1 2 3; do
    a=$("$EB" single "$K"); b=$("$PY" "$HERE/impedance_fit_bench.py" single $((K / 4)))
    singles_ip+=("$(field "$a" 3)"); singles_py+=("$(field "$b" 3)")
    [ "$pair" = 1 ] && { say "$a"; say "$b"; }
done
# impedance.py needs a first guess: interphase's fit of sweep 1 from its automatic guess (so impedance.py's
# first fit starts at the optimum; every later one is seeded by the previous on both sides).
GUESS=$("$EB" first "$BATCH" "$CIRCUIT")
for pair in 1 2; do
    a=$("$EB" batch "$BATCH" "$CIRCUIT"); c=$("$EB" batch-serial "$BATCH" "$CIRCUIT")
    b=$("$PY" "$HERE/impedance_fit_bench.py" batch "$BATCH" "$CIRCUIT" 71 "$GUESS")
    batch_ip+=("$(field "$a" 3)"); batch_serial+=("$(field "$c" 3)"); batch_py+=("$(field "$b" 3)")
    [ "$pair" = 1 ] && { say "$a"; say "$c"; say "$b"; }
done
DRTFILE="$ROOT/Data/impedance/drt/LIB_data.txt"
drt_ip=(); drt_py=()
for pair in 1 2; do
    a=$("$EB" drt "$DRTFILE" 20); b=$("$PY" "$HERE/impedance_fit_bench.py" drt "$DRTFILE" 3)
    drt_ip+=("$(field "$a" 3)"); drt_py+=("$(field "$b" 3)")
    [ "$pair" = 1 ] && { say "$a"; say "$b"; }
done
"$PY" -c 'import sys, statistics as s; a=[float(x) for x in sys.argv[1].split()]; b=[float(x) for x in sys.argv[2].split()]; print("DRT of LIB_data.txt (107 points, lambda 1e-3; s per DRT, median of %d pairs): interphase %.4f, pyDRTtools %.4f -> %.0fx" % (len(a), s.median(a), s.median(b), s.median(b) / s.median(a)))' "${drt_ip[*]}" "${drt_py[*]}" | tee -a "$RESULTS"
"$PY" - "${singles_ip[*]}" "${singles_py[*]}" "${batch_ip[*]}" "${batch_serial[*]}" "${batch_py[*]}" <<'PY' | tee -a "$RESULTS"
import statistics, sys
si, sp, bi, bs, bp = ([float(x) for x in a.split()] for a in sys.argv[1:6])
print("single fit (ms, median of %d interleaved runs): interphase %.3f, impedance.py %.2f -> %.0fx (goal >= 20x)" % (len(si), statistics.median(si), statistics.median(sp), statistics.median(sp) / statistics.median(si)))
print("batch of spectra (s, median of %d): interphase 2 cores %.3f, 1 core %.3f, impedance.py %.2f -> %.0fx (2 cores), %.0fx (1 core) (goal >= 20x)" % (len(bi), statistics.median(bi), statistics.median(bs), statistics.median(bp), statistics.median(bp) / statistics.median(bi), statistics.median(bp) / statistics.median(bs)))
PY
