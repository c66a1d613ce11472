import CLapack
import InterphaseCore

/// Every BLAS and LAPACK call in Interphase goes through this file and `BLAS+C.swift` (OpenBLAS underneath, Fortran 77
/// interface: see Sources/CLapack/shim.h).
///
/// Conventions of the wrappers:
/// - Matrices are column-major (`Matrix`, `MatrixView`, `MutableMatrixView`), as LAPACK expects, so
///   nothing is rearranged on the way in or out. A sub-block is passed as a view with the enclosing
///   matrix's leading dimension, without a copy.
/// - Read-only inputs are read in place (`withUnsafeBufferPointer`), never copied. Inputs LAPACK
///   overwrites are taken either as a `MutableMatrixView` (labelled `overwriting:`, the caller's memory
///   is destroyed or receives the result) or as a `consuming Matrix`: pass a matrix you no longer
///   need (or `consume` it) and LAPACK works in its storage; if the caller still holds the value,
///   copy-on-write copies it once, which is the one copy overwriting needs.
/// - Dimensions are checked before the call and mismatches throw `.invalidParameter` with the
///   dimensions. `info` is checked after it: a singular or indefinite matrix throws `.library`, an
///   iteration that did not converge `.notConverged`; every message starts with the routine's name
///   ("LAPACK dpotrf: …").
/// - Each wrapper runs inside `BLASThreads.with(threads)`; the default `.one` suits the small
///   problems that are the common case (see `BLASThreadCount`).
public enum LAPACK {
    // MARK: OpenBLAS threads (used by BLASThreads)

    static func openBLASThreadCount() -> Int { Int(openblas_get_num_threads()) }
    static func openBLASProcessorCount() -> Int { Int(openblas_get_num_procs()) }
    static func setOpenBLASThreads(_ n: Int) { openblas_set_num_threads(Int32(n)) }
    static func stopOpenBLASWorkers() { _ = blas_thread_shutdown_() }

    // MARK: Helpers

    /// A dimension as LAPACK's 32-bit INTEGER (Debian's OpenBLAS is LP64).
    static func int32(_ value: Int, _ routine: String) throws -> Int32 {
        guard let v = Int32(exactly: value) else {
            throw InterphaseError(.invalidParameter, "\(routine): dimension \(value) exceeds LAPACK's 32-bit integers")
        }
        return v
    }

    static func mismatch(_ routine: String, _ what: String) -> InterphaseError {
        InterphaseError(.invalidParameter, "\(routine): \(what)")
    }

    /// info < 0: argument −info was rejected — a bug in this file, since dimensions are checked first.
    private static func checkArguments(_ info: Int32, _ routine: String) throws {
        if info < 0 { throw InterphaseError(.library, "\(routine): argument \(-info) is invalid") }
    }

    /// A X = B with A n×n and B n×k, for the LU solves (`dgesv`, `zgesv`).
    private static func checkSquareSystem(_ routine: String, a: (rows: Int, columns: Int), b: (rows: Int, columns: Int)) throws {
        guard a.rows == a.columns, b.rows == a.rows else {
            throw mismatch(routine, "A is \(a.rows)×\(a.columns) and B is \(b.rows)×\(b.columns); A must be n×n and B n×k")
        }
    }

    /// info of an LU factorisation: > 0 is an exactly zero pivot, U[info, info].
    private static func checkLU(_ info: Int32, _ routine: String) throws {
        try checkArguments(info, routine)
        if info > 0 { throw InterphaseError(.library, "\(routine): the matrix is singular (U[\(info),\(info)] = 0)") }
    }

    /// A workspace size returned by a query call (lwork = −1) in work[0].
    private static func workspace(_ query: Double) -> Int { Swift.max(1, Int(query.rounded(.up))) }

    // MARK: Symmetric eigenproblems

