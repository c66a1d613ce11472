import Foundation
import InterphaseCore

/// A molecule: atoms with positions, total charge and spin multiplicity 2S + 1.
///
/// Positions are stored in bohr (atomic units, as every integral wants them); XYZ files give Å and are
/// converted with `Units.angstromToBohr` (CODATA 2018). The initialiser checks what a calculation needs:
/// at least one atom, an electron count ≥ 0 whose parity fits the multiplicity, and no two nuclei closer
/// than 0.1 Å (a duplicated line, not a molecule).
public struct Molecule: Sendable, Equatable {
    public struct Atom: Sendable, Equatable {
        public let element: Element
        /// Position. - Units: bohr.
        public let position: SIMD3<Double>

        public init(_ element: Element, _ position: SIMD3<Double>) {
            self.element = element
            self.position = position
        }
    }

    public let atoms: [Atom]
    /// Total charge. - Units: e.
    public let charge: Int
    /// 2S + 1.
    public let multiplicity: Int
    /// Title line of the XYZ file, or a description.
    public let title: String

    /// Closest allowed approach of two nuclei. - Units: bohr (0.1 Å).
    public static let minimumDistance = 0.1 * Units.angstromToBohr

    /// - Throws: `.invalidParameter` for no atoms, a multiplicity < 1, more charge than electrons, an
    ///   electron count whose parity does not fit the multiplicity (naming both); `.invalidData` naming the
    ///   two atoms (1-based) that overlap.
    public init(atoms: [Atom], charge: Int = 0, multiplicity: Int = 1, title: String = "") throws {
        guard !atoms.isEmpty else { throw InterphaseError(.invalidParameter, "a molecule needs at least one atom", parameter: "atoms") }
        guard multiplicity >= 1 else {
            throw InterphaseError(.invalidParameter, "multiplicity \(multiplicity) is not ≥ 1", parameter: "multiplicity", expected: "2S + 1 ≥ 1")
        }
        let electrons = atoms.reduce(0) { $0 + $1.element.atomicNumber } - charge
        guard electrons >= 0 else {
            throw InterphaseError(.invalidParameter, "charge \(charge) removes more electrons than the \(electrons + charge) the atoms have",
                                  parameter: "charge")
        }
        guard (electrons + multiplicity - 1) % 2 == 0, multiplicity - 1 <= electrons else {
            throw InterphaseError(.invalidParameter,
                                  "\(electrons) electrons cannot have multiplicity \(multiplicity)",
                                  parameter: "multiplicity", expected: electrons % 2 == 0 ? "an odd multiplicity (1, 3, …)" : "an even multiplicity (2, 4, …)")
        }
        for i in atoms.indices {
            for j in 0..<i {
                let d = atoms[i].position - atoms[j].position
                let r = (d * d).sum().squareRoot()
                if r < Self.minimumDistance {
                    throw InterphaseError(.invalidData, String(format: "atoms %d (%@) and %d (%@) are %.3f Å apart", j + 1, atoms[j].element.symbol,
                                                               i + 1, atoms[i].element.symbol, r / Units.angstromToBohr),
                                          line: i + 1, lineLabel: "atom", expected: "nuclei at least 0.1 Å apart")
                }
            }
        }
        self.atoms = atoms
        self.charge = charge
        self.multiplicity = multiplicity
        self.title = title
    }

    /// Number of electrons (Σ Z − charge).
    public var electronCount: Int { atoms.reduce(0) { $0 + $1.element.atomicNumber } - charge }

    /// Nuclear repulsion Σ_{A<B} Z_A Z_B / R_AB. - Units: hartree.
    public var nuclearRepulsion: Double {
        var e = 0.0
        for i in atoms.indices {
            for j in 0..<i {
                let d = atoms[i].position - atoms[j].position
                e += Double(atoms[i].element.atomicNumber * atoms[j].element.atomicNumber) / (d * d).sum().squareRoot()
            }
        }
        return e
    }

    /// The molecule as XYZ text (Å, 10 decimals), `comment` (or the title) on the second line; frames
    /// of a trajectory are such texts one after another (the multi-frame XYZ that Avogadro, Jmol, VMD
    /// and ASE read).
    public func xyz(comment: String? = nil) -> String {
        var text = "\(atoms.count)\n\((comment ?? title).replacingOccurrences(of: "\n", with: " "))\n"
        for atom in atoms {
            let p = atom.position / Units.angstromToBohr
            text += atom.element.symbol.padding(toLength: 2, withPad: " ", startingAt: 0) + String(format: " %16.10f %16.10f %16.10f\n", p.x, p.y, p.z)
        }
        return text
    }

    /// The same atoms, charge and multiplicity at `positions` (bohr, one per atom).
    /// - Throws: the initialiser's error when two nuclei come closer than `minimumDistance`.
    public func moved(to positions: [SIMD3<Double>]) throws -> Molecule {
        try Molecule(atoms: zip(atoms, positions).map { Atom($0.element, $1) }, charge: charge, multiplicity: multiplicity, title: title)
    }

    /// Reads an XYZ file: atom count, a title line, then `symbol x y z` in Å per atom.
    public static func readXYZ(_ url: URL, charge: Int = 0, multiplicity: Int = 1) throws -> Molecule {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw InterphaseError(.fileNotFound, "cannot read the XYZ file", file: url.path)
        }
        do { return try parseXYZ(text, charge: charge, multiplicity: multiplicity) } catch let error as InterphaseError {
            throw error.inFile(url.path)
        }
    }

    /// `readXYZ` on text.
    /// - Throws: `.malformed` naming the line of a bad count, an unknown element or a coordinate that is
    ///   not a number; the initialiser's errors.
    public static func parseXYZ(_ text: String, charge: Int = 0, multiplicity: Int = 1) throws -> Molecule {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let first = lines.first, let count = Int(first.trimmingCharacters(in: .whitespaces)), count > 0 else {
            throw InterphaseError(.malformed, "the first line is not an atom count", line: 1, expected: "a positive integer")
        }
        guard lines.count >= count + 2 else {
            throw InterphaseError(.malformed, "the file announces \(count) atoms but has \(max(lines.count - 2, 0)) atom lines",
                                  line: lines.count, expected: "\(count) lines of 'symbol x y z' after the title")
        }
        var atoms: [Atom] = []
        for k in 0..<count {
            let fields = lines[k + 2].split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 4 else {
                throw InterphaseError(.malformed, "'\(lines[k + 2])' is not 'symbol x y z'", line: k + 3)
            }
            let symbol = String(fields[0].prefix { $0.isLetter })
            guard let element = Element.named(symbol) ?? Int(fields[0]).flatMap(Element.number) else {
                throw InterphaseError(.invalidData, "unknown element '\(fields[0])'", line: k + 3, expected: "a symbol from H to Kr")
            }
            let xyz = fields[1...3].map { Double($0) }
            guard let x = xyz[0], let y = xyz[1], let z = xyz[2], x.isFinite, y.isFinite, z.isFinite else {
                throw InterphaseError(.malformed, "coordinates '\(fields[1...3].joined(separator: " "))' are not numbers", line: k + 3)
            }
            atoms.append(Atom(element, SIMD3(x, y, z) * Units.angstromToBohr))
        }
        return try Molecule(atoms: atoms, charge: charge, multiplicity: multiplicity, title: String(lines[1]).trimmingCharacters(in: .whitespaces))
    }
}
