import Foundation

/// Draws one resolved panel into its box: decorations, series, spines, ticks, labels, legend, colour bar.
struct PanelRenderer {
    let panel: ResolvedAxes
    let box: Box
    let style: PlotStyle
    let canvas: CairoCanvas
    let pixelsPerPoint: Double

    var axes: Axes { panel.axes }

    // MARK: Coordinates

    func px(_ x: Double) -> Double { map(x, panel.x, axes.x.scale, box.x, box.width, flip: axes.x.reversed) }
    func py(_ y: Double, _ side: YAxisSide = .left) -> Double {
        let layout = side == .right ? (panel.y2 ?? panel.y) : panel.y
        let scale = side == .right ? (axes.y2?.scale ?? .linear) : axes.y.scale
        return map(y, layout, scale, box.y, box.height, flip: !(side == .right ? (axes.y2?.reversed ?? false) : axes.y.reversed))
    }

    func map(_ v: Double, _ layout: Ticks.Layout, _ scale: Axis.Scale, _ origin: Double, _ length: Double, flip: Bool) -> Double {
        let t: Double
        if scale == .log {
            guard v > 0 else { return .nan }
            t = (log10(v) - log10(layout.lower)) / (log10(layout.upper) - log10(layout.lower))
        } else {
            t = (v - layout.lower) / (layout.upper - layout.lower)
        }
        return flip ? origin + length * (1 - t) : origin + length * t
    }

    // MARK: Drawing

    func draw() {
        canvas.save()
        canvas.clip(x: box.x, y: box.y, width: box.width, height: box.height)
        // Lines and spans behind the data; text labels on top of it (a raster would hide them).
        func isText(_ d: Decoration) -> Bool { if case .text = d { return true } else { return false } }
        for decoration in axes.decorations where !isText(decoration) { drawDecoration(decoration) }
        for series in axes.series { drawSeries(series) }
        for decoration in axes.decorations where isText(decoration) { drawDecoration(decoration) }
        canvas.restore()
        drawFrameAndTicks()
        drawLegend()
        if let bar = axes.colorbar { drawColorbar(bar) }
        if let letter = axes.panelLetter {
            canvas.setFont(style.fontFamily, size: style.panelLetterSize, bold: true)
            canvas.text(letter, x: box.x - 30, y: box.y - 2, anchor: .left, baseline: .alphabetic)
        }
    }

    func drawDecoration(_ d: Decoration) {
        switch d {
        case let .horizontalLine(y, color, width):
            canvas.move(box.x, py(y)); canvas.line(box.right, py(y)); canvas.stroke(color, width: width)
        case let .verticalLine(x, color, width):
            canvas.move(px(x), box.y); canvas.line(px(x), box.bottom); canvas.stroke(color, width: width)
        case let .xSpan(a, b, color):
            canvas.rectangle(px(a), box.y, px(b) - px(a), box.height); canvas.fill(color)
        case let .text(text, x, y, size, color):
            canvas.setFont(style.fontFamily, size: size, bold: false)
            canvas.text(text, x: px(x), y: py(y) - 2, anchor: .center, baseline: .bottom, color: color)
        }
    }

