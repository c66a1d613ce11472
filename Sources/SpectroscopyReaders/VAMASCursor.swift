import Foundation
import InterphaseCore

/// Reads a VAMAS file value by value: ISO 14976 puts one value per line, so the cursor is a line index,
/// and every error names the line and the field that was being read.
struct VAMASCursor {
    let lines: [Substring]
    let path: String
    private(set) var index: Int

    init(lines: [Substring], start: Int, path: String) {
        self.lines = lines
        self.index = start
        self.path = path
    }

    /// 1-based line number of the next value.
    var lineNumber: Int { index + 1 }

    mutating func text(_ field: String) throws -> String {
        guard index < lines.count else {
            throw InterphaseError(.malformed, "the file ends while reading \(field)", file: path, line: lines.count)
        }
        defer { index += 1 }
        return lines[index].trimmingCharacters(in: .whitespaces)
    }

    mutating func double(_ field: String) throws -> Double {
        let line = lineNumber
        let t = try text(field)
        guard let v = Double(t) else {
            throw InterphaseError(.malformed, "\(field): expected a number, found \"\(t)\"", file: path, line: line)
        }
        return v
    }

    mutating func int(_ field: String) throws -> Int {
        let line = lineNumber
        let v = try double(field)
        guard v == v.rounded(), Swift.abs(v) < 1e9 else {
            throw InterphaseError(.malformed, "\(field): expected an integer, found \(v)", file: path, line: line)
        }
        return Int(v)
    }

    mutating func count(_ field: String) throws -> Int {
        let line = lineNumber
        let n = try int(field)
        guard n >= 0 else { throw InterphaseError(.malformed, "\(field): \(n) is negative", file: path, line: line) }
        return n
    }

    mutating func skip(_ n: Int, _ field: String) throws {
        guard index + n <= lines.count else {
            throw InterphaseError(.malformed, "the file ends while reading \(field)", file: path, line: lines.count)
        }
        index += n
    }
}
