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

    /// The user tables, from a catalogue read by us: the rows of `MSysObjects` (page 2) with their Id,
    /// Name, Type and Flags, as `mdb_read_catalog` reads them but without the `LvProp` property blobs.
    /// libmdb parses those (`mdb_kkd_to_props`) without bounds: a damaged blob made it allocate about
    /// 24 GB and glib abort the process. Nothing here needs the properties (`mdb_read_table` and
    /// `mdb_read_columns` take them as optional). A damaged catalogue claiming more than `maximumObjects`
    /// rows is cut there.
    static func userTables(_ handle: OpaquePointer) -> [String] {
        let mdb = UnsafeMutablePointer<MdbHandle>(handle)
        if mdb.pointee.catalog != nil { mdb_free_catalog(mdb) }
        mdb.pointee.catalog = g_ptr_array_new()
        mdb.pointee.num_catalog = 0
        var objects = MdbCatalogEntry()
        objects.mdb = mdb
        objects.object_type = Int32(MDB_TABLE)
        objects.table_pg = 2
        withUnsafeMutableBytes(of: &objects.object_name) { buffer in
            for (k, byte) in "MSysObjects".utf8.enumerated() where k < buffer.count - 1 { buffer[k] = byte }
        }
        guard let table = mdb_read_table(&objects) else { return [] }
        defer { mdb_free_tabledef(table) }
        guard mdb_read_columns(table) != nil else { return [] }
        let size = max(Int(mdb.pointee.bind_size), 256)
        let buffers = (0..<4).map { _ in UnsafeMutablePointer<CChar>.allocate(capacity: size) }
        defer { for b in buffers { b.deallocate() } }
        for b in buffers { b.initialize(repeating: 0, count: size) }
        for (k, column) in ["Id", "Name", "Type", "Flags"].enumerated() {
            let bound = column.withCString { mdb_bind_column_by_name(table, UnsafeMutablePointer(mutating: $0), buffers[k], nil) }
            guard bound != -1 else { return [] }
        }
        mdb_rewind_table(table)
        var names: [String] = []
        var rows = 0
        while rows < maximumObjects, mdb_fetch_row(table) != 0 {
            rows += 1
            let type = Int32(atoi(buffers[2])) & 0x7F
            let name = String(cString: buffers[1])
            guard let raw = g_malloc0(gsize(MemoryLayout<MdbCatalogEntry>.size)) else { break }
            let entry = raw.assumingMemoryBound(to: MdbCatalogEntry.self)
            entry.pointee.mdb = mdb
            withUnsafeMutableBytes(of: &entry.pointee.object_name) { buffer in
                for (k, byte) in name.utf8.prefix(buffer.count - 1).enumerated() { buffer[k] = byte }
            }
            entry.pointee.object_type = type
            entry.pointee.table_pg = UInt(bitPattern: atol(buffers[0])) & 0x00FF_FFFF
            entry.pointee.flags = Int32(truncatingIfNeeded: atol(buffers[3]))
            g_ptr_array_add(mdb.pointee.catalog, raw)
            mdb.pointee.num_catalog += 1
            if type == Int32(MDB_TABLE) && !name.hasPrefix("MSys") { names.append(name) }
        }
        return names
    }

    /// More catalogue rows than a cycler database has objects by orders of magnitude.
    static let maximumObjects = 10_000

    static func read(_ handle: OpaquePointer, table name: String, file: String) throws -> Table {
        let mdb = UnsafeMutablePointer<MdbHandle>(handle)
        // The entry from our catalogue (`userTables`): `mdb_read_table_by_name` would read libmdb's own
        // catalogue again, property blobs included.
        var found: UnsafeMutablePointer<MdbTableDef>?
        if let catalog = mdb.pointee.catalog {
            for i in 0..<Int(catalog.pointee.len) {
                guard let raw = catalog.pointee.pdata[i] else { continue }
                let entry = raw.assumingMemoryBound(to: MdbCatalogEntry.self)
                let entryName = withUnsafeBytes(of: entry.pointee.object_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if entryName == name && entry.pointee.object_type == Int32(MDB_TABLE) {
                    found = mdb_read_table(entry)
                    break
                }
            }
        }
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
        // Every row takes at least 16 bytes of a page (offset entry, header, null mask, a value): a row count beyond what the file holds is
        // damage, both as a reservation and as a fetch loop that would not end.
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        let maximumRows = max(fileBytes / 16, 1024)
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
            let type = Int32(column.pointee.col_type)
            // Jet column types run from 1 (boolean) to 0x12 (complex); 0 or beyond is a damaged definition.
            guard type >= 1, type <= 0x12 else {
                for b in buffers { b.deallocate() }
                throw InterphaseError(.malformed, "table \(name): column \(i + 1) has no valid type (\(type)), a damaged table definition",
                                      file: file, expected: "an Arbin .res (MS Access) file")
            }
            types.append(type)
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
