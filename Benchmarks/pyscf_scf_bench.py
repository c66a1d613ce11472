"""PySCF 2.14 side of Benchmarks/qc.sh: the same SCF as qc-bench (the bundled .gbs basis, Interphase's
default Cartesian/spherical choice, conv_tol 1e-9, default DIIS; for DFT the same functional and grid
with PySCF's default grid scheme), K times in one process, imports excluded. PySCF decides incore vs
direct ERIs itself and uses its own threads (OMP_NUM_THREADS, both cores by default).

    pyscf_scf_bench.py XYZ BASIS K [METHOD [GRID [gradient]]]     # METHOD rhf (default) or a functional; GRID "(99,590)" or "level 3"

With `gradient`, mf.nuc_grad_method().kernel() (grid_response False, the default) after each SCF is timed apart.
"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "References"))
from rhf_reference import basis_for  # noqa: E402
from pyscf import dft, gto, scf  # noqa: E402

STEMS = {"STO-3G": ("sto-3g", True), "6-31G(d,p)": ("6-31g_d_p", True), "cc-pVDZ": ("cc-pvdz", False),
         "def2-SVP": ("def2-svp", False), "6-31G(d)": ("6-31g_d", True), "6-31G": ("6-31g", True)}
xyz, name, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
method = sys.argv[4].lower() if len(sys.argv) > 4 else "rhf"
grid = sys.argv[5] if len(sys.argv) > 5 else "level 3"
lines = open(xyz).read().splitlines()
atoms = [l.split()[:4] for l in lines[2:2 + int(lines[0])]]
stem, cart = STEMS[name]
want_gradient = len(sys.argv) > 6 and sys.argv[6] == "gradient"
scf_seconds = gradient_seconds = largest = 0.0
for _ in range(k):
    start = time.perf_counter()
    mol = gto.M(atom=[[a[0], tuple(float(v) for v in a[1:])] for a in atoms], unit="Angstrom",
                basis=basis_for(stem, [a[0] for a in atoms]), cart=cart, verbose=0)
    if method in ("rhf", "hf"):
        mf = scf.RHF(mol)
    else:
        mf = dft.RKS(mol)
        mf.xc = method
        if grid.startswith("level"):
            mf.grids.level = int(grid.split()[1])
        else:
            mf.grids.atom_grid = tuple(int(v) for v in grid.strip("()").split(","))
    mf.conv_tol = 1e-9
    e = mf.kernel()
    scf_seconds += time.perf_counter() - start
    if want_gradient:
        g0 = time.perf_counter()
        largest = abs(mf.nuc_grad_method().kernel()).max()
        gradient_seconds += time.perf_counter() - g0
elapsed = scf_seconds / k
line = f"pyscf\t{elapsed:.3f} s\t{mol.nao} functions\t{mf.cycles if hasattr(mf, 'cycles') else '?'} cycles\tE {e:.10f}"
if want_gradient:
    line += f"\tgradient {gradient_seconds / k:.3f} s\tmax {largest:.8f}"
print(line)
