import InterphaseCore

/// Options of the Tafel / Butler–Volmer analysis. Every default is stated here once; the CLI and docs
/// point here. Potentials in V, temperature in K, area in m².
public struct TafelOptions: Sendable {
    /// How many electrodes the measured voltage spans.
    public enum Electrodes: String, Sendable, CaseIterable {
        /// A working electrode against a reference: η = E − E_eq.
        case single
        /// A symmetric two-electrode cell (Li‖Li): η is the cell voltage, shared by two identical
        /// electrodes, one anodic and one cathodic (see `TafelAnalysis` for what this changes).
        case symmetric
    }

    /// Electrode area for current densities. - Units: m². nil = the file's; without either, currents
    /// stay in A and the densities are nil.
    public var electrodeArea: Double?
    /// - Units: K. Default 298.15 K.
    public var temperature = Units.zeroCelsius + 25
    /// Equilibrium (zero-current) potential. - Units: V. nil = the zero-current crossing of the data.
    public var equilibriumPotential: Double?
    /// Electrons n in the rate-determining step (α = 2.303 RT/(n F b)). Default 1 (Li⁺ + e⁻ ⇌ Li).
    public var electrons = 1
    /// What the voltage spans. Default `.single`.
    public var electrodes = Electrodes.single

    /// Tafel window: smallest |η| a window may include. - Units: V. Default 50 mV (≈ 2 RT/F, where the
    /// back reaction of a symmetric α = 0.5 couple is below 15 % of the current).
    public var minimumOverpotential = 0.050
    /// Largest |η| a window may include. - Units: V. nil = the end of the branch.
    public var maximumOverpotential: Double?
    /// Smallest span of log₁₀|i| a window must cover. - Units: decades. Default 0.5.
    public var minimumDecades = 0.5
    /// Fewest points in a window. Default 5.
    public var minimumPoints = 5
    /// Windows whose R² is within this of the best are equivalent; the widest (in decades) of them is
    /// chosen. Default 1e-5 (R² is insensitive to curvature: 10⁻³ would admit the bend of the back
    /// reaction at 50 mV into a 2-decade window and bias α by 2 %).
    public var rSquaredTolerance = 1e-5
    /// Window edges are searched on at most this many evenly spaced points of a branch (a finer branch
    /// is not decimated: only where windows may start and end). Default 200.
    public var windowGridPoints = 200

    /// Micro-polarisation: |η| range of the linear fit i = η / R_ct near equilibrium. - Units: V.
    /// Default 10 mV (the linearised Butler–Volmer law is then within 1 % for α_a + α_c = 1).
    public var linearRange = 0.010

    /// Fit the full Butler–Volmer law as a cross-check. Default true.
    public var fitsButlerVolmer = true
    /// Add anodic and cathodic mass-transport limits to the Butler–Volmer fit (1/i = 1/i_k + 1/i_lim per
    /// branch). Default false.
    public var massTransport = false
    /// Points with |η| above this are left out of the Butler–Volmer fit. - Units: V. nil = all.
    public var butlerVolmerRange: Double?

    public init() {}

    /// Checks every parameter's domain.
    public func validate() throws {
        if let a = electrodeArea, !(a > 0 && a.isFinite) {
            throw InterphaseError(.invalidParameter, "electrode area must be positive, got \(a * Units.squareCentimetresPerSquareMetre) cm²",
                                  parameter: "--area-cm2")
        }
        if !(temperature > 0 && temperature.isFinite) {
            throw InterphaseError(.invalidParameter, "temperature must be positive, got \(temperature) K", parameter: "--temperature-k")
        }
        if let e = equilibriumPotential, !e.isFinite {
            throw InterphaseError(.invalidParameter, "not a finite number", parameter: "--equilibrium-potential")
        }
        if electrons < 1 { throw InterphaseError(.invalidParameter, "must be ≥ 1, got \(electrons)", parameter: "--electrons") }
        if !(minimumOverpotential >= 0) {
            throw InterphaseError(.invalidParameter, "must be ≥ 0, got \(minimumOverpotential * Units.kilo) mV", parameter: "--min-overpotential-mV")
        }
        if let m = maximumOverpotential, !(m > minimumOverpotential) {
            throw InterphaseError(.invalidParameter, "must exceed the minimum overpotential, got \(m * Units.kilo) mV",
                                  parameter: "--max-overpotential-mV")
        }
        if !(minimumDecades > 0) { throw InterphaseError(.invalidParameter, "must be positive, got \(minimumDecades)", parameter: "--min-decades") }
        if minimumPoints < 3 { throw InterphaseError(.invalidParameter, "must be ≥ 3, got \(minimumPoints)", parameter: "minimumPoints") }
        if !(rSquaredTolerance >= 0) { throw InterphaseError(.invalidParameter, "must be ≥ 0", parameter: "rSquaredTolerance") }
        if windowGridPoints < minimumPoints { throw InterphaseError(.invalidParameter, "must be ≥ minimumPoints", parameter: "windowGridPoints") }
        if !(linearRange > 0) { throw InterphaseError(.invalidParameter, "must be positive, got \(linearRange * Units.kilo) mV", parameter: "--linear-range-mV") }
        if let r = butlerVolmerRange, !(r > 0) { throw InterphaseError(.invalidParameter, "must be positive", parameter: "butlerVolmerRange") }
    }
}
