import Electroanalysis
import Foundation
import InterphaseCore
import InterphasePlot

/// The Li‖Li cell in `summary.json`, `cycles.csv` and figures.
extension SymmetricCellAnalysis: CyclingPresentation {
    public func summary(in analysis: CyclingAnalysis) -> JSONValue {
        let options = analysis.options
        return .object([
            ("cycle_count", .integer(cycles.count)),
            ("partial_cycles", .array(cycles.filter(\.partial).map { .integer($0.index) })),
            ("half_cycle_count", .integer(halves.count)),
            ("stable_overpotential_mV", .number(stableOverpotential.map { $0 * Units.kilo })),
            ("stable_hysteresis_mV", .number(stableHysteresis.map { $0 * Units.kilo })),
            ("failure_mode", .string(failureMode.rawValue)),
            ("failure_time_h", .number(failureTime.map { $0 / Units.secondsPerHour })),
            ("cycle_life", .integer(cycleLife)),
            ("hysteresis_rise_time_h", .number(hysteresisRiseTime.map { $0 / Units.secondsPerHour })),
            ("plateau_rule", .string(String(format: "time-weighted mean of |V| excluding the first and last %.0f%% of each half cycle", options.plateauExclusion * 100))),
            ("failure_rules", .string(String(
                format: "stable = median plateau of half cycles %d–%d at the same current; divergence: plateau > %.1f× stable or |V| > %.2f V; soft short: plateau < %.2f× stable; noise: detrended relative s.d. > %.2f; each for %d consecutive half cycles",
                options.stableSkip + 1, options.stableSkip + options.stableCount, options.divergenceFactor, options.divergenceVoltage,
                options.shortFactor, options.noiseThreshold, options.failurePersistence))),
            ("rate_table", .array(rateSteps.map { step in
                .object([("current_density_mA_cm2", .number(step.currentDensity.map { $0 * Units.ampsPerSquareMetreInMilliampsPerSquareCentimetre })),
                         ("current_mA", .number(step.current * Units.kilo)),
                         ("overpotential_mV", .number(step.meanOverpotential * Units.kilo)),
                         ("half_cycles", .integer(step.halfCycles))])
            })),
        ])
    }

    public func cycleResults(in analysis: CyclingAnalysis) -> ResultTable {
        typealias C = ResultTable.Column
        let hours = Units.secondsPerHour, milli = Units.kilo // s → h; V → mV, A → mA, Ah → mAh
        var table = ResultTable(columns: [
            C("index"), C("start_time_h", decimals: 4), C("plating_overpotential_mV", decimals: 2),
            C("stripping_overpotential_mV", decimals: 2), C("peak_mV", decimals: 2), C("hysteresis_mV", decimals: 2),
            C("current_density_mA_cm2", decimals: 4), C("areal_capacity_mAh_cm2", decimals: 4, significantDigits: 5),
        ])
        for c in cycles {
            let peak = [c.plating?.peak, c.stripping?.peak].compactMap { $0 }.max()
            table.append([.integer(c.index), .number(c.startTime / hours), .number(c.plating.map { $0.plateau * milli }),
                          .number(c.stripping.map { $0.plateau * milli }), .number(peak.map { $0 * milli }),
                          .number(c.hysteresis.map { $0 * milli }),
                          .number(c.currentDensity.map { $0 * Units.ampsPerSquareMetreInMilliampsPerSquareCentimetre }),
                          .number(c.arealCapacity.map { $0 * milli / Units.squareCentimetresPerSquareMetre })])
        }
        return table
    }

    public func figures(in analysis: CyclingAnalysis) -> [(String, Figure)] {
        var list = [("voltage_time", CyclingFigures.voltageTime(analysis.recording))]
        if !halves.isEmpty { list.append(("overpotential_time", CyclingFigures.overpotential(self))) }
        return list
    }
}
