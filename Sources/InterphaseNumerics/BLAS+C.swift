import CLapack
import InterphaseCore

/// The BLAS level-3 products (`dgemm`, `dsyrk`, `dsyr2k`), beside the LAPACK calls of `LAPACK+C.swift`:
/// views in, no copies, the thread count scoped to each call (`BLASThreads`).
extension LAPACK {
    // MARK: BLAS level 3

    /// C ← α op(A) op(B) + β C (`dgemm`), op(X) = X or Xᵀ, in place into `c`. When β = 0, C's old
    /// values are not read (NaN there does not propagate). `c` must not overlap `a` or `b`.
    /// - Throws: `.invalidParameter` when op(A) is m×k, op(B) k′×n and C not m×n with k = k′.
    public static func gemm(
        _ a: MatrixView, _ b: MatrixView, into c: MutableMatrixView, transposeA: Bool = false,
        transposeB: Bool = false, alpha: Double = 1, beta: Double = 0, threads: BLASThreadCount = .one
    ) throws {
        let routine = "BLAS dgemm"
        let (m, k) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
        let (kb, n) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
        guard k == kb else {
            throw mismatch(routine, "op(A) is \(m)×\(k) and op(B) is \(kb)×\(n): inner dimensions \(k) and \(kb) differ")
        }
        guard c.rows == m, c.columns == n else {
            throw mismatch(routine, "C is \(c.rows)×\(c.columns) but op(A) op(B) is \(m)×\(n)")
        }
        if m == 0 || n == 0 { return }
        var mm = try int32(m, routine), nn = try int32(n, routine), kk = try int32(k, routine)
        var lda = try int32(a.leadingDimension, routine), ldb = try int32(b.leadingDimension, routine)
        var ldc = try int32(c.leadingDimension, routine)
        var alpha = alpha, beta = beta
        BLASThreads.with(threads) {
            dgemm_(
                transposeA ? "T" : "N", transposeB ? "T" : "N", &mm, &nn, &kk, &alpha, a.baseAddress, &lda,
                b.baseAddress, &ldb, &beta, c.baseAddress, &ldc, 1, 1)
        }
    }

    /// C ← α op(A) op(B) + β C (`dgemm`) on whole matrices; see the view overload. `c` keeps its
    /// storage (no allocation when it is not shared).
    public static func gemm(
        _ a: Matrix, _ b: Matrix, into c: inout Matrix, transposeA: Bool = false, transposeB: Bool = false,
        alpha: Double = 1, beta: Double = 0, threads: BLASThreadCount = .one
    ) throws {
        try a.withView { av in
            try b.withView { bv in
                try c.withMutableView { cv in
                    try gemm(
                        av, bv, into: cv, transposeA: transposeA, transposeB: transposeB, alpha: alpha, beta: beta,
                        threads: threads)
                }
            }
        }
    }

    /// op(A) op(B) as a new matrix (`dgemm` with α = 1, β = 0).
    public static func product(
        _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false, threads: BLASThreadCount = .one
    ) throws -> Matrix {
        var c = Matrix(rows: transposeA ? a.columns : a.rows, columns: transposeB ? b.rows : b.columns)
        try gemm(a, b, into: &c, transposeA: transposeA, transposeB: transposeB, threads: threads)
        return c
    }

