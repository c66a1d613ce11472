import Foundation

/// Scoped control of OpenBLAS's thread count.
///
/// OpenBLAS has one process-wide setting (`openblas_set_num_threads`), read by each call. Interphase
/// needs different counts at different call sites — one thread for many small solves (often run in
/// parallel by `Parallel.forEach`), all cores for one large product — so the setting is changed only
/// for the duration of a scope and restored afterwards:
///
/// ```swift
/// try BLASThreads.with(.all) { try LAPACK.gemm(a, b, into: &c, threads: .all) }
/// ```
///
/// Every `LAPACK` wrapper opens such a scope itself with its `threads:` argument (default `.one`), so
/// most code never calls `with` directly; an enclosing scope is useful to run several calls under one
/// setting.
///
/// Concurrency: scopes asking for the same count share the setting and run concurrently (many `.one`
/// solves on many threads). A scope asking for a different count waits until the scopes in force
/// have ended, then changes the setting; when the last scope ends the value found before the first
/// one is restored (`openblas_get_num_threads`). A lock serialises these changes, so concurrent
/// callers never see each other's count mid-call. A scope opened inside another on the same thread
/// (or in a child task) keeps the outer count and does not wait. Do not open a scope with a
/// *different* count from threads started inside a scope that do not inherit task-locals
/// (`DispatchQueue.concurrentPerform`, `Thread`): it would wait for the enclosing scope, which waits
/// for it. (Same-count scopes there are fine — `.one` inside `.one`.)
///
/// When a multi-threaded scope ends and the restored count is 1, OpenBLAS's worker threads are stopped
/// (`blas_thread_shutdown_`): otherwise they spin for a while (`sched_yield`), taking cores from the
/// program's own parallel work. OpenBLAS starts them again on the next multi-threaded call.
public enum BLASThreads {
    /// The bookkeeping shared by all scopes, guarded by `condition`'s lock.
    private final class State: @unchecked Sendable {
        let condition = NSCondition()
        /// Scopes currently open (all with count `current`).
        var active = 0
        /// The OpenBLAS setting while `active > 0`.
        var current = 0
        /// The setting found when the first of the open scopes began; restored when the last ends.
        var restore = 0
    }

    private static let state = State()

    /// The count of the scope the current task/thread is inside, if any (nested scopes inherit it).
    @TaskLocal private static var enclosingCount: Int?

    /// Processors OpenBLAS detected (the most threads it will use).
    public static var processorCount: Int { Swift.max(1, LAPACK.openBLASProcessorCount()) }

    /// The current process-wide OpenBLAS setting (`openblas_get_num_threads`).
    public static var currentCount: Int { LAPACK.openBLASThreadCount() }

    /// Runs `body` with OpenBLAS set to `count` threads, restoring the previous setting afterwards.
    public static func with<T>(_ count: BLASThreadCount, _ body: () throws -> T) rethrows -> T {
        try with(count.resolved, body)
    }

    /// Runs `body` with OpenBLAS set to `n` threads (clamped to 1…processors), restoring the previous
    /// setting afterwards (see the type's documentation for concurrent and nested scopes).
    public static func with<T>(_ n: Int, _ body: () throws -> T) rethrows -> T {
        if enclosingCount != nil { return try body() }
        let n = Swift.min(Swift.max(n, 1), processorCount)
        enter(n)
        defer { leave() }
        return try $enclosingCount.withValue(n) { try body() }
    }

    /// Stops the worker threads OpenBLAS starts when it is loaded and sets one thread.
    ///
    /// OpenBLAS's library constructor starts (processors − 1) worker threads, which spin
    /// (`sched_yield`) for a while before they sleep, taking a core from the program's own work at start
    /// — while Interphase's default is one thread per call anyway. Call this once at program start
    /// (the CLI does, in `main`), before other threads use BLAS; it waits for any open scope to end.
    /// Scopes with `.all` start the workers again for their duration.
    public static func releaseLoadTimeWorkers() {
        precondition(enclosingCount == nil, "BLASThreads.releaseLoadTimeWorkers() inside a BLASThreads scope would wait for itself")
        let s = state
        s.condition.lock()
        defer { s.condition.unlock() }
        while s.active > 0 { s.condition.wait() }
        LAPACK.setOpenBLASThreads(1)
        LAPACK.stopOpenBLASWorkers()
    }

    private static func enter(_ n: Int) {
        let s = state
        s.condition.lock()
        defer { s.condition.unlock() }
        while s.active > 0 && s.current != n { s.condition.wait() }
        if s.active == 0 {
            let previous = LAPACK.openBLASThreadCount()
            s.restore = previous
            if previous != n { LAPACK.setOpenBLASThreads(n) }
            s.current = n
        }
        s.active += 1
    }

    private static func leave() {
        let s = state
        s.condition.lock()
        defer { s.condition.unlock() }
        s.active -= 1
        guard s.active == 0 else { return }
        if s.current != s.restore {
            LAPACK.setOpenBLASThreads(s.restore)
            if s.restore == 1 { LAPACK.stopOpenBLASWorkers() }
        }
        s.condition.broadcast()
    }
}