    /// Eigenvalues (ascending) of the symmetric n×n matrix in `a`, by divide and conquer (`dsyevd`):
    /// faster than QR iteration (`dsyev`) when the eigenvectors are wanted, same accuracy. Only the
    /// upper triangle of `a` is read. On return `a` holds the orthonormal eigenvectors as columns
    /// (column k belongs to value k) when `computeVectors`, and is destroyed otherwise.
    /// - Throws: `.invalidParameter` for a non-square `a`; `.notConverged` if the iteration failed.
    public static func symmetricEigen(
        overwriting a: MutableMatrixView, computeVectors: Bool = true, threads: BLASThreadCount = .one
    ) throws -> [Double] {
        let routine = "LAPACK dsyevd"
        guard a.rows == a.columns else { throw mismatch(routine, "the matrix is \(a.rows)×\(a.columns), not square") }
        let n = a.rows
        var w = [Double](repeating: 0, count: n)
        if n == 0 { return w }
        var nn = try int32(n, routine), lda = try int32(a.leadingDimension, routine)
        var info: Int32 = 0
        let jobz = computeVectors ? "V" : "N"
        try BLASThreads.with(threads) {
            var query = 0.0, iquery: Int32 = 0, lwork: Int32 = -1, liwork: Int32 = -1
            dsyevd_(jobz, "U", &nn, a.baseAddress, &lda, &w, &query, &lwork, &iquery, &liwork, &info, 1, 1)
            try checkArguments(info, routine)
            lwork = try int32(workspace(query), routine)
            liwork = Swift.max(1, iquery)
            var work = [Double](repeating: 0, count: Int(lwork))
            var iwork = [Int32](repeating: 0, count: Int(liwork))
            dsyevd_(jobz, "U", &nn, a.baseAddress, &lda, &w, &work, &lwork, &iwork, &liwork, &info, 1, 1)
        }
        try checkArguments(info, routine)
        if info > 0 {
            throw InterphaseError(.notConverged, "\(routine): the divide-and-conquer iteration did not converge (info \(info))")
        }
        return w
    }

    /// A = V Λ Vᵀ for a symmetric matrix (`dsyevd`): eigenvalues ascending and orthonormal eigenvectors
    /// as the columns of `vectors`. Only the upper triangle of `a` is read; LAPACK turns `a`'s storage
    /// into the eigenvectors (see `LAPACK` on `consuming`).
    public static func symmetricEigen(
        _ a: consuming Matrix, threads: BLASThreadCount = .one
    ) throws -> (values: [Double], vectors: Matrix) {
        let values = try a.withMutableView { try symmetricEigen(overwriting: $0, computeVectors: true, threads: threads) }
        return (values, a)
    }

    /// Eigenvalues only (ascending) of a symmetric matrix (`dsyevd`, jobz = N).
    public static func symmetricEigenvalues(_ a: consuming Matrix, threads: BLASThreadCount = .one) throws -> [Double] {
        try a.withMutableView { try symmetricEigen(overwriting: $0, computeVectors: false, threads: threads) }
    }

    /// Eigenvalues (ascending) and eigenvectors (columns, column-major) of a symmetric matrix
    /// (`dsyevd`). Array form kept for existing callers; `a` is copied once (LAPACK overwrites it).
    public static func symmetricEigen(_ a: [Double], order n: Int) throws -> (values: [Double], vectors: [Double]) {
        guard a.count == n * n else {
            throw mismatch("LAPACK dsyevd", "\(a.count) values for a \(n)×\(n) matrix")
        }
        let (values, vectors) = try symmetricEigen(Matrix(rows: n, columns: n, columnMajor: a))
        return (values, vectors.storage)
    }

