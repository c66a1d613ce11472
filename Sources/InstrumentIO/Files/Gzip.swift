import Foundation
import InterphaseCore

/// gzip (RFC 1952) decoding by zlib: headers, deflate data, and each member's CRC-32 and length trailer
/// are checked, so a damaged or truncated `.gz` is an error rather than silently short data. A file may
/// hold several members one after another (`cat a.gz b.gz`, bgzip's blocks): their contents are joined,
/// as `gzip -d` does. Zero bytes after the last member (tape padding) are ignored; anything else there is
/// an error. The zlib calls are in `Gzip+C.swift`.
public enum Gzip {
    public static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    /// The whole content, or, with `limit`, its first `limit` bytes or more (inflating stops there, so a
    /// format probe of a large `.gz` does not inflate all of it; the trailer of an unfinished member is
    /// then not checked).
    public static func decompress(_ data: Data, file: String, limit: Int? = nil) throws -> Data {
        Data(try inflated(data, file: file, limit: limit))
    }

    /// `decompress` as an array (no `Data` copy of a large content).
    public static func inflated(_ data: Data, file: String, limit: Int? = nil) throws -> [UInt8] {
        let bytes = data.withUnsafeBytes { Array($0.bindMemory(to: UInt8.self)) }
        guard bytes.count >= 18, bytes[2] == 8 else {
            throw InterphaseError(.malformed, "gzip header is damaged or not deflate", file: file)
        }
        // The last member's length field (size mod 2^32) sizes the output for the common one-member file.
        let hint = bytes.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        var output = [UInt8]()
        output.reserveCapacity(min(hint, limit ?? hint, 1 << 30))
        var scratch = [UInt8](repeating: 0, count: 1 << 18) // zlib's output window, reused for every member
        var offset = 0
        while offset < bytes.count {
            if let limit, output.count >= limit { break }
            let member = bytes[offset...]
            if !isGzip(Array(member.prefix(2))) {
                guard member.allSatisfy({ $0 == 0 }) else {
                    throw InterphaseError(.malformed, "data after the end of the gzip stream at byte \(offset)", file: file,
                                          expected: "another gzip member (1F 8B) or nothing")
                }
                break
            }
            guard let length = try inflateMember(bytes, from: offset, into: &output, scratch: &scratch, limit: limit, file: file) else { break }
            offset += length
        }
        return output
    }
}
