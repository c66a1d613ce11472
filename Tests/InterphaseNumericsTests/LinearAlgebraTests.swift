import Foundation
import InterphaseCore
import InterphaseNumerics
import Testing
import _InterphaseTestSupport

/// Runs `body`, which must throw an `InterphaseError` of `kind` whose message names `routine` and
/// contains every string of `mentions`.
func expectLAPACKError<T>(
    _ kind: InterphaseError.Kind, _ routine: String, mentions: [String] = [], sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> T
) {
    guard let error = expectInterphaseError(kind, body) else {
        Issue.record("expected an InterphaseError .\(kind) from \(routine)", sourceLocation: sourceLocation)
        return
    }
    #expect(error.message.contains(routine), "\(error.message)", sourceLocation: sourceLocation)
    for text in mentions { #expect(error.message.contains(text), "\(error.message)", sourceLocation: sourceLocation) }
}

@Suite struct BLASProductTests {
    /// Oracle: the naive triple loop, for all four transpose combinations, with α and β ≠ 0, 1.
    @Test func gemmMatchesTripleLoop() throws {
        var generator = RandomMatrices(seed: 10)
        let (m, k, n) = (5, 4, 3)
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let a = ta ? generator.matrix(k, m) : generator.matrix(m, k)
            let b = tb ? generator.matrix(n, k) : generator.matrix(k, n)
            var c = generator.matrix(m, n)
            let ab = naiveProduct(a, b, transposeA: ta, transposeB: tb)
            var expected = Matrix(rows: m, columns: n)
            for j in 0..<n { for i in 0..<m { expected[i, j] = 1.5 * ab[i, j] - 0.5 * c[i, j] } }
            try LAPACK.gemm(a, b, into: &c, transposeA: ta, transposeB: tb, alpha: 1.5, beta: -0.5)
            #expect(maxDifference(c, expected) < 1e-14, "transposeA \(ta) transposeB \(tb)")
            #expect(maxDifference(try LAPACK.product(a, b, transposeA: ta, transposeB: tb), ab) < 1e-14)
        }
        // C that shares storage with A (copy-on-write): C ← A A + C must read the old A, not the output.
        let square = generator.matrix(4, 4)
        var shared = square
        try LAPACK.gemm(square, square, into: &shared, beta: 1)
        let squared = naiveProduct(square, square)
        var expectedShared = Matrix(rows: 4, columns: 4)
        for j in 0..<4 { for i in 0..<4 { expectedShared[i, j] = squared[i, j] + square[i, j] } }
        #expect(maxDifference(shared, expectedShared) < 1e-14)
    }

    /// Oracle: the triple loop for A Aᵀ and Aᵀ A (syrk's two modes); the result is fully symmetric.
    @Test func syrkMatchesTripleLoop() throws {
        var generator = RandomMatrices(seed: 11)
        let a = generator.matrix(4, 6)
        var c = Matrix(rows: 4, columns: 4)
        try LAPACK.syrk(a, into: &c)
        #expect(maxDifference(c, naiveProduct(a, a, transposeB: true)) < 1e-14)
        #expect(c == c.transpose())
        // Aᵀ A with β = 2 on a symmetric C.
        var d = generator.symmetric(6)
        let d0 = d
        try LAPACK.syrk(a, into: &d, transpose: true, alpha: 0.5, beta: 2)
        let ata = naiveProduct(a, a, transposeA: true)
        var expected = Matrix(rows: 6, columns: 6)
        for j in 0..<6 { for i in 0..<6 { expected[i, j] = 0.5 * ata[i, j] + 2 * d0[i, j] } }
        #expect(maxDifference(d, expected) < 1e-14)
    }

    /// Oracle: the two triple-loop products A Bᵀ + B Aᵀ (and AᵀB + BᵀA) that syr2k replaces.
    @Test func syr2kMatchesTwoProducts() throws {
        var generator = RandomMatrices(seed: 12)
        let a = generator.matrix(5, 3), b = generator.matrix(5, 3)
        var c = Matrix(rows: 5, columns: 5)
        try LAPACK.syr2k(a, b, into: &c)
        let abt = naiveProduct(a, b, transposeB: true), bat = naiveProduct(b, a, transposeB: true)
        var expected = Matrix(rows: 5, columns: 5)
        for j in 0..<5 { for i in 0..<5 { expected[i, j] = abt[i, j] + bat[i, j] } }
        #expect(maxDifference(c, expected) < 1e-14)
        var d = Matrix(rows: 3, columns: 3)
        try LAPACK.syr2k(a, b, into: &d, transpose: true, alpha: 0.5)
        let atb = naiveProduct(a, b, transposeA: true), bta = naiveProduct(b, a, transposeA: true)
        var expectedT = Matrix(rows: 3, columns: 3)
        for j in 0..<3 { for i in 0..<3 { expectedT[i, j] = 0.5 * (atb[i, j] + bta[i, j]) } }
        #expect(maxDifference(d, expectedT) < 1e-14)
        var wrong = Matrix(rows: 2, columns: 2)
        expectLAPACKError(.invalidParameter, "dsyr2k", mentions: ["2×2"]) { try LAPACK.syr2k(a, b, into: &wrong) }
    }

    /// Dimension checks throw before BLAS sees the call, naming the routine and the shapes.
    @Test func mismatchedProductsThrow() {
        let a = Matrix(rows: 2, columns: 3), b = Matrix(rows: 4, columns: 2)
        var c = Matrix(rows: 2, columns: 2)
        expectLAPACKError(.invalidParameter, "dgemm", mentions: ["2×3", "4×2"]) { try LAPACK.gemm(a, b, into: &c) }
        var wrong = Matrix(rows: 3, columns: 3)
        expectLAPACKError(.invalidParameter, "dgemm", mentions: ["3×3", "2×2"]) {
            try LAPACK.gemm(a, a, into: &wrong, transposeB: true)
        }
        expectLAPACKError(.invalidParameter, "dsyrk", mentions: ["3×3"]) { try LAPACK.syrk(a, into: &wrong) }
    }
}

