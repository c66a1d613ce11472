import Foundation

/// Treutler–Ahlrichs M4 radial quadrature (J. Chem. Phys. 102, 346 (1995), eq. 19 with α = 0.6):
/// Chebyshev points of the second kind x_i = cos(iπ/(n+1)) mapped to
/// r = (ξ/ln 2)(1 + x)^0.6 ln(2/(1 − x)), with the element's scaling ξ (their Table 1, as PySCF's
/// `radi.treutler_ahlrichs` with atom-specific ξ). Weights include r² and 4π, so Σ wᵢ f(rᵢ) ≈
/// ∫ 4π r² f(r) dr.
public enum RadialGrid {
    /// Radii (bohr, ascending) and weights (bohr³) of an n-point grid for element Z.
    public static func treutlerAhlrichs(points n: Int, atomicNumber z: Int) -> (radii: [Double], weights: [Double]) {
        let xi = AtomicGridData.treutlerXi[min(max(z, 0), AtomicGridData.treutlerXi.count - 1)]
        let step = Double.pi / Double(n + 1)
        let scale = xi / log(2.0)
        var radii = [Double](repeating: 0, count: n), weights = radii
        for i in 0..<n {
            let x = cos(Double(i + 1) * step)
            let logTerm = log((1 - x) / 2)
            let r = -scale * pow(1 + x, 0.6) * logTerm
            let dr = step * sin(Double(i + 1) * step) * scale * pow(1 + x, 0.6) * (-0.6 / (1 + x) * logTerm + 1 / (1 - x))
            // Ascending radii: point i = 0 is the outermost.
            radii[n - 1 - i] = r
            weights[n - 1 - i] = 4 * Double.pi * r * r * dr
        }
        return (radii, weights)
    }
}
