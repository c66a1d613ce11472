import Foundation

/// Archives built byte by byte from their specifications with uncompressed ("stored") data, so tests need
/// no compression library: a zip (PKWARE APPNOTE 4.3) and gzip members (RFC 1952 around RFC 1951 stored
/// blocks).
public enum StoredArchives {
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), bit by bit.
    public static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func le(_ v: UInt32, _ bytes: Int, into d: inout Data) {
        for i in 0..<bytes { d.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) }
    }

    /// A zip archive whose entries are stored — or, with `deflate`, deflated in stored blocks (method 8,
    /// as zlib would read them). `declaredSizes` overrides an entry's uncompressed-size fields, to make
    /// the damaged archives whose members inflate past what they declare.
    public static func zip(_ files: [(String, Data)], deflate: Bool = false, declaredSizes: [String: Int] = [:]) -> Data {
        var out = Data(), central = Data()
        for (name, content) in files {
            let payload = deflate ? storedDeflate(content) : content
            let offset = UInt32(out.count), crc = crc32(content), nameBytes = Data(name.utf8)
            let size = UInt32(declaredSizes[name] ?? content.count), packed = UInt32(payload.count), method: UInt32 = deflate ? 8 : 0
            le(0x0403_4B50, 4, into: &out); le(20, 2, into: &out); le(0, 2, into: &out); le(method, 2, into: &out)
            le(0, 2, into: &out); le(0x21, 2, into: &out); le(crc, 4, into: &out); le(packed, 4, into: &out); le(size, 4, into: &out)
            le(UInt32(nameBytes.count), 2, into: &out); le(0, 2, into: &out); out += nameBytes; out += payload
            le(0x0201_4B50, 4, into: &central); le(20, 2, into: &central); le(20, 2, into: &central); le(0, 2, into: &central)
            le(method, 2, into: &central); le(0, 2, into: &central); le(0x21, 2, into: &central); le(crc, 4, into: &central)
            le(packed, 4, into: &central); le(size, 4, into: &central); le(UInt32(nameBytes.count), 2, into: &central)
            for _ in 0..<4 { le(0, 2, into: &central) }
            le(0, 4, into: &central); le(offset, 4, into: &central); central += nameBytes
        }
        let centralOffset = UInt32(out.count)
        out += central
        le(0x0605_4B50, 4, into: &out); le(0, 2, into: &out); le(0, 2, into: &out)
        le(UInt32(files.count), 2, into: &out); le(UInt32(files.count), 2, into: &out)
        le(UInt32(central.count), 4, into: &out); le(centralOffset, 4, into: &out); le(0, 2, into: &out)
        return out
    }

    /// One gzip member holding `content` in stored deflate blocks (at most 65,535 bytes each).
    public static func gzipMember(_ content: Data) -> Data {
        var out = Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF])
        out += storedDeflate(content)
        le(crc32(content), 4, into: &out)
        le(UInt32(truncatingIfNeeded: content.count), 4, into: &out)
        return out
    }

    /// A raw deflate stream (RFC 1951) of stored blocks holding `content`.
    public static func storedDeflate(_ content: Data) -> Data {
        var out = Data()
        var offset = content.startIndex
        repeat {
            let length = min(65_535, content.endIndex - offset)
            let final = offset + length == content.endIndex
            out.append(final ? 0x01 : 0x00) // BFINAL, BTYPE = 00 (stored); the rest of the byte is padding
            le(UInt32(length), 2, into: &out)
            le(UInt32(~UInt16(length)), 2, into: &out)
            out += content[offset..<(offset + length)]
            offset += length
        } while offset < content.endIndex
        return out
    }
}