@Suite struct SymmetricEigenTests {
    /// Oracles: A = V Λ Vᵀ and Vᵀ V = I (definition of the decomposition) on a random symmetric matrix;
    /// ascending order.
    @Test func reconstructionAndOrthogonality() throws {
        var generator = RandomMatrices(seed: 20)
        let a = generator.symmetric(7)
        let (values, v) = try LAPACK.symmetricEigen(a)
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 })
        let reconstructed = naiveProduct(naiveProduct(v, Matrix(diagonal: values)), v, transposeB: true)
        #expect(maxDifference(reconstructed, a) < 1e-13)
        #expect(maxDifference(naiveProduct(v, v, transposeA: true), .identity(7)) < 1e-13)
        let onlyValues = try LAPACK.symmetricEigenvalues(a)
        #expect(firstMismatch(onlyValues, values, rel: 1e-12, abs: 1e-13) == nil)
    }

    /// Oracle: the tridiagonal matrix with 2 on the diagonal and −1 beside it (the 1-D discrete
    /// Laplacian) has eigenvalues λₖ = 2 − 2 cos(kπ/(n + 1)), k = 1…n.
    @Test func tridiagonalLaplacianHasAnalyticEigenvalues() throws {
        let n = 10
        var a = Matrix(rows: n, columns: n)
        for i in 0..<n {
            a[i, i] = 2
            if i + 1 < n { a[i, i + 1] = -1; a[i + 1, i] = -1 }
        }
        let expected = (1...n).map { 2 - 2 * cos(Double($0) * Double.pi / Double(n + 1)) }
        let (values, _) = try LAPACK.symmetricEigen(a)
        #expect(firstMismatch(values, expected, rel: 1e-13, abs: 1e-14) == nil)
        // The array form kept for existing callers agrees.
        let (arrayValues, arrayVectors) = try LAPACK.symmetricEigen(a.storage, order: n)
        #expect(firstMismatch(arrayValues, expected, rel: 1e-13, abs: 1e-14) == nil)
        #expect(arrayVectors.count == n * n)
    }

    /// Oracles: A X = B X Λ and Xᵀ B X = I (the definition and normalisation of itype 1), on random
    /// A and SPD B; and the diagonal pencil diag(2, 6), diag(1, 2) with λ = 2, 3 by hand.
    @Test func generalizedEigenIsBOrthonormal() throws {
        var generator = RandomMatrices(seed: 21)
        let a = generator.symmetric(6), b = generator.positiveDefinite(6)
        let (values, x) = try LAPACK.generalizedSymmetricEigen(a, b)
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 })
        let ax = naiveProduct(a, x)
        let bxl = naiveProduct(naiveProduct(b, x), Matrix(diagonal: values))
        #expect(maxDifference(ax, bxl) < 1e-12)
        #expect(maxDifference(naiveProduct(naiveProduct(x, b, transposeA: true), x), .identity(6)) < 1e-12)

        let (diagonalValues, _) = try LAPACK.generalizedSymmetricEigen(Matrix(diagonal: [2, 6]), Matrix(diagonal: [1, 2]))
        #expect(firstMismatch(diagonalValues, [2, 3], rel: 1e-15) == nil)
    }

    @Test func indefiniteBAndNonSquareThrow() {
        expectLAPACKError(.library, "dsygvd", mentions: ["positive definite"]) {
            try LAPACK.generalizedSymmetricEigen(Matrix(diagonal: [1, 1]), Matrix(rowMajor: [[1, 2], [2, 1]]))
        }
        expectLAPACKError(.invalidParameter, "dsygvd", mentions: ["2×2", "3×3"]) {
            try LAPACK.generalizedSymmetricEigen(Matrix.identity(2), Matrix.identity(3))
        }
        expectLAPACKError(.invalidParameter, "dsyevd", mentions: ["2×3"]) {
            try LAPACK.symmetricEigen(Matrix(rows: 2, columns: 3))
        }
    }
}

