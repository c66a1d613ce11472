import InterphaseData

/// What the automatic initial guess reads off a spectrum's shape (Nyquist plot of −Z″ against Z′):
/// the high-frequency real-axis intercept, the arcs (apex frequency and width), a low-frequency
/// diffusion tail, an inductive high-frequency part. Rules (the graphical readings of Orazem & Tribollet 2017
/// and Lasia 2014):
/// - intercept R∞: Z′ where Z″ crosses zero from inductive to capacitive (linear interpolation between
///   the two points around the crossing), else Z′ at the highest frequency;
/// - arcs: prominent local maxima of −Z″ > 0 (points ordered from high to low frequency), each with its
///   apex frequency f* and its width from the valley (lowest −Z″) before it to the valley after it, or
///   twice the apex's distance from the previous valley when no valley follows;
/// - tail: points after the last valley whose −Z″ rises towards low frequency (a Warburg-like branch),
///   with their real-axis extent and the lowest frequency.
struct SpectrumFeatures {
    struct Arc {
        /// Apex frequency (Hz).
        var frequency: Double
        /// Width on the real axis (Ω).
        var width: Double
    }

    var highFrequencyResistance: Double
    /// Z′ where the measured −Z″ crosses zero (interpolated), nil when it never does. - Units: Ω.
    var measuredIntercept: Double?
    var inductance: Double?
    var arcs: [Arc]
    /// Real-axis extent of the low-frequency tail (Ω), 0 without a tail.
    var tailWidth: Double
    /// −Z″ and ω at the lowest frequency (Ω, rad/s).
    var lowestImaginary: Double
    var lowestOmega: Double
    /// Lowest and highest frequency (Hz).
    var lowestFrequency: Double
    var highestFrequency: Double
    /// Z′ range of the whole spectrum (Ω).
    var totalWidth: Double
    /// The points ordered from high to low frequency: Z′ and −Z″ (Ω), frequency (Hz).
    var orderedReal: [Double]
    var orderedNegativeImaginary: [Double]
    var orderedFrequency: [Double]
    /// Indices (into the ordered points) of the first, highest-frequency arc: from the first capacitive
    /// point to the valley (or tail start) after its apex; nil without a prominent arc.
    var firstArc: ClosedRange<Int>?

    init(_ spectrum: ImpedanceSpectrum) {
        let order = spectrum.frequency.indices.sorted { spectrum.frequency[$0] > spectrum.frequency[$1] }
        let f = order.map { spectrum.frequency[$0] }, re = order.map { spectrum.real[$0] }
        let nIm = order.map { -spectrum.imaginary[$0] }
        let n = f.count

        var intercept = re[0]
        let crossing = (1..<Swift.max(1, n)).first(where: { nIm[$0 - 1] <= 0 && nIm[$0] > 0 })
        if let k = crossing {
            let t = nIm[k - 1] == nIm[k] ? 0 : -nIm[k - 1] / (nIm[k] - nIm[k - 1])
            intercept = re[k - 1] + t * (re[k] - re[k - 1])
        }
        measuredIntercept = crossing == nil ? nil : intercept
        highFrequencyResistance = intercept
        inductance = nIm[0] < 0 ? -nIm[0] / (2 * Double.pi * f[0]) : nil

        // Peaks of −Z″ (points high → low frequency) on a 3-point running mean, kept when their
        // prominence — height above the higher of the lowest points between them and the next higher
        // peak on either side — is at least 5 % of the largest −Z″, so noise makes no arcs.
        let smooth = (0..<n).map { i in
            let lo = Swift.max(0, i - 1), hi = Swift.min(n - 1, i + 1)
            return (lo...hi).reduce(0.0) { $0 + nIm[$1] } / Double(hi - lo + 1)
        }
        let top = smooth.max() ?? 0
        var peaks: [Int] = []
        if n >= 3 && top > 0 {
            for i in 1..<(n - 1) where smooth[i] > 0 && smooth[i] >= smooth[i - 1] && smooth[i] > smooth[i + 1] {
                var left = smooth[i], right = smooth[i]
                var k = i - 1
                while k >= 0 && smooth[k] <= smooth[i] { left = Swift.min(left, smooth[k]); k -= 1 }
                k = i + 1
                while k < n && smooth[k] <= smooth[i] { right = Swift.min(right, smooth[k]); k += 1 }
                if smooth[i] - Swift.max(left, right) >= 0.05 * top { peaks.append(i) }
            }
        }
        // Valleys: the lowest point between consecutive peaks, and after the last one when −Z″ rises
        // again towards the lowest frequency (a tail).
        var valleys: [Int] = []
        for (a, b) in zip(peaks, peaks.dropFirst()) {
            valleys.append(((a + 1)..<b).min { smooth[$0] < smooth[$1] } ?? a)
        }
        var tailStart: Int?
        if let last = peaks.last, last + 1 < n {
            let low = ((last + 1)..<n).min { smooth[$0] < smooth[$1] }!
            if low < n - 1 && smooth[n - 1] - smooth[low] >= 0.05 * top { tailStart = low }
        } else if peaks.isEmpty {
            tailStart = 0
        }
        var arcs: [Arc] = []
        var startRe = intercept
        for (k, peak) in peaks.enumerated() {
            let after: Int? = k < valleys.count ? valleys[k] : tailStart
            let width = after.map { re[$0] - startRe } ?? 2 * (re[peak] - startRe)
            arcs.append(Arc(frequency: f[peak], width: width > 0 ? width : 2 * nIm[peak]))
            if let after { startRe = re[after] }
        }
        if let apex = peaks.first {
            let start = crossing ?? (nIm.firstIndex { $0 > 0 } ?? 0)
            let end = valleys.first ?? tailStart ?? (n - 1)
            firstArc = start < apex && apex < end ? start...end : nil
        } else {
            firstArc = nil
        }
        orderedReal = re
        orderedNegativeImaginary = nIm
        orderedFrequency = f
        tailWidth = tailStart.map { Swift.max(0, re[n - 1] - re[$0]) } ?? 0
        if arcs.isEmpty {
            // A monotone spectrum: one pseudo-arc over everything, apex where −Z″ is largest.
            let top = nIm.indices.max { nIm[$0] < nIm[$1] } ?? 0
            arcs = [Arc(frequency: f[top], width: Swift.max(re[n - 1] - intercept, nIm[top], 1e-12))]
        }
        self.arcs = arcs
        lowestImaginary = nIm[n - 1]
        lowestOmega = 2 * Double.pi * f[n - 1]
        lowestFrequency = f[n - 1]
        highestFrequency = f[0]
        totalWidth = Swift.max((re.max() ?? 0) - (re.min() ?? 0), 1e-12)
    }
}
