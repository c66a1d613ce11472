import InterphaseCore
import InterphaseData

/// Fits one circuit to a series of spectra (every sweep of a file, or many files): the library entry
/// point of `interphase eis fit` and `interphase eis batch`.
///
/// In-situ series (the study's Li‖Li cell measured every hour) change slowly from one spectrum to the
/// next, so each fit starts from the previous result — fewer iterations, and the same local minimum
/// followed through the series. With `parallel`, the series is cut into one contiguous run per core and
/// each run is seeded in order from its own first fit. A spectrum whose fit fails does not stop the
/// others: its outcome carries the error.
public enum SpectrumFitting {
    /// Fits every spectrum of `spectra`.
    /// - Parameter progress: called with the number of spectra done (from any thread).
    /// - Throws: `.invalidParameter` for a wrong number of initial values (checked once, before any fit);
    ///   `.emptyInput` for no spectra.
    public static func run(_ spectra: [ImpedanceSpectrum], options: SpectrumFitOptions,
                           progress: (@Sendable (Int) -> Void)? = nil) throws -> [SpectrumFitOutcome] {
        guard !spectra.isEmpty else { throw InterphaseError(.emptyInput, "no impedance spectrum to fit") }
        let freeCount = options.circuit.parameterCount - options.fit.constants.count
        if let guess = options.initialGuess, guess.count != freeCount {
            let free = options.circuit.parameterNames.filter { options.fit.constants[$0] == nil }
            throw InterphaseError(
                .invalidParameter,
                "\(guess.count) initial values for the \(free.count) free parameters of \(options.circuit.text) (\(free.joined(separator: ", ")))",
                parameter: "initial guess")
        }
        let runs = options.parallel ? Parallel.ranges(spectra.count, minimumLength: 1) : [0..<spectra.count]
        let done = Parallel.Counter()
        let outcomes = Parallel.map(runs.count, parallel: options.parallel && runs.count > 1) { r -> [SpectrumFitOutcome] in
            var previous: [Double]?
            return runs[r].map { k in
                let outcome = fitOne(spectra[k], options: options, seed: options.seedFromPrevious ? previous : nil)
                if let fit = outcome.fit { previous = fit.solver.parameters }
                progress?(done.increment())
                return outcome
            }
        }
        return outcomes.flatMap { $0 }
    }

    /// One spectrum: prepare, fit (seeded, then unseeded on failure), measure the arc.
    static func fitOne(_ spectrum: ImpedanceSpectrum, options: SpectrumFitOptions, seed: [Double]?) -> SpectrumFitOutcome {
        let fitted: ImpedanceSpectrum
        do {
            fitted = try options.preparation.apply(spectrum)
        } catch {
            return SpectrumFitOutcome(spectrum: spectrum, fitted: nil, fit: nil, error: interphase(error, spectrum), arc: nil,
                                      arcError: nil, seeded: false)
        }
        var arc: ArcResistances?, arcError: InterphaseError?
        do { arc = try ArcResistances.measure(fitted) } catch { arcError = interphase(error, spectrum, prefix: false) }
        var fit: CircuitFitResult?, fitError: InterphaseError?, seeded = false
        if let seed, let result = try? CircuitFit.fit(options.circuit, to: fitted, initialGuess: seed, options: options.fit) {
            fit = result
            seeded = true
        } else {
            do { fit = try CircuitFit.fit(options.circuit, to: fitted, initialGuess: options.initialGuess, options: options.fit) } catch {
                fitError = interphase(error, spectrum)
            }
        }
        return SpectrumFitOutcome(spectrum: spectrum, fitted: fitted, fit: fit, error: fitError, arc: arc, arcError: arcError, seeded: seeded)
    }

    /// The error as an `InterphaseError` naming the spectrum's file, and its sweep unless the message
    /// already does.
    private static func interphase(_ error: any Error, _ spectrum: ImpedanceSpectrum, prefix: Bool = true) -> InterphaseError {
        let base = (error as? InterphaseError) ?? InterphaseError(.invalidData, "\(error)")
        var named = spectrum.source.map { base.inFile($0) } ?? base
        if prefix { named.message = "spectrum \(spectrum.loop): " + named.message }
        return named
    }
}
