import InterphaseCore
import InterphaseNumerics

/// Closed-shell SCF: Hartree–Fock (Roothaan, Rev. Mod. Phys. 23, 69 (1951)) or Kohn–Sham DFT
/// (Pople, Gill & Johnson, Chem. Phys. Lett. 199, 557 (1992)). FC = SCε with
///
///   F = h + J[D] − (α/2) K[D] + V_xc[D],  E = Tr(Dh) + ½Tr(DJ) − (α/4)Tr(DK) + E_xc + E_nuc,
///
/// D = 2 C_occ C_occᵀ; α = 1 and no XC term for Hartree–Fock, α the functional's exact-exchange
/// fraction otherwise (K is not built for a pure functional).
///
/// The generalized problem is solved in the orthonormal basis of `OrthogonalBasis` (canonical
/// orthogonalisation above `linearDependence`).
/// Each cycle builds J and K (incrementally, from ΔD) from libint2 integrals and V_xc on the grid, extrapolates F by
/// DIIS on the commutator FDS − SDF, and stops when both |ΔE| and the commutator are below their
/// tolerances.
public enum RestrictedSCF {
    /// - Throws: `.invalidParameter` for an open-shell molecule (a restricted closed-shell SCF needs
    ///   multiplicity 1 and an even electron count); `.notConverged` after `maxIterations` cycles,
    ///   naming the last |ΔE| and commutator and what was tried (DIIS size, level shift, damping) and
    ///   suggesting the next remedy.
    public static func run(_ integrals: Integrals, method: SCFMethod = .hartreeFock, options: SCFOptions = SCFOptions(),
                           progress: ((Int, Double) -> Void)? = nil) throws -> SCFResult {
        let molecule = integrals.molecule
        guard molecule.multiplicity == 1, molecule.electronCount % 2 == 0 else {
            throw InterphaseError(.invalidParameter,
                                  "\(method) here is closed-shell; this molecule has \(molecule.electronCount) electrons and multiplicity \(molecule.multiplicity)",
                                  parameter: "method", expected: "UHF (UnrestrictedSCF) for open shells")
        }
        let xc = try method.functional.map { f in
            try XCIntegrator(functional: f, grid: try MolecularGrid(molecule, specification: options.grid), integrals: integrals)
        }
        let n = integrals.functionCount
        let given = options.startDensity.flatMap { $0.count == n * n ? $0 : nil }
        let start = try given ?? (options.guess == .atomicDensities ? AtomicDensityGuess.density(for: integrals) : nil)
        let solution = try iterate(integrals, electrons: Double(molecule.electronCount), xc: xc, start: start,
                                   fractional: false, options: options, progress: progress)
        return SCFResult(method: method.description, energy: solution.energy, nuclearRepulsion: molecule.nuclearRepulsion,
                         oneElectronEnergy: solution.oneElectron, twoElectronEnergy: solution.twoElectron,
                         exchangeCorrelationEnergy: solution.exchangeCorrelation, orbitalEnergies: solution.orbitalEnergies,
                         occupations: solution.occupations, coefficients: solution.coefficients, density: solution.density,
                         functionCount: integrals.functionCount, iterations: solution.iterations,
                         lastEnergyChange: solution.lastEnergyChange, lastCommutator: solution.lastCommutator,
                         gridPoints: xc?.grid.count, gridElectrons: solution.gridElectrons,
                         grid: xc.map { _ in options.grid.description })
    }

    /// What one SCF loop ends with.
    struct Solution {
        var energy = 0.0, oneElectron = 0.0, twoElectron = 0.0, exchangeCorrelation = 0.0
        var orbitalEnergies: [Double] = [], occupations: [Double] = [], coefficients: [Double] = [], density: [Double] = []
        var iterations = 0, lastEnergyChange = Double.infinity, lastCommutator = Double.infinity
        var gridElectrons: Double?
    }

