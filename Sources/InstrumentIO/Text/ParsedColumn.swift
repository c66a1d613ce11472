import Foundation

/// One parsed column: numbers, or integer indices.
// Sendable by construction of the parser: chunk parsers write disjoint row ranges of a column, and
// the column is read only after all of them have finished.
enum ParsedColumn: @unchecked Sendable {
    case numbers(ColumnBuffer<Double>)
    case integers(ColumnBuffer<Int32>)

    init(integer: Bool, capacity: Int) {
        self = integer ? .integers(ColumnBuffer(capacity: capacity)) : .numbers(ColumnBuffer(capacity: capacity))
    }

    var storage: UnsafeMutableRawPointer {
        switch self {
        case let .numbers(b): return UnsafeMutableRawPointer(b.pointer)
        case let .integers(b): return UnsafeMutableRawPointer(b.pointer)
        }
    }

    func move(from: Int, to: Int, length: Int) {
        switch self {
        case let .numbers(b): b.move(from: from, to: to, length: length)
        case let .integers(b): b.move(from: from, to: to, length: length)
        }
    }

    var count: Int {
        get { switch self { case let .numbers(b): return b.count; case let .integers(b): return b.count } }
        nonmutating set { switch self { case let .numbers(b): b.count = newValue; case let .integers(b): b.count = newValue } }
    }
}
