import Foundation
@testable import InterphasePlot
import Testing
import _InterphaseTestSupport

/// Dense marker series (a capacity-vs-cycle figure of 10⁴–10⁵ cycles) are thinned to what can be seen;
/// small ones are drawn point for point.
@Suite struct MarkerDecimationTests {
    /// A noisy band of `n` markers over `columns` device pixel columns, as a fading capacity looks:
    /// x runs across the axes, y drifts down with noise of a few pixels and one outlier spike.
    static func band(_ n: Int, columns: Int = 540, seed: UInt64 = 7) -> (x: [Double], y: [Double]) {
        var random = SplitMix64(state: seed)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        let x = (0..<n).map { 40 + Double($0) / Double(n) * Double(columns) }
        var y = (0..<n).map { 60 + 120 * Double($0) / Double(n) + 8 * (uniform() - 0.5) }
        y[n / 3] = 400 // an outlier: a bad cycle
        return (x, y)
    }

    static let ringCell = MarkerDecimation.cell(for: MarkerStyle(.circle, color: .black, filled: false), pixelsPerPoint: 200 / 72.0)
    static let discCell = MarkerDecimation.cell(for: MarkerStyle(.circle, color: .black), pixelsPerPoint: 200 / 72.0)

    @Test func denseSeriesDrawsFarFewerMarkersThanPoints() {
        let (x, y) = Self.band(100_000)
        for cell in [Self.discCell, Self.ringCell] {
            let kept = MarkerDecimation.visibleIndices(x: x, y: y, cell: cell, columns: 540)
            #expect(kept.count < 5_000, "cell \(cell): \(kept.count) of 100000 markers kept")
            #expect(kept == kept.sorted() && Set(kept).count == kept.count, "ascending, each once (draw order kept)")
            #expect(kept.contains(100_000 / 3), "the outlier is drawn")
            #expect(kept.contains(99_999), "the last marker (on top of its cell) is drawn")
        }
    }

