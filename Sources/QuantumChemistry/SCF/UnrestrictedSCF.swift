import InterphaseCore
import InterphaseNumerics

/// Unrestricted Hartree–Fock (Pople & Nesbet, J. Chem. Phys. 22, 571 (1954)) and Kohn–Sham for open
/// shells: one set of orbitals per spin, F^α C^α = S C^α ε^α and likewise for β, with
///
///   F^σ = h + J[D^α + D^β] − a K[D^σ] + V_xc^σ,
///   E = Tr(D h) + ½Tr(D J) − (a/2) Σ_σ Tr(D^σ K[D^σ]) + E_xc + E_nuc,
///
/// a = 1 and no XC for Hartree–Fock, the functional's exact-exchange fraction otherwise (spin-polarised
/// libxc kernels, `XCIntegrator+Polarized.swift`).
/// D^σ = C^σ_occ C^σᵀ_occ (n_α = (N + 2S)/2 and n_β = (N − 2S)/2 electrons, 2S + 1 the multiplicity).
/// As the restricted solver: canonical orthogonalisation (`OrthogonalBasis`), DIIS on the stacked commutators
/// [F^α D^α S − S D^α F^α; F^β D^β S − S D^β F^β] extrapolating both Fock matrices with one set of
/// coefficients, the atomic-density guess split equally between the spins, incremental J/K builds.
public enum UnrestrictedSCF {
    /// - Throws: `.notConverged` as `RestrictedSCF`.
    public static func run(_ integrals: Integrals, method: SCFMethod = .hartreeFock, options: SCFOptions = SCFOptions(),
                           progress: ((Int, Double) -> Void)? = nil) throws -> SCFResult {
        let molecule = integrals.molecule
        let xc = try method.functional.map { f in
            try XCIntegrator(functional: f, grid: try MolecularGrid(molecule, specification: options.grid), integrals: integrals)
        }
        let a = xc?.exactExchange ?? 1
        let label = "U" + method.description.replacingOccurrences(of: "RHF", with: "HF")
        let n = integrals.functionCount
        let nAlpha = (molecule.electronCount + molecule.multiplicity - 1) / 2, nBeta = molecule.electronCount - nAlpha
        let h = integrals.coreHamiltonian
        let basis = try OrthogonalBasis(overlap: integrals.overlap, order: n, threshold: options.linearDependence)
        guard basis.count >= nAlpha else {
            throw InterphaseError(.invalidData, "the basis has \(basis.count) independent functions for \(nAlpha) α electrons", parameter: "basis")
        }
        // One electron in each of the lowest nσ orbitals.
        func densityOf(_ c: Matrix, _ occupied: Int) -> [Double] {
            basis.density(c, occupations: (0..<basis.count).map { $0 < occupied ? 1 : 0 })
        }

        var densities: [[Double]]
        let given = options.startDensity.flatMap { $0.count == n * n ? $0 : nil }
        if let total = try given ?? (options.guess == .atomicDensities ? AtomicDensityGuess.density(for: integrals) : nil) {
            // Equal halves, then one diagonalisation of each spin's Fock matrix breaks the symmetry
            // through the different occupations.
            densities = [total.map { $0 / 2 }, total.map { $0 / 2 }]
        } else {
            let (_, c) = try basis.diagonalise(h)
            densities = [densityOf(c, nAlpha), densityOf(c, nBeta)]
        }
        var diis = DIIS(capacity: options.diisVectors)
        var j: [[Double]] = [], k: [[Double]] = []
        var previous: [[Double]]? = nil
        var previousEnergy = 0.0, deltaE = Double.infinity, worst = Double.infinity
        var exchangeCorrelation = 0.0, gridElectrons: Double? = nil
        var orbitals: [(energies: [Double], c: Matrix)] = []
        for iteration in 1...max(options.maxIterations, 1) {
            let wantK = a != 0
            if let previous, (iteration - 1) % 8 != 0 {
                let deltas = (0..<2).map { spin in zip(densities[spin], previous[spin]).map { $0 - $1 } }
                let (dj, dk) = try integrals.coulombExchange(deltas, exchange: wantK, threshold: options.screening, threads: options.threads)
                for spin in 0..<2 {
                    for t in j[spin].indices { j[spin][t] += dj[spin][t] }
                    if let dk { for t in k[spin].indices { k[spin][t] += dk[spin][t] } }
                }
            } else {
                let (jj, kk) = try integrals.coulombExchange(densities, exchange: wantK, threshold: options.screening, threads: options.threads)
                j = jj
                k = kk ?? [[Double]](repeating: [Double](repeating: 0, count: n * n), count: 2)
            }
            previous = densities
            var focks = [h, h]
            var energy = molecule.nuclearRepulsion
            for spin in 0..<2 {
                for t in h.indices {
                    focks[spin][t] += j[0][t] + j[1][t] - a * k[spin][t]
                    energy += densities[spin][t] * (h[t] + 0.5 * (j[0][t] + j[1][t] - a * k[spin][t]))
                }
            }
            if let xc {
                let (exc, potentials, q) = try xc.evaluate(alpha: densities[0], beta: densities[1], threads: options.threads)
                for spin in 0..<2 { for t in h.indices { focks[spin][t] += potentials[spin][t] } }
                energy += exc
                exchangeCorrelation = exc
                gridElectrons = q
            }
            deltaE = abs(energy - previousEnergy)
            previousEnergy = energy
            let errors = try (0..<2).map { try basis.commutator(focks[$0], densities[$0]) }
            worst = max(errors[0].maxMagnitude, errors[1].maxMagnitude)
            progress?(iteration, energy)
            if iteration > 1 && deltaE < options.energyTolerance && worst < options.commutatorTolerance {
                orbitals = try focks.map { try basis.diagonalise($0) }
                let total = zip(densities[0], densities[1]).map { $0 + $1 }
                // Orbitals of both spins in one list, ascending, with occupations 1 or 0.
                var levels: [(Double, Double, Int, Int)] = []  // energy, occupation, spin, index
                for spin in 0..<2 {
                    for (index, e) in orbitals[spin].energies.enumerated() { levels.append((e, index < (spin == 0 ? nAlpha : nBeta) ? 1 : 0, spin, index)) }
                }
                levels.sort { $0.0 < $1.0 }
                let coefficients = levels.flatMap { level in Array(orbitals[level.2].c.column(level.3)) }
                var oneElectron = 0.0
                for t in h.indices { oneElectron += total[t] * h[t] }
                return SCFResult(method: label, energy: energy, nuclearRepulsion: molecule.nuclearRepulsion, oneElectronEnergy: oneElectron,
                                 twoElectronEnergy: energy - oneElectron - molecule.nuclearRepulsion - exchangeCorrelation,
                                 exchangeCorrelationEnergy: exchangeCorrelation,
                                 orbitalEnergies: levels.map(\.0), occupations: levels.map(\.1), coefficients: coefficients, density: total,
                                 functionCount: n, iterations: iteration, lastEnergyChange: deltaE, lastCommutator: worst,
                                 gridPoints: xc?.grid.count, gridElectrons: gridElectrons, grid: xc.map { _ in options.grid.description },
                                 spinOrbitalEnergies: [orbitals[0].energies, orbitals[1].energies], spinDensities: densities,
                                 orbitalSpins: levels.map(\.2))
            }
            let stacked = options.diisVectors > 0 ? diis.extrapolate(fock: focks[0] + focks[1], error: errors[0].storage + errors[1].storage) : focks[0] + focks[1]
            let extrapolated = [Array(stacked[0..<(n * n)]), Array(stacked[(n * n)...])]
            orbitals = try extrapolated.map { try basis.diagonalise($0) }
            densities = [densityOf(orbitals[0].c, nAlpha), densityOf(orbitals[1].c, nBeta)]
        }
        throw InterphaseError(
            .notConverged,
            String(format: "%@ did not converge in %d cycles (last |ΔE| %.2e Eh, commutator %.2e; tried DIIS(%d))", options.maxIterations, deltaE, worst,
                   options.diisVectors),
            parameter: "scf", expected: "more cycles (maxIterations) or another guess")
    }
}
