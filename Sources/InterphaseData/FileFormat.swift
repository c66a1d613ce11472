/// A file format as users and outputs name it. The data model knows formats only by name; which
/// reader decodes one, its extensions and its signature are rows of an instrument-I/O registry.
public struct FileFormat: Hashable, Sendable, CustomStringConvertible {
    /// The name on the command line (`--input-format`) and in output files, e.g. `biologic-mpr`.
    public let id: String
    /// A human-readable name for reports, e.g. "BioLogic EC-Lab binary (.mpr)".
    public let displayName: String

    public init(id: String, displayName: String) {
        self.id = id
        self.displayName = displayName
    }

    public var description: String { id }

    /// Formats are the same when their ids are.
    public static func == (lhs: FileFormat, rhs: FileFormat) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
