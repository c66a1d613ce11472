"""Reference nuclear gradients and optimised geometries for Interphase, produced by PySCF 2.14.0 and
geomeTRIC 1.1.1.

Run from the repository root with an interpreter that has pyscf and geometric (this script installs
nothing):

    /tmp/refvenv/bin/pip install pyscf==2.14.0 geometric==1.1.1
    /tmp/refvenv/bin/python References/gradient_reference.py

Same molecules, basis handling (bundled .gbs through parse_gaussian; Pople sets Cartesian) and grids as
dft_reference.py. SCF conv_tol 1e-12, conv_tol_grad 1e-9 (the default √conv_tol leaves
gradients uncertain at 1e-7). Gradients are PySCF's analytic ones (mf.nuc_grad_method()) with
its default grid_response = False for DFT, i.e. the grid held fixed, the same convention as Interphase.

Optimisations: geomeTRIC (TRIC internal coordinates) through pyscf.geomopt.geometric_solver, started
from the stated distorted geometry, with tight criteria (energy 1e-9 Eh, gradient RMS 1e-6 / max
3e-6 Eh/bohr, step RMS 1e-5 / max 3e-5 bohr); the recorded energy is a fresh SCF at the final
geometry. The DFT case uses grid level 4: a molecular grid is not rotationally invariant, and at
level 2 the same structure in geomeTRIC's final orientation and in another differs by 2e-6 Eh,
more than the criterion; at level 4 that is below 1e-7.

Writes Tests/QuantumChemistryTests/Reference/gradients.json (CI has no PyPI).
"""
import json
import os
import sys

import numpy as np
import pyscf
from pyscf import dft, gto, scf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rhf_reference import basis_for  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "QuantumChemistryTests", "Reference", "gradients.json")

# molecule, method (rhf, uhf or a functional), basis name, file stem, cartesian, grid, charge, multiplicity
CASES = [
    ("H2O.xyz", "rhf", "STO-3G", "sto-3g", True, None, 0, 1),
    ("H2O.xyz", "rhf", "6-31G(d,p)", "6-31g_d_p", True, None, 0, 1),
    ("LiF.xyz", "rhf", "6-31G(d,p)", "6-31g_d_p", True, None, 0, 1),
    ("CH3OCO2Li.xyz", "rhf", "STO-3G", "sto-3g", True, None, 0, 1),
    ("H2O.xyz", "rhf", "cc-pVDZ", "cc-pvdz", False, None, 0, 1),
    ("O2.xyz", "uhf", "6-31G(d)", "6-31g_d", True, None, 0, 3),
    ("H2O.xyz", "b3lyp", "6-31G(d,p)", "6-31g_d_p", True, "level 2", 0, 1),
    ("H2O.xyz", "pbe", "STO-3G", "sto-3g", True, "level 3", 0, 1),
    ("H2O.xyz", "svwn", "STO-3G", "sto-3g", True, "level 1", 0, 1),
    ("H2O.xyz", "blyp", "cc-pVDZ", "cc-pvdz", False, "level 2", 0, 1),
    ("LiF.xyz", "pbe0", "6-31G", "6-31g", True, "level 2", 0, 1),
    ("H2O.xyz", "pbe", "6-31G", "6-31g", True, "level 2", 1, 2),
]

# Optimisations: name, method, basis, stem, cartesian, grid, distorted start (symbol, x, y, z in Angstrom)
OPTIMISATIONS = [
    ("H2O", "rhf", "6-31G(d,p)", "6-31g_d_p", True, None,
     [["O", 0.0, 0.0, 0.12], ["H", 0.0, 0.82, -0.50], ["H", 0.05, -0.70, -0.45]]),
    ("H2O", "b3lyp", "6-31G", "6-31g", True, "level 4",
     [["O", 0.0, 0.0, 0.12], ["H", 0.0, 0.82, -0.50], ["H", 0.05, -0.70, -0.45]]),
    ("CH3OLi", "rhf", "STO-3G", "sto-3g", True, None,
     [["C", 0.00, 0.00, 0.00], ["O", 1.45, 0.05, 0.00], ["Li", 3.05, 0.10, 0.05],
      ["H", -0.35, 1.05, 0.05], ["H", -0.40, -0.50, 0.90], ["H", -0.38, -0.52, -0.88]]),
]

