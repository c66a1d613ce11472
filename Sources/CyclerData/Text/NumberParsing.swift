import Foundation

/// Fast decimal-to-double conversion for cycler text files.
///
/// The common case — at most 19 significant digits with a decimal exponent small enough that both the
/// integer mantissa (≤ 2^53) and 10^|e| (≤ 10^22) are exact doubles — is converted with one IEEE multiply
/// or divide, which is correctly rounded (Clinger's fast path, W. D. Clinger, PLDI 1990). Everything
/// else falls back to `strtod`, so results always equal `strtod`'s. Accepts an optional decimal comma.
enum NumberParsing {
    static let powersOfTen: [Double] = (0...22).map { pow(10.0, Double($0)) }

    /// Parses `[start, end)`; returns nil for empty or non-numeric text (leading/trailing blanks allowed).
    @inline(__always)
    static func parseDouble(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, decimalComma: Bool) -> Double? {
        var i = start
        var e = end
        while i < e, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x22 { i += 1 }
        while e > i, p[e - 1] == 0x20 || p[e - 1] == 0x09 || p[e - 1] == 0x0D || p[e - 1] == 0x22 { e -= 1 }
        guard i < e else { return nil }
        let begin = i
        var negative = false
        if p[i] == 0x2D { negative = true; i += 1 } else if p[i] == 0x2B { i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        while i < e, p[i] &- 0x30 < 10 {
            if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30); if mantissa != 0 { digits += 1 } } else { exponent += 1 }
            sawDigit = true
            i += 1
        }
        let point: UInt8 = decimalComma ? 0x2C : 0x2E
        if i < e, p[i] == point {
            i += 1
            while i < e, p[i] &- 0x30 < 10 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30); exponent -= 1; if mantissa != 0 { digits += 1 } }
                sawDigit = true
                i += 1
            }
        }
        guard sawDigit else { return slowParse(p, begin, e, decimalComma: decimalComma) }
        if i < e, p[i] == 0x65 || p[i] == 0x45 {
            i += 1
            var expNegative = false
            if i < e, p[i] == 0x2D { expNegative = true; i += 1 } else if i < e, p[i] == 0x2B { i += 1 }
            var value = 0
            var any = false
            while i < e, p[i] &- 0x30 < 10, value < 100_000 { value = value * 10 + Int(p[i] &- 0x30); i += 1; any = true }
            guard any else { return nil }
            exponent += expNegative ? -value : value
        }
        guard i == e else { return slowParse(p, begin, e, decimalComma: decimalComma) }
        if digits <= 15, mantissa < (1 << 53), exponent >= -22, exponent <= 22 {
            var value = Double(mantissa)
            value = exponent >= 0 ? value * powersOfTen[exponent] : value / powersOfTen[-exponent]
            return negative ? -value : value
        }
        return slowParse(p, begin, e, decimalComma: decimalComma)
    }

    /// `strtod` on a copy (needed for long mantissas, large exponents, "inf"/"nan").
    static func slowParse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, decimalComma: Bool) -> Double? {
        var buffer = [CChar](repeating: 0, count: end - start + 1)
        for k in start..<end {
            let c = p[k]
            buffer[k - start] = CChar(bitPattern: decimalComma && c == 0x2C ? 0x2E : c)
        }
        return buffer.withUnsafeBufferPointer { b -> Double? in
            var endPointer: UnsafeMutablePointer<CChar>?
            let value = strtod(b.baseAddress!, &endPointer)
            guard let endPointer, endPointer - UnsafeMutablePointer(mutating: b.baseAddress!) == end - start else {
                return nil
            }
            return value
        }
    }

    /// Durations written as `[Nd ]HH:MM:SS[.fff]` (Maccor `TestTime`, Arbin "Step Time" in some exports).
    /// - Returns: seconds, or nil if the text is not such a duration.
    static func parseDuration(_ text: Substring) -> Double? {
        var rest = text.trimmingCharacters(in: .whitespaces)[...]
        var days = 0.0
        // LAND writes "D-HH:MM:SS"; Maccor "Nd HH:MM:SS".
        if let dash = rest.firstIndex(of: "-"), dash != rest.startIndex, rest.contains(":"),
           let value = Double(rest[..<dash]) {
            days = value
            rest = rest[rest.index(after: dash)...]
        } else if let d = rest.firstIndex(of: "d") {
            guard let value = Double(rest[..<d].trimmingCharacters(in: .whitespaces)) else { return nil }
            days = value
            rest = rest[rest.index(after: d)...]
        }
        let parts = rest.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard (2...3).contains(parts.count) else { return nil }
        var seconds = 0.0
        for part in parts {
            guard let value = Double(part.replacingOccurrences(of: ",", with: ".")) else { return nil }
            seconds = seconds * 60 + value
        }
        return days * 86400 + seconds
    }
}
