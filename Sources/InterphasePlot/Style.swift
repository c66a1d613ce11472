/// The house style of Interphase figures (paper-ready, matching the reference matplotlib figures in the
/// design notes): sizes in points (1/72 in).
public struct PlotStyle: Sendable {
    public var fontFamily = "DejaVu Sans"
    public var fontSize = 8.0
    public var panelLetterSize = 9.0
    public var spineWidth = 0.6
    public var majorTickLength = 3.5
    public var majorTickWidth = 0.6
    public var minorTickLength = 2.0
    public var minorTickWidth = 0.5
    /// Gap between tick marks' axis line and tick labels, and between tick labels and the axis label.
    public var tickLabelPad = 3.0
    public var axisLabelPad = 3.0
    /// Padding at the figure edges and between panels.
    public var edgePad = 3.0
    public var dataLineWidth = 1.0
    public var markerSize = 3.5
    public var legendHandleLength = 1.6 // em
    public var legendHandlePad = 0.5 // em
    public var legendRowSpacing = 0.3 // em
    public var legendBorderPad = 0.5 // em from the axes

    public init() {}

    public static let standard = PlotStyle()
}

/// Colours as RGB in 0…1.
public struct Color: Sendable, Equatable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(_ red: Double, _ green: Double, _ blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#RRGGBB`.
    public init(hex: String) {
        var value: UInt64 = 0
        for c in hex.uppercased().unicodeScalars where c != "#" {
            let digit: UInt64 = c.value >= 65 ? UInt64(c.value - 55) : UInt64(c.value - 48)
            value = value * 16 + digit
        }
        self.init(Double(value >> 16 & 0xFF) / 255, Double(value >> 8 & 0xFF) / 255, Double(value & 0xFF) / 255)
    }

    public var hex: String {
        func h(_ x: Double) -> String {
            let v = Int((x * 255).rounded())
            let digits = Array("0123456789ABCDEF")
            return String([digits[v / 16], digits[v % 16]])
        }
        return "#" + h(red) + h(green) + h(blue)
    }

    public static let black = Color(0, 0, 0)
    public static let white = Color(1, 1, 1)
    /// Reference lines and excluded data.
    public static let grey = Color(hex: "#999999")
    /// A highlighted x range behind the data.
    public static let highlight = Color(hex: "#E8E8E8")

    /// Okabe–Ito colour-blind-safe palette, in the order series use it (B. Wong, Nat. Methods 8 (2011) 441).
    public static let palette: [Color] = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000"].map { Color(hex: $0) }
}
