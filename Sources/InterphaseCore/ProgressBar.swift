import Foundation

/// A progress bar with ETA on standard error, shown only when stderr is a terminal, `--quiet` is off, and
/// the work has already taken more than `delay` seconds (short jobs print nothing).
/// Redraws at most ten times a second, so updating it in a hot loop costs one clock read.
public final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let total: Double
    private let enabled: Bool
    private let start = Date()
    private let delay: TimeInterval
    private var lastDraw = Date.distantPast
    private var drawn = false
    private let lock = NSLock()

    /// - Parameters:
    ///   - total: the amount of work (bytes, rows, steps) that `update` counts towards.
    ///   - quiet: `--quiet` was given.
    public init(label: String, total: Double, quiet: Bool, delay: TimeInterval = 1.0) {
        self.label = label
        self.total = max(total, 1)
        self.delay = delay
        self.enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// Reports that `done` of `total` units are complete.
    public func update(_ done: Double) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed >= delay, now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        drawn = true
        let fraction = min(max(done / total, 0), 1)
        let width = 30
        let filled = Int((fraction * Double(width)).rounded())
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : .nan
        let text = String(format: "\r%@ %@ %3.0f%%  ETA %@ ", label, bar, fraction * 100, ProgressBar.clock(eta))
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Clears the bar (call when the work is done).
    public func finish() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
    }

    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "--:--" }
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%02d:%02d", s / 60, s % 60)
    }
}
