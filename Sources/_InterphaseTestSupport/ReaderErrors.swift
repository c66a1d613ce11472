import CyclerData
import Foundation
import InterphaseCore
import InterphaseData
import Testing

/// Writes `bytes` to a temporary file named `bad.<ext>`, reads it with `reader`, and checks that the
/// reader throws an `InterphaseError` of one of `kinds` naming that file; `check` can inspect the error.
public func expectReaderError<R: CyclerFileReader>(
    _ bytes: [UInt8], reader: R.Type, format: FileFormat, fileExtension: String, kinds: [InterphaseError.Kind],
    sourceLocation: SourceLocation = #_sourceLocation, _ check: (InterphaseError) -> Void = { _ in }
) {
    let url = Fixtures.temporaryDirectory("\(fileExtension)-test").appendingPathComponent("bad.\(fileExtension)")
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    do {
        try Data(bytes).write(to: url)
        _ = try R.read(url, format: format, options: ReadOptions())
        Issue.record("no error for \(bytes.count) bad bytes", sourceLocation: sourceLocation)
    } catch let error as InterphaseError {
        #expect(kinds.contains(error.kind), "\(error)", sourceLocation: sourceLocation)
        #expect(error.file == url.path, sourceLocation: sourceLocation)
        check(error)
    } catch {
        Issue.record("unexpected error type: \(error)", sourceLocation: sourceLocation)
    }
}
