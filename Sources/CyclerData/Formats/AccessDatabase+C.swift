import CMDBTools
import Foundation
import InterphaseCore

/// The libmdb (mdbtools 1.0) calls: open, list user tables, bind every column as text and fetch rows.
/// libmdb converts each value to text (numbers in C locale), which is then parsed; except floating-point
/// columns, which are read from the row's bytes with libmdb's `mdb_get_single`/`mdb_get_double`, because
/// its text for them is lossy: "%.8g" for float32 and "%.16g" for float64 do not round-trip (9 and 17
/// significant digits are needed), so Arbin's float32 Voltage/Current came out rounded to 8 digits
/// (errors ~1e-9 relative) and float64 Test_Time/capacities off in the last digit.
extension AccessDatabase {
    /// Access (Jet 4 / ACE) holds at most 255 columns per table; a table definition claiming more is a
    /// damaged page, and binding its columns (16 KiB each) would allocate without bound.
    static let maximumColumns = 255

    /// libmdb reports damaged pages on stderr ("offset 225280 is beyond EOF") and dumps them on stdout;
    /// our error says what is wrong with the file, so its chatter is silenced for the duration of `body`
    /// (process-wide, serialised by a lock; both descriptors are restored afterwards). Nothing of ours
    /// is written while libmdb runs.
    static func quietly<T>(_ body: () throws -> T) rethrows -> T {
        outputLock.lock()
        defer { outputLock.unlock() }
        fflush(nil)
        let descriptors = [STDOUT_FILENO, STDERR_FILENO]
        let saved = descriptors.map { FileHandle(fileDescriptor: dup($0), closeOnDealloc: true) }
        if let null = FileHandle(forWritingAtPath: "/dev/null") {
            for (k, fd) in descriptors.enumerated() where saved[k].fileDescriptor >= 0 { dup2(null.fileDescriptor, fd) }
        }
        defer {
            fflush(nil)
            for (k, fd) in descriptors.enumerated() where saved[k].fileDescriptor >= 0 { dup2(saved[k].fileDescriptor, fd) }
        }
        return try body()
    }

    private static let outputLock = NSLock()

    static func open(_ path: String) throws -> OpaquePointer {
        guard let mdb = mdb_open(path, MDB_NOFLAGS) else {
            throw InterphaseError(.malformed, "libmdb cannot open the database", file: path, expected: "an MS Access (Jet/ACE) file")
        }
        return OpaquePointer(mdb)
    }

    static func close(_ handle: OpaquePointer) {
        mdb_close(UnsafeMutablePointer<MdbHandle>(handle))
    }

