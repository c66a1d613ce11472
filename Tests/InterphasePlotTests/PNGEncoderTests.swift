import Foundation
import Testing
import _InterphaseTestSupport
@testable import InterphasePlot

/// Our PNG writer against an independent decoder: libpng, through cairo's PNG reader.
@Suite struct PNGEncoderTests {
    /// Pixels as cairo stores them: premultiplied ARGB32 words, a stride padded past the width.
    static func image(width: Int, height: Int, opaque: Bool, seed: UInt64) -> (bytes: [UInt8], stride: Int, words: [UInt32]) {
        var generator = SplitMix64(state: seed)
        let stride = 4 * width + 8
        var bytes = [UInt8](repeating: 0xEE, count: stride * height)
        var words: [UInt32] = []
        for y in 0..<height {
            for x in 0..<width {
                let random = generator.next()
                // Plot-like content: mostly white, some runs of colour, some noise.
                let a: UInt32 = opaque ? 255 : UInt32(random & 0xFF)
                let white = (x / 7 + y / 5) % 3 != 0
                var r = white ? 255 : UInt32(random >> 8 & 0xFF), g = white ? 255 : UInt32(random >> 16 & 0xFF)
                var b = white ? 255 : UInt32(random >> 24 & 0xFF)
                r = r * a / 255; g = g * a / 255; b = b * a / 255 // premultiplied
                let word = a << 24 | r << 16 | g << 8 | b
                words.append(word)
                withUnsafeBytes(of: word.littleEndian) { for k in 0..<4 { bytes[y * stride + 4 * x + k] = $0[k] } }
            }
        }
        return (bytes, stride, words)
    }

    /// An opaque image decodes to exactly the pixels written (RGB is lossless); the file carries the
    /// resolution asked for (pHYs, px per metre).
    @Test func opaqueImageRoundTripsExactly() throws {
        let (bytes, stride, words) = Self.image(width: 37, height: 23, opaque: true, seed: 5)
        let png = try bytes.withUnsafeBufferPointer {
            try PNGEncoder.encode(argb32: $0, width: 37, height: 23, stride: stride, pixelsPerInch: 200)
        }
        let url = Fixtures.temporaryDirectory("png").appendingPathComponent("opaque.png")
        try Data(png).write(to: url)
        let decoded = try #require(CairoCanvas.readPNG(url.path))
        #expect(decoded.width == 37 && decoded.height == 23)
        #expect(decoded.pixels == words)
        #expect(png[12..<16].elementsEqual(Array("IHDR".utf8)))
        #expect(png[25] == 2) // colour type RGB
        let phys = try #require(findChunk("pHYs", in: png))
        #expect(phys.prefix(4).reduce(0) { $0 << 8 | UInt32($1) } == 7874) // 200 / 0.0254
    }

    /// With alpha, colours are un-premultiplied on the way out and premultiplied again by the reader:
    /// each channel comes back within the rounding of that round trip.
    @Test func translucentImageRoundTripsWithinRounding() throws {
        let (bytes, stride, words) = Self.image(width: 16, height: 9, opaque: false, seed: 9)
        let png = try bytes.withUnsafeBufferPointer {
            try PNGEncoder.encode(argb32: $0, width: 16, height: 9, stride: stride, pixelsPerInch: 72)
        }
        #expect(png[25] == 6) // colour type RGBA
        let url = Fixtures.temporaryDirectory("png").appendingPathComponent("alpha.png")
        try Data(png).write(to: url)
        let decoded = try #require(CairoCanvas.readPNG(url.path))
        for (a, b) in zip(words, decoded.pixels) {
            #expect(a >> 24 == b >> 24)
            for shift in [0, 8, 16] as [UInt32] {
                #expect(abs(Int(a >> shift & 0xFF) - Int(b >> shift & 0xFF)) <= 1)
            }
        }
    }

    func findChunk(_ type: String, in png: [UInt8]) -> ArraySlice<UInt8>? {
        var i = 8
        while i + 8 <= png.count {
            let length = Int(png[i..<i + 4].reduce(0) { $0 << 8 | UInt32($1) })
            if png[i + 4..<i + 8].elementsEqual(Array(type.utf8)) { return png[i + 8..<i + 8 + length] }
            i += 12 + length
        }
        return nil
    }
}
