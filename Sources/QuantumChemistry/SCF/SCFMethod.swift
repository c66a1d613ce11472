import InterphaseCore

/// What the SCF solves: Hartree–Fock, or Kohn–Sham DFT with a functional from `XCFunctional.registry`.
/// The same names on the command line (`--method rhf|b3lyp|…`), in `summary.json` and in the report.
public enum SCFMethod: Sendable, Equatable, CustomStringConvertible {
    case hartreeFock
    case kohnSham(XCFunctional)

    /// "rhf", "hf", "uhf" → Hartree–Fock (restricted or unrestricted is `SCFOptions.unrestricted` and the
    /// multiplicity); a functional name → Kohn–Sham.
    /// - Throws: `.invalidParameter` naming the methods there are.
    public static func named(_ name: String) throws -> SCFMethod {
        switch name.lowercased() {
        case "hf", "rhf", "uhf": return .hartreeFock
        default: return .kohnSham(try XCFunctional.named(name))
        }
    }

    /// "RHF" or the functional's name in capitals ("B3LYP").
    public var description: String {
        switch self {
        case .hartreeFock: return "RHF"
        case .kohnSham(let f): return f.name.uppercased()
        }
    }

    public var functional: XCFunctional? {
        if case .kohnSham(let f) = self { return f }
        return nil
    }
}
