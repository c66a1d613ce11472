#!/usr/bin/env python3
"""Reference values for cycler files from other labs (issue 13): Basytec, Novonix, and an EC-Lab test split
over three numbered files, read by pandas with nothing in common with Interphase's readers.

Oracle: pandas (``read_csv``, C engine) with the settings recorded per file under ``"read"``. Per-cycle
capacities are the cycler's own counters, summed here by the rule each vendor documents:

* Basytec ``Ah-Step`` counts per step (signed): a step's charge is its last ``Ah-Step`` when positive.
* Novonix ``Capacity (Ah)`` is a running net counter: a step's charge (or discharge) is its change from the
  previous step's last value (0 at the start of each restarted part). Steps are runs of equal ``Step Number``,
  also broken where ``Step Time (h)`` goes back. Records whose ``Run Time (h)`` goes back inside a part
  repeat earlier ones (preparenovonix drops them); they are dropped here too. A restarted part's cycles
  continue from the previous part's last cycle.
* EC-Lab ``Q charge/mA.h`` / ``Q discharge/mA.h`` count per half cycle: each file's charge and discharge are
  the columns' maxima.

Usage (from the repository root): ``/tmp/refvenv/bin/python References/other_labs_reference.py``.
Writes ``Tests/CyclerDataTests/Reference/other_labs.json``.
"""

import gzip
import io
import json
import platform
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "Data" / "cycler"
OUT = ROOT / "Tests" / "CyclerDataTests" / "Reference"


def basytec(path):
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    header = max(i for i, l in enumerate(lines) if l.startswith("~"))
    df = pd.read_csv(path, sep="\t", skiprows=header, encoding="utf-8", encoding_errors="replace")
    df.columns = [c.lstrip("~") for c in df.columns]
    cycles = []
    for cycle, part in df.groupby("Cyc-Count", sort=True):
        charge = discharge = 0.0
        segment = (part["Line"] != part["Line"].shift()).cumsum()
        for _, step in part.groupby(segment):
            last = float(step["Ah-Step"].iloc[-1])
            charge += max(last, 0.0)
            discharge += max(-last, 0.0)
        cycles.append({"file_cycle": int(cycle), "charge_Ah": charge, "discharge_Ah": discharge})
    return {
        "read": {"sep": "\\t", "skiprows": header, "header": "line %d with its leading ~ removed" % (header + 1)},
        "rows": len(df),
        "time_s_last": float(df["Time[s]"].iloc[-1]),
        "voltage_V_max": float(df["U[V]"].max()),
        "current_A_max": float(df["I[A]"].max()),
        "cycles": cycles,
    }


def novonix(path):
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    data_lines = [i for i, l in enumerate(lines) if l.startswith("[Data]")]
    parts = []
    for k, start in enumerate(data_lines):
        stop = next((i for i, l in enumerate(lines) if i > start and l.startswith("[Summary]")), len(lines))
        block = "\n".join(lines[start + 1:stop])
        parts.append(pd.read_csv(io.StringIO(block), skipinitialspace=True))
    step_col = "Step Number"
    cycles = {}
    rows = 0
    dropped = 0
    last_cycle = 0
    for df in parts:
        t = df["Run Time (h)"].to_numpy()
        keep = t >= np.maximum.accumulate(t)
        dropped += int((~keep).sum())
        df = df[keep].reset_index(drop=True)
        rows += len(df)
        cyc = df["Cycle Number"].to_numpy().astype(int)
        if len(cyc) and cyc[0] <= last_cycle:
            cyc = cyc + (last_cycle - cyc[0] + 1)
        last_cycle = int(cyc[-1])
        step_time = df["Step Time (h)"].to_numpy()
        step = df[step_col].to_numpy()
        new = np.r_[True, (step[1:] != step[:-1]) | (step_time[1:] < step_time[:-1])]
        segment = np.cumsum(new)
        cap = df["Capacity (Ah)"].to_numpy()
        base = 0.0
        for s in np.unique(segment):
            idx = np.nonzero(segment == s)[0]
            delta = cap[idx[-1]] - base
            c = int(cyc[idx[0]])
            entry = cycles.setdefault(c, [0.0, 0.0])
            entry[0 if delta > 0 else 1] += abs(delta)
            base = cap[idx[-1]]
    return {
        "read": {"blocks": "each [Data] block to the next [Summary]", "skipinitialspace": True},
        "parts": len(parts),
        "rows": rows,
        "dropped_repeats": dropped,
        "cycles": [{"file_cycle": c, "charge_Ah": v[0], "discharge_Ah": v[1]} for c, v in sorted(cycles.items())],
    }


def eclab_parts(paths):
    out = []
    for path in paths:
        text = gzip.open(path, "rt", encoding="latin-1").read()
        lines = text.splitlines()
        header = int(lines[1].split(":")[1]) - 1
        df = pd.read_csv(io.StringIO(text), sep="\t", skiprows=header, encoding="latin-1")
        out.append({"file": path.name, "rows": len(df), "time_s_first": float(df["time/s"].iloc[0]),
                    "time_s_last": float(df["time/s"].iloc[-1]),
                    "charge_mAh": float(df["Q charge/mA.h"].max()), "discharge_mAh": float(df["Q discharge/mA.h"].max())})
    return {"read": {"sep": "\\t", "skiprows": "'Nb header lines' − 1", "encoding": "latin-1"}, "parts": out}


def main():
    result = {
        "program": "pandas %s, numpy %s, Python %s" % (pd.__version__, np.__version__, platform.python_version()),
        "basytec": basytec(DATA / "basytec" / "sample_data_basytec.txt"),
        "novonix_uhpc": novonix(DATA / "novonix" / "sample_data_novonix.csv"),
        "novonix_hpc_restarted": novonix(DATA / "novonix" / "preparenovonix_example_data.csv"),
        "eclab_joined": eclab_parts([DATA / "biologic_mpt" / ("Sample_data_biologic_0%d_MB_CA1.txt.gz" % k) for k in (1, 2, 3)]),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "other_labs.json").write_text(json.dumps(result, indent=1) + "\n")
    print("wrote", OUT / "other_labs.json", file=sys.stderr)


if __name__ == "__main__":
    main()
