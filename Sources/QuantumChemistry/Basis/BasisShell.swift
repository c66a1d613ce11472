/// One contracted Gaussian shell: angular momentum l, primitives (exponents in bohr⁻², contraction
/// coefficients for normalized primitives), whether it is spherical (2l + 1 functions) or Cartesian
/// ((l + 1)(l + 2)/2), its centre (bohr) and the atom it sits on.
public struct BasisShell: Sendable, Equatable {
    public let l: Int
    public let exponents: [Double]
    public let coefficients: [Double]
    public let spherical: Bool
    public let centre: SIMD3<Double>
    /// Index of the atom in the molecule.
    public let atom: Int

    /// Number of basis functions.
    public var functionCount: Int { spherical ? 2 * l + 1 : (l + 1) * (l + 2) / 2 }
}
