import InterphaseData

/// Which points of a spectrum a fit or an analysis uses: the frequency window and whether the
/// inductive points (Z″ > 0, below the axis of a Nyquist plot of −Z″) are dropped, as impedance.py's
/// tutorial does with `preprocessing.ignoreBelowX` before fitting a capacitive circuit.
public struct SpectrumPreparation: Sendable, Equatable {
    /// Keep only f in this range. - Units: Hz. Nil keeps every frequency.
    public var frequencyRange: ClosedRange<Double>?
    /// Drop points with Z″ ≥ 0.
    public var dropInductive: Bool

    public init(frequencyRange: ClosedRange<Double>? = nil, dropInductive: Bool = false) {
        self.frequencyRange = frequencyRange
        self.dropInductive = dropInductive
    }

    /// The points of `spectrum` this preparation keeps.
    /// - Throws: `.emptyInput` when no point is left.
    public func apply(_ spectrum: ImpedanceSpectrum) throws -> ImpedanceSpectrum {
        var result = spectrum
        if let frequencyRange { result = try result.points(inFrequencyRange: frequencyRange) }
        if dropInductive { result = try result.capacitivePoints() }
        return result
    }
}
