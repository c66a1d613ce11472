import InterphaseNumerics

/// How the background of a peak fit is made.
public enum BackgroundMethod: Sendable, Equatable {
    /// No background (the data are already background-free).
    case none
    /// Straight line between the averaged end points, subtracted first.
    case linear
    /// Iterative Shirley, subtracted first (`ShirleyBackground`).
    case shirley
    /// Tougaard universal cross-section, subtracted first: B given (eV²) or nil = scaled to the high-energy end; C in eV².
    case tougaard(b: Double?, c: Double)
    /// "Active" Shirley fitted with the peaks (A. Herrera-Gomez et al., Surf. Interface Anal. 46 (2014) 897):
    /// B(E) = b₀ + k ∫_{E_low}^{E} Σ peaks dE′, with b₀ and k fitted.
    case activeShirley

    /// The name in outputs and on the command line.
    public var id: String {
        switch self {
        case .none: return "none"
        case .linear: return "linear"
        case .shirley: return "shirley"
        case .tougaard: return "tougaard"
        case .activeShirley: return "active-shirley"
        }
    }
}

/// How residuals are weighted.
public enum PeakFitWeighting: String, Sendable, Equatable {
    /// Unweighted least squares (lmfit's default; χ² in counts²).
    case uniform
    /// Poisson: residual/√max(y, 1) of the raw counts (χ²/dof ≈ 1 for a good fit of counting data).
    case poisson
}

/// Settings of a peak fit (`PeakFit.fit`).
public struct PeakFitOptions: Sendable {
    public var background: BackgroundMethod
    /// Points averaged at each end for the background's end levels (≥ 1).
    public var endpointPoints: Int
    /// Shirley convergence: max |ΔB| ≤ tolerance · |I_high − I_low|.
    public var shirleyTolerance: Double
    public var shirleyMaxIterations: Int
    /// Fit only points with binding energy in this window (eV, raw scale); nil = the whole region.
    public var window: ClosedRange<Double>?
    public var weighting: PeakFitWeighting
    /// Shift the energy scale after the fit so that a named component sits at a reference energy.
    public var calibration: EnergyCalibration?
    /// Photon energy for kinetic-energy spectra whose file does not state it. - Units: eV.
    public var photonEnergy: Double?
    /// The solver's stopping rules (SciPy's defaults) and evaluation budget.
    public var solver: LeastSquaresOptions

    public init(background: BackgroundMethod = .shirley, endpointPoints: Int = 3, shirleyTolerance: Double = 1e-6,
                shirleyMaxIterations: Int = 100, window: ClosedRange<Double>? = nil, weighting: PeakFitWeighting = .uniform,
                calibration: EnergyCalibration? = nil, photonEnergy: Double? = nil,
                solver: LeastSquaresOptions = LeastSquaresOptions(maxEvaluations: 4000)) {
        self.background = background
        self.endpointPoints = endpointPoints
        self.shirleyTolerance = shirleyTolerance
        self.shirleyMaxIterations = shirleyMaxIterations
        self.window = window
        self.weighting = weighting
        self.calibration = calibration
        self.photonEnergy = photonEnergy
        self.solver = solver
    }
}
