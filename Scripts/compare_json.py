#!/usr/bin/env python3
"""Compares two `cycling --format json` outputs (old, new) given the old cycles.csv: same keys, strings
and integers; the numbers of the per-cycle rows equal at the decimals their column has in cycles.csv
(the old JSON took them from the rounded table, the new one keeps full precision):
|a - b| <= 0.5 * 10^-d (+ 1e-12 relative); every other number exactly equal.
Usage: compare_json.py OLD.json NEW.json OLD_CYCLES.csv"""
import csv, json, sys

def column_decimals(path):
    try:
        rows = list(csv.reader(open(path)))
    except OSError:
        return {}
    if not rows:
        return {}
    decimals = {}
    for k, name in enumerate(rows[0]):
        values = [r[k] for r in rows[1:] if k < len(r) and r[k]]
        decimals[name] = max((len(v.split(".")[1]) if "." in v else 0 for v in values), default=0)
    return decimals

def same(a, b, path, decimals, column=None):
    if isinstance(a, dict) and isinstance(b, dict):
        if list(a) != list(b):
            print(f"{path}: keys {list(a)} vs {list(b)}"); return False
        in_rows = path.startswith("$.cycles[")
        return all(same(a[k], b[k], f"{path}.{k}", decimals, k if in_rows else None) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            print(f"{path}: lengths {len(a)} vs {len(b)}"); return False
        return all(same(x, y, f"{path}[{i}]", decimals) for i, (x, y) in enumerate(zip(a, b)))
    if isinstance(a, float) or isinstance(b, float):
        if column is not None and column in decimals and not isinstance(a, bool) and a is not None and b is not None:
            ok = abs(a - b) <= 0.5 * 10 ** -decimals[column] + 1e-12 * max(abs(a), abs(b))
            if not ok: print(f"{path}: {a} vs {b} (column has {decimals[column]} decimals)")
            return ok
    if a != b: print(f"{path}: {a!r} vs {b!r}")
    return a == b

def load(p):
    text = open(p).read()
    return json.loads(text) if text.strip() else None

decimals = column_decimals(sys.argv[3]) if len(sys.argv) > 3 else {}
sys.exit(0 if same(load(sys.argv[1]), load(sys.argv[2]), "$", decimals) else 1)
