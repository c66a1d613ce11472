/// One `key: value` pair from a file header, kept as text in file order.
public struct HeaderField: Sendable, Equatable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}
