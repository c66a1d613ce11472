/// Convergence criteria and step control of a geometry optimisation. The defaults are Gaussian's
/// (`Opt`): largest force 4.5e-4 and RMS force 3e-4 hartree/bohr, largest displacement 1.8e-3 and RMS
/// displacement 1.2e-3 bohr, where the displacement is the next step the optimiser would take; all four
/// must hold, or the forces alone must be 100 times below theirs. `tight` is Gaussian's `Opt=Tight`.
public struct OptimizationOptions: Sendable, Equatable {
    /// - Units: hartree/bohr.
    public var maxForce = 4.5e-4
    public var rmsForce = 3.0e-4
    /// - Units: bohr.
    public var maxDisplacement = 1.8e-3
    public var rmsDisplacement = 1.2e-3
    /// Energy and gradient evaluations before giving up.
    public var maxSteps = 100
    /// Starting and largest trust radius (the longest step, as a Cartesian norm). - Units: bohr.
    public var trustRadius = 0.3
    public var maxTrustRadius = 1.0

    public init() {}

    /// Gaussian's `Opt=Tight`: forces 1.5e-5 / 1e-5 hartree/bohr, displacements 6e-5 / 4e-5 bohr.
    public static var tight: OptimizationOptions {
        var o = OptimizationOptions()
        o.maxForce = 1.5e-5
        o.rmsForce = 1.0e-5
        o.maxDisplacement = 6e-5
        o.rmsDisplacement = 4e-5
        return o
    }
}
