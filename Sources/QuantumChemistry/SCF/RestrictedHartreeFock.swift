import InterphaseCore
import InterphaseNumerics

/// Closed-shell Hartree–Fock (Roothaan, Rev. Mod. Phys. 23, 69 (1951)): FC = SCε with
/// F = h + J[D] − ½K[D] and D = 2 C_occ C_occᵀ (Szabo & Ostlund, *Modern Quantum Chemistry*, §3.4).
///
/// The generalized problem is solved in the orthonormal basis X = U s^{-1/2} of the overlap's
/// eigenvectors with eigenvalues above `linearDependence` (canonical orthogonalisation, Löwdin 1970).
/// Start: the core-Hamiltonian guess; each cycle builds J and K directly from libint2 integrals,
/// extrapolates F by DIIS on the commutator FDS − SDF, and stops when both |ΔE| and the commutator are
/// below their tolerances.
public enum RestrictedHartreeFock {
    /// - Throws: `.invalidParameter` for an open-shell molecule (RHF needs multiplicity 1 and an even
    ///   electron count); `.notConverged` after `maxIterations` cycles, naming the last |ΔE| and
    ///   commutator and what was tried (DIIS size, level shift, damping) and suggesting the next remedy.
    public static func run(_ integrals: Integrals, options: SCFOptions = SCFOptions(),
                           progress: ((Int, Double) -> Void)? = nil) throws -> SCFResult {
        let molecule = integrals.molecule
        guard molecule.multiplicity == 1, molecule.electronCount % 2 == 0 else {
            throw InterphaseError(.invalidParameter,
                                  "RHF needs a closed shell; this molecule has \(molecule.electronCount) electrons and multiplicity \(molecule.multiplicity)",
                                  parameter: "method", expected: "UHF for open shells")
        }
        let n = integrals.functionCount
        let occupied = molecule.electronCount / 2
        let h = integrals.coreHamiltonian
        let s = Matrix(rows: n, columns: n, columnMajor: integrals.overlap)

        // X = U s^{-1/2}, columns with s > threshold.
        let (sValues, sVectors) = try LAPACK.symmetricEigen(s)
        let kept = sValues.indices.filter { sValues[$0] > options.linearDependence }
        let m = kept.count
        guard m >= occupied else {
            throw InterphaseError(.invalidData, "the basis has \(m) independent functions for \(occupied) occupied orbitals", parameter: "basis")
        }
        var x = Matrix(rows: n, columns: m)
        for (c, k) in kept.enumerated() {
            let scale = 1 / sValues[k].squareRoot()
            for r in 0..<n { x[r, c] = sVectors[r, k] * scale }
        }

        func diagonalise(_ fock: [Double], shiftWith density: [Double]?) throws -> (energies: [Double], c: Matrix) {
            var f = Matrix(rows: n, columns: n, columnMajor: fock)
            if let density, options.levelShift > 0 {
                // F + μ (S − ½ S D S): virtual space raised by μ.
                let sds = try LAPACK.product(try LAPACK.product(s, Matrix(rows: n, columns: n, columnMajor: density)), s)
                for i in 0..<n { for j in 0..<n { f[i, j] += options.levelShift * (s[i, j] - 0.5 * sds[i, j]) } }
            }
            let fPrime = try LAPACK.product(try LAPACK.product(x, f, transposeA: true), x)
            let (values, vectors) = try LAPACK.symmetricEigen(fPrime)
            return (values, try LAPACK.product(x, vectors))
        }
        func densityOf(_ c: Matrix) -> [Double] {
            var d = [Double](repeating: 0, count: n * n)
            for i in 0..<n {
                for j in 0...i {
                    var sum = 0.0
                    for k in 0..<occupied { sum += c[i, k] * c[j, k] }
                    d[i * n + j] = 2 * sum
                    d[j * n + i] = 2 * sum
                }
            }
            return d
        }

        var (energies, c) = try diagonalise(h, shiftWith: nil)
        var density = densityOf(c)
        var diis = DIIS(capacity: options.diisVectors)
        var previousEnergy = 0.0, energy = 0.0, deltaE = Double.infinity, commutator = Double.infinity
        var oneElectron = 0.0, twoElectron = 0.0
        let nuclear = molecule.nuclearRepulsion
        for iteration in 1...max(options.maxIterations, 1) {
            let (jList, kList) = try integrals.coulombExchange([density], threshold: options.screening, threads: options.threads)
            let j = jList[0], k = kList![0]
            var fock = h
            for t in fock.indices { fock[t] += j[t] - 0.5 * k[t] }
            oneElectron = 0
            twoElectron = 0
            for t in density.indices {
                oneElectron += density[t] * h[t]
                twoElectron += 0.5 * density[t] * (j[t] - 0.5 * k[t])
            }
            energy = oneElectron + twoElectron + nuclear
            deltaE = abs(energy - previousEnergy)
            previousEnergy = energy
            // Commutator e = FDS − SDF in the orthonormal basis: Xᵀ e X.
            let fm = Matrix(rows: n, columns: n, columnMajor: fock), dm = Matrix(rows: n, columns: n, columnMajor: density)
            let fds = try LAPACK.product(try LAPACK.product(fm, dm), s)
            var e = Matrix(rows: n, columns: n)
            for a in 0..<n { for b in 0..<n { e[a, b] = fds[a, b] - fds[b, a] } }
            let eo = try LAPACK.product(try LAPACK.product(x, e, transposeA: true), x)
            commutator = eo.maxMagnitude
            progress?(iteration, energy)
            if iteration > 1 && deltaE < options.energyTolerance && commutator < options.commutatorTolerance {
                return SCFResult(method: "RHF", energy: energy, nuclearRepulsion: nuclear, oneElectronEnergy: oneElectron,
                                 twoElectronEnergy: twoElectron, orbitalEnergies: energies,
                                 occupations: energies.indices.map { $0 < occupied ? 2 : 0 }, coefficients: c.storage, density: density,
                                 functionCount: n, iterations: iteration, lastEnergyChange: deltaE, lastCommutator: commutator)
            }
            let extrapolated = options.diisVectors > 0 ? diis.extrapolate(fock: fock, error: eo.storage) : fock
            (energies, c) = try diagonalise(extrapolated, shiftWith: options.levelShift > 0 ? density : nil)
            let next = densityOf(c)
            if options.diisVectors == 0 && options.damping > 0 {
                for t in density.indices { density[t] = options.damping * density[t] + (1 - options.damping) * next[t] }
            } else {
                density = next
            }
        }
        throw InterphaseError(
            .notConverged,
            String(format: "RHF did not converge in %d cycles (last |ΔE| %.2e Eh, commutator %.2e; tried DIIS(%d), level shift %.2f Eh, damping %.2f)",
                   options.maxIterations, deltaE, commutator, options.diisVectors, options.levelShift, options.damping),
            parameter: "scf", expected: "more cycles (maxIterations), a level shift of 0.2–0.5 Eh, or damping")
    }
}
