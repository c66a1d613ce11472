import InterphaseCore
import InterphaseNumerics
import Testing
import _InterphaseTestSupport

/// Deterministic pseudo-random matrices for the linear-algebra tests (values in [−1, 1)).
struct RandomMatrices {
    var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(state: seed) }

    mutating func value() -> Double { Double(generator.next() >> 11) * 0x1p-53 * 2 - 1 }

    mutating func matrix(_ rows: Int, _ columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { _ in value() })
    }

    /// (M + Mᵀ)/2.
    mutating func symmetric(_ n: Int) -> Matrix {
        let m = matrix(n, n)
        var s = Matrix(rows: n, columns: n)
        for j in 0..<n { for i in 0..<n { s[i, j] = (m[i, j] + m[j, i]) / 2 } }
        return s
    }

    /// MᵀM + n·I: symmetric positive definite, well conditioned.
    mutating func positiveDefinite(_ n: Int) -> Matrix {
        let m = matrix(n, n)
        var s = naiveProduct(m, m, transposeA: true)
        for i in 0..<n { s[i, i] += Double(n) }
        return s
    }

    mutating func complexMatrix(_ rows: Int, _ columns: Int) -> ComplexMatrix {
        ComplexMatrix(rows: rows, columns: columns, interleaved: (0..<(2 * rows * columns)).map { _ in value() })
    }
}

/// The independent oracle for products: the textbook triple loop, Σₗ op(A)ᵢₗ op(B)ₗⱼ.
func naiveProduct(_ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false) -> Matrix {
    let opA = transposeA ? naiveTranspose(a) : a
    let opB = transposeB ? naiveTranspose(b) : b
    precondition(opA.columns == opB.rows)
    var c = Matrix(rows: opA.rows, columns: opB.columns)
    for i in 0..<opA.rows {
        for j in 0..<opB.columns {
            var sum = 0.0
            for l in 0..<opA.columns { sum += opA[i, l] * opB[l, j] }
            c[i, j] = sum
        }
    }
    return c
}

/// Transpose by the definition (Aᵀ)ᵢⱼ = Aⱼᵢ, independent of `Matrix.transpose()`.
func naiveTranspose(_ a: Matrix) -> Matrix {
    var t = Matrix(rows: a.columns, columns: a.rows)
    for i in 0..<a.rows { for j in 0..<a.columns { t[j, i] = a[i, j] } }
    return t
}

/// max |aᵢⱼ − bᵢⱼ| (∞ for different shapes).
func maxDifference(_ a: Matrix, _ b: Matrix) -> Double {
    guard a.rows == b.rows, a.columns == b.columns else { return .infinity }
    return zip(a.storage, b.storage).reduce(0) { max($0, abs($1.0 - $1.1)) }
}

@Suite struct MatrixTests {
    /// Oracle: column-major layout written out by hand for [[1, 2, 3], [4, 5, 6]].
    @Test func layoutAndAccess() {
        let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        #expect(a.rows == 2 && a.columns == 3)
        #expect(a.storage == [1, 4, 2, 5, 3, 6])
        #expect(a[1, 2] == 6 && a[0, 1] == 2)
        #expect(Array(a.column(1)) == [2, 5])
        #expect(a.row(1) == [4, 5, 6])
        let literal: Matrix = [[1, 2, 3], [4, 5, 6]]
        #expect(literal == a)
        #expect(a.transpose() == Matrix(rowMajor: [[1, 4], [2, 5], [3, 6]]))
        #expect(Matrix.identity(3) == Matrix(diagonal: [1, 1, 1]))
        #expect(Matrix(rows: 2, columns: 3, columnMajor: [1, 4, 2, 5, 3, 6]) == a)
        var b = a
        b[0, 0] = 10
        b.setColumn(2, [7, 8])
        #expect(b.storage == [10, 4, 2, 5, 7, 8])
        #expect(a.storage == [1, 4, 2, 5, 3, 6])  // value semantics
        #expect(Matrix(rows: 0, columns: 3).storage.isEmpty)
    }