    func drawSeries(_ s: Series) {
        switch s.kind {
        case let .line(lineStyle, decimate):
            let (xs, ys) = decimate ? decimated(s) : (s.x, s.y)
            polyline(xs, ys, s.axis)
            canvas.stroke(lineStyle.color, width: lineStyle.width, dash: lineStyle.dash)
        case let .markers(markerStyle, joined):
            if let joined {
                let (xs, ys) = decimated(s)
                polyline(xs, ys, s.axis)
                canvas.stroke(joined.color, width: joined.width, dash: joined.dash)
            }
            // Marker positions in points; the decimation sees them in device pixels (the PNG's) for every
            // format, so SVG, PNG and PDF draw the same markers.
            let n = min(s.x.count, s.y.count)
            let xs = (0..<n).map { px(s.x[$0]) }, ys = (0..<n).map { py(s.y[$0], s.axis) }
            let columns = Int(box.width * pixelsPerPoint)
            let visible = MarkerDecimation.visibleIndices(x: xs.map { $0 * pixelsPerPoint }, y: ys.map { $0 * pixelsPerPoint },
                                                          cell: MarkerDecimation.cell(for: markerStyle, pixelsPerPoint: pixelsPerPoint),
                                                          columns: columns)
            let finite = (0..<n).reduce(0) { $0 + (xs[$1].isFinite && ys[$1].isFinite ? 1 : 0) }
            if canvas.isRaster && MarkerDecimation.isDense(count: finite, columns: columns) {
                stampMarkers(markerStyle, xs, ys, visible)
            } else {
                for i in visible { drawMarker(markerStyle, at: xs[i], ys[i]) }
            }
        case let .image(values, columns, rows, colormap, range):
            guard columns > 0, rows > 0, values.count == columns * rows, s.x.count == 2, s.y.count == 2 else { return }
            let span = range.upperBound - range.lowerBound
            var pixels = [UInt32](repeating: 0, count: columns * rows)
            for row in 0..<rows {
                for column in 0..<columns {
                    let v = values[row * columns + column]
                    let t = span > 0 ? (v - range.lowerBound) / span : 0
                    let c = v.isFinite ? colormap.color(at: t) : .white
                    // Cairo rows run top-down; the data's first row is at the bottom.
                    pixels[(rows - 1 - row) * columns + column] = 0xFF00_0000 | UInt32((c.red * 255).rounded()) << 16
                        | UInt32((c.green * 255).rounded()) << 8 | UInt32((c.blue * 255).rounded())
                }
            }
            let left = px(s.x[0]), right = px(s.x[1]), top = py(s.y[1]), bottom = py(s.y[0])
            canvas.image(pixels, columns: columns, rows: rows, x: left, y: top, width: right - left, height: bottom - top)
        case let .area(color, opacity, base):
            let n = min(s.x.count, s.y.count, base.count)
            guard n > 1 else { return }
            canvas.move(px(s.x[0]), py(s.y[0], s.axis))
            for i in 1..<n { canvas.line(px(s.x[i]), py(s.y[i], s.axis)) }
            for i in stride(from: n - 1, through: 0, by: -1) { canvas.line(px(s.x[i]), py(base[i], s.axis)) }
            canvas.fill(color, alpha: opacity)
        case let .bars(color, width, offset):
            for (x, y) in zip(s.x, s.y) where x.isFinite && y.isFinite {
                let left = px(x + offset - width / 2), right = px(x + offset + width / 2)
                let top = py(max(y, 0)), base = py(min(y, 0))
                canvas.rectangle(left, top, right - left, base - top)
                canvas.fill(color)
            }
        }
    }

    func polyline(_ xs: [Double], _ ys: [Double], _ side: YAxisSide) {
        var penDown = false
        for (x, y) in zip(xs, ys) {
            let a = px(x), b = py(y, side)
            guard a.isFinite && b.isFinite else { penDown = false; continue }
            if penDown { canvas.line(a, b) } else { canvas.move(a, b); penDown = true }
        }
    }

    func drawMarker(_ m: MarkerStyle, at x: Double, _ y: Double, on target: CairoCanvas? = nil) {
        let canvas = target ?? canvas
        switch m.marker {
        case .circle: canvas.circle(x, y, radius: m.size / 2)
        case .square:
            let side = m.size
            canvas.rectangle(x - side / 2, y - side / 2, side, side)
        }
        if m.filled {
            canvas.fill(m.color)
        } else {
            canvas.fill(.white, preserve: true)
            canvas.stroke(m.color, width: m.edgeWidth)
        }
    }

    /// Sub-pixel phases per axis of a marker sprite: positions are rounded to 1/4 device pixel.
    static let spritePhases = 4

