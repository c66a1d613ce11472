/// One geometry of an optimisation: the molecule, its energy, the largest and RMS Cartesian force and
/// the step taken from it (zero for the last). Forces in hartree/bohr, displacements in bohr.
public struct OptimizationStep: Sendable {
    public let molecule: Molecule
    /// - Units: hartree.
    public let energy: Double
    public let maxForce: Double
    public let rmsForce: Double
    public let maxDisplacement: Double
    public let rmsDisplacement: Double
    /// Trust radius the step was taken with. - Units: bohr.
    public let trustRadius: Double
}