    /// The generalized symmetric-definite eigenproblem A x = λ B x (`dsygvd`, itype 1: divide and
    /// conquer after reducing to C = L⁻¹ A L⁻ᵀ with B = L Lᵀ), as in normal modes (stiffness and mass)
    /// or a weighted least-squares metric. A symmetric, B symmetric positive definite; only their
    /// upper triangles are read. Returns the eigenvalues ascending; `a` then holds the eigenvectors X
    /// as columns, normalised so that Xᵀ B X = I (when `computeVectors`), and `b` its Cholesky factor.
    /// - Throws: `.invalidParameter` for non-square or different sizes; `.library` when B is not
    ///   positive definite; `.notConverged` if the iteration failed.
    public static func generalizedSymmetricEigen(
        overwriting a: MutableMatrixView, _ b: MutableMatrixView, computeVectors: Bool = true,
        threads: BLASThreadCount = .one
    ) throws -> [Double] {
        let routine = "LAPACK dsygvd"
        guard a.rows == a.columns, b.rows == b.columns, a.rows == b.rows else {
            throw mismatch(routine, "A is \(a.rows)×\(a.columns) and B is \(b.rows)×\(b.columns); both must be n×n")
        }
        let n = a.rows
        var w = [Double](repeating: 0, count: n)
        if n == 0 { return w }
        var itype: Int32 = 1, nn = try int32(n, routine)
        var lda = try int32(a.leadingDimension, routine), ldb = try int32(b.leadingDimension, routine)
        var info: Int32 = 0
        let jobz = computeVectors ? "V" : "N"
        try BLASThreads.with(threads) {
            var query = 0.0, iquery: Int32 = 0, lwork: Int32 = -1, liwork: Int32 = -1
            dsygvd_(&itype, jobz, "U", &nn, a.baseAddress, &lda, b.baseAddress, &ldb, &w, &query, &lwork, &iquery, &liwork, &info, 1, 1)
            try checkArguments(info, routine)
            lwork = try int32(workspace(query), routine)
            liwork = Swift.max(1, iquery)
            var work = [Double](repeating: 0, count: Int(lwork))
            var iwork = [Int32](repeating: 0, count: Int(liwork))
            dsygvd_(&itype, jobz, "U", &nn, a.baseAddress, &lda, b.baseAddress, &ldb, &w, &work, &lwork, &iwork, &liwork, &info, 1, 1)
        }
        try checkArguments(info, routine)
        if info > Int32(n) {
            throw InterphaseError(
                .library, "\(routine): B is not positive definite (its leading minor of order \(Int(info) - n) is not)")
        }
        if info > 0 {
            throw InterphaseError(.notConverged, "\(routine): the divide-and-conquer iteration did not converge (info \(info))")
        }
        return w
    }

    /// A x = λ B x (`dsygvd`, itype 1) on whole matrices: eigenvalues ascending and B-orthonormal
    /// eigenvectors (Xᵀ B X = I) as columns. Both inputs are overwritten (see `LAPACK` on `consuming`).
    public static func generalizedSymmetricEigen(
        _ a: consuming Matrix, _ b: consuming Matrix, threads: BLASThreadCount = .one
    ) throws -> (values: [Double], vectors: Matrix) {
        let values = try a.withMutableView { av in
            try b.withMutableView { bv in try generalizedSymmetricEigen(overwriting: av, bv, threads: threads) }
        }
        return (values, a)
    }

    // MARK: Cholesky

    /// A = L Lᵀ for a symmetric positive definite A (`dpotrf`, lower): the cheapest factorisation of
    /// normal-equation and covariance matrices, and a test of positive definiteness. Reads the lower
    /// triangle of `a` and overwrites it with L; the strictly upper part is left untouched.
    /// - Throws: `.library` when A is not positive definite (the order of the failing leading minor).
    public static func cholesky(overwriting a: MutableMatrixView, threads: BLASThreadCount = .one) throws {
        let routine = "LAPACK dpotrf"
        guard a.rows == a.columns else { throw mismatch(routine, "the matrix is \(a.rows)×\(a.columns), not square") }
        if a.rows == 0 { return }
        var nn = try int32(a.rows, routine), lda = try int32(a.leadingDimension, routine), info: Int32 = 0
        BLASThreads.with(threads) { dpotrf_("L", &nn, a.baseAddress, &lda, &info, 1) }
        try checkArguments(info, routine)
        if info > 0 {
            throw InterphaseError(
                .library, "\(routine): the matrix is not positive definite (its leading minor of order \(info) is not)")
        }
    }

    /// The lower Cholesky factor L of a symmetric positive definite A (`dpotrf`), zeros above the
    /// diagonal. Only A's lower triangle is read; its storage becomes L (see `LAPACK` on `consuming`).
    public static func cholesky(_ a: consuming Matrix, threads: BLASThreadCount = .one) throws -> Matrix {
        try a.withMutableView { av in
            try cholesky(overwriting: av, threads: threads)
            for j in 0..<av.columns {
                for i in 0..<j { av[i, j] = 0 }
            }
        }
        return a
    }

