import Foundation

/// Axis limits and ticks decided for one panel.
struct ResolvedAxes {
    var axes: Axes
    var x: Ticks.Layout
    var y: Ticks.Layout
    var y2: Ticks.Layout?
}

/// A rectangle in points, y down.
struct Box {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    var right: Double { x + width }
    var bottom: Double { y + height }
}

/// Decides ticks, margins and the axes rectangle of every panel.
struct FigureLayout {
    var resolved: [ResolvedAxes] = []
    var boxes: [Box] = []

    init(figure: Figure, measure: CairoCanvas) {
        let style = figure.style
        resolved = figure.panels.map { FigureLayout.resolve($0) }
        struct Margins { var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0 }
        var margins: [Margins] = []
        measure.setFont(style.fontFamily, size: style.fontSize, bold: false)
        let capHeight = 0.73 * style.fontSize
        let lineHeight = measure.measure("Hg").ascent + measure.measure("Hg").descent
        for r in resolved {
            var m = Margins()
            let yWidth = FigureLayout.maxLabelWidth(r.y, axis: r.axes.y, measure: measure, style: style)
            m.left = style.edgePad + yWidth + style.tickLabelPad + (r.axes.y.label.isEmpty ? 0 : lineHeight + style.axisLabelPad)
            if r.axes.panelLetter != nil { m.left = max(m.left, 30 + style.edgePad + 4) }
            if let y2 = r.y2, let axis = r.axes.y2 {
                m.right = style.edgePad + FigureLayout.maxLabelWidth(y2, axis: axis, measure: measure, style: style)
                    + style.tickLabelPad + (axis.label.isEmpty ? 0 : lineHeight + style.axisLabelPad)
            } else if let bar = r.axes.colorbar {
                var texts = bar.labels
                if let c = bar.continuous {
                    let t = Ticks.linear(low: c.range.lowerBound, high: c.range.upperBound, limits: (c.range.lowerBound, c.range.upperBound))
                    texts = t.major.map { Ticks.label($0, decimals: t.decimals) }
                }
                let labels = texts.map { measure.measure($0).width }.max() ?? 0
                m.right = style.edgePad + 6 + 8 + style.tickLabelPad + labels + style.axisLabelPad + lineHeight
            } else {
                let last = r.axes.x.showTickLabels ? (r.x.major.last.map { measure.measure(Ticks.label($0, decimals: r.x.decimals)).width } ?? 0) : 0
                m.right = style.edgePad + max(last / 2, 2) + 2
            }
            let xLabels = r.axes.x.showTickLabels ? capHeight + style.tickLabelPad + (r.axes.x.scale == .log ? 3.3 : 0) : 0
            let xTitle = r.axes.x.label.isEmpty || !r.axes.x.showTickLabels ? 0 : lineHeight + style.axisLabelPad
            m.bottom = style.edgePad + xLabels + xTitle
            m.top = style.edgePad + (r.axes.panelLetter != nil ? style.panelLetterSize * 0.75 + 2 : capHeight / 2 + 1)
            margins.append(m)
        }
        // Grid cells.
        let rowWeights = figure.rowWeights ?? [Double](repeating: 1, count: figure.rows)
        let columnWeights = figure.columnWeights ?? [Double](repeating: 1, count: figure.columns)
        let totalW = figure.width * 72, totalH = figure.height * 72
        let placements = figure.placements ?? resolved.indices.map { PanelPlacement(row: $0 / figure.columns, column: $0 % figure.columns) }
        precondition(placements.count == resolved.count, "Figure: one placement per panel")
        // Shared margins: max per column (left/right) and per row (top/bottom) so panels align; a panel
        // spanning cells sets the left/top margin of its first and the right/bottom margin of its last.
        var left = [Double](repeating: 0, count: figure.columns), right = left
        var top = [Double](repeating: 0, count: figure.rows), bottom = top
        for (i, m) in margins.enumerated() {
            let p = placements[i]
            left[p.column] = max(left[p.column], m.left); right[p.lastColumn] = max(right[p.lastColumn], m.right)
            top[p.row] = max(top[p.row], m.top); bottom[p.lastRow] = max(bottom[p.lastRow], m.bottom)
        }
        // Axes sizes: the space left after margins, split by the weights.
        let freeW = totalW - left.reduce(0, +) - right.reduce(0, +)
        let freeH = totalH - top.reduce(0, +) - bottom.reduce(0, +)
        let sumW = columnWeights.reduce(0, +), sumH = rowWeights.reduce(0, +)
        let cellW = columnWeights.map { freeW * $0 / sumW }, cellH = rowWeights.map { freeH * $0 / sumH }
        for i in resolved.indices {
            let p = placements[i]
            var x = 0.0
            for k in 0..<p.column { x += left[k] + cellW[k] + right[k] }
            var y = 0.0
            for k in 0..<p.row { y += top[k] + cellH[k] + bottom[k] }
            var width = 0.0, height = 0.0
            for k in p.column...p.lastColumn { width += cellW[k] + (k < p.lastColumn ? right[k] + left[k + 1] : 0) }
            for k in p.row...p.lastRow { height += cellH[k] + (k < p.lastRow ? bottom[k] + top[k + 1] : 0) }
            var box = Box(x: x + left[p.column], y: y + top[p.row], width: width, height: height)
            if resolved[i].axes.colorbar != nil {
                box.width = max(box.width, 10)
            }
            if resolved[i].axes.equalAspect {
                FigureLayout.equalize(&resolved[i], box: &box)
            }
            FigureLayout.spaceXLabels(&resolved[i], width: box.width, measure: measure)
            boxes.append(box)
        }
    }

