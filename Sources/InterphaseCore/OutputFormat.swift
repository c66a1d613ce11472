/// How a command prints its result on standard output (`--format`). Files in `--out` are unaffected.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table
    case json
    case csv
}
