import Foundation

/// Relative-or-absolute closeness: |a − b| ≤ max(abs, rel·max(|a|, |b|)). Tests state both thresholds
/// next to the oracle they compare with.
public func isClose(_ a: Double, _ b: Double, rel: Double = 1e-12, abs absTol: Double = 0) -> Bool {
    if a == b { return true }
    if a.isNaN || b.isNaN { return false }
    return Swift.abs(a - b) <= Swift.max(absTol, rel * Swift.max(Swift.abs(a), Swift.abs(b)))
}

/// The first index where two arrays differ beyond tolerance, with both values, or nil if all agree.
public func firstMismatch(_ a: [Double], _ b: [Double], rel: Double = 1e-12, abs absTol: Double = 0) -> (Int, Double, Double)? {
    if a.count != b.count { return (-1, Double(a.count), Double(b.count)) }
    for i in a.indices where !isClose(a[i], b[i], rel: rel, abs: absTol) { return (i, a[i], b[i]) }
    return nil
}
