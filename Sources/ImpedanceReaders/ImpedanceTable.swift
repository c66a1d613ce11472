import Foundation
import InstrumentIO
import InterphaseCore
import InterphaseData

/// Named numeric columns as a reader found them, turned into validated spectra by one set of rules for
/// every format:
///
/// - columns are recognised by `ImpedanceColumnRole.aliases` and converted to SI by their header unit
///   (a header without a unit, or with ZView's `(a)`/`(b)` labels, is in the role's SI unit);
/// - Z″ is taken as written or negated from −Z″; with neither, from |Z| and the phase;
/// - rows at f = 0 before or after the sweep (the DC points Parstat writes first) are dropped, with a
///   warning; a zero frequency inside the sweep is an error naming its line;
/// - the sweeps are split by the loop column when there is one (EC-Lab's `cycle number`), else where
///   the frequency turns back by more than a factor of two against the sweep's direction (a new sweep
///   starting again at the high end);
/// - a non-finite frequency or impedance is an error naming the file line.
struct ImpedanceTable {
    /// Column names as in the file (unit included), in file order.
    var names: [String]
    /// One array per name, equal lengths.
    var columns: [[Double]]
    /// File line of each row (1-based), for error messages; nil for binary files (the row is then named
    /// as a record).
    var lines: [Int]?
    /// Warnings the layout already found.
    var warnings: [String] = []

    /// Builds the spectra.
    /// - Throws: `.missingColumn` naming the columns found when the frequency or the impedance is
    ///   missing; `.invalidData` naming the line of a non-finite value; `.emptyInput` when no row is left.
    func file(format: FileFormat, path: String, options: ImpedanceReadOptions, metadata: ImpedanceFile.Metadata = .init()) throws -> ImpedanceFile {
        var index: [ImpedanceColumnRole: Int] = [:]
        var factor: [ImpedanceColumnRole: Double] = [:]
        for (k, name) in names.enumerated() {
            guard let (role, unitFactor) = Self.recognise(name), index[role] == nil else { continue }
            index[role] = k
            factor[role] = unitFactor
        }
        let found = names.joined(separator: ", ")
        guard let fk = index[.frequency] else {
            throw InterphaseError(.missingColumn, "no frequency column among \(names.count) columns (\(found))", file: path,
                                  expected: "a column such as freq/Hz, Freq, Frequency (Hz)")
        }
        let hasParts = index[.real] != nil && (index[.imaginary] != nil || index[.negativeImaginary] != nil)
        let hasPolar = index[.modulus] != nil && index[.phase] != nil
        guard hasParts || hasPolar else {
            throw InterphaseError(.missingColumn, "no impedance columns among \(names.count) columns (\(found))", file: path,
                                  expected: "Z′ and Z″ (or −Z″) columns, or |Z| and phase")
        }
        let n = columns[fk].count
        func value(_ role: ImpedanceColumnRole, _ row: Int) -> Double? {
            index[role].map { columns[$0][row] * (factor[role] ?? 1) }
        }
        func location(_ row: Int) -> (Int, String) { lines.map { ($0[row], "line") } ?? (row + 1, "record") }

        var warnings = self.warnings
        // Rows at f = 0 before the first or after the last measured frequency are DC points (Parstat
        // writes its open-circuit record there): skipped. A zero inside the sweep is a damaged row.
        let frequencies = columns[fk]
        guard let first = frequencies.firstIndex(where: { $0 != 0 }), let last = frequencies.lastIndex(where: { $0 != 0 }) else {
            throw InterphaseError(.emptyInput, "no impedance points: every row has frequency 0", file: path)
        }
        if let zero = (first...last).first(where: { frequencies[$0] == 0 }) {
            let (line, label) = location(zero)
            throw InterphaseError(.invalidData, "frequency 0 Hz inside the sweep", file: path, line: line, lineLabel: label,
                                  column: names[fk], expected: "f > 0 (DC points only before or after the sweep)")
        }
        let keep = Array(first...last)
        let dcRows = n - keep.count
        if dcRows > 0 {
            warnings.append("\(dcRows) rows at frequency 0 (DC points before or after the sweep) were skipped")
        }

        var f: [Double] = [], re: [Double] = [], im: [Double] = []
        f.reserveCapacity(keep.count); re.reserveCapacity(keep.count); im.reserveCapacity(keep.count)
        for row in keep {
            let freq = value(.frequency, row)!
            var zr: Double, zi: Double
            if hasParts {
                zr = value(.real, row)!
                zi = value(.imaginary, row) ?? -value(.negativeImaginary, row)!
            } else {
                let modulus = value(.modulus, row)!, phase = value(.phase, row)!
                zr = modulus * cos(phase)
                zi = modulus * sin(phase)
            }
            for (what, v) in [("frequency", freq), ("Z′", zr), ("Z″", zi)] where !v.isFinite {
                let (line, label) = location(row)
                throw InterphaseError(.invalidData, "\(what) is not a number (\(v))", file: path, line: line, lineLabel: label,
                                      expected: "a finite value in every impedance column")
            }
            if freq < 0 {
                let (line, label) = location(row)
                throw InterphaseError(.invalidData, "frequency \(freq) Hz is negative", file: path, line: line, lineLabel: label,
                                      expected: "f > 0")
            }
            f.append(freq); re.append(zr); im.append(zi)
        }
        func optional(_ role: ImpedanceColumnRole) -> [Double]? {
            guard index[role] != nil else { return nil }
            let values = keep.map { value(role, $0)! }
            return values.allSatisfy(\.isFinite) ? values : nil
        }
        let time = optional(.time), potential = optional(.potential), current = optional(.current)
        let sweeps = Self.sweeps(frequency: f, loop: optional(.loop))
        var spectra: [ImpedanceSpectrum] = []
        for (number, range) in sweeps.enumerated() {
            spectra.append(try ImpedanceSpectrum(
                frequency: Array(f[range]), real: Array(re[range]), imaginary: Array(im[range]),
                time: time.map { Array($0[range]) }, potential: potential.map { Array($0[range]) },
                current: current.map { Array($0[range]) }, loop: number + 1, electrodeArea: options.electrodeArea ?? metadata.electrodeArea,
                source: path))
        }
        return ImpedanceFile(format: format, spectra: spectra, warnings: warnings, metadata: metadata)
    }

