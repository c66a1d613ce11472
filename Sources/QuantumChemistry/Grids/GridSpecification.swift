import Foundation
import InterphaseCore

/// Which molecular grid a DFT calculation integrates on: a named level (PySCF's `grids.level`, 0–9;
/// default 3) or the same (radial, angular) size for every atom, such as Gaussian's UltraFine
/// (99, 590). Pruning reduces the angular grid near the nucleus and far out (NWChem's scheme) unless
/// turned off.
public struct GridSpecification: Sendable, Equatable, CustomStringConvertible {
    public enum Size: Sendable, Equatable {
        /// PySCF's level table (`gen_grid.RAD_GRIDS`, `ANG_ORDER`): radial and angular sizes by period.
        case level(Int)
        /// `radial` Treutler–Ahlrichs points and at most `angular` Lebedev points per atom.
        case explicit(radial: Int, angular: Int)
    }

    public var size: Size
    public var pruning: GridPruning

    public init(_ size: Size = .level(3), pruning: GridPruning = .nwchem) {
        self.size = size
        self.pruning = pruning
    }

    public var description: String {
        switch size {
        case .level(let l): return "level \(l)"
        case .explicit(let r, let a): return "(\(r),\(a))"
        }
    }

    /// "3", "level3", "(99,590)" or "99,590".
    /// - Throws: `.invalidParameter` naming what was expected.
    public static func parse(_ text: String) throws -> GridSpecification {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let bare = trimmed.hasPrefix("level") ? String(trimmed.dropFirst(5)) : trimmed
        if let level = Int(bare.trimmingCharacters(in: .whitespaces)) {
            guard levels.indices.contains(level) else {
                throw InterphaseError(.invalidParameter, "grid level \(level) is not defined", parameter: "grid", expected: "a level 0–9 or (radial,angular)")
            }
            return GridSpecification(.level(level))
        }
        let parts = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "() ")).split(separator: ",")
        guard parts.count == 2, let r = Int(parts[0].trimmingCharacters(in: .whitespaces)), let a = Int(parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw InterphaseError(.invalidParameter, "grid '\(text)' is neither a level nor (radial,angular)", parameter: "grid",
                                  expected: "e.g. 3 or (99,590)")
        }
        guard r >= 2 else { throw InterphaseError(.invalidParameter, "grid has \(r) radial points", parameter: "grid", expected: "at least 2") }
        guard LebedevGrid.orders[a] != nil else {
            throw InterphaseError(.invalidParameter, "there is no Lebedev grid of \(a) points", parameter: "grid",
                                  expected: "one of \(LebedevGrid.orders.keys.sorted().map(String.init).joined(separator: ", "))")
        }
        return GridSpecification(.explicit(radial: r, angular: a))
    }

    /// (radial points, largest angular grid) for element Z.
    func sizes(atomicNumber z: Int) -> (radial: Int, angular: Int) {
        switch size {
        case .explicit(let r, let a): return (r, a)
        case .level(let level):
            // Period of Z (PySCF `_default_rad`: count of the noble-gas numbers below Z).
            let period = [2, 10, 18, 36, 54, 86, 118].filter { z > $0 }.count
            let row = GridSpecification.levels[level]
            return (row.radial[period], LebedevGrid.sizeOfOrder[row.angularOrder[period]] ?? 302)
        }
    }

    /// PySCF 2.14 `gen_grid.RAD_GRIDS` and `ANG_ORDER` by level (rows) and period (columns 1–7).
    static let levels: [(radial: [Int], angularOrder: [Int])] = [
        ([10, 15, 20, 30, 35, 40, 50], [11, 15, 17, 17, 17, 17, 17]),
        ([30, 40, 50, 60, 65, 70, 75], [17, 23, 23, 23, 23, 23, 23]),
        ([40, 60, 65, 75, 80, 85, 90], [23, 29, 29, 29, 29, 29, 29]),
        ([50, 75, 80, 90, 95, 100, 105], [29, 29, 35, 35, 35, 35, 35]),
        ([60, 90, 95, 105, 110, 115, 120], [35, 41, 41, 41, 41, 41, 41]),
        ([70, 105, 110, 120, 125, 130, 135], [41, 47, 47, 47, 47, 47, 47]),
        ([80, 120, 125, 135, 140, 145, 150], [47, 53, 53, 53, 53, 53, 53]),
        ([90, 135, 140, 150, 155, 160, 165], [53, 59, 59, 59, 59, 59, 59]),
        ([100, 150, 155, 165, 170, 175, 180], [59, 59, 59, 59, 59, 59, 59]),
        ([200, 200, 200, 200, 200, 200, 200], [65, 65, 65, 65, 65, 65, 65]),
    ]
}

extension LebedevGrid {
    /// Size of the grid of each algebraic order.
    static let sizeOfOrder: [Int: Int] = Dictionary(uniqueKeysWithValues: orders.map { ($0.value, $0.key) })
}
