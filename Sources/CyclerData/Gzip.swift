import Foundation
import InterphaseCore
import ZIPFoundation

/// gzip (RFC 1952) decoding on top of ZIPFoundation's raw-deflate decoder (zlib underneath): the header
/// is parsed here, the deflate stream is inflated by zlib, and the CRC-32 and length trailer are checked,
/// so a damaged or truncated `.gz` is an error rather than silently short data.
enum Gzip {
    static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    static func decompress(_ data: Data, file: String) throws -> Data {
        let bytes = [UInt8](data)
        let reader = BinaryReader(bytes, file: file)
        guard bytes.count >= 18, try reader.uint8(at: 2) == 8 else {
            throw InterphaseError(.malformed, "gzip header is damaged or not deflate", file: file)
        }
        let flags = try reader.uint8(at: 3)
        var p = 10
        if flags & 0x04 != 0 { p += 2 + Int(try reader.uint16(at: p)) }            // FEXTRA
        if flags & 0x08 != 0 { while try reader.uint8(at: p) != 0 { p += 1 }; p += 1 } // FNAME
        if flags & 0x10 != 0 { while try reader.uint8(at: p) != 0 { p += 1 }; p += 1 } // FCOMMENT
        if flags & 0x02 != 0 { p += 2 }                                              // FHCRC
        let expectedCRC = try reader.uint32(at: bytes.count - 8)
        let expectedSize = try reader.uint32(at: bytes.count - 4)
        let body = data.subdata(in: (data.startIndex + p)..<(data.startIndex + bytes.count - 8))
        var output = Data()
        output.reserveCapacity(Int(expectedSize))
        let crc: CRC32
        do {
            crc = try Data.decompress(size: Int64(body.count), bufferSize: 1 << 16, skipCRC32: false, provider: { position, size in
                let start = min(Int(position), body.count)
                let end = min(start + size, body.count)
                return body.subdata(in: (body.startIndex + start)..<(body.startIndex + end))
            }, consumer: { output.append($0) })
        } catch {
            throw InterphaseError(.malformed, "gzip stream is corrupt or truncated: \(error)", file: file)
        }
        guard crc == expectedCRC, UInt32(truncatingIfNeeded: output.count) == expectedSize else {
            throw InterphaseError(.malformed, "gzip checksum or length mismatch (truncated download?)", file: file)
        }
        return output
    }
}
