import Dispatch
import Foundation
import InterphaseNumerics
import Testing
import _InterphaseTestSupport

/// Failures gathered on threads the test framework does not know about, checked afterwards.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.lock(); messages.append(message); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return messages }
}

@Suite struct BLASThreadsTests {
    /// Oracle: inside a scope OpenBLAS reports the requested count (`openblas_get_num_threads`); nested
    /// scopes keep the outer count.
    @Test func scopeSetsTheCount() {
        BLASThreads.with(.all) {
            #expect(BLASThreads.currentCount == BLASThreads.processorCount)
            BLASThreads.with(.one) { #expect(BLASThreads.currentCount == BLASThreads.processorCount) }
        }
        BLASThreads.with(.one) { #expect(BLASThreads.currentCount == 1) }
        #expect(BLASThreadCount.exactly(1000).resolved == BLASThreads.processorCount)
        #expect(BLASThreadCount.exactly(0).resolved == 1)
    }

    /// Oracle: the naive triple loop. A product large enough for OpenBLAS to split across threads gives
    /// the same result with `.all` as with `.one`, also after the workers were stopped (they restart).
    @Test func multiThreadedProductAgreesWithSingleThreaded() throws {
        var generator = RandomMatrices(seed: 50)
        let a = generator.matrix(160, 150), b = generator.matrix(150, 140)
        let reference = naiveProduct(a, b)
        BLASThreads.releaseLoadTimeWorkers()
        let all = try LAPACK.product(a, b, threads: .all)
        let one = try LAPACK.product(a, b, threads: .one)
        let again = try LAPACK.product(a, b, threads: .all)
        #expect(maxDifference(all, reference) < 1e-12)
        #expect(maxDifference(one, reference) < 1e-12)
        #expect(maxDifference(again, reference) < 1e-12)
    }

    /// Concurrent callers asking for different counts each see their own count for the whole scope
    /// (the lock makes the others wait) and get correct products; same-count scopes run together.
    @Test func concurrentScopesDoNotFight() throws {
        var generator = RandomMatrices(seed: 51)
        let a = generator.matrix(90, 80), b = generator.matrix(80, 70)
        let reference = naiveProduct(a, b)
        let failures = Failures()
        let processors = BLASThreads.processorCount
        DispatchQueue.concurrentPerform(iterations: 16) { k in
            let count: BLASThreadCount = k % 3 == 0 ? .all : .one
            do {
                try BLASThreads.with(count) {
                    let expected = count == .all ? processors : 1
                    for _ in 0..<3 {
                        let c = try LAPACK.product(a, b, threads: count)
                        if BLASThreads.currentCount != expected {
                            failures.add("iteration \(k): \(BLASThreads.currentCount) threads inside a scope of \(expected)")
                        }
                        if maxDifference(c, reference) > 1e-12 { failures.add("iteration \(k): wrong product") }
                    }
                }
            } catch {
                failures.add("iteration \(k): \(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
    }
}
