/// Where a data set comes from: an instrument's file (with the format it was read as), a simulation,
/// or a computation on other data. Every data set carries one, so outputs can say what they show and
/// errors can name the file.
public indirect enum Provenance: Sendable, Equatable {
    /// Read from an instrument file. `path` is the path as the user gave it.
    case instrumentFile(path: String, format: FileFormat)
    /// Produced by a simulator; `model` names it (e.g. "synthetic", "SPMe").
    case simulation(model: String)
    /// Computed from another data set (`operation` in words, e.g. "cycles 1–10 selected").
    case derived(operation: String, from: Provenance)
    /// Several files of one test joined in time order (an EC-Lab sequence's numbered technique files, a
    /// restarted channel's files), each part's own provenance in that order.
    case joined(parts: [Provenance])

    /// The parts of a joined data set, or this one alone.
    public var parts: [Provenance] {
        if case let .joined(parts) = self { return parts }
        return [self]
    }

    /// The instrument file at the origin of the data, if any.
    public var file: String? {
        switch self {
        case let .instrumentFile(path, _): return path
        case .simulation: return nil
        case let .derived(_, source): return source.file
        case let .joined(parts): return parts.first?.file
        }
    }

    /// The format of the instrument file at the origin, if any.
    public var format: FileFormat? {
        switch self {
        case let .instrumentFile(_, format): return format
        case .simulation: return nil
        case let .derived(_, source): return source.format
        case let .joined(parts): return parts.first?.format
        }
    }

    /// A short name of the origin for outputs: the format's id, `simulation` or `derived`.
    public var kindName: String {
        switch self {
        case let .instrumentFile(_, format): return format.id
        case .simulation: return "simulation"
        case .derived: return "derived"
        case let .joined(parts): return parts.first?.kindName ?? "joined"
        }
    }

    /// The origin in words for reports: the format's display name, or the simulator's or operation's name.
    public var displayName: String {
        switch self {
        case let .instrumentFile(_, format): return format.displayName
        case let .simulation(model): return "Interphase simulation (\(model))"
        case let .derived(operation, source): return "\(operation), from \(source.displayName)"
        case let .joined(parts):
            let names = Array(Set(parts.map(\.displayName))).sorted()
            return "\(parts.count) files joined (\(names.joined(separator: ", ")))"
        }
    }

    /// What error messages call the origin: the file's path, or the simulator's name.
    public var label: String {
        switch self {
        case let .instrumentFile(path, _): return path
        case let .simulation(model): return model
        case let .derived(_, source): return source.label
        case let .joined(parts): return parts.map(\.label).joined(separator: " + ")
        }
    }
}
