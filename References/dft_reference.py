"""Reference values for Interphase's DFT (grids + libxc) slice, produced by PySCF 2.14.0.

Run from the repository root with an interpreter that has pyscf (this script installs nothing):

    /tmp/refvenv/bin/pip install pyscf==2.14.0
    /tmp/refvenv/bin/python References/dft_reference.py

Same basis handling as rhf_reference.py (the bundled .gbs through parse_gaussian; Pople sets Cartesian).
Grids are PySCF's defaults (Treutler-Ahlrichs radial grid with atom-specific xi, Becke partition with
Treutler's atomic-radius adjustment on Bragg radii, NWChem pruning, no density-based pruning:
small_rho_cutoff is 0 in 2.14) at the stated level or atom_grid. RKS with conv_tol 1e-11.

Recorded per grid: the number of points (before PySCF's padding to a multiple of 8) and a checksum that only the same points and weights give,
sum_g w_g exp(-|r_g - c|^2) with c = (0.1, 0.2, 0.3) bohr (its exact integral is pi^1.5 per atom-free
space, i.e. 5.568328; the grid's value carries the grid's own quadrature error). Per calculation: total
energy, E_xc, orbital energies (Eh), the number of electrons integrated on the grid, Mulliken charges
(mf.mulliken_pop), Lowdin charges (numpy; comparable for spherical bases only, see MolecularProperties.swift)
the dipole moment (mf.dip_moment, Debye, about the origin) and the electrostatic potential at five
points (bohr; int1e_rinv).

Writes Tests/QuantumChemistryTests/Reference/dft.json (CI has no PyPI).
"""
import json
import os
import sys

import numpy as np
import pyscf
from pyscf import dft, gto

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rhf_reference import basis_for  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "QuantumChemistryTests", "Reference", "dft.json")

# molecule, functional, basis name, file stem, cartesian, grid ("level N" or (radial, angular))
CASES = [
    ("H2O.xyz", "b3lyp", "6-31G(d,p)", "6-31g_d_p", True, (99, 590)),
    ("H2O.xyz", "pbe", "STO-3G", "sto-3g", True, "level 3"),
    ("H2O.xyz", "blyp", "cc-pVDZ", "cc-pvdz", False, "level 2"),
    ("H2O.xyz", "pbe0", "6-31G", "6-31g", True, (50, 194)),
    ("H2O.xyz", "svwn", "STO-3G", "sto-3g", True, "level 1"),
    ("LiF.xyz", "b3lyp", "6-31G(d,p)", "6-31g_d_p", True, (75, 302)),
    ("CH3OCO2Li.xyz", "b3lyp", "6-31G", "6-31g", True, "level 1"),
]


# Open shells (UKS): molecule, functional, basis name, stem, cartesian, grid, charge, multiplicity
UKS_CASES = [
    ("O2.xyz", "b3lyp", "6-31G(d)", "6-31g_d", True, "level 2", 0, 3),
    ("H2O.xyz", "pbe", "6-31G", "6-31g", True, "level 2", 1, 2),
]


def molecule(xyz, stem, cart):
    lines = open(os.path.join(ROOT, "Data", "molecules", xyz)).read().splitlines()
    atoms = [l.split()[:4] for l in lines[2:2 + int(lines[0])]]
    return gto.M(atom=[[a[0], tuple(float(v) for v in a[1:])] for a in atoms], unit="Angstrom",
                 basis=basis_for(stem, [a[0] for a in atoms]), cart=cart, verbose=0)


def unpadded_size(mol, grid):
    """Points of the grid before PySCF pads it to a multiple of 8 (radial x pruned angular, all atoms)."""
    g = dft.gen_grid.Grids(mol)
    if isinstance(grid, str):
        g.level = int(grid.split()[1])
    else:
        g.atom_grid = grid
    g.alignment = 0
    return int(g.build().weights.size)


def lowdin_charges(mol, dm):
    """Z_A - sum over A's functions of diag(S^1/2 D S^1/2) (numpy, not PySCF's meta-Lowdin)."""
    s = mol.intor("int1e_ovlp")
    w, v = np.linalg.eigh(s)
    root = (v * np.sqrt(w)) @ v.T
    pop = np.diag(root @ dm @ root)
    charges = mol.atom_charges().astype(float)
    for mu, (atom, *_rest) in enumerate(mol.ao_labels(fmt=False)):
        charges[atom] -= pop[mu]
    return [float(q) for q in charges]


