/// How `SpectrumFitting.run` fits a circuit to one or many spectra.
public struct SpectrumFitOptions: Sendable {
    /// The circuit (impedance.py syntax, parsed).
    public var circuit: Circuit
    /// Starting values of the free parameters (circuit order); nil for the automatic guess.
    public var initialGuess: [Double]?
    /// Weighting, constants, bounds, multi-start, solver settings.
    public var fit: CircuitFitOptions
    /// Points used.
    public var preparation: SpectrumPreparation
    /// Start each spectrum's fit from the previous spectrum's result (in-situ series change slowly);
    /// a seeded fit that fails is retried from `initialGuess` / the automatic guess.
    public var seedFromPrevious: Bool
    /// Fit on all cores: the spectra are split into one contiguous run per core, each seeded in order.
    public var parallel: Bool

    public init(circuit: Circuit, initialGuess: [Double]? = nil, fit: CircuitFitOptions = CircuitFitOptions(),
                preparation: SpectrumPreparation = SpectrumPreparation(), seedFromPrevious: Bool = true, parallel: Bool = true) {
        self.circuit = circuit
        self.initialGuess = initialGuess
        self.fit = fit
        self.preparation = preparation
        self.seedFromPrevious = seedFromPrevious
        self.parallel = parallel
    }
}
