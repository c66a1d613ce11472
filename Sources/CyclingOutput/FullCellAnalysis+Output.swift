import Electroanalysis
import Foundation
import InterphaseCore
import InterphasePlot

/// The full cell in `summary.json`, `cycles.csv` and figures.
extension FullCellAnalysis: CyclingPresentation {
    public func summary(in analysis: CyclingAnalysis) -> JSONValue {
        let options = analysis.options, mass = analysis.mass
        let massGrams = mass.map { $0 * Units.gramsPerKilogram }
        return .object([
            ("cycle_count", .integer(cycles.count)),
            ("reference_cycle", referenceCycle.map { .integer($0) } ?? .null),
            ("capacity_retention_pct", .number(finalRetention)),
            ("cycles_to_80pct", cyclesToEightyPercent.map { .integer($0) } ?? .null),
            ("partial_cycles", .array(cycles.filter(\.partial).map { .integer($0.index) })),
            ("cycles_capacity_integrated", .array(cycles.filter { $0.capacitySource == .integratedCurrent && analysis.recording.metadata.capacitySource == .instrumentCounters && analysis.recording.chargeCapacity != nil }.map { .integer($0.index) })),
            ("one_c_mA", .number(oneCCurrent.map { $0 * Units.kilo })),
            ("one_c_source", .string(oneCSource)),
            ("rate_table", .array(rateGroups.map { g in
                .object([("c_rate", .number(g.cRate)), ("cycles", .array(g.cycles.map { .integer($0) })),
                         ("mean_discharge_capacity_mAh", .number(g.meanDischargeCapacity * Units.kilo)),
                         ("mean_discharge_capacity_mAh_g", .number(massGrams.map { g.meanDischargeCapacity * Units.kilo / $0 }))])
            })),
            ("dqdv", .object([
                ("curves", .array(dqdv.map { c in
                    .object([("cycle", .integer(c.cycle)), ("direction", .string(c.direction > 0 ? "charge" : "discharge")),
                             ("points", .integer(c.voltage.count))])
                })),
                ("method", .string(String(format: "monotonic V, Q interpolated on a %.3g mV grid, Savitzky–Golay derivative (window %d points, order %d); discharge as −dQ/dV",
                                          options.dqdvStep * Units.kilo, options.dqdvWindow, options.dqdvOrder))),
            ])),
        ])
    }

    public func cycleResults(in analysis: CyclingAnalysis) -> ResultTable {
        typealias C = ResultTable.Column
        let mass = analysis.mass
        let areaCm2 = analysis.area.map { $0 * Units.squareCentimetresPerSquareMetre }
        let hours = Units.secondsPerHour, milli = Units.kilo // s → h; V → mV, A → mA, Ah → mAh
        let grams = mass.map { $0 * Units.gramsPerKilogram }
        var table = ResultTable(columns: [
            C("index"), C("file_cycle"), C("start_time_h", decimals: 4), C("charge_capacity_mAh", decimals: 4, significantDigits: 5),
            C("discharge_capacity_mAh", decimals: 4, significantDigits: 5), C("charge_capacity_mAh_g", decimals: 3, significantDigits: 5),
            C("discharge_capacity_mAh_g", decimals: 3, significantDigits: 5), C("charge_capacity_mAh_cm2", decimals: 4, significantDigits: 5),
            C("discharge_capacity_mAh_cm2", decimals: 4, significantDigits: 5), C("coulombic_efficiency_pct", decimals: 3),
            C("energy_efficiency_pct", decimals: 3), C("mean_charge_voltage_V", decimals: 4),
            C("mean_discharge_voltage_V", decimals: 4), C("polarization_mV", decimals: 2),
            C("charge_c_rate", decimals: 3), C("discharge_c_rate", decimals: 3), C("capacity_retention_pct", decimals: 3),
        ])
        for c in cycles {
            let capacities: [ResultTable.Cell] = [
                .number(c.chargeCapacity * milli), .number(c.dischargeCapacity * milli),
                .number(grams.map { c.chargeCapacity * milli / $0 }), .number(grams.map { c.dischargeCapacity * milli / $0 }),
                .number(areaCm2.map { c.chargeCapacity * milli / $0 }), .number(areaCm2.map { c.dischargeCapacity * milli / $0 }),
            ]
            let efficiencies: [ResultTable.Cell] = [
                .number(c.coulombicEfficiency), .number(c.energyEfficiency), .number(c.meanChargeVoltage),
                .number(c.meanDischargeVoltage), .number(c.polarization.map { $0 * milli }), .number(c.chargeCRate),
                .number(c.dischargeCRate), .number(c.retention),
            ]
            let start: [ResultTable.Cell] = [.integer(c.index), .integer(Int(c.fileCycle)), .number(c.startTime / hours)]
            table.append(start + capacities + efficiencies)
        }
        return table
    }

    public func figures(in analysis: CyclingAnalysis) -> [(String, Figure)] {
        var list = [("capacity_ce_vs_cycle", CyclingFigures.capacityCE(self, mass: analysis.mass)),
                    ("voltage_capacity_profiles", CyclingFigures.profiles(analysis))]
        if !dqdv.isEmpty { list.append(("dqdv", CyclingFigures.dqdv(dqdv))) }
        return list
    }
}
