#!/usr/bin/env bash
# Side-by-side speed and memory benchmarks: interphase vs pandas (CSV read + per-cycle table) and
# interphase vs galvani (BioLogic .mpr reading). See README.md.
#
#   Benchmarks/run.sh              # everything (~1-2 min on 2 cores once built and the CSVs exist)
#   QUICK=1 Benchmarks/run.sh      # 1M rows only, fewer runs
#
# Environment: PYTHON (default /tmp/refvenv/bin/python), MPR_K (reads per .mpr file, default 200),
# PAIRS (interleaved interphase/pandas pairs per CSV size, default 10).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
WORK="$HERE/.work"
PY="${PYTHON:-/tmp/refvenv/bin/python}"
MPR_K="${MPR_K:-200}"
PAIRS="${PAIRS:-10}"
QUICK="${QUICK:-0}"
mkdir -p "$WORK"
RESULTS="$WORK/results.txt"
: > "$RESULTS"

say() { printf '%s\n' "$*" | tee -a "$RESULTS"; }

for tool in hyperfine /usr/bin/time swift; do
    command -v "$tool" > /dev/null || { echo "missing: $tool (apt-get install hyperfine time)" >&2; exit 1; }
done
[ -x "$PY" ] || { echo "missing Python venv $PY (see README.md)" >&2; exit 1; }

# --- build -------------------------------------------------------------------------------------------
echo "== building (release)" >&2
(cd "$ROOT" && swift build -c release --product interphase --scratch-path .build-bench >&2)
swift build -c release --package-path "$HERE" --scratch-path "$HERE/.build-bench" >&2
IP="$ROOT/.build-bench/release/interphase"
MPRB="$HERE/.build-bench/release/mpr-bench"

# --- data --------------------------------------------------------------------------------------------
SIZES=(1000000 10000000)
[ "$QUICK" = 1 ] && SIZES=(1000000)
for n in "${SIZES[@]}"; do
    f="$WORK/cycler_$((n / 1000000))M.csv"
    [ -f "$f" ] || { echo "== generating $f" >&2; "$PY" "$HERE/generate_cycler_csv.py" "$n" "$f"; }
done

say "# Interphase benchmarks — $(date -u '+%Y-%m-%d %H:%M UTC')"
say "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB RAM"
say "versions: $(swift --version 2>&1 | head -1); $("$PY" -c 'import sys, pandas, numpy, galvani; from importlib.metadata import version; print("Python %s, pandas %s, numpy %s, galvani %s" % (sys.version.split()[0], pandas.__version__, numpy.__version__, version("galvani")))'); $(hyperfine --version)"
say ""

# mean and stddev (s) of command NAME in a hyperfine JSON export
hf() { "$PY" -c 'import json,sys; r={x["command"]:x for x in json.load(open(sys.argv[1]))["results"]}[sys.argv[2]]; print("%.3f %.3f %.3f" % (r["mean"], r["stddev"] or 0, r["user"] + r["system"]))' "$1" "$2"; }
# peak RSS (MiB) of a command
rss() { /usr/bin/time -f '%M' -o "$WORK/rss.tmp" "$@" > /dev/null 2>&1; awk '{printf "%.1f", $1 / 1024}' "$WORK/rss.tmp"; }

SUMMARY=()

# Fixed start-up cost of each side (process start, dynamic loading, imports), for reading the ratios.
hyperfine --warmup 1 --runs 5 --style basic --export-json "$WORK/hf_startup.json" \
    -n "interphase --help" "$IP --help" \
    -n "python -c 'import pandas'" "$PY -c 'import pandas'" > /dev/null 2>&1
read -r su_ip _ <<< "$(hf "$WORK/hf_startup.json" "interphase --help")"
read -r su_pd _ <<< "$(hf "$WORK/hf_startup.json" "python -c 'import pandas'")"
say "start-up: interphase --help ${su_ip} s, python -c 'import pandas' ${su_pd} s"
say ""