    /// Raster output of a dense marker series: the marker is drawn once at each of 4 × 4 sub-pixel
    /// phases into a sprite sheet, and each marker is a pixel-aligned copy of the phase nearest its
    /// position (at most 1/8 px off). Cairo fills and strokes every small circle through its general
    /// path rasteriser (~20 µs for an open marker); a copy costs ~1 µs, and blending the sprite gives the
    /// same pixels as drawing the marker there. Only for series that are decimated: small ones draw
    /// exactly as they always have.
    func stampMarkers(_ m: MarkerStyle, _ xs: [Double], _ ys: [Double], _ indices: [Int]) {
        let phases = Self.spritePhases
        // Half the marker's extent (edge stroke included) plus a pixel of antialiasing, in device pixels.
        let half = Int(((m.size + m.edgeWidth) / 2 * pixelsPerPoint).rounded(.up)) + 1
        let cell = 2 * half + 2
        let sheet = CairoCanvas.sprite(width: cell * phases, height: cell * phases, scale: pixelsPerPoint)
        for a in 0..<phases {
            for b in 0..<phases {
                let cx = Double(a * cell + half) + Double(a) / Double(phases)
                let cy = Double(b * cell + half) + Double(b) / Double(phases)
                drawMarker(m, at: cx / pixelsPerPoint, cy / pixelsPerPoint, on: sheet)
            }
        }
        canvas.inDeviceSpace {
            for i in indices {
                let x = (xs[i] * pixelsPerPoint * Double(phases)).rounded() / Double(phases)
                let y = (ys[i] * pixelsPerPoint * Double(phases)).rounded() / Double(phases)
                let ix = x.rounded(.down), iy = y.rounded(.down)
                let a = Int((x - ix) * Double(phases)), b = Int((y - iy) * Double(phases))
                canvas.stamp(sheet, x: a * cell, y: b * cell, size: cell, atPixel: Int(ix) - half, Int(iy) - half)
            }
        }
    }

    /// First/min/max/last of each of ~1.3 bins per output pixel (at 200 dpi) when the series has more
    /// than four points per bin: at print size this looks the same as every point (spikes keep their
    /// height) and keeps SVGs small. Used for `.line(_, decimate: true)` and for the line joining a
    /// marker series.
    func decimated(_ s: Series) -> ([Double], [Double]) {
        let bins = max(Int(box.width * pixelsPerPoint * 1.3), 50)
        guard s.x.count > 4 * bins, panel.x.upper > panel.x.lower else { return (s.x, s.y) }
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(bins * 4); ys.reserveCapacity(bins * 4)
        let width = (panel.x.upper - panel.x.lower) / Double(bins)
        var i = 0
        let n = min(s.x.count, s.y.count)
        while i < n {
            // A non-finite point breaks the line, as it does undecimated.
            guard s.x[i].isFinite && s.y[i].isFinite else { xs.append(.nan); ys.append(.nan); i += 1; continue }
            let bin = Foundation.floor((s.x[i] - panel.x.lower) / width)
            var j = i
            var lo = i, hi = i
            while j < n, s.x[j].isFinite, s.y[j].isFinite, Foundation.floor((s.x[j] - panel.x.lower) / width) == bin {
                if s.y[j] < s.y[lo] { lo = j }
                if s.y[j] > s.y[hi] { hi = j }
                j += 1
            }
            for k in Array(Set([i, lo, hi, j - 1])).sorted() { xs.append(s.x[k]); ys.append(s.y[k]) }
            i = max(j, i + 1)
        }
        return (xs, ys)
    }

    // MARK: Frame, ticks, labels

