/// A dense real matrix that owns its values, stored column-major.
///
/// Column-major is LAPACK's and BLAS's layout, so a `Matrix` goes to `LAPACK` without being rearranged:
/// element (i, j) is `storage[i + j * rows]`, and each column is one contiguous run of `storage`
/// (`column(_:)` is a slice, not a copy). Rows are strided and `row(_:)` copies.
///
/// `Matrix` is a value type with copy-on-write storage (a Swift `Array`): copies are cheap until one is
/// mutated. To hand part of a matrix to BLAS without copying it, use `withView` / `withMutableView`,
/// which give a `MatrixView` / `MutableMatrixView` (pointer, rows, columns and leading dimension) valid
/// inside the closure; `block(rows:columns:)` on a view selects a sub-block with the same leading
/// dimension.
public struct Matrix: Sendable, Equatable {
    /// Number of rows (m).
    public private(set) var rows: Int
    /// Number of columns (n).
    public private(set) var columns: Int
    /// The m·n values, column-major: element (i, j) at `i + j * rows`.
    public private(set) var storage: [Double]

    /// An m × n matrix with every element `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative dimensions \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        storage = [Double](repeating: value, count: rows * columns)
    }

    /// An m × n matrix over `columnMajor` (m·n values, column after column). The array is adopted, not
    /// copied (it is shared copy-on-write with the caller's).
    public init(rows: Int, columns: Int, columnMajor: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative dimensions \(rows)×\(columns)")
        precondition(
            columnMajor.count == rows * columns,
            "Matrix: \(columnMajor.count) values for a \(rows)×\(columns) matrix (needs \(rows * columns))")
        self.rows = rows
        self.columns = columns
        storage = columnMajor
    }

    /// A matrix written as its rows, as it reads on paper: `Matrix(rowMajor: [[1, 2], [3, 4]])` has first
    /// row (1, 2). All rows must have the same length. The values are transposed into column-major
    /// storage (one copy).
    public init(rowMajor rowArrays: [[Double]]) {
        let m = rowArrays.count
        let n = rowArrays.first?.count ?? 0
        for (i, row) in rowArrays.enumerated() {
            precondition(row.count == n, "Matrix: row \(i) has \(row.count) values, row 0 has \(n)")
        }
        var values = [Double](repeating: 0, count: m * n)
        for (i, row) in rowArrays.enumerated() {
            for (j, v) in row.enumerated() { values[i + j * m] = v }
        }
        self.init(rows: m, columns: n, columnMajor: values)
    }

    /// The n × n identity.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n { result.storage[i + i * n] = 1 }
        return result
    }

    /// The square matrix with `values` on the diagonal and zeros elsewhere.
    public init(diagonal values: [Double]) {
        let n = values.count
        self.init(rows: n, columns: n)
        for i in 0..<n { storage[i + i * n] = values[i] }
    }

    /// True when rows == columns.
    public var isSquare: Bool { rows == columns }

    /// Element (i, j), 0-based; bounds are checked.
    public subscript(i: Int, j: Int) -> Double {
        get {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "Matrix: index (\(i), \(j)) outside \(rows)×\(columns)")
            return storage[i + j * rows]
        }
        set {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "Matrix: index (\(i), \(j)) outside \(rows)×\(columns)")
            storage[i + j * rows] = newValue
        }
    }

    /// Column j: a slice of `storage` (contiguous, no copy).
    public func column(_ j: Int) -> ArraySlice<Double> {
        precondition(j >= 0 && j < columns, "Matrix: column \(j) outside 0..<\(columns)")
        return storage[(j * rows)..<((j + 1) * rows)]
    }

    /// Replaces column j with `values` (`rows` of them).
    public mutating func setColumn(_ j: Int, _ values: some Collection<Double>) {
        precondition(j >= 0 && j < columns, "Matrix: column \(j) outside 0..<\(columns)")
        precondition(values.count == rows, "Matrix: \(values.count) values for a column of \(rows)")
        var i = j * rows
        for v in values {
            storage[i] = v
            i += 1
        }
    }

    /// Row i, copied (rows are strided in column-major storage).
    public func row(_ i: Int) -> [Double] {
        precondition(i >= 0 && i < rows, "Matrix: row \(i) outside 0..<\(rows)")
        return (0..<columns).map { storage[i + $0 * rows] }
    }

    /// Aᵀ as a new matrix (a copy). The BLAS wrappers take `transposeA:`/`transposeB:` flags instead, which
    /// read A transposed in place.
    public func transpose() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { result.storage[j + i * columns] = storage[i + j * rows] }
        }
        return result
    }

    /// The sub-block `rowRange` × `columnRange`, copied into a new matrix.
    public func block(rows rowRange: Range<Int>, columns columnRange: Range<Int>) -> Matrix {
        withView { $0.block(rows: rowRange, columns: columnRange).copy() }
    }

    /// Largest |aᵢⱼ| (the max norm); 0 for an empty matrix. Handy for residual checks.
    public var maxMagnitude: Double { storage.reduce(0) { Swift.max($0, Swift.abs($1)) } }

    /// Calls `body` with a read-only view of the whole matrix (leading dimension max(1, rows)); no copy.
    /// The view must not escape the closure.
    public func withView<R>(_ body: (MatrixView) throws -> R) rethrows -> R {
        let (m, n) = (rows, columns)
        return try storage.withUnsafeBufferPointer { buffer in
            try body(MatrixView(buffer, rows: m, columns: n, leadingDimension: Swift.max(1, m)))
        }
    }

    /// Calls `body` with a read-only view of the sub-block `rowRange` × `columnRange` (leading dimension
    /// = rows of the whole matrix); no copy.
    public func withView<R>(rows rowRange: Range<Int>, columns columnRange: Range<Int>, _ body: (MatrixView) throws -> R) rethrows -> R {
        try withView { whole in try body(whole.block(rows: rowRange, columns: columnRange)) }
    }

    /// Calls `body` with a mutable view of the whole matrix; writes through the view change the matrix.
    /// No copy (unless the storage is shared with another `Matrix`, when copy-on-write copies it once,
    /// before the closure runs). The view must not escape the closure.
    public mutating func withMutableView<R>(_ body: (MutableMatrixView) throws -> R) rethrows -> R {
        let (m, n) = (rows, columns)
        return try storage.withUnsafeMutableBufferPointer { buffer in
            try body(MutableMatrixView(buffer, rows: m, columns: n, leadingDimension: Swift.max(1, m)))
        }
    }

    /// Calls `body` with a mutable view of the sub-block `rowRange` × `columnRange`; no copy.
    public mutating func withMutableView<R>(
        rows rowRange: Range<Int>, columns columnRange: Range<Int>, _ body: (MutableMatrixView) throws -> R
    ) rethrows -> R {
        try withMutableView { whole in try body(whole.block(rows: rowRange, columns: columnRange)) }
    }
}

extension Matrix: ExpressibleByArrayLiteral {
    /// `let a: Matrix = [[1, 2], [3, 4]]`: the literal lists rows (see `init(rowMajor:)`).
    public init(arrayLiteral rowArrays: [Double]...) { self.init(rowMajor: rowArrays) }
}

extension Matrix: CustomStringConvertible {
    /// Rows on lines, for test failures and debugging.
    public var description: String {
        let lines = (0..<rows).map { i in row(i).map { "\($0)" }.joined(separator: " ") }
        return "Matrix \(rows)×\(columns)" + (lines.isEmpty ? "" : "\n" + lines.joined(separator: "\n"))
    }
}
