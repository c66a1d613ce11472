/// One axis of an `Axes`: label, scale, and optional fixed limits/step.
public struct Axis: Sendable {
    public enum Scale: Sendable { case linear, log }

    /// "Quantity (unit)", e.g. "Time (h)", "−Z″ (mΩ)".
    public var label: String
    public var scale: Scale = .linear
    /// Fixed limits; nil = from the data by the tick rules.
    public var limits: (Double, Double)?
    /// Fixed major step; nil = 1, 2 or 5 × 10ⁿ giving 4–7 ticks.
    public var step: Double?
    /// Integer-valued axis (cycle numbers): integer steps, no minor ticks.
    public var integer = false
    /// Category labels at x = 0, 1, 2, … (bar charts): no tick marks, no minor ticks.
    public var categories: [String]?
    /// Show tick labels (false for the shared x axis of an upper stacked panel).
    public var showTickLabels = true
    /// Values decrease along the axis (x: to the right; y: upward) — XPS binding energy is drawn this way.
    public var reversed = false

    public init(_ label: String, scale: Scale = .linear, limits: (Double, Double)? = nil, step: Double? = nil, integer: Bool = false) {
        self.label = label
        self.scale = scale
        self.limits = limits
        self.step = step
        self.integer = integer
    }
}

/// Where the legend goes, inside the axes.
public enum LegendLocation: Sendable {
    /// The corner (or the lower/upper centre) whose legend box covers the fewest data points.
    case best
    case upperLeft, upperRight, lowerLeft, lowerRight, lowerCenter, upperCenter, none
}

/// A colour bar beside the axes, as tall as the axes and 1/25 of its height wide.
///
/// Discrete (one block per entry, labels at block centres, no tick marks — cycle numbers) or continuous
/// (a colour map over a value range with ticks chosen by the axis rules — fields).
public struct Colorbar: Sendable {
    public var colors: [Color]
    public var labels: [String]
    public var title: String
    /// Continuous bars: the colour map and its value range.
    public var continuous: (colormap: Colormap, range: ClosedRange<Double>)?

    /// A discrete bar.
    public init(colors: [Color], labels: [String], title: String) {
        self.colors = colors
        self.labels = labels
        self.title = title
    }

    /// A continuous bar for `colormap` over `range`.
    public init(colormap: Colormap, range: ClosedRange<Double>, title: String) {
        self.colors = []
        self.labels = []
        self.title = title
        self.continuous = (colormap, range)
    }
}

/// One panel: axes with series, decorations, legend and optional twin y axis and colour bar.
public struct Axes: Sendable {
    public var x: Axis
    public var y: Axis
    /// A second y axis on the right (twin); its series use `axis: .right`.
    public var y2: Axis?
    public var series: [Series] = []
    public var decorations: [Decoration] = []
    public var legend: LegendLocation = .best
    /// 1 data unit on x has the same length as on y (Nyquist plots).
    public var equalAspect = false
    /// Lower-case panel letter drawn bold at the top-left ("a", "b").
    public var panelLetter: String?
    public var colorbar: Colorbar?

    public init(x: Axis, y: Axis, y2: Axis? = nil) {
        self.x = x
        self.y = y
        self.y2 = y2
    }

    public mutating func add(_ s: Series) { series.append(s) }
    public mutating func add(_ d: Decoration) { decorations.append(d) }
}
