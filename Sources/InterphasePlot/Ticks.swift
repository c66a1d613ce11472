import Foundation

/// Tick placement and labels, following the house style: 4–7 labelled major ticks with steps of
/// 1, 2 or 5 × 10ⁿ; one minor tick between majors; limits at a major tick where the data allow it, else
/// half a step beyond the last tick; the same number of decimals on every label of an axis; on log axes a
/// major tick at every decade and minors at 2–9 × 10ⁿ.
public enum Ticks {
    public struct Layout: Equatable, Sendable {
        public var lower: Double
        public var upper: Double
        public var major: [Double]
        public var minor: [Double]
        public var decimals: Int
    }

    /// Chooses a step and limits for the data range `[low, high]` on a linear axis.
    /// - Parameter integer: integer-valued axis (cycle number): no fractional steps, no minor ticks.
    public static func linear(low: Double, high: Double, integer: Bool = false, step forcedStep: Double? = nil,
                              limits: (Double, Double)? = nil, pad: Bool = true) -> Layout {
        var lo = low, hi = high
        if !(lo.isFinite && hi.isFinite) { lo = 0; hi = 1 }
        if hi < lo { swap(&lo, &hi) }
        if hi - lo <= 0 {
            let d = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= d; hi += d
        }
        var step = forcedStep ?? niceStep(hi - lo, integer: integer)
        if let limits { lo = limits.0; hi = limits.1; if forcedStep == nil { step = niceStep(hi - lo, integer: integer) } }
        // Limits: at a tick if the data end within 2 % of a step of it... else half a step beyond.
        var lower: Double, upper: Double
        if let limits {
            lower = limits.0; upper = limits.1
        } else {
            // Data within 1 % of a step beyond a tick end at that tick (a trace that ends at 2.4999 V on a
            // 0.5 V axis gets its limit at 2.5 V, as a hand-set limit would).
            let snap = 0.01 * step
            let firstTick = ((lo + snap) / step).rounded(.down) * step
            let lastTick = ((hi - snap) / step).rounded(.up) * step
            lower = firstTick
            upper = lastTick
            if integer {
                // Integer axes (cycle number) carry markers at the ends: half a step of room on both sides.
                lower = min(firstTick, (lo / step).rounded(.down) * step) - 0.5 * step
                upper = lastTick + 0.5 * step
                if lo - firstTick >= 0.5 * step { lower = firstTick + 0.5 * step }
                if lastTick - hi >= 0.5 * step { upper = lastTick - 0.5 * step }
            } else if pad {
                // Half a step beyond the outermost tick that the data do not reach gives room but no waste.
                if lo - firstTick > 0.5 * step + 1e-12 * step { lower = firstTick + 0.5 * step }
                if lastTick - hi > 0.5 * step + 1e-12 * step { upper = lastTick - 0.5 * step }
            }
        }
        let tol = step * 1e-9
        var major: [Double] = []
        var t = (lower / step).rounded(.up) * step
        while t <= upper + tol {
            major.append(abs(t) < tol ? 0 : t)
            t += step
        }
        var minor: [Double] = []
        if !integer || step >= 2 {
            let minorStep = step / 2
            var m = (lower / minorStep).rounded(.up) * minorStep
            while m <= upper + tol {
                let ratio = m / step
                if abs(ratio - ratio.rounded()) > 1e-6 { minor.append(m) }
                m += minorStep
            }
            if integer && step == 2 { minor = minor.filter { $0 == $0.rounded() } }
        }
        return Layout(lower: lower, upper: upper, major: major, minor: minor, decimals: decimals(for: step))
    }

    /// Log axis: decades covering the data, labelled 10ⁿ.
    public static func log(low: Double, high: Double) -> Layout {
        let lo = max(low, 1e-300), hi = max(high, lo * 10)
        // Data that reach a decade exactly get one more decade of room, so no point sits on the frame
        // (0.00316 Hz–10 kHz → 10⁻³–10⁵).
        let a = Foundation.floor(log10(lo) - 0.02), b = Foundation.ceil(log10(hi) + 0.02)
        let decades = stride(from: a, through: b, by: 1).map { pow(10, $0) }
        var minor: [Double] = []
        for d in decades.dropLast() { for k in 2...9 { minor.append(d * Double(k)) } }
        return Layout(lower: pow(10, a), upper: pow(10, b), major: decades, minor: minor, decimals: 0)
    }

    /// A 1, 2 or 5 × 10ⁿ step that gives 4–7 ticks over `span`.
    static func niceStep(_ span: Double, integer: Bool) -> Double {
        let raw = span / 5
        let exponent = Foundation.floor(log10(raw))
        let base = pow(10, exponent)
        var best = base
        var bestScore = Double.infinity
        for multiplier in [1.0, 2.0, 5.0, 10.0] {
            let step = multiplier * base
            let count = span / step + 1
            let score = count < 4 ? 4 - count + 10 : count > 7 ? count - 7 + 10 : abs(count - 5.5)
            if score < bestScore { bestScore = score; best = step }
        }
        if integer { best = max(1, best.rounded()) }
        return best
    }

    static func decimals(for step: Double) -> Int {
        var d = 0
        var s = step
        while d < 8 && abs(s - s.rounded()) > 1e-9 * max(1, abs(s)) { s *= 10; d += 1 }
        return d
    }

    /// A tick label with U+2212 for minus and a fixed number of decimals.
    public static func label(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-") {
            let zero = String(format: "%.\(decimals)f", 0.0)
            text = text.dropFirst() == zero ? zero : "\u{2212}" + text.dropFirst()
        }
        return text
    }
}
