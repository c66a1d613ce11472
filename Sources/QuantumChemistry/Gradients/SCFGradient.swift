import InterphaseCore

/// Analytic nuclear gradient of a converged SCF energy (Pople, Krishnan, Schlegel & Binkley, Int. J.
/// Quantum Chem. Symp. 13, 225 (1979)):
///
///   dE/dR_A = Σ D_μν ∂h_μν/∂R_A − Σ W_μν ∂S_μν/∂R_A + ∂E₂/∂R_A + ∂E_xc/∂R_A + ∂E_nuc/∂R_A,
///
/// with W = Σ_k n_k ε_k c_k c_kᵀ the energy-weighted density (n_k the occupations: 2 closed shell, 1
/// unrestricted), E₂ = ½ Σ D_μν D_λσ (μν|λσ) − a·s Σ_d Σ D^d_μλ D^d_νσ (μν|λσ) with the exchange
/// densities D^d = D (s = ¼) for a closed shell and Dα, Dβ (s = ½) unrestricted, a = 1 for
/// Hartree–Fock and the functional's exact-exchange fraction for DFT, and the XC term of
/// `XCIntegrator.nuclearGradient` (fixed grid). The orbitals are variational, so no response term
/// appears. One-electron derivative integrals are built in the libint2 bridge from l ± 1 shells; the
/// two-electron ones are libint2's first-derivative ERIs.
public enum SCFGradient {
    /// - Parameters:
    ///   - result: a converged SCF on `integrals` (restricted or unrestricted).
    ///   - method: the method `result` was computed with (its functional supplies the XC part).
    ///   - options: the SCF's options (its grid and thread count).
    /// - Throws: `.invalidParameter` when `result` does not belong to `integrals`.
    public static func compute(_ integrals: Integrals, result: SCFResult, method: SCFMethod, options: SCFOptions = SCFOptions()) throws
        -> NuclearGradient {
        let n = integrals.functionCount, molecule = integrals.molecule
        guard result.functionCount == n, result.density.count == n * n else {
            throw InterphaseError(.invalidParameter, "the SCF result has \(result.functionCount) basis functions, the integrals \(n)",
                                  parameter: "result", expected: "the result of an SCF on these integrals")
        }
        // W = Σ n_k ε_k c_k c_kᵀ over the occupied orbitals.
        var w = [Double](repeating: 0, count: n * n)
        for (k, occupation) in result.occupations.enumerated() where occupation > 0 {
            let c = result.coefficients[(k * n)..<((k + 1) * n)].map { $0 }
            let scale = occupation * result.orbitalEnergies[k]
            for mu in 0..<n { for nu in 0..<n { w[mu * n + nu] += scale * c[mu] * c[nu] } }
        }
        let xc = try method.functional.map { f in
            try XCIntegrator(functional: f, grid: try MolecularGrid(molecule, specification: options.grid), integrals: integrals)
        }
        let a = xc?.exactExchange ?? 1
        let spinDensities = result.spinDensities
        let exchange = a == 0 ? [] : (spinDensities ?? [result.density])
        let scale = a * (spinDensities == nil ? 0.25 : 0.5)
        let one = try integrals.oneElectronGradient(density: result.density, energyWeighted: w, threads: options.threads)
        let two = try integrals.twoElectronGradient(coulomb: result.density, exchange: exchange, exchangeScale: scale,
                                                    threshold: options.screening, threads: options.threads)
        let zero = [SIMD3<Double>](repeating: .zero, count: molecule.atoms.count)
        let exc = try xc.map { try $0.nuclearGradient(densities: spinDensities ?? [result.density], atomCount: molecule.atoms.count,
                                                      threads: options.threads) } ?? zero
        let nuclear = nuclearRepulsionGradient(molecule)
        let total = molecule.atoms.indices.map { one[$0] + two[$0] + exc[$0] + nuclear[$0] }
        return NuclearGradient(values: total, oneElectron: one, twoElectron: two, exchangeCorrelation: exc, nuclearRepulsion: nuclear)
    }

    /// ∂/∂R_A of Σ_{A<B} Z_A Z_B / |R_A − R_B|. - Units: hartree/bohr.
    public static func nuclearRepulsionGradient(_ molecule: Molecule) -> [SIMD3<Double>] {
        let atoms = molecule.atoms
        return atoms.indices.map { a in
            var g = SIMD3<Double>.zero
            for b in atoms.indices where b != a {
                let d = atoms[a].position - atoms[b].position
                let r = (d * d).sum().squareRoot()
                g -= Double(atoms[a].element.atomicNumber * atoms[b].element.atomicNumber) * d / (r * r * r)
            }
            return g
        }
    }
}
