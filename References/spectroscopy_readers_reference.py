"""Reference values for Interphase's spectroscopy readers (Sources/SpectroscopyReaders), produced by
independent readers: vamas 0.2.0 (VAMAS REGULAR), pynxtools-xps 0.6.3 (VAMAS IRREGULAR, SPECS .xy,
CasaXPS text export, Scienta SES text) and numpy (the two-column tables).

Run from the repository root with an interpreter that has them (this script installs nothing):

    /tmp/refvenv/bin/pip install vamas==0.2.0 pynxtools-xps==0.6.3 numpy
    /tmp/refvenv/bin/python References/spectroscopy_readers_reference.py

It writes Tests/SpectroscopyTests/Reference/readers.json: per file the reader used and its settings, and per
spectrum (VAMAS block, SPECS cycle, CasaXPS block, Scienta region) the number of points, the first and last
abscissa value as the file records it (kinetic or binding energy, eV), the photon energy where the reader
gives one, the sum of the intensities and ~25 sampled (index, x, y) points.

Settings: 0-150W.vms starts with two blank lines, which vamas 0.2.0 refuses; it is given the file without
them (a temporary copy), nothing else changed. vamas and pynxtools-xps both refuse nothing else here.
pynxtools-xps merges the cycles of a SPECS region into one array (cycle, scan, energy); each cycle is
recorded separately, in file order, to compare with Interphase's one spectrum per cycle.
"""
import json
import os
import tempfile
from pathlib import Path

import numpy as np
import vamas
from vamas import Vamas
import pynxtools_xps
from pynxtools_xps.parsers.specs.xy.parser import SPECSXYParser
from pynxtools_xps.parsers.scienta.txt_parser import ScientaTXTParser
from pynxtools_xps.parsers.vms.parser import VamasParser
from pynxtools_xps.parsers.vms_export.parser_export import VamasExportParser

from reference_common import sample_indices, plain

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Data", "spectroscopy", "xps")
OUT = os.path.join(ROOT, "Tests", "SpectroscopyTests", "Reference", "readers.json")


def spectrum(name, x, y, photon=None, extra=None):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    idx = sample_indices(len(x))
    e = {"name": name, "points": int(len(x)), "x_first": float(x[0]), "x_last": float(x[-1]),
         "photon_energy": plain(photon), "y_sum": float(np.sum(y)),
         "samples": [[int(i), float(x[i]), float(y[i])] for i in idx]}
    if extra:
        e.update(extra)
    return e


def read_vamas(path):
    v = Vamas(path)
    out = []
    for b in v.blocks:
        n = len(b.corresponding_variables[0].y_values)
        x = b.x_start + b.x_step * np.arange(n)
        extra = {}
        if len(b.corresponding_variables) > 1:
            extra["second_variable"] = b.corresponding_variables[1].label
            extra["second_variable_sum"] = float(np.sum(b.corresponding_variables[1].y_values))
        label = " ".join(s for s in [b.species_label, b.transition_or_charge_state_label] if s)
        out.append(spectrum(label or b.block_identifier, x, b.corresponding_variables[0].y_values,
                            b.analysis_source_characteristic_energy, extra))
    return out


files = {}

files["regular.vms"] = {"reader": f"vamas {vamas.__version__ if hasattr(vamas, '__version__') else '0.2.0'}",
                        "settings": "Vamas(path); x = x_start + x_step·i; first corresponding variable as intensity",
                        "spectra": read_vamas(os.path.join(DATA, "regular.vms"))}

with open(os.path.join(DATA, "0-150W.vms"), encoding="latin-1") as f:
    text = f.read()
with tempfile.NamedTemporaryFile("w", suffix=".vms", delete=False, encoding="latin-1") as tmp:
    tmp.write(text.lstrip("\r\n"))
files["0-150W.vms"] = {"reader": "vamas 0.2.0", "settings": "the two leading blank lines removed (vamas refuses them); otherwise as regular.vms",
                       "spectra": read_vamas(tmp.name)}
os.unlink(tmp.name)

p = VamasParser()
p.parse(Path(os.path.join(DATA, "irregular.vms")))
files["irregular.vms"] = {"reader": f"pynxtools-xps {pynxtools_xps.__version__ if hasattr(pynxtools_xps, '__version__') else '0.6.3'} VamasParser",
                          "settings": "parser.blocks[k].x (abscissa, the first corresponding variable), .y (second)",
                          "spectra": [spectrum(b.species_label, b.x, b.y, b.source_energy,
                                               {"second_variable_sum": float(np.sum(b.y1))}) for b in p.blocks]}

q = SPECSXYParser()
q.parse(Path(os.path.join(DATA, "MgFe2O4_with_transmission_function.xy")))
specs = []
for key, entry in q.data.items():
    a = entry.data
    energy = a.coords[a.dims[-1]].values
    meta = entry.metadata
    for c in range(a.shape[0]):
        specs.append(spectrum(meta.get("region_name", key), energy, a.values[c, 0, :], meta.get("excitation_energy"),
                              {"group": meta.get("group_name"), "cycle": c}))
files["MgFe2O4_with_transmission_function.xy"] = {
    "reader": "pynxtools-xps 0.6.3 SPECSXYParser", "settings": "data (cycle, scan, energy); one entry per cycle; counts/s as exported",
    "spectra": specs}

q = VamasExportParser()
q.parse(Path(os.path.join(DATA, "vms_txt_export.txt")))
files["vms_txt_export.txt"] = {
    "reader": "pynxtools-xps 0.6.3 VamasExportParser", "settings": "data (cycle, scan, energy) of each block, binding energy",
    "spectra": [spectrum(k, e.data.coords["energy"].values, e.data.values.reshape(-1, e.data.shape[-1])[0]) for k, e in q.data.items()]}

q = ScientaTXTParser()
q.parse(Path(os.path.join(DATA, "Ag_0001.txt")))
files["Ag_0001.txt"] = {
    "reader": "pynxtools-xps 0.6.3 ScientaTXTParser", "settings": "data of the one region, binding energy",
    "spectra": [spectrum(k, e.data.coords["energy"].values, e.data.values.reshape(-1, e.data.shape[-1])[0],
                         e.metadata.get("excitation_energy")) for k, e in q.data.items()]}

d = np.loadtxt(os.path.join(DATA, "PET_C1s.csv"), delimiter=",", skiprows=1)
files["PET_C1s.csv"] = {"reader": f"numpy {np.__version__} loadtxt", "settings": "delimiter ',', skiprows 1",
                        "spectra": [spectrum("InPET_C1s", d[:, 0], d[:, 1])]}
d = np.loadtxt(os.path.join(DATA, "clean_Au_4f.csv"), delimiter=",", comments="#")
files["clean_Au_4f.csv"] = {"reader": f"numpy {np.__version__} loadtxt", "settings": "delimiter ',', comments '#'; hv = 180 eV from the header",
                            "spectra": [spectrum("clean_Au_4f", d[:, 0], d[:, 1], 180.0)]}

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"program": "References/spectroscopy_readers_reference.py", "files": files}, f, indent=1)
print("wrote", OUT, {k: len(v["spectra"]) for k, v in files.items()})
