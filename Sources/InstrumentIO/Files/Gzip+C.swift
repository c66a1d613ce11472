import CSystemZlib
import Foundation
import InterphaseCore

extension Gzip {
    /// Inflates the gzip member that starts at `start`, appending its content to `output` through
    /// `scratch` (zlib's output buffer, kept by the caller across members).
    /// zlib in gzip mode (window bits 15 + 16) parses the header and checks the CRC-32 and length.
    /// - Returns: the member's length in bytes, or nil when `output` reached `limit` first.
    static func inflateMember(_ bytes: [UInt8], from start: Int, into output: inout [UInt8], scratch: inout [UInt8],
                              limit: Int?, file: String) throws -> Int? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw InterphaseError(.library, "zlib could not start inflating", file: file)
        }
        defer { inflateEnd(&stream) }
        let chunk = scratch.count
        var status = Z_OK
        try bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + start)
            stream.avail_in = UInt32(input.count - start)
            try scratch.withUnsafeMutableBufferPointer { out in
                repeat {
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(chunk)
                    status = inflate(&stream, Z_NO_FLUSH)
                    guard status == Z_OK || status == Z_STREAM_END else {
                        let reason = status == Z_BUF_ERROR ? "the file ends inside the compressed data (truncated download?)"
                            : stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                        throw InterphaseError(.malformed, "gzip stream is corrupt or truncated: \(reason)", file: file)
                    }
                    output.append(contentsOf: UnsafeBufferPointer(start: out.baseAddress, count: chunk - Int(stream.avail_out)))
                    if let limit, output.count >= limit, status != Z_STREAM_END { return }
                } while status != Z_STREAM_END
            }
        }
        return status == Z_STREAM_END ? Int(stream.total_in) : nil
    }
}
