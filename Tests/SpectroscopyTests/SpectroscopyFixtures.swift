import Foundation
import InterphaseCore
import Testing
import _InterphaseTestSupport

/// Committed reference values in `Reference/`: `readers.json` from `References/spectroscopy_readers_reference.py`
/// (vamas 0.2.0, pynxtools-xps 0.6.3, numpy) and `fits.json` from `References/spectroscopy_fits_reference.py`
/// (lmfit and lmfitxps; versions recorded in the file).
enum SpectroscopyReference {
    static func load(_ name: String) throws -> JSONValue {
        let data = try Data(contentsOf: Fixtures.reference("SpectroscopyTests", name))
        return try JSONValue.parse(data)
    }

    static func numbers(_ value: JSONValue?) throws -> [Double] {
        let array = try #require(value?.arrayValue, "expected an array of numbers")
        return try array.map { try #require($0.doubleValue) }
    }

    static func xps(_ name: String) -> URL { Fixtures.data("spectroscopy/xps/\(name)") }
}
