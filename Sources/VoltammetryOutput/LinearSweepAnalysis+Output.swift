import Electroanalysis
import Foundation
import InterphaseCore
import InterphaseData

/// `interphase lsv`'s summary and point table (units in the keys; converted from SI here).
extension LinearSweepAnalysis {
    static let density = Units.ampsPerSquareMetreInMilliampsPerSquareCentimetre

    public var pointsTable: ResultTable {
        var table = ResultTable(columns: [.init("potential_V", decimals: 5), .init("current_density_mA_cm2", decimals: 6, significantDigits: 5)])
        for k in potential.indices { table.append([.number(potential[k]), .number(currentDensity[k] * Self.density)]) }
        return table
    }

    public func summaryJSON(source: Provenance, rows: Int) -> JSONValue {
        var tangentJSON: JSONValue = .null
        if let t = tangent {
            tangentJSON = .object([
                ("onset_potential_V", .number(t.onsetPotential)),
                ("baseline_intercept_mA_cm2", .number(t.baseline.intercept * Self.density)),
                ("baseline_slope_mA_cm2_per_V", .number(t.baseline.slope * Self.density)),
                ("steepest_potential_V", .number(t.steepestPotential)),
                ("steepest_current_density_mA_cm2", .number(t.steepestDensity * Self.density)),
                ("steepest_slope_mA_cm2_per_V", .number(t.steepestSlope * Self.density)),
            ])
        }
        return .object([
            ("analysis", .string("lsv")),
            ("source", VoltammetryFiles.source(source, rows: rows)),
            ("electrode_area_cm2", .number(area * Units.squareCentimetresPerSquareMetre)),
            ("sweep", .object([("first_point", .integer(sweep.range.lowerBound)), ("points", .integer(sweep.range.count)),
                               ("start_V", .number(sweep.startPotential)), ("end_V", .number(sweep.endPotential)),
                               ("scan_rate_mV_s", .number(sweep.scanRate * Units.kilo))])),
            ("onset_potential_V", .number(thresholdOnset)),
            ("onset_reached", .bool(thresholdOnset != nil)),
            ("tangent_onset_potential_V", .number(tangent?.onsetPotential)),
            ("threshold_mA_cm2", .number(options.thresholdDensity * Self.density)),
            ("sustained_points", .integer(options.sustainedPoints)),
            ("tangent", tangentJSON),
            ("rules", .object([
                ("threshold", .string("first point from which j > threshold for sustained_points points; potential interpolated at j = threshold")),
                ("tangent", .string("baseline: least-squares line through the first \(options.baselineFraction * 100) % of the sweep's span; steepest rise: largest slope of \(options.slopeWindow)-point centred least-squares lines; onset where they cross")),
            ])),
            ("warnings", .array(warnings.map { .string($0) })),
        ])
    }
}
