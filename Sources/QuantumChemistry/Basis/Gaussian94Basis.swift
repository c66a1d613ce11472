import Foundation
import InterphaseCore

/// A basis-set file in Gaussian-94 format (`.gbs`, as the Basis Set Exchange writes it): per element a
/// line `Symbol 0`, then shells `L n 1.00` each followed by n lines `exponent coefficient` (`SP` shells
/// carry an s and a p coefficient), the element ended by `****`. Fortran `D` exponents are read.
struct Gaussian94Basis: Sendable {
    /// l, exponents, coefficients of one shell.
    struct Shell: Sendable, Equatable {
        var l: Int
        var exponents: [Double]
        var coefficients: [Double]
    }

    /// Shells per atomic number.
    var shells: [Int: [Shell]]

    /// Angular-momentum letters.
    static let letters: [String: Int] = ["S": 0, "P": 1, "D": 2, "F": 3, "G": 4, "H": 5, "I": 6]

    /// - Throws: `.malformed` naming the line of anything that is not the format.
    static func parse(_ text: String, path: String) throws -> Gaussian94Basis {
        var shells: [Int: [Shell]] = [:]
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        var i = 0
        var element: Int?
        func number(_ s: Substring, _ line: Int) throws -> Double {
            guard let v = Double(s.replacingOccurrences(of: "D", with: "E").replacingOccurrences(of: "d", with: "e")) else {
                throw InterphaseError(.malformed, "'\(s)' is not a number", file: path, line: line + 1)
            }
            return v
        }
        while i < lines.count {
            let line = lines[i]
            if line.isEmpty || line.hasPrefix("!") { i += 1; continue }
            if line == "****" { element = nil; i += 1; continue }
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if element == nil {
                guard let symbol = fields.first, let e = Element.named(String(symbol)) else {
                    throw InterphaseError(.malformed, "'\(line)' does not start an element block", file: path, line: i + 1, expected: "'Symbol 0'")
                }
                element = e.atomicNumber
                i += 1
                continue
            }
            guard fields.count >= 2, let count = Int(fields[1]), count > 0, i + count < lines.count else {
                throw InterphaseError(.malformed, "'\(line)' is not a shell line", file: path, line: i + 1, expected: "'L n 1.00'")
            }
            let kind = fields[0].uppercased()
            var exponents: [Double] = [], first: [Double] = [], second: [Double] = []
            for k in 1...count {
                let values = lines[i + k].split(separator: " ", omittingEmptySubsequences: true)
                guard values.count >= (kind == "SP" ? 3 : 2) else {
                    throw InterphaseError(.malformed, "primitive line '\(lines[i + k])' has too few numbers", file: path, line: i + k + 1)
                }
                exponents.append(try number(values[0], i + k))
                first.append(try number(values[1], i + k))
                if kind == "SP" { second.append(try number(values[2], i + k)) }
            }
            if kind == "SP" {
                shells[element!, default: []].append(Shell(l: 0, exponents: exponents, coefficients: first))
                shells[element!, default: []].append(Shell(l: 1, exponents: exponents, coefficients: second))
            } else if let l = letters[kind] {
                shells[element!, default: []].append(Shell(l: l, exponents: exponents, coefficients: first))
            } else {
                throw InterphaseError(.malformed, "unknown shell type '\(kind)'", file: path, line: i + 1, expected: "S, P, D, F, G, SP")
            }
            i += count + 1
        }
        return Gaussian94Basis(shells: shells)
    }
}
