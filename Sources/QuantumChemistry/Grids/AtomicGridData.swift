import InterphaseCore

/// Per-element constants of the molecular grid, indexed by atomic number (index 0 unused), for H–Kr.
enum AtomicGridData {
    /// Bragg–Slater radii (J. C. Slater, J. Chem. Phys. 41, 3199 (1964)), as PySCF's `radii.BRAGG`
    /// (H 0.35 Å; noble gases by convention). - Units: Å.
    static let braggSlaterAngstrom: [Double] = [
        1.999999,
        0.35, 1.40,
        1.45, 1.05, 0.85, 0.70, 0.65, 0.60, 0.50, 1.50,
        1.80, 1.50, 1.25, 1.10, 1.00, 1.00, 1.00, 1.80,
        2.20, 1.80,
        1.60, 1.40, 1.35, 1.40, 1.40, 1.40, 1.35, 1.35, 1.35, 1.35,
        1.30, 1.25, 1.15, 1.15, 1.15, 1.90,
    ]

    /// Bragg–Slater radius of element Z. - Units: bohr.
    static func braggRadius(_ z: Int) -> Double { braggSlaterAngstrom[min(max(z, 0), braggSlaterAngstrom.count - 1)] * Units.angstromToBohr }

    /// Treutler–Ahlrichs radial scaling ξ (J. Chem. Phys. 102, 346 (1995), Table 1).
    static let treutlerXi: [Double] = [
        1.0,
        0.8, 0.9,
        1.8, 1.4, 1.3, 1.1, 0.9, 0.9, 0.9, 0.9,
        1.4, 1.3, 1.3, 1.2, 1.1, 1.0, 1.0, 1.0,
        1.5, 1.4,
        1.3, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2, 1.1, 1.1, 1.1,
        1.1, 1.0, 0.9, 0.9, 0.9, 0.9,
    ]
}
