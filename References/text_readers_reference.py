#!/usr/bin/env python3
"""Reference values for Interphase's text, spreadsheet and Access cycler-file readers, from independent readers.

Oracles
-------
* Delimited text (Arbin CSV, Maccor text exports, EC-Lab .mpt, the gzip EC-Lab export): pandas
  (``pandas.read_csv``, C engine), with the exact settings recorded per file under ``"read"``.
* Arbin Excel export (.xlsx): openpyxl (``load_workbook(read_only=True, data_only=True)``, ``iter_rows(values_only=True)``).
* Arbin .res (MS Access / Jet 4): access-parser (``AccessParser(path).parse_table("Channel_Normal_Table")``),
  a pure-Python Jet parser with no code in common with libmdb, which Interphase uses.

Nothing here interprets the data the way Interphase does: values are written *as the file stores them*
(file units, file signs, file step/cycle numbering), with the unit noted per column, so the Swift tests
state every conversion themselves. Exception, because the file stores text: Maccor ``TestTime``/``StepTime``
durations ("0d 00:00:10.0000") are also given in seconds as converted by ``pandas.to_timedelta``.

Usage (from the repository root)::

    /tmp/refvenv/bin/python References/text_readers_reference.py

Writes ``Tests/CyclerDataTests/Reference/text_readers.json``. For each file: the read settings, row count,
column names, the values of selected columns at ~25 deterministic row indices (first, last, evenly spaced
between: ``round(k * (n - 1) / 24)`` for k = 0…24, duplicates removed), and, where the file has a step
column, one entry per run of equal step numbers ("segments": first row, last row, and the capacity/energy
counters at the segment's last row, at its first row and at the row before its first row). Floats are written with Python's
shortest round-trip repr, so every double survives JSON exactly.
"""

import json
import sys
import math
import platform
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
from access_parser import AccessParser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reference_common import SAMPLES, plain, sample_indices  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "Data" / "cycler"
OUT = ROOT / "Tests" / "CyclerDataTests" / "Reference"


def _version(name):
    from importlib.metadata import version
    return version(name)


def segments(steps, counters):
    """Runs of equal step numbers: first/last row and counter values at the last row and the row before."""
    out = []
    n = len(steps)
    i = 0
    while i < n:
        j = i
        while j + 1 < n and steps[j + 1] == steps[i]:
            j += 1
        entry = {"step": plain(steps[i]), "first": i, "last": j}
        for name, values in counters.items():
            entry[name] = plain(values[j])
            entry[name + "@first"] = plain(values[i])
            entry[name + "@before"] = plain(values[i - 1]) if i > 0 else None
        out.append(entry)
        i = j + 1
    return out


def frame_entry(df, read, columns, units, step_column=None, counters=(), extra=None):
    n = len(df)
    idx = sample_indices(n)
    entry = {
        "read": read,
        "rows": n,
        "columns": [str(c) for c in df.columns],
        "units": units,
        "sample_indices": idx,
        "values": {c: [plain(df[c].iloc[i]) for i in idx] for c in columns if c in df.columns},
    }
    if step_column is not None:
        steps = [plain(v) for v in df[step_column]]
        entry["segments"] = segments(steps, {c: [plain(v) for v in df[c]] for c in counters})
    if extra:
        entry.update(extra)
    return entry


