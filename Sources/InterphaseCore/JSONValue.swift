import Foundation

/// A JSON document with ordered object keys, for `summary.json` files whose field order is part of
/// their readability. Non-finite numbers become `null` (JSON has no NaN); doubles print in Swift's
/// shortest round-trip form, so a value written and read back is bit-identical.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// The rows of a table as an array of objects (`ResultTable.jsonRows()`), kept as the table so that a
    /// summary of thousands of rows renders without a value per cell.
    case table(ResultTable)

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.integer(a), .integer(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.table(a), .table(b)): return a.jsonRows() == b.jsonRows()
        case let (.table(a), .array(b)): return a.jsonRows() == b
        case let (.array(a), .table(b)): return a == b.jsonRows()
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// A number, or `null` when it is nil or not finite.
    public static func number(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    public static func string(_ value: String?) -> JSONValue {
        guard let value else { return .null }
        return .string(value)
    }

    /// Looks up a key of an object (nil for other cases or absent keys).
    public subscript(key: String) -> JSONValue? {
        guard case let .object(pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    public var doubleValue: Double? {
        switch self {
        case let .number(x): return x
        case let .integer(i): return Double(i)
        default: return nil
        }
    }

    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case let .array(a) = self { return a }
        if case let .table(t) = self { return t.jsonRows() }
        return nil
    }

    /// Pretty-printed text with two-space indentation; short arrays of scalars stay on one line.
    ///
    /// Written in one pass into one byte buffer: a cycling summary of 12,500 cycles is a 10 MB document,
    /// and building it by concatenating each level's strings copied every byte once per nesting level.
    public func rendered(indent: Int = 0) -> String { String(decoding: renderedBytes(indent: indent), as: UTF8.self) }

    /// `rendered` as UTF-8 bytes, ending with a newline when `newline` (what files get: no String copy).
    public func renderedBytes(indent: Int = 0, newline: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        render(into: &out, indent: indent)
        if newline { out.append(UInt8(ascii: "\n")) }
        return out
    }

    private func render(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case let .number(x): out.append(contentsOf: JSONValue.format(x).utf8)
        case let .integer(i): out.append(contentsOf: String(i).utf8)
        case let .string(s): JSONValue.quote(s, into: &out)
        case let .array(items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            // Numbers and strings stay on one line however many (a rate group's 4,000 cycle numbers).
            if items.allSatisfy(\.isScalar) {
                out.append(UInt8(ascii: "["))
                for (k, item) in items.enumerated() {
                    if k > 0 { out.append(contentsOf: ", ".utf8) }
                    item.render(into: &out, indent: 0)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            out.append(contentsOf: "[\n".utf8)
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(contentsOf: ",\n".utf8) }
                JSONValue.pad(&out, indent + 1)
                item.render(into: &out, indent: indent + 1)
            }
            out.append(UInt8(ascii: "\n"))
            JSONValue.pad(&out, indent)
            out.append(UInt8(ascii: "]"))
        case let .table(table):
            JSONValue.render(table, into: &out, indent: indent)
        case let .object(pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (k, pair) in pairs.enumerated() {
                if k > 0 { out.append(contentsOf: ",\n".utf8) }
                JSONValue.pad(&out, indent + 1)
                JSONValue.quote(pair.0, into: &out)
                out.append(contentsOf: ": ".utf8)
                pair.1.render(into: &out, indent: indent + 1)
            }
            out.append(UInt8(ascii: "\n"))
            JSONValue.pad(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A table's rows, the same values as `.array(table.jsonRows())`, one object per line, with the keys
    /// quoted once.
    private static func render(_ table: ResultTable, into out: inout [UInt8], indent: Int) {
        if table.rows.isEmpty { out.append(contentsOf: "[]".utf8); return }
        let keys = table.columns.map { column -> [UInt8] in
            var key: [UInt8] = []
            quote(column.name, into: &key)
            key.append(contentsOf: ": ".utf8)
            return key
        }
        out.append(contentsOf: "[\n".utf8)
        for (r, row) in table.rows.enumerated() {
            if r > 0 { out.append(contentsOf: ",\n".utf8) }
            pad(&out, indent + 1)
            // One row per line: a table of 12,500 cycles stays a readable 3 MB instead of 9 MB of one cell
            // per line.
            out.append(UInt8(ascii: "{"))
            for (k, cell) in row.enumerated() {
                if k > 0 { out.append(contentsOf: ", ".utf8) }
                out.append(contentsOf: keys[k])
                cell.json.render(into: &out, indent: indent + 2)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "\n"))
        pad(&out, indent)
        out.append(UInt8(ascii: "]"))
    }

    private static func pad(_ out: inout [UInt8], _ indent: Int) {
        for _ in 0..<(2 * indent) { out.append(UInt8(ascii: " ")) }
    }

    var isScalar: Bool {
        switch self {
        case .array, .object, .table: return false
        default: return true
        }
    }

    static func format(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return x.description
    }

    static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        quote(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `s` as a JSON string literal: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Keys and most values need no escape: one block copy.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: s.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
            case 0..<0x20: out.append(contentsOf: String(format: "\\u%04x", UInt32(byte)).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Parses JSON text (used by tests and by readers of committed reference values).
    public static func parse(_ data: Data) throws -> JSONValue {
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        return convert(object)
    }

    private static func convert(_ any: Any) -> JSONValue {
        switch any {
        case is NSNull: return .null
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" { return .bool(n.boolValue) }
            return .number(n.doubleValue)
        case let s as String: return .string(s)
        case let a as [Any]: return .array(a.map(convert))
        case let d as [String: Any]: return .object(d.keys.sorted().map { ($0, convert(d[$0]!)) })
        default: return .null
        }
    }
}
