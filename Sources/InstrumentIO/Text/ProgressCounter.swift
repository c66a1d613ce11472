import Foundation

/// Reports the fraction of chunks done, from whichever thread finishes one.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let progress: (@Sendable (Double) -> Void)?

    init(total: Int, progress: (@Sendable (Double) -> Void)?) {
        self.total = max(total, 1)
        self.progress = progress
    }

    func step() {
        guard let progress else { return }
        lock.lock()
        done += 1
        let fraction = Double(done) / Double(total)
        lock.unlock()
        progress(fraction)
    }
}
