import InterphaseData

/// Header facts of the text formats, as `key → metadata field` rows per format: the line that starts
/// with the key holds the value after it (CHI `Instrument Model:  CHI660E`), or the value is the whole
/// line at a fixed position (CHI's first line is the date, its second the technique).
enum TextMetadata {
    /// What a row fills.
    enum Field: Sendable { case instrument, technique, started, amplitude }

    /// One rule: a line starting with `prefix` (after trimming) gives `field` as the rest of the line; an
    /// integer `line` instead takes that whole 0-based line; `label` is put before the value.
    struct Rule: Sendable {
        var field: Field
        var prefix: String?
        var line: Int?
        var label: String = ""
    }

    static let rules: [String: [Rule]] = [
        FileFormat.chiImpedance.id: [
            Rule(field: .started, line: 0), Rule(field: .technique, line: 1),
            Rule(field: .instrument, prefix: "Instrument Model:"), Rule(field: .amplitude, prefix: "Amplitude (V) ="),
        ],
        FileFormat.zview.id: [
            Rule(field: .instrument, prefix: "Measured Data, ZPlot:", label: "ZPlot "), Rule(field: .technique, prefix: "Experiment Type:"),
            Rule(field: .started, prefix: "Date:"), Rule(field: .amplitude, prefix: "Potential-AC:"),
        ],
        FileFormat.maccorFRA.id: [
            Rule(field: .technique, line: 1), Rule(field: .started, prefix: "Start Date:"),
        ],
    ]

    /// The metadata `rules` find in the first 120 lines of `text`.
    static func read(_ text: String, format: FileFormat) -> ImpedanceFile.Metadata {
        var metadata = ImpedanceFile.Metadata()
        guard let rules = rules[format.id] else { return metadata }
        let lines = ImpedanceTextLayout.lines(String(text.prefix(16384))).prefix(120).map { $0.trimmingCharacters(in: .whitespaces) }
        for rule in rules {
            var found: String?
            if let index = rule.line, lines.indices.contains(index) { found = lines[index] }
            if let prefix = rule.prefix, let line = lines.first(where: { $0.hasPrefix(prefix) }) {
                found = String(line.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            }
            guard let found, !found.isEmpty else { continue }
            let value = rule.label + found
            switch rule.field {
            case .instrument: metadata.instrument = value
            case .technique: metadata.technique = value
            case .started: metadata.started = value
            case .amplitude: metadata.amplitude = value
            }
        }
        return metadata
    }
}