    /// Solves A X = B given A's lower Cholesky factor L from `cholesky` (`dpotrs`: two triangular
    /// solves, O(n²) per right-hand side). Only L's lower triangle is read; `b` is overwritten by X.
    public static func choleskySolve(
        factor l: MatrixView, overwriting b: MutableMatrixView, threads: BLASThreadCount = .one
    ) throws {
        let routine = "LAPACK dpotrs"
        guard l.rows == l.columns else { throw mismatch(routine, "the factor is \(l.rows)×\(l.columns), not square") }
        guard b.rows == l.rows else {
            throw mismatch(routine, "the factor is \(l.rows)×\(l.columns) but B has \(b.rows) rows")
        }
        if l.rows == 0 || b.columns == 0 { return }
        var nn = try int32(l.rows, routine), nrhs = try int32(b.columns, routine)
        var lda = try int32(l.leadingDimension, routine), ldb = try int32(b.leadingDimension, routine), info: Int32 = 0
        BLASThreads.with(threads) { dpotrs_("L", &nn, &nrhs, l.baseAddress, &lda, b.baseAddress, &ldb, &info, 1) }
        try checkArguments(info, routine)
    }

    /// X with A X = B from A's lower Cholesky factor (`dpotrs`); `b`'s storage becomes X.
    public static func choleskySolve(factor l: Matrix, _ b: consuming Matrix, threads: BLASThreadCount = .one) throws -> Matrix {
        try l.withView { lv in try b.withMutableView { try choleskySolve(factor: lv, overwriting: $0, threads: threads) } }
        return b
    }

    // MARK: Linear systems and least squares

    /// Solves the square system A X = B by LU with partial pivoting (`dgesv`). A's storage is destroyed
    /// (it receives the LU factors) and B's becomes X (see `LAPACK` on `consuming`).
    /// - Throws: `.invalidParameter` for mismatched sizes; `.library` when A is exactly singular.
    public static func solve(_ a: consuming Matrix, _ b: consuming Matrix, threads: BLASThreadCount = .one) throws -> Matrix {
        let routine = "LAPACK dgesv"
        try checkSquareSystem(routine, a: (a.rows, a.columns), b: (b.rows, b.columns))
        let n = a.rows
        if n == 0 || b.columns == 0 { return b }
        var nn = try int32(n, routine), nrhs = try int32(b.columns, routine), lda = nn, ldb = nn, info: Int32 = 0
        var pivots = [Int32](repeating: 0, count: n)
        a.withMutableView { av in
            b.withMutableView { bv in
                BLASThreads.with(threads) { dgesv_(&nn, &nrhs, av.baseAddress, &lda, &pivots, bv.baseAddress, &ldb, &info) }
            }
        }
        try checkLU(info, routine)
        return b
    }

    /// Solves the square system A X = B by LU with partial pivoting (`dgesv`). Array form kept for
    /// existing callers: `a` (n·n, column-major) and `b` (n·nrhs) are each copied once, since LAPACK
    /// overwrites them.
    public static func solve(_ a: [Double], order n: Int, _ b: [Double], rightHandSides nrhs: Int = 1) throws -> [Double] {
        guard a.count == n * n, b.count == n * nrhs else {
            throw mismatch("LAPACK dgesv", "\(a.count) values for a \(n)×\(n) matrix and \(b.count) for \(n)×\(nrhs) right-hand sides")
        }
        return try solve(Matrix(rows: n, columns: n, columnMajor: a), Matrix(rows: n, columns: nrhs, columnMajor: b)).storage
    }