# --- CSV: interphase cycling vs pandas ---------------------------------------------------------------
for n in "${SIZES[@]}"; do
    label="$((n / 1000000))M"
    f="$WORK/cycler_$label.csv"
    runs=5; [ "$n" -ge 10000000 ] && runs=3
    [ "$QUICK" = 1 ] && runs=3
    rows=$(($(wc -l < "$f") - 1))
    ncols=$(head -1 "$f" | tr ',' '\n' | wc -l)
    colbytes=$((rows * 8 * ncols))
    say "## CSV, $label rows ($(du -m "$f" | cut -f1) MB, $rows rows x $ncols numeric columns)"
    hyperfine --warmup 1 --runs "$runs" --style basic --export-json "$WORK/hf_$label.json" \
        -n interphase "$IP cycling $f --cell full --format csv --quiet" \
        -n pandas "$PY $HERE/pandas_cycling.py $f" 2>&1 | tee -a "$RESULTS" >&2
    read -r t_ip sd_ip cpu_ip <<< "$(hf "$WORK/hf_$label.json" interphase)"
    read -r t_pd sd_pd cpu_pd <<< "$(hf "$WORK/hf_$label.json" pandas)"
    rss_ip=$(rss "$IP" cycling "$f" --cell full --format csv --quiet)
    rss_pd=$(rss "$PY" "$HERE/pandas_cycling.py" "$f")
    colmib=$(awk -v b="$colbytes" 'BEGIN{printf "%.1f", b / 1048576}')
    speed=$(awk -v a="$t_pd" -v b="$t_ip" 'BEGIN{printf "%.2f", a / b}')
    ratio_ip=$(awk -v a="$rss_ip" -v b="$colmib" 'BEGIN{printf "%.2f", a / b}')
    ratio_pd=$(awk -v a="$rss_pd" -v b="$colmib" 'BEGIN{printf "%.2f", a / b}')
    say "interphase ${t_ip} ± ${sd_ip} s, pandas ${t_pd} ± ${sd_pd} s -> pandas/interphase = ${speed}x (goal >= 3x)"
    # The same two commands alternated, pair by pair (the VM's speed drifts between hyperfine's blocks).
    read -r p_ip p_pd p_ratio p_min p_max <<< "$("$PY" "$HERE/interleaved.py" "$PAIRS" \
        "$IP cycling $f --cell full --format csv --quiet" "$PY $HERE/pandas_cycling.py $f")"
    say "interleaved, $PAIRS pairs: interphase median ${p_ip} s, pandas median ${p_pd} s -> pandas/interphase per pair: median ${p_ratio}x (range ${p_min}-${p_max}x)"
    say "CPU time (user + sys): interphase ${cpu_ip} s, pandas ${cpu_pd} s -> $(awk -v a="$cpu_pd" -v b="$cpu_ip" 'BEGIN{printf "%.2f", a / b}')x"
    # Same numbers on both sides (the work compared is the same work).
    "$IP" cycling "$f" --cell full --format csv --quiet > "$WORK/table_ip_$label.csv"
    "$PY" "$HERE/pandas_cycling.py" "$f" > "$WORK/table_pd_$label.csv" 2> /dev/null
    say "tables: $("$PY" "$HERE/compare_tables.py" "$WORK/table_ip_$label.csv" "$WORK/table_pd_$label.csv" | tail -1)"
    say "peak RSS: interphase ${rss_ip} MiB, pandas ${rss_pd} MiB; column bytes ${colmib} MiB ($rows x 8 B x $ncols)"
    say "RSS / column bytes: interphase ${ratio_ip} (goal <= 2), pandas ${ratio_pd}"
    # What --out adds (figures as SVG + PNG, cycles.csv, dqdv.csv, summary.json) to the same run.
    read -r o_plain o_out o_ratio o_min o_max <<< "$("$PY" "$HERE/interleaved.py" "$PAIRS" \
        "$IP cycling $f --cell full --format csv --quiet" "$IP cycling $f --cell full --format csv --quiet --out $WORK/out_$label")"
    say "--out (figures + files), interleaved: ${o_plain} s without, ${o_out} s with -> with/without per pair: median ${o_ratio} (range ${o_min}-${o_max}; goal for the figures <= 1.10)"
    say ""
    SUMMARY+=("$(printf '%-22s %10s %10s %8sx %11s %11s %11s %8s' "CSV $label cycling" "$t_ip" "$t_pd" "$speed" "$rss_ip" "$rss_pd" "$colmib" "$ratio_ip")")
    SUMMARY+=("$(printf '%-22s %10s %10s %8sx %11s %11s %11s %8s' "  interleaved medians" "$p_ip" "$p_pd" "$p_ratio" "-" "-" "-" "-")")
done

