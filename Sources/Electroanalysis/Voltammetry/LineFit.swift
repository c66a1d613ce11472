/// An ordinary least-squares line y = intercept + slope·x, with its coefficient of determination.
public struct LineFit: Sendable, Equatable {
    /// In y's units.
    public let intercept: Double
    /// In y's units per x's unit.
    public let slope: Double
    /// R² = 1 − SS_res/SS_tot (1 for a perfect fit; NaN when y is constant).
    public let rSquared: Double
    /// Standard errors of slope and intercept (NaN for fewer than 3 points).
    public let slopeStandardError: Double
    public let interceptStandardError: Double
    /// Points used.
    public let count: Int

    /// The line through the points (x, y); nil for fewer than 2 points or constant x.
    public init?(x: some Collection<Double>, y: some Collection<Double>) {
        // Two passes (means first), so the fit is as accurate as the data; `Sums` is for window scans.
        let xs = Array(x), ys = Array(y)
        let n = min(xs.count, ys.count)
        guard n >= 2 else { return nil }
        let mx = xs.prefix(n).reduce(0, +) / Double(n), my = ys.prefix(n).reduce(0, +) / Double(n)
        var sums = LineFit.Sums()
        for i in 0..<n { sums.add(xs[i] - mx, ys[i] - my) }
        guard let centred = sums.fit() else { return nil }
        self.init(intercept: centred.intercept + my - centred.slope * mx, slope: centred.slope, rSquared: centred.rSquared,
                  slopeStandardError: centred.slopeStandardError,
                  interceptStandardError: (centred.slopeStandardError * centred.slopeStandardError * mx * mx
                                           + centred.interceptStandardError * centred.interceptStandardError).squareRoot(),
                  count: n)
    }

    init(intercept: Double, slope: Double, rSquared: Double, slopeStandardError: Double, interceptStandardError: Double, count: Int) {
        self.intercept = intercept
        self.slope = slope
        self.rSquared = rSquared
        self.slopeStandardError = slopeStandardError
        self.interceptStandardError = interceptStandardError
        self.count = count
    }

    /// y at x.
    public func callAsFunction(_ x: Double) -> Double { intercept + slope * x }

    /// Running sums of a fit; differences of two prefix sums give any window's fit in O(1).
    struct Sums: Sendable {
        var n = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0, syy = 0.0

        mutating func add(_ x: Double, _ y: Double) {
            n += 1; sx += x; sy += y; sxx += x * x; sxy += x * y; syy += y * y
        }

        static func - (a: Sums, b: Sums) -> Sums {
            Sums(n: a.n - b.n, sx: a.sx - b.sx, sy: a.sy - b.sy, sxx: a.sxx - b.sxx, sxy: a.sxy - b.sxy, syy: a.syy - b.syy)
        }

        func fit() -> LineFit? {
            guard n >= 2 else { return nil }
            let mx = sx / n, my = sy / n
            let vxx = sxx - n * mx * mx, vxy = sxy - n * mx * my, vyy = syy - n * my * my
            guard vxx > 0 else { return nil }
            let slope = vxy / vxx
            let intercept = my - slope * mx
            let residual = max(vyy - slope * vxy, 0)
            let r2 = vyy > 0 ? 1 - residual / vyy : .nan
            let s2 = n > 2 ? residual / (n - 2) : .nan
            let seSlope = (s2 / vxx).squareRoot()
            let seIntercept = (s2 * (1 / n + mx * mx / vxx)).squareRoot()
            return LineFit(intercept: intercept, slope: slope, rSquared: r2, slopeStandardError: seSlope,
                           interceptStandardError: seIntercept, count: Int(n))
        }
    }
}