    /// Solves the complex square system A X = B by LU with partial pivoting (`zgesv`) — e.g. the
    /// linear systems of impedance and frequency-domain models. A's storage receives the LU factors and
    /// B's becomes X (see `LAPACK` on `consuming`).
    /// - Throws: `.invalidParameter` for mismatched sizes; `.library` when A is exactly singular.
    public static func solve(
        _ a: consuming ComplexMatrix, _ b: consuming ComplexMatrix, threads: BLASThreadCount = .one
    ) throws -> ComplexMatrix {
        let routine = "LAPACK zgesv"
        try checkSquareSystem(routine, a: (a.rows, a.columns), b: (b.rows, b.columns))
        let n = a.rows
        if n == 0 || b.columns == 0 { return b }
        var nn = try int32(n, routine), nrhs = try int32(b.columns, routine), lda = nn, ldb = nn, info: Int32 = 0
        var pivots = [Int32](repeating: 0, count: n)
        a.withUnsafeMutableInterleaved { ap in
            b.withUnsafeMutableInterleaved { bp in
                BLASThreads.with(threads) { zgesv_(&nn, &nrhs, ap.baseAddress, &lda, &pivots, bp.baseAddress, &ldb, &info) }
            }
        }
        try checkLU(info, routine)
        return b
    }

    /// min ‖A X − B‖₂ for a full-rank m×n A (m ≥ n) by Householder QR (`dgels`): the cheapest least
    /// squares when A is known to have full column rank; use `minimumNormLeastSquares` otherwise.
    /// A's and B's storage are overwritten (see `LAPACK` on `consuming`); returns the n×k solution.
    /// - Throws: `.invalidParameter` for m < n or mismatched rows; `.library` when A is rank deficient.
    public static func leastSquares(_ a: consuming Matrix, _ b: consuming Matrix, threads: BLASThreadCount = .one) throws -> Matrix {
        let routine = "LAPACK dgels"
        let m = a.rows, n = a.columns, nrhs = b.columns
        guard m >= n, n > 0 else {
            throw InterphaseError(.invalidParameter, "\(routine): least squares needs at least as many rows (\(m)) as unknowns (\(n))")
        }
        guard b.rows == m else { throw mismatch(routine, "A is \(m)×\(n) but B has \(b.rows) rows") }
        var mm = try int32(m, routine), nn = try int32(n, routine), rhs = try int32(nrhs, routine)
        var lda = mm, ldb = mm, info: Int32 = 0
        if nrhs > 0 {
            try a.withMutableView { av in
                try b.withMutableView { bv in
                    try BLASThreads.with(threads) {
                        var query = 0.0, lwork: Int32 = -1
                        dgels_("N", &mm, &nn, &rhs, av.baseAddress, &lda, bv.baseAddress, &ldb, &query, &lwork, &info, 1)
                        try checkArguments(info, routine)
                        lwork = try int32(workspace(query), routine)
                        var work = [Double](repeating: 0, count: Int(lwork))
                        dgels_("N", &mm, &nn, &rhs, av.baseAddress, &lda, bv.baseAddress, &ldb, &work, &lwork, &info, 1)
                    }
                }
            }
        }
        try checkArguments(info, routine)
        if info > 0 {
            throw InterphaseError(.library, "\(routine): the matrix is rank deficient (diagonal \(info) of R is zero)")
        }
        return m == n ? b : b.block(rows: 0..<n, columns: 0..<nrhs)
    }

    /// Solves min ‖A x − b‖₂ for a full-rank m × n matrix A (m ≥ n) by Householder QR (`dgels`).
    /// Array form kept for existing callers (SavitzkyGolay).
    /// - Parameters:
    ///   - a: A in column-major order, m·n values (copied once: LAPACK overwrites it).
    ///   - b: right-hand sides, m × nrhs column-major (copied once).
    /// - Returns: the n × nrhs solution, column-major.
    public static func leastSquares(_ a: [Double], rows m: Int, columns n: Int, _ b: [Double], rightHandSides nrhs: Int = 1) throws -> [Double] {
        guard a.count == m * n, b.count == m * nrhs else {
            throw mismatch("LAPACK dgels", "\(a.count) values for a \(m)×\(n) matrix and \(b.count) for \(m)×\(nrhs) right-hand sides")
        }
        return try leastSquares(
            Matrix(rows: m, columns: n, columnMajor: a), Matrix(rows: m, columns: nrhs, columnMajor: b)
        ).storage
    }

