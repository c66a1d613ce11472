"""Lebedev–Laikov angular quadratures bundled with Interphase's QuantumChemistry module.

The tables are the octahedral orbits of Lebedev & Laikov (Doklady Mathematics 59, 477 (1999); the
CCL distribution of their code, made public with D. N. Laikov's permission), as transcribed in
PySCF's `pyscf/dft/LebedevGrid.py` (Apache-2.0). This script records, for every grid size, each call
of the orbit generator (orbit code 0–5, parameters a and b, weight v; weights sum to 1) and writes
them as text; Interphase expands the orbits itself (`LebedevGrid.swift`).

Run from the repository root with an interpreter that has PySCF (this script installs nothing):

    /tmp/refvenv/bin/pip install pyscf==2.14.0
    /tmp/refvenv/bin/python References/lebedev_grids.py

Writes Sources/QuantumChemistry/Resources/grids/lebedev.txt: a header, then per grid a line
`grid N ORBITS` followed by ORBITS lines `code a b v` (%.16e).
"""
import os

import pyscf
from pyscf.dft import LebedevGrid as leb

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "QuantumChemistry", "Resources", "grids", "lebedev.txt")


def main():
    calls = []
    original = leb.SphGenOh

    def recording(code, a, b, v):
        calls.append((code, a, b, v))
        return original(code, a, b, v)

    leb.SphGenOh = recording
    lines = [f"# Lebedev-Laikov orbits (code a b v), from PySCF {pyscf.__version__} pyscf/dft/LebedevGrid.py;"
             " codes: 0 (1,0,0) 6 pts, 1 (0,a,a) a=1/sqrt2 12, 2 (a,a,a) a=1/sqrt3 8,"
             " 3 (a,a,b) b=sqrt(1-2a^2) 24, 4 (a,b,0) b=sqrt(1-a^2) 24, 5 (a,b,c) c=sqrt(1-a^2-b^2) 48; weights sum to 1"]
    for n in leb.LEBEDEV_NGRID:
        if n <= 1:
            continue
        calls.clear()
        grid = getattr(leb, f"MakeAngularGrid_{n}")()
        assert grid.shape[0] == n, (n, grid.shape)
        lines.append(f"grid {n} {len(calls)}")
        for code, a, b, v in calls:
            lines.append(f"{code} {float(a):.16e} {float(b):.16e} {float(v):.16e}")
    leb.SphGenOh = original
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {OUT}: {len(leb.LEBEDEV_NGRID) - 1} grids")


if __name__ == "__main__":
    main()
