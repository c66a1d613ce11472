#if canImport(Glibc)
import Glibc
#endif

/// Arrays of millions of elements, created so the kernel can back them with transparent huge pages.
///
/// On the virtual machines Interphase runs on, a page fault costs several microseconds and a 10 M-row
/// recording touches ~250,000 fresh 4 KiB pages: fault handling was a third of the time of reading a
/// large CSV. `madvise(MADV_HUGEPAGE)` on the 2 MiB-aligned interior of a new array's buffer, before
/// it is first written, makes those faults 512 times fewer (Linux with THP in "madvise" mode, the
/// default on Debian; elsewhere the call is a harmless no-op).
public enum LargeArray {
    /// Below this size the advice is not worth a system call.
    static let threshold = 4 << 20

    /// Builds `[T]` of `count` elements; `initialize` must write every element.
    public static func make<T>(count: Int, _ initialize: (UnsafeMutableBufferPointer<T>) -> Void) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            initialize(buffer)
            initialized = count
        }
    }

    /// `Array(repeating:count:)` with huge-page advice.
    public static func filled<T>(_ value: T, count: Int) -> [T] {
        make(count: count) { $0.initialize(repeating: value) }
    }

    /// A copy of `count` elements from `source`.
    public static func copy<T>(_ source: UnsafePointer<T>, count: Int) -> [T] {
        make(count: count) { $0.baseAddress?.initialize(from: source, count: count) }
    }

    /// Advises huge pages for the 2 MiB-aligned interior of `buffer` and populates its 4 KiB-aligned
    /// range in one call (`MADV_POPULATE_WRITE`, Linux ≥ 5.14): one system call instead of one trap per
    /// page. Both are advice: on older kernels the populate call fails and pages fault in as usual.
    public static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard buffer.count >= threshold, let base = buffer.baseAddress else { return }
        let huge = 2 << 20, page = 4096
        let address = Int(bitPattern: base)
        let start = (address + huge - 1) / huge * huge
        let end = (address + buffer.count) / huge * huge
        if end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) {
            _ = madvise(pointer, end - start, 14) // MADV_HUGEPAGE
        }
        let first = (address + page - 1) / page * page
        let last = (address + buffer.count) / page * page
        if last > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) {
            _ = madvise(pointer, last - first, 23) // MADV_POPULATE_WRITE
        }
        #endif
    }
}
