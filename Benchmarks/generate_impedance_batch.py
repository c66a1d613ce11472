"""A batch of impedance spectra for Benchmarks/eis.sh: N sweeps of R0-p(R1,CPE1)-W1, 1e5 → 1e-2 Hz,
10 points per decade (71 points), one headerless f, Z', Z'' CSV with the sweeps one after another (each
starts again at 1e5 Hz, where interphase's reader starts a new sweep). R0 5 → 7 Ohm and R1 100 → 200 Ohm
drift linearly over the batch (an in-situ series), CPE 2e-5 Ohm^-1 s^n with n = 0.85, Warburg 20
Ohm s^-1/2; Gaussian noise of 0.5 % on each part (numpy default_rng(seed)). Deterministic.

    generate_impedance_batch.py N OUT [--seed 14]
"""
import sys

import numpy as np

n = int(sys.argv[1])
out = sys.argv[2]
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 14
rng = np.random.default_rng(seed)
f = np.logspace(5, -2, 71)
w = 2 * np.pi * f
rows = []
for k in range(n):
    t = k / max(n - 1, 1)
    r0, r1, q, alpha, sigma = 5 + 2 * t, 100 + 100 * t, 2e-5, 0.85, 20.0
    zcpe = 1 / (q * (1j * w) ** alpha)
    z = r0 + 1 / (1 / r1 + 1 / zcpe) + sigma * (1 - 1j) / np.sqrt(w)
    z = z.real * (1 + 0.005 * rng.standard_normal(f.size)) + 1j * z.imag * (1 + 0.005 * rng.standard_normal(f.size))
    rows.append(np.column_stack([f, z.real, z.imag]))
np.savetxt(out, np.vstack(rows), delimiter=",", fmt="%.10g")