# --- .mpr: interphase (RecordingLoader.load) vs galvani ----------------------------------------------
mapfile -t MPRS < <(ls "$ROOT"/Data/cycler/biologic_mpr/*.mpr "$ROOT"/Data/cycler/lithium_metal/*.mpr)
say "## BioLogic .mpr: ${#MPRS[@]} bundled files, each read $MPR_K times in one process"
"$MPRB" "$MPR_K" "${MPRS[@]}" > "$WORK/mpr_interphase.tsv"
"$PY" "$HERE/galvani_read.py" "$MPR_K" "${MPRS[@]}" > "$WORK/mpr_galvani.tsv"
"$PY" - "$WORK/mpr_interphase.tsv" "$WORK/mpr_galvani.tsv" <<'EOF' | tee -a "$RESULTS"
import os, sys
def load(p):
    out = {}
    for line in open(p):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 5 and f[1].endswith(" ms"):
            out[f[4]] = (float(f[1][:-3]), f[2], f[3])
        elif len(f) >= 3 and f[1] == "FAILED":
            out[f[2]] = None
    return out
ip, gv = load(sys.argv[1]), load(sys.argv[2])
print(f"{'file':58s} {'rows':>6s} {'interphase ms':>14s} {'galvani ms':>11s} {'ratio':>6s}")
both_ip = both_gv = 0.0
for path in ip:
    a, b = ip[path], gv.get(path)
    name = os.path.basename(path)[-58:]
    if a is None or b is None:
        print(f"{name:58s} {'':>6s} {'failed' if a is None else f'{a[0]:.3f}':>14s} {'failed' if b is None else f'{b[0]:.3f}':>11s}")
        continue
    both_ip += a[0]; both_gv += b[0]
    print(f"{name:58s} {a[1].split()[0]:>6s} {a[0]:14.3f} {b[0]:11.3f} {b[0] / a[0]:5.1f}x")
print(f"{'sum over files both read':58s} {'':>6s} {both_ip:14.3f} {both_gv:11.3f} {both_gv / both_ip:5.1f}x")
open(os.path.join(os.path.dirname(sys.argv[1]), "mpr_sum.txt"), "w").write(f"{both_ip:.3f} {both_gv:.3f} {both_gv / both_ip:.2f}\n")
EOF
read -r mpr_ip mpr_gv mpr_ratio < "$WORK/mpr_sum.txt"
# Whole commands: the K-reads loops above (start-up included), and one plain `interphase read` per file
# against one Python process reading each file once.
hyperfine --warmup 1 --runs 3 --style basic --export-json "$WORK/hf_mpr.json" \
    -n "interphase x$MPR_K" "$MPRB $MPR_K ${MPRS[*]}" \
    -n "galvani x$MPR_K" "$PY $HERE/galvani_read.py $MPR_K ${MPRS[*]}" \
    -n "interphase read (1 process per file)" "for f in ${MPRS[*]}; do $IP read \$f --format json --quiet; done" \
    -n "galvani (1 process, each file once)" "$PY $HERE/galvani_read.py 0 ${MPRS[*]}" 2>&1 | tee -a "$RESULTS" >&2
read -r w_ip _ <<< "$(hf "$WORK/hf_mpr.json" "interphase x$MPR_K")"
read -r w_gv _ <<< "$(hf "$WORK/hf_mpr.json" "galvani x$MPR_K")"
read -r s_ip _ <<< "$(hf "$WORK/hf_mpr.json" "interphase read (1 process per file)")"
read -r s_gv _ <<< "$(hf "$WORK/hf_mpr.json" "galvani (1 process, each file once)")"
say "whole command, $MPR_K reads of each file: interphase ${w_ip} s, galvani ${w_gv} s ($(awk -v a="$w_gv" -v b="$w_ip" 'BEGIN{printf "%.2f", a / b}')x)"
say "whole command, each file once: interphase read (${#MPRS[@]} processes) ${s_ip} s, galvani (1 process) ${s_gv} s"
say ""
SUMMARY+=("$(printf '%-22s %10s %10s %8sx %11s %11s %11s %8s' ".mpr in-process (ms)" "$mpr_ip" "$mpr_gv" "$mpr_ratio" "-" "-" "-" "-")")
SUMMARY+=("$(printf '%-22s %10s %10s %8sx %11s %11s %11s %8s' ".mpr x$MPR_K whole cmd" "$w_ip" "$w_gv" "$(awk -v a="$w_gv" -v b="$w_ip" 'BEGIN{printf "%.2f", a / b}')" "-" "-" "-" "-")")

# --- summary -----------------------------------------------------------------------------------------
say "## Summary (times in s unless noted; reference = pandas for CSV, galvani for .mpr)"
say "$(printf '%-22s %10s %10s %9s %11s %11s %11s %8s' "benchmark" "interphase" "reference" "ref/ip" "RSS ip MiB" "RSS ref MiB" "cols MiB" "RSS/cols")"
for line in "${SUMMARY[@]}"; do say "$line"; done
say "goals: ref/ip >= 3 for CSV cycling; RSS/cols <= 2 for interphase"
echo "results written to $RESULTS" >&2
