import Foundation
import InterphaseCore

/// Orbitals in the Molden format (Schaftenaar & Noordik, J. Comput.-Aided Mol. Des. 14, 123 (2000)),
/// which Avogadro, Jmol, VMD, IboView and Multiwfn read: [Atoms] in bohr, [GTO] shells with the basis
/// file's contraction coefficients (for normalised primitives; readers normalise), [5D7F] for spherical
/// d/f, and [MO] blocks with energy (hartree), spin and occupation.
///
/// Molden's conventions differ from libint2's in two ways, both undone here (as PySCF's
/// `tools.molden` does for its own conventions): Cartesian functions are each normalised (libint2
/// normalises every component like x^l, so a coefficient is multiplied by √S_μμ), and components come
/// in Molden's order — d: xx yy zz xy xz yz; f: xxx yyy zzz xyy xxy xxz xzz yzz yyz xyz; spherical:
/// m = 0, +1, −1, +2, −2, … (libint2: m = −l … +l).
public enum MoldenFile {
    /// Molden's order of each shell's functions as indices into libint2's order.
    static func order(l: Int, spherical: Bool) -> [Int] {
        if spherical {
            var list = [l]  // m = 0 sits at offset l in m = −l … l
            for m in stride(from: 1, through: l, by: 1) { list += [l + m, l - m] }
            return list
        }
        let cartesian: [Int: [(Int, Int, Int)]] = [
            2: [(2, 0, 0), (0, 2, 0), (0, 0, 2), (1, 1, 0), (1, 0, 1), (0, 1, 1)],
            3: [(3, 0, 0), (0, 3, 0), (0, 0, 3), (1, 2, 0), (2, 1, 0), (2, 0, 1), (1, 0, 2), (0, 1, 2), (0, 2, 1), (1, 1, 1)],
        ]
        guard let wanted = cartesian[l] else { return Array(0..<((l + 1) * (l + 2) / 2)) }
        var libint: [(Int, Int, Int)] = []
        for a in stride(from: l, through: 0, by: -1) { for b in stride(from: l - a, through: 0, by: -1) { libint.append((a, b, l - a - b)) } }
        return wanted.map { w in libint.firstIndex { $0 == w }! }
    }

    /// The file's text for a converged calculation.
    /// - Throws: `.invalidParameter` for g or higher shells, which Molden's readers do not agree on.
    public static func text(_ result: SCFResult, basis: BasisSet, molecule: Molecule, overlap: [Double]) throws -> String {
        let letters = ["s", "p", "d", "f"]
        guard let high = basis.shells.first(where: { $0.l >= letters.count }) else { return try write() }
        throw InterphaseError(.invalidParameter, "a shell of angular momentum \(high.l) on atom \(high.atom + 1)", parameter: "molden",
                              expected: "s, p, d and f shells only")

        func write() throws -> String {
            let n = result.functionCount
            var out = "[Molden Format]\n[Title]\n\(molecule.title.isEmpty ? "Interphase" : molecule.title)\n[Atoms] AU\n"
            for (k, atom) in molecule.atoms.enumerated() {
                out += String(format: "%@ %d %d %.10f %.10f %.10f\n", atom.element.symbol, k + 1, atom.element.atomicNumber,
                              atom.position.x, atom.position.y, atom.position.z)
            }
            out += "[GTO]\n"
            var offsets: [Int] = [], offset = 0
            for shell in basis.shells { offsets.append(offset); offset += shell.functionCount }
            for k in molecule.atoms.indices {
                out += "  \(k + 1) 0\n"
                for shell in basis.shells where shell.atom == k {
                    out += " \(letters[shell.l])   \(shell.exponents.count) 1.00\n"
                    for (e, c) in zip(shell.exponents, shell.coefficients) { out += String(format: "  %.10E  %.10E\n", e, c) }
                }
                out += "\n"
            }
            if basis.spherical { out += "[5D7F]\n" }
            // Row index of each Molden function in libint2's basis, and the factor its coefficients get.
            var rows: [Int] = [], factors: [Double] = []
            for (s, shell) in basis.shells.enumerated() {
                for i in order(l: shell.l, spherical: shell.spherical) {
                    let mu = offsets[s] + i
                    rows.append(mu)
                    factors.append(shell.spherical ? 1 : overlap[mu * n + mu].squareRoot())
                }
            }
            out += "[MO]\n"
            for (k, energy) in result.orbitalEnergies.enumerated() {
                let column = result.coefficients[(k * n)..<((k + 1) * n)]
                let spin = result.orbitalSpins.map { $0[k] == 0 ? "Alpha" : "Beta" } ?? "Alpha"
                out += " Sym= A\n" + String(format: " Ene= %.10f\n", energy) + " Spin= \(spin)\n" + String(format: " Occup= %.6f\n", result.occupations[k])
                for (i, mu) in rows.enumerated() { out += String(format: " %4d %20.12E\n", i + 1, column[column.startIndex + mu] * factors[i]) }
            }
            return out
        }
    }
}