    func drawFrameAndTicks() {
        canvas.rectangle(box.x, box.y, box.width, box.height)
        canvas.stroke(.black, width: style.spineWidth)
        let categoricalX = axes.x.categories != nil
        // x ticks: bottom and top, inward.
        if !categoricalX {
            for (values, length, width) in [(panel.x.minor, style.minorTickLength, style.minorTickWidth),
                                            (panel.x.major, style.majorTickLength, style.majorTickWidth)] {
                for v in values {
                    let x = px(v)
                    guard x >= box.x - 0.01 && x <= box.right + 0.01 else { continue }
                    canvas.move(x, box.bottom); canvas.line(x, box.bottom - length)
                    canvas.move(x, box.y); canvas.line(x, box.y + length)
                    canvas.stroke(.black, width: width)
                }
            }
        }
        // y ticks: left (and right unless a twin axis takes the right side).
        for (values, length, width) in [(panel.y.minor, style.minorTickLength, style.minorTickWidth),
                                        (panel.y.major, style.majorTickLength, style.majorTickWidth)] {
            for v in values {
                let y = py(v)
                guard y >= box.y - 0.01 && y <= box.bottom + 0.01 else { continue }
                canvas.move(box.x, y); canvas.line(box.x + length, y)
                if panel.y2 == nil { canvas.move(box.right, y); canvas.line(box.right - length, y) }
                canvas.stroke(.black, width: width)
            }
        }
        if let y2 = panel.y2 {
            for (values, length, width) in [(y2.minor, style.minorTickLength, style.minorTickWidth),
                                            (y2.major, style.majorTickLength, style.majorTickWidth)] {
                for v in values {
                    let y = py(v, .right)
                    guard y >= box.y - 0.01 && y <= box.bottom + 0.01 else { continue }
                    canvas.move(box.right, y); canvas.line(box.right - length, y)
                    canvas.stroke(.black, width: width)
                }
            }
        }
        canvas.setFont(style.fontFamily, size: style.fontSize, bold: false)
        let capHeight = 0.73 * style.fontSize
        // x tick labels.
        var xLabelBottom = box.bottom
        if axes.x.showTickLabels {
            for (k, v) in panel.x.major.enumerated() {
                let x = px(v)
                guard x >= box.x - 0.01 && x <= box.right + 0.01 else { continue }
                let top = box.bottom + style.tickLabelPad
                if let categories = axes.x.categories, k < categories.count {
                    canvas.text(categories[k], x: x, y: top, anchor: .center, baseline: .top)
                } else if axes.x.scale == .log {
                    drawPower(of: v, x: x, y: top + 3.3, anchor: .center)
                } else {
                    canvas.text(Ticks.label(v, decimals: panel.x.decimals), x: x, y: top, anchor: .center, baseline: .top)
                }
            }
            xLabelBottom = box.bottom + style.tickLabelPad + capHeight + (axes.x.scale == .log ? 3.3 : 0)
            if !axes.x.label.isEmpty {
                canvas.text(axes.x.label, x: box.x + box.width / 2, y: xLabelBottom + style.axisLabelPad, anchor: .center, baseline: .top)
            }
        }
        // y tick labels and label, left; y2 right.
        let leftWidth = drawYLabels(panel.y, axis: axes.y, side: .left)
        if !axes.y.label.isEmpty {
            let descent = 0.236 * style.fontSize
            canvas.text(axes.y.label, x: box.x - leftWidth - style.tickLabelPad - style.axisLabelPad - descent,
                        y: box.y + box.height / 2, anchor: .center, baseline: .alphabetic, rotation: -Double.pi / 2)
        }
        if let y2 = panel.y2, let axis = axes.y2 {
            let rightWidth = drawYLabels(y2, axis: axis, side: .right)
            if !axis.label.isEmpty {
                // Same reading direction as the left label (bottom to top): glyph tops face the axes.
                canvas.text(axis.label, x: box.right + rightWidth + style.tickLabelPad + style.axisLabelPad + 0.73 * style.fontSize,
                            y: box.y + box.height / 2, anchor: .center, baseline: .alphabetic, rotation: -Double.pi / 2)
            }
        }
    }

    /// Draws y tick labels on one side; returns the widest label's width.
    func drawYLabels(_ layout: Ticks.Layout, axis: Axis, side: YAxisSide) -> Double {
        guard axis.showTickLabels else { return 0 }
        var widest = 0.0
        for v in layout.major {
            let y = py(v, side)
            guard y >= box.y - 0.01 && y <= box.bottom + 0.01 else { continue }
            let x = side == .left ? box.x - style.tickLabelPad : box.right + style.tickLabelPad
            if axis.scale == .log {
                widest = max(widest, drawPower(of: v, x: x, y: y + 0.73 * style.fontSize / 2, anchor: side == .left ? .right : .left))
            } else {
                let text = Ticks.label(v, decimals: layout.decimals)
                widest = max(widest, canvas.measure(text).width)
                canvas.text(text, x: x, y: y, anchor: side == .left ? .right : .left, baseline: .middle)
            }
        }
        return widest
    }

