import InterphaseCore
import LibintBridge

/// Every call into the libint2 bridge (`Sources/LibintBridge`, the only code that includes libint2).
enum Libint {
    /// Owns one bridge basis; freed with the value.
    final class Basis: @unchecked Sendable {
        let handle: OpaquePointer
        let functionCount: Int
        let shellOffsets: [Int]

        init(_ basis: BasisSet) throws {
            let shells = basis.shells
            let l = shells.map { Int32($0.l) }, pure = shells.map { Int32($0.spherical ? 1 : 0) }
            let nprim = shells.map { Int32($0.exponents.count) }
            let exponents = shells.flatMap(\.exponents), coefficients = shells.flatMap(\.coefficients)
            let centres = shells.flatMap { [$0.centre.x, $0.centre.y, $0.centre.z] }
            var error = [CChar](repeating: 0, count: 512)
            guard let handle = ib_basis_create(Int32(shells.count), l, pure, nprim, exponents, coefficients, centres, &error, Int32(error.count)) else {
                throw InterphaseError(.library, "libint2 refused the basis: \(text(error))", parameter: "basis")
            }
            self.handle = handle
            functionCount = Int(ib_basis_function_count(handle))
            var offsets = [Int32](repeating: 0, count: shells.count)
            ib_basis_shell_offsets(handle, &offsets)
            shellOffsets = offsets.map(Int.init)
        }

        deinit { ib_basis_destroy(handle) }

        /// Semi-direct cache limit (bytes; 0 = direct every time).
        func setCacheLimit(_ bytes: Double) { ib_basis_set_cache_limit(handle, bytes) }

        /// Quartets the cache holds.
        var cachedQuartets: Int { Int(ib_basis_cached_quartets(handle)) }
    }

    /// The bridge's NUL-terminated message.
    static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    enum OneBody: Int32 { case overlap = 0, kinetic = 1, nuclear = 2 }

    static func oneBody(_ basis: Basis, _ op: OneBody, charges: [Double] = [], positions: [Double] = []) throws -> [Double] {
        let n = basis.functionCount
        var out = [Double](repeating: 0, count: n * n)
        var error = [CChar](repeating: 0, count: 512)
        let status = ib_one_body(basis.handle, op.rawValue, Int32(charges.count), charges, positions, &out, &error, Int32(error.count))
        guard status == 0 else { throw InterphaseError(.library, "libint2 one-body integrals: \(text(error))") }
        return out
    }

    /// J and K (K only when `exchange`) of each density, row-major n × n each.
    static func coulombExchange(_ basis: Basis, densities: [[Double]], exchange: Bool, threshold: Double, threads: Int) throws
        -> (j: [[Double]], k: [[Double]]?) {
        let n = basis.functionCount, count = densities.count
        var j = [Double](repeating: 0, count: count * n * n)
        var k = [Double](repeating: 0, count: exchange ? count * n * n : 0)
        var error = [CChar](repeating: 0, count: 512)
        let flat = densities.flatMap { $0 }
        let status = k.withUnsafeMutableBufferPointer { kb in
            ib_coulomb_exchange(basis.handle, Int32(count), flat, &j, exchange ? kb.baseAddress : nil, threshold, Int32(threads), &error, Int32(error.count))
        }
        guard status == 0 else { throw InterphaseError(.library, "libint2 two-electron integrals: \(text(error))") }
        let split = { (a: [Double]) in (0..<count).map { Array(a[($0 * n * n)..<(($0 + 1) * n * n)]) } }
        return (split(j), exchange ? split(k) : nil)
    }

    /// Dipole integrals ⟨μ|r − O|ν⟩ (x, y, z), row-major n × n each.
    static func dipole(_ basis: Basis, origin: SIMD3<Double>) throws -> [[Double]] {
        let n = basis.functionCount
        var out = [Double](repeating: 0, count: 3 * n * n)
        var error = [CChar](repeating: 0, count: 512)
        let o = [origin.x, origin.y, origin.z]
        guard ib_dipole(basis.handle, o, &out, &error, Int32(error.count)) == 0 else {
            throw InterphaseError(.library, "libint2 dipole integrals: \(text(error))")
        }
        return (0..<3).map { Array(out[($0 * n * n)..<(($0 + 1) * n * n)]) }
    }

