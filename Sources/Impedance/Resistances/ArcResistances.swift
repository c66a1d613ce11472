import Foundation
import InterphaseCore
import InterphaseData
import InterphaseNumerics

/// Model-free electrolyte and interfacial resistances read off the Nyquist plot, reported next to a
/// circuit's values: the high-frequency real-axis intercept R_e and the width R_i of the first
/// (highest-frequency) arc, from a circle fitted to that arc.
///
/// A depressed semicircle is an arc of a circle whose centre lies below the real axis (Cole & Cole 1941;
/// Orazem & Tribollet, *Electrochemical Impedance Spectroscopy*, 2nd ed. 2017, ch. 9). The arc's points
/// (from the first capacitive point to the valley after the apex, `SpectrumFeatures`) are fitted by
/// Kåsa's algebraic circle (linear least squares on x² + y² + Dx + Ey + F = 0; Kåsa 1976), refined by
/// the geometric fit (residuals √((x−a)² + (y−b)²) − r, `LeastSquares.solve`). The circle cuts the real
/// axis at a ± √(r² − b²): R_e is the left cut, R_i the distance between the cuts, and the depression
/// angle θ = asin(−b/r) gives the CPE exponent estimate n ≈ 1 − 2θ/π.
public struct ArcResistances: Sendable, Equatable {
    /// High-frequency real-axis intercept of the fitted circle. - Units: Ω.
    public let electrolyteResistance: Double
    /// Width of the first arc on the real axis. - Units: Ω.
    public let interfacialResistance: Double
    /// Z′ where the measured −Z″ crosses zero at high frequency (linear interpolation), when the
    /// spectrum reaches the axis. - Units: Ω.
    public let measuredIntercept: Double?
    /// Frequency of the arc's apex (largest −Z″ on the arc). - Units: Hz.
    public let apexFrequency: Double
    /// Depression angle of the circle's centre below the axis. - Units: degrees.
    public let depressionAngle: Double
    /// Circle centre (Z′, −Z″) and radius. - Units: Ω.
    public let centre: (real: Double, negativeImaginary: Double)
    public let radius: Double
    /// Points of the arc used (indices in the spectrum's own order).
    public let pointsUsed: [Int]
    /// Root-mean-square distance of the points from the circle, relative to its radius.
    public let relativeResidual: Double

    public static func == (a: ArcResistances, b: ArcResistances) -> Bool {
        a.electrolyteResistance == b.electrolyteResistance && a.interfacialResistance == b.interfacialResistance
            && a.pointsUsed == b.pointsUsed
    }

    /// Reads R_e and R_i off `spectrum`.
    /// - Throws: `.invalidData` naming the spectrum when it has no arc of at least four points or the
    ///   fitted circle does not reach the real axis (an arc so depressed it is not a semicircle).
    public static func measure(_ spectrum: ImpedanceSpectrum) throws -> ArcResistances {
        let features = SpectrumFeatures(spectrum)
        let label = "spectrum \(spectrum.loop)" + (spectrum.source.map { " of \($0)" } ?? "")
        guard let arc = features.firstArc, arc.count >= 4 else {
            throw InterphaseError(.invalidData, "no arc of at least 4 points in \(label): −Z″ has no prominent maximum before a valley",
                                  file: spectrum.source, expected: "a semicircle in the Nyquist plot")
        }
        let x = Array(features.orderedReal[arc]), y = Array(features.orderedNegativeImaginary[arc])
        let m = x.count
        // Kåsa: [x y 1] [D E F]ᵀ = −(x² + y²).
        var a = [Double](repeating: 1, count: 3 * m)
        for i in 0..<m { a[i] = x[i]; a[m + i] = y[i] }
        let rhs = (0..<m).map { -(x[$0] * x[$0] + y[$0] * y[$0]) }
        let def = try LAPACK.leastSquares(a, rows: m, columns: 3, rhs)
        var cx = -def[0] / 2, cy = -def[1] / 2
        var r = (cx * cx + cy * cy - def[2]).squareRoot()
        if r.isFinite, r > 0 {
            let problem = try LeastSquaresProblem(
                parameterNames: ["centre Z′", "centre −Z″", "radius"], lowerBounds: [-.infinity, -.infinity, 0],
                upperBounds: [.infinity, .infinity, .infinity],
                residuals: { p in (0..<m).map { i in ((x[i] - p[0]) * (x[i] - p[0]) + (y[i] - p[1]) * (y[i] - p[1])).squareRoot() - p[2] } },
                jacobian: { p in
                    var j = Matrix(rows: m, columns: 3)
                    for i in 0..<m {
                        let d = max(((x[i] - p[0]) * (x[i] - p[0]) + (y[i] - p[1]) * (y[i] - p[1])).squareRoot(), 1e-300)
                        j[i, 0] = -(x[i] - p[0]) / d
                        j[i, 1] = -(y[i] - p[1]) / d
                        j[i, 2] = -1
                    }
                    return j
                })
            var options = LeastSquaresOptions()
            options.returnsUnconverged = true
            if let fit = try? LeastSquares.solve(problem, initial: [cx, cy, r], options: options) {
                cx = fit.parameters[0]; cy = fit.parameters[1]; r = fit.parameters[2]
            }
        }
        guard r.isFinite, r > abs(cy), r > 0 else {
            throw InterphaseError(.invalidData, "the circle fitted to the first arc of \(label) does not reach the real axis",
                                  file: spectrum.source, expected: "a depressed semicircle (centre less than one radius below the axis)")
        }
        let half = (r * r - cy * cy).squareRoot()
        let rms = ((0..<m).reduce(0.0) { s, i in
            let d = ((x[i] - cx) * (x[i] - cx) + (y[i] - cy) * (y[i] - cy)).squareRoot() - r
            return s + d * d
        } / Double(m)).squareRoot()
        let apex = arc.max { features.orderedNegativeImaginary[$0] < features.orderedNegativeImaginary[$1] }!
        let order = spectrum.frequency.indices.sorted { spectrum.frequency[$0] > spectrum.frequency[$1] }
        return ArcResistances(
            electrolyteResistance: cx - half, interfacialResistance: 2 * half, measuredIntercept: features.measuredIntercept,
            apexFrequency: features.orderedFrequency[apex], depressionAngle: asin(max(-1, min(1, -cy / r))) * 180 / .pi,
            centre: (cx, cy), radius: r, pointsUsed: arc.map { order[$0] }.sorted(), relativeResidual: rms / r)
    }
}
