/// The bundled basis sets by name, as a table: the name users write, the resource file
/// (`Resources/basis/<file>.gbs`, from the Basis Set Exchange by `References/basis_sets.py`), and whether
/// its d and f shells are spherical by default. Gaussian's defaults: the Pople sets are Cartesian (6D/10F)
/// and the Dunning and Karlsruhe sets spherical (5D/7F); the study's B3LYP/6-31G(d,p) is therefore 6D.
public struct BasisSetName: Sendable, Equatable, Hashable {
    public let name: String
    let file: String
    /// Spherical (pure) d and higher shells by default.
    public let sphericalByDefault: Bool

    /// 6-31G(d,p), the reference study's basis (Cartesian d, as Gaussian uses it).
    public static let sixThirtyOneGdp = BasisSetName(name: "6-31G(d,p)", file: "6-31g_d_p", sphericalByDefault: false)

    public static let all: [BasisSetName] = [
        BasisSetName(name: "STO-3G", file: "sto-3g", sphericalByDefault: false),
        BasisSetName(name: "3-21G", file: "3-21g", sphericalByDefault: false),
        BasisSetName(name: "6-31G", file: "6-31g", sphericalByDefault: false),
        BasisSetName(name: "6-31G(d)", file: "6-31g_d", sphericalByDefault: false),
        sixThirtyOneGdp,
        BasisSetName(name: "6-31+G(d,p)", file: "6-31+g_d_p", sphericalByDefault: false),
        BasisSetName(name: "6-311G(d,p)", file: "6-311g_d_p", sphericalByDefault: false),
        BasisSetName(name: "def2-SVP", file: "def2-svp", sphericalByDefault: true),
        BasisSetName(name: "def2-TZVP", file: "def2-tzvp", sphericalByDefault: true),
        BasisSetName(name: "cc-pVDZ", file: "cc-pvdz", sphericalByDefault: true),
        BasisSetName(name: "cc-pVTZ", file: "cc-pvtz", sphericalByDefault: true),
    ]

    /// Common spellings (`6-31G**`, `6-31g*`, `sto3g`) map to the canonical names.
    static let aliases: [String: String] = [
        "6-31g*": "6-31G(d)", "6-31g**": "6-31G(d,p)", "6-31+g**": "6-31+G(d,p)", "6-311g**": "6-311G(d,p)", "sto3g": "STO-3G",
    ]

    /// The set named `text` (case-insensitive, aliases understood), or nil.
    public static func named(_ text: String) -> BasisSetName? {
        let key = text.lowercased().replacingOccurrences(of: " ", with: "")
        let canonical = aliases[key]?.lowercased() ?? key
        return all.first { $0.name.lowercased() == canonical }
    }
}
