/// A complex number of two doubles, the element of `ComplexMatrix` — LAPACK's `doublecomplex`
/// (Fortran COMPLEX*16). Deliberately tiny: enough arithmetic for residuals and impedance-style
/// algebra; the package does not depend on swift-numerics. Inlinable, so the impedance kernels in other
/// modules compile the arithmetic in place (complex division was 12 % of a circuit fit as calls).
@frozen
public struct DoubleComplex: Sendable, Equatable, Hashable {
    public var re: Double
    public var im: Double

    @inlinable
    public init(_ re: Double, _ im: Double = 0) {
        self.re = re
        self.im = im
    }

    public static let zero = DoubleComplex(0, 0)
    public static let i = DoubleComplex(0, 1)

    /// |z| = √(re² + im²), without overflow for large parts (`hypot`-style scaling).
    @inlinable
    public var magnitude: Double {
        let a = Swift.abs(re), b = Swift.abs(im)
        let big = Swift.max(a, b), small = Swift.min(a, b)
        if big == 0 || big.isInfinite { return big }
        let r = small / big
        return big * (1 + r * r).squareRoot()
    }

    /// The complex conjugate re − i·im.
    @inlinable
    public var conjugate: DoubleComplex { DoubleComplex(re, -im) }

    @inlinable
    public static func + (a: DoubleComplex, b: DoubleComplex) -> DoubleComplex { DoubleComplex(a.re + b.re, a.im + b.im) }
    @inlinable
    public static func - (a: DoubleComplex, b: DoubleComplex) -> DoubleComplex { DoubleComplex(a.re - b.re, a.im - b.im) }
    @inlinable
    public static prefix func - (a: DoubleComplex) -> DoubleComplex { DoubleComplex(-a.re, -a.im) }
    @inlinable
    public static func * (a: DoubleComplex, b: DoubleComplex) -> DoubleComplex {
        DoubleComplex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
    @inlinable
    public static func * (a: Double, b: DoubleComplex) -> DoubleComplex { DoubleComplex(a * b.re, a * b.im) }

    /// a / b by Smith's algorithm (scales by the larger part of b, avoiding overflow in |b|²).
    @inlinable
    public static func / (a: DoubleComplex, b: DoubleComplex) -> DoubleComplex {
        if Swift.abs(b.re) >= Swift.abs(b.im) {
            let r = b.im / b.re, d = b.re + b.im * r
            return DoubleComplex((a.re + a.im * r) / d, (a.im - a.re * r) / d)
        } else {
            let r = b.re / b.im, d = b.re * r + b.im
            return DoubleComplex((a.re * r + a.im) / d, (a.im * r - a.re) / d)
        }
    }

    @inlinable
    public static func += (a: inout DoubleComplex, b: DoubleComplex) { a = a + b }
    @inlinable
    public static func -= (a: inout DoubleComplex, b: DoubleComplex) { a = a - b }
}

extension DoubleComplex: CustomStringConvertible {
    public var description: String { im < 0 || (im == 0 && im.sign == .minus) ? "\(re)-\(-im)i" : "\(re)+\(im)i" }
}
