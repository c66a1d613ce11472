import Foundation

/// Paths of the files bundled in the repository (`Data/…`), resolved from this source file's location so
/// tests work from any working directory and in a fresh clone.
public enum Fixtures {
    /// The repository root.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Data/cycler/<relative>`.
    public static func cycler(_ relative: String) -> URL {
        root.appendingPathComponent("Data/cycler").appendingPathComponent(relative)
    }

    /// `Data/<relative>`: any bundled file (`impedance/exampleData.csv`, `voltammetry/cv_data.dta`).
    public static func data(_ relative: String) -> URL {
        root.appendingPathComponent("Data").appendingPathComponent(relative)
    }

    /// `Tests/<module>/Reference/<name>`: committed reference values.
    public static func reference(_ module: String, _ name: String) -> URL {
        root.appendingPathComponent("Tests").appendingPathComponent(module).appendingPathComponent("Reference")
            .appendingPathComponent(name)
    }

    /// A fresh temporary directory, removed by the caller if wanted.
    public static func temporaryDirectory(_ label: String = "interphase-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
