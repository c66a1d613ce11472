"""A batch of synthetic C 1s regions for Benchmarks/xps.sh: N regions of 301 points (BE 280–295 eV, step
0.05 eV), each the study's six C 1s components (Li2CO3 290.1, COOR 288.5, C–O 286.5, C–C 284.7, C–B 283.7,
C–H 282.9 eV) as pseudo-Voigt lines (η = 0.3, one FWHM 1.1 eV) on their Shirley step (B = 300 + 800 ·
cumulative area / total), positions jittered by ±0.1 eV and areas by ±20 % per region, Poisson counts
(numpy default_rng(seed)). One CSV: region,be_eV,counts. Deterministic.

    generate_xps_batch.py N OUT [--seed 16]
"""
import math
import sys

import numpy as np

n = int(sys.argv[1])
out = sys.argv[2]
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 16
rng = np.random.default_rng(seed)
x = np.linspace(280, 295, 301)
C4 = 4 * math.log(2)
energies = [290.1, 288.5, 286.5, 284.7, 283.7, 282.9]
areas = [900, 1400, 2600, 6000, 1800, 1200]
w = 1.1


def pv(e, a):
    d = x - e
    g = a * math.sqrt(C4 / math.pi) / w * np.exp(-C4 * d * d / (w * w))
    l = a * (w / (2 * math.pi)) / (d * d + w * w / 4)
    return 0.3 * l + 0.7 * g


with open(out, "w") as f:
    f.write("region,be_eV,counts\n")
    for k in range(n):
        peaks = sum(pv(e + rng.uniform(-0.1, 0.1), a * rng.uniform(0.8, 1.2)) for e, a in zip(energies, areas))
        cum = np.concatenate([[0], np.cumsum(0.5 * (peaks[1:] + peaks[:-1]) * np.diff(x))])
        y = rng.poisson(peaks + 300 + 800 * cum / cum[-1])
        for xi, yi in zip(x[::-1], y[::-1]):
            f.write(f"{k},{xi:.2f},{int(yi)}\n")
