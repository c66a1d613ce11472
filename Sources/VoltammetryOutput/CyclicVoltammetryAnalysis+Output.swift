import Electroanalysis
import Foundation
import InterphaseCore
import InterphaseData

/// `interphase cv`'s summary and per-cycle table (units in the keys; converted from SI here).
extension CyclicVoltammetryAnalysis {
    /// One row per cycle: peaks (potential, current, height above the baseline, density), ΔE_p,
    /// charges and their ratio, scan rate.
    public var cycleTable: ResultTable {
        var table = ResultTable(columns: [
            .init("cycle"),
            .init("anodic_peak_V", decimals: 4), .init("anodic_peak_current_mA", decimals: 5, significantDigits: 4),
            .init("anodic_peak_height_mA", decimals: 5, significantDigits: 4), .init("anodic_peak_density_mA_cm2", decimals: 5, significantDigits: 4),
            .init("cathodic_peak_V", decimals: 4), .init("cathodic_peak_current_mA", decimals: 5, significantDigits: 4),
            .init("cathodic_peak_height_mA", decimals: 5, significantDigits: 4), .init("cathodic_peak_density_mA_cm2", decimals: 5, significantDigits: 4),
            .init("peak_separation_mV", decimals: 1),
            .init("stripping_charge_mC", decimals: 5, significantDigits: 5), .init("plating_charge_mC", decimals: 5, significantDigits: 5),
            .init("stripping_charge_mC_cm2", decimals: 5, significantDigits: 5), .init("plating_charge_mC_cm2", decimals: 5, significantDigits: 5),
            .init("charge_ratio_pct", decimals: 2), .init("scan_rate_mV_s", decimals: 3),
        ])
        let perArea = area.map { 1 / ($0 * Units.squareCentimetresPerSquareMetre) }
        for c in cycles {
            var row: [ResultTable.Cell] = [.integer(c.cycle)]
            for p in [c.anodicPeak, c.cathodicPeak] {
                row += [.number(p?.potential), .number(VoltammetryFiles.milli(p?.current)), .number(VoltammetryFiles.milli(p?.height)),
                        .number(VoltammetryFiles.density(p?.height, area))]
            }
            row.append(.number(c.peakSeparation.map { $0 * Units.kilo }))
            row += [.number(c.anodicCharge * Units.kilo), .number(c.cathodicCharge * Units.kilo),
                    .number(perArea.map { c.anodicCharge * Units.kilo * $0 }), .number(perArea.map { c.cathodicCharge * Units.kilo * $0 }),
                    .number(c.chargeRatio), .number(c.scanRate * Units.kilo)]
            table.append(row)
        }
        return table
    }

    public func summaryJSON(source: Provenance, rows: Int, cycles table: ResultTable) -> JSONValue {
        .object([
            ("analysis", .string("cv")),
            ("source", VoltammetryFiles.source(source, rows: rows)),
            ("electrode_area_cm2", .number(area.map { $0 * Units.squareCentimetresPerSquareMetre })),
            ("cycles", .table(table)),
            ("rules", .object([
                ("sweeps", .string("split at reversals: retreat from the running extremum by > 1 % of the cycle's span (≥ 0.1 mV); per cycle and direction the longest sweep")),
                ("baseline", .string(options.baseline == .linear ? "least-squares line i(E) through the sweep's first \(options.baselineFraction * 100) % of its span, extrapolated" : "zero")),
                ("peak", .string("largest local maximum of the baseline-corrected current beyond the baseline region, sweep ends excluded")),
                ("charges", .string("∫i dt per cycle (from the previous cycle's last point), split at zero crossings: positive = stripping, negative = plating")),
                ("baseline_fraction", .number(options.baselineFraction)),
            ])),
            ("warnings", .array(warnings.map { .string($0) })),
        ])
    }
}
