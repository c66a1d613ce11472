import Foundation
import InterphaseCore

/// Tougaard's background with the universal inelastic cross-section (S. Tougaard, Surf. Interface
/// Anal. 11 (1988) 453; Solid State Commun. 61 (1987) 547): the background at binding energy E is the
/// signal at lower binding energy E′ < E weighted by the loss function K(T) = B·T/(C + T²)², T = E − E′:
///
///     B(E) = I_low + B ∫_{E_low}^{E} T/(C + T²)² · [y(E′) − I_low] dE′,
///
/// with C = 1643 eV² (the universal value for metals) unless given, and B either given (B = 2866 eV²
/// is Tougaard's universal value) or fitted so that the background meets the averaged high-binding-
/// energy end (as CasaXPS's "U 2 Tougaard" scales it). Trapezoids on the data points.
public enum TougaardBackground {
    /// The universal C. - Units: eV².
    public static let universalC = 1643.0

    /// The background and the B used. - Units: B in eV².
    public static func compute(x: [Double], y: [Double], endpoints: BackgroundEndpoints, b: Double?, c: Double = universalC,
                               region: String = "spectrum", file: String? = nil) throws -> (background: [Double], b: Double) {
        guard c > 0, c.isFinite else {
            throw InterphaseError(.invalidParameter, "Tougaard C = \(c) eV² is not positive", file: file, parameter: "--tougaard-c")
        }
        let n = y.count
        var loss = [Double](repeating: 0, count: n)
        for i in 1..<n {
            var sum = 0.0
            for j in 0..<i {
                let t0 = x[i] - x[j], t1 = x[i] - x[j + 1]
                let k0 = t0 / ((c + t0 * t0) * (c + t0 * t0)) * (y[j] - endpoints.low)
                let k1 = t1 / ((c + t1 * t1) * (c + t1 * t1)) * (y[j + 1] - endpoints.low)
                sum += 0.5 * (k0 + k1) * (x[j + 1] - x[j])
            }
            loss[i] = sum
        }
        let used: Double
        if let b {
            guard b >= 0, b.isFinite else {
                throw InterphaseError(.invalidParameter, "Tougaard B = \(b) eV² is negative", file: file, parameter: "--tougaard-b")
            }
            used = b
        } else {
            guard loss[n - 1] > 0 else {
                throw InterphaseError(.invalidData, "region '\(region)': no signal above the low-energy end for a Tougaard background", file: file)
            }
            used = (endpoints.high - endpoints.low) / loss[n - 1]
        }
        return (loss.map { endpoints.low + used * $0 }, used)
    }
}
