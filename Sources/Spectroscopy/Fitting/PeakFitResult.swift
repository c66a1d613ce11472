import InterphaseData
import InterphaseNumerics

/// The outcome of a converged peak fit: every component with its parameters and standard errors, the
/// background, envelope and residuals on the fitted points, the fit statistics, and the calibration
/// applied. Energies are binding energies ascending, on the calibrated scale when `calibration` is set
/// (raw = calibrated − shift). Immutable.
public struct PeakFitResult: Sendable {
    /// How a parameter was determined.
    public enum Status: Sendable, Equatable {
        case free
        case fixed
        /// Tied to another parameter (the tie's description).
        case tied(String)
    }

    public struct Parameter: Sendable {
        public let name: String
        public let unit: String
        /// On the calibrated scale for `center`.
        public let value: Double
        /// One standard deviation (0 for fixed; the source's error × |scale| for tied). - Units: as `value`.
        public let standardError: Double
        public let status: Status
        /// −1 at the lower bound, +1 at the upper, 0 inside (free parameters only).
        public let atBound: Int
    }

    public struct Component: Sendable {
        public let name: String
        public let shape: LineShape
        public let parameters: [Parameter]
        /// Peak position. - Units: eV (calibrated).
        public let center: Double
        public let centerError: Double
        /// ∫ component dE (closed form, or over the fitted window for Doniach–Šunjić). - Units: counts·eV.
        public let area: Double
        public let areaError: Double
        /// Measured or closed-form full width at half maximum. - Units: eV.
        public let fwhm: Double
        /// Maximum of the component. - Units: counts (the spectrum's intensity unit).
        public let height: Double
        /// Share of the summed component areas. - Units: %.
        public let areaPercent: Double
        /// The component on `x`.
        public let curve: [Double]
    }

    /// The region fitted and where it came from.
    public let region: String
    public let source: String?
    public let intensity: SpectrumIntensity
    public let x: [Double]
    public let y: [Double]
    public let background: [Double]
    /// background + Σ components.
    public let envelope: [Double]
    /// y − envelope.
    public let residuals: [Double]
    public let components: [Component]
    public let ties: [ParameterTie]
    public let backgroundMethod: BackgroundMethod
    /// Background parameters actually used (end levels; Tougaard B; active b₀ and k), by name with units in the name.
    public let backgroundParameters: [(name: String, value: Double)]
    public let weighting: PeakFitWeighting
    /// χ² of the weighted residuals (counts² when uniform).
    public let chiSquare: Double
    public let reducedChiSquare: Double
    public let degreesOfFreedom: Int
    public let freeParameterNames: [String]
    /// Correlation matrix of the free parameters (n × n).
    public let correlation: Matrix
    public let evaluations: Int
    public let stop: LeastSquaresStop
    public let calibration: EnergyCalibration?
    /// Shift added to every raw energy. - Units: eV (0 without calibration).
    public let shift: Double
    /// Things the fit did that the user should know (components of the table outside the range, skipped).
    public let notes: [String]

    /// The component named `name` (dash and space insensitive).
    public func component(_ name: String) -> Component? { components.first { EnergyCalibration.sameName($0.name, name) } }
}
