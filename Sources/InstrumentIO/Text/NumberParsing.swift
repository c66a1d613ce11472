import Foundation

/// Fast decimal-to-double conversion for cycler text files.
///
/// The common case — at most 19 significant digits with a decimal exponent small enough that both the
/// integer mantissa (≤ 2^53) and 10^|e| (≤ 10^22) are exact doubles — is converted with one IEEE multiply
/// or divide, which is correctly rounded (Clinger's fast path, W. D. Clinger, PLDI 1990). Everything
/// else falls back to `strtod`, so results always equal `strtod`'s. Accepts an optional decimal comma.
public enum NumberParsing {
    /// Parses `[start, end)`; returns nil for empty or non-numeric text (leading/trailing blanks allowed).
    @inline(__always)
    public static func parseDouble(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, decimalComma: Bool) -> Double? {
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
            value = exponent >= 0 ? value * exactPowerOfTen(exponent) : value / exactPowerOfTen(-exponent)
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

    /// The leading ASCII digits of the 8 bytes at `p`: how many there are (0…8) and their value.
    ///
    /// SWAR in the manner of Lemire (simdjson's `parse_eight_digits_unrolled`): one subtraction and a
    /// byte mask find the run length without a branch per byte, and three multiplications convert up
    /// to eight digits. Only the bytes before the first non-digit matter, so the subtraction's borrows
    /// into later bytes do no harm.
    @inline(__always)
    static func leadingDigits(_ p: UnsafePointer<UInt8>) -> (count: Int, value: UInt64) {
        let x = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        let t = x &- 0x3030_3030_3030_3030
        // High bit of each byte set where the byte is not '0'…'9'.
        let nonDigit = (t | (t &+ 0x7676_7676_7676_7676)) & 0x8080_8080_8080_8080
        let n = nonDigit.trailingZeroBitCount &>> 3
        // Move the n digits to the top bytes: the bytes below become leading zeros.
        var v = n == 0 ? 0 : t &<< UInt64(truncatingIfNeeded: 64 &- 8 &* n)
        v = (v &* 10) &+ (v &>> 8)
        v = (((v & 0x0000_00FF_0000_00FF) &* 0x000F_4240_0000_0064)
            &+ (((v &>> 16) & 0x0000_00FF_0000_00FF) &* 0x0000_2710_0000_0001)) &>> 32
        return (n, v & 0xFFFF_FFFF)
    }

    /// 10^n for 0 ≤ n ≤ 8.
    @inline(__always)
    static func tenToThe(_ n: Int) -> UInt64 {
        switch n {
        case 0: return 1
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

    /// Carries on a digit run whose last eight bytes were all digits (`n` = 8), eight at a time; false
    /// when it passes 18 digits or comes within 32 bytes of `limit`.
    @inline(__always)
    static func continueRun(_ p: UnsafePointer<UInt8>, _ i: inout Int, limit: Int, _ n: inout Int, _ mantissa: inout UInt64,
                            _ digits: inout Int) -> Bool {
        while n == 8 {
            guard limit &- i >= 32, digits <= 18 else { return false }
            let run = leadingDigits(p + i)
            n = run.count
            mantissa = mantissa &* tenToThe(n) &+ run.value
            i &+= n
            digits &+= n
        }
        return true
    }

    /// Parses the plain decimal that starts at `start` (optional sign, digits, optional point and
    /// fraction, optional exponent): the fast path of the column parser, which reads each byte once.
    /// The caller guarantees 32 readable bytes past `start`; longer digit runs stop before `limit − 32`.
    /// - Returns: the index of the first byte after the number with the value in `value`, or −1 when
    ///   the text is something else (blank, quoted, a duration, more than 18 digits, an exponent past
    ///   ±22) — the caller then takes the general path, which agrees with `strtod`.
    @_transparent
    static func parseNumber(_ p: UnsafePointer<UInt8>, _ start: Int, limit: Int, point: UInt8, into value: inout Double) -> Int {
        var i = start
        let first = p[i]
        let negative = first == 0x2D
        i &+= (negative || first == 0x2B) ? 1 : 0
        // The first run of each part needs no bound check (the caller leaves 64 bytes); longer runs do.
        var (n, mantissa) = leadingDigits(p + i)
        i &+= n
        var digits = n
        guard continueRun(p, &i, limit: limit, &n, &mantissa, &digits) else { return -1 }
        var exponent = 0
        if p[i] == point {
            i &+= 1
            let fractionStart = i
            let run = leadingDigits(p + i)
            n = run.count
            mantissa = mantissa &* tenToThe(n) &+ run.value
            i &+= n
            digits &+= n
            guard continueRun(p, &i, limit: limit, &n, &mantissa, &digits) else { return -1 }
            exponent = fractionStart &- i
        }
        // ≤ 18 digits cannot overflow UInt64; the exact fast path needs the mantissa below 2^53.
        guard digits > 0, digits <= 18, mantissa < (1 << 53) else { return -1 }
        if p[i] | 0x20 == 0x65 { // e or E
            guard let value = exponentPart(p, &i, limit) else { return -1 }
            exponent &+= value
        }
        guard exponent >= -22, exponent <= 22 else { return -1 }
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
    public static func parseDuration(_ text: Substring) -> Double? {
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

    /// Clock times written as a date and a time of day: `11/20/2024 11:38:41.707` (month first, as
    /// EC-Lab and Maccor write them), `2024-11-20 11:38:41` (ISO order) or `20.11.2024 11:38:41` (day
    /// first, dotted, as Basytec writes them); taken as UTC.
    /// - Returns: seconds since 1970-01-01, or nil if the text is not such a clock time.
    public static func parseDateTime(_ text: Substring) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let halves = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard halves.count == 2 || halves.count == 3 else { return nil }
        let dateText = halves[0]
        let separator: Character = dateText.contains("/") ? "/" : dateText.contains("-") ? "-" : "."
        let fields = dateText.split(separator: separator)
        guard fields.count == 3, let a = Int(fields[0]), let b = Int(fields[1]), let c = Int(fields[2]) else { return nil }
        let (year, month, day): (Int, Int, Int)
        if fields[0].count == 4 { (year, month, day) = (a, b, c) }
        else if separator == "." { (year, month, day) = (c, b, a) }
        else { (year, month, day) = (c < 100 ? c + 2000 : c, a, b) }
        guard (1...12).contains(month), (1...31).contains(day), (1900...2200).contains(year) else { return nil }
        guard var seconds = parseDuration(halves[1]) else { return nil }
        if halves.count == 3 {
            let marker = halves[2].uppercased()
            guard marker == "AM" || marker == "PM" else { return nil }
            let hour = Int(seconds / 3600)
            if marker == "PM" && hour < 12 { seconds += 12 * 3600 }
            if marker == "AM" && hour == 12 { seconds -= 12 * 3600 }
        }
        // Days from the civil date (H. Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        return Double(days) * 86400 + seconds
    }
}