@Suite struct FactorizationTests {
    /// Oracles: the classic factor of [[4, 12, −16], [12, 37, −43], [−16, −43, 98]], L = [[2, 0, 0],
    /// [6, 1, 0], [−8, 5, 3]] (checked by multiplying out), and L Lᵀ = A on a random SPD matrix.
    @Test func choleskyFactor() throws {
        let a: Matrix = [[4, 12, -16], [12, 37, -43], [-16, -43, 98]]
        let l = try LAPACK.cholesky(a)
        #expect(maxDifference(l, [[2, 0, 0], [6, 1, 0], [-8, 5, 3]]) < 1e-14)
        var generator = RandomMatrices(seed: 30)
        let s = generator.positiveDefinite(8)
        let ls = try LAPACK.cholesky(s)
        for j in 0..<8 { for i in 0..<j { #expect(ls[i, j] == 0) } }
        #expect(maxDifference(naiveProduct(ls, ls, transposeB: true), s) < 1e-13)
    }

    /// Oracle: the residual A X − B of the solution from the factor, two right-hand sides.
    @Test func choleskySolveResidual() throws {
        var generator = RandomMatrices(seed: 31)
        let a = generator.positiveDefinite(6), b = generator.matrix(6, 2)
        let x = try LAPACK.choleskySolve(factor: try LAPACK.cholesky(a), b)
        #expect(maxDifference(naiveProduct(a, x), b) < 1e-14)
        expectLAPACKError(.invalidParameter, "dpotrs", mentions: ["5 rows"]) {
            try LAPACK.choleskySolve(factor: Matrix.identity(6), Matrix(rows: 5, columns: 1))
        }
    }

    /// [[1, 2], [2, 1]] has eigenvalues 3 and −1: not positive definite, the 2×2 leading minor fails.
    @Test func nonPositiveDefiniteThrows() {
        expectLAPACKError(.library, "dpotrf", mentions: ["order 2"]) { try LAPACK.cholesky(Matrix(rowMajor: [[1, 2], [2, 1]])) }
    }

    /// Oracles: A = U Σ Vᵀ with orthonormal U columns and Vᵀ rows, for tall and wide random matrices;
    /// the singular values 5 and 3 of [[3, 2, 2], [2, 3, −2]] (A Aᵀ = [[17, 8], [8, 17]], eigenvalues
    /// 25 and 9).
    @Test func svdReconstructsAndKnownValues() throws {
        var generator = RandomMatrices(seed: 32)
        for (m, n) in [(6, 4), (3, 5)] {
            let a = generator.matrix(m, n)
            let (u, s, vt) = try LAPACK.singularValueDecomposition(a)
            let p = min(m, n)
            #expect(u.rows == m && u.columns == p && vt.rows == p && vt.columns == n && s.count == p)
            #expect(zip(s, s.dropFirst()).allSatisfy { $0 >= $1 } && s.allSatisfy { $0 >= 0 })
            #expect(maxDifference(naiveProduct(naiveProduct(u, Matrix(diagonal: s)), vt), a) < 1e-14)
            #expect(maxDifference(naiveProduct(u, u, transposeA: true), .identity(p)) < 1e-14)
            #expect(maxDifference(naiveProduct(vt, vt, transposeB: true), .identity(p)) < 1e-14)
        }
        let known: Matrix = [[3, 2, 2], [2, 3, -2]]
        #expect(firstMismatch(try LAPACK.singularValues(known), [5, 3], rel: 1e-14) == nil)
        #expect(firstMismatch(try LAPACK.singularValueDecomposition(known).singularValues, [5, 3], rel: 1e-14) == nil)
    }
}

@Suite struct LinearSystemTests {
    /// Oracles (analytic pseudo-inverses):
    /// - A = 1 1ᵀ (3×2, rank 1) = u σ vᵀ with u = 1/√3, v = 1/√2, σ = √6, so A⁺ b = v uᵀb/σ = (1, 1)
    ///   for b = (1, 2, 3);
    /// - the underdetermined row (1, 2, 2) x = 9: minimum norm x = Aᵀ (A Aᵀ)⁻¹ b = (1, 2, 2);
    /// - diag(1, 10⁻¹⁰) x = (1, 1): rcond 10⁻⁸ drops the small value (rank 1, x = (1, 0)), the
    ///   default machine-precision threshold keeps it (x = (1, 10¹⁰)).
    @Test func minimumNormLeastSquaresMatchesPseudoInverse() throws {
        let ones = Matrix(rows: 3, columns: 2, repeating: 1)
        let r = try LAPACK.minimumNormLeastSquares(ones, [1, 2, 3])
        #expect(r.rank == 1)
        #expect(firstMismatch(r.solution, [1, 1], rel: 1e-13) == nil)
        #expect(isClose(r.singularValues[0], 6.0.squareRoot(), rel: 1e-14) && abs(r.singularValues[1]) < 1e-14)

        let wide = try LAPACK.minimumNormLeastSquares(Matrix(rowMajor: [[1, 2, 2]]), Matrix(rowMajor: [[9]]))
        #expect(wide.solution.rows == 3 && wide.solution.columns == 1 && wide.rank == 1)
        #expect(firstMismatch(wide.solution.storage, [1, 2, 2], rel: 1e-14) == nil)
        #expect(firstMismatch(wide.singularValues, [3], rel: 1e-14) == nil)

        let nearlySingular = Matrix(diagonal: [1, 1e-10])
        let cut = try LAPACK.minimumNormLeastSquares(nearlySingular, [1, 1], rcond: 1e-8)
        #expect(cut.rank == 1 && firstMismatch(cut.solution, [1, 0], rel: 1e-14, abs: 1e-20) == nil)
        let kept = try LAPACK.minimumNormLeastSquares(nearlySingular, [1, 1])
        #expect(kept.rank == 2 && firstMismatch(kept.solution, [1, 1e10], rel: 1e-12) == nil)

        expectLAPACKError(.invalidParameter, "dgelsd", mentions: ["3×2", "2 rows"]) {
            try LAPACK.minimumNormLeastSquares(ones, [1, 2])
        }
    }

    /// Oracles: a hand-solved complex 2×2 — A = [[1 + i, 2], [0, 1 − i]], x = (1, i) gives
    /// b = ((1 + i) + 2i, (1 − i) i) = (1 + 3i, 1 + i) — and the residual A X − B of a random 5×5
    /// system with two right-hand sides.
    @Test func complexSolve() throws {
        let a = ComplexMatrix(rowMajor: [[DoubleComplex(1, 1), DoubleComplex(2)], [.zero, DoubleComplex(1, -1)]])
        let b = ComplexMatrix(rowMajor: [[DoubleComplex(1, 3)], [DoubleComplex(1, 1)]])
        let x = try LAPACK.solve(a, b)
        #expect((x[0, 0] - DoubleComplex(1)).magnitude < 1e-15 && (x[1, 0] - .i).magnitude < 1e-15)

        var generator = RandomMatrices(seed: 40)
        let big = generator.complexMatrix(5, 5), rhs = generator.complexMatrix(5, 2)
        let solution = try LAPACK.solve(big, rhs)
        for k in 0..<2 {
            for i in 0..<5 {
                var sum = DoubleComplex.zero
                for j in 0..<5 { sum += big[i, j] * solution[j, k] }
                #expect((sum - rhs[i, k]).magnitude < 1e-13)
            }
        }
        // [[1, i], [i, −1]] has determinant −1 − i² = 0.
        expectLAPACKError(.library, "zgesv", mentions: ["singular"]) {
            try LAPACK.solve(ComplexMatrix(rowMajor: [[DoubleComplex(1), .i], [.i, DoubleComplex(-1)]]), ComplexMatrix(rows: 2, columns: 1))
        }
        expectLAPACKError(.invalidParameter, "zgesv", mentions: ["3×1"]) {
            try LAPACK.solve(a, ComplexMatrix(rows: 3, columns: 1))
        }
    }

    /// Oracle: [[2, 1], [1, 3]] X = [[3, 1], [5, 0]] solved by hand: X = [[0.8, 0.6], [1.4, −0.2]];
    /// a singular matrix and rank-deficient least squares are errors naming the routine.
    @Test func realSolveAndErrors() throws {
        let x = try LAPACK.solve(Matrix(rowMajor: [[2, 1], [1, 3]]), Matrix(rowMajor: [[3, 1], [5, 0]]))
        #expect(maxDifference(x, [[0.8, 0.6], [1.4, -0.2]]) < 1e-15)
        expectLAPACKError(.library, "dgesv", mentions: ["singular"]) { try LAPACK.solve(Matrix(rowMajor: [[1, 2], [2, 4]]), Matrix(rows: 2, columns: 1)) }
        expectLAPACKError(.library, "dgesv", mentions: ["singular"]) { try LAPACK.solve([1, 2, 2, 4], order: 2, [1, 1]) }
        expectLAPACKError(.invalidParameter, "dgesv", mentions: ["3×3", "2×1"]) { try LAPACK.solve(Matrix.identity(3), Matrix(rows: 2, columns: 1)) }
        expectLAPACKError(.library, "dgels", mentions: ["rank deficient"]) {
            // A zero column makes R's second diagonal exactly zero.
            try LAPACK.leastSquares(Matrix(rowMajor: [[1, 0], [1, 0], [1, 0]]), Matrix(rows: 3, columns: 1))
        }
        expectLAPACKError(.invalidParameter, "dgels", mentions: ["(2)", "(3)"]) {
            try LAPACK.leastSquares(Matrix(rows: 2, columns: 3), Matrix(rows: 2, columns: 1))
        }
        // Full-rank least squares on Matrix: the line y = 1 + 2x through four points.
        let line = try LAPACK.leastSquares(Matrix(rowMajor: [[1, 0], [1, 1], [1, 2], [1, 3]]), Matrix(rowMajor: [[1], [3], [5], [7]]))
        #expect(line.rows == 2 && line.columns == 1 && firstMismatch(line.storage, [1, 2], rel: 1e-13) == nil)
    }
}
