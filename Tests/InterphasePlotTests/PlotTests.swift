import Foundation
@testable import InterphasePlot
import Testing
import _InterphaseTestSupport

@Suite struct TickTests {
    /// The house rules: 4–7 major ticks, steps 1/2/5 × 10ⁿ, limits at a tick or half a step beyond.
    @Test func linearTicksFollowTheRules() {
        let ranges: [(Double, Double)] = [(0, 45.35), (2.4999, 4.2), (4717.5, 4760.7), (-0.031, 0.66), (99.09, 99.97), (1e-6, 3e-6)]
        for (lo, hi) in ranges {
            let t = Ticks.linear(low: lo, high: hi)
            #expect((4...7).contains(t.major.count), "\(lo)…\(hi): \(t.major)")
            let step = t.major[1] - t.major[0]
            let mantissa = step / pow(10, floor(log10(step)))
            #expect([1.0, 2.0, 5.0].contains { abs($0 - mantissa) < 1e-9 }, "step \(step)")
            #expect(t.lower <= lo + 0.01 * step && t.upper >= hi - 0.01 * step)
            // Limits sit at a tick or half a step beyond the outermost tick.
            for limit in [t.lower, t.upper] {
                let r = limit / step * 2
                #expect(abs(r - r.rounded()) < 1e-6)
            }
            #expect(t.minor.count >= t.major.count - 1)
        }
        // The dQ/dV trace that ends at 2.4999 V gets its limit at 2.5 V.
        #expect(Ticks.linear(low: 2.4999, high: 4.14).lower == 2.5)
    }

    @Test func labelsUseTrueMinusAndFixedDecimals() {
        #expect(Ticks.label(-0.5, decimals: 1) == "\u{2212}0.5")
        #expect(Ticks.label(-0.0, decimals: 1) == "0.0")
        #expect(Ticks.label(3, decimals: 1) == "3.0")
        let t = Ticks.linear(low: 2.5, high: 4.2)
        #expect(Set(t.major.map { Ticks.label($0, decimals: t.decimals).count }).count == 1)
    }

    @Test func logTicksAtEveryDecade() {
        // The reference Bode plot: 0.00316 Hz–10 kHz on 10⁻³–10⁵, nine labelled decades.
        let t = Ticks.log(low: 0.00316, high: 1e4)
        #expect(t.major.count == 9)
        #expect(isClose(t.lower, 1e-3, rel: 1e-12) && isClose(t.upper, 1e5, rel: 1e-12))
        #expect(t.minor.count == 8 * 8)
    }

    @Test func integerAxesHaveNoFractionalSteps() {
        let t = Ticks.linear(low: 2, high: 8, integer: true)
        #expect(t.major.allSatisfy { $0 == $0.rounded() })
        #expect(t.lower == 1.5 && t.upper == 8.5)
        #expect(t.minor.isEmpty)
    }
}

@Suite struct FigureTests {
    /// Writes SVG and PNG; the PNG has the size the style demands (3.4 in × 200 dpi = 680 px), a dense
    /// trace is decimated so the SVG stays small, and no temporary file is left.
    @Test func writesSVGAndPNGAtPaperSize() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let n = 100_000
        let x = (0..<n).map { Double($0) / 1000 }
        let y = x.map { 100 + 20 * sin($0) + ($0.truncatingRemainder(dividingBy: 7) < 0.001 ? 400 : 0) }
        var axes = Axes(x: Axis("Time (h)"), y: Axis("Voltage (mV)"), y2: Axis("Coulombic efficiency (%)"))
        axes.add(.line(x, y, color: Color.palette[0], width: 0.5, label: "Voltage"))
        axes.add(.markers([10, 50], [99, 100], MarkerStyle(.circle, color: .black, filled: false), label: "CE", axis: .right))
        let figure = Figure(width: 3.4, height: 2.5, panels: [axes])
        let files = try figure.write(to: directory, name: "test")
        #expect(files.map(\.lastPathComponent) == ["test.svg", "test.png"])
        let png = try Data(contentsOf: files[1])
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 680 && height == 500)
        let svgSize = try FileManager.default.attributesOfItem(atPath: files[0].path)[.size] as? Int ?? 0
        #expect(svgSize < 400_000, "SVG is \(svgSize) bytes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["test.png", "test.svg"])
    }

    /// Equal aspect (Nyquist): one data unit spans the same length on both axes, with the same step.
    @Test func equalAspectGivesEqualScales() throws {
        var axes = Axes(x: Axis("Z′ (mΩ)"), y: Axis("−Z″ (mΩ)"))
        let t = (0...100).map { Double($0) / 100 * Double.pi }
        axes.add(.markers(t.map { 16 + 10 * (1 - cos($0)) }, t.map { 10 * sin($0) }, MarkerStyle(.circle, color: Color.palette[0], filled: false)))
        axes.equalAspect = true
        let figure = Figure(width: 3.4, height: 2.9, panels: [axes])
        let layout = FigureLayout.testHook(figure)
        let (box, x, y) = (layout.box, layout.x, layout.y)
        let xScale = (x.upper - x.lower) / box.width, yScale = (y.upper - y.lower) / box.height
        #expect(isClose(xScale, yScale, rel: 1e-9))
        #expect(isClose(x.major[1] - x.major[0], y.major[1] - y.major[0], rel: 1e-12))
    }

    @Test func viridisEndsAndDiscreteSampling() {
        #expect(Colormap.viridis.color(at: 0).hex == "#440154")
        let colors = Colormap.viridis.discrete(8)
        #expect(colors.count == 8 && colors.first?.hex == "#440154")
        #expect(colors.last != Colormap.viridis.color(at: 1)) // sampled up to 0.85, no pale yellow
    }
}

@Suite struct FieldFigureTests {
    /// A phase-field-like raster with a continuous colour bar renders in both formats; the SVG embeds
    /// the raster as an image, and the bar's ticks follow the axis rules over the value range.
    @Test func rasterWithContinuousColorbar() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let n = 64
        let values = (0..<(n * n)).map { k -> Double in
            let x = Double(k % n) / Double(n - 1), y = Double(k / n) / Double(n - 1)
            return 0.5 * (1 - tanh((y - 0.3 - 0.1 * sin(6 * x)) / 0.05)) // ξ: 1 = Li metal below the front
        }
        var axes = Axes(x: Axis("x (µm)"), y: Axis("y (µm)"))
        axes.add(.image(values, columns: n, rows: n, x: 0...20, y: 0...20, range: 0...1))
        axes.colorbar = Colorbar(colormap: .viridis, range: 0...1, title: "\u{03BE}")
        axes.equalAspect = true
        let files = try Figure(width: 3.4, height: 2.9, panels: [axes]).write(to: directory, name: "field")
        let svg = try String(contentsOf: files[0], encoding: .utf8)
        #expect(svg.contains("<image"))
        let ticks = Ticks.linear(low: 0, high: 1, limits: (0, 1))
        #expect(ticks.major.first == 0 && ticks.major.last == 1)
    }
}
