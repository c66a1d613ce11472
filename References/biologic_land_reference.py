#!/usr/bin/env python3
"""Reference values for Interphase's BioLogic .mpr and LAND .ccs readers, from independent readers.

Oracles
-------
* BioLogic .mpr: galvani 0.5.0 (PyPI ``galvani==0.5.0``, GPL-3.0), ``galvani.BioLogic.MPRfile``.
* LAND .ccs: no reader exists on PyPI. The oracle is the CCS parser of echemistpy-cli
  (https://github.com/liuchzzyy/echemistpy-cli, file ``src/echemistpy/io/plugins/echem_lanhe_ccs.py``),
  the project the bundled ``land/BB.ccs`` comes from. This script contains none of its code: it loads that
  one file from a checkout given on the command line. Get it with::

      git clone https://github.com/liuchzzyy/echemistpy-cli /tmp/echemistpy-cli
      git -C /tmp/echemistpy-cli checkout 4a0c2f63cd16c19bee4d27c034f93d3b1fcc8486

  The parser module imports pandas (needed) and xarray plus echemistpy's own packages (used only by its
  reader wrapper class, not by ``CCSParser``); those are replaced by empty stand-in modules so the full
  echemistpy dependency tree need not be installed.

Usage (from the repository root)::

    /tmp/refvenv/bin/python References/biologic_land_reference.py \\
        --echemistpy /tmp/echemistpy-cli [--echemistpy-commit <sha if the checkout has no .git>]

Writes ``Tests/CyclerDataTests/Reference/biologic_mpr.json`` and ``land_ccs.json``. For each file: row
count, column names, and the values at ~25 deterministic row indices (first, last, evenly spaced between:
``round(k * (n - 1) / 24)`` for k = 0…24, duplicates removed). Floats are written with Python's shortest
round-trip repr, so float32 values widened to float64 survive exactly.
"""

import argparse
import datetime
import importlib.util
import json
import math
import platform
import subprocess
import sys
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reference_common import SAMPLES, plain, sample_indices  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "Data" / "cycler"
OUT = ROOT / "Tests" / "CyclerDataTests" / "Reference"

MPR_FILES = sorted(
    [p.relative_to(DATA).as_posix() for p in (DATA / "biologic_mpr").glob("*.mpr")]
    + [p.relative_to(DATA).as_posix() for p in (DATA / "lithium_metal").glob("*.mpr")]
)
CCS_FILES = ["land/BB.ccs"]

# galvani column names recorded at the sample rows (those present in each file).
MPR_SAMPLE_COLUMNS = [
    "time/s", "Ewe/V", "<Ewe>/V", "I/mA", "<I>/mA", "dq/mA.h", "control/V/mA", "control/mA", "Ns", "cycle number",
    "half cycle", "Q charge/discharge/mA.h", "(Q-Qo)/mA.h", "freq/Hz", "Re(Z)/Ohm", "-Im(Z)/Ohm",
]
CCS_SAMPLE_COLUMNS = [
    "Cycle", "Step", "Record", "WorkMode", "TestTime_ms", "StepTime_ms", "Voltage/V", "Current/uA",
    "Capacity/uAh", "Energy/uWh",
]


def mpr_reference():
    import galvani
    import numpy as np
    from galvani import BioLogic

    files = {}
    for rel in MPR_FILES:
        mpr = BioLogic.MPRfile(str(DATA / rel))
        data = mpr.data
        n = int(data.shape[0])
        names = [name for name in data.dtype.names if name != "flags"]
        flags = list(mpr.flags_dict.keys())
        idx = sample_indices(n)
        values = {}
        for name in MPR_SAMPLE_COLUMNS:
            if name in data.dtype.names:
                values[name] = [plain(data[name][i]) for i in idx]
        if "mode" in mpr.flags_dict:
            mode = mpr.get_flag("mode")
            values["mode"] = [plain(mode[i]) for i in idx]
        current = next((c for c in ("I/mA", "<I>/mA") if c in data.dtype.names), None)
        voltage = next((c for c in ("Ewe/V", "<Ewe>/V") if c in data.dtype.names), None)
        entry = {
            "rows": n,
            "data_module_version": int(mpr.version),
            "column_ids": [int(c) for c in mpr.cols],
            "columns": names,
            "flags": flags,
            "voltage_column": voltage,
            "current_column": current,
            "current_unit": "mA" if current else None,
            "start_date": mpr.startdate.isoformat(),
            "timestamp": mpr.timestamp.isoformat() if hasattr(mpr, "timestamp") else None,
            "sample_indices": idx,
            "values": values,
        }
        files[rel] = entry
    return {
        "oracle": {
            "program": "galvani",
            "version": galvani.__version__ if hasattr(galvani, "__version__") else _dist_version("galvani"),
            "entry_point": "galvani.BioLogic.MPRfile",
            "python": platform.python_version(),
            "numpy": np.__version__,
        },
        "settings": {
            "samples": SAMPLES,
            "sample_rule": "sorted(set(round(k*(n-1)/24) for k in 0..24)); 0-based row indices",
            "notes": "Column names are galvani's (ID 8 'I/mA', IDs 11/76 '<I>/mA', 6 'Ewe/V', 77/174 "
                     "'<Ewe>/V'); voltage_column/current_column name the ones each file has. 'mode' is the "
                     "flags byte & 0x03. Dates: galvani's VMP Set date and LOG OLE timestamp (naive local time).",
        },
        "files": files,
    }