CONVERGENCE = {"convergence_energy": 1e-9, "convergence_grms": 1e-6, "convergence_gmax": 3e-6,
               "convergence_drms": 1e-5, "convergence_dmax": 3e-5}


def build(atoms, stem, cart, charge=0, multiplicity=1):
    mol = gto.M(atom=[[a[0], tuple(float(v) for v in a[1:4])] for a in atoms], unit="Angstrom",
                basis=basis_for(stem, [a[0] for a in atoms]), cart=cart, charge=charge, spin=multiplicity - 1, verbose=0)
    return mol


def xyz_atoms(xyz):
    lines = open(os.path.join(ROOT, "Data", "molecules", xyz)).read().splitlines()
    return [l.split()[:4] for l in lines[2:2 + int(lines[0])]]


def solver(mol, method, grid):
    if method in ("rhf", "uhf"):
        mf = scf.RHF(mol) if method == "rhf" else scf.UHF(mol)
    else:
        mf = dft.RKS(mol) if mol.spin == 0 else dft.UKS(mol)
        mf.xc = method
        mf.grids.level = int(grid.split()[1])
    mf.conv_tol = 1e-12
    mf.conv_tol_grad = 1e-9
    return mf


def main():
    cases = []
    for xyz, method, name, stem, cart, grid, charge, multiplicity in CASES:
        mol = build(xyz_atoms(xyz), stem, cart, charge, multiplicity)
        mf = solver(mol, method, grid)
        mf.kernel()
        g = mf.nuc_grad_method().kernel()
        cases.append({"molecule": xyz, "method": method, "basis": name, "cartesian": cart, "grid": grid, "charge": charge,
                      "multiplicity": multiplicity, "converged": bool(mf.converged), "energy": float(mf.e_tot),
                      "gradient": [float(v) for v in np.asarray(g).ravel()]})
        print(xyz, method, name, grid, mf.e_tot, np.abs(g).max())
    from pyscf.geomopt.geometric_solver import optimize
    optimisations = []
    for label, method, name, stem, cart, grid, start in OPTIMISATIONS:
        mol = build(start, stem, cart)
        mf = solver(mol, method, grid)
        final = optimize(mf, maxsteps=200, **CONVERGENCE)
        mf2 = solver(final, method, grid)
        mf2.kernel()
        g = mf2.nuc_grad_method().kernel()
        coords = final.atom_coords(unit="Angstrom")
        optimisations.append({"name": label, "method": method, "basis": name, "cartesian": cart, "grid": grid, "start_angstrom": start,
                              "final_angstrom": [[final.atom_symbol(i)] + [float(v) for v in coords[i]] for i in range(final.natm)],
                              "energy": float(mf2.e_tot), "max_gradient": float(np.abs(g).max())})
        print(label, method, name, mf2.e_tot, np.abs(g).max())
    import geometric
    out = {"program": "PySCF", "version": pyscf.__version__, "geometric": geometric.__version__, "numpy": np.__version__,
           "python": sys.version.split()[0],
           "settings": {"scf": "conv_tol 1e-12, conv_tol_grad 1e-9, default DIIS, init_guess minao",
                        "gradient": "mf.nuc_grad_method().kernel(); DFT grid_response False (PySCF default)",
                        "grids": "PySCF defaults at the stated level (as dft_reference.py)",
                        "optimiser": "geomeTRIC TRIC via pyscf.geomopt.geometric_solver.optimize, " + json.dumps(CONVERGENCE),
                        "basis": "the bundled .gbs via parse_gaussian", "units": "hartree, bohr (gradients Eh/bohr), Angstrom (geometries)"},
           "cases": cases, "optimisations": optimisations}
    json.dump(out, open(OUT, "w"), indent=1)


if __name__ == "__main__":
    main()