ESP_POINTS = [[0.0, 0.0, 3.0], [2.0, 1.0, 0.5], [0.0, 2.5, 2.0], [-1.5, -2.0, -1.5], [0.3, 0.4, 0.2]]


def electrostatic_potential(mol, dm, point):
    """V(P) = sum_A Z_A/|P - R_A| - sum D_uv <u|1/|r - P||v> (int1e_rinv about P), hartree per e."""
    point = np.asarray(point)
    nuclear = sum(z / np.linalg.norm(point - r) for z, r in zip(mol.atom_charges(), mol.atom_coords()))
    with mol.with_rinv_origin(point):
        rinv = mol.intor("int1e_rinv")
    return float(nuclear - np.einsum("ij,ij", dm, rinv))


def grid_label(grid):
    return grid if isinstance(grid, str) else f"({grid[0]},{grid[1]})"


def main():
    cases = []
    for xyz, xc, name, stem, cart, grid in CASES:
        mol = molecule(xyz, stem, cart)
        mf = dft.RKS(mol)
        mf.xc = xc
        if isinstance(grid, str):
            mf.grids.level = int(grid.split()[1])
        else:
            mf.grids.atom_grid = grid
        mf.conv_tol = 1e-11
        mf.kernel()
        g = mf.grids
        c = np.array([0.1, 0.2, 0.3])
        checksum = float(np.sum(g.weights * np.exp(-np.sum((g.coords - c) ** 2, axis=1))))
        dm = mf.make_rdm1()
        rho = dft.numint.NumInt().get_rho(mol, dm, g)
        exc = mf._numint.nr_rks(mol, g, mf.xc, dm)[1]  # E_xc on the grid alone (veff.exc adds exact exchange)
        cases.append({
            "molecule": xyz, "functional": xc, "basis": name, "cartesian": cart, "grid": grid_label(grid),
            "converged": bool(mf.converged), "functions": int(mol.nao), "electrons": int(mol.nelectron),
            "grid_points": unpadded_size(mol, grid), "grid_checksum": checksum,
            "energy": float(mf.e_tot), "exchange_correlation": float(exc),
            "grid_electrons": float(np.dot(rho, g.weights)),
            "orbital_energies": [float(e) for e in mf.mo_energy],
            "mulliken_charges": [float(q) for q in mf.mulliken_pop(verbose=0)[1]],
            "lowdin_charges": lowdin_charges(mol, dm),
            "dipole_debye": [float(v) for v in mf.dip_moment(unit="Debye", verbose=0)],
            "esp_points_bohr": ESP_POINTS,
            "esp_hartree": [electrostatic_potential(mol, dm, p) for p in ESP_POINTS],
        })
        print(xyz, xc, name, grid_label(grid), mf.e_tot, mf.converged, g.weights.size)
    uks_cases = []
    for xyz, xc, name, stem, cart, grid, charge, multiplicity in UKS_CASES:
        mol = molecule(xyz, stem, cart)
        mol.charge, mol.spin = charge, multiplicity - 1
        mol.build()
        mf = dft.UKS(mol)
        mf.xc = xc
        mf.grids.level = int(grid.split()[1])
        mf.conv_tol = 1e-11
        mf.kernel()
        uks_cases.append({
            "molecule": xyz, "functional": xc, "basis": name, "grid": grid, "charge": charge, "multiplicity": multiplicity,
            "converged": bool(mf.converged), "energy": float(mf.e_tot),
            "alpha_orbital_energies": [float(e) for e in mf.mo_energy[0]], "beta_orbital_energies": [float(e) for e in mf.mo_energy[1]],
        })
        print(xyz, xc, charge, multiplicity, mf.e_tot, mf.converged)
    out = {"program": "PySCF", "version": pyscf.__version__, "numpy": np.__version__, "python": sys.version.split()[0],
           "settings": {"scf": "dft.RKS, conv_tol 1e-11, default DIIS, init_guess minao",
                        "grids": "PySCF defaults: radi.treutler (atom-specific xi), original_becke with "
                                 "treutler_atomic_radii_adjust on BRAGG radii, nwchem_prune; small_rho_cutoff 0",
                        "xc": "libxc through PySCF: b3lyp = HYB_GGA_XC_B3LYP (402), pbe = 101+130, pbe0 = 406, "
                              "blyp = 106+131, svwn = 1+7 (Slater + VWN5)",
                        "basis": "the bundled .gbs via parse_gaussian", "units": "hartree, bohr"},
           "cases": cases, "uks_cases": uks_cases}
    json.dump(out, open(OUT, "w"), indent=1)


if __name__ == "__main__":
    main()