    /// The role of a column named `name` and the factor from its unit to SI, or nil when no role fits.
    static func recognise(_ name: String) -> (ImpedanceColumnRole, Double)? {
        let header = ColumnHeader(name)
        // `Re(Z)` without a unit: ColumnHeader reads `(Z)` as one; the whole name is then the base.
        let candidates: [(base: String, unit: String?)] = [(header.base, header.unit), (name, nil)]
        for (base, unit) in candidates {
            guard let role = ImpedanceColumnRole.role(ofBase: base) else { continue }
            return (role, Self.factor(role, unit: unit))
        }
        return nil
    }

    /// SI factor of `unit` for `role`; 1 (the SI unit) when the header has none or one that is not a
    /// unit of the role's dimension (ZView's `Z'(a)`), degrees → radians for a phase without a unit.
    static func factor(_ role: ImpedanceColumnRole, unit: String?) -> Double {
        let dimension: PhysicalDimension
        switch role {
        case .frequency: dimension = .frequency
        case .real, .imaginary, .negativeImaginary, .modulus: dimension = .resistance
        case .phase: return PhysicalUnit.parse(unit ?? "deg", as: .angle)?.factor ?? .pi / 180
        case .time: dimension = .time
        case .potential: dimension = .voltage
        case .current: dimension = .current
        case .loop: return 1
        }
        return PhysicalUnit.parse(unit, as: dimension)?.factor ?? 1
    }

    /// Index ranges of the sweeps (see the type's description).
    static func sweeps(frequency f: [Double], loop: [Double]?) -> [Range<Int>] {
        var starts = [0]
        if let loop {
            for k in 1..<max(f.count, 1) where loop[k] != loop[k - 1] { starts.append(k) }
        } else if f.count > 2 {
            var direction = 0.0  // +1 rising, −1 falling, 0 not yet known
            for k in 1..<f.count {
                let step = log(f[k] / f[k - 1])
                if direction == 0 { direction = step > 0 ? 1 : (step < 0 ? -1 : 0); continue }
                if step * direction < -log(2.0), k - starts.last! >= 2 {
                    starts.append(k)
                    direction = 0
                }
            }
        }
        return starts.indices.map { starts[$0]..<(starts.indices.contains($0 + 1) ? starts[$0 + 1] : f.count) }
    }
}
