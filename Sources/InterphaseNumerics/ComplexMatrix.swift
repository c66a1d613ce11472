/// A dense complex matrix, column-major, stored as interleaved (re, im) doubles — the memory layout
/// of Fortran COMPLEX*16 arrays, so LAPACK's z-routines (`zgesv`) read `storage` directly.
///
/// Element (i, j) is `DoubleComplex(storage[2k], storage[2k + 1])` with k = i + j · rows.
public struct ComplexMatrix: Sendable, Equatable {
    /// Number of rows (m).
    public private(set) var rows: Int
    /// Number of columns (n).
    public private(set) var columns: Int
    /// 2·m·n doubles: re and im of each element, column-major.
    public private(set) var storage: [Double]

    /// An m × n matrix with every element `value`.
    public init(rows: Int, columns: Int, repeating value: DoubleComplex = .zero) {
        precondition(rows >= 0 && columns >= 0, "ComplexMatrix: negative dimensions \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        storage = [Double](repeating: 0, count: 2 * rows * columns)
        if value != .zero {
            for k in 0..<(rows * columns) {
                storage[2 * k] = value.re
                storage[2 * k + 1] = value.im
            }
        }
    }

    /// An m × n matrix over interleaved column-major values (2·m·n doubles), adopted without a copy.
    public init(rows: Int, columns: Int, interleaved: [Double]) {
        precondition(rows >= 0 && columns >= 0, "ComplexMatrix: negative dimensions \(rows)×\(columns)")
        precondition(
            interleaved.count == 2 * rows * columns,
            "ComplexMatrix: \(interleaved.count) doubles for a \(rows)×\(columns) complex matrix (needs \(2 * rows * columns))")
        self.rows = rows
        self.columns = columns
        storage = interleaved
    }

    /// A matrix written as its rows: `ComplexMatrix(rowMajor: [[DoubleComplex(1, 1), .i], …])`.
    public init(rowMajor rowArrays: [[DoubleComplex]]) {
        let m = rowArrays.count
        let n = rowArrays.first?.count ?? 0
        self.init(rows: m, columns: n)
        for (i, row) in rowArrays.enumerated() {
            precondition(row.count == n, "ComplexMatrix: row \(i) has \(row.count) values, row 0 has \(n)")
            for (j, z) in row.enumerated() { self[i, j] = z }
        }
    }

    /// A complex matrix with imaginary part `imaginary` (zero when nil).
    public init(real: Matrix, imaginary: Matrix? = nil) {
        if let imaginary {
            precondition(
                imaginary.rows == real.rows && imaginary.columns == real.columns,
                "ComplexMatrix: real part \(real.rows)×\(real.columns), imaginary \(imaginary.rows)×\(imaginary.columns)")
        }
        self.init(rows: real.rows, columns: real.columns)
        for k in 0..<(rows * columns) {
            storage[2 * k] = real.storage[k]
            storage[2 * k + 1] = imaginary?.storage[k] ?? 0
        }
    }

    /// Element (i, j), 0-based; bounds are checked.
    public subscript(i: Int, j: Int) -> DoubleComplex {
        get {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "ComplexMatrix: index (\(i), \(j)) outside \(rows)×\(columns)")
            let k = 2 * (i + j * rows)
            return DoubleComplex(storage[k], storage[k + 1])
        }
        set {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "ComplexMatrix: index (\(i), \(j)) outside \(rows)×\(columns)")
            let k = 2 * (i + j * rows)
            storage[k] = newValue.re
            storage[k + 1] = newValue.im
        }
    }

    /// The real parts.
    public var real: Matrix {
        Matrix(rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { storage[2 * $0] })
    }

    /// The imaginary parts.
    public var imaginary: Matrix {
        Matrix(rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { storage[2 * $0 + 1] })
    }

    /// The interleaved storage, read-only, for LAPACK; no copy.
    public func withUnsafeInterleaved<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer(body)
    }

    /// The interleaved storage, writable, for LAPACK routines that overwrite it.
    public mutating func withUnsafeMutableInterleaved<R>(_ body: (UnsafeMutableBufferPointer<Double>) throws -> R) rethrows -> R {
        try storage.withUnsafeMutableBufferPointer { try body($0) }
    }
}
