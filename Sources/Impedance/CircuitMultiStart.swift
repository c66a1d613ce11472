import Foundation

/// Settings of the multi-start fit for poor initial guesses: besides the given guess, the automatic
/// guesses from the spectrum's shape (`CircuitInitialGuess.candidates`) are tried, and `starts` − 1
/// further starting points are drawn around the first start — each free parameter multiplied by
/// 10^(spread·u), u uniform in [−1, 1]; a parameter with a finite range of at most 10 (an exponent in
/// [0, 1]) drawn uniformly in the upper half of its range — and the fit with the lowest cost is kept.
/// The draws are deterministic (SplitMix64 from `seed`), so a fit is reproducible.
public struct CircuitMultiStart: Sendable, Equatable {
    /// Number of random starting points plus one (≥ 1).
    public var starts: Int
    /// Half-width of the log-uniform perturbation, in decades.
    public var spreadDecades: Double
    /// Seed of the pseudo-random draws.
    public var seed: UInt64
    /// Fit the starts concurrently on the available cores.
    public var parallel: Bool

    public init(starts: Int = 16, spreadDecades: Double = 1, seed: UInt64 = 0x1D_5EED, parallel: Bool = true) {
        self.starts = starts
        self.spreadDecades = spreadDecades
        self.seed = seed
        self.parallel = parallel
    }

    /// The starting points: `guess` first, then the draws, each strictly inside the bounds.
    func points(around guess: [Double], lower: [Double], upper: [Double]) -> [[Double]] {
        var state = seed
        func uniform() -> Double {
            // SplitMix64 (Steele, Lea & Flood, OOPSLA 2014), top 53 bits → [0, 1).
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) / 9_007_199_254_740_992
        }
        var result = [guess]
        for _ in 1..<Swift.max(1, starts) {
            result.append(guess.indices.map { j in
                let u = uniform()
                let value: Double
                if lower[j].isFinite && upper[j].isFinite && upper[j] - lower[j] <= 10 {
                    value = lower[j] + (upper[j] - lower[j]) * (0.5 + 0.5 * u)
                } else {
                    let base = guess[j] != 0 ? guess[j] : 1e-3
                    value = base * pow10(spreadDecades * (2 * u - 1))
                }
                return CircuitFit.inside(value, lower[j], upper[j])
            })
        }
        return result
    }

    private func pow10(_ x: Double) -> Double { Foundation.pow(10, x) }
}
