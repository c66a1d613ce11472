/// Small descriptive statistics used across the analyses.
public enum Statistics {
    public static func mean(_ x: ArraySlice<Double>) -> Double {
        x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count)
    }

    public static func mean(_ x: [Double]) -> Double { mean(x[...]) }

    /// Median (mean of the two middle values for even counts); NaN for empty input.
    public static func median(_ x: [Double]) -> Double { quantile(x, 0.5) }

    /// Linear-interpolated quantile (type 7, as numpy's default). NaN for empty input.
    public static func quantile(_ x: [Double], _ q: Double) -> Double {
        let v = x.filter { !$0.isNaN }.sorted()
        guard !v.isEmpty else { return .nan }
        let h = Double(v.count - 1) * min(max(q, 0), 1)
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, v.count - 1)
        return v[lo] + (h - Double(lo)) * (v[hi] - v[lo])
    }

    public static func standardDeviation(_ x: [Double]) -> Double {
        guard x.count > 1 else { return .nan }
        let m = mean(x)
        return (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)).squareRoot()
    }

    /// ∫ y dx by the trapezoidal rule over `range`.
    public static func trapezoid(_ y: [Double], _ x: [Double], range: Range<Int>) -> Double {
        guard range.count > 1 else { return 0 }
        var sum = 0.0
        for i in (range.lowerBound + 1)..<range.upperBound { sum += 0.5 * (y[i] + y[i - 1]) * (x[i] - x[i - 1]) }
        return sum
    }

    /// Linear interpolation of (x, y) at `at`, x increasing; nil outside [x₀, xₙ].
    public static func interpolate(_ x: [Double], _ y: [Double], at t: Double) -> Double? {
        guard let first = x.first, let last = x.last, t >= first, t <= last else { return nil }
        var lo = 0, hi = x.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if x[mid] <= t { lo = mid } else { hi = mid }
        }
        let dx = x[hi] - x[lo]
        return dx == 0 ? y[lo] : y[lo] + (y[hi] - y[lo]) * (t - x[lo]) / dx
    }
}