    /// Oracle: element-by-element comparison with the enclosing matrix at the block's offset.
    @Test func viewsAddressBlocksWithoutCopying() {
        var generator = RandomMatrices(seed: 1)
        var a = generator.matrix(6, 5)
        let original = a
        a.withView(rows: 1..<4, columns: 2..<5) { v in
            #expect(v.rows == 3 && v.columns == 3 && v.leadingDimension == 6)
            for i in 0..<3 { for j in 0..<3 { #expect(v[i, j] == original[i + 1, j + 2]) } }
            #expect(v.block(rows: 1..<3, columns: 1..<2)[1, 0] == original[3, 3])
            #expect(v.copy() == original.block(rows: 1..<4, columns: 2..<5))
        }
        a.withMutableView(rows: 2..<4, columns: 0..<2) { v in v.fill(0); v[0, 1] = 9 }
        for i in 0..<6 {
            for j in 0..<5 {
                let expected = (2..<4).contains(i) && j < 2 ? (i == 2 && j == 1 ? 9 : 0) : original[i, j]
                #expect(a[i, j] == expected)
            }
        }
    }

    /// Oracle: `dgemm` on sub-blocks addressed through views (leading dimension of the enclosing
    /// matrix) gives the same numbers as `dgemm` on the blocks copied into their own matrices, and
    /// leaves the rest of C alone.
    @Test func gemmOnSubBlockEqualsGemmOnCopiedBlock() throws {
        var generator = RandomMatrices(seed: 2)
        let a = generator.matrix(7, 6), b = generator.matrix(6, 5)
        var c = generator.matrix(8, 8)
        let c0 = c
        // C[2..<6, 3..<6] = 1.5 A[1..<5, 2..<5] B[0..<3, 1..<4] + 0.5 C[2..<6, 3..<6].
        try a.withView(rows: 1..<5, columns: 2..<5) { av in
            try b.withView(rows: 0..<3, columns: 1..<4) { bv in
                try c.withMutableView(rows: 2..<6, columns: 3..<6) { cv in
                    try LAPACK.gemm(av, bv, into: cv, alpha: 1.5, beta: 0.5)
                }
            }
        }
        var expected = c0.block(rows: 2..<6, columns: 3..<6)
        try LAPACK.gemm(
            a.block(rows: 1..<5, columns: 2..<5), b.block(rows: 0..<3, columns: 1..<4), into: &expected, alpha: 1.5,
            beta: 0.5)
        #expect(c.block(rows: 2..<6, columns: 3..<6) == expected)
        for i in 0..<8 {
            for j in 0..<8 where !((2..<6).contains(i) && (3..<6).contains(j)) { #expect(c[i, j] == c0[i, j]) }
        }
        // Transposed block: A[0..<3, 1..<5]ᵀ (4×3) times B[3..<6, 0..<2] (3×2).
        let viaViews = try a.withView(rows: 0..<3, columns: 1..<5) { av in
            try b.withView(rows: 3..<6, columns: 0..<2) { bv in
                var out = Matrix(rows: 4, columns: 2)
                try out.withMutableView { try LAPACK.gemm(av, bv, into: $0, transposeA: true) }
                return out
            }
        }
        let viaCopies = try LAPACK.product(a.block(rows: 0..<3, columns: 1..<5), b.block(rows: 3..<6, columns: 0..<2), transposeA: true)
        #expect(viaViews == viaCopies)
    }

    /// Oracle: the interleaved (re, im) layout of COMPLEX*16 and hand-computed complex arithmetic.
    @Test func complexMatrixLayoutAndArithmetic() {
        var z = ComplexMatrix(rows: 2, columns: 2)
        z[1, 0] = DoubleComplex(3, 4)
        z[0, 1] = DoubleComplex(-1, 2)
        #expect(z.storage == [0, 0, 3, 4, -1, 2, 0, 0])
        #expect(z.real == Matrix(rowMajor: [[0, -1], [3, 0]]))
        #expect(z.imaginary == Matrix(rowMajor: [[0, 2], [4, 0]]))
        #expect(DoubleComplex(3, 4).magnitude == 5)
        // (1 + 2i)(3 + 4i) = −5 + 10i; (1 + 2i)/(3 + 4i) = (11 + 2i)/25.
        #expect(DoubleComplex(1, 2) * DoubleComplex(3, 4) == DoubleComplex(-5, 10))
        let q = DoubleComplex(1, 2) / DoubleComplex(3, 4)
        #expect(isClose(q.re, 11.0 / 25, rel: 1e-15) && isClose(q.im, 2.0 / 25, rel: 1e-15))
        #expect(ComplexMatrix(real: Matrix(rowMajor: [[1, 2]]), imaginary: Matrix(rowMajor: [[3, 4]])).storage == [1, 3, 2, 4])
    }
}