    /// Minimum-norm least squares by SVD (`dgelsd`, divide and conquer): of all X minimising
    /// ‖A X − B‖₂, the one of least norm — X = A⁺ B with singular values σᵢ ≤ rcond·σ₁ treated as zero.
    /// Works for any m×n A, rank deficient or underdetermined (the robust choice for ill-posed fits).
    /// - Parameters:
    ///   - a: m×n; destroyed.
    ///   - b: max(m, n) × k; on entry its first m rows hold B, on return its first n rows hold X.
    ///   - rcond: relative threshold for the numerical rank; negative means machine precision.
    /// - Returns: the effective rank and A's singular values (descending, min(m, n) of them).
    /// - Throws: `.invalidParameter` when b has not max(m, n) rows; `.notConverged` if the SVD failed.
    public static func minimumNormLeastSquares(
        overwriting a: MutableMatrixView, _ b: MutableMatrixView, rcond: Double = -1, threads: BLASThreadCount = .one
    ) throws -> (rank: Int, singularValues: [Double]) {
        let routine = "LAPACK dgelsd"
        let m = a.rows, n = a.columns
        guard b.rows == Swift.max(m, n) else {
            throw mismatch(routine, "A is \(m)×\(n) so B needs max(m, n) = \(Swift.max(m, n)) rows, it has \(b.rows)")
        }
        var s = [Double](repeating: 0, count: Swift.min(m, n))
        if m == 0 || n == 0 || b.columns == 0 {
            if n > 0 { b.block(rows: 0..<n, columns: 0..<b.columns).fill(0) }
            return (0, s)
        }
        var mm = try int32(m, routine), nn = try int32(n, routine), nrhs = try int32(b.columns, routine)
        var lda = try int32(a.leadingDimension, routine), ldb = try int32(b.leadingDimension, routine)
        var rcond = rcond, rank: Int32 = 0, info: Int32 = 0
        try BLASThreads.with(threads) {
            var query = 0.0, iquery: Int32 = 0, lwork: Int32 = -1
            dgelsd_(&mm, &nn, &nrhs, a.baseAddress, &lda, b.baseAddress, &ldb, &s, &rcond, &rank, &query, &lwork, &iquery, &info)
            try checkArguments(info, routine)
            lwork = try int32(workspace(query), routine)
            var work = [Double](repeating: 0, count: Int(lwork))
            var iwork = [Int32](repeating: 0, count: Swift.max(1, Int(iquery)))
            dgelsd_(&mm, &nn, &nrhs, a.baseAddress, &lda, b.baseAddress, &ldb, &s, &rcond, &rank, &work, &lwork, &iwork, &info)
        }
        try checkArguments(info, routine)
        if info > 0 {
            throw InterphaseError(.notConverged, "\(routine): the SVD did not converge (\(info) off-diagonal elements did not reach zero)")
        }
        return (Int(rank), s)
    }

    /// X = A⁺ B, the minimum-norm least-squares solution (`dgelsd`; see the view overload), for an m×n
    /// A and m×k B. A is destroyed; B is worked on in place when m ≥ n, and copied once into a
    /// max(m, n)-row matrix when the system is underdetermined (LAPACK returns the n-row X in B).
    public static func minimumNormLeastSquares(
        _ a: consuming Matrix, _ b: consuming Matrix, rcond: Double = -1, threads: BLASThreadCount = .one
    ) throws -> (solution: Matrix, rank: Int, singularValues: [Double]) {
        let m = a.rows, n = a.columns, k = b.columns
        guard b.rows == m else { throw mismatch("LAPACK dgelsd", "A is \(m)×\(n) but B has \(b.rows) rows") }
        var work: Matrix
        if n > m {
            work = Matrix(rows: n, columns: k)
            b.withView { bv in work.withMutableView(rows: 0..<m, columns: 0..<k) { $0.assign(bv) } }
        } else {
            work = b
        }
        let (rank, s) = try a.withMutableView { av in
            try work.withMutableView { try minimumNormLeastSquares(overwriting: av, $0, rcond: rcond, threads: threads) }
        }
        let x = work.rows == n ? work : work.block(rows: 0..<n, columns: 0..<k)
        return (x, rank, s)
    }

