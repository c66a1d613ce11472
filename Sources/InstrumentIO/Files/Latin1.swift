/// ISO 8859-1 decoding: every byte is the Unicode scalar of the same value, so decoding never fails.
/// Instrument software of the Windows era (EC-Lab, Maccor, Arbin) writes text and binary strings in
/// Latin-1 or its Windows-1252 superset, whose printable range below 0x80 is the same.
public enum Latin1 {
    /// The bytes as text, one character per byte. Inlinable so that callers get a specialised loop
    /// (sniffers decode a 64 KiB probe; an unspecialised generic walk cost milliseconds).
    @inlinable
    public static func string<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
    }
}
