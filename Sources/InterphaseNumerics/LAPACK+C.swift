import CLapack
import InterphaseCore

/// Every LAPACK call in Interphase goes through this file (OpenBLAS underneath). Matrices are
/// column-major, as LAPACK expects; the wrappers check `info` and turn failures into `InterphaseError`.
public enum LAPACK {
    /// Interphase's dense problems are small (Savitzky–Golay, fits with a handful of parameters): one
    /// OpenBLAS thread is fastest, and it leaves no worker threads spinning after the call.
    /// OpenBLAS starts its worker threads when it is loaded, and they spin (`sched_yield`) for a while
    /// before they sleep, taking a core from the program's own parallel work: set one thread and stop them.
    private static let singleThreaded: Void = {
        openblas_set_num_threads(1)
        _ = blas_thread_shutdown_()
    }()

    /// Applies `singleThreaded` now: call at program start.
    public static func configureThreads() { _ = singleThreaded }

    /// Solves min ‖A x − b‖₂ for a full-rank m × n matrix A (m ≥ n) by Householder QR (`dgels`).
    /// - Parameters:
    ///   - a: A in column-major order, m·n values (overwritten copy inside).
    ///   - b: right-hand sides, m × nrhs column-major.
    /// - Returns: the n × nrhs solution, column-major.
    public static func leastSquares(_ a: [Double], rows m: Int, columns n: Int, _ b: [Double], rightHandSides nrhs: Int = 1) throws -> [Double] {
        precondition(a.count == m * n && b.count == m * nrhs, "leastSquares: array sizes do not match the dimensions")
        _ = singleThreaded
        guard m >= n, n > 0 else {
            throw InterphaseError(.invalidParameter, "least squares needs at least as many rows (\(m)) as unknowns (\(n))")
        }
        var a = a
        var b = b
        var trans = CChar(UInt8(ascii: "N"))
        var mm = Int32(m), nn = Int32(n), rhs = Int32(nrhs), lda = Int32(m), ldb = Int32(m)
        var info: Int32 = 0
        var query = 0.0
        var lwork: Int32 = -1
        dgels_(&trans, &mm, &nn, &rhs, &a, &lda, &b, &ldb, &query, &lwork, &info)
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: max(Int(lwork), 1))
        dgels_(&trans, &mm, &nn, &rhs, &a, &lda, &b, &ldb, &work, &lwork, &info)
        if info > 0 {
            throw InterphaseError(.library, "LAPACK dgels: the matrix is rank deficient (diagonal \(info) of R is zero)")
        }
        if info < 0 { throw InterphaseError(.library, "LAPACK dgels: argument \(-info) is invalid") }
        var x = [Double](repeating: 0, count: n * nrhs)
        for k in 0..<nrhs { for i in 0..<n { x[k * n + i] = b[k * m + i] } }
        return x
    }

    /// Solves the square system A X = B by LU with partial pivoting (`dgesv`).
    public static func solve(_ a: [Double], order n: Int, _ b: [Double], rightHandSides nrhs: Int = 1) throws -> [Double] {
        precondition(a.count == n * n && b.count == n * nrhs, "solve: array sizes do not match the dimensions")
        _ = singleThreaded
        var a = a
        var b = b
        var nn = Int32(n), rhs = Int32(nrhs), lda = Int32(n), ldb = Int32(n), info: Int32 = 0
        var pivots = [Int32](repeating: 0, count: n)
        dgesv_(&nn, &rhs, &a, &lda, &pivots, &b, &ldb, &info)
        if info > 0 { throw InterphaseError(.library, "LAPACK dgesv: the matrix is singular (U[\(info),\(info)] = 0)") }
        if info < 0 { throw InterphaseError(.library, "LAPACK dgesv: argument \(-info) is invalid") }
        return b
    }

    /// Eigenvalues (ascending) and eigenvectors (columns, column-major) of a symmetric matrix (`dsyev`).
    public static func symmetricEigen(_ a: [Double], order n: Int) throws -> (values: [Double], vectors: [Double]) {
        precondition(a.count == n * n, "symmetricEigen: array size does not match the order")
        _ = singleThreaded
        var a = a
        var jobz = CChar(UInt8(ascii: "V")), uplo = CChar(UInt8(ascii: "U"))
        var nn = Int32(n), lda = Int32(n), info: Int32 = 0, lwork: Int32 = -1
        var w = [Double](repeating: 0, count: n)
        var query = 0.0
        dsyev_(&jobz, &uplo, &nn, &a, &lda, &w, &query, &lwork, &info)
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: max(Int(lwork), 1))
        dsyev_(&jobz, &uplo, &nn, &a, &lda, &w, &work, &lwork, &info)
        if info != 0 { throw InterphaseError(.notConverged, "LAPACK dsyev failed (info \(info))") }
        return (w, a)
    }
}
