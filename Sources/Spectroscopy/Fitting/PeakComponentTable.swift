import Foundation
import InterphaseCore

/// Components and ties written as a JSON table (`--components TABLE.json`), so a fit model is data:
///
/// ```json
/// {"components": [
///    {"name": "C–C", "shape": "gl", "center": 284.8, "fwhm": 1.2, "extra": [0.3], "fixed": ["m"],
///     "bounds": {"center": [284.0, 285.5], "fwhm": [0.5, 2.5]}},
///    {"name": "C–O", "shape": "gl", "center": 286.4, "area": 500}],
///  "ties": [{"target": "C–O.fwhm", "source": "C–C.fwhm"},
///           {"target": "C–O.center", "source": "C–C.center", "offset": 1.6}]}
/// ```
///
/// `area` may be left out: it is then estimated from the background-subtracted data at the center
/// (at least 5 % of the highest) times the FWHM. Energies are on the file's raw binding-energy scale (eV).
public struct PeakComponentTable: Sendable {
    public struct Entry: Sendable {
        public let name: String
        public let shape: LineShape
        public let center: Double
        public let area: Double?
        public let fwhm: Double
        public let extra: [Double]?
        public let fixed: Set<String>
        public let bounds: [String: (Double, Double)]
    }

    public let entries: [Entry]
    public let ties: [ParameterTie]

    /// - Throws: `.malformed` naming the file and the entry for a table that is not of this form.
    public init(parsing data: Data, file: String) throws {
        let root: JSONValue
        do { root = try JSONValue.parse(data) } catch {
            throw InterphaseError(.malformed, "not JSON: \(error)", file: file, parameter: "--components")
        }
        guard let list = root["components"]?.arrayValue, !list.isEmpty else {
            throw InterphaseError(.malformed, "no \"components\" array", file: file, parameter: "--components")
        }
        func bad(_ k: Int, _ what: String) -> InterphaseError {
            InterphaseError(.malformed, "component \(k + 1): \(what)", file: file, parameter: "--components")
        }
        var entries: [Entry] = []
        for (k, item) in list.enumerated() {
            guard let name = item["name"]?.stringValue else { throw bad(k, "no \"name\"") }
            guard let center = item["center"]?.doubleValue else { throw bad(k, "'\(name)' has no \"center\" (eV)") }
            let shape = try LineShape.named(item["shape"]?.stringValue ?? "gl")
            var bounds: [String: (Double, Double)] = [:]
            if case let .object(pairs)? = item["bounds"] {
                for (key, value) in pairs {
                    guard let b = value.arrayValue?.compactMap(\.doubleValue), b.count == 2 else { throw bad(k, "bounds of '\(key)' are not [low, high]") }
                    bounds[key] = (b[0], b[1])
                }
            }
            entries.append(Entry(name: name, shape: shape, center: center, area: item["area"]?.doubleValue,
                                 fwhm: item["fwhm"]?.doubleValue ?? 1.2, extra: item["extra"]?.arrayValue?.compactMap(\.doubleValue),
                                 fixed: Set(item["fixed"]?.arrayValue?.compactMap(\.stringValue) ?? []), bounds: bounds))
        }
        var ties: [ParameterTie] = []
        for (k, t) in (root["ties"]?.arrayValue ?? []).enumerated() {
            func reference(_ key: String) throws -> ParameterTie.Reference {
                guard let text = t[key]?.stringValue, let dot = text.lastIndex(of: ".") else {
                    throw InterphaseError(.malformed, "tie \(k + 1): \"\(key)\" is not COMPONENT.PARAMETER", file: file, parameter: "--components")
                }
                return ParameterTie.Reference(String(text[..<dot]), String(text[text.index(after: dot)...]))
            }
            ties.append(ParameterTie(try reference("target"), to: try reference("source"), scale: t["scale"]?.doubleValue ?? 1,
                                     offset: t["offset"]?.doubleValue ?? 0))
        }
        self.entries = entries
        self.ties = ties
    }

    /// The components, areas estimated where the table has none.
    /// - Parameters: x, signal ascending binding energy, background subtracted.
    public func components(x: [Double], signal: [Double]) throws -> [PeakComponent] {
        try entries.map { e in
            let i = x.indices.min { Swift.abs(x[$0] - e.center) < Swift.abs(x[$1] - e.center) } ?? 0
            // A start at zero area would stay there (its other gradients vanish): at least 5 % of the highest signal.
            let area = e.area ?? Swift.max(signal[i], 0.05 * (signal.max() ?? 1), 1e-9) * e.fwhm
            var component = try PeakComponent(name: e.name, shape: e.shape, center: e.center, area: area, fwhm: e.fwhm, extra: e.extra,
                                               fixed: e.fixed)
            for (name, (lo, hi)) in e.bounds {
                guard let j = component.index(of: name) else {
                    throw InterphaseError(.invalidParameter, "no parameter '\(name)' to bound", parameter: "\(e.name).\(name)",
                                          expected: e.shape.parameters.map(\.name).joined(separator: ", "))
                }
                component.lower[j] = lo
                component.upper[j] = hi
            }
            return component
        }
    }
}
