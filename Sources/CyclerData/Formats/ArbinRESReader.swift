import Foundation
import InstrumentIO
import InterphaseData
import InterphaseCore

/// Arbin `.res` files: Microsoft Access (Jet 4) databases written by MITS Pro, read through libmdb
/// (mdbtools) — no Jet parsing here. Data are in `Channel_Normal_Table` (one row per point: `Test_ID`,
/// `Data_Point`, `Test_Time` s, `Step_Index`, `Cycle_Index`, `Current` A, `Voltage` V,
/// `Charge_Capacity`/`Discharge_Capacity` Ah cumulative over the test, `Charge_Energy`/`Discharge_Energy`
/// Wh, `DateTime` as an OLE date), test facts in `Global_Table`, auxiliary channels (temperature) in
/// `Auxiliary_Table`. Arbin's current sign is ours (positive charges the cell).
public enum ArbinRESReader: CyclerFileReader {
    public static func sniff(_ probe: FileProbe) -> Bool {
        // Jet/ACE databases carry "Standard Jet DB"/"Standard ACE DB" at byte 4.
        probe.starts(with: "Standard Jet DB", at: 4) || probe.starts(with: "Standard ACE DB", at: 4)
    }

    public static func read(_ url: URL, format: FileFormat, options: ReadOptions) throws -> Recording {
        let database = try AccessDatabase(path: url.path)
        let tables = database.tableNames
        guard tables.contains("Channel_Normal_Table") else {
            throw InterphaseError(.malformed, "the database has no Channel_Normal_Table", file: url.path,
                                  expected: "an Arbin .res file (tables: \(tables.joined(separator: ", ")))")
        }
        let data = try database.readTable("Channel_Normal_Table")
        var metadata = RecordingMetadata(format: .arbinRES, instrument: "Arbin MITS Pro", sourceFile: url.path)
        if tables.contains("Global_Table"), let global = try? database.readTable("Global_Table"), global.rowCount > 0 {
            for name in global.columnNames {
                if let value = global.text[name]?.first ?? global.numbers[name]?.first.map({ String($0) }), !value.isEmpty {
                    metadata.header.append(HeaderField(name, value))
                }
            }
            if let start = global.numbers["Start_DateTime"]?.first, start.isFinite {
                metadata.startTime = Date(timeIntervalSince1970: OLEDate.unixSeconds(days: start)) // OLE date: days since 1899-12-30
            }
            if let mass = global.numbers["Mass"]?.first ?? global.numbers["SpecificMASS"]?.first, mass.isFinite, mass > 0 {
                metadata.activeMass = mass * Units.kilogramsPerGram // Arbin stores g
            }
        }
        func column(_ name: String) throws -> [Double] {
            guard let values = data.numbers[name] else {
                throw InterphaseError(.missingColumn, "Channel_Normal_Table has no \(name) column", file: url.path, column: name)
            }
            return values
        }
        let order = try column("Data_Point").enumerated().sorted { $0.element < $1.element }.map(\.offset)
        func ordered(_ values: [Double]) -> [Double] { order.map { values[$0] } }
        var assembly = RecordingAssembly(
            metadata: metadata, time: ordered(try column("Test_Time")), voltage: ordered(try column("Voltage")),
            current: ordered(try column("Current")))
        assembly.lineLabel = "record"
        assembly.step = ordered(try column("Step_Index"))
        assembly.cycle = ordered(try column("Cycle_Index"))
        assembly.chargeCapacity = data.numbers["Charge_Capacity"].map(ordered)
        assembly.dischargeCapacity = data.numbers["Discharge_Capacity"].map(ordered)
        assembly.chargeEnergy = data.numbers["Charge_Energy"].map(ordered)
        assembly.dischargeEnergy = data.numbers["Discharge_Energy"].map(ordered)
        for name in ["Internal_Resistance", "dV/dt", "AC_Impedance", "ACI_Phase_Angle"] {
            if let values = data.numbers[name] {
                assembly.auxiliary.append(ColumnQuantities.column(name: name, unit: name == "dV/dt" ? "V/s" : name == "ACI_Phase_Angle" ? "deg" : "Ohm",
                                                          values: ordered(values)))
            }
        }
        return try assembly.build()
    }
}