    /// Widens the x step (1 → 2 → 5 → 10 × 10ⁿ, limits kept) until neighbouring tick labels no longer
    /// touch: a cycle-number axis of 12,500 cycles on a 3.4-inch panel printed `10000` into `12000`.
    static func spaceXLabels(_ r: inout ResolvedAxes, width: Double, measure: CairoCanvas) {
        guard r.axes.x.scale != .log, r.axes.x.categories == nil, r.axes.x.showTickLabels, r.axes.x.step == nil,
              r.x.major.count > 2, r.x.upper > r.x.lower, width > 0 else { return }
        let gap = 0.6 * measure.measure("0").width
        for _ in 0..<6 {
            let step = r.x.major[1] - r.x.major[0]
            let spacing = width * step / (r.x.upper - r.x.lower)
            let widest = r.x.major.map { measure.measure(Ticks.label($0, decimals: r.x.decimals)).width }.max() ?? 0
            guard widest + gap > spacing else { return }
            let mantissa = step / pow(10, (log10(step)).rounded(.down))
            let next = step * (mantissa < 1.5 ? 2 : mantissa < 3 ? 2.5 : 2)
            let wider = Ticks.linear(low: r.x.lower, high: r.x.upper, integer: r.axes.x.integer, step: next,
                                     limits: (r.x.lower, r.x.upper))
            guard wider.major.count >= 2 else { return }
            r.x = wider
        }
    }

    static func maxLabelWidth(_ layout: Ticks.Layout, axis: Axis, measure: CairoCanvas, style: PlotStyle) -> Double {
        guard axis.showTickLabels else { return 0 }
        if axis.scale == .log {
            return layout.major.map { v -> Double in
                let e = Int(log10(v).rounded())
                let base = measure.measure("10").width
                return base + measure.measure(String(e)).width * 0.7
            }.max() ?? 0
        }
        if let categories = axis.categories { return categories.map { measure.measure($0).width }.max() ?? 0 }
        return layout.major.map { measure.measure(Ticks.label($0, decimals: layout.decimals)).width }.max() ?? 0
    }

    /// Data ranges and tick layouts of a panel.
    static func resolve(_ axes: Axes) -> ResolvedAxes {
        func range(_ values: [[Double]], log: Bool) -> (Double, Double) {
            var lo = Double.infinity, hi = -Double.infinity
            for list in values { for v in list where v.isFinite && (!log || v > 0) { lo = min(lo, v); hi = max(hi, v) } }
            return lo <= hi ? (lo, hi) : (log ? 1 : 0, log ? 10 : 1)
        }
        func layout(_ axis: Axis, _ data: [[Double]], includeZero: Bool = false) -> Ticks.Layout {
            if let categories = axis.categories {
                let n = Double(categories.count)
                return Ticks.Layout(lower: -0.5, upper: n - 0.5, major: (0..<categories.count).map(Double.init), minor: [], decimals: 0)
            }
            if axis.scale == .log {
                let (lo, hi) = axis.limits ?? range(data, log: true)
                return Ticks.log(low: lo, high: hi)
            }
            var (lo, hi) = range(data, log: false)
            if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
            return Ticks.linear(low: lo, high: hi, integer: axis.integer, step: axis.step, limits: axis.limits)
        }
        let left = axes.series.filter { $0.axis == .left }
        let right = axes.series.filter { $0.axis == .right }
        let hasBars = axes.series.contains { if case .bars = $0.kind { return true }; return false }
        let xs = axes.series.map(\.x)
        return ResolvedAxes(
            axes: axes, x: layout(axes.x, xs), y: layout(axes.y, left.map(\.y), includeZero: hasBars),
            y2: axes.y2.map { layout($0, right.map(\.y)) })
    }

    /// Equal aspect (Nyquist): one data unit has the same length on both axes and both use the same step.
    /// The axis whose data need less room is extended upward (x to the right, y upward) to fill the box.
    static func equalize(_ r: inout ResolvedAxes, box: inout Box) {
        let hasImage = r.axes.series.contains { if case .image = $0.kind { return true }; return false }
        if hasImage {
            // A field keeps its extent; the box shrinks instead (matplotlib's adjustable="box").
            let scale = max((r.x.upper - r.x.lower) / box.width, (r.y.upper - r.y.lower) / box.height)
            box.width = (r.x.upper - r.x.lower) / scale
            box.height = (r.y.upper - r.y.lower) / scale
            return
        }
        let step = max(r.x.major.count > 1 ? r.x.major[1] - r.x.major[0] : 1, r.y.major.count > 1 ? r.y.major[1] - r.y.major[0] : 1)
        var x = Ticks.linear(low: r.x.lower, high: r.x.upper, step: step, pad: false)
        var y = Ticks.linear(low: r.y.lower, high: r.y.upper, step: step, pad: false)
        let scale = max((x.upper - x.lower) / box.width, (y.upper - y.lower) / box.height) // data units per pt
        let xUpper = x.lower + scale * box.width
        let yUpper = y.lower + scale * box.height
        x = Ticks.linear(low: x.lower, high: xUpper, step: step, limits: (x.lower, xUpper))
        y = Ticks.linear(low: y.lower, high: yUpper, step: step, limits: (y.lower, yUpper))
        r.x = x
        r.y = y
    }
}

extension FigureLayout {
    /// For tests: the first panel's axes box (pt) and tick layouts after layout.
    static func testHook(_ figure: Figure) -> (box: (width: Double, height: Double), x: Ticks.Layout, y: Ticks.Layout) {
        let layout = FigureLayout(figure: figure, measure: CairoCanvas.measuring())
        return ((layout.boxes[0].width, layout.boxes[0].height), layout.resolved[0].x, layout.resolved[0].y)
    }
}
