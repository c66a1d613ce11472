import Foundation
import InterphaseCore

/// The iterative Shirley background (D. A. Shirley, Phys. Rev. B 5 (1972) 4709; iteration of
/// A. Proctor & P. M. A. Sherwood, Anal. Chem. 54 (1982) 13): the background at binding energy E is
/// proportional to the peak area at lower binding energy (electrons that lost energy appear at higher
/// binding energy):
///
///     B(E) = I_low + (I_high − I_low) · ∫_{E_low}^{E} [y − B] dE′ / ∫_{E_low}^{E_high} [y − B] dE′,
///
/// started from B = I_low and repeated until max |B_{n+1} − B_n| ≤ tolerance·|I_high − I_low|. The
/// integrals are trapezoids on the data points (as lmfitxps's `shirley_calculate`); I_low and I_high are
/// end-point averages (`BackgroundEndpoints`). For a noiseless peak with flat ends the fixed point is
/// B(E) = I_low + (I_high − I_low)·P(E)/P_total with P the cumulative area of y − B.
public enum ShirleyBackground {
    /// - Parameters: x, y in ascending binding energy.
    /// - Throws: `.notConverged` (naming the region, via `region`) when `maxIterations` pass without the
    ///   tolerance being met; `.invalidData` when the area above the background vanishes.
    public static func compute(x: [Double], y: [Double], endpoints: BackgroundEndpoints, tolerance: Double = 1e-6,
                               maxIterations: Int = 100, region: String = "spectrum", file: String? = nil) throws -> [Double] {
        let step = endpoints.high - endpoints.low
        var b = [Double](repeating: endpoints.low, count: y.count)
        let scale = Swift.max(Swift.abs(step), 1e-12 * (y.map(Swift.abs).max() ?? 1))
        for _ in 0..<maxIterations {
            let integral = CumulativeIntegral.trapezoid(zip(y, b).map { $0 - $1 }, x)
            guard let total = integral.last, total != 0, total.isFinite else {
                throw InterphaseError(.invalidData, "region '\(region)': no area above the Shirley background", file: file)
            }
            var change = 0.0
            for i in b.indices {
                let next = endpoints.low + step * integral[i] / total
                change = Swift.max(change, Swift.abs(next - b[i]))
                b[i] = next
            }
            if change <= tolerance * scale { return b }
        }
        throw InterphaseError(.notConverged, "region '\(region)': the Shirley background did not converge in \(maxIterations) iterations",
                              file: file, parameter: "--background shirley", expected: "a region with flat ends, or a linear/Tougaard background")
    }
}
