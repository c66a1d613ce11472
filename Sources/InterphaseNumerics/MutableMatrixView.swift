/// A mutable, non-owning view of an m × n column-major block with leading dimension `ld` — the
/// mutable counterpart of `MatrixView`, for outputs and for inputs LAPACK overwrites.
///
/// Writes go straight to the viewed memory (the setter is `nonmutating`). Valid only inside the
/// closure that produced it (`Matrix.withMutableView`, or your own `withUnsafeMutableBufferPointer`);
/// not `Sendable`.
public struct MutableMatrixView {
    /// From element (0, 0) to element (rows − 1, columns − 1) (see `MatrixView.buffer`).
    public let buffer: UnsafeMutableBufferPointer<Double>
    /// Number of rows (m).
    public let rows: Int
    /// Number of columns (n).
    public let columns: Int
    /// Distance between the starts of consecutive columns (BLAS `LDA`), ≥ max(1, rows).
    public let leadingDimension: Int

    /// A view over `buffer`, which must hold at least `(columns − 1) · leadingDimension + rows` values.
    public init(_ buffer: UnsafeMutableBufferPointer<Double>, rows: Int, columns: Int, leadingDimension: Int) {
        precondition(rows >= 0 && columns >= 0, "MutableMatrixView: negative dimensions \(rows)×\(columns)")
        precondition(
            leadingDimension >= Swift.max(1, rows), "MutableMatrixView: leading dimension \(leadingDimension) < rows \(rows)")
        let extent = matrixExtent(rows: rows, columns: columns, leadingDimension: leadingDimension)
        precondition(
            buffer.count >= extent,
            "MutableMatrixView: \(buffer.count) values for a \(rows)×\(columns) block with ld \(leadingDimension)")
        self.buffer = UnsafeMutableBufferPointer(rebasing: buffer[0..<extent])
        self.rows = rows
        self.columns = columns
        self.leadingDimension = leadingDimension
    }

    /// Pointer to element (0, 0), for BLAS/LAPACK.
    public var baseAddress: UnsafeMutablePointer<Double>? { buffer.baseAddress }

    /// The same block, read-only (to pass as an input).
    public var view: MatrixView {
        MatrixView(UnsafeBufferPointer(buffer), rows: rows, columns: columns, leadingDimension: leadingDimension)
    }

    /// Element (i, j), 0-based; bounds are checked. Setting writes through to the viewed memory.
    public subscript(i: Int, j: Int) -> Double {
        get {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "MutableMatrixView: index (\(i), \(j)) outside \(rows)×\(columns)")
            return buffer[i + j * leadingDimension]
        }
        nonmutating set {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns, "MutableMatrixView: index (\(i), \(j)) outside \(rows)×\(columns)")
            buffer[i + j * leadingDimension] = newValue
        }
    }

    /// The sub-block `rowRange` × `columnRange`: same leading dimension, no copy.
    public func block(rows rowRange: Range<Int>, columns columnRange: Range<Int>) -> MutableMatrixView {
        precondition(
            rowRange.lowerBound >= 0 && rowRange.upperBound <= rows && columnRange.lowerBound >= 0
                && columnRange.upperBound <= columns,
            "MutableMatrixView: block \(rowRange) × \(columnRange) outside \(rows)×\(columns)")
        let m = rowRange.count, n = columnRange.count
        let extent = matrixExtent(rows: m, columns: n, leadingDimension: leadingDimension)
        let offset = extent == 0 ? 0 : rowRange.lowerBound + columnRange.lowerBound * leadingDimension
        return MutableMatrixView(
            UnsafeMutableBufferPointer(rebasing: buffer[offset..<(offset + extent)]), rows: m, columns: n,
            leadingDimension: leadingDimension)
    }

    /// Copies `source` (same dimensions, must not overlap this block) into the viewed block.
    public func assign(_ source: MatrixView) {
        precondition(
            source.rows == rows && source.columns == columns,
            "MutableMatrixView: assigning \(source.rows)×\(source.columns) to \(rows)×\(columns)")
        for j in 0..<columns {
            for i in 0..<rows { buffer[i + j * leadingDimension] = source.buffer[i + j * source.leadingDimension] }
        }
    }

    /// Sets every element of the block to `value`.
    public func fill(_ value: Double) {
        for j in 0..<columns {
            for i in 0..<rows { buffer[i + j * leadingDimension] = value }
        }
    }

    /// The viewed values copied into a new (owning) matrix.
    public func copy() -> Matrix { view.copy() }
}

@available(*, unavailable, message: "a view borrows memory valid only inside its closure")
extension MutableMatrixView: Sendable {}
