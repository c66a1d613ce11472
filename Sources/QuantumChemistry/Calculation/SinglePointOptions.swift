/// What a single-point calculation computes: the method, the basis and its Cartesian/spherical
/// choice, the SCF settings (guess, convergence, grid) and the memory the two-electron integrals may keep.
public struct SinglePointOptions: Sendable, Equatable {
    public var method: SCFMethod = .hartreeFock
    public var basis: BasisSetName
    /// Spherical (5D/7F) or Cartesian (6D/10F); nil for the basis family's default (Gaussian's).
    public var spherical: Bool? = nil
    public var scf = SCFOptions()
    /// When set, the electrostatic potential on this isodensity surface is computed too. - Units: e bohr⁻³.
    public var surfaceIsovalue: Double? = nil
    /// Cube files to compute (density, orbitals, ESP) and their grid step. - Units: bohr.
    public var cubes: [CubeFile.Quantity] = []
    public var cubeSpacing: Double = 0.2
    /// Compute the analytic nuclear gradient (`SinglePoint.gradient`).
    public var gradient = false
    /// Write the orbitals as a Molden file (`SinglePoint.molden`).
    public var molden = false
    /// Bytes the semi-direct integral cache may use (PySCF's default `max_memory` is 4000 MB). - Units: bytes.
    public var memoryLimit: Double = 4e9

    public init(method: SCFMethod = .hartreeFock, basis: BasisSetName = .sixThirtyOneGdp) {
        self.method = method
        self.basis = basis
    }
}
