import Foundation
import InterphaseNumerics
import Testing
import _InterphaseTestSupport

@Suite struct SavitzkyGolayTests {
    /// Oracle: the published 5-point quadratic smoothing weights (−3, 12, 17, 12, −3)/35
    /// (Savitzky & Golay 1964, Table I).
    @Test func fivePointQuadraticWeights() throws {
        let filter = try SavitzkyGolay(window: 5, order: 2)
        for k in 0..<5 {
            var impulse = [Double](repeating: 0, count: 11)
            impulse[5 + 2 - k] = 1
            let out = try filter.apply(impulse)
            let expected = [-3.0, 12, 17, 12, -3][k] / 35
            #expect(isClose(out[5], expected, rel: 1e-12, abs: 1e-14))
        }
    }

    /// Oracle: a cubic is reproduced exactly by an order-3 filter, value and derivative, including the
    /// ends (polynomial exactness of least squares).
    @Test func cubicIsExactWithDerivative() throws {
        let h = 0.01
        let x = (0..<200).map { Double($0) * h }
        let y = x.map { 2 - 3 * $0 + 0.5 * $0 * $0 - 0.25 * $0 * $0 * $0 }
        let dy = x.map { -3 + $0 - 0.75 * $0 * $0 }
        let filter = try SavitzkyGolay(window: 41, order: 3)
        let smooth = try filter.apply(y)
        let derivative = try filter.apply(y, derivative: 1, spacing: h)
        #expect(firstMismatch(smooth, y, rel: 1e-9, abs: 1e-10) == nil)
        #expect(firstMismatch(derivative, dy, rel: 1e-7, abs: 1e-8) == nil)
    }

    @Test func badParametersAreErrors() {
        #expect(throws: (any Error).self) { try SavitzkyGolay(window: 4, order: 2) }
        #expect(throws: (any Error).self) { try SavitzkyGolay(window: 5, order: 5) }
        #expect(throws: (any Error).self) { try SavitzkyGolay(window: 5, order: 2).apply([1, 2, 3]) }
    }
}

@Suite struct LAPACKTests {
    /// Oracle: an exactly solvable overdetermined system (consistent right-hand side) and a 2×2 system
    /// solved by hand.
    @Test func leastSquaresAndSolve() throws {
        // Line y = 1 + 2x through four points, column-major [1 1 1 1 | 0 1 2 3].
        let a = [1.0, 1, 1, 1, 0, 1, 2, 3]
        let b = [1.0, 3, 5, 7]
        let x = try LAPACK.leastSquares(a, rows: 4, columns: 2, b)
        #expect(isClose(x[0], 1, rel: 1e-13) && isClose(x[1], 2, rel: 1e-13))
        // [[2, 1], [1, 3]] x = [3, 5] → x = [4/5, 7/5].
        let s = try LAPACK.solve([2, 1, 1, 3], order: 2, [3, 5])
        #expect(isClose(s[0], 0.8, rel: 1e-14) && isClose(s[1], 1.4, rel: 1e-14))
        #expect(throws: (any Error).self) { try LAPACK.solve([1, 2, 2, 4], order: 2, [1, 1]) }
    }

    /// Oracle: eigenvalues of [[2, 1], [1, 2]] are 1 and 3.
    @Test func symmetricEigen() throws {
        let (values, _) = try LAPACK.symmetricEigen([2, 1, 1, 2], order: 2)
        #expect(isClose(values[0], 1, rel: 1e-14) && isClose(values[1], 3, rel: 1e-14))
    }
}

@Suite struct StatisticsTests {
    /// Oracle: numpy's default (type 7) quantiles, computed by hand for [1, 2, 3, 4].
    @Test func quantilesAndTrapezoid() {
        #expect(Statistics.median([4, 1, 3, 2]) == 2.5)
        #expect(isClose(Statistics.quantile([1, 2, 3, 4], 0.9), 3.7, rel: 1e-14))
        // ∫₀¹ x dx = 1/2 exactly by the trapezoidal rule (linear integrand).
        let x = (0...10).map { Double($0) / 10 }
        #expect(isClose(Statistics.trapezoid(x, x, range: 0..<11), 0.5, rel: 1e-14))
        #expect(Statistics.interpolate([0, 1, 2], [0, 10, 40], at: 1.5) == 25)
        #expect(Statistics.interpolate([0, 1], [0, 1], at: 2) == nil)
    }
}
