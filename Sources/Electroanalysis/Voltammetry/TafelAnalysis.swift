import Foundation
import InterphaseCore
import InterphaseNumerics
import InterphaseData

/// Tafel analysis of a polarisation sweep, with a micro-polarisation estimate and a Butler–Volmer fit
/// as cross-checks.
///
/// **Overpotential.** η = E − E_eq. E_eq is `options.equilibriumPotential` or, from the data, the
/// zero-current crossing: linear interpolation between two consecutive points (time order) whose
/// currents have opposite signs; of several crossings, the one closest in potential to the point of
/// smallest |i|.
///
/// **Branches.** Anodic: points with η > 0 and i > 0; cathodic: η < 0 and i < 0; each ordered by |η|.
/// Tafel plot: y = log₁₀|i| against η.
///
/// **Tafel window (the linear region), per branch.** Candidate windows are runs of consecutive points
/// (in |η| order) with `minimumOverpotential` ≤ |η| ≤ `maximumOverpotential` (default 50 mV … end of
/// the branch: well above RT/F = 25.7 mV, where the back reaction no longer bends the line), holding at
/// least `minimumPoints` (5) points and spanning at least `minimumDecades` (0.5) decades of |i|; their
/// edges are taken on at most `windowGridPoints` (200) evenly spaced points. Each is fitted by ordinary
/// least squares; the best R² wins, and of the windows within `rSquaredTolerance` (0.001) of it the one
/// spanning the most decades (then the most points) is chosen — so a long straight region beats a short
/// one that happens to be straighter. This is the automated form of the usual practice (a linear region
/// well beyond RT/F spanning about a decade or more: Bard & Faulkner, *Electrochemical Methods*, 2nd ed.,
/// Wiley 2001, ch. 3, Tafel plots); the chosen windows are reported and drawn.
///
/// **Slopes and α.** The fitted line log₁₀|i| = a + s·η gives the Tafel slope b = 1/s (V/decade, negative
/// on the cathodic branch), α = ln(10)·RT·|s|/(nF) (b = 2.303 RT/(αnF)) and i₀ = 10^a, the intercept at
/// η = 0. The reported i₀ is the geometric mean of the two branches' (the mean of the two log-intercepts),
/// or the one branch's when only one has a window.
///
/// **Micro-polarisation.** A line i = η/R_ct through the points with |η| ≤ `linearRange` (10 mV) gives
/// R_ct = 1/slope and, assuming α_a + α_c = 1, i₀ = RT/(nF R_ct).
///
/// **Symmetric cells** (`electrodes = .symmetric`, Li‖Li). The cell voltage V is the sum of the two
/// electrodes' overpotentials at the same current. For identical electrodes far from equilibrium
/// V = (RT/nF)(1/α_a + 1/α_c)·ln(i/i₀): the intercept at V = 0 is still i₀ (no factor), but the slope gives
/// an apparent α with 1/α_app = 1/α_a + 1/α_c. Reported: the apparent values (`alphaApparent`) and, per
/// electrode assuming α_a = α_c, α = 2·α_app. Near equilibrium each electrode contributes RT/(nF i₀), so
/// R_cell = 2RT/(nF i₀) and i₀ = 2RT/(nF R_cell). The Butler–Volmer fit is made on V and returns apparent
/// α (exact for α_a = α_c = 0.5: i = 2i₀ sinh(nFV/4RT), i.e. α_app = 0.25 on both branches, i₀ unchanged).
///
/// Currents are fitted in A; densities divide by the electrode area (m²).
public struct TafelAnalysis: Sendable {
    /// One Tafel branch's fit.
    public struct Branch: Sendable {
        /// +1 anodic, −1 cathodic.
        public let direction: Int
        /// The window's overpotential range (signed; lower < upper). - Units: V.
        public let window: ClosedRange<Double>
        /// log₁₀(|i| / 1 A) = intercept + slope·η, η in V.
        public let fit: LineFit
        /// b = 1/slope. - Units: V per decade (negative for the cathodic branch).
        public let tafelSlope: Double
        /// α from the slope (per electrode for a symmetric cell, assuming α_a = α_c).
        public let alpha: Double
        /// α from the slope without the symmetric-cell factor (equal to `alpha` for one electrode).
        public let alphaApparent: Double
        /// i₀ = 10^intercept. - Units: A.
        public let exchangeCurrent: Double
        /// The branch's points with |η| in the search range, and the windows scanned.
        public let candidatePoints: Int
        public let windowsTried: Int
    }

    /// The linear estimate near equilibrium.
    public struct MicroPolarisation: Sendable {
        /// i = intercept + slope·η (A, V).
        public let fit: LineFit
        /// R_ct = 1/slope (whole cell for a symmetric cell). - Units: Ω.
        public let resistance: Double
        /// - Units: A.
        public let exchangeCurrent: Double
        /// - Units: V (the |η| range used).
        public let range: Double
    }

