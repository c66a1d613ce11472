/// How many OpenBLAS threads one BLAS/LAPACK call (or a `BLASThreads.with` scope) may use.
///
/// Threads pay off only for large level-3 work: OpenBLAS splits a product into panels per thread,
/// and for the small dense problems Interphase solves by the thousand (fits with a handful of
/// parameters, Savitzky–Golay windows) the hand-off costs more than the arithmetic. So every wrapper
/// in `LAPACK` defaults to `.one`; pass `.all` for one large product or factorisation.
public enum BLASThreadCount: Sendable, Equatable, Hashable {
    /// One thread: the calling thread does the work. The right choice for many small solves, and the
    /// only one that lets several threads call LAPACK at the same time without waiting (see
    /// `BLASThreads`).
    case one
    /// Every processor OpenBLAS detected (`openblas_get_num_procs`).
    case all
    /// Exactly n threads (clamped to 1…processors).
    case exactly(Int)

    /// The thread count this stands for on this machine.
    public var resolved: Int {
        switch self {
        case .one: return 1
        case .all: return BLASThreads.processorCount
        case .exactly(let n): return Swift.min(Swift.max(n, 1), BLASThreads.processorCount)
        }
    }
}
