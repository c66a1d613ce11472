import CSystemZlib
import InterphaseCore

/// zlib for the PNG writer: a whole buffer deflated into a zlib stream (RFC 1950) and CRC-32. The only
/// zlib calls of InterphasePlot.
enum Zlib {
    /// `bytes` as one zlib stream at `level` (0–9).
    static func deflate(_ bytes: [UInt8], level: Int32) throws -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { o in
            bytes.withUnsafeBufferPointer { i in compress2(o.baseAddress, &size, i.baseAddress, uLong(bytes.count), level) }
        }
        guard status == Z_OK else { throw InterphaseError(.library, "zlib compress2 failed (status \(status))") }
        out.removeLast(out.count - Int(size))
        return out
    }

    /// CRC-32 (ISO 3309, the one PNG chunks carry).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(CSystemZlib.crc32(0, $0.baseAddress, uInt($0.count))) }
    }
}
