import Electroanalysis
import Foundation
import InterphaseCore
import InterphasePlot

/// The Li‖Cu cell in `summary.json`, `cycles.csv` and figures.
extension LithiumCopperAnalysis: CyclingPresentation {
    public func summary(in analysis: CyclingAnalysis) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("cycle_count", .integer(cycles.count)),
            ("average_ce_pct", .number(averageCE)),
            ("average_ce_cycles", .integer(averagedCycles)),
            ("partial_cycles", .array(cycles.filter(\.partial).map { .integer($0.index) })),
        ]
        if let r = reservoir {
            pairs.append(("reservoir", .object([
                ("Q1_mAh", .number(r.q1 * Units.kilo)), ("Qc_mAh", .number(r.qc * Units.kilo)), ("Qr_mAh", .number(r.qr * Units.kilo)),
                ("N", .integer(r.n)), ("reservoir_cycle", .integer(r.reservoirCycle)), ("final_cycle", .integer(r.finalCycle)),
                ("ce_eq1_pct", .number(r.equation1)), ("ce_standard_pct", .number(r.standard)),
                ("eq1", .string("CE = [Qc − (Q1 − Qr)/N] / Qc (the study's eq. 1)")),
                ("standard", .string("CE = (N·Qc + Qr) / (N·Qc + Q1) (Adams et al. 2018)")),
            ])))
        } else {
            pairs.append(("reservoir", .null))
        }
        return .object(pairs)
    }

    public func cycleResults(in analysis: CyclingAnalysis) -> ResultTable {
        typealias C = ResultTable.Column
        let areaCm2 = analysis.area.map { $0 * Units.squareCentimetresPerSquareMetre }
        let hours = Units.secondsPerHour, milli = Units.kilo // s → h; V → mV, A → mA, Ah → mAh
        var table = ResultTable(columns: [
            C("index"), C("start_time_h", decimals: 4), C("plating_capacity_mAh", decimals: 5, significantDigits: 5),
            C("stripping_capacity_mAh", decimals: 5, significantDigits: 5), C("coulombic_efficiency_pct", decimals: 3),
            C("plating_capacity_mAh_cm2", decimals: 5, significantDigits: 5), C("current_mA", decimals: 5),
        ])
        for c in cycles {
            table.append([.integer(c.index), .number(c.startTime / hours), .number(c.platingCapacity * milli),
                          .number(c.strippingCapacity.map { $0 * milli }), .number(c.coulombicEfficiency),
                          .number(areaCm2.map { c.platingCapacity * milli / $0 }), .number(c.current * milli)])
        }
        return table
    }

    public func figures(in analysis: CyclingAnalysis) -> [(String, Figure)] {
        [("ce_vs_cycle", CyclingFigures.lithiumCopperCE(self)), ("voltage_capacity_profiles", CyclingFigures.profiles(analysis))]
    }
}
