import InterphaseData
import Electroanalysis
import Foundation
import InterphaseCore

/// `summary.json` and `cycles.csv` of a cycling analysis. Keys carry units (`_mV`, `_mAh_g`, `_pct`, `_h`);
/// quantities are converted from SI here and only here.
extension CyclingAnalysis {
    public var summaryJSON: JSONValue { summaryJSON(cycles: cycleResults) }

    /// `summary.json` with the per-cycle rows of `cycles` (the table already computed for cycles.csv).
    public func summaryJSON(cycles: ResultTable) -> JSONValue {
        var top: [(String, JSONValue)] = [
            ("cell_type", .string(cellType.rawValue)),
            ("cell_type_rule", .string(decision.rule)),
            ("source", .object(sourceFields)),
            ("electrode_area_cm2", .number(area.map { $0 * Units.squareCentimetresPerSquareMetre })),
            ("active_mass_mg", .number(mass.map { $0 * Units.milligramsPerKilogram })),
        ]
        top.append(("cycles", .table(cycles)))
        top.append(("summary", summaryObject))
        top.append(("warnings", .array(warnings.map { .string($0) })))
        return .object(top)
    }

    /// `summary.json`'s `source`: the file (the first part's when joined), format, rows, where the
    /// capacities come from (`capacity_source`: the instrument's counters or the integrated current;
    /// cycles that differ are listed by the cell type's summary), and for joined files the parts in order.
    var sourceFields: [(String, JSONValue)] {
        let m = recording.metadata
        var fields: [(String, JSONValue)] = [
            ("file", .string(m.sourceFile)), ("format", .string(m.provenance.kindName)), ("rows", .integer(recording.count)),
            ("capacity_source", .string(recording.chargeCapacity == nil ? CapacitySource.integratedCurrent.rawValue : m.capacitySource.rawValue)),
        ]
        let parts = m.provenance.parts
        if parts.count > 1 {
            fields.append(("parts", .array(parts.map { .object([("file", .string($0.file)), ("format", .string($0.kindName))]) })))
        }
        return fields
    }

    /// The cell type's summary (the `summary` object of `summary.json`).
    public var summaryObject: JSONValue { presentation?.summary(in: self) ?? .object([]) }

    /// How the cell type's analysis presents itself; nil only for a cell type registered without a
    /// presentation (a test checks that every registered one has one).
    public var presentation: (any CyclingPresentation)? { detail as? any CyclingPresentation }

    /// One row per cycle as text (CSV and the terminal table), numbers at each column's decimals.
    public var cycleTable: TextTable { cycleResults.textTable() }

    /// One row per cycle, as values: headers with units, numbers converted from SI here. `summary.json`
    /// takes its rows from this at full precision; `cycles.csv` writes them with the decimals below.
    public var cycleResults: ResultTable { presentation?.cycleResults(in: self) ?? ResultTable(columns: []) }

    /// dQ/dV curves as a long-format table (cycle, direction, voltage, dQ/dV).
    public var dqdvTable: TextTable? {
        guard let curves = (detail as? FullCellAnalysis)?.dqdv, !curves.isEmpty else { return nil }
        var table = TextTable(header: ["cycle", "direction", "voltage_V", "dqdv_Ah_per_V"])
        for c in curves {
            for k in c.voltage.indices where c.dqdv[k].isFinite {
                table.append([String(c.cycle), c.direction > 0 ? "charge" : "discharge", formatNumber(c.voltage[k], decimals: 4),
                              String(format: "%.6g", c.dqdv[k])])
            }
        }
        return table
    }
}
