import Foundation
import InterphaseCore
import QuantumChemistry

/// What `interphase qc esp` writes besides the single-point summary: the surface's extrema (kcal/mol,
/// with the atom — and for a hydrogen the atom it is bonded to — nearest each) and the sampled surface
/// as a table (latitude/longitude in degrees, position in Å, V in kcal/mol).
public struct ElectrostaticSurfaceSummary: Sendable {
    public let surface: ElectrostaticSurface
    public let molecule: Molecule

    public init(_ surface: ElectrostaticSurface, molecule: Molecule) {
        self.surface = surface
        self.molecule = molecule
    }

    func site(_ e: ElectrostaticSurface.Extremum) -> String {
        let name = { (k: Int) in "\(self.molecule.atoms[k].element.symbol)\(k + 1)" }
        return e.bondedTo.map { "\(name(e.atom)) (bonded to \(name($0)))" } ?? name(e.atom)
    }

    func extremaJSON(_ list: [ElectrostaticSurface.Extremum]) -> JSONValue {
        .array(list.map { e in
            .object([("site", .string(site(e))), ("esp_kcal_mol", .number(e.potential * Units.hartreeToKilocaloriePerMole)),
                     ("latitude_deg", .number(e.latitude)), ("longitude_deg", .number(e.longitude))])
        })
    }

    public var json: JSONValue {
        let kcal = surface.potential.map { $0 * Units.hartreeToKilocaloriePerMole }
        return .object([
            ("isovalue_e_bohr3", .number(surface.isovalue)), ("points", .integer(surface.points.count)),
            ("esp_max_kcal_mol", .number(kcal.max())), ("esp_min_kcal_mol", .number(kcal.min())),
            ("maxima", extremaJSON(surface.maxima)), ("minima", extremaJSON(surface.minima)),
        ])
    }

    public var table: ResultTable {
        var t = ResultTable(columns: [.init("latitude_deg", decimals: 2), .init("longitude_deg", decimals: 2), .init("x_A", decimals: 5),
                                      .init("y_A", decimals: 5), .init("z_A", decimals: 5), .init("esp_kcal_mol", decimals: 4)])
        for i in 0..<surface.latitudes {
            for j in 0..<surface.longitudes {
                let k = i * surface.longitudes + j, p = surface.points[k] * Units.bohrToAngstrom
                t.append([.number(-90 + (Double(i) + 0.5) * 180 / Double(surface.latitudes)),
                          .number(-180 + (Double(j) + 0.5) * 360 / Double(surface.longitudes)),
                          .number(p.x), .number(p.y), .number(p.z), .number(surface.potential[k] * Units.hartreeToKilocaloriePerMole)])
            }
        }
        return t
    }

    public var text: String {
        var lines = [String(format: "ESP on the %.4g e/bohr³ isodensity surface (%d points), kcal/mol", surface.isovalue, surface.points.count)]
        for e in surface.maxima.prefix(4) { lines.append(String(format: "  max %+8.2f at %@", e.potential * Units.hartreeToKilocaloriePerMole, site(e))) }
        for e in surface.minima.prefix(4) { lines.append(String(format: "  min %+8.2f at %@", e.potential * Units.hartreeToKilocaloriePerMole, site(e))) }
        return lines.joined(separator: "\n") + "\n"
    }
}