    /// The SCF loop. `fractional`: occupy degenerate frontier orbitals equally (spherical atoms for
    /// the atomic-density guess) instead of the lowest N/2 doubly.
    static func iterate(_ integrals: Integrals, electrons: Double, xc: XCIntegrator?, start: [Double]?, fractional: Bool,
                        options: SCFOptions, progress: ((Int, Double) -> Void)?) throws -> Solution {
        let n = integrals.functionCount
        let h = integrals.coreHamiltonian
        let alpha = xc?.exactExchange ?? 1
        let label = xc.map { $0.functional.name.uppercased() } ?? "RHF"

        let basis = try OrthogonalBasis(overlap: integrals.overlap, order: n, threshold: options.linearDependence)
        let m = basis.count
        guard Double(m) * 2 >= electrons else {
            throw InterphaseError(.invalidData, "the basis has \(m) independent functions for \(electrons / 2) occupied orbitals", parameter: "basis")
        }
        func occupy(_ energies: [Double]) -> [Double] {
            var occupation = [Double](repeating: 0, count: energies.count)
            var remaining = electrons, i = 0
            while remaining > 1e-12, i < energies.count {
                var j = i + 1
                if fractional { while j < energies.count, abs(energies[j] - energies[i]) < 1e-6 { j += 1 } }
                let put = min(remaining, 2 * Double(j - i))
                for k in i..<j { occupation[k] = put / Double(j - i) }
                remaining -= put
                i = j
            }
            return occupation
        }
        var (energies, c) = try basis.diagonalise(h)
        var occupation = occupy(energies)
        var density = start ?? basis.density(c, occupations: occupation)
        var diis = DIIS(capacity: options.diisVectors)
        var solution = Solution()
        var previousEnergy = 0.0
        let nuclear = integrals.molecule.nuclearRepulsion
        // Incremental builds (Almlöf, Faegri & Korsell 1982): J and K are linear in D, so each cycle
        // adds J[ΔD], K[ΔD] to the previous ones; ΔD shrinks as the SCF converges and the density-weighted
        // Schwarz screening then skips most quartets. Rebuilt from the full density every
        // `rebuildEvery` cycles so rounding cannot accumulate.
        let rebuildEvery = 8
        var previousDensity: [Double]? = nil
        var j = [Double](), k = [Double]()
        for iteration in 1...max(options.maxIterations, 1) {
            let wantK = alpha != 0
            if let previous = previousDensity, (iteration - 1) % rebuildEvery != 0 {
                let delta = zip(density, previous).map { $0 - $1 }
                let (dj, dk) = try integrals.coulombExchange([delta], exchange: wantK, threshold: options.screening, threads: options.threads)
                for t in j.indices { j[t] += dj[0][t] }
                if wantK, let dk { for t in k.indices { k[t] += dk[0][t] } }
            } else {
                let (jList, kList) = try integrals.coulombExchange([density], exchange: wantK, threshold: options.screening, threads: options.threads)
                j = jList[0]
                k = kList?[0] ?? []
            }
            previousDensity = density
            var fock = h
            var oneElectron = 0.0, twoElectron = 0.0, exchangeCorrelation = 0.0
            if wantK {
                for t in fock.indices { fock[t] += j[t] - 0.5 * alpha * k[t] }
                for t in density.indices { twoElectron += 0.5 * density[t] * (j[t] - 0.5 * alpha * k[t]) }
            } else {
                for t in fock.indices { fock[t] += j[t] }
                for t in density.indices { twoElectron += 0.5 * density[t] * j[t] }
            }
            for t in density.indices { oneElectron += density[t] * h[t] }
            if let xc {
                let (exc, vxc, q) = try xc.evaluate(density: density, threads: options.threads)
                for t in fock.indices { fock[t] += vxc[t] }
                exchangeCorrelation = exc
                solution.gridElectrons = q
            }
            let energy = oneElectron + twoElectron + exchangeCorrelation + nuclear
            let deltaE = abs(energy - previousEnergy)
            previousEnergy = energy
            let eo = try basis.commutator(fock, density)
            let commutator = eo.maxMagnitude
            progress?(iteration, energy)
            solution.energy = energy
            solution.oneElectron = oneElectron
            solution.twoElectron = twoElectron
            solution.exchangeCorrelation = exchangeCorrelation
            solution.iterations = iteration
            solution.lastEnergyChange = deltaE
            solution.lastCommutator = commutator
            // The first cycle of a guessed density has no previous energy to compare with.
            if iteration > 1 && deltaE < options.energyTolerance && commutator < options.commutatorTolerance {
                // Orbitals of the Fock matrix of the converged density (as PySCF's final check cycle).
                let final = try basis.diagonalise(fock)
                solution.orbitalEnergies = final.energies
                solution.occupations = occupy(final.energies)
                solution.coefficients = final.c.storage
                solution.density = density
                return solution
            }
            let extrapolated = options.diisVectors > 0 ? diis.extrapolate(fock: fock, error: eo.storage) : fock
            (energies, c) = try basis.diagonalise(extrapolated, levelShift: options.levelShift, density: density)
            occupation = occupy(energies)
            let next = basis.density(c, occupations: occupation)
            if options.diisVectors == 0 && options.damping > 0 {
                for t in density.indices { density[t] = options.damping * density[t] + (1 - options.damping) * next[t] }
            } else {
                density = next
            }
        }
        throw InterphaseError(
            .notConverged,
            String(format: "%@ did not converge in %d cycles (last |ΔE| %.2e Eh, commutator %.2e; tried DIIS(%d), level shift %.2f Eh, damping %.2f)",
                   label, options.maxIterations, solution.lastEnergyChange, solution.lastCommutator, options.diisVectors, options.levelShift,
                   options.damping),
            parameter: "scf", expected: "more cycles (maxIterations), a level shift of 0.2–0.5 Eh, or damping")
    }
}
