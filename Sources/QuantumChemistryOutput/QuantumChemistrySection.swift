import Foundation
import InterphaseCore
import InterphaseReport
import QuantumChemistry

/// Report section: the reference study's SEI screening recomputed — B3LYP/6-31G(d,p) (Cartesian d, as
/// Gaussian) LUMOs of its seven species against its table, the level chart against μ_Li, and
/// o-carborane's Mulliken charges on C- and B-bound hydrogen.
///
/// The geometries are the study's species optimised at the same level with PySCF 2.14 + geomeTRIC
/// (`Data/molecules/SOURCES.md`); LEDC appears twice, because only its extended (all-anti) conformer
/// reproduces the study's LUMO.
public struct QuantumChemistrySection: ReportSection {
    public let id = "quantum_chemistry"
    public let title = "Quantum chemistry: SEI screening (B3LYP/6-31G(d,p) LUMOs) and o-carborane charges"

    /// One species of the study's table: its label, the bundled XYZ file, the study's LUMO (eV, nil for
    /// a species shown for comparison only).
    public struct Species: Sendable {
        public var label: String
        public var file: String
        public var paperLUMO: Double?
        public var note: String

        public init(_ label: String, file: String, paperLUMO: Double?, note: String = "") {
            self.label = label
            self.file = file
            self.paperLUMO = paperLUMO
            self.note = note
        }
    }

    /// The study's LUMO table (Wang et al., ACS Nano 19, 38760 (2025): Gaussian 16 B3LYP/6-31G(d,p)).
    public static let study: [Species] = [
        Species("o-carborane", file: "o-carborane.xyz", paperLUMO: -0.25),
        Species("LEDC (extended)", file: "LEDC-extended.xyz", paperLUMO: -0.92, note: "(CH2OCO2Li)2, extended all-anti conformer"),
        Species("LEDC (lowest)", file: "LEDC.xyz", paperLUMO: nil, note: "lowest conformer found; not the study's shape"),
        Species("CH3OCO2Li", file: "CH3OCO2Li.xyz", paperLUMO: -0.94),
        Species("Li2CO3", file: "Li2CO3.xyz", paperLUMO: -0.84),
        Species("Li2O", file: "Li2O.xyz", paperLUMO: -0.73),
        Species("LiF", file: "LiF.xyz", paperLUMO: -1.34),
        Species("LiOH", file: "LiOH.xyz", paperLUMO: -1.14),
    ]

    public var species: [Species]
    public var options: SinglePointOptions

    /// - Parameters: species and level default to the study's; the grid is PySCF's default level 3
    ///   (Gaussian's UltraFine (99,590) moves these LUMOs by less than 1 meV and costs twice as long).
    public init(species: [Species] = QuantumChemistrySection.study, options: SinglePointOptions? = nil) {
        self.species = species
        self.options = options ?? SinglePointOptions(method: .kohnSham(.b3lyp))
    }

    /// Mean Mulliken charge of the hydrogens whose nearest atom is carbon, and of those whose nearest is boron.
    static func hydrogenCharges(_ calculation: SinglePoint) -> (carbon: Double?, boron: Double?) {
        let atoms = calculation.molecule.atoms
        var byNeighbour: [String: [Double]] = [:]
        for (k, atom) in atoms.enumerated() where atom.element.symbol == "H" {
            let nearest = atoms.indices.filter { $0 != k }.min { a, b in
                let da = atoms[a].position - atom.position, db = atoms[b].position - atom.position
                return (da * da).sum() < (db * db).sum()
            }
            if let nearest { byNeighbour[atoms[nearest].element.symbol, default: []].append(calculation.properties.mullikenCharges[k]) }
        }
        let mean = { (values: [Double]?) in values.flatMap { $0.isEmpty ? nil : $0.reduce(0, +) / Double($0.count) } }
        return (mean(byNeighbour["C"]), mean(byNeighbour["B"]))
    }