    /// −Σ D_μν ⟨μ|1/|r − P||ν⟩ at each point (hartree per e).
    static func electronicPotential(_ basis: Basis, density: [Double], points: [SIMD3<Double>], threshold: Double, threads: Int) throws -> [Double] {
        var out = [Double](repeating: 0, count: points.count)
        var error = [CChar](repeating: 0, count: 512)
        let flat = points.flatMap { [$0.x, $0.y, $0.z] }
        guard ib_electronic_potential(basis.handle, density, Int32(points.count), flat, threshold, Int32(threads), &out, &error, Int32(error.count)) == 0 else {
            throw InterphaseError(.library, "libint2 electrostatic-potential integrals: \(text(error))")
        }
        return out
    }

    /// The contraction coefficients libint2 normalized for each shell (primitive norms folded in).
    static func normalizedCoefficients(_ basis: Basis, primitives: [Int]) -> [[Double]] {
        primitives.enumerated().map { shell, count in
            var c = [Double](repeating: 0, count: count)
            _ = ib_basis_shell_coefficients(basis.handle, Int32(shell), &c)
            return c
        }
    }

    /// libint2's real solid harmonics of degree l over its Cartesian monomials, row-major (2l+1) × ncart.
    static func solidHarmonics(_ l: Int) -> [Double] {
        var out = [Double](repeating: 0, count: (2 * l + 1) * (l + 1) * (l + 2) / 2)
        ib_solid_harmonics(Int32(l), &out)
        return out
    }

    /// Every (μν|λσ), n⁴ values.
    static func twoBodyAll(_ basis: Basis) throws -> [Double] {
        let n = basis.functionCount
        var out = [Double](repeating: 0, count: n * n * n * n)
        var error = [CChar](repeating: 0, count: 512)
        guard ib_two_body_all(basis.handle, &out, &error, Int32(error.count)) == 0 else {
            throw InterphaseError(.library, "libint2 two-electron integrals: \(text(error))")
        }
        return out
    }

    /// d/dR of Σ D(T + V) − Σ W S per shell centre and (Hellmann–Feynman) per point charge, 3 values each (hartree/bohr).
    static func oneBodyGradient(_ basis: Basis, density: [Double], energyWeighted: [Double], charges: [Double], positions: [Double],
                                threads: Int) throws -> (shells: [Double], charges: [Double]) {
        var shells = [Double](repeating: 0, count: 3 * basis.shellOffsets.count)
        var charge = [Double](repeating: 0, count: 3 * charges.count)
        var error = [CChar](repeating: 0, count: 512)
        guard ib_one_body_gradient(basis.handle, density, energyWeighted, Int32(charges.count), charges, positions, Int32(threads), &shells, &charge,
                                   &error, Int32(error.count)) == 0 else {
            throw InterphaseError(.library, "libint2 one-electron gradient integrals: \(text(error))")
        }
        return (shells, charge)
    }

    /// d/dR of ½ Σ Dc Dc (μν|λσ) − s Σ_d Σ D^d_μλ D^d_νσ (μν|λσ) per shell centre, 3 values each (hartree/bohr).
    static func twoBodyGradient(_ basis: Basis, coulomb: [Double], exchange: [[Double]], exchangeScale: Double, threshold: Double,
                                threads: Int) throws -> [Double] {
        var shells = [Double](repeating: 0, count: 3 * basis.shellOffsets.count)
        var error = [CChar](repeating: 0, count: 512)
        let flat = exchange.flatMap { $0 }
        guard ib_two_body_gradient(basis.handle, coulomb, Int32(exchange.count), flat, exchangeScale, threshold, Int32(threads), &shells, &error,
                                   Int32(error.count)) == 0 else {
            throw InterphaseError(.library, "libint2 two-electron gradient integrals: \(text(error))")
        }
        return shells
    }
}
