"""impedance.py 1.7.1 side of Benchmarks/eis.sh, timed inside one process (imports excluded), in the
layout of eis-bench:

    impedance_fit_bench.py single K                 # the tutorial fit K times
    impedance_fit_bench.py batch FILE CIRCUIT N     # every sweep (N points each), each seeded by the previous

The tutorial fit is impedance.py's documented example: readCSV, ignoreBelowX, CustomCircuit with
initial_guess [.01, .01, 100, .01, .05, 100, 1], fit (scipy curve_fit, trust-region reflective,
impedance.py's defaults). The batch seeds each fit with the previous fit's parameters_, as eis-bench does,
starting the first from an initial guess read off the first spectrum the way interphase's automatic
guess does (given on the command line so both sides start the same).
"""
import sys
import time
import warnings

import numpy as np
from impedance import preprocessing
from impedance.models.circuits import CustomCircuit

warnings.filterwarnings("ignore")
ROOT = __file__.rsplit("/Benchmarks/", 1)[0]


def single(k):
    f, z = preprocessing.readCSV(f"{ROOT}/Data/impedance/exampleData.csv")
    f, z = preprocessing.ignoreBelowX(f, z)
    start = time.perf_counter()
    for _ in range(k):
        c = CustomCircuit("R0-p(R1,C1)-p(R2-Wo1,C2)", initial_guess=[0.01, 0.01, 100, 0.01, 0.05, 100, 1])
        c.fit(f, z)
    elapsed = time.perf_counter() - start
    p = ",".join("%.6g" % v for v in c.parameters_)
    print(f"impedance.py\tsingle\t{elapsed / k * 1e3:.4f} ms per fit\t{k} fits\tparameters {p}")


def batch(path, circuit, n, guess):
    data = np.loadtxt(path, delimiter=",")
    sweeps = data.reshape(-1, n, 3)
    start = time.perf_counter()
    previous = guess
    r1 = []
    for s in sweeps:
        c = CustomCircuit(circuit, initial_guess=list(previous))
        c.fit(s[:, 0], s[:, 1] + 1j * s[:, 2])
        previous = c.parameters_
        r1.append(c.parameters_[1])
    elapsed = time.perf_counter() - start
    print(f"impedance.py\tbatch\t{elapsed:.3f} s\t{len(sweeps)} spectra\t{len(r1)} converged\tmean R1 {np.mean(r1):.6g}")


def drt(path, k):
    """pyDRTtools 0.2 simple_run with its defaults and cv_type 'custom' (lambda 1e-3), k times."""
    import contextlib, importlib.util, io, types
    spec = importlib.util.find_spec("pyDRTtools")
    package = types.ModuleType("pyDRTtools")
    package.__path__ = list(spec.submodule_search_locations)
    sys.modules["pyDRTtools"] = package  # skip the package __init__'s Qt GUI
    with contextlib.redirect_stdout(io.StringIO()):  # pyDRTtools prints sys.path on import
        from pyDRTtools import runs
    from cvxopt import solvers
    solvers.options["show_progress"] = False
    start = time.perf_counter()
    for _ in range(k):
        with contextlib.redirect_stdout(io.StringIO()):
            r = runs.simple_run(runs.EIS_object.from_file(path), cv_type="custom", reg_param=1e-3)
    print(f"pyDRTtools\tdrt\t{(time.perf_counter() - start) / k:.4f} s per DRT\t{len(r.out_tau_vec)} tau points")


if __name__ == "__main__":
    if sys.argv[1] == "drt":
        drt(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1] == "single":
        single(int(sys.argv[2]))
    else:
        batch(sys.argv[2], sys.argv[3], int(sys.argv[4]), [float(x) for x in sys.argv[5].split(",")])
