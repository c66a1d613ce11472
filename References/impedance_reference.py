"""Reference values for Interphase's Impedance module, produced by an independent program: impedance.py.

Run with an interpreter that has impedance==1.7.1 installed (it pulls numpy and scipy; this script
installs nothing), from the repository root:

    /tmp/refvenv/bin/pip install impedance==1.7.1
    /tmp/refvenv/bin/python References/impedance_reference.py

It writes Tests/ImpedanceTests/Reference/impedance.json, which the Swift tests compare against (CI has
no PyPI):
- "elements": Z of every element of impedance.py's `circuit_elements` that Interphase implements, for
  one parameter set each, at the frequencies in "frequencies" (Hz).
- "circuits": Z of composite circuits (`CustomCircuit.predict`) at the same frequencies.
- "fits": `CustomCircuit(circuit, initial_guess=…, constants=…).fit(f, Z, weight_by_modulus=…)` on
  Data/impedance/exampleData.csv after `preprocessing.ignoreBelowX` (the tutorial; "preprocessing" says
  "none" for the fits of the whole spectrum with an inductor), with impedance.py's
  defaults (scipy curve_fit, trust-region reflective, ftol=1e-13, maxfev=1e5, default bounds).
  Recorded: parameters_, conf_, the (weighted) chi-square Σ r² of the stacked real/imaginary residuals,
  and the evaluation count and status of the same scipy curve_fit call (full_output=True).
"""
import json
import os
import sys

import numpy as np
import scipy
import impedance
from impedance import preprocessing
from impedance.models.circuits import CustomCircuit
from impedance.models.circuits.elements import circuit_elements
from impedance.models.circuits.fitting import set_default_bounds, wrapCircuit
from scipy.optimize import curve_fit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Data", "impedance", "exampleData.csv")
OUT = os.path.join(ROOT, "Tests", "ImpedanceTests", "Reference", "impedance.json")

FREQUENCIES = np.logspace(-3, 5, 17)

# One parameter set per element (parameters in impedance.py's order and units).
ELEMENTS = {
    "R": [0.1],
    "C": [1e-3],
    "L": [1e-6],
    "W": [0.05],
    "Wo": [0.1, 2.0],
    "Ws": [0.1, 2.0],
    "CPE": [1e-3, 0.85],
    "La": [1e-5, 0.9],
    "G": [0.2, 1e-2],
    "Gs": [0.2, 1e-2, 0.7],
    "K": [0.15, 1e-3],
    "Zarc": [0.1, 1e-3, 0.8],
    "T": [0.5, 0.3, 2.0, 1e-4],
}

CIRCUITS = [
    ("R0-p(R1,CPE1)-p(R2-Wo1,C2)", [0.015, 0.008, 1.0, 0.8, 0.006, 0.06, 200.0, 0.2]),
    ("L0-R0-p(R1,C1)-p(R2-Ws1,CPE2)-W1", [1e-7, 0.01, 0.02, 1e-3, 0.03, 0.05, 5.0, 0.1, 0.7, 0.004]),
    ("R0-p(p(R1,C1),G1-Gs1)-K1-T1", [0.01, 0.02, 1e-3, 0.1, 1e-2, 0.2, 1e-3, 0.5, 0.05, 1e-3, 0.5, 0.3, 2.0, 1e-4]),
]

TUTORIAL = "R0-p(R1,C1)-p(R2-Wo1,C2)"
FITS = [
    dict(name="tutorial", circuit=TUTORIAL, initial_guess=[.01, .01, 100, .01, .05, 100, 1], constants={},
         weight_by_modulus=False),
    dict(name="tutorial_modulus_weighting", circuit=TUTORIAL, initial_guess=[.01, .01, 100, .01, .05, 100, 1],
         constants={}, weight_by_modulus=True),
    dict(name="tutorial_constant_R0", circuit=TUTORIAL, initial_guess=[.01, 100, .01, .05, 100, 1],
         constants={"R0": 0.0165}, weight_by_modulus=False),
    dict(name="cpe_warburg", circuit="R0-p(R1,CPE1)-W1", initial_guess=[.01, .01, 1, 0.9, .01], constants={},
         weight_by_modulus=False),
    dict(name="cpe_finite_warburg", circuit="R0-p(R1,CPE1)-p(R2-Wo1,C2)",
         initial_guess=[.01, .01, 100, 0.9, .01, .05, 100, 1], constants={}, weight_by_modulus=False),
    # The whole spectrum, inductive high-frequency points included (no ignoreBelowX), with an inductor.
    dict(name="inductive_full", circuit="L0-" + TUTORIAL, initial_guess=[1e-7, .01, .01, 100, .01, .05, 100, 1],
         constants={}, weight_by_modulus=False, ignore_below_x=False),
    dict(name="inductive_two_cpe_warburg", circuit="L0-R0-p(R1,CPE1)-p(R2,CPE2)-W1",
         initial_guess=[1e-7, .01, .01, 1, 0.9, .01, .1, 0.8, .01], constants={}, weight_by_modulus=False,
         ignore_below_x=False),
]


