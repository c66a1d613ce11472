import Dispatch
import Foundation

/// Work spread over the machine's cores (libdispatch's `concurrentPerform`: one thread per core, the
/// iterations handed out as threads free up), or run in order when it is too small to pay for threads.
///
/// Closures are `@Sendable`, so the compiler (Swift 6 language mode) checks that iterations share no
/// mutable state; results come back as values (`map`, `pair`, `triple`) or through `mutate`, which hands
/// each closure exclusive access to one of the caller's variables. Call sites never write through raw
/// buffers of their own. Errors: the error of the lowest failing index (or first closure) is rethrown
/// after every iteration has finished, so no work is left running.
public enum Parallel {
    /// The number of cores this process may use (≥ 1).
    public static var coreCount: Int { max(ProcessInfo.processInfo.activeProcessorCount, 1) }

    /// Calls `body(0) … body(count − 1)`, concurrently when `parallel`; returns when all have run.
    public static func forEach(_ count: Int, parallel: Bool = true, _ body: @Sendable (Int) -> Void) {
        if parallel && count > 1 && coreCount > 1 {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        } else {
            for k in 0..<count { body(k) }
        }
    }

    /// `[body(0), …, body(count − 1)]`, computed concurrently when `parallel`.
    /// - Throws: the error thrown for the lowest index, once every iteration has finished.
    public static func map<T, E: Error>(_ count: Int, parallel: Bool = true,
                                        _ body: @Sendable (Int) throws(E) -> T) throws(E) -> [T] {
        guard count > 0 else { return [] }
        let slots = Slots<Result<T, E>>(count)
        forEach(count, parallel: parallel) { k in
            do throws(E) { slots.set(k, .success(try body(k))) } catch { slots.set(k, .failure(error)) }
        }
        var values: [T] = []
        values.reserveCapacity(count)
        for result in slots.take() {
            switch result {
            case let .success(value): values.append(value)
            case let .failure(error): throw error
            }
        }
        return values
    }

    /// Both results, the closures run concurrently when `parallel`.
    /// - Throws: the first closure's error if it threw, else the second's.
    public static func pair<A, B>(parallel: Bool = true, _ a: @Sendable () throws -> A,
                                  _ b: @Sendable () throws -> B) throws -> (A, B) {
        let first = Slots<Result<A, any Error>>(1), second = Slots<Result<B, any Error>>(1)
        forEach(2, parallel: parallel) { k in
            if k == 0 { first.set(0, Result { try a() }) } else { second.set(0, Result { try b() }) }
        }
        return (try first.take()[0].get(), try second.take()[0].get())
    }

    /// The three results, the closures run concurrently when `parallel`.
    public static func triple<A, B, C>(parallel: Bool = true, _ a: @Sendable () throws -> A,
                                       _ b: @Sendable () throws -> B, _ c: @Sendable () throws -> C) throws -> (A, B, C) {
        let first = Slots<Result<A, any Error>>(1), second = Slots<Result<B, any Error>>(1)
        let third = Slots<Result<C, any Error>>(1)
        forEach(3, parallel: parallel) { k in
            switch k {
            case 0: first.set(0, Result { try a() })
            case 1: second.set(0, Result { try b() })
            default: third.set(0, Result { try c() })
            }
        }
        return (try first.take()[0].get(), try second.take()[0].get(), try third.take()[0].get())
    }

    /// Runs `first(&a)` and `second(&b)` concurrently when `parallel`: each closure has exclusive access
    /// to one variable, mutated in place (a large column is rebased without a copy).
    public static func mutate<A, B>(_ a: inout A, _ b: inout B, parallel: Bool = true,
                                    _ first: @Sendable (inout A) -> Void, _ second: @Sendable (inout B) -> Void) {
        withUnsafeMutablePointer(to: &a) { pa in
            withUnsafeMutablePointer(to: &b) { pb in
                // The two pointers address distinct variables of the caller, alive for this call: each
                // iteration touches only its own, which is what makes sending them sound.
                let pointers = UncheckedSendable((pa, pb))
                forEach(2, parallel: parallel) { k in
                    if k == 0 { first(&pointers.value.0.pointee) } else { second(&pointers.value.1.pointee) }
                }
            }
        }
    }

    /// `0..<count` cut into at most `coreCount` contiguous ranges of at least `minimumLength` elements
    /// (one range when `count` is small): the parts of a split-by-cores loop.
    public static func ranges(_ count: Int, minimumLength: Int = 1) -> [Range<Int>] {
        let parts = max(1, min(coreCount, count / max(minimumLength, 1)))
        return (0..<parts).map { k in (count * k / parts)..<(count * (k + 1) / parts) }
    }
}

/// Write-once result slots for concurrent iterations: iteration k writes only slot k, and the slots are
/// read only after `concurrentPerform` returned (its completion orders the writes before the read).
/// The storage is allocated once, so concurrent writes to distinct slots touch no shared Swift variable
/// (an array property mutated from two threads would trip the exclusivity checks).
private final class Slots<T>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T?>

    init(_ count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    func set(_ k: Int, _ value: T) { storage[k] = value }

    func take() -> [T] { storage.map { $0! } }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
}

/// A value sent across threads by a caller that guarantees exclusive use (see `Parallel.mutate`).
struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

extension Parallel {
    /// A value handed to one concurrent closure, which takes it out without a copy (a large column
    /// captured by value would be copied on its first mutation, because the capture keeps a reference).
    public final class Handoff<Value>: @unchecked Sendable {
        private var value: Value?
        private let lock = NSLock()

        public init(_ value: Value?) { self.value = value }

        /// The value, once; nil afterwards.
        public func take() -> Value? {
            lock.lock()
            defer { lock.unlock() }
            let taken = value
            value = nil
            return taken
        }
    }
}

extension Parallel {
    /// A count shared by concurrent closures (work done, for a progress bar).
    public final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()

        public init() {}

        /// Adds one and returns the new count.
        public func increment() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
