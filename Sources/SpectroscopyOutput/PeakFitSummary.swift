import Foundation
import InterphaseCore
import InterphaseData
import Spectroscopy

/// What `interphase xps` prints and writes for one fitted region: `summary.json` built from the numbers
/// (never parsed back from text), `components.csv` (units in the headers) and a text table.
public struct PeakFitSummary {
    public let result: PeakFitResult
    /// The file as given, and its format id.
    public let file: String
    public let format: String

    public init(_ result: PeakFitResult, file: String, format: String) {
        self.result = result
        self.file = file
        self.format = format
    }

    /// The table entry a component is named after, if any.
    func assignment(_ name: String) -> XPSAssignment? {
        XPSAssignments.entries(for: result.region).first { EnergyCalibration.sameName($0.label, name) }
    }

    /// One row per component; energies eV, areas counts·eV (the spectrum's intensity × eV), heights in its intensity unit.
    public var table: ResultTable {
        var t = ResultTable(columns: [
            .init("component"), .init("shape"), .init("center_eV", decimals: 3), .init("center_error_eV", decimals: 3),
            .init("fwhm_eV", decimals: 3), .init("area_\(unit)_eV", decimals: 1), .init("area_error_\(unit)_eV", decimals: 1),
            .init("area_pct", decimals: 2), .init("height_\(unit)", decimals: 1), .init("table_BE_eV", decimals: 1),
            .init("table_source"),
        ])
        for c in result.components {
            let a = assignment(c.name)
            t.append([.text(c.name), .text(c.shape.id), .number(c.center), .number(c.centerError), .number(c.fwhm), .number(c.area),
                      .number(c.areaError), .number(c.areaPercent), .number(c.height), .number(a?.bindingEnergy), .text(a?.source ?? "")])
        }
        return t
    }

    /// The intensity unit as it goes into column names.
    var unit: String { result.intensity == .countsPerSecond ? "cps" : result.intensity == .counts ? "counts" : "au" }

    public var json: JSONValue {
        let r = result
        let components: [JSONValue] = r.components.map { c in
            let a = assignment(c.name)
            return .object([
                ("name", .string(c.name)), ("shape", .string(c.shape.id)), ("shape_name", .string(c.shape.name)),
                ("center_eV", .number(c.center)), ("center_error_eV", .number(c.centerError)), ("fwhm_eV", .number(c.fwhm)),
                ("area", .number(c.area)), ("area_error", .number(c.areaError)), ("area_pct", .number(c.areaPercent)),
                ("height", .number(c.height)),
                ("parameters", .array(c.parameters.map { p in
                    let status: String
                    switch p.status {
                    case .free: status = "free"
                    case .fixed: status = "fixed"
                    case let .tied(text): status = "tied: " + text
                    }
                    return .object([("name", .string(p.name)), ("unit", .string(p.unit)), ("value", .number(p.value)),
                                    ("standard_error", .number(p.standardError)), ("status", .string(status)), ("at_bound", .integer(p.atBound))])
                })),
                ("assignment", a.map { .object([("label", .string($0.label)), ("table_BE_eV", .number($0.bindingEnergy)),
                                                ("source", .string($0.source))]) } ?? .null),
            ])
        }
        let n = r.freeParameterNames.count
        let correlation = JSONValue.array((0..<n).map { i in .array((0..<n).map { j in .number(r.correlation[i, j]) }) })
        return .object([
            ("kind", .string("xps peak fit")),
            ("source", .object([("file", .string(file)), ("format", .string(format)), ("region", .string(r.region)),
                                ("points", .integer(r.x.count)), ("intensity_unit", .string(r.intensity.unit)),
                                ("be_min_eV", .number(r.x.first)), ("be_max_eV", .number(r.x.last))])),
            ("units", .object([("energy", .string("eV (binding energy; BE = hν − KE)")), ("area", .string("\(r.intensity.unit) × eV")),
                               ("height", .string(r.intensity.unit))])),
            ("background", .object([("method", .string(r.backgroundMethod.id))] + r.backgroundParameters.map { ($0.name, JSONValue.number($0.value)) })),
            ("calibration", r.calibration.map { .object([("component", .string($0.component)), ("reference_eV", .number($0.reference)),
                                                         ("shift_eV", .number(r.shift))]) } ?? .null),
            ("fit", .object([("chi_square", .number(r.chiSquare)), ("reduced_chi_square", .number(r.reducedChiSquare)),
                             ("degrees_of_freedom", .integer(r.degreesOfFreedom)), ("weighting", .string(r.weighting.rawValue)),
                             ("evaluations", .integer(r.evaluations)), ("stop", .string(r.stop.rawValue)),
                             ("solver", .string("trust-region reflective (InterphaseNumerics.LeastSquares), covariance as scipy curve_fit"))])),
            ("components", .array(components)),
            ("ties", .array(r.ties.map { .string($0.description) })),
            ("correlation", .object([("parameters", .array(r.freeParameterNames.map { .string($0) })), ("matrix", correlation)])),
            ("notes", .array(r.notes.map { .string($0) })),
        ])
    }

    public var text: String {
        let r = result
        var lines = ["region:     \(r.region) (\(file), \(format))",
                     String(format: "background: %@; χ²/dof %.4g (%d points, %d free)", r.backgroundMethod.id, r.reducedChiSquare, r.x.count,
                            r.freeParameterNames.count)]
        if let c = r.calibration {
            lines.append(String(format: "calibrated: %@ at %.2f eV (shift %+.3f eV applied to every energy)", c.component, c.reference, r.shift))
        }
        for note in r.notes { lines.append("note:       \(note)") }
        return lines.joined(separator: "\n") + "\n\n" + table.textTable().renderedText()
    }
}
