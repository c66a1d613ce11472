import Foundation
import InterphaseCore

/// A read-only Microsoft Access (.mdb/.accdb) database opened with libmdb. Every libmdb call lives in
/// `AccessDatabase+C.swift`.
final class AccessDatabase {
    /// One table's columns: numeric columns as doubles (NaN for NULL), text columns as strings.
    struct Table {
        var columnNames: [String] = []
        var numbers: [String: [Double]] = [:]
        var text: [String: [String]] = [:]
        var rowCount = 0
    }

    let path: String
    let handle: OpaquePointer
    private(set) var tableNames: [String] = []

    init(path: String) throws {
        self.path = path
        handle = try AccessDatabase.quietly { try AccessDatabase.open(path) }
        tableNames = AccessDatabase.quietly { AccessDatabase.userTables(handle) }
    }

    deinit { AccessDatabase.quietly { AccessDatabase.close(handle) } }

    func readTable(_ name: String) throws -> Table {
        try AccessDatabase.quietly { try AccessDatabase.read(handle, table: name, file: path) }
    }
}
