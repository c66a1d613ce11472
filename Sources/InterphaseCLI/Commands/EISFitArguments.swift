import ArgumentParser
import Foundation
import Interphase

/// Options of the circuit-fitting commands (`eis fit`, `eis batch`), turned into `SpectrumFitOptions`.
struct EISFitArguments: ParsableArguments {
    @Option(name: .long, help: "Equivalent circuit in impedance.py syntax, e.g. 'R0-p(R1,CPE1)' or 'R0-p(R1,C1)-p(R2-Wo1,C2)'.")
    var circuit: String

    @Option(name: .long, help: "Initial values of the free parameters in circuit order, comma-separated (default: guessed from the spectrum).")
    var initial: String?

    @Option(name: .long, help: "Parameters held constant: NAME=VALUE,… (impedance.py names: R0, CPE1_0, Wo1_1).")
    var constants: String?

    @Option(name: .long, help: "Bounds: NAME=LOW:HIGH,… (either side may be empty).")
    var bounds: String?

    @Option(name: .long, help: "Residual weighting: unit, proportional or modulus.")
    var weight: String = "unit"

    @Option(name: .customLong("fmin"), help: "Lowest frequency fitted (Hz).")
    var minimumFrequency: Double?

    @Option(name: .customLong("fmax"), help: "Highest frequency fitted (Hz).")
    var maximumFrequency: Double?

    @Flag(name: .customLong("drop-inductive"), help: "Drop points with Z″ ≥ 0 before fitting (impedance.py's ignoreBelowX).")
    var dropInductive = false

    @Option(name: .customLong("multistart"), help: "Also try this many random starts around the first (and the automatic guesses); keep the best.")
    var multiStart: Int?

    @Option(name: .customLong("area-cm2"), help: "Electrode area (cm²), recorded with the spectra.")
    var areaCm2: Double?

    @Option(name: .long, help: "Force the input format (\(ImpedanceLoader.registry.formats.map(\.id).joined(separator: ", "))).")
    var inputFormat: String?

    func readOptions() throws -> ImpedanceReadOptions {
        var options = ImpedanceReadOptions()
        if let inputFormat { options.format = try ImpedanceLoader.format(id: inputFormat) }
        if let areaCm2 {
            guard areaCm2 > 0, areaCm2.isFinite else {
                throw InterphaseError(.invalidParameter, "area \(areaCm2) cm² is not positive", parameter: "--area-cm2")
            }
            options.electrodeArea = areaCm2 * Units.squareMetresPerSquareCentimetre
        }
        return options
    }

    func fitOptions() throws -> SpectrumFitOptions {
        let parsed = try Circuit(circuit)
        var fit = CircuitFitOptions()
        guard let weighting = ImpedanceWeighting(rawValue: weight) else {
            throw InterphaseError(.invalidParameter, "unknown weighting '\(weight)'", parameter: "--weight",
                                  expected: ImpedanceWeighting.allCases.map(\.rawValue).joined(separator: ", "))
        }
        fit.weighting = weighting
        if let constants { fit.constants = try Self.assignments(constants, option: "--constants") }
        if let bounds {
            for (name, text) in try Self.pairs(bounds, option: "--bounds") {
                let sides = text.split(separator: ":", omittingEmptySubsequences: false)
                guard sides.count == 2 else {
                    throw InterphaseError(.invalidParameter, "bound '\(name)=\(text)' is not LOW:HIGH", parameter: "--bounds")
                }
                if !sides[0].isEmpty { fit.lowerBounds[name] = try Self.number(String(sides[0]), option: "--bounds", name: name) }
                if !sides[1].isEmpty { fit.upperBounds[name] = try Self.number(String(sides[1]), option: "--bounds", name: name) }
            }
        }
        if let multiStart {
            guard multiStart >= 1 else { throw InterphaseError(.invalidParameter, "\(multiStart) starts", parameter: "--multistart", expected: "≥ 1") }
            fit.multiStart = CircuitMultiStart(starts: multiStart)
        }
        var preparation = SpectrumPreparation(dropInductive: dropInductive)
        if minimumFrequency != nil || maximumFrequency != nil {
            let lo = minimumFrequency ?? 0, hi = maximumFrequency ?? .infinity
            guard lo >= 0, hi > lo else {
                throw InterphaseError(.invalidParameter, "frequency window \(lo)–\(hi) Hz is empty", parameter: "--fmin/--fmax")
            }
            preparation.frequencyRange = lo...hi
        }
        let guess = try initial.map { text in
            try text.split(separator: ",").map { try Self.number($0.trimmingCharacters(in: .whitespaces), option: "--initial", name: nil) }
        }
        return SpectrumFitOptions(circuit: parsed, initialGuess: guess, fit: fit, preparation: preparation)
    }

    /// Why excluded points are grey in the figures.
    var excludedReason: String? {
        if dropInductive { return "Not fitted (Z\u{2033} \u{2265} 0)" }
        if minimumFrequency != nil || maximumFrequency != nil { return "Outside the fitted range" }
        return nil
    }

    static func pairs(_ text: String, option: String) throws -> [(String, String)] {
        try text.split(separator: ",").map { item in
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].trimmingCharacters(in: .whitespaces).isEmpty else {
                throw InterphaseError(.invalidParameter, "'\(item)' is not NAME=VALUE", parameter: option)
            }
            return (parts[0].trimmingCharacters(in: .whitespaces), parts[1].trimmingCharacters(in: .whitespaces))
        }
    }

    static func assignments(_ text: String, option: String) throws -> [String: Double] {
        var result: [String: Double] = [:]
        for (name, value) in try pairs(text, option: option) { result[name] = try number(value, option: option, name: name) }
        return result
    }

    static func number(_ text: String, option: String, name: String?) throws -> Double {
        guard let value = Double(text), value.isFinite else {
            throw InterphaseError(.invalidParameter, "'\(text)' is not a finite number" + (name.map { " (\($0))" } ?? ""), parameter: option)
        }
        return value
    }
}
