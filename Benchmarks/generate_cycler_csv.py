#!/usr/bin/env python3
"""Writes a synthetic but realistic Arbin-style cycler CSV for the benchmarks.

A graphite || NMC full cell (3.0-4.2 V, 3 Ah) cycles: CC charge / rest / CC discharge / rest, about 200
points per step (the count varies by +-10 %), with a voltage curve from an OCV(SOC) function plus an IR
drop and 0.5 mV noise, rest relaxation, 0.3 % current noise, slow capacity fade, and per-step
charge/discharge capacity counters (reset at each step start).

Columns: Data_Point,Test_Time(s),Step_Index,Cycle_Index,Current(A),Voltage(V),
         Charge_Capacity(Ah),Discharge_Capacity(Ah)

Deterministic: the same N and seed give the same bytes.

    python3 generate_cycler_csv.py ROWS OUT.csv [--seed 42]
"""
import argparse
import os
import sys

import numpy as np
import pandas as pd

Q0 = 3.0        # Ah, initial capacity
I_CC = 1.5      # A, C/2
R_INT = 0.045   # ohm
POINTS = 200    # mean points per step


def ocv(soc):
    """Full-cell OCV (V) of state of charge in [0, 1]: NMC-like slope plus graphite stages."""
    soc = np.clip(soc, 0.0, 1.0)
    return (3.0 + 0.75 * soc + 0.35 * soc ** 2 - 0.05 * np.tanh((soc - 0.55) / 0.05)
            - 0.25 * np.exp(-soc / 0.04) + 0.08 * np.exp((soc - 1.0) / 0.03))


def cycle_block(rng, cycle, t0):
    """Arrays of one cycle (4 steps) starting at time t0; returns (columns dict, end time)."""
    q = Q0 * (1.0 - 2.0e-5 * (cycle - 1)) * (1.0 - 0.002 * rng.random())
    cols = {k: [] for k in ("t", "step", "i", "v", "qc", "qd")}
    t = t0
    for step in (1, 2, 3, 4):
        n = int(POINTS * (0.9 + 0.2 * rng.random()))
        if step in (1, 3):
            sign = 1.0 if step == 1 else -1.0
            duration = q / I_CC * 3600.0
            dt = duration / n
            tt = t + dt * np.arange(1, n + 1)
            cur = sign * I_CC * (1.0 + 0.003 * rng.standard_normal(n))
            passed = np.cumsum(np.abs(cur) * dt) / 3600.0          # Ah since step start
            frac = np.clip(passed / Q0, 0, 1)
            soc = 0.02 + frac if step == 1 else 0.02 + q / Q0 - frac
            v = ocv(soc) + sign * I_CC * R_INT + 0.0005 * rng.standard_normal(n)
            qc = passed if step == 1 else np.zeros(n)
            qd = passed if step == 3 else np.zeros(n)
        else:
            duration = 1800.0
            dt = duration / n
            tt = t + dt * np.arange(1, n + 1)
            cur = np.zeros(n)
            soc = 0.02 + q / Q0 if step == 2 else 0.02
            relax = 1.0 if step == 2 else -1.0  # relaxes down after charge, up after discharge
            v = ocv(soc) + relax * I_CC * R_INT * np.exp(-(tt - t) / 300.0) * 0.5 + 0.0005 * rng.standard_normal(n)
            qc = np.zeros(n)
            qd = np.zeros(n)
        cols["t"].append(tt)
        cols["step"].append(np.full(n, step, dtype=np.int64))
        cols["i"].append(cur)
        cols["v"].append(v)
        cols["qc"].append(qc)
        cols["qd"].append(qd)
        t = tt[-1]
    return {k: np.concatenate(v) for k, v in cols.items()}, t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rows", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".part"
    written = 0
    cycle = 1
    t = 0.0
    header = True
    with open(tmp, "w", newline="") as fh:
        while written < args.rows:
            # Build ~50k rows at a time, then write them.
            blocks = []
            rows = 0
            while rows < 50_000 and written + rows < args.rows:
                cols, t = cycle_block(rng, cycle, t)
                cols["cycle"] = np.full(len(cols["t"]), cycle, dtype=np.int64)
                blocks.append(cols)
                rows += len(cols["t"])
                cycle += 1
            cat = {k: np.concatenate([b[k] for b in blocks]) for k in blocks[0]}
            take = min(rows, args.rows - written)
            frame = pd.DataFrame({
                "Data_Point": np.arange(written + 1, written + take + 1),
                "Test_Time(s)": np.round(cat["t"][:take], 3),
                "Step_Index": cat["step"][:take],
                "Cycle_Index": cat["cycle"][:take],
                "Current(A)": np.round(cat["i"][:take], 6),
                "Voltage(V)": np.round(cat["v"][:take], 6),
                "Charge_Capacity(Ah)": np.round(cat["qc"][:take], 7),
                "Discharge_Capacity(Ah)": np.round(cat["qd"][:take], 7),
            })
            frame.to_csv(fh, index=False, header=header, lineterminator="\n")
            header = False
            written += take
    os.replace(tmp, args.out)
    print(f"wrote {args.out}: {written} rows, {cycle - 1} cycles, {os.path.getsize(args.out) / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
