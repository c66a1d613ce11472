/// Things drawn inside an axes.
public enum Marker: Sendable, Equatable {
    case circle
    case square
}

/// Which y axis a series uses.
public enum YAxisSide: Sendable { case left, right }

public struct LineStyle: Sendable, Equatable {
    public var color: Color
    /// - Units: pt.
    public var width: Double
    /// Dash pattern in pt (on, off, …); empty for solid.
    public var dash: [Double]

    public init(color: Color, width: Double = 1.0, dash: [Double] = []) {
        self.color = color
        self.width = width
        self.dash = dash
    }
}

public struct MarkerStyle: Sendable, Equatable {
    public var marker: Marker
    public var color: Color
    /// Open markers have a white fill and a coloured edge.
    public var filled: Bool
    /// - Units: pt (diameter / side).
    public var size: Double
    public var edgeWidth: Double

    public init(_ marker: Marker, color: Color, filled: Bool = true, size: Double = 3.5, edgeWidth: Double = 0.8) {
        self.marker = marker
        self.color = color
        self.filled = filled
        self.size = size
        self.edgeWidth = edgeWidth
    }
}

/// One plotted data set.
public struct Series: Sendable {
    public enum Kind: Sendable {
        /// Polyline through (x, y); NaN breaks the line. `decimate`: draw first/min/max/last per pixel bin
        /// when the series has many more points than the axes has pixels (spikes keep their height).
        case line(LineStyle, decimate: Bool)
        /// Markers at (x, y), optionally joined by a line.
        case markers(MarkerStyle, joined: LineStyle?)
        /// Bars at category positions x with heights y; `width` in category units, `offset` shifts the bar.
        case bars(color: Color, width: Double, offset: Double)
        /// A raster of `columns` × `rows` values (row-major, first row at the bottom) filling the data
        /// rectangle x ∈ [x[0], x[1]], y ∈ [y[0], y[1]], coloured by `colormap` over `range` (values
        /// outside are clamped). For fields: concentration, potential, phase-field order parameter.
        case image(values: [Double], columns: Int, rows: Int, colormap: Colormap, range: ClosedRange<Double>)
        /// The region between (x, base) and (x, y) filled with `color` at `opacity` (0–1): a fitted
        /// component drawn on its background. No outline.
        case area(color: Color, opacity: Double, base: [Double])
    }

    public var x: [Double]
    public var y: [Double]
    public var kind: Kind
    /// Legend text; nil = not in the legend.
    public var label: String?
    public var axis: YAxisSide

    public init(x: [Double], y: [Double], kind: Kind, label: String? = nil, axis: YAxisSide = .left) {
        self.x = x
        self.y = y
        self.kind = kind
        self.label = label
        self.axis = axis
    }

    public static func line(_ x: [Double], _ y: [Double], color: Color, width: Double = 1.0, dash: [Double] = [],
                            label: String? = nil, axis: YAxisSide = .left, decimate: Bool = true) -> Series {
        Series(x: x, y: y, kind: .line(LineStyle(color: color, width: width, dash: dash), decimate: decimate), label: label, axis: axis)
    }

    public static func markers(_ x: [Double], _ y: [Double], _ style: MarkerStyle, joined: LineStyle? = nil,
                               label: String? = nil, axis: YAxisSide = .left) -> Series {
        Series(x: x, y: y, kind: .markers(style, joined: joined), label: label, axis: axis)
    }

    /// A colour-mapped raster over the data rectangle `[x0, x1] × [y0, y1]`.
    public static func image(_ values: [Double], columns: Int, rows: Int, x: ClosedRange<Double>, y: ClosedRange<Double>,
                             colormap: Colormap = .viridis, range: ClosedRange<Double>? = nil) -> Series {
        let finite = values.filter(\.isFinite)
        let r = range ?? ((finite.min() ?? 0)...(max(finite.max() ?? 1, (finite.min() ?? 0) + 1e-300)))
        return Series(x: [x.lowerBound, x.upperBound], y: [y.lowerBound, y.upperBound],
                      kind: .image(values: values, columns: columns, rows: rows, colormap: colormap, range: r))
    }

    /// A filled band between `base` and `y` (same length as x).
    public static func area(_ x: [Double], _ y: [Double], base: [Double], color: Color, opacity: Double = 0.45,
                            label: String? = nil) -> Series {
        Series(x: x, y: y, kind: .area(color: color, opacity: opacity, base: base), label: label)
    }

    public static func bars(_ x: [Double], _ y: [Double], color: Color, width: Double = 0.36, offset: Double = 0,
                            label: String? = nil) -> Series {
        Series(x: x, y: y, kind: .bars(color: color, width: width, offset: offset), label: label)
    }
}

/// A horizontal or vertical reference line (grey, 0.5 pt, behind the data), a shaded x range (behind),
/// or a text label (drawn over the data).
public enum Decoration: Sendable {
    case horizontalLine(y: Double, color: Color, width: Double)
    case verticalLine(x: Double, color: Color, width: Double)
    case xSpan(from: Double, to: Double, color: Color)
    /// Text at data coordinates (e.g. "n.r." for a missing bar), in grey at `size` pt.
    case text(String, x: Double, y: Double, size: Double, color: Color)
}
