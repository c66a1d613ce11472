import Dispatch

/// Work spread over the machine's cores (libdispatch's `concurrentPerform`: one thread per core, the
/// iterations handed out as threads free up), or run in order when it is too small to pay for threads.
public enum Parallel {
    /// Calls `body(0) … body(count − 1)`, concurrently when `parallel`; returns when all have run.
    /// `body` must write only to storage that no other iteration touches.
    public static func forEach(_ count: Int, parallel: Bool = true, _ body: (Int) -> Void) {
        if parallel && count > 1 {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        } else {
            for k in 0..<count { body(k) }
        }
    }

    /// Runs independent pieces of work, concurrently when `parallel`.
    public static func run(parallel: Bool = true, _ work: [() -> Void]) {
        forEach(work.count, parallel: parallel) { work[$0]() }
    }
}