def _dist_version(name):
    from importlib.metadata import version
    return version(name)


def load_ccs_parser(checkout):
    """Loads echemistpy-cli's echem_lanhe_ccs.py from the checkout with stand-ins for unused imports."""
    path = Path(checkout) / "src" / "echemistpy" / "io" / "plugins" / "echem_lanhe_ccs.py"
    if not path.exists():
        sys.exit(f"echemistpy-cli parser not found at {path}")

    class _Anything:
        def __init__(self, *args, **kwargs):
            pass

    def stub(name, **attrs):
        module = types.ModuleType(name)
        for key, value in attrs.items():
            setattr(module, key, value)
        sys.modules.setdefault(name, module)

    stub("xarray", Dataset=_Anything)
    stub("echemistpy")
    stub("echemistpy.data")
    stub("echemistpy.data.models", DataBundle=_Anything, Metadata=_Anything)
    stub("echemistpy.data.utils", sanitize_variable_names=lambda ds: ds)
    stub("echemistpy.io")
    stub("echemistpy.io.base_reader", BaseReader=_Anything)
    stub("echemistpy.io.contracts", ReaderSpec=_Anything)
    spec = importlib.util.spec_from_file_location("echem_lanhe_ccs", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["echem_lanhe_ccs"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def ccs_reference(checkout, commit):
    import pandas as pd

    parser_module = load_ccs_parser(checkout)
    if commit is None:
        try:
            commit = subprocess.check_output(["git", "-C", str(checkout), "rev-parse", "HEAD"], text=True).strip()
        except (OSError, subprocess.CalledProcessError):
            commit = "unknown"
    files = {}
    for rel in CCS_FILES:
        result = parser_module.CCSParser(DATA / rel).parse()
        records = result.records
        meta = result.metadata
        n = len(records)
        idx = sample_indices(n)
        values = {name: [plain(records[name].iloc[i]) for i in idx] for name in CCS_SAMPLE_COLUMNS}
        steps = result.steps
        files[rel] = {
            "rows": n,
            "columns": [str(c) for c in records.columns],
            "cycles": sorted({int(c) for c in records["Cycle"]}),
            "steps": int(records["Step"].max()),
            "work_modes": sorted({str(m) for m in records["WorkMode"]}),
            "step_summary": [
                {"Step": int(r["Step"]), "Cycle": int(r["Cycle"]), "WorkMode": str(r["WorkMode"]),
                 "Capacity/uAh": plain(r["Capacity/uAh"]), "Energy/uWh": plain(r["Energy/uWh"])}
                for _, r in steps.iterrows()
            ],
            "metadata": {
                "test_name": meta.test_name,
                "process_name": meta.process_name,
                "group_name": meta.group_name,
                "channel_index": meta.channel_index,
                "channel_number": meta.channel_number,
                "software_version": meta.software_version,
                "serial_number": meta.serial_number,
                "active_material_mass_g": plain(meta.active_material_mass_g),
                "nominal_specific_capacity_mAh_g": plain(meta.nominal_specific_capacity_mAh_g),
                "data_start_offset": meta.data_start_offset,
                "header_start_unix_ms": _unix_ms(meta.header_start_time),
                "log_start_unix_ms": _unix_ms(meta.log_start_time),
            },
            "sample_indices": idx,
            "values": values,
        }
    return {
        "oracle": {
            "program": "echemistpy-cli CCSParser (src/echemistpy/io/plugins/echem_lanhe_ccs.py)",
            "repository": "https://github.com/liuchzzyy/echemistpy-cli",
            "commit": commit,
            "python": platform.python_version(),
            "pandas": pd.__version__,
        },
        "settings": {
            "samples": SAMPLES,
            "sample_rule": "sorted(set(round(k*(n-1)/24) for k in 0..24)); 0-based row indices",
            "notes": "Current/uA, Capacity/uAh, Energy/uWh are rounded to float32 by the oracle; Capacity "
                     "and Energy are per-step accumulations of the absolute per-record increments; Step is "
                     "1-based (new step at each change of the data-page state word); Cycle is 1-based.",
        },
        "files": files,
    }


def _unix_ms(value):
    # echemistpy converts unix ms with datetime.fromtimestamp (local zone); undo it the same way.
    if value is None:
        return None
    return round(value.timestamp() * 1000)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--echemistpy", required=True, help="path to an echemistpy-cli checkout")
    ap.add_argument("--echemistpy-commit", default=None, help="commit of that checkout (default: git rev-parse)")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    generated = datetime.date.today().isoformat()
    for name, doc in (
        ("biologic_mpr.json", mpr_reference()),
        ("land_ccs.json", ccs_reference(Path(args.echemistpy), args.echemistpy_commit)),
    ):
        doc = {"generated_by": "References/biologic_land_reference.py", "generated_on": generated, **doc}
        (OUT / name).write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print("wrote", OUT / name)


if __name__ == "__main__":
    main()
