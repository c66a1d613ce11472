#!/usr/bin/env python3
"""Reference values for Interphase's cyclic-voltammetry analysis, computed independently with pandas/numpy.

Run from the repository root with an interpreter that has pandas, numpy and scipy:

    /tmp/refvenv/bin/python References/voltammetry_reference.py

Reads the EC-Lab CVA text exports with pandas (its own parser: tab-separated, Latin-1, decimal comma,
header length from the file's "Nb header lines" line), applies the documented rules of
`CyclicVoltammetryAnalysis` / `Voltammogram` (Sources/Electroanalysis/Voltammetry/) written again here
from their descriptions, and writes Tests/ElectroanalysisTests/Reference/voltammetry.json.

Rules (defaults):
- cycles: EC-Lab's "cycle number" column;
- sweeps: within a cycle, the direction is that of the running potential extremum; a reversal is declared
  when the potential retreats from the extremum by more than 1 % of the cycle's potential span (at least
  0.1 mV); the vertex ends the sweep that reaches it; points before the first move beyond the tolerance
  belong to the first sweep;
- per cycle and direction the longest sweep (largest |E_end - E_start|);
- baseline "linear": least-squares line i(E) through the sweep's points within 15 % of its span from its
  start (fewer than two: its first two points), here with numpy.polyfit (deg 1); baseline "zero": i = 0
  (both are written; the search region beyond the first 15 % is the same);
- peak: largest local maximum of the baseline-corrected current c = sign*(i - baseline(E)) over points
  beyond the baseline region, excluding the sweep's end points, with c > 0 (c[k] > c[k-1], c[k] >= c[k+1]);
- charges: over the cycle's points starting from the previous cycle's last point, the positive and the
  negative parts of the integral of i dt, each interval split at the zero crossing (here: scipy's
  trapezoid of i+ and i- on the time grid refined by the crossing points).
"""
import json
import platform
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
from scipy.integrate import trapezoid

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "ElectroanalysisTests" / "Reference" / "voltammetry.json"
FILES = ["Data/cycler/biologic_mpt/Pt_poly_cv_CUT.mpt",
         "Data/cycler/biologic_mpt/dataset_with_loop_01_02_CVA_DUSB0_C01.mpt"]
BASELINE_FRACTION = 0.15


def read_mpt(path):
    with open(path, encoding="latin-1") as handle:
        handle.readline()
        header_lines = int(re.search(r"\d+", handle.readline()).group())
    frame = pd.read_csv(path, sep="\t", skiprows=header_lines - 1, encoding="latin-1", decimal=",")
    current_column = "<I>/mA" if "<I>/mA" in frame.columns else "I/mA"
    def numbers(column):
        return pd.to_numeric(frame[column].astype(str).str.replace(",", ".", regex=False)).to_numpy(float)
    return numbers("time/s"), numbers("Ewe/V"), numbers(current_column) / 1000.0, numbers("cycle number").astype(int)


def sweeps_of(e, start, stop):
    span = e[start:stop].max() - e[start:stop].min()
    tolerance = max(0.01 * span, 1e-4)
    cuts = [start]
    direction = 0
    anchor = e[start]
    extremum, extremum_index = e[start], start
    for i in range(start + 1, stop):
        if direction == 0:
            if abs(e[i] - anchor) > tolerance:
                direction = 1 if e[i] > anchor else -1
                extremum, extremum_index = e[i], i
            continue
        if direction * (e[i] - extremum) >= 0:
            extremum, extremum_index = e[i], i
        elif direction * (extremum - e[i]) > tolerance:
            cuts.append(extremum_index + 1)
            direction = -direction
            extremum, extremum_index = e[i], i
    cuts.append(stop)
    out = []
    for a, b in zip(cuts[:-1], cuts[1:]):
        if b - a >= 2:
            out.append((a, b, 1 if e[b - 1] >= e[a] else -1))
    return out


def peak(e, i, sweep, baseline_kind):
    a, b, direction = sweep
    start, span = e[a], abs(e[b - 1] - e[a])
    limit = BASELINE_FRACTION * span
    idx = np.arange(a, b)
    region = idx[np.abs(e[idx] - start) <= limit]
    if len(region) < 2:
        region = idx[:2]
    slope, intercept = np.polyfit(e[region], i[region], 1) if baseline_kind == "linear" else (0.0, 0.0)
    corrected = direction * (i - (intercept + slope * e))
    best = None
    for k in range(a + 1, b - 1):
        if abs(e[k] - start) <= limit:
            continue
        c = corrected[k]
        if c > 0 and c > corrected[k - 1] and c >= corrected[k + 1] and (best is None or c > corrected[best]):
            best = k
    baseline = {"slope_A_per_V": slope, "intercept_A": intercept}
    if best is None:
        return None, baseline
    return {"index": int(best), "potential_V": e[best], "current_A": i[best],
            "baseline_A": intercept + slope * e[best]}, baseline


def charges(t, i, a, b):
    tt, ii = [t[a]], [i[a]]
    for k in range(a + 1, b):
        if i[k - 1] * i[k] < 0:
            tc = t[k - 1] + (t[k] - t[k - 1]) * i[k - 1] / (i[k - 1] - i[k])
            tt.append(tc)
            ii.append(0.0)
        tt.append(t[k])
        ii.append(i[k])
    tt, ii = np.array(tt), np.array(ii)
    return trapezoid(np.clip(ii, 0, None), tt), -trapezoid(np.clip(ii, None, 0), tt)


def analyse(path, baseline_kind):
    t, e, i, cycle = read_mpt(ROOT / path)
    result = {"file": path, "baseline": baseline_kind, "rows": int(len(t)), "cycles": []}
    start = 0
    all_sweeps = []
    while start < len(t):
        stop = start + 1
        while stop < len(t) and cycle[stop] == cycle[start]:
            stop += 1
        sweeps = sweeps_of(e, start, stop)
        all_sweeps += [(a, b, d, int(cycle[start])) for a, b, d in sweeps]
        entry = {"cycle": int(cycle[start]), "sweeps": [[a, b, d] for a, b, d in sweeps]}
        for name, direction in (("anodic", 1), ("cathodic", -1)):
            candidates = [s for s in sweeps if s[2] == direction]
            if not candidates:
                entry[name + "_peak"] = None
                continue
            spans = [abs(e[s[1] - 1] - e[s[0]]) for s in candidates]
            longest = candidates[max(range(len(candidates)), key=lambda k: (spans[k], k))]
            entry[name + "_peak"], entry[name + "_baseline"] = peak(e, i, longest, baseline_kind)
        qa, qc = charges(t, i, max(start - 1, 0), stop)
        entry["anodic_charge_C"], entry["cathodic_charge_C"] = qa, qc
        entry["charge_ratio_pct"] = qa / qc * 100 if qc > 0 else None
        result["cycles"].append(entry)
        start = stop
    return result


def plain(x):
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if hasattr(x, "item"):
        return x.item()
    return x


def main():
    document = {
        "program": "References/voltammetry_reference.py",
        "python": platform.python_version(),
        "numpy": np.__version__,
        "pandas": pd.__version__,
        "scipy": scipy.__version__,
        "settings": {"baselines": ["linear", "zero"], "baseline_fraction": BASELINE_FRACTION, "reversal_tolerance": "1 % of cycle span, >= 0.1 mV",
                     "current": "<I>/mA / 1000 (A)", "cycles": "EC-Lab cycle number"},
        "analyses": [plain(analyse(path, kind)) for path in FILES for kind in ("linear", "zero")],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(document, indent=1) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
