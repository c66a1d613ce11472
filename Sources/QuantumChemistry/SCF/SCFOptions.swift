/// Convergence and acceleration settings of a self-consistent-field calculation. Defaults are
/// PySCF's (`conv_tol` 1e-9 hartree on the energy, `conv_tol_grad` √conv_tol on the orbital gradient,
/// here the largest element of the orthogonalised commutator FDS − SDF; 50 cycles; DIIS over 8 vectors
/// from the second cycle).
public struct SCFOptions: Sendable, Equatable {
    /// |ΔE| between cycles. - Units: hartree.
    public var energyTolerance: Double = 1e-9
    /// max |Xᵀ(FDS − SDF)X|. - Units: hartree.
    public var commutatorTolerance: Double = 3.162e-5
    public var maxIterations: Int = 50
    /// DIIS subspace size (Pulay, Chem. Phys. Lett. 73, 393 (1980)); 0 turns DIIS off.
    public var diisVectors: Int = 8
    /// Virtual orbitals raised by this much before diagonalisation (Saunders & Hillier 1973), for
    /// oscillating cases. - Units: hartree.
    public var levelShift: Double = 0
    /// Fraction of the previous density mixed into the new one in cycles without DIIS.
    public var damping: Double = 0
    /// Schwarz screening threshold of the direct Coulomb/exchange build.
    public var screening: Double = 1e-13
    /// Overlap eigenvalues below this are dropped (canonical orthogonalisation of a near-dependent basis).
    public var linearDependence: Double = 1e-8
    /// Threads of the Coulomb/exchange build and the XC integration.
    public var threads: Int = 2
    /// The starting density.
    public var guess: SCFGuess = .atomicDensities
    /// A density to start from instead of `guess` (row-major n × n, total; e.g. the previous geometry's
    /// in an optimisation, as PySCF does). Ignored when its size does not match the basis.
    public var startDensity: [Double]? = nil
    /// The DFT integration grid (PySCF's default level 3; Gaussian's UltraFine is (99,590)).
    public var grid = GridSpecification()

    /// Unrestricted (UHF) even for a singlet; open shells are always unrestricted.
    public var unrestricted = false

    public init() {}
}
