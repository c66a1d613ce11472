#!/usr/bin/env python3
"""pandas reference for `interphase cycling FILE --cell full --format csv --quiet`.

Reads every row of an Arbin-style CSV (generate_cycler_csv.py) with pandas.read_csv (C engine) and builds
a per-cycle table with idiomatic vectorised pandas (no Python loop over rows or cycles):

  * charge / discharge capacity: the capacity counters are per step, so each step's final (max) value,
    summed over the cycle's charge (I > 0) and discharge (I < 0) steps;
  * coulombic efficiency = Q_discharge / Q_charge x 100;
  * charge and discharge energy by the trapezoidal integral of |V I| dt within each step, and the mean
    voltages per direction = E / Q (what interphase reports as mean_charge_voltage / mean_discharge_voltage);
  * number of points per cycle.

It prints the table shape (and, with --print, the table as CSV).

    python3 pandas_cycling.py FILE.csv [--print]
"""
import sys

import numpy as np
import pandas as pd


def cycle_table(path):
    df = pd.read_csv(path)
    t = df["Test_Time(s)"].to_numpy()
    v = df["Voltage(V)"].to_numpy()
    i = df["Current(A)"].to_numpy()
    step = df["Step_Index"].to_numpy()
    cycle = df["Cycle_Index"].to_numpy()

    # A step run = consecutive rows with the same (cycle, step).
    new_run = np.ones(len(df), dtype=bool)
    new_run[1:] = (step[1:] != step[:-1]) | (cycle[1:] != cycle[:-1])
    run = np.cumsum(new_run)
    # Trapezoidal |V I| dt between consecutive points of the same run (Wh).
    p = np.abs(v * i)
    de = np.zeros(len(df))
    de[1:] = np.where(new_run[1:], 0.0, 0.5 * (p[1:] + p[:-1]) * (t[1:] - t[:-1]) / 3600.0)
    df["run"] = run
    df["dE"] = de

    steps = df.groupby("run", sort=False).agg(
        cycle=("Cycle_Index", "first"),
        current=("Current(A)", "mean"),
        qc=("Charge_Capacity(Ah)", "max"),
        qd=("Discharge_Capacity(Ah)", "max"),
        energy=("dE", "sum"),
        points=("Data_Point", "size"),
    )
    charge = steps["current"] > 0
    discharge = steps["current"] < 0
    steps["Q_ch"] = np.where(charge, steps["qc"], 0.0)
    steps["Q_dis"] = np.where(discharge, steps["qd"], 0.0)
    steps["E_ch"] = np.where(charge, steps["energy"], 0.0)
    steps["E_dis"] = np.where(discharge, steps["energy"], 0.0)

    cycles = steps.groupby("cycle", sort=True).agg(
        charge_capacity_Ah=("Q_ch", "sum"),
        discharge_capacity_Ah=("Q_dis", "sum"),
        charge_energy_Wh=("E_ch", "sum"),
        discharge_energy_Wh=("E_dis", "sum"),
        points=("points", "sum"),
    )
    qc = cycles["charge_capacity_Ah"]
    qd = cycles["discharge_capacity_Ah"]
    cycles["coulombic_efficiency_pct"] = (qd / qc * 100).where((qc > 0) & (qd > 0))
    cycles["mean_charge_voltage_V"] = (cycles["charge_energy_Wh"] / qc).where(qc > 0)
    cycles["mean_discharge_voltage_V"] = (cycles["discharge_energy_Wh"] / qd).where(qd > 0)
    return len(df), cycles


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    rows, cycles = cycle_table(sys.argv[1])
    if "--print" in sys.argv[2:]:
        cycles.to_csv(sys.stdout)
    print(f"rows read: {rows}; cycle table: {cycles.shape[0]} cycles x {cycles.shape[1]} columns", file=sys.stderr)


if __name__ == "__main__":
    main()
