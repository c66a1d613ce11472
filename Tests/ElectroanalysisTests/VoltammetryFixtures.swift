import Electroanalysis
import Foundation
import InterphaseCore
import InterphaseData
import _InterphaseTestSupport

/// Generated voltammograms with known answers (the analytic oracles of the voltammetry tests).
enum VoltammetryFixtures {
    /// F/(RT) at 298.15 K (CODATA 2018 constants). - Units: V⁻¹.
    static let f = Units.faraday / (Units.gasConstant * 298.15)

    /// A recording of (E, i) sampled at equal time steps `dt`, cycle numbers optional.
    static func recording(potential: [Double], current: [Double], dt: Double = 0.1, cycles: [Int32]? = nil, area: Double? = nil) -> Recording {
        var metadata = RecordingMetadata(provenance: .simulation(model: "generated voltammogram"))
        metadata.electrodeArea = area
        return Recording(metadata: metadata, time: potential.indices.map { Double($0) * dt }, voltage: potential, current: current,
                         cycleIndex: cycles)
    }

    /// Butler–Volmer current with optional mass-transport limits (Bard & Faulkner ch. 3 form; limits as magnitudes).
    static func butlerVolmer(_ eta: Double, i0: Double, alphaA: Double, alphaC: Double, limitA: Double = .infinity,
                             limitC: Double = .infinity) -> Double {
        let ea = exp(alphaA * f * eta), ec = exp(-alphaC * f * eta)
        return i0 * (ea - ec) / (1 + i0 * ea / limitA + i0 * ec / limitC)
    }

    /// Standard normal deviates from SplitMix64 (Box–Muller), reproducible.
    static func normals(_ count: Int, seed: UInt64) -> [Double] {
        var rng = SplitMix64(state: seed)
        func uniform() -> Double { (Double(rng.next() >> 11) + 0.5) / Double(1 << 53) }
        return (0..<count).map { _ in (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
    }

    /// Evenly spaced values from `a` to `b` inclusive with step `h` (rounded to the grid).
    static func grid(_ a: Double, _ b: Double, _ h: Double) -> [Double] {
        let n = Int(((b - a) / h).rounded())
        return (0...n).map { a + Double($0) * (b - a) / Double(n) }
    }
}
