import InterphaseCore

/// SEI screening (the reference study's computation): each species' HOMO and LUMO at one level of
/// theory, compared with the reduction reference. Species run one after another, each SCF on both
/// cores.
public enum SEIScreening {
    /// One screened species.
    public struct Entry: Sendable {
        public let name: String
        /// The single point the levels come from (at the optimised geometry when optimised).
        public let calculation: SinglePoint
        /// The optimisation that led there, when the screening optimised first.
        public var optimization: GeometryOptimization? = nil
        /// HOMO and LUMO. - Units: eV.
        public var homoEV: Double? { calculation.result.homo.map { $0 * Units.hartreeToElectronvolt } }
        public var lumoEV: Double? { calculation.result.lumo.map { $0 * Units.hartreeToElectronvolt } }
        /// LUMO − reference. - Units: eV.
        public let marginEV: Double?
        /// LUMO above the reference: not reduced by Li.
        public var stable: Bool? { marginEV.map { $0 > 0 } }
    }

    /// - Parameters:
    ///   - surfaces: indices of the species whose ESP on the 0.001 isodensity surface is computed too.
    ///   - optimize: optimise each species first with these criteria (the study's species are at
    ///     B3LYP/6-31G(d,p) minima); nil screens the geometries as given.
    ///   - progress: called with (species index, name) before each species.
    /// - Throws: the first species' error, naming the species.
    public static func run(_ species: [(name: String, molecule: Molecule)], options: SinglePointOptions,
                           reference: ReductionReference = .lithium, surfaces: Set<Int> = [],
                           optimize: OptimizationOptions? = nil, progress: ((Int, String) -> Void)? = nil) throws -> [Entry] {
        try species.enumerated().map { k, item in
            progress?(k, item.name)
            do {
                var own = options
                if surfaces.contains(k) { own.surfaceIsovalue = own.surfaceIsovalue ?? 0.001 }
                let optimization = try optimize.map { try GeometryOptimization.run(item.molecule, options: own, optimization: $0) }
                let calculation = try optimization?.final ?? SinglePoint.run(item.molecule, options: own)
                let lumo = calculation.result.lumo.map { $0 * Units.hartreeToElectronvolt }
                return Entry(name: item.name, calculation: calculation, optimization: optimization,
                             marginEV: lumo.map { $0 - reference.energyEV })
            } catch var error as InterphaseError {
                error.message = "\(item.name): \(error.message)"
                throw error
            }
        }
    }
}