def text_reference():
    files = {}

    # Arbin CSV (BEEP's export of Arbin SQL tables): plain comma-separated, header on line 1.
    rel = "arbin/2017-05-09_test-TC-contact_CH33.csv"
    read = "pd.read_csv(path)"
    df = pd.read_csv(DATA / rel)
    files[rel] = frame_entry(
        df, read,
        ["Data_Point", "Test_Time", "Step_Index", "Cycle_Index", "Current", "Voltage", "Charge_Capacity",
         "Discharge_Capacity", "Charge_Energy", "Discharge_Energy", "Temperature"],
        {"Test_Time": "s", "Current": "A", "Voltage": "V", "Charge_Capacity": "Ah", "Discharge_Capacity": "Ah",
         "Charge_Energy": "Wh", "Discharge_Energy": "Wh", "Temperature": "degC"},
        extra={"all_empty_columns": [c for c in df.columns if df[c].isna().all()]})
    # Step_Index is empty, so steps can only come from the current: list the rows whose |Current| is below
    # 0.1 % of the largest (rest by Interphase's documented rule), with the counters around them.
    small = [int(i) for i in df.index[df["Current"].abs() <= 1e-3 * df["Current"].abs().max()]]
    around = sorted({j for i in small for j in (i - 1, i, i + 1) if 0 <= j < len(df)})
    files[rel]["near_zero_current_rows"] = small
    files[rel]["counters_at_rows"] = {
        str(j): {c: plain(df[c].iloc[j]) for c in ["Current", "Charge_Capacity", "Discharge_Capacity", "Charge_Energy",
                                                   "Discharge_Energy"]} for j in around}

    # Maccor raw exports: one title line, then a tab-separated header.
    for rel, time_col, step_time_col in [
        ("maccor/maccor_test_file_4267-66-6519.041", "TestTime", "StepTime"),
        ("maccor/PredictionDiagnostics_000151_test.052", "Test (Sec)", "Step (Sec)"),
    ]:
        read = "pd.read_csv(path, sep='\\t', skiprows=1, encoding='latin-1', index_col=False)"
        df = pd.read_csv(DATA / rel, sep="\t", skiprows=1, encoding="latin-1", index_col=False)
        extra = {}
        if df[time_col].dtype == object:
            # Durations "Nd HH:MM:SS.ffff": seconds by pandas.to_timedelta (days as "N days").
            seconds = pd.to_timedelta(df[time_col].str.strip().str.replace("d ", " days ", regex=False)).dt.total_seconds()
            df[time_col + " [s by pandas.to_timedelta]"] = seconds
        files[rel] = frame_entry(
            df, read,
            ["Rec#", "Cyc#", "Step", time_col, time_col + " [s by pandas.to_timedelta]", step_time_col, "Amp-hr",
             "Watt-hr", "Amps", "Volts", "State"],
            {time_col: "s" if "Sec" in time_col else "duration text Nd HH:MM:SS.ffff", "Amp-hr": "Ah", "Watt-hr": "Wh",
             "Amps": "A (sign as stored)", "Volts": "V"},
            step_column="Step", counters=["Amp-hr", "Watt-hr"], extra=extra)
        files[rel]["states"] = sorted({str(s) for s in df["State"]})
        files[rel]["cycles"] = sorted({int(c) for c in df["Cyc#"]})

    # Maccor "#4" export with key/value header (12 lines), blank line, header, blank line, decimal comma.
    rel = "maccor/maccor_two.txt"
    read = "pd.read_csv(path, sep='\\t', skiprows=12, encoding='latin-1', decimal=',', index_col=False)"
    df = pd.read_csv(DATA / rel, sep="\t", skiprows=12, encoding="latin-1", decimal=",", index_col=False)
    complete = df.dropna(subset=["Voltage [V]", "VAR15"])
    files[rel] = frame_entry(
        complete, read + ".dropna(subset=['Voltage [V]', 'VAR15'])",
        ["Rec", "Cycle P", "Cycle C", "Step", "TestTime", "StepTime", "Cap. [Ah]", "Ener. [Wh]", "Current [A]",
         "Voltage [V]", "Md", "DPT Time"],
        {"TestTime": "no unit in the file (see DPT Time)", "Cap. [Ah]": "Ah", "Ener. [Wh]": "Wh", "Current [A]": "A",
         "Voltage [V]": "V", "DPT Time": "MM/DD/YYYY hh:mm:ss wall clock"},
        extra={"rows_read_by_pandas": len(df),
               "incomplete_last_row": {"Rec": plain(df["Rec"].iloc[-1]),
                                       "missing": [c for c in df.columns if pd.isna(df[c].iloc[-1])]}})

    # EC-Lab ASCII .mpt: "Nb header lines : N" on line 2; the column names are line N; tab-separated.
    for rel, decimal in [
        ("biologic_mpt/Pt_poly_cv_CUT.mpt", ","),
        ("biologic_mpt/dataset_with_loop_01_02_CVA_DUSB0_C01.mpt", "."),
        ("biologic_mpt/multiple_techniques_dataset_01_01_PEIS_C01.mpt", "."),
    ]:
        with open(DATA / rel, encoding="latin-1") as f:
            f.readline()
            header_lines = int(f.readline().split(":")[1])
        read = (f"pd.read_csv(path, sep='\\t', skiprows={header_lines - 1}, encoding='latin-1', "
                f"decimal='{decimal}', index_col=False)")
        df = pd.read_csv(DATA / rel, sep="\t", skiprows=header_lines - 1, encoding="latin-1", decimal=decimal,
                         index_col=False)
        df = df.loc[:, [c for c in df.columns if not str(c).startswith("Unnamed")]]
        files[rel] = frame_entry(
            df, read,
            ["mode", "time/s", "Ewe/V", "<Ewe>/V", "<I>/mA", "I/mA", "Ns", "cycle number", "half cycle", "freq/Hz",
             "Re(Z)/Ohm", "-Im(Z)/Ohm", "(Q-Qo)/C", "(Q-Qo)/mA.h"],
            {"time/s": "s", "Ewe/V": "V", "<Ewe>/V": "V", "<I>/mA": "mA", "freq/Hz": "Hz", "Re(Z)/Ohm": "Ohm",
             "-Im(Z)/Ohm": "Ohm", "(Q-Qo)/C": "C", "(Q-Qo)/mA.h": "mAh"},
            extra={"header_lines": header_lines, "decimal": decimal})

    # gzip EC-Lab text export with only time/s and Ewe/V (no preamble).
    rel = "lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA_03_GCPL_C05.txt.gz"
    read = "pd.read_csv(path, sep='\\t', compression='gzip', index_col=False)"
    df = pd.read_csv(DATA / rel, sep="\t", compression="gzip", index_col=False)
    df = df.loc[:, [c for c in df.columns if not str(c).startswith("Unnamed")]]
    files[rel] = frame_entry(df, read, ["time/s", "Ewe/V"], {"time/s": "s", "Ewe/V": "V"})

    return {
        "oracle": {"program": "pandas", "version": pd.__version__, "function": "pandas.read_csv (C engine)",
                   "numpy": np.__version__, "python": platform.python_version()},
        "files": files,
    }


