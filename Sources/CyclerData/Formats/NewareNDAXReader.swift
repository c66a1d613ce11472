import Foundation
import InterphaseCore

/// Placeholder until the reader lands (replaced in this session's work).
public enum NewareNDAXReader: CyclerFileReader {
    public static let formats: [CyclerFormat] = [.newareNDAX]
    public static func sniff(_ probe: FileProbe) -> CyclerFormat? { nil }
    public static func read(_ url: URL, format: CyclerFormat, options: ReadOptions) throws -> Recording {
        throw InterphaseError(.unsupportedFormat, "reader not available yet", file: url.path)
    }
}
