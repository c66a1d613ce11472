import InterphaseData

/// What a column of an impedance table holds, recognised from its header by the `aliases` table.
///
/// Sign conventions differ by instrument: BioLogic writes −Im(Z) (positive for a capacitive arc), Gamry,
/// ZView, CHI, Parstat and Maccor write Z″ itself (negative). The role says which, so the assembly can
/// normalise to Z″ = Im Z (`ImpedanceSpectrum`'s convention) without a per-format rule.
public enum ImpedanceColumnRole: String, Sendable, CaseIterable {
    /// Frequency f. - Units: Hz (or the header's unit).
    case frequency
    /// Z′. - Units: Ω (or the header's unit).
    case real
    /// Z″ = Im Z, negative when capacitive.
    case imaginary
    /// −Z″ (EC-Lab's `-Im(Z)/Ohm`).
    case negativeImaginary
    /// |Z|, used with the phase only when a file has no real and imaginary parts.
    case modulus
    /// Phase of Z (negative when capacitive). - Units: degrees unless the header says rad.
    case phase
    /// Time of the point. - Units: s.
    case time
    /// DC potential. - Units: V.
    case potential
    /// DC current. - Units: A (or the header's unit: mA, µA).
    case current
    /// Which sweep the point belongs to (EC-Lab's `cycle number`).
    case loop

    /// Normalised header name (see `key(_:)`) → role. Names are the instruments' own: EC-Lab (`freq/Hz`,
    /// `Re(Z)/Ohm`, `-Im(Z)/Ohm`, `<Ewe>/V`, `<I>/mA`, `cycle number`), Gamry `ZCURVE` (`Freq`, `Zreal`,
    /// `Zimag`, `Zmod`, `Zphz`, `Vdc`, `Idc`), CHI (`Freq/Hz`, `Z'/ohm`, `Z"/ohm`, `Z/ohm`, `Phase/deg`),
    /// ZView (`Freq(Hz)`, `Time(Sec)`, `Z'(a)`, `Z''(b)`, `Bias`), Parstat (`Frequency (Hz)`, `Zre (ohms)`,
    /// `Zim (ohms)`, `Potential (V)`, `Current (A)`, `Elapsed Time (s)`), PowerSuite (`Frequency`, `Zre`,
    /// `Zimg`), VersaStudio (`Frequency(Hz)`, `Z Real`, `Z Imag`, `E(V)`, `I(A)`, `Elapsed Time(s)`), Maccor
    /// FRA (`Freq(Hz)`, `time(sec)`, `Z'(a)`, `Z''(b)`, `Phase_Angle`, `Z-Mag`, `V-DC`).
    public static let aliases: [String: ImpedanceColumnRole] = [
        "freq": .frequency, "frequency": .frequency, "f": .frequency,
        "re(z)": .real, "zreal": .real, "zre": .real, "z'": .real, "zr": .real, "realz": .real, "z_re": .real,
        "im(z)": .imaginary, "zimag": .imaginary, "zim": .imaginary, "zimg": .imaginary, "z''": .imaginary,
        "z\"": .imaginary, "zi": .imaginary, "imagz": .imaginary,
        "-im(z)": .negativeImaginary, "-z''": .negativeImaginary, "-z\"": .negativeImaginary, "-zim": .negativeImaginary,
        "-zimag": .negativeImaginary, "-zimg": .negativeImaginary, "-zi": .negativeImaginary,
        "|z|": .modulus, "zmod": .modulus, "z": .modulus, "zmag": .modulus, "modz": .modulus,
        "phase(z)": .phase, "zphz": .phase, "phase": .phase, "phaseangle": .phase, "zphase": .phase,
        "time": .time, "t": .time, "elapsedtime": .time,
        "ewe": .potential, "vdc": .potential, "potential": .potential, "e": .potential, "bias": .potential,
        "i": .current, "idc": .current, "current": .current,
        "cyclenumber": .loop, "loop": .loop, "sweep": .loop,
    ]

    /// Lower-cased header base (its unit removed), blanks, underscores, dots, dashes and angle brackets
    /// dropped, a leading minus kept (it is the sign convention): `-Im(Z)/Ohm` → `-im(z)`, `<Ewe>/V` →
    /// `ewe`, `Z-Mag` → `zmag`, `Elapsed Time (s)` → `elapsedtime`, `Z'(a)` → `z'`.
    public static func key(_ base: String) -> String {
        var text = Substring(base.lowercased().trimmingCharacters(in: .whitespaces))
        var sign = ""
        if let first = text.first, first == "-" || first == "−" { sign = "-"; text = text.dropFirst() }
        return sign + String(text.unicodeScalars.filter { !" _-.<>~\u{A0}".unicodeScalars.contains($0) }.map(Character.init))
    }

    /// The role of a header's base name, or nil.
    public static func role(ofBase base: String) -> ImpedanceColumnRole? { aliases[key(base)] }
}
