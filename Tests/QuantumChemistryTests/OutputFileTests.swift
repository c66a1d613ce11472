import Foundation
import QuantumChemistry
import Testing
import _InterphaseTestSupport

/// The Molden file read back by an evaluator written here from the format's definition (normalised
/// primitives, each contracted Cartesian function normalised, Molden's component order) gives the same
/// orbital values as Interphase's own basis-function code (through a cube file), so a viewer shows the
/// orbitals Interphase computed.
@Suite struct OutputFileTests {
    /// Double factorial (2n − 1)!! for n ≥ 0 (1 for n = 0).
    static func oddFactorial(_ n: Int) -> Double { n <= 0 ? 1 : (1...n).reduce(1.0) { $0 * Double(2 * $1 - 1) } }

    struct Function { let centre: SIMD3<Double>; let powers: (Int, Int, Int); let exponents: [Double]; let coefficients: [Double] }

    /// Parses [Atoms], [GTO] (Cartesian) and the coefficients of MO `k` (1-based).
    static func parse(_ text: String, orbital k: Int) -> (functions: [Function], coefficients: [Double]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var centres: [Int: SIMD3<Double>] = [:], functions: [Function] = [], coefficients: [Double] = []
        let cartesian: [String: [(Int, Int, Int)]] = [
            "s": [(0, 0, 0)], "p": [(1, 0, 0), (0, 1, 0), (0, 0, 1)],
            "d": [(2, 0, 0), (0, 2, 0), (0, 0, 2), (1, 1, 0), (1, 0, 1), (0, 1, 1)],
        ]
        var section = "", atom = 0, i = 0, mo = 0
        while i < lines.count {
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            let fields = line.split(separator: " ").map(String.init)
            if line.hasPrefix("[") { section = line; i += 1; continue }
            if section.hasPrefix("[Atoms]"), fields.count == 6 {
                centres[Int(fields[1])!] = SIMD3(Double(fields[3])!, Double(fields[4])!, Double(fields[5])!)
            } else if section == "[GTO]", fields.count == 2, let a = Int(fields[0]), fields[1] == "0" {
                atom = a
            } else if section == "[GTO]", fields.count == 3, let components = cartesian[fields[0]], let count = Int(fields[1]) {
                let primitives = lines[(i + 1)...(i + count)].map { $0.split(separator: " ").compactMap { Double($0) } }
                for powers in components {
                    functions.append(Function(centre: centres[atom]!, powers: powers, exponents: primitives.map { $0[0] }, coefficients: primitives.map { $0[1] }))
                }
                i += count
            } else if section == "[MO]", line.hasPrefix("Sym=") {
                mo += 1
            } else if section == "[MO]", mo == k, fields.count == 2, Int(fields[0]) != nil, let c = Double(fields[1]) {
                coefficients.append(c)
            }
            i += 1
        }
        return (functions, coefficients)
    }

    /// A contracted Cartesian function with normalised primitives, normalised as a whole.
    static func value(_ f: Function, at p: SIMD3<Double>) -> Double {
        let (a, b, c) = f.powers, l = a + b + c
        let angular = oddFactorial(a) * oddFactorial(b) * oddFactorial(c)
        let norms = f.exponents.map { alpha in pow(2 * alpha / .pi, 0.75) * pow(4 * alpha, Double(l) / 2) / angular.squareRoot() }
        var selfOverlap = 0.0
        for i in f.exponents.indices {
            for j in f.exponents.indices {
                let s = f.exponents[i] + f.exponents[j]
                selfOverlap += f.coefficients[i] * f.coefficients[j] * norms[i] * norms[j] * pow(.pi / s, 1.5) * angular / pow(2 * s, Double(l))
            }
        }
        let d = p - f.centre, r2 = (d * d).sum()
        var radial = 0.0
        for i in f.exponents.indices { radial += f.coefficients[i] * norms[i] * exp(-f.exponents[i] * r2) }
        return pow(d.x, Double(a)) * pow(d.y, Double(b)) * pow(d.z, Double(c)) * radial / selfOverlap.squareRoot()
    }

    @Test func moldenOrbitalsAreInterphasesOrbitals() throws {
        let water = try Molecule.readXYZ(Fixtures.data("molecules/H2O.xyz"))
        var options = SinglePointOptions(method: .hartreeFock, basis: BasisSetName.named("6-31G(d,p)")!)
        options.molden = true
        let homo = water.electronCount / 2 - 1
        options.cubes = [.orbital(homo), .orbital(homo + 1)]
        options.cubeSpacing = 0.9
        let calculation = try SinglePoint.run(water, options: options)
        let text = try #require(calculation.molden)
        for (cube, k) in zip(calculation.cubes, [homo, homo + 1]) {
            let (functions, coefficients) = Self.parse(text, orbital: k + 1)
            #expect(functions.count == calculation.result.functionCount && coefficients.count == functions.count)
            var worst = 0.0, index = 0
            for i in 0..<cube.counts.x {
                for j in 0..<cube.counts.y {
                    for m in 0..<cube.counts.z {
                        let p = cube.origin + SIMD3(Double(i), Double(j), Double(m)) * cube.spacing
                        let molden = zip(functions, coefficients).reduce(0) { $0 + $1.1 * Self.value($1.0, at: p) }
                        worst = max(worst, abs(molden - cube.values[index]))
                        index += 1
                    }
                }
            }
            #expect(worst < 1e-8, "orbital \(k + 1): largest |ψ_molden − ψ| \(worst)")
        }
    }
}