    @Test func keepsTheLowestAndHighestMarkerOfEveryPixelColumn() {
        let (x, y) = Self.band(100_000)
        let kept = Set(MarkerDecimation.visibleIndices(x: x, y: y, cell: Self.discCell, columns: 540))
        var low: [Int: Int] = [:], high: [Int: Int] = [:]
        for i in x.indices {
            let column = Int(x[i].rounded(.down))
            if y[i] < y[low[column] ?? i] || low[column] == nil { low[column] = i }
            if y[i] > y[high[column] ?? i] || high[column] == nil { high[column] = i }
        }
        #expect(low.count >= 540)
        for (column, i) in low { #expect(kept.contains(i), "column \(column): lowest marker \(i) dropped") }
        for (column, i) in high { #expect(kept.contains(i), "column \(column): highest marker \(i) dropped") }
    }

    /// Markers that do not overlap (each in its own cell) are all drawn, however many there are.
    @Test func keepsEveryMarkerAtADistinctPosition() {
        var x: [Double] = [], y: [Double] = []
        for row in 0..<40 { for column in 0..<60 { x.append(Double(column) * 9.5); y.append(Double(row) * 9.5) } }
        let kept = MarkerDecimation.visibleIndices(x: x, y: y, cell: Self.discCell, columns: 540)
        #expect(kept == Array(x.indices))
    }

    @Test func smallSeriesKeepEveryFinitePoint() {
        let (x, y) = Self.band(300)
        #expect(MarkerDecimation.visibleIndices(x: x, y: y, cell: Self.discCell, columns: 540) == Array(0..<300))
        // All on one spot, still every marker: below the threshold nothing is thinned.
        let same = [Double](repeating: 100, count: 900)
        #expect(MarkerDecimation.visibleIndices(x: same, y: same, cell: Self.discCell, columns: 540).count == 900)
        var withGaps = y
        withGaps[5] = .nan
        #expect(MarkerDecimation.visibleIndices(x: x, y: withGaps, cell: Self.discCell, columns: 540) == Array(0..<300).filter { $0 != 5 })
        #expect(!MarkerDecimation.isDense(count: 1_000, columns: 400) && MarkerDecimation.isDense(count: 1_001, columns: 400))
        #expect(!MarkerDecimation.isDense(count: 1_500, columns: 800))
    }

    @Test func decimationIsDeterministic() {
        let (x, y) = Self.band(100_000, seed: 11)
        let first = MarkerDecimation.visibleIndices(x: x, y: y, cell: Self.ringCell, columns: 540)
        for _ in 0..<3 { #expect(MarkerDecimation.visibleIndices(x: x, y: y, cell: Self.ringCell, columns: 540) == first) }
    }

    /// The figure of the issue: 12,535 cycles × 3 joined marker series made an 11 MB SVG. Decimated it
    /// stays small, a small series draws every marker, and the same figure gives the same bytes.
    @Test func denseMarkerFigureIsSmallAndDeterministic() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func figure(cycles: Int) -> Figure {
            var random = SplitMix64(state: 3)
            func noise() -> Double { Double(random.next() >> 11) / Double(1 << 53) - 0.5 }
            let x = (1...cycles).map(Double.init)
            var axes = Axes(x: Axis("Cycle number", integer: true), y: Axis("Capacity (mAh)"), y2: Axis("Coulombic efficiency (%)"))
            axes.add(.markers(x, x.map { 3000 - 0.06 * $0 + 6 * noise() }, MarkerStyle(.square, color: Color.palette[1]),
                              joined: LineStyle(color: Color.palette[1], width: 0.8), label: "Charge"))
            axes.add(.markers(x, x.map { 2995 - 0.06 * $0 + 6 * noise() }, MarkerStyle(.circle, color: Color.palette[0]),
                              joined: LineStyle(color: Color.palette[0], width: 0.8), label: "Discharge"))
            axes.add(.markers(x, x.map { _ in 99.9 + 0.1 * noise() }, MarkerStyle(.circle, color: .black, filled: false),
                              joined: LineStyle(color: .black, width: 0.8, dash: [3, 2]), label: "Coulombic efficiency", axis: .right))
            // The cycling figure's limits: capacities in the upper part, CE near the top of the right axis.
            axes.y.limits = (1500, 3000)
            axes.y2?.limits = (97, 100.5)
            return Figure(width: 3.4, height: 2.5, panels: [axes])
        }
        /// Marker paths in an SVG: filled vermillion and blue, open with a white fill (lines are strokes).
        func markerPaths(_ svg: String) -> Int {
            ["fill:rgb(83.529412%,36.862745%,0%)", "fill:rgb(0%,44.705882%,69.803922%)", "fill:rgb(100%,100%,100%);fill-opacity:1;stroke-width"]
                .reduce(0) { $0 + svg.components(separatedBy: $1).count - 1 }
        }
        let big = try figure(cycles: 12_535).write(to: directory, name: "big")
        let svg = try String(contentsOf: big[0], encoding: .utf8)
        #expect(svg.utf8.count < 2_500_000, "SVG is \(svg.utf8.count) bytes (11 MB undecimated)")
        #expect(markerPaths(svg) < 3 * 12_535 / 4, "\(markerPaths(svg)) marker paths for 3 × 12535 markers")
        let again = try figure(cycles: 12_535).write(to: directory, name: "again")
        for (a, b) in zip(big, again) { #expect(try Data(contentsOf: a) == Data(contentsOf: b), "\(a.lastPathComponent)") }

        // 60 cycles: every marker is a path of its own (3 × 60, plus 3 legend handles).
        let small = try figure(cycles: 60).write(to: directory, name: "small", formats: [.svg])
        let smallSVG = try String(contentsOf: small[0], encoding: .utf8)
        #expect(markerPaths(smallSVG) == 3 * 60 + 3)
    }

    /// Figures written concurrently give the same bytes as written one by one, SVG identifiers included.
    @Test func concurrentWriteMatchesSequential() throws {
        let directory = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let named = (0..<4).map { k -> (String, Figure) in
            var axes = Axes(x: Axis("x"), y: Axis("y"))
            let x = (0..<500).map { Double($0) / 50 }
            axes.add(.line(x, x.map { sin($0 + Double(k)) }, color: Color.palette[k]))
            axes.colorbar = k == 2 ? Colorbar(colormap: .viridis, range: 0...1, title: "t") : nil
            return ("figure\(k)", Figure(width: 3.4, height: 2.5, panels: [axes]))
        }
        let together = try Figure.write(named, to: directory.appendingPathComponent("together"))
        #expect(together.map(\.lastPathComponent) == named.flatMap { ["\($0.0).svg", "\($0.0).png"] })
        var alone: [URL] = []
        for (name, figure) in named { alone += try figure.write(to: directory.appendingPathComponent("alone"), name: name) }
        for (a, b) in zip(together, alone) { #expect(try Data(contentsOf: a) == Data(contentsOf: b), "\(a.lastPathComponent)") }
        #expect(try String(contentsOf: together[0], encoding: .utf8).contains("id=\"surface1\""))
    }

    @Test func svgIdentifiersAreRenumberedByFirstAppearance() {
        let input = ##"<g id="surface57"><use xlink:href="#image12"/><image id="image12"/><g id="surface3">surface9 #image12)"##
        let output = String(decoding: SVGIdentifiers.normalized(Array(input.utf8)), as: UTF8.self)
        #expect(output == ##"<g id="surface1"><use xlink:href="#image1"/><image id="image1"/><g id="surface2">surface9 #image1)"##)
    }
}
