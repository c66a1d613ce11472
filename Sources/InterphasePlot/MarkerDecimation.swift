import Foundation

/// Which markers of a dense marker series to draw.
///
/// A capacity-vs-cycle figure of 12,535 cycles puts ~25 markers of ~10 px into every pixel column of a
/// 3.4 in axes: almost all of them are painted over by their neighbours, yet each costs a path in the
/// SVG (11 MB for three series) and a fill in the PNG. Drawing one marker per occupied cell of a small
/// grid (half a filled marker, a ring's width for an open one), plus the lowest and highest marker of
/// every pixel column, paints the same picture: the cells fill the inside of the band, the column
/// extremes trace its outline and keep every outlier. Everything is computed in device pixels (the PNG's, at the figure's dpi) and used
/// for every format, so SVG, PNG and PDF draw the same markers.
public enum MarkerDecimation {
    /// Series up to this many markers, or up to `columnFactor` × the axes' pixel columns if that is more,
    /// draw every marker, exactly as without decimation: the usual tens to hundreds of points never
    /// change.
    public static let minimumCount = 1_000
    public static let columnFactor = 2

    /// The grid cell in device pixels for a marker style.
    ///
    /// A filled marker: half its size, so a dropped marker lies within 0.7 × its size of the kept one
    /// drawn on top of it, inside a band the other cells and the column extremes fill. An open marker's
    /// look is its ring, so the cell is the ring's width: a dropped ring runs within one stroke of a kept
    /// one, and a dense band of rings stays as dark as it is with every ring.
    public static func cell(for style: MarkerStyle, pixelsPerPoint: Double) -> Double {
        let size = style.filled ? 0.5 * style.size : min(style.edgeWidth, 0.5 * style.size)
        return max(size * pixelsPerPoint, 1)
    }

    /// Whether a series of `count` finite markers over `columns` pixel columns is thinned (and, in a
    /// PNG, stamped from a sprite) rather than drawn marker by marker.
    public static func isDense(count: Int, columns: Int) -> Bool {
        count > max(minimumCount, columnFactor * columns)
    }

    /// Ascending indices of the markers to draw, out of markers centred at device pixel positions
    /// (`x`, `y`) and drawn in index order.
    ///
    /// Non-finite positions are never drawn. A series no larger than `max(minimumCount, columnFactor ×
    /// columns)` keeps every finite index. A larger one keeps, for each cell of a grid of `cell`
    /// pixels (see `cell(for:pixelsPerPoint:)`), the last marker in it (the one on top), and in each pixel
    /// column (`floor(x)`) the first marker with the smallest and the first with the largest `y`.
    /// Deterministic: the result depends only on the inputs, not on hashing or timing.
    ///
    /// - Parameters:
    ///   - x, y: marker centres in device pixels (any origin; y may point down).
    ///   - cell: the grid's cell in device pixels (at least 1).
    ///   - columns: the width of the axes in device pixels (how many columns the data spread over).
    public static func visibleIndices(x: [Double], y: [Double], cell: Double, columns: Int) -> [Int] {
        let n = min(x.count, y.count)
        var finite: [Int] = []
        finite.reserveCapacity(n)
        for i in 0..<n where x[i].isFinite && y[i].isFinite { finite.append(i) }
        guard isDense(count: finite.count, columns: columns) else { return finite }

        var keep = [Bool](repeating: false, count: n)
        // The top marker of each occupied cell: walk backwards so the last drawn claims its cell.
        let cell = max(cell, 1)
        var occupied = Set<SIMD2<Int>>(minimumCapacity: min(finite.count, 1 << 16))
        for i in finite.reversed() {
            let key = SIMD2(gridIndex(x[i] / cell), gridIndex(y[i] / cell))
            if occupied.insert(key).inserted { keep[i] = true }
        }
        // The extremes of each pixel column, so the band's outline and single outliers stay exact.
        var extremes: [Int: (low: Int, high: Int)] = [:]
        for i in finite {
            let column = gridIndex(x[i])
            if let e = extremes[column] {
                extremes[column] = (y[i] < y[e.low] ? i : e.low, y[i] > y[e.high] ? i : e.high)
            } else {
                extremes[column] = (i, i)
            }
        }
        for e in extremes.values { keep[e.low] = true; keep[e.high] = true }
        return finite.filter { keep[$0] }
    }

    /// `floor(v)` as an Int, clamped so positions far outside any canvas cannot trap.
    static func gridIndex(_ v: Double) -> Int {
        Int(Swift.max(Swift.min(v.rounded(.down), 1e15), -1e15))
    }
}