    public let options: TafelOptions
    /// - Units: V.
    public let equilibriumPotential: Double
    /// True when E_eq came from the data's zero crossing.
    public let equilibriumFromData: Bool
    /// η of every point (time order). - Units: V.
    public let overpotential: [Double]
    /// i of every point. - Units: A.
    public let current: [Double]
    /// - Units: m². nil = unknown (densities nil).
    public let area: Double?
    public let anodic: Branch?
    public let cathodic: Branch?
    /// i₀ from the Tafel intercepts (geometric mean of the branches). - Units: A.
    public let exchangeCurrent: Double
    public let microPolarisation: MicroPolarisation?
    public let butlerVolmer: ButlerVolmerFit?
    public let warnings: [String]

    /// i₀ per area. - Units: A m⁻². nil without an area.
    public var exchangeCurrentDensity: Double? { area.map { exchangeCurrent / $0 } }

    /// The analysis of every point of `recording` (see `init(voltammogram:options:)`).
    public init(recording: Recording, options: TafelOptions = TafelOptions()) throws {
        try options.validate()
        try self.init(voltammogram: Voltammogram(recording: recording, area: options.electrodeArea), options: options)
    }

    /// The analysis of `voltammogram` (every point; select sweeps before if needed).
    /// - Throws: `options.validate()`'s errors; `.invalidData` when no current crosses zero and no
    ///   equilibrium potential is given, or when neither branch holds a Tafel window (the message says
    ///   which points and windows were tried); the Butler–Volmer fit's errors (prefixed "Butler–Volmer fit:").
    public init(voltammogram v: Voltammogram, options: TafelOptions = TafelOptions()) throws {
        try options.validate()
        self.options = options
        let file = v.provenance.file
        var warnings: [String] = []
        area = options.electrodeArea ?? v.area
        if area == nil { warnings.append("no electrode area (--area-cm2): current densities are null") }
        let n = Double(options.electrons)
        let f = n * Units.faraday / (Units.gasConstant * options.temperature)
        let symmetric = options.electrodes == .symmetric

        // Equilibrium potential.
        if let given = options.equilibriumPotential {
            equilibriumPotential = given
            equilibriumFromData = false
        } else {
            guard let crossing = TafelAnalysis.zeroCrossing(potential: v.potential, current: v.current) else {
                let lo = v.current.min() ?? 0, hi = v.current.max() ?? 0
                throw InterphaseError(.invalidData,
                                      "no current crossing zero (current from \(lo) A to \(hi) A): the equilibrium potential cannot be found",
                                      file: file, parameter: "--equilibrium-potential", expected: "a sweep through i = 0, or --equilibrium-potential V")
            }
            equilibriumPotential = crossing
            equilibriumFromData = true
        }
        let reference = equilibriumPotential
        let eta = v.potential.map { $0 - reference }
        overpotential = eta
        current = v.current

        // Tafel branches.
        var reports: [String] = []
        var branches: [Branch?] = []
        for direction in [1, -1] {
            let outcome = TafelAnalysis.branch(direction: direction, eta: eta, current: v.current, options: options, f: f)
            switch outcome {
            case let .success(branch): branches.append(branch)
            case let .failure(reason): branches.append(nil); reports.append(reason.message)
            }
        }
        anodic = branches[0]
        cathodic = branches[1]
        let found = branches.compactMap { $0 }
        guard !found.isEmpty else {
            throw InterphaseError(.invalidData, "Tafel region not found: " + reports.joined(separator: "; "), file: file,
                                  parameter: "--min-overpotential-mV",
                                  expected: "a branch with ≥ \(options.minimumPoints) points spanning ≥ \(options.minimumDecades) decade at |η| ≥ \(options.minimumOverpotential * Units.kilo) mV")
        }
        warnings += reports.map { "Tafel: \($0)" }
        exchangeCurrent = pow(10, found.map(\.fit.intercept).reduce(0, +) / Double(found.count))

        // Micro-polarisation.
        let near = eta.indices.filter { abs(eta[$0]) <= options.linearRange }
        if near.count >= 3, let line = LineFit(x: near.map { eta[$0] }, y: near.map { v.current[$0] }), line.slope > 0 {
            let resistance = 1 / line.slope
            let i0 = (symmetric ? 2 : 1) / (f * resistance)
            microPolarisation = MicroPolarisation(fit: line, resistance: resistance, exchangeCurrent: i0, range: options.linearRange)
        } else {
            microPolarisation = nil
            warnings.append("micro-polarisation: \(near.count) point(s) within ±\(options.linearRange * Units.kilo) mV of equilibrium; at least 3 with a rising current are needed")
        }

        // Butler–Volmer cross-check.
        if options.fitsButlerVolmer {
            let range = options.butlerVolmerRange ?? .infinity
            let used = eta.indices.filter { abs(eta[$0]) <= range }
            let alphaA = anodic?.alphaApparent ?? cathodic?.alphaApparent ?? (symmetric ? 0.25 : 0.5)
            let alphaC = cathodic?.alphaApparent ?? anodic?.alphaApparent ?? (symmetric ? 0.25 : 0.5)
            do {
                butlerVolmer = try ButlerVolmerFit(overpotential: used.map { eta[$0] }, current: used.map { v.current[$0] },
                                                   inverseThermalVoltage: f, initial: (exchangeCurrent, alphaA, alphaC),
                                                   massTransport: options.massTransport)
            } catch let error as InterphaseError {
                throw file.map { error.inFile($0) } ?? error
            }
        } else {
            butlerVolmer = nil
        }
        self.warnings = warnings
    }

