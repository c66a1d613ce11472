import Foundation
import InterphaseCore

/// OLE automation dates (and Excel's 1900 date system after 1 March 1900): days, with the fraction as
/// the time of day, since 1899-12-30 00:00. BioLogic `.mpr` and Arbin `.res` store their start times so,
/// and Excel sheets store date cells so.
public enum OLEDate {
    /// The instant `days` after 1899-12-30 00:00 UTC.
    public static func date(days: Double) -> Date {
        Date(timeIntervalSince1970: unixSeconds(days: days))
    }

    /// Seconds since 1970-01-01 of the OLE date `days`.
    public static func unixSeconds(days: Double) -> Double {
        (days - Units.oleEpochToUnixDays) * Units.secondsPerDay
    }
}
