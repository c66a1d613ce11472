"""Reference values for Interphase's QuantumChemistry RHF slice, produced by PySCF 2.14.0.

Run from the repository root with an interpreter that has pyscf (this script installs nothing):

    /tmp/refvenv/bin/pip install pyscf==2.14.0
    /tmp/refvenv/bin/python References/rhf_reference.py

PySCF gets exactly the basis Interphase bundles: the Gaussian-94 text of
Sources/QuantumChemistry/Resources/basis/<file>.gbs parsed by pyscf.gto.basis.parse_gaussian, with
mol.cart as Interphase's default for the family (Pople 6D, Dunning/Karlsruhe 5D). RHF with
conv_tol 1e-11 (REFERENCE_SETTINGS.md asks 1e-10 or tighter), default DIIS, incore ERIs.
Recorded per case: total and nuclear-repulsion energy (Eh), orbital energies (Eh), the number of basis
functions, the ascending eigenvalues of the overlap, kinetic and core-Hamiltonian matrices (invariant
under the order and phase of the basis functions) and the trace of the one-electron density with the
overlap (= electron count), and the eigenvalues of hC = SCε (invariant also under the scaling of each
function: Cartesian d functions other than xx are normalised differently by PySCF and libint2, so the
plain S, T, h spectra are compared for spherical bases only).

Writes Tests/QuantumChemistryTests/Reference/rhf.json (CI has no PyPI).
"""
import json
import os
import sys

import numpy as np
import scipy.linalg
import pyscf
from pyscf import gto, scf
from pyscf.gto.basis import parse_gaussian

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASIS = os.path.join(ROOT, "Sources", "QuantumChemistry", "Resources", "basis")
OUT = os.path.join(ROOT, "Tests", "QuantumChemistryTests", "Reference", "rhf.json")

CASES = [  # molecule file, Interphase basis name, file stem, cartesian
    ("H2O.xyz", "STO-3G", "sto-3g", True),
    ("H2O.xyz", "6-31G(d,p)", "6-31g_d_p", True),
    ("H2O.xyz", "cc-pVDZ", "cc-pvdz", False),
    ("LiF.xyz", "6-31G(d,p)", "6-31g_d_p", True),
    ("LiOH.xyz", "def2-SVP", "def2-svp", False),
]


UHF_CASES = [  # molecule file, basis, file stem, cartesian, charge, spin multiplicity
    ("O2.xyz", "6-31G(d)", "6-31g_d", True, 0, 3),
    ("H2O.xyz", "6-31G", "6-31g", True, 1, 2),
    ("LiF.xyz", "STO-3G", "sto-3g", True, 1, 2),
]


def basis_for(stem, symbols):
    """Each element's block of the .gbs (parse_gaussian.parse reads every block it is given)."""
    text = open(os.path.join(BASIS, stem + ".gbs")).read()
    blocks = {}
    for block in text.split("****"):
        lines = [l for l in block.splitlines() if l.strip() and not l.startswith("!")]
        if lines:
            blocks[lines[0].split()[0]] = "\n".join(lines) + "\n****\n"
    return {s: parse_gaussian.parse(blocks[s]) for s in set(symbols)}


def main():
    cases = []
    for xyz, name, stem, cart in CASES:
        lines = open(os.path.join(ROOT, "Data", "molecules", xyz)).read().splitlines()
        atoms = [l.split()[:4] for l in lines[2:2 + int(lines[0])]]
        mol = gto.M(atom=[[a[0], tuple(float(v) for v in a[1:])] for a in atoms], unit="Angstrom",
                    basis=basis_for(stem, [a[0] for a in atoms]), cart=cart, verbose=0)
        mf = scf.RHF(mol)
        mf.conv_tol = 1e-11
        mf.kernel()
        s, t, h = mol.intor("int1e_ovlp"), mol.intor("int1e_kin"), mf.get_hcore()
        cases.append({
            "molecule": xyz, "basis": name, "cartesian": cart, "converged": bool(mf.converged),
            "functions": int(mol.nao), "electrons": int(mol.nelectron),
            "energy": float(mf.e_tot), "nuclear_repulsion": float(mol.energy_nuc()),
            "orbital_energies": [float(e) for e in mf.mo_energy],
            "overlap_eigenvalues": [float(v) for v in np.linalg.eigvalsh(s)],
            "kinetic_eigenvalues": [float(v) for v in np.linalg.eigvalsh(t)],
            "core_eigenvalues": [float(v) for v in np.linalg.eigvalsh(h)],
            "core_generalized_eigenvalues": [float(v) for v in scipy.linalg.eigh(h, s, eigvals_only=True)],
            "density_overlap_trace": float(np.trace(mf.make_rdm1() @ s)),
        })
        print(xyz, name, mf.e_tot, mf.converged)
    uhf_cases = []
    for xyz, name, stem, cart, charge, multiplicity in UHF_CASES:
        lines = open(os.path.join(ROOT, "Data", "molecules", xyz)).read().splitlines()
        atoms = [l.split()[:4] for l in lines[2:2 + int(lines[0])]]
        mol = gto.M(atom=[[a[0], tuple(float(v) for v in a[1:])] for a in atoms], unit="Angstrom",
                    basis=basis_for(stem, [a[0] for a in atoms]), cart=cart, charge=charge, spin=multiplicity - 1, verbose=0)
        mf = scf.UHF(mol)
        mf.conv_tol = 1e-11
        mf.kernel()
        uhf_cases.append({
            "molecule": xyz, "basis": name, "cartesian": cart, "charge": charge, "multiplicity": multiplicity,
            "converged": bool(mf.converged), "energy": float(mf.e_tot),
            "alpha_orbital_energies": [float(e) for e in mf.mo_energy[0]], "beta_orbital_energies": [float(e) for e in mf.mo_energy[1]],
            "s_squared": float(mf.spin_square()[0]),
        })
        print(xyz, name, charge, multiplicity, mf.e_tot, mf.converged)
    out = {"program": "PySCF", "version": pyscf.__version__, "numpy": np.__version__, "python": sys.version.split()[0],
           "settings": {"scf": "scf.RHF (cases) and scf.UHF (uhf_cases, charge and spin as listed), conv_tol 1e-11, default DIIS", "basis": "the bundled .gbs via parse_gaussian",
                        "units": "hartree, bohr"},
           "cases": cases, "uhf_cases": uhf_cases}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    json.dump(out, open(OUT, "w"), indent=1)


if __name__ == "__main__":
    main()
