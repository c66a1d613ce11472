"""Reference values for Interphase's lin-KK validation and DRT, produced by independent programs:
impedance.py 1.7.1 (`validation.linKK`) and pyDRTtools 0.2 (`runs.simple_run`).

Run with an interpreter that has them (this script installs nothing), from the repository root:

    /tmp/refvenv/bin/pip install impedance==1.7.1 pyDRTtools==0.2 cvxopt scikit-learn
    /tmp/refvenv/bin/python References/kk_drt_reference.py

(pyDRTtools 0.2 declares only click and ipython as dependencies, but imports cvxopt, scikit-learn,
pandas and matplotlib; its package __init__ also imports a PyQt5 GUI, which the script bypasses.)

It writes Tests/ImpedanceTests/Reference/linkk.json and drt.json, which the Swift tests compare
against (CI has no PyPI):

linkk.json, one entry per case: `linKK(f, Z, c, max_M, fit_type, add_cap)` on the named spectrum
(impedance.py's readers; `ignoreBelowX` where "preprocessing" says so). Recorded: M, mu, Z_fit,
the residuals (Z - Z_fit)/|Z| (real and imaginary), and the fitted elements of the chosen M
(`fit_linKK` again with the returned M: R_0, R_1..R_M, [1/C], L).
impedance.py 1.7.1 evaluates a string that needs `np` in `circuit_elements`; it is set below.

drt.json, one entry per case: `simple_run(EIS_object.from_file(path), rbf_type, data_used,
induct_used, der_used, cv_type, reg_param, shape_control, coeff)`. Recorded: epsilon, the lambda used
(chosen by GCV when cv_type = 'GCV', scipy SLSQP from log(reg_param) in [log 1e-7, log 1]), the solution
x of the cvxopt QP (R_inf / L first, as pyDRTtools orders them), R, L, tau_fine and gamma on it,
the fitted Z (A x), the first column and row of A_re, A_im and M (to check the quadrature), the GCV
score at a few lambdas, and the peaks pyDRTtools' `peak_analysis` starts from
(`scipy.signal.find_peaks(gamma, height=0.005*std(gamma), distance=5)`).
pyDRTtools 0.2's 'Re Data' branch prints the misspelt attribute `entry.lambda_lambda`; the script sets
that attribute beforehand so the branch runs (it changes no number).
"""
import contextlib
import io
import json
import os
import sys

import numpy as np
import scipy
from scipy.signal import find_peaks

import impedance
from impedance import preprocessing
import impedance.validation as validation

import cvxopt
from cvxopt import solvers

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "Tests", "ImpedanceTests", "Reference")

validation.circuit_elements["np"] = np  # impedance.py 1.7.1's eval_linKK needs it

# A spectrum whose GCV score is large enough (Ohm-scale impedance with noise) for pyDRTtools' SLSQP to
# move away from its starting lambda: R_inf 10 Ohm + ZARC (R 100 Ohm, tau 1e-3 s, phi 0.8) + RC (50 Ohm,
# 1 s), 10 points per decade from 1e5 to 1e-2 Hz, Gaussian noise of 0.5 % of |Z| on each part (numpy
# default_rng(14)). Written by `synthetic()` below and committed.
SYNTHETIC = "Data/impedance/drt/synthetic_zarc_rc_noise.csv"

LINKK_CASES = [
    dict(name="example_default", data="Data/impedance/exampleData.csv", reader="readCSV",
         preprocessing="ignoreBelowX", c=0.85, max_M=50, fit_type="real", add_cap=False),
    dict(name="example_tutorial", data="Data/impedance/exampleData.csv", reader="readCSV",
         preprocessing="ignoreBelowX", c=0.5, max_M=100, fit_type="complex", add_cap=True),
    dict(name="example_full_complex", data="Data/impedance/exampleData.csv", reader="readCSV",
         preprocessing="none", c=0.85, max_M=50, fit_type="complex", add_cap=False),
    dict(name="example_imag_cap", data="Data/impedance/exampleData.csv", reader="readCSV",
         preprocessing="ignoreBelowX", c=0.85, max_M=50, fit_type="imag", add_cap=True),
    dict(name="zplot_circuit1_default", data="Data/impedance/Circuit1_EIS_1.z", reader="readZPlot",
         preprocessing="none", c=0.85, max_M=50, fit_type="real", add_cap=False),
    dict(name="zplot_circuit1_complex_cap", data="Data/impedance/Circuit1_EIS_1.z", reader="readZPlot",
         preprocessing="none", c=0.85, max_M=50, fit_type="complex", add_cap=True),
]

