#!/usr/bin/env bash
# SCF (RHF and DFT), interphase vs PySCF 2.14, side by side in one run (interleaved pairs; the VM drifts):
#   Benchmarks/qc.sh       # RHF: H2O/cc-pVDZ, Li2CO3/6-31G(d,p), o-carborane/6-31G(d,p); B3LYP (99,590): H2O, o-carborane
#   CASES="Data/molecules/H2O.xyz:cc-pVDZ:5:b3lyp:(99,590)" Benchmarks/qc.sh      # xyz:basis:K[:method[:grid[:gradient]]]
#   GRADIENT=1 Benchmarks/qc.sh   # the B3LYP gradient cases: H2O and o-carborane at (99,590), SCF and gradient timed apart
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PY="${PYTHON:-/tmp/refvenv/bin/python}"
CASES="${CASES:-$ROOT/Data/molecules/H2O.xyz:cc-pVDZ:10 $ROOT/Data/molecules/Li2CO3.xyz:6-31G(d,p):2 $ROOT/Data/molecules/o-carborane.xyz:6-31G(d,p):1 $ROOT/Data/molecules/H2O.xyz:6-31G(d,p):3:b3lyp:(99,590) $ROOT/Data/molecules/o-carborane.xyz:6-31G(d,p):1:b3lyp:(99,590)}"
if [ -n "${GRADIENT:-}" ]; then
    CASES="$ROOT/Data/molecules/H2O.xyz:6-31G(d,p):2:b3lyp:(99,590):gradient $ROOT/Data/molecules/o-carborane.xyz:6-31G(d,p):1:b3lyp:(99,590):gradient"
fi
mkdir -p "$HERE/.work"
RESULTS="$HERE/.work/qc_results.txt"
: > "$RESULTS"
swift build -c release --package-path "$HERE" --scratch-path "$HERE/.build-bench" --product qc-bench >&2
QB="$HERE/.build-bench/release/qc-bench"
echo "# SCF benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; PySCF $("$PY" -c 'import pyscf; print(pyscf.__version__)')" | tee -a "$RESULTS"
for case in $CASES; do
    IFS=: read -r xyz basis k method grid gradient <<< "$case"
    method="${method:-rhf}"; grid="${grid:-level 3}"
    for pair in 1 2; do
        a=$("$QB" "$xyz" "$basis" "$k" "$method" "$grid" "${gradient:-}"); b=$("$PY" "$HERE/pyscf_scf_bench.py" "$xyz" "$basis" "$k" "$method" "$grid" "${gradient:-}")
        echo "$(basename "$xyz") $method/$basis $grid pair $pair: $a | $b" | tee -a "$RESULTS"
        "$PY" -c '
import sys
a, b = sys.argv[1].split("\t"), sys.argv[2].split("\t")
line = "  pyscf/interphase = %.2fx (SCF)" % (float(b[1].split()[0]) / float(a[1].split()[0]))
if len(a) > 5 and len(b) > 5:
    line += ", %.2fx (gradient)" % (float(b[5].split()[1]) / float(a[5].split()[1]))
print(line)' "$a" "$b" | tee -a "$RESULTS"
    done
done