    /// "10" at the font size with the exponent at 70 % raised 3.3 pt; (x, baseline y). Returns the width.
    @discardableResult
    func drawPower(of value: Double, x: Double, y: Double, anchor: CairoCanvas.Anchor) -> Double {
        let exponent = Int(log10(value).rounded())
        let exponentText = exponent < 0 ? "\u{2212}\(-exponent)" : "\(exponent)"
        canvas.setFont(style.fontFamily, size: style.fontSize, bold: false)
        let base = canvas.measure("10").width
        canvas.setFont(style.fontFamily, size: style.fontSize * 0.7, bold: false)
        let sup = canvas.measure(exponentText).width
        let total = base + sup
        let start: Double = anchor == .left ? x : anchor == .right ? x - total : x - total / 2
        canvas.setFont(style.fontFamily, size: style.fontSize, bold: false)
        canvas.text("10", x: start, y: y, anchor: .left, baseline: .alphabetic)
        canvas.setFont(style.fontFamily, size: style.fontSize * 0.7, bold: false)
        canvas.text(exponentText, x: start + base, y: y - 3.3, anchor: .left, baseline: .alphabetic)
        canvas.setFont(style.fontFamily, size: style.fontSize, bold: false)
        return total
    }

    // MARK: Legend

    func drawLegend() {
        let entries = axes.series.filter { $0.label != nil }
        guard !entries.isEmpty, axes.legend != .none else { return }
        canvas.setFont(style.fontFamily, size: style.fontSize, bold: false)
        let em = style.fontSize
        let handle = style.legendHandleLength * em
        let gap = style.legendHandlePad * em
        let pitch = em * (1 + style.legendRowSpacing) + 1
        let inset = style.legendBorderPad * em + 0.4 * em
        let textWidth = entries.map { canvas.measure($0.label ?? "").width }.max() ?? 0
        let width = handle + gap + textWidth
        let height = pitch * Double(entries.count) - (pitch - em)
        func origin(_ location: LegendLocation) -> (Double, Double) {
            switch location {
            case .upperLeft: return (box.x + inset, box.y + inset)
            case .upperRight: return (box.right - inset - width, box.y + inset)
            case .upperCenter: return (box.x + (box.width - width) / 2, box.y + inset)
            case .lowerLeft: return (box.x + inset, box.bottom - inset - height)
            case .lowerCenter: return (box.x + (box.width - width) / 2, box.bottom - inset - height)
            case .lowerRight, .none, .best: return (box.right - inset - width, box.bottom - inset - height)
            }
        }
        var location = axes.legend
        if location == .best {
            // Fewest data points (and line segments sampled at their points) under the legend box.
            let candidates: [LegendLocation] = [.upperRight, .upperLeft, .lowerRight, .lowerLeft, .upperCenter, .lowerCenter]
            var counts = [Int](repeating: 0, count: candidates.count)
            let boxes = candidates.map { origin($0) }
            for s in axes.series {
                let stride = max(1, s.x.count / 4000)
                var joined = false
                switch s.kind {
                case .line: joined = true
                case let .markers(_, line): joined = line != nil
                case .bars, .image, .area: joined = false
                }
                var previous: (Double, Double)?
                for k in Swift.stride(from: 0, to: s.x.count, by: stride) {
                    let x = px(s.x[k]), y = py(s.y[k], s.axis)
                    guard x.isFinite && y.isFinite else { previous = nil; continue }
                    // Lines count along their length (8 samples per segment), not only at their points.
                    var samples = [(x, y)]
                    if joined, let p = previous { samples += (1..<8).map { t in (p.0 + (x - p.0) * Double(t) / 8, p.1 + (y - p.1) * Double(t) / 8) } }
                    previous = (x, y)
                    for (sx, sy) in samples {
                        for (c, o) in boxes.enumerated() where sx >= o.0 - 3 && sx <= o.0 + width + 3 && sy >= o.1 - 3 && sy <= o.1 + height + 3 {
                            counts[c] += stride
                        }
                    }
                }
            }
            location = candidates[counts.indices.min { counts[$0] < counts[$1] } ?? 0]
        }
        let (left, top) = origin(location)
        for (k, s) in entries.enumerated() {
            let cy = top + Double(k) * pitch + em / 2
            switch s.kind {
            case let .line(line, _):
                canvas.move(left, cy); canvas.line(left + handle, cy)
                canvas.stroke(line.color, width: line.width, dash: line.dash)
            case let .markers(marker, joined):
                if let joined {
                    canvas.move(left, cy); canvas.line(left + handle, cy)
                    canvas.stroke(joined.color, width: joined.width, dash: joined.dash)
                }
                drawMarker(marker, at: left + handle / 2, cy)
            case let .bars(color, _, _):
                canvas.rectangle(left + handle / 2 - em * 0.35, cy - em * 0.35, em * 0.7, em * 0.7)
                canvas.fill(color)
            case let .area(color, opacity, _):
                canvas.rectangle(left + handle / 2 - em * 0.35, cy - em * 0.35, em * 0.7, em * 0.7)
                canvas.fill(color, alpha: opacity)
            case .image:
                break
            }
            canvas.text(s.label ?? "", x: left + handle + gap, y: cy, anchor: .left, baseline: .middle)
        }
    }

