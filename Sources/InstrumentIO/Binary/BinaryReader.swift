import Foundation
import InterphaseCore

/// Bounds-checked little-endian reads from a byte buffer, for binary instrument formats.
/// Every read past the end throws `malformed` naming the file and byte offset, so a truncated file gives a
/// clear error instead of a crash.
public struct BinaryReader {
    public let bytes: [UInt8]
    /// The file path for error messages.
    public let file: String?
    /// Current read position (byte offset from the start).
    public var offset: Int = 0

    public init(_ bytes: [UInt8], file: String? = nil) {
        self.bytes = bytes
        self.file = file
    }

    public var remaining: Int { bytes.count - offset }
    public var isAtEnd: Bool { offset >= bytes.count }

    /// Throws unless `count` bytes are available at `at`.
    /// `what` is built only for the error.
    public func require(_ count: Int, at position: Int, what: @autoclosure () -> String) throws {
        guard position >= 0, count >= 0, position <= bytes.count, count <= bytes.count - position else {
            throw InterphaseError(.malformed, "file ends inside \(what()): needs \(count) bytes at offset \(position), file has \(bytes.count)",
                                  file: file, expected: "a complete file (truncated?)")
        }
    }

    public func uint8(at p: Int) throws -> UInt8 { try require(1, at: p, what: "a byte"); return bytes[p] }

    public func uint16(at p: Int) throws -> UInt16 {
        try require(2, at: p, what: "a 16-bit field")
        return UInt16(bytes[p]) | UInt16(bytes[p + 1]) << 8
    }

    public func uint32(at p: Int) throws -> UInt32 {
        try require(4, at: p, what: "a 32-bit field")
        return unchecked32(p)
    }

    public func uint64(at p: Int) throws -> UInt64 {
        try require(8, at: p, what: "a 64-bit field")
        return UInt64(unchecked32(p)) | UInt64(unchecked32(p + 4)) << 32
    }

    public func int16(at p: Int) throws -> Int16 { Int16(bitPattern: try uint16(at: p)) }
    public func int32(at p: Int) throws -> Int32 { Int32(bitPattern: try uint32(at: p)) }
    public func int64(at p: Int) throws -> Int64 { Int64(bitPattern: try uint64(at: p)) }
    public func float32(at p: Int) throws -> Float { Float(bitPattern: try uint32(at: p)) }
    public func float64(at p: Int) throws -> Double { Double(bitPattern: try uint64(at: p)) }

    /// Bytes `[p, p+count)`.
    public func slice(at p: Int, count: Int) throws -> ArraySlice<UInt8> {
        try require(count, at: p, what: "a \(count)-byte block")
        return bytes[p..<p + count]
    }

    /// Text of `count` bytes at `p`, Latin-1 decoded: cut at the first NUL, and blanks (space, tab,
    /// no-break space 0xA0: Foundation's `.whitespaces` in the Latin-1 range) trimmed at both ends.
    public func latin1(at p: Int, count: Int) throws -> String {
        let raw = try slice(at: p, count: count)
        var text = raw.prefix { $0 != 0 }
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0xA0 }
        while let first = text.first, blank(first) { text = text.dropFirst() }
        while let last = text.last, blank(last) { text = text.dropLast() }
        // ASCII is UTF-8 as it stands; other Latin-1 bytes are the code points U+0080…U+00FF.
        if text.allSatisfy({ $0 < 0x80 }) { return String(decoding: text, as: UTF8.self) }
        return String(String.UnicodeScalarView(text.map { Unicode.Scalar($0) }))
    }

    /// Sequential reads that advance `offset`.
    public mutating func readUInt8() throws -> UInt8 { defer { offset += 1 }; return try uint8(at: offset) }
    public mutating func readUInt16() throws -> UInt16 { defer { offset += 2 }; return try uint16(at: offset) }
    public mutating func readUInt32() throws -> UInt32 { defer { offset += 4 }; return try uint32(at: offset) }
    public mutating func readInt32() throws -> Int32 { defer { offset += 4 }; return try int32(at: offset) }
    public mutating func readFloat32() throws -> Float { defer { offset += 4 }; return try float32(at: offset) }
    public mutating func readFloat64() throws -> Double { defer { offset += 8 }; return try float64(at: offset) }
    public mutating func skip(_ count: Int) throws {
        try require(count, at: offset, what: "skipped bytes")
        offset += count
    }

    /// Index of the first occurrence of `pattern` at or after `from`, or nil.
    public func find(_ pattern: [UInt8], from start: Int = 0) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        let first = pattern[0]
        var i = max(0, start)
        let last = bytes.count - pattern.count
        while i <= last {
            if bytes[i] == first {
                var match = true
                for j in 1..<pattern.count where bytes[i + j] != pattern[j] { match = false; break }
                if match { return i }
            }
            i += 1
        }
        return nil
    }

    @inline(__always) private func unchecked32(_ p: Int) -> UInt32 {
        UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3]) << 24
    }
}
