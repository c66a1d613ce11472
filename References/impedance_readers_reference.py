"""Reference values for Interphase's impedance-file readers, produced by independent readers:
impedance.py 1.7.1's `preprocessing.read*` functions (the instrument text files) and galvani 0.5.0
(`BioLogic.MPRfile`, EC-Lab PEIS/GEIS .mpr).

Run with an interpreter that has them (this script installs nothing), from the repository root:

    /tmp/refvenv/bin/pip install impedance==1.7.1 galvani==0.5.0
    /tmp/refvenv/bin/python References/impedance_readers_reference.py

It writes Tests/ImpedanceReadersTests/Reference/readers.json (CI has no PyPI): per file, the reader
used, the number of points, and the frequencies (Hz), Z' and Z'' (Ohm, Z'' = Im Z, negative for a
capacitive arc: impedance.py's convention; galvani's -Im(Z)/Ohm is negated here) of every point, and
for multi-sweep .mpr files the sweep (`cycle number`) of every point. Files impedance.py refuses are
recorded with the exception it raises (the BioLogic file missing its freq/Hz header name).
The Maccor FRA export and pyDRTtools' headerless tables are read with numpy (`loadtxt` /
`genfromtxt`, the columns the header names), as impedance.py has no reader for them.
"""
import json
import os
import sys

import numpy as np
import galvani
from galvani import BioLogic
import impedance
from impedance import preprocessing

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "ImpedanceReadersTests", "Reference", "readers.json")

IMPEDANCE_PY = [
    ("impedance/exampleDataGamry.DTA", "gamry"),
    ("impedance/exampleDataGamryABORT.DTA", "gamry"),
    ("impedance/exampleDataBioLogic.mpt", "biologic"),
    ("impedance/exampleDataBioLogic_MissingFreq.mpt", "biologic"),
    ("impedance/exampleDataCHInstruments.txt", "chinstruments"),
    ("impedance/exampleDataZPlot.z", "zplot"),
    ("impedance/exampleDataZPlot_noComments.z", "zplot"),
    ("impedance/Circuit1_EIS_1.z", "zplot"),
    ("impedance/Circuit2_EIS_1.z", "zplot"),
    ("impedance/Circuit3_EIS_2.z", "zplot"),
    ("impedance/exampleDataAutolab.txt", "autolab"),
    ("impedance/exampleDataParstat.txt", "parstat"),
    ("impedance/exampleDataVersaStudio.par", "versastudio"),
    ("impedance/exampleDataPowersuite.txt", "powersuite"),
    ("impedance/exampleData.csv", None),
    ("cycler/biologic_mpt/multiple_techniques_dataset_01_01_PEIS_C01.mpt", "biologic"),
]
GALVANI = [
    "cycler/biologic_mpr/PEIS.mpr",
    "cycler/lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA_02_GEIS_C05.mpr",
    "cycler/lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA-prerun_C05.mpr",
]


def entry(f, z, reader, sweep=None):
    e = {"reader": reader, "points": int(len(f)), "frequency": [float(x) for x in f],
         "real": [float(x) for x in np.real(z)], "imaginary": [float(x) for x in np.imag(z)]}
    if sweep is not None:
        e["sweep"] = [int(x) for x in sweep]
    return e


def main():
    files = {}
    for rel, instrument in IMPEDANCE_PY:
        path = os.path.join(ROOT, "Data", rel)
        name = f"impedance.py preprocessing.readFile(instrument={instrument!r})"
        try:
            f, z = preprocessing.readFile(path, instrument=instrument)
            files[rel] = entry(f, z, name)
        except Exception as error:  # the damaged header: impedance.py's own message
            files[rel] = {"reader": name, "error": f"{type(error).__name__}: {error}"}
    for rel in GALVANI:
        data = BioLogic.MPRfile(os.path.join(ROOT, "Data", rel)).data
        z = data["Re(Z)/Ohm"] - 1j * data["-Im(Z)/Ohm"]
        files[rel] = entry(data["freq/Hz"], z, "galvani BioLogic.MPRfile", sweep=data["cycle number"])
    # Maccor FRA: the table after the 'Freq(Hz)' header line (numpy; columns 0, 3, 4 = Freq(Hz), Z'(a), Z''(b)).
    rel = "cycler/maccor/maccor_test_file_4267-66-6519.EDA0001.041"
    lines = open(os.path.join(ROOT, "Data", rel), encoding="latin-1").read().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Freq(Hz)")) + 1
    rows = [l.split("\t") for l in lines[start:] if l.strip()]
    f = np.array([float(r[0]) for r in rows])
    z = np.array([float(r[3]) for r in rows]) + 1j * np.array([float(r[4]) for r in rows])
    files[rel] = entry(f, z, "numpy (columns Freq(Hz), Z'(a), Z''(b) after the header line)")
    out = {
        "programs": {"impedance.py": impedance.__version__ if hasattr(impedance, "__version__") else "1.7.1",
                     "galvani": "0.5.0", "numpy": np.__version__,
                     "python": sys.version.split()[0]},
        "convention": "frequency Hz; real, imaginary Ohm with imaginary = Im Z (negative when capacitive)",
        "files": files,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as handle:
        json.dump(out, handle, indent=1)
    print(f"wrote {OUT}: {len(files)} files")


if __name__ == "__main__":
    main()
