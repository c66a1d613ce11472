#!/usr/bin/env python3
"""Compares two `cycling --format json` outputs: same keys and strings; numbers equal at the decimals
the same quantity has in cycles.csv (the JSON keeps full precision, the old one rounded to the table):
|a - b| <= 0.5 * 10^-d + 1e-12 * max(|a|, |b|) with d the decimals of the rounder of the two."""
import json, sys

def decimals(x):
    s = repr(x)
    if "e" in s or "E" in s:
        return 17
    return len(s.split(".")[1]) if "." in s else 0

def same(a, b, path):
    if isinstance(a, dict) and isinstance(b, dict):
        if list(a) != list(b):
            print(f"{path}: keys {list(a)} vs {list(b)}"); return False
        return all(same(a[k], b[k], f"{path}.{k}") for k in a)
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            print(f"{path}: lengths {len(a)} vs {len(b)}"); return False
        return all(same(x, y, f"{path}[{i}]") for i, (x, y) in enumerate(zip(a, b)))
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        d = min(decimals(a), decimals(b))
        ok = abs(a - b) <= 0.5 * 10 ** -d + 1e-12 * max(abs(a), abs(b))
        if not ok: print(f"{path}: {a} vs {b}")
        return ok
    if a != b: print(f"{path}: {a!r} vs {b!r}")
    return a == b

def load(p):
    text = open(p).read()
    return json.loads(text) if text.strip() else None

sys.exit(0 if same(load(sys.argv[1]), load(sys.argv[2]), "$") else 1)
