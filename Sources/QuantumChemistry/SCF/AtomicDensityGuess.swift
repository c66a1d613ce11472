import InterphaseCore

/// The superposition-of-atomic-densities start (Almlöf, Faegri & Korsell, J. Comput. Chem. 3, 385
/// (1982)): for each element of the molecule, a spherically averaged Hartree–Fock density of the
/// neutral atom in the same basis (degenerate frontier orbitals occupied equally, so the density stays
/// spherical: C 1s² 2s² 2p^{2/3 × 3}); the molecular guess is the block-diagonal matrix of those
/// densities, atom by atom. The atoms are small, so this costs a fraction of one molecular cycle.
enum AtomicDensityGuess {
    /// The guess density, or nil when an atom's SCF does not converge (the caller then starts from the
    /// core Hamiltonian).
    static func density(for integrals: Integrals) throws -> [Double]? {
        let molecule = integrals.molecule, basis = integrals.basis
        let n = integrals.functionCount
        var byElement: [Int: [Double]] = [:]
        var options = SCFOptions()
        options.energyTolerance = 1e-7
        options.commutatorTolerance = 1e-4
        options.maxIterations = 60
        options.threads = 1
        for atom in molecule.atoms where byElement[atom.element.atomicNumber] == nil {
            let z = atom.element.atomicNumber
            let free = try Molecule(atoms: [Molecule.Atom(atom.element, .zero)], charge: 0,
                                    multiplicity: z % 2 == 0 ? 1 : 2, title: atom.element.symbol)
            let atomic = try Integrals(try BasisSet(basis.name, for: free, spherical: basis.spherical), molecule: free, memoryLimit: 2e8)
            // A guess need not be converged tightly.
            guard let solution = try? RestrictedSCF.iterate(atomic, electrons: Double(z), xc: nil, start: nil, fractional: true,
                                                            options: options, progress: nil) else { return nil }
            byElement[z] = solution.density
        }
        var d = [Double](repeating: 0, count: n * n)
        var offset = 0
        for (k, atom) in molecule.atoms.enumerated() {
            let size = basis.shells.filter { $0.atom == k }.reduce(0) { $0 + $1.functionCount }
            let block = byElement[atom.element.atomicNumber]!
            for i in 0..<size { for j in 0..<size { d[(offset + i) * n + offset + j] = block[i * size + j] } }
            offset += size
        }
        return d
    }
}
