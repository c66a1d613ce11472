import Foundation
import InterphaseCore

/// A charge-referencing step: after the fit, every energy is shifted by the same amount so that the
/// named component's center sits at `reference` (C–C/C–H at 284.6 or 284.8 eV is the usual choice;
/// the study uses 284.6 eV). The shift is stated in the result.
public struct EnergyCalibration: Sendable, Equatable {
    public let component: String
    /// - Units: eV.
    public let reference: Double

    public init(component: String, reference: Double) {
        self.component = component
        self.reference = reference
    }

    /// Parses `C-C=284.6` (also `C–C=284.6`).
    /// - Throws: `.invalidParameter` naming `--calibrate`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, let e = Double(parts[1]), e.isFinite else {
            throw InterphaseError(.invalidParameter, "'\(text)' is not COMPONENT=ENERGY", parameter: "--calibrate", expected: "e.g. C-C=284.6")
        }
        self.init(component: parts[0], reference: e)
    }

    /// Component names compare without the difference between '-', '–' and '−', spaces or case.
    public static func sameName(_ a: String, _ b: String) -> Bool { key(a) == key(b) }
    static func key(_ s: String) -> String {
        s.lowercased().replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "−", with: "-").filter { $0 != " " }
    }
}
