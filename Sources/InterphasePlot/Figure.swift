import Foundation
import InterphaseCore

/// Output formats a figure can be written in.
public enum FigureFormat: String, Sendable, CaseIterable {
    case svg, png, pdf
}

/// A figure of one or more panels on a grid, drawn through cairo in the house style.
///
/// Size is in inches (3.4 single column, 7.0 double column); PNGs are rendered at `dpi` (200). Panels are
/// laid out row-major; margins are computed from the measured tick and axis labels, and shared between
/// panels of a row/column so stacked panels align their axes and y labels.
public struct Figure: Sendable {
    public var width: Double
    public var height: Double
    public var rows: Int
    public var columns: Int
    public var panels: [Axes]
    public var style: PlotStyle = .standard
    /// Relative row heights and column widths (default equal).
    public var rowWeights: [Double]?
    public var columnWeights: [Double]?
    /// Where each panel sits when not simply one cell each in row-major order (a Nyquist plot spanning
    /// two rows beside stacked Bode panels); nil, or one entry per panel.
    public var placements: [PanelPlacement]?
    public var dpi = 200.0

    public init(width: Double, height: Double, rows: Int = 1, columns: Int = 1, panels: [Axes]) {
        self.width = width
        self.height = height
        self.rows = rows
        self.columns = columns
        self.panels = panels
    }

    /// Writes `name.svg`, `name.png` (and `.pdf` if asked) into `directory`, each atomically (drawn to a
    /// temporary file, renamed when complete). Returns the written files.
    @discardableResult
    public func write(to directory: URL, name: String, formats: [FigureFormat] = [.svg, .png]) throws -> [URL] {
        try OutputDirectory.create(directory)
        var written: [URL] = []
        for format in formats {
            let url = directory.appendingPathComponent("\(name).\(format.rawValue)")
            let temporary = directory.appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier).\(format.rawValue)")
            do {
                try render(format, to: temporary.path)
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw error
            }
            if rename(temporary.path, url.path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
                throw InterphaseError(.output, "cannot move figure into place", file: url.path)
            }
            written.append(url)
        }
        return written
    }

    /// Writes each named figure in each of `formats` into `directory`, as `write(to:name:formats:)` does
    /// for one, rendering the files on all cores at once: each file draws on one thread, and the figures
    /// of an analysis are written after it, when the other cores are idle. Returns the written
    /// files in the order figures × formats; if any file fails, throws the first failure in that order
    /// (files that were written stay, each complete).
    @discardableResult
    public static func write(_ figures: [(String, Figure)], to directory: URL,
                             formats: [FigureFormat] = [.svg, .png]) throws -> [URL] {
        try OutputDirectory.create(directory)
        let jobs = figures.flatMap { name, figure in formats.map { (name, figure, $0) } }
        let results = Parallel.map(jobs.count) { k -> Result<[URL], any Error> in
            let (name, figure, format) = jobs[k]
            return Result { try figure.write(to: directory, name: name, formats: [format]) }
        }
        return try results.flatMap { try $0.get() }
    }

    /// Renders in one format to `path`.
    public func render(_ format: FigureFormat, to path: String) throws {
        guard panels.count <= rows * columns, !panels.isEmpty else {
            throw InterphaseError(.invalidParameter, "a \(rows)×\(columns) figure cannot hold \(panels.count) panels", parameter: "panels")
        }
        let w = width * 72, h = height * 72
        let output: CairoCanvas.Output = format == .svg ? .svg : format == .pdf ? .pdf : .png
        let canvas = CairoCanvas(output: output, width: w, height: h, scale: dpi / 72, path: path)
        canvas.paintBackground(.white)
        let layout = FigureLayout(figure: self, measure: CairoCanvas.measuring())
        for index in panels.indices {
            PanelRenderer(panel: layout.resolved[index], box: layout.boxes[index], style: style, canvas: canvas,
                          pixelsPerPoint: dpi / 72).draw()
        }
        try canvas.finish(pixelsPerInch: dpi)
        if format == .svg { try SVGIdentifiers.normalize(path) }
    }
}

/// Cairo names an SVG's page group and embedded images after a process-wide surface counter
/// (`surface123`, `image45`), so the same figure's bytes depend on how many surfaces were made before
/// it, and on their order when figures render concurrently. Renumbering those names by first appearance
/// makes an SVG depend only on its figure.
enum SVGIdentifiers {
    static let families: [[UInt8]] = [Array("surface".utf8), Array("image".utf8)]

    static func normalize(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        let original = try [UInt8](Data(contentsOf: url))
        let renamed = normalized(original)
        if renamed != original { try Data(renamed).write(to: url) }
    }

    /// `"surfaceN"`, `#surfaceN"`, `#surfaceN)` (and `image`) with N replaced by 1, 2, … in order of first
    /// appearance, per family; all other bytes unchanged.
    static func normalized(_ svg: [UInt8]) -> [UInt8] {
        let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), close = UInt8(ascii: ")")
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        var numbers = [[ArraySlice<UInt8>: Int]](repeating: [:], count: families.count)
        var out: [UInt8] = []
        out.reserveCapacity(svg.count)
        var i = 0
        while i < svg.count {
            let c = svg[i]
            out.append(c)
            i += 1
            guard c == quote || c == hash else { continue }
            for (f, name) in families.enumerated() where svg.count - i > name.count && svg[i..<(i + name.count)].elementsEqual(name) {
                var end = i + name.count
                while end < svg.count, isDigit(svg[end]) { end += 1 }
                guard end > i + name.count, end < svg.count, svg[end] == quote || svg[end] == close else { continue }
                let digits = svg[(i + name.count)..<end]
                let number = numbers[f][digits] ?? (numbers[f].count + 1)
                numbers[f][digits] = number
                out += name
                out += Array(String(number).utf8)
                i = end
                break
            }
        }
        return out
    }
}
