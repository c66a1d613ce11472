import Foundation

/// The one error type every Interphase module throws for bad input, bad parameters or failed numerics.
///
/// It carries the context a user needs to fix the problem — the file, the line or record, the column or
/// parameter, and what was expected — and renders it as one line, e.g.
/// `cells.csv:41: column 'Current(mA)': expected a number, found "n/a"`.
/// The CLI prints `description` and exits with a non-zero status; libraries never trap on user input.
public struct InterphaseError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, coarsely; tests and callers switch on this, users read `description`.
    public enum Kind: String, Sendable, Codable {
        /// The file does not exist or cannot be opened.
        case fileNotFound
        /// The file exists but holds no data (zero bytes or no records).
        case emptyInput
        /// No reader recognises the file's content.
        case unsupportedFormat
        /// The content breaks its format's rules (bad magic, truncated record, unparsable number).
        case malformed
        /// A column the computation needs is absent.
        case missingColumn
        /// The data are readable but violate an invariant (time going backwards, NaN values).
        case invalidData
        /// An option or parameter has a value outside its domain (negative area, unknown name).
        case invalidParameter
        /// An iterative method did not converge.
        case notConverged
        /// Writing output failed.
        case output
        /// A system library reported a failure.
        case library
    }

    public var kind: Kind
    /// What happened, in words, without the location prefix.
    public var message: String
    /// The file the problem was found in (path as the user gave it).
    public var file: String?
    /// 1-based line (text formats) or record number (binary formats).
    public var line: Int?
    /// What `line` counts: "line", "record", "row", "byte offset".
    public var lineLabel: String
    /// The column name involved, if any.
    public var column: String?
    /// The parameter or option involved, if any (e.g. `--area-cm2`).
    public var parameter: String?
    /// What was expected instead.
    public var expected: String?

    public init(
        _ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, lineLabel: String = "line",
        column: String? = nil, parameter: String? = nil, expected: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.lineLabel = lineLabel
        self.column = column
        self.parameter = parameter
        self.expected = expected
    }

    /// A copy with the file set (readers deep inside a parse often learn the path only at the top).
    public func inFile(_ path: String) -> InterphaseError {
        var copy = self
        if copy.file == nil { copy.file = path }
        return copy
    }

    public var description: String {
        var parts: [String] = []
        var location = ""
        if let file { location = file }
        if let line {
            if lineLabel == "line" && !location.isEmpty {
                location += ":\(line)"
            } else {
                location += location.isEmpty ? "\(lineLabel) \(line)" : " (\(lineLabel) \(line))"
            }
        }
        if !location.isEmpty { parts.append(location) }
        if let column { parts.append("column '\(column)'") }
        if let parameter { parts.append("parameter \(parameter)") }
        var text = parts.joined(separator: ": ")
        text += text.isEmpty ? message : ": " + message
        if let expected { text += " (expected \(expected))" }
        return text
    }
}

extension InterphaseError: LocalizedError {
    public var errorDescription: String? { description }
}