    static func userTables(_ handle: OpaquePointer) -> [String] {
        let mdb = UnsafeMutablePointer<MdbHandle>(handle)
        guard mdb_read_catalog(mdb, Int32(MDB_TABLE)) != nil else { return [] }
        var names: [String] = []
        let catalog = mdb.pointee.catalog!
        // A damaged catalogue can claim any length: a real cycler database has a few dozen objects.
        for i in 0..<min(Int(catalog.pointee.len), 10_000) {
            guard let raw = catalog.pointee.pdata[i] else { continue }
            let entry = raw.assumingMemoryBound(to: MdbCatalogEntry.self)
            guard entry.pointee.object_type == Int32(MDB_TABLE) else { continue }
            let name = withUnsafeBytes(of: entry.pointee.object_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if !name.hasPrefix("MSys") { names.append(name) }
        }
        return names
    }

    static func read(_ handle: OpaquePointer, table name: String, file: String) throws -> Table {
        let mdb = UnsafeMutablePointer<MdbHandle>(handle)
        // libmdb takes a non-const gchar* but only compares it.
        let found = name.withCString { mdb_read_table_by_name(mdb, UnsafeMutablePointer(mutating: $0), Int32(MDB_TABLE)) }
        guard let tableDef = found else {
            throw InterphaseError(.malformed, "table \(name) cannot be read", file: file)
        }
        defer { mdb_free_tabledef(tableDef) }
        mdb_read_columns(tableDef)
        mdb_rewind_table(tableDef)
        let count = Int(tableDef.pointee.num_cols)
        guard count >= 0, count <= maximumColumns else {
            throw InterphaseError(.malformed, "table \(name) claims \(count) columns (damaged table definition)", file: file,
                                  expected: "at most \(maximumColumns) columns, as Access holds")
        }
        // Every row takes at least a few bytes of a 4 KiB page: a row count beyond what the file holds is
        // damage, both as a reservation and as a fetch loop that would not end.
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        let maximumRows = max(fileBytes / 4, 1024)
        // libmdb writes up to `bind_size` bytes (MDB_BIND_SIZE = 16384 in mdbtools 1.0) into each bound
        // buffer: buffers must be that large, or a long text/memo value overflows them.
        let bufferSize = max(Int(mdb.pointee.bind_size), 256)
        var buffers: [UnsafeMutablePointer<CChar>] = []
        var columns: [UnsafeMutablePointer<MdbColumn>] = []
        var lengths = [Int32](repeating: 0, count: count)
        var names: [String] = []
        var types: [Int32] = []
        for i in 0..<count {
            guard let raw = tableDef.pointee.columns.pointee.pdata[i] else { continue }
            let column = raw.assumingMemoryBound(to: MdbColumn.self)
            columns.append(column)
            names.append(withUnsafeBytes(of: column.pointee.name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) })
            types.append(Int32(column.pointee.col_type))
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bufferSize)
            buffer.initialize(repeating: 0, count: bufferSize)
            buffers.append(buffer)
        }
        defer { for b in buffers { b.deallocate() } }
        lengths.withUnsafeMutableBufferPointer { lens in
            for i in 0..<buffers.count { mdb_bind_column(tableDef, Int32(i + 1), buffers[i], &lens[i]) }
        }
        let numericTypes: Set<Int32> = [Int32(MDB_BOOL), Int32(MDB_BYTE), Int32(MDB_INT), Int32(MDB_LONGINT), Int32(MDB_FLOAT),
                                         Int32(MDB_DOUBLE), Int32(MDB_MONEY), Int32(MDB_NUMERIC), Int32(MDB_COMPLEX)]
        var table = Table()
        table.columnNames = names
        var numbers = [[Double]](repeating: [], count: names.count)
        var text = [[String]](repeating: [], count: names.count)
        let rowEstimate = min(Int(tableDef.pointee.num_rows), maximumRows)
        for i in names.indices where numericTypes.contains(types[i]) { numbers[i].reserveCapacity(rowEstimate) }
        // The current page: libmdb's fetch leaves the row in `pg_buf`, at each column's `cur_value_start`.
        let pageBuffer = UnsafeMutableRawPointer(mdb) + MemoryLayout<MdbHandle>.offset(of: \MdbHandle.pg_buf)!
        while mdb_fetch_row(tableDef) != 0 {
            for i in names.indices {
                let length = lengths[i]
                if length > 0 && types[i] == Int32(MDB_DOUBLE) {
                    numbers[i].append(mdb_get_double(pageBuffer, columns[i].pointee.cur_value_start))
                } else if length > 0 && types[i] == Int32(MDB_FLOAT) {
                    numbers[i].append(Double(mdb_get_single(pageBuffer, columns[i].pointee.cur_value_start)))
                } else if numericTypes.contains(types[i]) {
                    numbers[i].append(length > 0 ? (Double(String(cString: buffers[i])) ?? .nan) : .nan)
                } else if types[i] == Int32(MDB_DATETIME) {
                    numbers[i].append(.nan)
                    text[i].append(length > 0 ? String(cString: buffers[i]) : "")
                } else {
                    text[i].append(length > 0 ? String(cString: buffers[i]) : "")
                }
            }
            table.rowCount += 1
            if table.rowCount > maximumRows {
                throw InterphaseError(.malformed, "table \(name) yields more rows than the file can hold (damaged page links)", file: file,
                                      expected: "at most \(maximumRows) rows in a \(fileBytes)-byte file")
            }
        }
        for i in names.indices {
            if numericTypes.contains(types[i]) { table.numbers[names[i]] = numbers[i] } else { table.text[names[i]] = text[i] }
        }
        return table
    }
}
