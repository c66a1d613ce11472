/// A chemical element, H to Kr: symbol, atomic number, and the ground-state spin multiplicity of the
/// free atom (for checks and, later, atomic guesses).
public struct Element: Sendable, Equatable, Hashable {
    public let symbol: String
    /// Atomic number Z (nuclear charge in e).
    public let atomicNumber: Int

    /// Z = 1…36 in order (IUPAC symbols).
    public static let all: [Element] = [
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
        "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr",
    ].enumerated().map { Element(symbol: $0.element, atomicNumber: $0.offset + 1) }

    private static let bySymbol: [String: Element] = Dictionary(uniqueKeysWithValues: all.map { ($0.symbol.lowercased(), $0) })

    /// The element written `symbol` (case-insensitive: `c`, `C`, `CL`), or nil.
    public static func named(_ symbol: String) -> Element? { bySymbol[symbol.lowercased()] }

    /// The element of atomic number `z` (1…36), or nil.
    public static func number(_ z: Int) -> Element? { (1...all.count).contains(z) ? all[z - 1] : nil }
}
