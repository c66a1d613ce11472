import InterphaseCore

/// A voltage column whose values are impossible in the unit its header states is refused, naming the
/// unit the values fit: an export headed `Volts` holding 1300–3800 is in millivolts. The rule: after
/// conversion, the median |V| of the column must be below 1000 V (no cell or pack a cycler tests comes
/// near it; a single electrode stays below 10 V); above it the values are 10³ too large for the stated
/// unit, which is said, with the `--columns` spelling that reads them right. Refusing rather than
/// rescaling keeps one rule for every file: no number is changed behind the user's back.
enum VoltageSanity {
    static let maximumMedian = 1000.0

    /// - Parameters: `voltage` in V after the header's unit was applied; `unit` as the header states it.
    /// - Throws: `invalidData` naming the column, the range found and the likely unit.
    static func check(_ voltage: [Double], column: String, unit: String?, file: String) throws {
        // One pass for the common case (every |V| below the limit); the median only when some is not,
        // taken on an evenly strided sample of at most 10,001 values (a 10 M-row column is not sorted).
        var largest = 0.0
        for v in voltage where v.isFinite && abs(v) > largest { largest = abs(v) }
        guard largest >= maximumMedian else { return }
        let stride = max(1, voltage.count / 10_000)
        var sample = Swift.stride(from: 0, to: voltage.count, by: stride).map { abs(voltage[$0]) }.filter(\.isFinite)
        guard !sample.isEmpty else { return }
        sample.sort()
        guard sample[sample.count / 2] >= maximumMedian else { return }
        let stated = (unit ?? "").isEmpty ? "V (no unit given)" : unit!
        throw InterphaseError(
            .invalidData,
            "voltage values up to \(formatNumber(largest, decimals: 0)) (median \(formatNumber(sample[sample.count / 2], decimals: 0))) are impossible in \(stated): the column looks like millivolts",
            file: file, column: column, expected: "volts, or --columns voltage=\(column):mV")
    }
}
