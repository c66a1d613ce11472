import Foundation

/// Wilson B-vectors: the Cartesian derivatives of a bond length, a bond angle and a dihedral angle
/// (Wilson, Decius & Cross, Molecular Vibrations (1955), ch. 4; the dihedral in the form of Blondel &
/// Karplus, J. Comput. Chem. 17, 1132 (1996), which has no singularity at 0 or π).
enum WilsonB {
    static func norm(_ v: SIMD3<Double>) -> Double { (v * v).sum().squareRoot() }
    static func dot(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double { (a * b).sum() }
    static func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }

    /// The angle a–b–c at b. - Units: rad.
    static func angleValue(_ a: SIMD3<Double>, _ b: SIMD3<Double>, _ c: SIMD3<Double>) -> Double {
        let u = a - b, v = c - b
        return acos(max(-1, min(1, dot(u, v) / (norm(u) * norm(v)))))
    }

    /// The dihedral a–b–c–d in (−π, π] (IUPAC sign). - Units: rad.
    static func dihedralValue(_ a: SIMD3<Double>, _ b: SIMD3<Double>, _ c: SIMD3<Double>, _ d: SIMD3<Double>) -> Double {
        let b1 = b - a, b2 = c - b, b3 = d - c
        let n1 = cross(b1, b2), n2 = cross(b2, b3)
        return atan2(dot(cross(n1, n2), b2 / norm(b2)), dot(n1, n2))
    }

    /// ∂r/∂(a, b) of r = |a − b|.
    static func bond(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> [SIMD3<Double>] {
        let u = (a - b) / norm(a - b)
        return [u, -u]
    }

    /// ∂θ/∂(a, b, c) of the angle a–b–c at b; nil when the angle is within 1e-3 rad of 0 or π (its
    /// derivative is then undefined).
    static func angle(_ a: SIMD3<Double>, _ b: SIMD3<Double>, _ c: SIMD3<Double>) -> [SIMD3<Double>]? {
        let u = a - b, v = c - b
        let lu = norm(u), lv = norm(v)
        let eu = u / lu, ev = v / lv
        let cosine = max(-1, min(1, dot(eu, ev)))
        let sine = (1 - cosine * cosine).squareRoot()
        guard sine > 1e-3 else { return nil }
        let da = (eu * cosine - ev) / (lu * sine)
        let dc = (ev * cosine - eu) / (lv * sine)
        return [da, -da - dc, dc]
    }

    /// ∂φ/∂(a, b, c, d) of the dihedral a–b–c–d; nil when a–b–c or b–c–d is nearly linear.
    static func dihedral(_ a: SIMD3<Double>, _ b: SIMD3<Double>, _ c: SIMD3<Double>, _ d: SIMD3<Double>) -> [SIMD3<Double>]? {
        let f = a - b, g = b - c, h = d - c
        let m = cross(f, g), n = cross(h, g)
        let m2 = dot(m, m), n2 = dot(n, n), lg = norm(g)
        guard m2 > 1e-6 * dot(f, f) * dot(g, g), n2 > 1e-6 * dot(h, h) * dot(g, g) else { return nil }
        let da = -lg / m2 * m
        let dd = lg / n2 * n
        let fg = dot(f, g) / (lg * lg), hg = dot(h, g) / (lg * lg)
        let db = -da - fg * da - hg * dd
        let dc = -dd + fg * da + hg * dd
        return [da, db, dc, dd]
    }
}
