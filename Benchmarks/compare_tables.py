#!/usr/bin/env python3
"""Checks that interphase's cycle table and the pandas reference's agree: same rows, same empty cells, and
every shared column equal to within half a unit of the last printed decimal of each table (the two
roundings of the same number).

    compare_tables.py INTERPHASE.csv PANDAS.csv      (exit status 1 on a mismatch)
"""
import sys, pandas as pd, numpy as np
a = pd.read_csv(sys.argv[1]); b = pd.read_csv(sys.argv[2])
raw_a = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False); raw_b = pd.read_csv(sys.argv[2], dtype=str, keep_default_na=False)


def decimals(column):
    return max((len(s.split('.')[1]) if '.' in s else 0) for s in column if s)


assert len(a) == len(b), (len(a), len(b))
bad = 0
for col in b.columns:
    if col not in a.columns: continue
    x = a[col].to_numpy(float); y = b[col].to_numpy(float)
    assert (np.isnan(x) == np.isnan(y)).all(), col
    both = ~np.isnan(x)
    tolerance = 0.5 * 10.0**-decimals(raw_a[col]) + 0.5 * 10.0**-decimals(raw_b[col])
    d = np.abs(x[both] - y[both]).max() if both.any() else 0
    ok = d <= tolerance * (1 + 1e-9)
    bad += not ok
    print(f"{col:28s} max |diff| {d:.3g}  (tolerance {tolerance:.3g})  {'ok' if ok else 'MISMATCH'}")
print(f"{len(a)} cycles: all {len(set(a.columns) & set(b.columns))} shared columns agree to the printed precision"
      if bad == 0 else f"{bad} columns differ")
sys.exit(1 if bad else 0)
