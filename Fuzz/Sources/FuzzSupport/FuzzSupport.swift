import CFuzzDriver
import Foundation
import Interphase

/// One libFuzzer input through one reader: the bytes are written to a file (readers take files, as users
/// give them) with the format's extension, and read with that format forced. A result or an
/// `InterphaseError` is fine; anything else — a trap, a sanitizer report, libFuzzer's time-out
/// (`-timeout`) or memory limit (`-rss_limit_mb`) — is the finding.
public enum FuzzSupport {
    /// Runs libFuzzer with the process's arguments, each input read as `format`; returns its exit status.
    public static func main(format: String) -> Never {
        guard (try? RecordingLoader.format(id: format)) != nil else { fatalError("unknown format \(format)") }
        current = format
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzSupport.run(format: FuzzSupport.current, data: data ?? UnsafePointer(bitPattern: 1)!, size: size)
        }
        exit(status)
    }

    /// The format of this process's target (set once by `main` before the driver starts).
    nonisolated(unsafe) static var current = ""

    public static func run(format id: String, data: UnsafePointer<UInt8>, size: Int) -> CInt {
        guard let format = try? RecordingLoader.format(id: id) else { fatalError("unknown format \(id)") }
        let directory = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let extensions = ["biologic-mpr": "mpr", "neware-nda": "nda", "neware-ndax": "ndax", "land-ccs": "ccs",
                          "arbin-res": "res", "xlsx": "xlsx"]
        let url = URL(fileURLWithPath: directory).appendingPathComponent("interphase-fuzz-\(getpid()).\(extensions[id] ?? "bin")")
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes: data, count: size)) else {
            fatalError("cannot write the input to \(url.path)")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        var options = ReadOptions()
        options.format = format
        _ = try? RecordingLoader.load(url, options: options)
        return 0
    }
}
