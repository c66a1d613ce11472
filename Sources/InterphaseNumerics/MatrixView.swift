/// A read-only, non-owning view of an m × n column-major block of doubles with leading dimension `ld`:
/// element (i, j) is at offset `i + j * ld` from the block's first element, as BLAS and LAPACK address
/// a sub-matrix (`A(i0, j0)` with `LDA`). A sub-block of a larger matrix is therefore a view with the
/// larger matrix's leading dimension — no copy.
///
/// A view borrows memory it does not own: it is valid only inside the closure that produced it
/// (`Matrix.withView`, `Matrix.withMutableView`, or your own `withUnsafeBufferPointer`). It is not
/// `Sendable`.
public struct MatrixView {
    /// From element (0, 0) to element (rows − 1, columns − 1): `(columns − 1) · ld + rows` values
    /// (0 for an empty block). Values between the columns belong to the enclosing storage.
    public let buffer: UnsafeBufferPointer<Double>
    /// Number of rows (m).
    public let rows: Int
    /// Number of columns (n).
    public let columns: Int
    /// Distance between the starts of consecutive columns (BLAS `LDA`), ≥ max(1, rows).
    public let leadingDimension: Int

    /// A view over `buffer`, which must hold at least `(columns − 1) · leadingDimension + rows` values.
    public init(_ buffer: UnsafeBufferPointer<Double>, rows: Int, columns: Int, leadingDimension: Int) {
        precondition(rows >= 0 && columns >= 0, "MatrixView: negative dimensions \(rows)×\(columns)")
        precondition(leadingDimension >= Swift.max(1, rows), "MatrixView: leading dimension \(leadingDimension) < rows \(rows)")
        let extent = matrixExtent(rows: rows, columns: columns, leadingDimension: leadingDimension)
        precondition(buffer.count >= extent, "MatrixView: \(buffer.count) values for a \(rows)×\(columns) block with ld \(leadingDimension)")
        self.buffer = UnsafeBufferPointer(rebasing: buffer[0..<extent])
        self.rows = rows
        self.columns = columns
        self.leadingDimension = leadingDimension
    }

    /// Pointer to element (0, 0), for BLAS/LAPACK.
    public var baseAddress: UnsafePointer<Double>? { buffer.baseAddress }

    /// Element (i, j), 0-based; bounds are checked.
    public subscript(i: Int, j: Int) -> Double {
        precondition(i >= 0 && i < rows && j >= 0 && j < columns, "MatrixView: index (\(i), \(j)) outside \(rows)×\(columns)")
        return buffer[i + j * leadingDimension]
    }

    /// The sub-block `rowRange` × `columnRange`: same leading dimension, no copy.
    public func block(rows rowRange: Range<Int>, columns columnRange: Range<Int>) -> MatrixView {
        precondition(
            rowRange.lowerBound >= 0 && rowRange.upperBound <= rows && columnRange.lowerBound >= 0
                && columnRange.upperBound <= columns,
            "MatrixView: block \(rowRange) × \(columnRange) outside \(rows)×\(columns)")
        let m = rowRange.count, n = columnRange.count
        let extent = matrixExtent(rows: m, columns: n, leadingDimension: leadingDimension)
        let offset = extent == 0 ? 0 : rowRange.lowerBound + columnRange.lowerBound * leadingDimension
        return MatrixView(
            UnsafeBufferPointer(rebasing: buffer[offset..<(offset + extent)]), rows: m, columns: n,
            leadingDimension: leadingDimension)
    }

    /// The viewed values copied into a new (owning) matrix.
    public func copy() -> Matrix {
        var values = [Double]()
        values.reserveCapacity(rows * columns)
        for j in 0..<columns {
            let start = j * leadingDimension
            values.append(contentsOf: buffer[start..<(start + rows)])
        }
        return Matrix(rows: rows, columns: columns, columnMajor: values)
    }
}

@available(*, unavailable, message: "a view borrows memory valid only inside its closure")
extension MatrixView: Sendable {}

/// Values a column-major rows × columns block with leading dimension ld spans (0 when empty).
func matrixExtent(rows: Int, columns: Int, leadingDimension: Int) -> Int {
    rows == 0 || columns == 0 ? 0 : (columns - 1) * leadingDimension + rows
}
