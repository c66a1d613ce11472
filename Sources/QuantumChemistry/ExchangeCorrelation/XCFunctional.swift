import InterphaseCore

/// An exchange–correlation functional as libxc components (Lehtola et al., SoftwareX 7, 1 (2018)),
/// with the names users type. A data table, not a switch: each row names the libxc functionals whose
/// sum it is, the same decomposition PySCF's `dft.libxc.parse_xc` gives for the name.
public struct XCFunctional: Sendable, Equatable, CustomStringConvertible {
    /// The name users type (lower case): "b3lyp".
    public let name: String
    /// libxc functional ids (`xc_funcs.h`), summed with weight 1.
    public let libxcIDs: [Int32]
    public let summary: String

    public var description: String { name }

    /// B3LYP as Gaussian and PySCF define it: the functional of the reference study.
    public static let b3lyp = XCFunctional(
        name: "b3lyp", libxcIDs: [402],
        summary: "B3LYP with VWN-RPA correlation (libxc HYB_GGA_XC_B3LYP, 20 % exact exchange), as Gaussian and PySCF define it")

    /// The functionals Interphase knows.
    public static let registry: [XCFunctional] = [
        b3lyp,
        XCFunctional(name: "pbe", libxcIDs: [101, 130], summary: "PBE exchange + PBE correlation (Perdew, Burke & Ernzerhof 1996)"),
        XCFunctional(name: "pbe0", libxcIDs: [406], summary: "PBE0 / PBE1PBE (libxc HYB_GGA_XC_PBEH, 25 % exact exchange)"),
        XCFunctional(name: "blyp", libxcIDs: [106, 131], summary: "Becke 88 exchange + Lee–Yang–Parr correlation"),
        XCFunctional(name: "svwn", libxcIDs: [1, 7], summary: "LDA: Slater exchange + VWN5 correlation (PySCF 'svwn' = 'lda,vwn')"),
    ]

    /// The functional named `name` (case-insensitive).
    /// - Throws: `.invalidParameter` listing the names there are.
    public static func named(_ name: String) throws -> XCFunctional {
        guard let f = registry.first(where: { $0.name == name.lowercased() }) else {
            throw InterphaseError(.invalidParameter, "unknown exchange–correlation functional '\(name)'", parameter: "method",
                                  expected: "one of rhf, \(registry.map(\.name).joined(separator: ", "))")
        }
        return f
    }
}
