import InterphaseCore

/// PNG (ISO/IEC 15948, W3C PNG 2nd edition) of a cairo image surface, written by us rather than by
/// `cairo_surface_write_to_png`: libpng there tries every row filter and deflates at zlib's default
/// level 6, which made the PNGs the largest part of drawing a figure. Here each row takes the cheaper
/// of the Sub and Up filters (the minimum-sum-of-absolute-differences heuristic of the PNG spec,
/// §12.8, over two filters instead of five) and the stream is deflated at level 3: plots are mostly
/// flat colour, so the files stay within a few per cent of libpng's size at a fraction of the time.
///
/// Pixels: cairo's ARGB32 is premultiplied alpha in native-endian 32-bit words (bytes B, G, R, A on
/// little-endian machines). Opaque images (figures paint a white background) are written as 8-bit RGB,
/// others as RGBA with the alpha un-premultiplied. A `pHYs` chunk records the resolution, so viewers and
/// word processors size the figure as drawn.
enum PNGEncoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// zlib level: 3 keeps files within a few per cent of level 6 on plots, at about a third of the time.
    static let compressionLevel: Int32 = 3

    /// - Parameters: `stride` bytes per row of `argb32`; `pixelsPerInch` for `pHYs`.
    static func encode(argb32 pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, stride: Int,
                       pixelsPerInch: Double) throws -> [UInt8] {
        precondition(width > 0 && height > 0 && stride >= 4 * width && pixels.count >= stride * height, "PNGEncoder: bad surface size")
        var opaque = true
        for y in 0..<height where opaque {
            let row = y * stride
            for x in 0..<width where pixels[row + 4 * x + 3] != 255 { opaque = false; break }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels
        // Filtered scanlines: one filter-type byte, then the row.
        var filtered = [UInt8](repeating: 0, count: height * (rowBytes + 1))
        var previous = [UInt8](repeating: 0, count: rowBytes), current = [UInt8](repeating: 0, count: rowBytes)
        var sub = [UInt8](repeating: 0, count: rowBytes), up = [UInt8](repeating: 0, count: rowBytes)
        for y in 0..<height {
            let row = y * stride
            for x in 0..<width {
                let b = pixels[row + 4 * x], g = pixels[row + 4 * x + 1], r = pixels[row + 4 * x + 2], a = pixels[row + 4 * x + 3]
                let o = x * channels
                if opaque {
                    current[o] = r; current[o + 1] = g; current[o + 2] = b
                } else if a == 0 {
                    current[o] = 0; current[o + 1] = 0; current[o + 2] = 0; current[o + 3] = 0
                } else {
                    func straight(_ c: UInt8) -> UInt8 { UInt8(min(255, (Int(c) * 255 + Int(a) / 2) / Int(a))) }
                    current[o] = straight(r); current[o + 1] = straight(g); current[o + 2] = straight(b); current[o + 3] = a
                }
            }
            // Sub: x − left (same channel, one pixel back); Up: x − above. Choose by the smaller sum of
            // |signed residual|.
            var subCost = 0, upCost = 0
            for i in 0..<rowBytes {
                let left = i >= channels ? current[i - channels] : 0
                sub[i] = current[i] &- left
                up[i] = current[i] &- previous[i]
                subCost += abs(Int(Int8(bitPattern: sub[i])))
                upCost += abs(Int(Int8(bitPattern: up[i])))
            }
            let start = y * (rowBytes + 1)
            filtered[start] = subCost <= upCost ? 1 : 2
            let chosen = subCost <= upCost ? sub : up
            for i in 0..<rowBytes { filtered[start + 1 + i] = chosen[i] }
            swap(&previous, &current)
        }
        var out = signature
        var header: [UInt8] = []
        bigEndian(UInt32(width), into: &header)
        bigEndian(UInt32(height), into: &header)
        header += [8, opaque ? 2 : 6, 0, 0, 0] // bit depth 8, colour type RGB / RGBA, deflate, adaptive, no interlace
        chunk("IHDR", header, into: &out)
        var physical: [UInt8] = []
        let perMetre = UInt32((pixelsPerInch / 0.0254).rounded())
        bigEndian(perMetre, into: &physical)
        bigEndian(perMetre, into: &physical)
        physical.append(1) // unit: metre
        chunk("pHYs", physical, into: &out)
        chunk("IDAT", try Zlib.deflate(filtered, level: compressionLevel), into: &out)
        chunk("IEND", [], into: &out)
        return out
    }

    static func bigEndian(_ value: UInt32, into out: inout [UInt8]) {
        out += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// Length, type, data, CRC-32 of type and data.
    static func chunk(_ type: String, _ data: [UInt8], into out: inout [UInt8]) {
        bigEndian(UInt32(data.count), into: &out)
        let typed = Array(type.utf8) + data
        out += typed
        bigEndian(Zlib.crc32(typed), into: &out)
    }
}