    /// x = A⁺ b for one right-hand side (`dgelsd`; see the matrix overload).
    public static func minimumNormLeastSquares(
        _ a: consuming Matrix, _ b: [Double], rcond: Double = -1, threads: BLASThreadCount = .one
    ) throws -> (solution: [Double], rank: Int, singularValues: [Double]) {
        let (x, rank, s) = try minimumNormLeastSquares(
            a, Matrix(rows: b.count, columns: 1, columnMajor: b), rcond: rcond, threads: threads)
        return (x.storage, rank, s)
    }

    // MARK: Singular value decomposition

    /// The thin SVD A = U Σ Vᵀ (`dgesvd`, jobu = jobvt = S): for an m×n A and p = min(m, n), U is m×p
    /// with orthonormal columns, Σ's diagonal (descending, ≥ 0) is returned as `singularValues`, and Vᵀ
    /// is p×n with orthonormal rows. `a` is destroyed.
    /// - Throws: `.notConverged` if the bidiagonal QR iteration failed.
    public static func singularValueDecomposition(
        overwriting a: MutableMatrixView, threads: BLASThreadCount = .one
    ) throws -> (u: Matrix, singularValues: [Double], vt: Matrix) {
        let m = a.rows, n = a.columns, p = Swift.min(m, n)
        var u = Matrix(rows: m, columns: p), vt = Matrix(rows: p, columns: n)
        let s = try u.withMutableView { uv in
            try vt.withMutableView { vtv in try gesvd(a, u: uv, vt: vtv, threads: threads) }
        }
        return (u, s, vt)
    }

    /// The thin SVD A = U Σ Vᵀ (`dgesvd`) of a whole matrix, whose storage is destroyed (see `LAPACK` on
    /// `consuming`).
    public static func singularValueDecomposition(
        _ a: consuming Matrix, threads: BLASThreadCount = .one
    ) throws -> (u: Matrix, singularValues: [Double], vt: Matrix) {
        try a.withMutableView { try singularValueDecomposition(overwriting: $0, threads: threads) }
    }

    /// Singular values only, descending (`dgesvd`, jobu = jobvt = N): for ranks and condition numbers.
    public static func singularValues(_ a: consuming Matrix, threads: BLASThreadCount = .one) throws -> [Double] {
        try a.withMutableView { try gesvd($0, u: nil, vt: nil, threads: threads) }
    }

    /// `dgesvd` with thin U and Vᵀ into the given views, or values only when they are nil.
    private static func gesvd(
        _ a: MutableMatrixView, u: MutableMatrixView?, vt: MutableMatrixView?, threads: BLASThreadCount
    ) throws -> [Double] {
        let routine = "LAPACK dgesvd"
        let m = a.rows, n = a.columns, p = Swift.min(m, n)
        var s = [Double](repeating: 0, count: p)
        if p == 0 { return s }
        let job = u == nil ? "N" : "S"
        var mm = try int32(m, routine), nn = try int32(n, routine), lda = try int32(a.leadingDimension, routine)
        var ldu = try int32(u?.leadingDimension ?? 1, routine), ldvt = try int32(vt?.leadingDimension ?? 1, routine)
        var info: Int32 = 0
        try BLASThreads.with(threads) {
            var query = 0.0, lwork: Int32 = -1
            dgesvd_(job, job, &mm, &nn, a.baseAddress, &lda, &s, u?.baseAddress, &ldu, vt?.baseAddress, &ldvt, &query, &lwork, &info, 1, 1)
            try checkArguments(info, routine)
            lwork = try int32(workspace(query), routine)
            var work = [Double](repeating: 0, count: Int(lwork))
            dgesvd_(job, job, &mm, &nn, a.baseAddress, &lda, &s, u?.baseAddress, &ldu, vt?.baseAddress, &ldvt, &work, &lwork, &info, 1, 1)
        }
        try checkArguments(info, routine)
        if info > 0 {
            throw InterphaseError(
                .notConverged, "\(routine): \(info) superdiagonals of the bidiagonal form did not converge to zero")
        }
        return s
    }
}
