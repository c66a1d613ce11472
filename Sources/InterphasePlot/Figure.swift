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
        try canvas.finish()
    }
}
