import InterphaseCore

/// One impedance sweep: complex impedance Z(f) = Z′ + i Z″ at each measured frequency.
///
/// Sign convention: Z″ is the imaginary part of Z itself (negative for a capacitive arc), as impedance.py
/// and the physics write Z = R + 1/(iωC); Nyquist plots show −Z″ upward. Readers convert instruments
/// that store −Z″ or phase. Points keep the instrument's order (usually high to low frequency).
///
/// The initialiser validates the invariants every fit relies on, so an `ImpedanceSpectrum` in hand is
/// always usable: equal lengths, finite values, frequencies > 0.
public struct ImpedanceSpectrum: Sendable, Equatable {
    /// Measurement frequency f. - Units: Hz. Every value > 0.
    public let frequency: [Double]
    /// Real part Z′ of the impedance. - Units: Ω.
    public let real: [Double]
    /// Imaginary part Z″ of the impedance (negative when capacitive). - Units: Ω.
    public let imaginary: [Double]
    /// Time of each point since the start of the run, when the file has it. - Units: s.
    public let time: [Double]?
    /// DC potential during each point, when recorded. - Units: V.
    public let potential: [Double]?
    /// DC current during each point, when recorded. - Units: A.
    public let current: [Double]?
    /// Which sweep of the file this is (1-based; 1 for a single-sweep file).
    public let loop: Int
    /// Electrode area, when known, for area-specific impedance (Ω·m² = Z·area). - Units: m².
    public let electrodeArea: Double?
    /// Where the spectrum comes from (file name, or a description for synthetic data).
    public let source: String?

    /// A validated spectrum.
    /// - Throws: `InterphaseError.invalidData` naming the first offending point (1-based record) for
    ///   unequal lengths, an empty sweep, a non-finite value, or a frequency ≤ 0; `.invalidParameter` for
    ///   a non-positive electrode area or loop.
    public init(
        frequency: [Double], real: [Double], imaginary: [Double], time: [Double]? = nil,
        potential: [Double]? = nil, current: [Double]? = nil, loop: Int = 1, electrodeArea: Double? = nil,
        source: String? = nil
    ) throws {
        let n = frequency.count
        guard n > 0 else { throw InterphaseError(.emptyInput, "the impedance spectrum has no points", file: source) }
        let columns: [(String, [Double]?)] = [
            ("frequency", frequency), ("Z'", real), ("Z''", imaginary), ("time", time), ("potential", potential),
            ("current", current),
        ]
        for (name, values) in columns {
            guard let values else { continue }
            guard values.count == n else {
                throw InterphaseError(
                    .invalidData, "\(values.count) values where the spectrum has \(n) frequencies", file: source,
                    column: name)
            }
            if let bad = values.firstIndex(where: { !$0.isFinite }) {
                throw InterphaseError(
                    .invalidData, "value \(values[bad]) is not finite", file: source, line: bad + 1, lineLabel: "point",
                    column: name)
            }
        }
        if let bad = frequency.firstIndex(where: { $0 <= 0 }) {
            throw InterphaseError(
                .invalidData, "frequency \(frequency[bad]) Hz is not positive", file: source, line: bad + 1,
                lineLabel: "point", column: "frequency", expected: "f > 0")
        }
        if let electrodeArea, !(electrodeArea > 0 && electrodeArea.isFinite) {
            throw InterphaseError(.invalidParameter, "electrode area \(electrodeArea) m² is not positive", parameter: "electrode area")
        }
        guard loop >= 1 else { throw InterphaseError(.invalidParameter, "loop \(loop) is not ≥ 1", parameter: "loop") }
        self.frequency = frequency
        self.real = real
        self.imaginary = imaginary
        self.time = time
        self.potential = potential
        self.current = current
        self.loop = loop
        self.electrodeArea = electrodeArea
        self.source = source
    }

    /// Number of frequencies.
    public var count: Int { frequency.count }

    /// |Z| = √(Z′² + Z″²) at each point. - Units: Ω.
    public var modulus: [Double] { zip(real, imaginary).map { ($0 * $0 + $1 * $1).squareRoot() } }

    /// The points whose Z″ < 0 (below the real axis in the physics convention, above it in a Nyquist
    /// plot of −Z″): impedance.py's `preprocessing.ignoreBelowX`, which drops the inductive high-frequency
    /// tail before fitting a capacitive circuit. Loop, area and source are kept.
    /// - Throws: `.emptyInput` when no point is capacitive.
    public func capacitivePoints() throws -> ImpedanceSpectrum {
        try points(imaginary.indices.filter { imaginary[$0] < 0 })
    }

    /// The points with `range.lowerBound ≤ f ≤ range.upperBound` (Hz).
    /// - Throws: `.emptyInput` when none is inside.
    public func points(inFrequencyRange range: ClosedRange<Double>) throws -> ImpedanceSpectrum {
        try points(frequency.indices.filter { range.contains(frequency[$0]) })
    }

    /// The points at `keep` (indices in order), loop, area and source kept.
    /// - Throws: `.emptyInput` when `keep` is empty.
    public func points(_ keep: [Int]) throws -> ImpedanceSpectrum {
        func pick(_ values: [Double]?) -> [Double]? { values.map { v in keep.map { v[$0] } } }
        return try ImpedanceSpectrum(
            frequency: keep.map { frequency[$0] }, real: keep.map { real[$0] }, imaginary: keep.map { imaginary[$0] },
            time: pick(time), potential: pick(potential), current: pick(current), loop: loop,
            electrodeArea: electrodeArea, source: source)
    }
}