DRT_CASES = [
    dict(name="lib_default", data="Data/impedance/drt/LIB_data.txt", rbf_type="Gaussian",
         data_used="Combined Re-Im Data", induct_used=1, der_used="1st order", cv_type="GCV", reg_param=1e-3,
         shape_control="FWHM Coefficient", coeff=0.5),
    dict(name="lib_fixed_2nd", data="Data/impedance/drt/LIB_data.txt", rbf_type="Gaussian",
         data_used="Combined Re-Im Data", induct_used=1, der_used="2nd order", cv_type="custom", reg_param=1e-3,
         shape_control="FWHM Coefficient", coeff=0.5),
    dict(name="lib2_gcv_2nd_noL", data="Data/impedance/drt/LIB_data_2.txt", rbf_type="Gaussian",
         data_used="Combined Re-Im Data", induct_used=0, der_used="2nd order", cv_type="GCV", reg_param=1e-3,
         shape_control="FWHM Coefficient", coeff=0.5),
    dict(name="data1_im_fixed", data="Data/impedance/drt/data_1.csv", rbf_type="Gaussian",
         data_used="Im Data", induct_used=1, der_used="1st order", cv_type="custom", reg_param=1e-4,
         shape_control="FWHM Coefficient", coeff=0.5),
    dict(name="data1_re_fixed", data="Data/impedance/drt/data_1.csv", rbf_type="Gaussian",
         data_used="Re Data", induct_used=1, der_used="1st order", cv_type="custom", reg_param=1e-3,
         shape_control="FWHM Coefficient", coeff=0.5),
    dict(name="data1_gcv", data="Data/impedance/drt/data_1.csv", rbf_type="Gaussian",
         data_used="Combined Re-Im Data", induct_used=1, der_used="1st order", cv_type="GCV", reg_param=1e-3,
         shape_control="FWHM Coefficient", coeff=0.5),
    dict(name="synthetic_gcv", data=SYNTHETIC, rbf_type="Gaussian",
         data_used="Combined Re-Im Data", induct_used=0, der_used="1st order", cv_type="GCV", reg_param=1e-3,
         shape_control="FWHM Coefficient", coeff=0.5),
    dict(name="synthetic_gcv_2nd", data=SYNTHETIC, rbf_type="Gaussian",
         data_used="Combined Re-Im Data", induct_used=0, der_used="2nd order", cv_type="GCV", reg_param=1e-3,
         shape_control="FWHM Coefficient", coeff=0.5),
]

GCV_LAMBDAS = [1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0]


def floats(a):
    return [float(x) for x in np.asarray(a).ravel()]


def read(case):
    path = os.path.join(ROOT, case["data"])
    f, Z = getattr(preprocessing, case["reader"])(path)
    if case["preprocessing"] == "ignoreBelowX":
        f, Z = preprocessing.ignoreBelowX(f, Z)
    return np.asarray(f, dtype=float), np.asarray(Z, dtype=complex)


def linkk():
    out = {
        "program": "impedance.py", "version": impedance.__version__, "python": sys.version.split()[0],
        "numpy": np.__version__, "scipy": scipy.__version__,
        "settings": {
            "call": "impedance.validation.linKK(f, Z, c, max_M, fit_type, add_cap)",
            "time_constants": "get_tc_distribution: tau_1 = 1/(2 pi f_max), tau_M = 1/(2 pi f_min), log-spaced",
            "M_search": "M = 1, 2, ... while mu > c and M < max_M",
            "residuals": "(Z - Z_fit)/|Z|, real and imaginary parts",
            "elements": "fit_linKK(f, get_tc_distribution(f, M), M, Z, fit_type, add_cap)[0]: "
                        "R_0, R_1..R_M, [1/C when add_cap], L",
            "units": "frequency Hz, impedance Ohm, R Ohm, L H, 1/C 1/F",
        },
        "cases": [],
    }
    for case in LINKK_CASES:
        f, Z = read(case)
        with contextlib.redirect_stdout(io.StringIO()):
            M, mu, Z_fit, res_re, res_im = validation.linKK(
                f, Z, c=case["c"], max_M=case["max_M"], fit_type=case["fit_type"], add_cap=case["add_cap"])
            ts = validation.get_tc_distribution(f, M)
            elements, _ = validation.fit_linKK(f, ts, M, Z, case["fit_type"], case["add_cap"])
        entry = dict(case)
        entry.update({
            "points": int(len(f)), "frequency": floats(f), "real": floats(Z.real), "imag": floats(Z.imag),
            "M": int(M), "mu": float(mu), "time_constants": floats(ts), "elements": floats(elements),
            "fit_real": floats(Z_fit.real), "fit_imag": floats(Z_fit.imag),
            "residuals_real": floats(res_re), "residuals_imag": floats(res_im),
            "max_abs_residual": float(max(np.max(np.abs(res_re)), np.max(np.abs(res_im)))),
        })
        out["cases"].append(entry)
        print("linKK", case["name"], M, mu, file=sys.stderr)
    return out


