import InterphaseCore

/// The intensities a background is anchored to at the two ends of a region: the mean of the first and
/// of the last `points` points (CasaXPS's "average width"), so one noisy end point does not set the
/// step. Energies ascend (binding energy, low to high): `low` is the low-binding-energy end.
public struct BackgroundEndpoints: Sendable, Equatable {
    /// Mean intensity at the low-binding-energy end. - Units: the spectrum's intensity unit.
    public let low: Double
    /// Mean intensity at the high-binding-energy end.
    public let high: Double

    /// - Parameter y: intensities in ascending binding energy.
    /// - Throws: `.invalidParameter` when `points` < 1 or more than a third of the region.
    public init(_ y: [Double], points: Int) throws {
        guard points >= 1, points * 3 <= y.count else {
            throw InterphaseError(.invalidParameter, "\(points) end points to average in a region of \(y.count) points",
                                  parameter: "--endpoint-points", expected: "1 ≤ n ≤ \(y.count / 3)")
        }
        low = y[..<points].reduce(0, +) / Double(points)
        high = y[(y.count - points)...].reduce(0, +) / Double(points)
    }
}
