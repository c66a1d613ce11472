import Foundation
import InstrumentIO
import InterphaseData

/// The shape of a cycler-format decoder: a cheap content test and a reader. Each decoder is listed in
/// `RecordingLoader.registry`, one row per format it produces.
public protocol CyclerFileReader {
    /// True when the probe's content is this reader's format. Must be cheap.
    static func sniff(_ probe: FileProbe) -> Bool
    /// Reads the whole file into a validated `Recording`; `format` is the registry row's.
    static func read(_ url: URL, format: FileFormat, options: ReadOptions) throws -> Recording
}
