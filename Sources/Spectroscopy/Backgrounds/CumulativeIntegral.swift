/// The running trapezoid integral F(xᵢ) = ∫_{x₀}^{xᵢ} f dx on ascending x, the one quadrature the
/// Shirley and active-Shirley backgrounds share (lmfitxps and CasaXPS integrate the same way).
enum CumulativeIntegral {
    static func trapezoid(_ f: [Double], _ x: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: f.count)
        for i in 1..<f.count { out[i] = out[i - 1] + 0.5 * (f[i] + f[i - 1]) * (x[i] - x[i - 1]) }
        return out
    }

    /// Same, into `out` (no allocation; for the fitter's Jacobian columns).
    static func trapezoid(_ f: UnsafePointer<Double>, _ x: UnsafePointer<Double>, _ n: Int, into out: UnsafeMutablePointer<Double>) {
        out[0] = 0
        for i in 1..<n { out[i] = out[i - 1] + 0.5 * (f[i] + f[i - 1]) * (x[i] - x[i - 1]) }
    }
}
