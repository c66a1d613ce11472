import InterphaseCore

/// Nuclear derivatives of the integral contractions that make up an SCF energy (the bridge's
/// `ib_one_body_gradient` and `ib_two_body_gradient`), summed from shell centres onto atoms.
extension Integrals {
    /// ∂/∂R_A [Σ D_μν (T + V)_μν − Σ W_μν S_μν] for each atom A, with V's own dependence on the nuclei
    /// (Hellmann–Feynman) included. D, W row-major n × n. - Units: hartree/bohr.
    public func oneElectronGradient(density: [Double], energyWeighted: [Double], threads: Int = Parallel.coreCount) throws -> [SIMD3<Double>] {
        let atoms = molecule.atoms
        let (shells, charges) = try Libint.oneBodyGradient(engine, density: density, energyWeighted: energyWeighted,
                                                           charges: atoms.map { Double($0.element.atomicNumber) },
                                                           positions: atoms.flatMap { [$0.position.x, $0.position.y, $0.position.z] }, threads: threads)
        var gradient = onAtoms(shells)
        for a in atoms.indices { gradient[a] += SIMD3(charges[3 * a], charges[3 * a + 1], charges[3 * a + 2]) }
        return gradient
    }

    /// ∂/∂R_A of E₂ = ½ Σ Dc_μν Dc_λσ (μν|λσ) − `exchangeScale` Σ_d Σ D^d_μλ D^d_νσ (μν|λσ) for each atom.
    /// - Units: hartree/bohr.
    public func twoElectronGradient(coulomb: [Double], exchange: [[Double]], exchangeScale: Double, threshold: Double = 1e-12,
                                    threads: Int = Parallel.coreCount) throws -> [SIMD3<Double>] {
        onAtoms(try Libint.twoBodyGradient(engine, coulomb: coulomb, exchange: exchange, exchangeScale: exchangeScale, threshold: threshold,
                                           threads: threads))
    }

    /// Per-shell (x, y, z) triples summed onto the shells' atoms.
    func onAtoms(_ shells: [Double]) -> [SIMD3<Double>] {
        var gradient = [SIMD3<Double>](repeating: .zero, count: molecule.atoms.count)
        for (s, shell) in basis.shells.enumerated() { gradient[shell.atom] += SIMD3(shells[3 * s], shells[3 * s + 1], shells[3 * s + 2]) }
        return gradient
    }
}
