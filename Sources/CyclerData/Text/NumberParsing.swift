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
            guard let value = exponentPart(p, &i, e) else { return nil }
            exponent += value
        }
        guard i == e else { return slowParse(p, begin, e, decimalComma: decimalComma) }
        if digits <= 15, mantissa < (1 << 53), exponent >= -22, exponent <= 22 {
            var value = Double(mantissa)
            value = exponent >= 0 ? value * powersOfTen[exponent] : value / powersOfTen[-exponent]
            return negative ? -value : value
        }
        return slowParse(p, begin, e, decimalComma: decimalComma)
    }

    /// The exponent after an `e`/`E` at `i` (optional sign, at least one digit; values past ±100,000 stop
    /// growing, which keeps them out of every fast path). Advances `i` past it; nil when no digit follows.
    @inline(__always)
    static func exponentPart(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int) -> Int? {
        i += 1
        var negative = false
        if i < end, p[i] == 0x2D { negative = true; i += 1 } else if i < end, p[i] == 0x2B { i += 1 }
        var value = 0
        let start = i
        while i < end, p[i] &- 0x30 < 10, value < 100_000 { value = value * 10 + Int(p[i] &- 0x30); i += 1 }
        guard i > start else { return nil }
        return negative ? -value : value
    }

    /// 10^k for 0 ≤ k ≤ 22, all exact doubles (a switch compiles to a constant table, with no lazy-global
    /// initialisation check on the hot path).
    @inline(__always)
    static func exactPowerOfTen(_ k: Int) -> Double {
        switch k {
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }

    /// Appends the run of decimal digits at `i` to `mantissa` (wrapping; callers bound the digit count),
    /// eight at a time where eight bytes are readable: the SWAR method of Lemire (simdjson's
    /// `parse_eight_digits_unrolled`) finds the run length from a byte mask and converts up to eight digits
    /// with three multiplications, instead of a compare and a multiply-add per digit.
    @inline(__always)
    static func digitRun(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int, _ mantissa: inout UInt64) {
        while end - i >= 8 {
            let x = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
            let t = x &- 0x3030_3030_3030_3030
            // High bit of each byte set where the byte is not '0'…'9'.
            let nonDigit = (t | (t &+ 0x7676_7676_7676_7676)) & 0x8080_8080_8080_8080
            let n = nonDigit == 0 ? 8 : nonDigit.trailingZeroBitCount / 8
            if n == 0 { return }
            // Move the n digits to the top bytes: the bytes below become leading zeros.
            var v = n == 8 ? t : t << UInt64(8 * (8 - n))
            v = (v &* 10) &+ (v >> 8)
            v = (((v & 0x0000_00FF_0000_00FF) &* 0x000F_4240_0000_0064)
                &+ (((v >> 16) & 0x0000_00FF_0000_00FF) &* 0x0000_2710_0000_0001)) >> 32
            mantissa = mantissa &* tenToThe(n) &+ (v & 0xFFFF_FFFF)
            i += n
            if n < 8 { return }
        }
        while i < end {
            let d = p[i] &- 0x30
            if d >= 10 { return }
            mantissa = mantissa &* 10 &+ UInt64(d)
            i += 1
        }
    }

    @inline(__always)
    static func tenToThe(_ n: Int) -> UInt64 {
        switch n {
        case 1: return 10
        case 2: return 100
        case 3: return 1000
        case 4: return 10000
        case 5: return 100_000
        case 6: return 1_000_000
        case 7: return 10_000_000
        default: return 100_000_000
        }
    }

    /// Parses a number that starts at `start` (after optional blanks) and must end at `delimiter` or
    /// `end` (after optional blanks/CR): the fast path of the column parser, which reads each byte once.
    /// - Returns: the index of the delimiter (or `end`) with the value in `value`, or −1 when the field is
    ///   anything else (quoted, a duration, text, more than 15 significant digits) — the caller then
    ///   takes the general path.
    @inline(__always)
    static func parsePrefix(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, decimalComma: Bool, delimiter: UInt8,
                            into value: inout Double) -> Int {
        var i = start
        while i < end, p[i] == 0x20 { i += 1 }
        guard i < end else { return -1 }
        var negative = false
        if p[i] == 0x2D { negative = true; i += 1 } else if p[i] == 0x2B { i += 1 }
        var mantissa: UInt64 = 0
        let digitsStart = i
        digitRun(p, &i, end, &mantissa)
        var digits = i - digitsStart
        var exponent = 0
        let point: UInt8 = decimalComma ? 0x2C : 0x2E
        if i < end, p[i] == point, point != delimiter {
            i += 1
            let fractionStart = i
            digitRun(p, &i, end, &mantissa)
            exponent = fractionStart - i
            digits += i - fractionStart
        }
        // ≤ 18 digits cannot overflow UInt64; the exact fast path needs the mantissa below 2^53.
        guard digits > 0, digits <= 18, mantissa < (1 << 53) else { return -1 }
        if i < end, p[i] == 0x65 || p[i] == 0x45 {
            guard let value = exponentPart(p, &i, end) else { return -1 }
            exponent += value
        }
        while i < end, p[i] == 0x20 || p[i] == 0x0D { i += 1 }
        guard i == end || p[i] == delimiter, exponent >= -22, exponent <= 22 else { return -1 }
        // Clinger's fast path: both operands exact, one correctly rounded operation.
        var v = Double(Int64(bitPattern: mantissa))
        v = exponent >= 0 ? v * exactPowerOfTen(exponent) : v / exactPowerOfTen(-exponent)
        value = negative ? -v : v
        return i
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