    /// C ← α A Aᵀ + β C, or α Aᵀ A + β C with `transpose` (`dsyrk`): the symmetric rank-k update, half
    /// the arithmetic of `gemm` for a Gram matrix (normal equations, covariances). `dsyrk` computes
    /// the upper triangle; it is then mirrored so `c` holds the full symmetric matrix. With β ≠ 0 only
    /// C's upper triangle is read.
    /// - Throws: `.invalidParameter` unless C is n×n with n = rows of op(A).
    public static func syrk(
        _ a: MatrixView, into c: MutableMatrixView, transpose: Bool = false, alpha: Double = 1, beta: Double = 0,
        threads: BLASThreadCount = .one
    ) throws {
        let routine = "BLAS dsyrk"
        let (n, k) = transpose ? (a.columns, a.rows) : (a.rows, a.columns)
        guard c.rows == n, c.columns == n else {
            throw mismatch(routine, "C is \(c.rows)×\(c.columns) but op(A) op(A)ᵀ is \(n)×\(n) (A is \(a.rows)×\(a.columns))")
        }
        if n == 0 { return }
        var nn = try int32(n, routine), kk = try int32(k, routine)
        var lda = try int32(a.leadingDimension, routine), ldc = try int32(c.leadingDimension, routine)
        var alpha = alpha, beta = beta
        BLASThreads.with(threads) {
            dsyrk_("U", transpose ? "T" : "N", &nn, &kk, &alpha, a.baseAddress, &lda, &beta, c.baseAddress, &ldc, 1, 1)
        }
        for j in 0..<n {
            for i in (j + 1)..<n { c[i, j] = c[j, i] }
        }
    }

    /// C ← α (op(A) op(B)ᵀ + op(B) op(A)ᵀ) + β C (`dsyr2k`), or with `transpose` α (AᵀB + BᵀA) + β C:
    /// the symmetric rank-2k update, half the arithmetic of the two `gemm`s it replaces (a Kohn–Sham
    /// potential block ΦᵀW + WᵀΦ). Computed in the upper triangle and mirrored; with β ≠ 0 only C's upper
    /// triangle is read.
    /// - Throws: `.invalidParameter` unless A and B have the same shape and C is n×n, n = rows of op(A).
    public static func syr2k(
        _ a: MatrixView, _ b: MatrixView, into c: MutableMatrixView, transpose: Bool = false, alpha: Double = 1,
        beta: Double = 0, threads: BLASThreadCount = .one
    ) throws {
        let routine = "BLAS dsyr2k"
        guard a.rows == b.rows, a.columns == b.columns else {
            throw mismatch(routine, "A is \(a.rows)×\(a.columns) but B is \(b.rows)×\(b.columns)")
        }
        let (n, k) = transpose ? (a.columns, a.rows) : (a.rows, a.columns)
        guard c.rows == n, c.columns == n else {
            throw mismatch(routine, "C is \(c.rows)×\(c.columns) but the update is \(n)×\(n)")
        }
        if n == 0 { return }
        var nn = try int32(n, routine), kk = try int32(k, routine)
        var lda = try int32(a.leadingDimension, routine), ldb = try int32(b.leadingDimension, routine)
        var ldc = try int32(c.leadingDimension, routine)
        var alpha = alpha, beta = beta
        BLASThreads.with(threads) {
            dsyr2k_("U", transpose ? "T" : "N", &nn, &kk, &alpha, a.baseAddress, &lda, b.baseAddress, &ldb, &beta, c.baseAddress, &ldc, 1, 1)
        }
        for j in 0..<n {
            for i in (j + 1)..<n { c[i, j] = c[j, i] }
        }
    }

    /// `syr2k` on whole matrices; see the view overload.
    public static func syr2k(
        _ a: Matrix, _ b: Matrix, into c: inout Matrix, transpose: Bool = false, alpha: Double = 1, beta: Double = 0,
        threads: BLASThreadCount = .one
    ) throws {
        try a.withView { av in
            try b.withView { bv in
                try c.withMutableView { cv in
                    try syr2k(av, bv, into: cv, transpose: transpose, alpha: alpha, beta: beta, threads: threads)
                }
            }
        }
    }

    /// C ← α op(A) op(A)ᵀ + β C (`dsyrk`) on whole matrices; see the view overload.
    public static func syrk(
        _ a: Matrix, into c: inout Matrix, transpose: Bool = false, alpha: Double = 1, beta: Double = 0,
        threads: BLASThreadCount = .one
    ) throws {
        try a.withView { av in
            try c.withMutableView { cv in
                try syrk(av, into: cv, transpose: transpose, alpha: alpha, beta: beta, threads: threads)
            }
        }
    }
}
