import Foundation
import InterphaseCore

/// One cycler run, column-oriented: every array has `count` elements, one per data point.
///
/// All quantities are SI. The sign convention is the electrochemist's for the **working electrode**:
/// positive current charges/oxidises it (delithiates a graphite or Li-metal working electrode, delithiates
/// an LFP/NCM cathode, i.e. charges a full cell; strips Li from the Li working electrode of a Li||Li cell),
/// negative current discharges/reduces it (plates Li on Cu in a Li||Cu cell; discharges a full cell).
/// Readers convert each instrument's convention to this one.
///
/// A recording may come from an instrument file or from a simulator: both fill the same columns, so every
/// analysis works on either.
public struct Recording: Sendable {
    public var metadata: RecordingMetadata
    /// Time since the start of the run. - Units: s. Non-decreasing.
    public var time: [Double]
    /// Cell (or working-electrode) voltage. - Units: V.
    public var voltage: [Double]
    /// Current, positive = charge/oxidation of the working electrode. - Units: A.
    public var current: [Double]
    /// Step number as the instrument counts it (1-based where the file is 1-based; Ns + 1 for BioLogic).
    public var stepIndex: [Int32]
    /// Cycle number (1-based). Instruments that count none get 1 throughout.
    public var cycleIndex: [Int32]
    /// What the instrument was doing in each point's step.
    public var stepKind: [StepKind]
    /// Charge passed in the positive direction since the start of the point's step. - Units: Ah.
    /// Reset to zero at every step start (readers normalise instruments that count per cycle or per test).
    public var chargeCapacity: [Double]?
    /// Charge passed in the negative direction since the start of the step, as a positive number. - Units: Ah.
    public var dischargeCapacity: [Double]?
    /// Energy delivered in the positive direction since the start of the step. - Units: Wh.
    public var chargeEnergy: [Double]?
    /// Energy delivered in the negative direction since the start of the step, positive. - Units: Wh.
    public var dischargeEnergy: [Double]?
    /// Cell temperature. - Units: K.
    public var temperature: [Double]?
    /// Further columns the file holds (impedance, auxiliary voltages, …) kept with their names and units.
    public var auxiliary: [AuxiliaryColumn]

    public init(
        metadata: RecordingMetadata, time: [Double], voltage: [Double], current: [Double],
        stepIndex: [Int32]? = nil, cycleIndex: [Int32]? = nil, stepKind: [StepKind]? = nil,
        chargeCapacity: [Double]? = nil, dischargeCapacity: [Double]? = nil,
        chargeEnergy: [Double]? = nil, dischargeEnergy: [Double]? = nil,
        temperature: [Double]? = nil, auxiliary: [AuxiliaryColumn] = []
    ) {
        let n = time.count
        self.metadata = metadata
        self.time = time
        self.voltage = voltage
        self.current = current
        self.stepIndex = stepIndex ?? Recording.stepsFromCurrent(current)
        self.cycleIndex = cycleIndex ?? [Int32](repeating: 1, count: n)
        self.stepKind = stepKind ?? Recording.kindsFromCurrent(current)
        self.chargeCapacity = chargeCapacity
        self.dischargeCapacity = dischargeCapacity
        self.chargeEnergy = chargeEnergy
        self.dischargeEnergy = dischargeEnergy
        self.temperature = temperature
        self.auxiliary = auxiliary
    }

    /// Number of data points.
    public var count: Int { time.count }

    /// Checks the invariants every analysis relies on; readers call it before returning.
    /// - Throws: `InterphaseError.invalidData` naming the first offending point (1-based record).
    public func validate() throws {
        let n = time.count
        let lengths: [(String, Int?)] = [
            ("voltage", voltage.count), ("current", current.count), ("step index", stepIndex.count),
            ("cycle index", cycleIndex.count), ("step kind", stepKind.count),
            ("charge capacity", chargeCapacity?.count), ("discharge capacity", dischargeCapacity?.count),
            ("charge energy", chargeEnergy?.count), ("discharge energy", dischargeEnergy?.count),
            ("temperature", temperature?.count),
        ]
        for (name, length) in lengths {
            if let length, length != n {
                throw InterphaseError(.invalidData, "\(name) has \(length) values but time has \(n)", file: metadata.sourceFile)
            }
        }
        for column in auxiliary where column.values.count != n {
            throw InterphaseError(.invalidData, "auxiliary column has \(column.values.count) values but time has \(n)",
                                  file: metadata.sourceFile, column: column.name)
        }
        guard n > 0 else {
            throw InterphaseError(.emptyInput, "the file holds no data points", file: metadata.sourceFile)
        }
        var previous = -Double.infinity
        for i in 0..<n {
            let t = time[i]
            if !t.isFinite {
                throw InterphaseError(.invalidData, "time is not a finite number", file: metadata.sourceFile,
                                      line: i + 1, lineLabel: "record", column: "time")
            }
            if t < previous {
                throw InterphaseError(.invalidData,
                                      "time goes backwards (\(formatNumber(previous, decimals: 3)) s then \(formatNumber(t, decimals: 3)) s)",
                                      file: metadata.sourceFile, line: i + 1, lineLabel: "record", column: "time",
                                      expected: "non-decreasing time")
            }
            previous = t
        }
    }

    /// Current magnitudes at or below this fraction of the largest current count as rest (instrument
    /// offsets and noise during rests are far below 0.1 % of the cycling current).
    public static let restCurrentFraction = 1e-3

    /// The rest threshold of `current`: `restCurrentFraction` × max |I|. - Units: A.
    public static func restCurrentLimit(_ current: [Double]) -> Double {
        (current.lazy.map(abs).max() ?? 0) * restCurrentFraction
    }

    /// Charge passed between points `k − 1` and `k` by the trapezoidal rule, signed like the current.
    /// - Units: Ah.
    @inlinable
    public func chargeIncrement(at k: Int) -> Double {
        0.5 * (current[k] + current[k - 1]) * (time[k] - time[k - 1]) / Units.secondsPerHour
    }

    /// Steps inferred from current alone, for files without a step column: a new step starts whenever the
    /// current changes sign class (rest, positive, negative).
    public static func stepsFromCurrent(_ current: [Double]) -> [Int32] {
        var steps = [Int32](repeating: 1, count: current.count)
        guard !current.isEmpty else { return steps }
        let restLimit = restCurrentLimit(current)
        func sign(_ x: Double) -> Int { abs(x) <= restLimit ? 0 : (x > 0 ? 1 : -1) }
        var step: Int32 = 1
        var last = sign(current[0])
        for i in 1..<current.count {
            let s = sign(current[i])
            if s != last { step += 1; last = s }
            steps[i] = step
        }
        return steps
    }

    /// Step kinds inferred from current alone: rest at or below `restCurrentLimit`, otherwise constant current.
    public static func kindsFromCurrent(_ current: [Double]) -> [StepKind] {
        let restLimit = restCurrentLimit(current)
        return LargeArray.make(count: current.count) { out in
            for i in 0..<current.count { out[i] = abs(current[i]) <= restLimit ? .rest : .constantCurrent }
        }
    }
}
