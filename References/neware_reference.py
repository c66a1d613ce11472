"""Reference values for Interphase's Neware readers, produced by an independent program: NewareNDA.

Run with the interpreter that has NewareNDA installed, from the repository root:

    /tmp/refvenv/bin/python References/neware_reference.py

It reads every file in Data/cycler/neware/ with `NewareNDA.read` (default settings: software cycle
numbers regenerated in 'chg' mode, as NewareNDA does by default) and writes
Tests/CyclerDataTests/Reference/neware.json, which the Swift tests compare against (CI has no PyPI).

Settings that matter for reproducibility:
- TZ is forced to UTC before NewareNDA runs, because NewareNDA converts the Unix-epoch time stamps of
  ndax runInfo / BTS 9 records to the machine's local zone; with UTC the ISO strings are UTC.
  Naive time stamps (nda v29, ndc v2/v5 records store a calendar date without a zone) are written
  without an offset, exactly as NewareNDA returns them.
- Sample rows: ~25 evenly spaced row positions (first and last included) plus the first row of up to
  10 steps, so step-start values are checked too.
"""
import glob
import json
import math
import os
import sys
import time

os.environ["TZ"] = "UTC"
time.tzset()

import NewareNDA  # noqa: E402
import NewareNDA.dicts  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Data", "cycler", "neware")
OUT = os.path.join(ROOT, "Tests", "CyclerDataTests", "Reference", "neware.json")
SAMPLES = 25
STEP_STARTS = 10


def number(x):
    """A JSON number (int for integer columns), or None for NaN / missing."""
    if x is None or pd.isna(x):
        return None
    if isinstance(x, (int, np.integer)):
        return int(x)
    return float(x)


def iso(ts):
    if ts is None or pd.isna(ts):
        return None
    return pd.Timestamp(ts).isoformat()


def epoch(ts):
    """Seconds since 1970 UTC; a naive time stamp is read as UTC (the assumption Interphase documents)."""
    if ts is None or pd.isna(ts):
        return None
    t = pd.Timestamp(ts)
    if t.tzinfo is None:
        t = t.tz_localize("UTC")
    return t.value / 1e9


def describe(path):
    df = NewareNDA.read(path, log_level="WARNING")
    n = len(df)
    rows = sorted({round(k * (n - 1) / (SAMPLES - 1)) for k in range(SAMPLES)})
    step = df["Step"].to_numpy()
    starts = [0] + [i for i in range(1, n) if step[i] != step[i - 1]]
    rows = sorted(set(rows) | set(starts[:STEP_STARTS]))
    value_columns = [c for c in df.columns if c not in ("Status", "Timestamp")]
    samples = []
    for i in rows:
        r = df.iloc[i]
        entry = {"row": i, "Status": str(r["Status"]), "Timestamp": iso(r["Timestamp"]),
                 "Timestamp_epoch": epoch(r["Timestamp"])}
        for c in value_columns:
            entry[c] = number(r[c])
        samples.append(entry)
    standard = set(NewareNDA.dicts.rec_columns)
    aux_columns = {}
    for c in df.columns:
        if c in standard:
            continue
        col = df[c].astype(float)
        aux_columns[c] = {"all_nan": bool(col.isna().all()), "nan_count": int(col.isna().sum()),
                          "min": number(col.min()), "max": number(col.max())}
    status_counts = {str(k): int(v) for k, v in df["Status"].value_counts().items() if v > 0}
    return {
        "rows": n,
        "columns": list(df.columns),
        "voltage_min": float(df["Voltage"].min()),
        "voltage_max": float(df["Voltage"].max()),
        "current_mA_min": float(df["Current(mA)"].min()),
        "current_mA_max": float(df["Current(mA)"].max()),
        "cycles": sorted(int(c) for c in df["Cycle"].unique()),
        "steps": int(df["Step"].max()),
        "step_starts": len(starts),
        "status_counts": status_counts,
        "aux_columns": aux_columns,
        "first_timestamp": iso(df["Timestamp"].iloc[0]),
        "first_timestamp_epoch": epoch(df["Timestamp"].iloc[0]),
        "samples": samples,
    }


def main():
    files = sorted(glob.glob(os.path.join(DATA, "*.nda")) + glob.glob(os.path.join(DATA, "*.ndax")))
    result = {
        "program": "NewareNDA",
        "version": NewareNDA.__version__,
        "python": sys.version.split()[0],
        "pandas": pd.__version__,
        "settings": {
            "call": "NewareNDA.read(path, log_level='WARNING') (software_cycle_number=True, cycle_mode='chg')",
            "TZ": "UTC",
            "samples": f"{SAMPLES} evenly spaced rows (first, last included) + first row of the first {STEP_STARTS} steps",
            "units": "Time s (NewareNDA's per-step time), Voltage V, Current mA, capacity mAh, energy mWh, T degC",
        },
        "files": {},
    }
    for path in files:
        name = os.path.basename(path)
        print("reading", name, file=sys.stderr)
        result["files"][name] = describe(path)
    with open(OUT, "w") as f:
        json.dump(result, f, indent=1, sort_keys=False)
        f.write("\n")
    print("wrote", OUT, file=sys.stderr)


if __name__ == "__main__":
    main()
