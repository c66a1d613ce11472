#!/usr/bin/env python3
"""galvani reference for reading BioLogic .mpr files.

Reads every bundled .mpr file K times in this one process with galvani.BioLogic.MPRfile (which decodes
the data module into a numpy structured array), touches every column (copies it into a contiguous
float64/int numpy array, the analogue of interphase's [Double] columns), and prints per-file mean time
per read. Files galvani cannot read are reported and left out of the total.

    python3 galvani_read.py K FILE.mpr...
"""
import sys
import time
import warnings

import numpy as np
from galvani import BioLogic

warnings.simplefilter("ignore")


def read(path):
    mpr = BioLogic.MPRfile(path)
    data = mpr.data
    cols = {name: np.ascontiguousarray(data[name]) for name in data.dtype.names}
    return len(data), cols


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    k = int(sys.argv[1])
    total = 0.0
    for path in sys.argv[2:]:
        try:
            rows, cols = read(path)
        except Exception as error:  # noqa: BLE001
            print(f"galvani\tFAILED\t{path}\t{type(error).__name__}: {error}")
            continue
        start = time.perf_counter()
        for _ in range(k):
            read(path)
        elapsed = time.perf_counter() - start
        total += elapsed
        print(f"galvani\t{elapsed / max(k, 1) * 1e3:.4f} ms\t{rows} rows\t{len(cols)} cols\t{path}")
    print(f"galvani\tTOTAL\t{total:.3f} s for {k} reads of each file")


if __name__ == "__main__":
    main()