    /// The zero crossing of the current (rule in the type's description), nil without a sign change.
    public static func zeroCrossing(potential e: [Double], current i: [Double]) -> Double? {
        guard let smallest = i.indices.min(by: { abs(i[$0]) < abs(i[$1]) }) else { return nil }
        var best: Double?
        for k in 1..<max(i.count, 1) where (i[k - 1] < 0 && i[k] > 0) || (i[k - 1] > 0 && i[k] < 0) || (i[k] == 0 && i[k - 1] != 0) {
            let x = i[k] == 0 ? e[k] : e[k - 1] + (e[k] - e[k - 1]) * i[k - 1] / (i[k - 1] - i[k])
            if best.map({ abs(x - e[smallest]) < abs($0 - e[smallest]) }) ?? true { best = x }
        }
        return best
    }

    /// The best Tafel window of one branch, or why there is none.
    static func branch(direction: Int, eta: [Double], current: [Double], options: TafelOptions, f: Double) -> Result<Branch, BranchFailure> {
        let name = direction > 0 ? "anodic" : "cathodic"
        let sign = Double(direction)
        let lowest = options.minimumOverpotential, highest = options.maximumOverpotential ?? .infinity
        let all = eta.indices.filter { sign * eta[$0] > 0 && sign * current[$0] > 0 }
        let points = all.filter { sign * eta[$0] >= lowest && sign * eta[$0] <= highest }
            .sorted { (sign * eta[$0], $0) < (sign * eta[$1], $1) }
        let x = points.map { eta[$0] }, y = points.map { log10(abs(current[$0])) }
        let range = highest.isFinite ? "\(fmt(lowest)) mV ≤ |η| ≤ \(fmt(highest)) mV" : "|η| ≥ \(fmt(lowest)) mV"
        guard points.count >= options.minimumPoints else {
            return .failure(BranchFailure("\(name) branch: \(points.count) point(s) with \(range) (of \(all.count) on the branch); at least \(options.minimumPoints) needed"))
        }
        // Prefix sums for O(1) window fits.
        var prefix = [LineFit.Sums()]
        prefix.reserveCapacity(points.count + 1)
        for k in points.indices {
            var s = prefix[k]
            s.add(x[k], y[k])
            prefix.append(s)
        }
        let m = points.count
        let g = min(options.windowGridPoints, m)
        let grid = Array(Set((0..<g).map { Int((Double($0) * Double(m - 1) / Double(max(g - 1, 1))).rounded()) })).sorted()
        struct Candidate { var a: Int, b: Int, r2: Double, decades: Double }
        var candidates: [Candidate] = []
        var tried = 0
        for (ia, a) in grid.enumerated() {
            var lo = y[a], hi = y[a], scanned = a
            for b in grid[(ia + 1)...] {
                while scanned < b { scanned += 1; lo = min(lo, y[scanned]); hi = max(hi, y[scanned]) }
                guard b - a + 1 >= options.minimumPoints, hi - lo >= options.minimumDecades else { continue }
                tried += 1
                guard let fit = (prefix[b + 1] - prefix[a]).fit(), fit.rSquared.isFinite, sign * fit.slope > 0 else { continue }
                candidates.append(Candidate(a: a, b: b, r2: fit.rSquared, decades: hi - lo))
            }
        }
        guard let best = candidates.map(\.r2).max() else {
            let decades = (y.max() ?? 0) - (y.min() ?? 0)
            return .failure(BranchFailure("\(name) branch: \(m) points with \(range) (η \(fmt(x.first ?? 0)) to \(fmt(x.last ?? 0)) mV) span \(String(format: "%.2f", decades)) decade(s); \(tried) window(s) of ≥ \(options.minimumPoints) points spanning ≥ \(options.minimumDecades) decade were tried and none rises with |η|"))
        }
        let chosen = candidates.filter { $0.r2 >= best - options.rSquaredTolerance }
            .max { ($0.decades, $0.b - $0.a, -$0.a) < ($1.decades, $1.b - $1.a, -$1.a) }!
        let fit = LineFit(x: x[chosen.a...chosen.b], y: y[chosen.a...chosen.b])!
        let apparent = log(10.0) * abs(fit.slope) / f
        let alpha = options.electrodes == .symmetric ? 2 * apparent : apparent
        let window = min(x[chosen.a], x[chosen.b])...max(x[chosen.a], x[chosen.b])
        return .success(Branch(direction: direction, window: window, fit: fit, tafelSlope: 1 / fit.slope, alpha: alpha,
                               alphaApparent: apparent, exchangeCurrent: pow(10, fit.intercept), candidatePoints: m, windowsTried: tried))
    }

    struct BranchFailure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    static func fmt(_ volts: Double) -> String { formatNumber(volts * Units.kilo, decimals: 1) }
}
