import Foundation
import InterphaseCore

/// The basis functions of one molecule: the shells of a named basis set placed on its atoms, in atom
/// order, each atom's shells in the file's order.
public struct BasisSet: Sendable {
    public let name: BasisSetName
    public let spherical: Bool
    public let shells: [BasisShell]

    /// Number of basis functions.
    public var functionCount: Int { shells.reduce(0) { $0 + $1.functionCount } }

    /// - Parameter spherical: spherical (5D/7F) or Cartesian (6D/10F) d and higher shells; nil for the
    ///   set's default (`BasisSetName.sphericalByDefault`). s and p shells are the same either way.
    /// - Throws: `.invalidParameter` naming the basis and the element it lacks.
    public init(_ name: BasisSetName, for molecule: Molecule, spherical: Bool? = nil) throws {
        let data = try BasisSet.library(name)
        let pure = spherical ?? name.sphericalByDefault
        var shells: [BasisShell] = []
        for (k, atom) in molecule.atoms.enumerated() {
            guard let list = data.shells[atom.element.atomicNumber] else {
                let have = data.shells.keys.sorted().compactMap { Element.number($0)?.symbol }
                throw InterphaseError(.invalidParameter, "basis \(name.name) has no functions for \(atom.element.symbol) (atom \(k + 1))",
                                      parameter: "basis", expected: "an element of \(have.first ?? "?")–\(have.last ?? "?")")
            }
            for s in list {
                shells.append(BasisShell(l: s.l, exponents: s.exponents, coefficients: s.coefficients, spherical: pure && s.l >= 2,
                                         centre: atom.position, atom: k))
            }
        }
        self.name = name
        self.spherical = pure
        self.shells = shells
    }

    /// The parsed file of `name`, read once per process.
    static func library(_ name: BasisSetName) throws -> Gaussian94Basis {
        if let cached = cache.value(name.file) { return cached }
        guard let url = Bundle.module.url(forResource: name.file, withExtension: "gbs", subdirectory: "basis")
            ?? Bundle.module.url(forResource: name.file, withExtension: "gbs") else {
            throw InterphaseError(.fileNotFound, "the basis-set file \(name.file).gbs is not in the module's resources", parameter: "basis")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        let parsed = try Gaussian94Basis.parse(text, path: url.path)
        cache.store(name.file, parsed)
        return parsed
    }

    private static let cache = BasisCache()
}

/// Parsed basis files shared by every calculation of a process.
final class BasisCache: @unchecked Sendable {
    private var files: [String: Gaussian94Basis] = [:]
    private let lock = NSLock()

    func value(_ key: String) -> Gaussian94Basis? {
        lock.lock()
        defer { lock.unlock() }
        return files[key]
    }

    func store(_ key: String, _ value: Gaussian94Basis) {
        lock.lock()
        defer { lock.unlock() }
        files[key] = value
    }
}
