import InterphaseCore
import InterphaseData
import Foundation

/// Builds recordings with known answers for analysis tests: a sequence of constant-current segments
/// sampled every `dt` seconds, each with a voltage given as a function of the time within the segment.
public struct SyntheticRecording {
    public struct Segment {
        /// - Units: A (sign = direction), s, V as a function of time within the segment (s).
        public var current: Double
        public var duration: Double
        public var voltage: (Double) -> Double
        public var kind: StepKind

        public init(current: Double, duration: Double, kind: StepKind = .constantCurrent, voltage: @escaping (Double) -> Double) {
            self.current = current
            self.duration = duration
            self.voltage = voltage
            self.kind = kind
        }
    }

    public var segments: [Segment] = []
    /// Sampling interval. - Units: s.
    public var dt: Double
    /// Cycle numbers per segment (nil: all 1).
    public var cycles: [Int32]?

    public init(dt: Double) { self.dt = dt }

    public mutating func add(_ segment: Segment) { segments.append(segment) }

    /// The recording, with per-step charge counters from the exact charge I·t (no integration error).
    public func build(area: Double? = nil, mass: Double? = nil) -> Recording {
        var time: [Double] = [], voltage: [Double] = [], current: [Double] = []
        var steps: [Int32] = [], cycleIndex: [Int32] = [], kinds: [StepKind] = []
        var charge: [Double] = [], discharge: [Double] = []
        var t0 = 0.0
        for (k, segment) in segments.enumerated() {
            let n = max(Int((segment.duration / dt).rounded()), 1)
            for i in 0...n {
                let t = Double(i) * segment.duration / Double(n)
                time.append(t0 + t)
                voltage.append(segment.voltage(t))
                current.append(segment.current)
                steps.append(Int32(k + 1))
                cycleIndex.append(cycles?[k] ?? 1)
                kinds.append(segment.kind)
                let q = abs(segment.current) * t / Units.secondsPerHour
                charge.append(segment.current > 0 ? q : 0)
                discharge.append(segment.current < 0 ? q : 0)
            }
            // Next segment starts one sample later, so time stays strictly increasing.
            t0 += segment.duration + dt
        }
        return Recording(metadata: RecordingMetadata(provenance: .simulation(model: "synthetic"), activeMass: mass, electrodeArea: area),
                         time: time, voltage: voltage, current: current, stepIndex: steps, cycleIndex: cycleIndex,
                         stepKind: kinds, chargeCapacity: charge, dischargeCapacity: discharge)
    }
}