def synthetic():
    f = np.logspace(5, -2, 71)
    w = 2 * np.pi * f
    Z = 10 + 100 / (1 + (1j * w * 1e-3) ** 0.8) + 50 / (1 + 1j * w * 1.0)
    rng = np.random.default_rng(14)
    noise = 0.005 * np.abs(Z) * (rng.standard_normal(len(f)) + 1j * rng.standard_normal(len(f)))
    Z = Z + noise
    with open(os.path.join(ROOT, SYNTHETIC), "w") as out:
        for fi, zi in zip(f, Z):
            out.write(f"{float(fi)!r},{float(zi.real)!r},{float(zi.imag)!r}\n")


def drt():
    # pyDRTtools/__init__.py imports its Qt GUI (PyQt5, not needed here): register the package without
    # running __init__, so that only the numerical modules are imported.
    import importlib.util
    import types
    spec = importlib.util.find_spec("pyDRTtools")
    package = types.ModuleType("pyDRTtools")
    package.__path__ = list(spec.submodule_search_locations)
    sys.modules["pyDRTtools"] = package
    from pyDRTtools import runs
    from pyDRTtools import parameter_selection as param
    solvers.options["show_progress"] = False
    out = {
        "program": "pyDRTtools", "version": "0.2 (PyPI; ciuccislab/pyDRTtools)", "python": sys.version.split()[0],
        "numpy": np.__version__, "scipy": scipy.__version__, "cvxopt": cvxopt.__version__,
        "settings": {
            "call": "runs.simple_run(runs.EIS_object.from_file(path), rbf_type, data_used, induct_used, der_used, "
                    "cv_type, reg_param, shape_control, coeff)",
            "collocation": "tau = 1/f (s); gamma on tau_fine = logspace(log10(min tau)-0.5, log10(max tau)+0.5, 10 N)",
            "qp": "cvxopt.solvers.qp(H, c, -I, 0) with cvxopt's default tolerances (abstol 1e-7, reltol 1e-6, "
                  "feastol 1e-7); show_progress off. 'tight': the same run (at the lambda used) with abstol = reltol = "
                  "feastol = 1e-12, maxiters 500",
            "lambda": "cv_type 'custom': reg_param; 'GCV': scipy.optimize.minimize(compute_GCV, log(reg_param), "
                      "method='SLSQP', bounds=[(log 1e-7, log 1)], maxiter=2000)",
            "x_order": "x[0:N_RL] are the inductance (when induct_used == 1) then R_inf (when the real part is used), "
                       "as pyDRTtools orders them; x[N_RL:] the RBF weights",
            "peaks": "scipy.signal.find_peaks(gamma, height=0.005*std(gamma), distance=5) as in runs.peak_analysis",
            "units": "frequency Hz, tau s, gamma Ohm, R Ohm, L H",
        },
        "cases": [],
    }
    for case in DRT_CASES:
        path = os.path.join(ROOT, case["data"])
        entry_obj = runs.EIS_object.from_file(path)
        entry_obj.lambda_lambda = None  # pyDRTtools 0.2 prints this misspelt attribute in its 'Re Data' branch
        settings = {k: case[k] for k in ("rbf_type", "data_used", "induct_used", "der_used", "cv_type", "reg_param",
                                         "shape_control", "coeff")}
        with contextlib.redirect_stdout(io.StringIO()):
            r = runs.simple_run(entry_obj, **settings)
            gcv = [float(param.compute_GCV(np.log(lam), r.A_re, r.A_im, r.b_re, r.b_im, r.M, r.data_used
                                           if hasattr(r, "data_used") else case["data_used"], case["induct_used"]))
                   for lam in GCV_LAMBDAS]
        # The minimiser of pyDRTtools' own GCV score over its bounds (bounded Brent on log lambda after a
        # grid scan): SLSQP in simple_run stops at its starting point when the score is below its
        # absolute tolerance 1e-6 (scores here are Ohm^2), so both are recorded.
        args = (r.A_re, r.A_im, r.b_re, r.b_im, r.M, case["data_used"], case["induct_used"])
        grid = np.linspace(np.log(1e-7), np.log(1.0), 57)
        with contextlib.redirect_stdout(io.StringIO()):
            scores = [param.compute_GCV(g, *args) for g in grid]
            k = int(np.argmin(scores))
            lo, hi = grid[max(k - 1, 0)], grid[min(k + 1, len(grid) - 1)]
            best = scipy.optimize.minimize_scalar(lambda t: param.compute_GCV(t, *args), bounds=(lo, hi),
                                                  method="bounded", options={"xatol": 1e-8})
        x = np.array(r.x)
        full_x = np.concatenate([np.zeros(r.N_RL), x])
        # the full solution: rebuild from R and L as simple_run stores them
        if r.N_RL == 2:
            full_x[0], full_x[1] = r.L, r.R
        elif r.N_RL == 1:
            full_x[0] = r.L if case["data_used"] == "Im Data" else r.R
        gamma = np.asarray(r.gamma).ravel()
        peaks, _ = find_peaks(gamma, height=0.005 * np.std(gamma), distance=5)
        entry = dict(case)
        entry.update({
            "points": int(len(r.freq)), "frequency": floats(r.freq), "real": floats(r.Z_prime),
            "imag": floats(r.Z_double_prime), "epsilon": float(r.epsilon), "lambda": float(np.ravel(r.lambda_value)[0]),
            "N_RL": int(r.N_RL), "R_inf": float(r.R), "L": float(r.L), "x": floats(full_x),
            "tau_fine": floats(r.out_tau_vec), "gamma": floats(gamma),
            "fit_real": floats(r.mu_Z_re), "fit_imag": floats(r.mu_Z_im),
            "A_re_column0": floats(r.A_re_temp[:, 0]), "A_re_row0": floats(r.A_re_temp[0, :]),
            "A_im_column0": floats(r.A_im_temp[:, 0]), "A_im_row0": floats(r.A_im_temp[0, :]),
            "M_row0": floats(r.M_temp[0, :]), "M_column0": floats(r.M_temp[:, 0]),
            "gcv_lambdas": GCV_LAMBDAS, "gcv_scores": gcv,
            "gcv_minimiser_lambda": float(np.exp(best.x)), "gcv_minimiser_score": float(best.fun),
            "gcv_minimiser_method": "57-point grid in log lambda over [log 1e-7, 0], then scipy minimize_scalar "
                                    "(bounded, xatol 1e-8) between the grid neighbours of the best point",
            "peak_indices": [int(i) for i in peaks], "peak_tau": floats(r.out_tau_vec[peaks]),
            "peak_gamma": floats(gamma[peaks]),
        })
        # The same run with cvxopt converged tightly (abstol = reltol = feastol = 1e-12): the exact optimum
        # of the same quadratic program, which Interphase's active-set solver finds; cvxopt's defaults stop
        # where the objective is still ~1e-3 relative above it.
        tight_obj = runs.EIS_object.from_file(path)
        tight_obj.lambda_lambda = None
        tight_settings = dict(settings)
        if case["cv_type"] == "GCV":
            tight_settings.update(cv_type="custom", reg_param=float(np.ravel(r.lambda_value)[0]))
        solvers.options.update(abstol=1e-12, reltol=1e-12, feastol=1e-12, maxiters=500)
        with contextlib.redirect_stdout(io.StringIO()):
            t = runs.simple_run(tight_obj, **tight_settings)
        for key in ("abstol", "reltol", "feastol", "maxiters"):
            solvers.options.pop(key, None)
        tight_gamma = np.asarray(t.gamma).ravel()
        tight_peaks, _ = find_peaks(tight_gamma, height=0.005 * np.std(tight_gamma), distance=5)
        entry["tight"] = {
            "R_inf": float(t.R), "L": float(t.L), "fit_real": floats(t.mu_Z_re), "fit_imag": floats(t.mu_Z_im),
            "gamma": floats(tight_gamma), "peak_tau": floats(t.out_tau_vec[tight_peaks]), "peak_gamma": floats(tight_gamma[tight_peaks]),
        }
        out["cases"].append(entry)
        print("DRT", case["name"], "lambda", r.lambda_value, "peaks tau", r.out_tau_vec[peaks], file=sys.stderr)
    return out


def write(name, value):
    path = os.path.join(OUT_DIR, name)
    with open(path, "w") as f:
        json.dump(value, f, indent=1)
        f.write("\n")
    print("wrote", path, file=sys.stderr)


def main():
    synthetic()
    write("linkk.json", linkk())
    write("drt.json", drt())


if __name__ == "__main__":
    main()
