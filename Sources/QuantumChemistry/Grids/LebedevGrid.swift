import Foundation
import InterphaseCore

/// Lebedev–Laikov quadrature on the unit sphere (Lebedev & Laikov, Doklady Mathematics 59, 477
/// (1999)): N points with octahedral symmetry that integrate every polynomial x^k y^l z^m of degree up
/// to the grid's order exactly. Weights sum to 1 (multiply by 4π for ∫dΩ).
///
/// Each grid is stored as its orbits under the octahedral group (`Resources/grids/lebedev.txt`,
/// written by `References/lebedev_grids.py`); `points(_:)` expands them: orbit code 0 is the 6
/// vertices (±1,0,0), 1 the 12 edge midpoints (0,±a,±a) with a = 1/√2, 2 the 8 cube corners
/// (±a,±a,±a) with a = 1/√3, 3 the 24 points (±a,±a,±b) with b = √(1 − 2a²), 4 the 24 points
/// (±a,±b,0) with b = √(1 − a²), 5 the 48 points (±a,±b,±c) with c = √(1 − a² − b²), each with every
/// permutation of the coordinates.
public enum LebedevGrid {
    /// One expanded grid: unit vectors and weights (Σw = 1).
    public struct Points: Sendable {
        public let directions: [SIMD3<Double>]
        public let weights: [Double]
    }

    /// The grid sizes available (6 … 5810), ascending.
    public static var sizes: [Int] { (try? table().keys.sorted()) ?? [] }

    /// The algebraic order L (degree integrated exactly) of each size, as PySCF's `LEBEDEV_ORDER`.
    public static let orders: [Int: Int] = [
        6: 3, 14: 5, 26: 7, 38: 9, 50: 11, 74: 13, 86: 15, 110: 17, 146: 19, 170: 21, 194: 23, 230: 25, 266: 27,
        302: 29, 350: 31, 434: 35, 590: 41, 770: 47, 974: 53, 1202: 59, 1454: 65, 1730: 71, 2030: 77, 2354: 83,
        2702: 89, 3074: 95, 3470: 101, 3890: 107, 4334: 113, 4802: 119, 5294: 125, 5810: 131,
    ]

    /// The grid of `size` points.
    /// - Throws: `.invalidParameter` naming the sizes there are.
    public static func points(_ size: Int) throws -> Points {
        guard let orbits = try table()[size] else {
            throw InterphaseError(.invalidParameter, "there is no Lebedev grid of \(size) points", parameter: "grid",
                                  expected: "one of \(sizes.map(String.init).joined(separator: ", "))")
        }
        var directions: [SIMD3<Double>] = [], weights: [Double] = []
        directions.reserveCapacity(size)
        for orbit in orbits {
            let members = expand(orbit)
            directions += members
            weights += Array(repeating: orbit.v, count: members.count)
        }
        return Points(directions: directions, weights: weights)
    }

    struct Orbit: Sendable { let code: Int, a: Double, b: Double, v: Double }

    /// Every point of one orbit: all sign changes of the nonzero coordinates of each distinct
    /// permutation of the representative.
    static func expand(_ o: Orbit) -> [SIMD3<Double>] {
        let representative: SIMD3<Double>
        switch o.code {
        case 0: representative = [1, 0, 0]
        case 1: representative = [0, 0.5.squareRoot(), 0.5.squareRoot()]
        case 2: let a = (1.0 / 3).squareRoot(); representative = [a, a, a]
        case 3: representative = [o.a, o.a, (1 - 2 * o.a * o.a).squareRoot()]
        case 4: representative = [o.a, (1 - o.a * o.a).squareRoot(), 0]
        default: representative = [o.a, o.b, (1 - o.a * o.a - o.b * o.b).squareRoot()]
        }
        let permutations: [(Int, Int, Int)] = [(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)]
        var seen = Set<SIMD3<Double>>(), points: [SIMD3<Double>] = []
        for (i, j, k) in permutations {
            let p = SIMD3(representative[i], representative[j], representative[k])
            for signs in 0..<8 {
                var q = p
                for axis in 0..<3 where signs & (1 << axis) != 0 { q[axis] = -q[axis] }
                q = q.replacing(with: 0, where: q .== 0)  // −0 and 0 are one point
                if seen.insert(q).inserted { points.append(q) }
            }
        }
        return points
    }

    private static let loaded = LebedevTable()

    static func table() throws -> [Int: [Orbit]] { try loaded.orbits() }
}

/// The parsed orbit table, read once per process.
final class LebedevTable: @unchecked Sendable {
    private var parsed: [Int: [LebedevGrid.Orbit]]?
    private let lock = NSLock()

    func orbits() throws -> [Int: [LebedevGrid.Orbit]] {
        lock.lock()
        defer { lock.unlock() }
        if let parsed { return parsed }
        guard let url = Bundle.module.url(forResource: "lebedev", withExtension: "txt", subdirectory: "grids")
            ?? Bundle.module.url(forResource: "lebedev", withExtension: "txt") else {
            throw InterphaseError(.fileNotFound, "the Lebedev table lebedev.txt is not in the module's resources", parameter: "grid")
        }
        var table: [Int: [LebedevGrid.Orbit]] = [:], current = 0
        for (number, line) in try String(contentsOf: url, encoding: .utf8).split(separator: "\n").enumerated() where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            if fields.first == "grid", fields.count == 3, let n = Int(fields[1]) {
                current = n
                table[n] = []
            } else if fields.count == 4, let code = Int(fields[0]), let a = Double(fields[1]), let b = Double(fields[2]), let v = Double(fields[3]) {
                table[current, default: []].append(LebedevGrid.Orbit(code: code, a: a, b: b, v: v))
            } else {
                throw InterphaseError(.invalidData, "lebedev.txt line \(number + 1) is not `grid N COUNT` or `code a b v`", parameter: "grid")
            }
        }
        parsed = table
        return table
    }
}
