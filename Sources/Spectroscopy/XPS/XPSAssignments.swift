import Foundation
import InterphaseCore
import InterphaseData

/// The assignment tables as data: the study's C 1s, B 1s and Li 1s components (Wang et al., ACS Nano
/// 19 (2025) 38760, calibrated to C–C 284.6 eV; restated in `shared/paper/STUDY.md`) and F 1s / O 1s
/// states of common SEI species, and the starting components a fit of a region takes from them.
public enum XPSAssignments {
    static let study = "Wang et al., ACS Nano 19 (2025) 38760 (the study), C–C at 284.6 eV"
    static let review = "Verma, Maire & Novák, Electrochim. Acta 55 (2010) 6332 (SEI review, XPS table); NIST XPS Database SRD 20"

    public static let table: [XPSAssignment] = [
        XPSAssignment("C 1s", "Li2CO3", 290.1, study),
        XPSAssignment("C 1s", "COOR", 288.5, study),
        XPSAssignment("C 1s", "C–O", 286.5, study),
        XPSAssignment("C 1s", "C–C", 284.7, study),
        XPSAssignment("C 1s", "C–B", 283.7, study),
        XPSAssignment("C 1s", "C–H", 282.9, study),
        XPSAssignment("B 1s", "B–C", 190.1, study),
        XPSAssignment("B 1s", "B–B", 188.6, study),
        XPSAssignment("B 1s", "B–H", 185.9, study),
        XPSAssignment("Li 1s", "LiF", 56.7, study),
        XPSAssignment("Li 1s", "ROCO2Li", 55.4, study),
        XPSAssignment("Li 1s", "Li2CO3", 54.7, study),
        XPSAssignment("Li 1s", "Li2O", 53.8, study),
        XPSAssignment("F 1s", "LiF", 684.9, review),
        XPSAssignment("F 1s", "LixPFy / LixPOyFz", 686.8, review),
        XPSAssignment("F 1s", "C–F (PVDF, binder)", 687.9, review),
        XPSAssignment("O 1s", "Li2O", 528.6, review),
        XPSAssignment("O 1s", "LiOH", 531.2, review),
        XPSAssignment("O 1s", "Li2CO3 / C=O", 531.8, review),
        XPSAssignment("O 1s", "C–O (ROLi, ROCO2Li)", 533.2, review),
    ]

    /// Region names compare without spaces, underscores or case ("C1s" is "C 1s"); a name that contains a
    /// core level of the table names that level ("InPET_C1s" is C 1s), the longest match first.
    public static func entries(for region: String) -> [XPSAssignment] {
        let key = normalised(region)
        let levels = regions.filter { key == normalised($0) || key.hasSuffix(normalised($0)) || key.hasPrefix(normalised($0)) }
        guard let level = levels.max(by: { normalised($0).count < normalised($1).count }) else { return [] }
        return table.filter { $0.region == level }
    }

    static func normalised(_ s: String) -> String { s.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" } }

    /// The regions the table covers.
    public static var regions: [String] {
        var seen = Set<String>()
        return table.map(\.region).filter { seen.insert($0).inserted }
    }

    /// Starting components for a region from the table: one GL(30) (m fixed at 0.3, CasaXPS's usual
    /// shape) per entry inside the data range, all sharing the first one's FWHM (1.2 eV start, 0.4–3 eV),
    /// centers free within ±1 eV of the table energy, areas from the background-subtracted data at the
    /// center (at least 5 % of the highest). With a calibration on a component of the table, the table is first moved by the shift that
    /// puts that component at the region's maximum. Entries outside the range are left out with a note.
    /// - Parameters: x, y ascending binding energy (raw scale) with the background already subtracted.
    /// - Throws: `.invalidParameter` naming the region when the table has no entry for it or none is inside.
    public static func startingComponents(region: String, x: [Double], signal: [Double], calibration: EnergyCalibration?,
                                          file: String?) throws -> (components: [PeakComponent], ties: [ParameterTie], notes: [String]) {
        let rows = entries(for: region)
        guard !rows.isEmpty else {
            throw InterphaseError(.invalidParameter, "no assignment table for region '\(region)'", file: file, parameter: "--components auto",
                                  expected: "one of \(regions.joined(separator: ", ")), or --components TABLE.json")
        }
        var offset = 0.0
        if let calibration, let anchor = rows.first(where: { EnergyCalibration.sameName($0.label, calibration.component) }),
           let top = signal.indices.max(by: { signal[$0] < signal[$1] }) {
            offset = x[top] - anchor.bindingEnergy
        }
        let width = 1.2
        var components: [PeakComponent] = [], notes: [String] = []
        for row in rows {
            let e = row.bindingEnergy + offset
            guard e > x[0] + 0.5, e < x[x.count - 1] - 0.5 else {
                notes.append(String(format: "%@ at %.1f eV is outside the data range %.1f–%.1f eV; not fitted", row.label, e, x[0], x[x.count - 1]))
                continue
            }
            let i = x.indices.min { Swift.abs(x[$0] - e) < Swift.abs(x[$1] - e) } ?? 0
            let area = Swift.max(signal[i], 0.05 * (signal.max() ?? 1)) * width
            components.append(try PeakComponent(
                name: row.label, shape: .gl, center: e, area: Swift.max(area, 1e-9), fwhm: width, extra: [0.3],
                lower: [e - 1, 0, 0.4, 0], upper: [e + 1, .infinity, 3, 1], fixed: ["m"]))
        }
        guard let first = components.first else {
            throw InterphaseError(.invalidParameter, "region '\(region)': no table component inside the data range", file: file,
                                  parameter: "--components auto")
        }
        let ties = components.dropFirst().map { ParameterTie.sameWidth($0.name, as: first.name) }
        if offset != 0 { notes.append(String(format: "table energies moved by %+.2f eV to the region's maximum before fitting", offset)) }
        return (components, ties, notes)
    }
}
