import Foundation
import InterphaseCore
import InterphaseData
import Testing
import _InterphaseTestSupport

/// The committed oracle: `References/impedance_reference.py` run with impedance.py 1.7.1 (numpy and
/// scipy versions recorded in the file) wrote `Reference/impedance.json`.
enum ImpedanceReference {
    static let document: JSONValue? = {
        guard let data = try? Data(contentsOf: Fixtures.reference("ImpedanceTests", "impedance.json")) else { return nil }
        return try? JSONValue.parse(data)
    }()

    static func root() throws -> JSONValue { try #require(document, "Reference/impedance.json missing or unreadable") }

    static func numbers(_ value: JSONValue?) throws -> [Double] {
        let array = try #require(value?.arrayValue, "expected an array of numbers")
        return try array.map { try #require($0.doubleValue) }
    }

    static func fit(_ name: String) throws -> JSONValue {
        let fits = try #require(try root()["fits"]?.arrayValue)
        return try #require(fits.first { $0["name"]?.stringValue == name }, "no reference fit \(name)")
    }
}

/// Data/impedance/exampleData.csv (impedance.py's tutorial spectrum: f, Z′, Z″ per line, no header),
/// read here rather than by a library reader (readers come in a later slice).
enum ExampleData {
    static let url = Fixtures.root.appendingPathComponent("Data/impedance/exampleData.csv")

    static func spectrum() throws -> ImpedanceSpectrum {
        let text = try String(contentsOf: url, encoding: .utf8)
        var f: [Double] = [], re: [Double] = [], im: [Double] = []
        for line in text.split(whereSeparator: \.isNewline) where !line.isEmpty {
            let fields = line.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard fields.count == 3, let a = fields[0], let b = fields[1], let c = fields[2] else {
                Issue.record("bad line in exampleData.csv: \(line)")
                continue
            }
            f.append(a)
            re.append(b)
            im.append(c)
        }
        return try ImpedanceSpectrum(frequency: f, real: re, imaginary: im, source: "exampleData.csv")
    }

    /// The tutorial's data: `preprocessing.ignoreBelowX` (points with Z″ < 0 only).
    static func capacitive() throws -> ImpedanceSpectrum { try spectrum().capacitivePoints() }
}
