"""The lmfit side of Benchmarks/xps.sh: the same six-component C 1s model as xps-bench, timed inside one
process (imports not counted). Per region: lmfitxps shirley_calculate (tol 1e-6, maxit 100) subtracted
first, then lmfit (leastsq) of six PseudoVoigtModel lines, fraction fixed at 0.3, every sigma tied to the
first (shared FWHM), centers ±1 eV around the table energies, amplitudes from the data at the center.

    xps_fit_bench.py single FILE K     # region 0 fitted K times
    xps_fit_bench.py batch FILE        # every region once
"""
import math
import sys
import time

import numpy as np
import lmfit
from lmfitxps.backgrounds import shirley_calculate

ENERGIES = [290.1, 288.5, 286.5, 284.7, 283.7, 282.9]


def regions(path):
    d = np.loadtxt(path, delimiter=",", skiprows=1)
    out = []
    for k in np.unique(d[:, 0]).astype(int):
        r = d[d[:, 0] == k]
        order = np.argsort(r[:, 1])
        out.append((r[order, 1], r[order, 2]))
    return out


def build():
    model = None
    for j in range(len(ENERGIES)):
        m = lmfit.models.PseudoVoigtModel(prefix=f"p{j}_")
        model = m if model is None else model + m
    return model


def fit(model, x, y):
    bg = shirley_calculate(x, y, tol=1e-6, maxit=100)
    s = y - bg
    params = model.make_params()
    for j, e in enumerate(ENERGIES):
        p = f"p{j}_"
        i = int(np.argmin(abs(x - e)))
        params[p + "center"].set(value=e, min=e - 1, max=e + 1)
        params[p + "amplitude"].set(value=max(s[i], 1.0) * 1.2, min=0)
        params[p + "sigma"].set(value=0.6, min=0.15, max=1.5)
        params[p + "fraction"].set(value=0.3, vary=False)
        if j > 0:
            params[p + "sigma"].set(expr="p0_sigma")
    return model.fit(s, params, x=x)


mode, path = sys.argv[1], sys.argv[2]
data = regions(path)
model = build()
if mode == "single":
    k = int(sys.argv[3])
    x, y = data[0]
    start = time.perf_counter()
    for _ in range(k):
        r = fit(model, x, y)
    elapsed = time.perf_counter() - start
    print(f"lmfit\tsingle\t{elapsed / k * 1e3:.3f} ms per fit\t{k} fits\tC-C {r.params['p3_center'].value:.4f} chi2 {r.chisqr:.6g}")
else:
    start = time.perf_counter()
    results = [fit(model, x, y) for x, y in data]
    elapsed = time.perf_counter() - start
    cc = np.mean([r.params["p3_center"].value for r in results])
    print(f"lmfit\tbatch\t{elapsed:.3f} s\t{len(results)} regions\t{sum(r.success for r in results)} converged\tmean C-C {cc:.4f}")