    public func build(_ context: ReportContext) throws -> SectionResult {
        let molecules = try species.map { s in
            (name: s.label, molecule: try Molecule.readXYZ(context.dataDirectory.appendingPathComponent("molecules/\(s.file)")))
        }
        let carboraneIndex = species.firstIndex { $0.label == "o-carborane" }
        let entries = try SEIScreening.run(molecules, options: options, surfaces: Set([carboraneIndex].compactMap { $0 }))
        let reference = ReductionReference.lithium
        let summary = ScreeningSummary(entries, reference: reference, options: options)
        var blocks: [ReportBlock] = [.paragraph("""
            Each species is computed at \(options.method)/\(options.basis.name) (\(options.spherical == true ? "spherical" : "Cartesian") d, \
            as Gaussian 16 treats Pople sets; grid \(options.scf.grid)) on geometries optimised at the same level \
            (PySCF 2.14 + geomeTRIC; Data/molecules/SOURCES.md). The study's criterion: a species whose LUMO lies below the \
            electron energy of Li metal is reduced by it. Reference: \(reference.source).
            """)]
        var comparisons: [Comparison] = []
        var published: [String: Double] = [:]
        for (s, e) in zip(species, entries) {
            if let paper = s.paperLUMO {
                published[s.label] = paper
                comparisons.append(Comparison(quantity: "LUMO \(s.label)", unit: "eV", paper: String(format: "%.2f", paper), interphase: e.lumoEV,
                                              decimals: 3, note: s.note.isEmpty ? "Gaussian 16, the study's table" : s.note))
            } else {
                comparisons.append(Comparison(quantity: "LUMO \(s.label)", unit: "eV", paper: "—", interphase: e.lumoEV, decimals: 3, note: s.note))
            }
        }
        blocks.append(.comparisons(comparisons, caption: "LUMO energies, the study (Gaussian 16) vs Interphase (same functional and basis)"))
        blocks.append(.table(summary.table.textTable(), caption: "Screening: HOMO, LUMO and the margin of the LUMO above μ_Li"))
        blocks.append(.figure(name: "orbital_levels", figure: QuantumChemistryFigures.orbitalLevels(entries, reference: reference, published: published),
                              caption: "Frontier-orbital levels of the SEI species (bars: Interphase; open squares: the study's LUMOs); dashed: μ_Li"))
        var fields: [(String, JSONValue)] = [("screening", summary.json)]
        if let carborane = entries.first(where: { $0.name == "o-carborane" }) {
            let (carbon, boron) = Self.hydrogenCharges(carborane.calculation)
            blocks.append(.comparisons([
                Comparison(quantity: "Mulliken charge, H on C", unit: "e", paper: "larger", interphase: carbon, decimals: 3,
                           note: "study: C-bound H more positive than B-bound H"),
                Comparison(quantity: "Mulliken charge, H on B", unit: "e", paper: "smaller", interphase: boron, decimals: 3, note: ""),
            ], caption: "o-carborane: Mulliken charges of the hydrogens (mean over each kind)"))
            if let surface = carborane.calculation.surface {
                let summary = ElectrostaticSurfaceSummary(surface, molecule: carborane.calculation.molecule)
                let top = surface.maxima.prefix(2).map { summary.site($0) }.joined(separator: " and ")
                blocks.append(.figure(name: "o_carborane_esp", figure: QuantumChemistryFigures.electrostaticMap(surface, molecule: carborane.calculation.molecule),
                                      caption: String(format: "o-carborane: electrostatic potential on the 0.001 e/bohr³ density surface, seen from the cage centre (kcal/mol); most positive: %@", top)))
                fields.append(("o_carborane_esp", summary.json))
            }
            fields.append(("o_carborane_h_charges", .object([("on_carbon", .number(carbon)), ("on_boron", .number(boron))])))
        }
        return SectionResult(blocks: blocks, summary: .object(fields))
    }
}
