import InterphaseCore

/// Savitzky–Golay smoothing and differentiation of uniformly spaced data (A. Savitzky, M. J. E. Golay,
/// Anal. Chem. 36 (1964) 1627).
///
/// Within each window of `window` points a polynomial of degree `order` is fitted by least squares; the
/// filter value is that polynomial's `derivative`-th derivative at the window centre. The convolution
/// coefficients are the rows of the pseudo-inverse of the Vandermonde matrix, computed once by LAPACK
/// (`dgels` on the identity). Near the ends the polynomial fitted to the first/last full window is
/// evaluated off-centre (scipy's `mode="interp"`), so the output has the input's length.
public struct SavitzkyGolay: Sendable {
    /// Odd number of points in the window.
    public let window: Int
    /// Polynomial degree, < window.
    public let order: Int

    public init(window: Int, order: Int) throws {
        guard window >= 3, window % 2 == 1 else {
            throw InterphaseError(.invalidParameter, "window must be an odd number ≥ 3, got \(window)", parameter: "window")
        }
        guard order >= 0, order < window else {
            throw InterphaseError(.invalidParameter, "polynomial order must be in 0..<window, got \(order)", parameter: "order")
        }
        self.window = window
        self.order = order
    }

    /// Polynomial coefficients c (lowest degree first) of the least-squares fit over offsets
    /// x = −h…h as a linear map of the window values: returns a (order+1) × window matrix, row-major.
    func fitMatrix() throws -> [[Double]] {
        let half = window / 2
        let m = window, n = order + 1
        var vandermonde = [Double](repeating: 0, count: m * n) // column-major
        for j in 0..<n {
            for i in 0..<m { vandermonde[j * m + i] = pow(Double(i - half), Double(j)) }
        }
        var identity = [Double](repeating: 0, count: m * m)
        for i in 0..<m { identity[i * m + i] = 1 }
        let x = try LAPACK.leastSquares(vandermonde, rows: m, columns: n, identity, rightHandSides: m)
        // x is n × m column-major: coefficient j for window point k is x[k * n + j].
        return (0..<n).map { j in (0..<m).map { k in x[k * n + j] } }
    }

    /// Applies the filter to `y` sampled with spacing `spacing`.
    /// - Returns: the smoothed values (derivative 0) or the `derivative`-th derivative in units of y per
    ///   spacing unit^derivative.
    public func apply(_ y: [Double], derivative: Int = 0, spacing: Double = 1) throws -> [Double] {
        guard derivative >= 0, derivative <= order else {
            throw InterphaseError(.invalidParameter, "derivative \(derivative) exceeds the polynomial order \(order)", parameter: "derivative")
        }
        guard y.count >= window else {
            throw InterphaseError(.invalidParameter, "needs at least \(window) points, got \(y.count)", parameter: "window")
        }
        let coefficients = try fitMatrix()
        let half = window / 2
        let n = y.count
        // d^k/dx^k of Σ c_j x^j at x: Σ_j c_j j!/(j−k)! x^(j−k).
        func derivativeAt(_ c: [Double], _ x: Double) -> Double {
            var sum = 0.0
            for j in derivative...order {
                var factor = 1.0
                for f in stride(from: j, to: j - derivative, by: -1) { factor *= Double(f) }
                sum += c[j] * factor * pow(x, Double(j - derivative))
            }
            return sum
        }
        let scale = pow(spacing, Double(derivative))
        // Centre weights for the interior.
        var weights = [Double](repeating: 0, count: window)
        var factorial = 1.0
        for f in stride(from: derivative, to: 0, by: -1) { factorial *= Double(f) }
        for k in 0..<window { weights[k] = coefficients[derivative][k] * factorial }
        var out = [Double](repeating: 0, count: n)
        for i in half..<(n - half) {
            var sum = 0.0
            for k in 0..<window { sum += weights[k] * y[i - half + k] }
            out[i] = sum / scale
        }
        // Ends: evaluate the first/last window's polynomial off-centre.
        for (start, range) in [(0, 0..<half), (n - window, (n - half)..<n)] {
            let c = (0...order).map { j in (0..<window).reduce(0.0) { $0 + coefficients[j][$1] * y[start + $1] } }
            for i in range { out[i] = derivativeAt(c, Double(i - start - half)) / scale }
        }
        return out
    }
}

import Foundation
