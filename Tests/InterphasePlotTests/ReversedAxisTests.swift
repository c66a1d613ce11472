import Foundation
@testable import InterphasePlot
import Testing
import _InterphaseTestSupport

/// A reversed x axis (XPS binding energy decreasing to the right) mirrors every x position inside the
/// axes box, and an area series fills between its base and its curve — read back from the SVG.
@Suite struct ReversedAxisTests {
    /// The x coordinates of the first translucent (area) path in an SVG.
    static func areaXs(_ svg: String) throws -> [Double] {
        let path = try #require(svg.components(separatedBy: "<path").first { $0.contains("fill-opacity:0.45") }, "no translucent path")
        let d = try #require(path.components(separatedBy: "d=\"").dropFirst().first?.split(separator: "\"").first)
        let numbers = d.split(whereSeparator: { $0 == " " || $0 == "M" || $0 == "L" || $0 == "Z" }).compactMap { Double($0) }
        return stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
    }

    static func svg(reversed: Bool) throws -> String {
        var x = Axis("Binding energy (eV)", limits: (0, 10))
        x.reversed = reversed
        var axes = Axes(x: x, y: Axis("Intensity", limits: (0, 1)))
        axes.add(.area([1, 2, 3], [0.5, 1, 0.5], base: [0, 0, 0], color: Color(hex: "#009E73"), opacity: 0.45))
        axes.legend = .none
        let directory = Fixtures.temporaryDirectory("reversed")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try Figure(width: 3.4, height: 2.5, panels: [axes]).write(to: directory, name: "f", formats: [.svg])[0]
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func reversedAxisMirrorsPositionsAndAreaIsFilled() throws {
        let normal = try Self.areaXs(Self.svg(reversed: false)), reversed = try Self.areaXs(Self.svg(reversed: true))
        #expect(normal.count >= 5 && normal.count == reversed.count)
        // x = 1 is left of x = 3 normally and right of it reversed; the two drawings are mirror images about the box centre.
        #expect(normal[0] < normal[2] && reversed[0] > reversed[2])
        let centre = (normal[0] + reversed[0]) / 2
        for (a, b) in zip(normal, reversed) { #expect(abs((a + b) / 2 - centre) < 0.01, "\(a) and \(b) not mirrored") }
    }
}
