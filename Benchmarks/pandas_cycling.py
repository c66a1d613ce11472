#!/usr/bin/env python3
"""pandas reference for `interphase cycling FILE --cell full --format csv --quiet`: the same per-cycle
metrics, computed with idiomatic vectorised pandas/numpy (no Python loop over rows or cycles), written
as CSV to standard output like interphase's table.

Definitions (those of interphase's FullCellAnalysis, so the two tables agree number for number):
  * half cycle: a run of points whose current has one sign and exceeds 0.1 % of max |I| (rests end it);
  * capacity of a half cycle: the instrument's per-step counter (Charge_ or Discharge_Capacity) at the
    run's last point, less its value before the run when the run starts inside a step;
  * energy: trapezoidal integral of |V I| dt over the run; mean voltage = energy / capacity;
  * cycle: the file's Cycle_Index; Q_charge, Q_discharge, energies summed over the cycle's half cycles;
    CE = Q_dis / Q_ch x 100, energy efficiency = E_dis / E_ch x 100;
  * polarisation: V(Q/2) of the cycle's longest charge minus V(Q/2) of its longest discharge, Q counted
    by trapezoidal current increments from the run's first point, V interpolated linearly;
  * reference cycle: the first with both directions; 1C = its discharge capacity per hour; C-rate =
    |I| at the run's second point / 1C; retention = Q_dis / Q_dis(reference) x 100.

    python3 pandas_cycling.py FILE.csv [--quiet]     (--quiet: print only the table's shape, on stderr)
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
    qc_raw = df["Charge_Capacity(Ah)"].to_numpy()
    qd_raw = df["Discharge_Capacity(Ah)"].to_numpy()
    n = len(df)

    # Half cycles: runs of one current sign above the rest threshold.
    sign = np.where(np.abs(i) <= np.abs(i).max() * 1e-3, 0, np.sign(i)).astype(np.int8)
    new_run = np.ones(n, dtype=bool)
    new_run[1:] = sign[1:] != sign[:-1]
    run = np.cumsum(new_run) - 1
    starts = np.flatnonzero(new_run)
    ends = np.append(starts[1:], n)  # exclusive
    run_sign = sign[starts]
    keep = (run_sign != 0) & (ends - starts >= 2)

    # Per-point trapezoid increments inside a run (0 at a run's first point).
    dt = np.zeros(n)
    dt[1:] = t[1:] - t[:-1]
    same = ~new_run
    power = np.abs(v * i)
    de = np.where(same, 0.5 * (power + np.roll(power, 1)) * dt / 3600.0, 0.0)
    dq = np.where(same, np.abs(0.5 * (i + np.roll(i, 1)) * dt / 3600.0), 0.0)
    cum_q = np.cumsum(dq)
    cum_q -= cum_q[starts][run]  # from each run's first point
    energy = np.add.reduceat(de, starts)

    # Capacity from the instrument counter of the run's direction.
    last = ends - 1
    counter = np.where(run_sign > 0, qc_raw[last], qd_raw[last])
    before = np.maximum(starts - 1, 0)
    inside_step = (starts > 0) & (step[before] == step[starts])
    counter_before = np.where(run_sign > 0, qc_raw[before], qd_raw[before])
    capacity = np.maximum(np.abs(counter) - np.where(inside_step, np.abs(counter_before), 0.0), 0.0)

    # Voltage at half capacity: first point of the run whose cumulative charge reaches half the total.
    total = cum_q[last]
    target = total[run] / 2
    reached = (cum_q >= target) & same & (total[run] > 0)
    first_reached = reached & ~np.concatenate(([False], reached[:-1] & same[1:]))
    k = np.flatnonzero(first_reached)
    k_run = run[k]
    step_q = cum_q[k] - cum_q[k - 1]
    fraction = np.where(step_q > 0, (target[k] - cum_q[k - 1]) / np.where(step_q > 0, step_q, 1), 0.0)
    v_half = np.full(len(starts), np.nan)
    v_half[k_run] = v[k - 1] + fraction * (v[k] - v[k - 1])

    halves = pd.DataFrame({
        "cycle": cycle[starts], "direction": run_sign, "capacity": capacity, "energy": energy,
        "start_time": t[starts], "v_half": v_half, "i_second": np.abs(i[np.minimum(starts + 1, n - 1)]),
    })[keep]
    halves["order"] = np.arange(len(halves))
    charge = halves[halves["direction"] > 0]
    discharge = halves[halves["direction"] < 0]
    by_cycle = halves.groupby("cycle", sort=False)
    cycles = pd.DataFrame({"file_cycle": by_cycle["cycle"].first(), "start_time_h": by_cycle["start_time"].first() / 3600})
    cycles["charge_capacity_mAh"] = charge.groupby("cycle")["capacity"].sum().reindex(cycles.index, fill_value=0.0) * 1e3
    cycles["discharge_capacity_mAh"] = discharge.groupby("cycle")["capacity"].sum().reindex(cycles.index, fill_value=0.0) * 1e3
    e_ch = charge.groupby("cycle")["energy"].sum().reindex(cycles.index, fill_value=0.0)
    e_dis = discharge.groupby("cycle")["energy"].sum().reindex(cycles.index, fill_value=0.0)
    qc = cycles["charge_capacity_mAh"] / 1e3
    qd = cycles["discharge_capacity_mAh"] / 1e3
    both = (qc > 0) & (qd > 0)
    cycles["coulombic_efficiency_pct"] = (qd / qc * 100).where(both)
    cycles["energy_efficiency_pct"] = (e_dis / e_ch * 100).where((e_ch > 0) & (e_dis > 0))
    cycles["mean_charge_voltage_V"] = (e_ch / qc).where(qc > 0)
    cycles["mean_discharge_voltage_V"] = (e_dis / qd).where(qd > 0)
    # The longest half cycle of each direction (first one on ties) sets the cycle's polarisation and C-rate.
    longest_c = charge.sort_values(["capacity", "order"], ascending=[False, True]).groupby("cycle").first().reindex(cycles.index)
    longest_d = discharge.sort_values(["capacity", "order"], ascending=[False, True]).groupby("cycle").first().reindex(cycles.index)
    cycles["polarization_mV"] = (longest_c["v_half"] - longest_d["v_half"]) * 1e3
    reference = cycles.index[both.to_numpy()][0]
    one_c = qd[reference]  # A: the reference cycle's discharge capacity per hour
    cycles["charge_c_rate"] = longest_c["i_second"] / one_c
    cycles["discharge_c_rate"] = longest_d["i_second"] / one_c
    cycles["capacity_retention_pct"] = (qd / qd[reference] * 100).where(qd > 0)
    cycles.insert(0, "index", np.arange(1, len(cycles) + 1))
    return n, cycles


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    rows, cycles = cycle_table(sys.argv[1])
    if "--quiet" not in sys.argv[2:]:
        cycles.to_csv(sys.stdout, index=False, float_format="%.6f")
    print(f"rows read: {rows}; cycle table: {cycles.shape[0]} cycles x {cycles.shape[1]} columns", file=sys.stderr)


if __name__ == "__main__":
    main()
