import Foundation
import InterphaseCore
import InterphasePlot

/// The `interphase reproduce` report: runs sections, writes `figures/`, `index.html` and `summary.json`.
///
/// Files are written atomically and `index.html`/`summary.json` last, so an interrupted run never leaves a
/// complete-looking report. A failing section is shown as failed (with its error) and makes `run` throw
/// after everything else is written, so the command exits non-zero.
public struct Report {
    public var title: String
    public var sections: [any ReportSection]

    public init(title: String, sections: [any ReportSection]) {
        self.title = title
        self.sections = sections
    }

    public struct Outcome {
        public var index: URL
        public var summary: URL
        public var failures: [(String, Error)]
    }

    public func run(_ context: ReportContext, to directory: URL, progress: ProgressBar? = nil) throws -> Outcome {
        try OutputDirectory.create(directory)
        let figures = directory.appendingPathComponent("figures")
        var html = HTMLDocument(title: title)
        var summaries: [(String, JSONValue)] = []
        var failures: [(String, Error)] = []
        for (k, section) in sections.enumerated() {
            progress?.update(Double(k))
            html.beginSection(id: section.id, title: section.title)
            do {
                let result = try section.build(context)
                for block in result.blocks {
                    switch block {
                    case let .paragraph(text): html.paragraph(text)
                    case let .heading(text): html.heading(text)
                    case let .table(table, caption): html.table(table, caption: caption)
                    case let .comparisons(list, caption): html.comparisons(list, caption: caption)
                    case let .figure(name, figure, caption):
                        try figure.write(to: figures, name: "\(section.id)_\(name)")
                        html.figure(svg: "figures/\(section.id)_\(name).svg", png: "figures/\(section.id)_\(name).png", caption: caption)
                    }
                }
                summaries.append((section.id, result.summary))
            } catch {
                failures.append((section.id, error))
                html.failure("\(error)")
                summaries.append((section.id, .object([("error", .string("\(error)"))])))
            }
            html.endSection()
        }
        let summary = JSONValue.object([
            ("title", .string(title)),
            ("generated_utc", .string(ISO8601DateFormatter().string(from: Date()))),
            ("sections", .object(summaries)),
        ])
        let summaryURL = directory.appendingPathComponent("summary.json")
        let indexURL = directory.appendingPathComponent("index.html")
        try AtomicFile.write(summary.rendered() + "\n", to: summaryURL)
        try AtomicFile.write(html.rendered(), to: indexURL)
        if let (id, error) = failures.first {
            throw InterphaseError(.output, "report section '\(id)' failed: \(error)", file: indexURL.path)
        }
        return Outcome(index: indexURL, summary: summaryURL, failures: failures)
    }
}
