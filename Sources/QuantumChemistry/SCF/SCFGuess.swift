/// The density the SCF starts from.
public enum SCFGuess: String, Sendable, CaseIterable {
    /// Eigenvectors of the core Hamiltonian h = T + V (poor for anything but tiny molecules).
    case core
    /// Superposition of atomic densities: each element's spherically averaged, fractionally occupied
    /// Hartree–Fock density in the same basis (Almlöf, Faegri & Korsell, J. Comput. Chem. 3, 385
    /// (1982); Van Lenthe et al., J. Comput. Chem. 27, 926 (2006)), as PySCF's `init_guess='atom'`.
    case atomicDensities = "atom"
}
