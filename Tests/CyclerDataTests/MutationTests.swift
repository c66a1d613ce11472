import CyclerData
import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseData
import Testing
import _InterphaseTestSupport

/// Mutated copies of every bundled cycler file (bit flips, truncations, zeroed and repeated blocks,
/// seeded so a failure repeats): each read must end quickly with a valid recording or an
/// `InterphaseError` — never a crash, a hang, or another kind of error. Oracle: the contract of
/// `RecordingLoader.load` itself. (Longer campaigns with more mutants run outside CI with the same
/// mutations: `INTERPHASE_MUTANTS=200 swift test --filter MutationTests`.)
@Suite struct MutationTests {
    static let mutantsPerFile = Int(ProcessInfo.processInfo.environment["INTERPHASE_MUTANTS"] ?? "") ?? 6
    /// Extensions left out of a campaign (`INTERPHASE_MUTANT_SKIP=res`). Campaigns found, and these
    /// tests now guard: libmdb's catalogue property parser allocating ~24 GB on a damaged blob (we read
    /// the catalogue ourselves), fetch loops printing a warning per cell for minutes (damaged column
    /// types refused), ZIPFoundation trapping on a size field past Int64 (checked first).
    static let skipped = Set((ProcessInfo.processInfo.environment["INTERPHASE_MUTANT_SKIP"] ?? "").split(separator: ",").map(String.init))
    /// Only these extensions, when given (`INTERPHASE_MUTANT_ONLY=res`).
    static let only = Set((ProcessInfo.processInfo.environment["INTERPHASE_MUTANT_ONLY"] ?? "").split(separator: ",").map(String.init))

    /// The bundled cycler files small enough to mutate many times (≤ 1 MB).
    static var files: [URL] {
        let root = Fixtures.root.appendingPathComponent("Data/cycler")
        let names = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).sorted()
        return names.map { root.appendingPathComponent($0) }.filter { url in
            let skip = ["md", "mpl", "license"].contains(url.pathExtension.lowercased()) || url.lastPathComponent.contains("LICENSE")
                || skipped.contains(url.pathExtension.lowercased()) || (!only.isEmpty && !only.contains(url.pathExtension.lowercased()))
            let size = (try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])) ?? URLResourceValues()
            return !skip && size.isRegularFile == true && (size.fileSize ?? 0) <= 1 << 20
        }
    }

    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var b = bytes
        guard !b.isEmpty else { return b }
        let position = Int(random.next() % UInt64(b.count))
        switch random.next() % 4 {
        case 0: // flip up to 16 bits anywhere
            for _ in 0..<(1 + random.next() % 16) {
                let i = Int(random.next() % UInt64(b.count))
                b[i] ^= UInt8(1) << UInt8(random.next() % 8)
            }
        case 1: // cut the file
            b = Array(b.prefix(max(1, position)))
        case 2: // zero a block
            let n = min(Int(1 + random.next() % 4096), b.count - position)
            for i in position..<(position + n) { b[i] = 0 }
        default: // repeat a block
            let n = min(Int(1 + random.next() % 4096), b.count - position)
            b.insert(contentsOf: b[position..<(position + n)], at: position)
        }
        return b
    }

    @Test func mutatedFilesEndWithAResultOrAClearError() throws {
        let directory = Fixtures.temporaryDirectory("mutants")
        defer { try? FileManager.default.removeItem(at: directory) }
        var random = SplitMix64(state: 0x1A7E_0013)
        var outcomes = (read: 0, refused: 0)
        for file in Self.files {
            let original = try [UInt8](Data(contentsOf: file))
            for k in 0..<Self.mutantsPerFile {
                let mutant = directory.appendingPathComponent("\(k)_\(file.lastPathComponent)")
                try Data(Self.mutate(original, &random)).write(to: mutant)
                let start = Date()
                do {
                    let recording = try RecordingLoader.load(mutant)
                    try recording.validate()
                    outcomes.read += 1
                } catch let error as InterphaseError {
                    #expect(!error.message.isEmpty)
                    outcomes.refused += 1
                } catch {
                    Issue.record("\(file.lastPathComponent) mutant \(k): not an InterphaseError: \(error)")
                }
                let seconds = Date().timeIntervalSince(start)
                #expect(seconds < 10, "\(file.lastPathComponent) mutant \(k) took \(seconds) s")
            }
        }
        #expect(outcomes.read + outcomes.refused == Self.files.count * Self.mutantsPerFile)
        #expect(Self.files.count > 20 || !Self.only.isEmpty)
    }
}
