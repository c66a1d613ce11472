"""Equivalent-circuit fits of instrument files by impedance.py 1.7.1, for Interphase's fits on files other
than the tutorial spectrum (issue 14 asks for at least four other files and circuits).

Run from the repository root (this script installs nothing):

    /tmp/refvenv/bin/pip install impedance==1.7.1
    /tmp/refvenv/bin/python References/impedance_file_fits_reference.py

Each case: impedance.py's reader for the file, CustomCircuit(circuit, initial_guess=guess).fit(f, Z) with
impedance.py's defaults (scipy curve_fit, TRF, default bounds, unit weighting). Recorded: parameters_,
conf_ and the chi-square Σ r² of the stacked residuals. Writes Tests/ImpedanceTests/Reference/file_fits.json.
"""
import json
import os
import sys
import warnings

import numpy as np
import impedance
from impedance import preprocessing
from impedance.models.circuits import CustomCircuit

warnings.filterwarnings("ignore")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "ImpedanceTests", "Reference", "file_fits.json")

CASES = [
    ("zplot_circuit1", "Data/impedance/Circuit1_EIS_1.z", "zplot", "R0-p(R1,CPE1)", [30, 50, 1e-5, 1.0]),
    ("zplot_circuit2", "Data/impedance/Circuit2_EIS_1.z", "zplot", "R0-p(R1,CPE1)", [150, 500, 3e-8, 1.0]),
    ("zplot_circuit3", "Data/impedance/Circuit3_EIS_2.z", "zplot", "R0-p(R1,CPE1)-C2", [1500, 5000, 2e-8, 1.0, 0.02]),
    ("biologic_mpt", "Data/impedance/exampleDataBioLogic.mpt", "biologic", "R0-p(R1,CPE1)", [60, 50, 1e-2, 0.9]),
    ("gamry_dta", "Data/impedance/exampleDataGamry.DTA", "gamry", "R0-p(R1,CPE1)", [3000, 2e4, 1e-4, 0.6]),
]


def main():
    cases = []
    for name, path, instrument, circuit, guess in CASES:
        f, z = preprocessing.readFile(os.path.join(ROOT, path), instrument=instrument)
        c = CustomCircuit(circuit, initial_guess=guess)
        c.fit(f, z)
        r = c.predict(f) - z
        cases.append({"name": name, "data": path, "circuit": circuit, "initial_guess": guess,
                      "parameters": [float(v) for v in c.parameters_], "conf": [float(v) for v in c.conf_],
                      "chi_square": float(np.sum(r.real ** 2 + r.imag ** 2))})
        print(name, c.parameters_)
    json.dump({"program": "impedance.py", "version": "1.7.1", "numpy": np.__version__, "python": sys.version.split()[0],
               "settings": "CustomCircuit(circuit, initial_guess).fit(f, Z): scipy curve_fit TRF, default bounds, unit weights",
               "cases": cases}, open(OUT, "w"), indent=1)


if __name__ == "__main__":
    main()