def xlsx_reference():
    rel = "arbin/bs542_004_gr_li_50ua_50mv_1v_191020_Channel_11.xlsx"
    read = ("openpyxl.load_workbook(path, read_only=True, data_only=True)[sheet].iter_rows(values_only=True) "
            "for each sheet Channel_*, first row = header, all-empty rows skipped, sheets concatenated")
    wb = openpyxl.load_workbook(DATA / rel, read_only=True, data_only=True)
    sheets = wb.sheetnames
    data_sheets = [s for s in sheets if s.startswith("Channel_")]
    rows = []
    header = None
    for name in data_sheets:
        it = wb[name].iter_rows(values_only=True)
        h = next(it)
        header = header or list(h)
        rows += [r for r in it if any(v is not None for v in r)]
    df = pd.DataFrame(rows, columns=header)
    entry = frame_entry(
        df, read,
        ["Date_Time", "Test_Time(s)", "Step_Time(s)", "Step_Index", "Cycle_Index", "Voltage(V)", "Current(A)",
         "Charge_Capacity(Ah)", "Discharge_Capacity(Ah)", "Charge_Energy(Wh)", "Discharge_Energy(Wh)"],
        {"Test_Time(s)": "s", "Voltage(V)": "V", "Current(A)": "A", "Charge_Capacity(Ah)": "Ah",
         "Discharge_Capacity(Ah)": "Ah", "Charge_Energy(Wh)": "Wh", "Discharge_Energy(Wh)": "Wh"},
        step_column="Step_Index",
        counters=["Charge_Capacity(Ah)", "Discharge_Capacity(Ah)", "Charge_Energy(Wh)", "Discharge_Energy(Wh)"],
        extra={"sheets": sheets, "data_sheets": data_sheets,
               "global_info_rows": [[plain(v) for v in row] for row in wb["Global_Info"].iter_rows(values_only=True)]})
    return {
        "oracle": {"program": "openpyxl", "version": openpyxl.__version__, "python": platform.python_version()},
        "files": {rel: entry},
    }


def res_reference():
    rel = "arbin/arbin_example.res"
    read = "AccessParser(path).parse_table('Channel_Normal_Table'), rows ordered by Data_Point"
    db = AccessParser(str(DATA / rel))
    table = db.parse_table("Channel_Normal_Table")
    df = pd.DataFrame({k: list(v) for k, v in table.items()}).sort_values("Data_Point", kind="stable").reset_index(drop=True)
    types = {c.col_name_str: int(c.type) for c in db.get_table("Channel_Normal_Table").columns.values()}
    global_table = db.parse_table("Global_Table")
    entry = frame_entry(
        df, read,
        ["Data_Point", "Test_Time", "Step_Index", "Cycle_Index", "Current", "Voltage", "Charge_Capacity",
         "Discharge_Capacity", "Charge_Energy", "Discharge_Energy", "dV/dt", "Internal_Resistance"],
        {"Test_Time": "s", "Current": "A", "Voltage": "V", "Charge_Capacity": "Ah", "Discharge_Capacity": "Ah",
         "Charge_Energy": "Wh", "Discharge_Energy": "Wh"},
        step_column="Step_Index", counters=["Charge_Capacity", "Discharge_Capacity", "Charge_Energy", "Discharge_Energy"],
        extra={"tables": [t for t in db.catalog.keys() if not t.startswith("MSys")],
               "jet_column_types": types,
               "jet_type_names": {"2": "byte", "3": "int16", "4": "int32", "6": "float32", "7": "float64"},
               "cycles": sorted({int(c) for c in df["Cycle_Index"]}),
               "global": {k: plain(v[0]) for k, v in global_table.items() if k in ("Test_Name", "Start_DateTime", "Schedule_File_Name")}})
    return {
        "oracle": {"program": "access-parser", "version": _version("access-parser"), "python": platform.python_version()},
        "files": {rel: entry},
    }


def main():
    groups = {"text": text_reference(), "xlsx": xlsx_reference(), "res": res_reference()}
    doc = {
        "generator": "References/text_readers_reference.py",
        # Summary first: which program (and version) read which file, with exactly which call.
        "oracles": {g: {**groups[g]["oracle"], "read_settings": {f: e["read"] for f, e in groups[g]["files"].items()}}
                    for g in groups},
        "sampling": "round(k * (n - 1) / 24) for k = 0..24, duplicates removed",
        **groups,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "text_readers.json"
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
