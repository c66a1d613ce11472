import InterphaseData

/// What the automatic initial guess reads off a spectrum's shape (Nyquist plot of −Z″ against Z′):
/// the high-frequency real-axis intercept, the arcs (apex frequency and width), a low-frequency
/// diffusion tail, an inductive high-frequency part. Rules (Orazem & Tribollet 2017, ch. 16 graphical
/// methods; Lasia 2014, ch. 4):
/// - intercept R∞: Z′ where Z″ crosses zero from inductive to capacitive (linear interpolation between
///   the two points around the crossing), else Z′ at the highest frequency;
/// - arcs: local maxima of −Z″ > 0 (points ordered from high to low frequency), each with its apex
///   frequency f* and its width from the valley (local minimum of −Z″) before it to the valley after it,
///   or twice the apex's distance from the previous valley when no valley follows;
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
    var inductance: Double?
    var arcs: [Arc]
    /// Real-axis extent of the low-frequency tail (Ω), 0 without a tail.
    var tailWidth: Double
    /// −Z″ and ω at the lowest frequency (Ω, rad/s).
    var lowestImaginary: Double
    var lowestOmega: Double
    /// Lowest frequency (Hz).
    var lowestFrequency: Double
    /// Z′ range of the whole spectrum (Ω).
    var totalWidth: Double

    init(_ spectrum: ImpedanceSpectrum) {
        let order = spectrum.frequency.indices.sorted { spectrum.frequency[$0] > spectrum.frequency[$1] }
        let f = order.map { spectrum.frequency[$0] }, re = order.map { spectrum.real[$0] }
        let nIm = order.map { -spectrum.imaginary[$0] }
        let n = f.count

        var intercept = re[0]
        if let k = (1..<Swift.max(1, n)).first(where: { nIm[$0 - 1] <= 0 && nIm[$0] > 0 }) {
            let t = nIm[k - 1] == nIm[k] ? 0 : -nIm[k - 1] / (nIm[k] - nIm[k - 1])
            intercept = re[k - 1] + t * (re[k] - re[k - 1])
        }
        highFrequencyResistance = intercept
        inductance = nIm[0] < 0 ? -nIm[0] / (2 * Double.pi * f[0]) : nil

        // Valleys and peaks of −Z″ over the capacitive points (interior extrema; plateaus count once).
        var peaks: [Int] = [], valleys: [Int] = []
        if n >= 3 {
            for i in 1..<(n - 1) {
                if nIm[i] > 0 && nIm[i] >= nIm[i - 1] && nIm[i] > nIm[i + 1] { peaks.append(i) }
                if nIm[i] <= nIm[i - 1] && nIm[i] < nIm[i + 1] { valleys.append(i) }
            }
        }
        var arcs: [Arc] = []
        var startRe = intercept
        for peak in peaks {
            let after = valleys.first { $0 > peak }
            let width = after.map { re[$0] - startRe } ?? 2 * (re[peak] - startRe)
            arcs.append(Arc(frequency: f[peak], width: width > 0 ? width : 2 * nIm[peak]))
            if let after { startRe = re[after] }
        }
        let lastValley = valleys.last.flatMap { v in peaks.last.map { v > $0 ? v : nil } ?? v }
        let tailStart = lastValley ?? (peaks.isEmpty ? 0 : n - 1)
        tailWidth = Swift.max(0, re[n - 1] - re[tailStart])
        if arcs.isEmpty {
            // A monotone spectrum: one pseudo-arc over everything, apex where −Z″ is largest.
            let top = nIm.indices.max { nIm[$0] < nIm[$1] } ?? 0
            arcs = [Arc(frequency: f[top], width: Swift.max(re[n - 1] - intercept, nIm[top], 1e-12))]
        }
        self.arcs = arcs
        lowestImaginary = nIm[n - 1]
        lowestOmega = 2 * Double.pi * f[n - 1]
        lowestFrequency = f[n - 1]
        totalWidth = Swift.max((re.max() ?? 0) - (re.min() ?? 0), 1e-12)
    }
}