def floats(a):
    return [float(x) for x in a]


def main():
    result = {
        "program": "impedance.py",
        "version": impedance.__version__,
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "settings": {
            "elements": "impedance.models.circuits.elements.circuit_elements[name](parameters, frequencies)",
            "circuits": "CustomCircuit(circuit, initial_guess=parameters).predict(frequencies, use_initial=True)",
            "fits": "preprocessing.readCSV(exampleData.csv); preprocessing.ignoreBelowX; "
                    "CustomCircuit(circuit, initial_guess, constants).fit(f, Z, weight_by_modulus) with impedance.py "
                    "defaults (curve_fit trf, ftol=1e-13, maxfev=1e5, bounds >= 0, CPE/La exponents <= 1)",
            "chi_square": "sum of squared residuals of the stacked real and imaginary parts, divided by sigma=|Z| "
                          "when weight_by_modulus",
            "units": "frequency Hz, impedance Ohm, parameters in impedance.py's element units",
        },
        "frequencies": floats(FREQUENCIES),
        "elements": {},
        "circuits": [],
        "fits": [],
    }
    for name, p in ELEMENTS.items():
        z = circuit_elements[name]([float(x) for x in p], FREQUENCIES)
        result["elements"][name] = {"parameters": p, "real": floats(np.real(z)), "imag": floats(np.imag(z))}
    for circuit, p in CIRCUITS:
        z = CustomCircuit(circuit, initial_guess=p).predict(FREQUENCIES, use_initial=True)
        result["circuits"].append({"circuit": circuit, "parameters": p, "real": floats(z.real), "imag": floats(z.imag)})

    f_all, Z_all = preprocessing.readCSV(DATA)
    f_cap, Z_cap = preprocessing.ignoreBelowX(f_all, Z_all)
    for spec in FITS:
        spec = dict(spec)
        ignore = spec.pop("ignore_below_x", True)
        f, Z = (f_cap, Z_cap) if ignore else (f_all, Z_all)
        c = CustomCircuit(spec["circuit"], initial_guess=spec["initial_guess"], constants=spec["constants"])
        c.fit(f, Z, weight_by_modulus=spec["weight_by_modulus"])
        predicted = c.predict(f)
        sigma = np.abs(Z) if spec["weight_by_modulus"] else np.ones(len(f))
        r = np.hstack([(predicted.real - Z.real) / sigma, (predicted.imag - Z.imag) / sigma])
        names, units = c.get_param_names()
        entry = dict(spec)
        # The same curve_fit call circuit_fit makes, with full_output, for the solver's path.
        kwargs = {"sigma": np.hstack([np.abs(Z), np.abs(Z)])} if spec["weight_by_modulus"] else {}
        _, _, info, message, status = curve_fit(
            wrapCircuit(spec["circuit"], spec["constants"]), f, np.hstack([Z.real, Z.imag]),
            p0=spec["initial_guess"], bounds=set_default_bounds(spec["circuit"], constants=spec["constants"]),
            ftol=1e-13, maxfev=1e5, full_output=True, **kwargs)
        entry.update({
            "scipy_nfev": int(info["nfev"]),
            "scipy_status": int(status),
            "scipy_message": message,
            "data": "Data/impedance/exampleData.csv",
            "preprocessing": "ignoreBelowX" if ignore else "none",
            "points": int(len(f)),
            "parameter_names": names,
            "parameter_units": units,
            "parameters": floats(c.parameters_),
            "conf": floats(c.conf_),
            "chi_square": float(np.sum(r ** 2)),
        })
        result["fits"].append(entry)
        print(spec["name"], c.parameters_, file=sys.stderr)
    with open(OUT, "w") as out:
        json.dump(result, out, indent=1)
        out.write("\n")
    print("wrote", OUT, file=sys.stderr)


if __name__ == "__main__":
    main()