    // MARK: Colour bar

    func drawColorbar(_ bar: Colorbar) {
        let x0 = box.right + 6
        let width = max(box.height / 25, 4)
        canvas.setFont(style.fontFamily, size: style.fontSize, bold: false)
        var widest = 0.0
        if let continuous = bar.continuous {
            // A vertical strip of 256 colours, ticks inward on the right edge as on an axis.
            let steps = 256
            let pixels = (0..<steps).map { k -> UInt32 in
                let c = continuous.colormap.color(at: 1 - Double(k) / Double(steps - 1))
                return 0xFF00_0000 | UInt32((c.red * 255).rounded()) << 16 | UInt32((c.green * 255).rounded()) << 8 | UInt32((c.blue * 255).rounded())
            }
            canvas.image(pixels, columns: 1, rows: steps, x: x0, y: box.y, width: width, height: box.height)
            let lo = continuous.range.lowerBound, hi = continuous.range.upperBound
            let ticks = Ticks.linear(low: lo, high: hi, limits: (lo, hi))
            for v in ticks.major where hi > lo {
                let y = box.bottom - (v - lo) / (hi - lo) * box.height
                canvas.move(x0 + width, y); canvas.line(x0 + width - style.majorTickLength, y)
                canvas.stroke(.black, width: style.majorTickWidth)
                let label = Ticks.label(v, decimals: ticks.decimals)
                canvas.text(label, x: x0 + width + style.tickLabelPad, y: y, anchor: .left, baseline: .middle)
                widest = max(widest, canvas.measure(label).width)
            }
        } else {
            guard !bar.colors.isEmpty else { return }
            let block = box.height / Double(bar.colors.count)
            for (k, color) in bar.colors.enumerated() {
                let top = box.bottom - Double(k + 1) * block
                canvas.rectangle(x0, top, width, block + 0.2)
                canvas.fill(color)
            }
            for (k, label) in bar.labels.enumerated() where k < bar.colors.count {
                let cy = box.bottom - (Double(k) + 0.5) * block
                canvas.text(label, x: x0 + width + style.tickLabelPad, y: cy, anchor: .left, baseline: .middle)
                widest = max(widest, canvas.measure(label).width)
            }
        }
        canvas.rectangle(x0, box.y, width, box.height)
        canvas.stroke(.black, width: style.spineWidth)
        if !bar.title.isEmpty {
            canvas.text(bar.title, x: x0 + width + style.tickLabelPad + widest + style.axisLabelPad + 0.73 * style.fontSize,
                        y: box.y + box.height / 2, anchor: .center, baseline: .alphabetic, rotation: -Double.pi / 2)
        }
    }
}
