import Foundation
import InterphaseCore
import InterphaseData

/// Options shared by every reader.
public struct ReadOptions: Sendable {
    /// Force a format instead of sniffing.
    public var format: FileFormat?
    /// Explicit column mapping for delimited text (`--columns time=Time(s),voltage=Ewe/V,current=I/mA`).
    public var columnMapping: ColumnMapping?
    /// Current to assume when a text file has time and voltage but no current column (an EC-Lab export
    /// of `time/s` and `Ewe/V` of a galvanostatic run). The whole file is then one constant-current step:
    /// such exports carry no step boundaries, and time gaps are not a reliable substitute (EC-Lab samples
    /// on voltage change, so gaps of 10 s occur inside a step). - Units: A.
    public var assumedCurrent: Double?
    /// Called with the fraction of the file read so far (0…1), for progress bars.
    public var progress: (@Sendable (Double) -> Void)?
    /// Keep the columns that have no role (Arbin `Data_Point`, `dV/dt`, EC-Lab `control/V`) as auxiliary
    /// columns. An analysis that uses only the roles turns this off, so text readers skip those fields
    /// instead of parsing them.
    public var auxiliaryColumns = true

    public init(format: FileFormat? = nil, columnMapping: ColumnMapping? = nil, assumedCurrent: Double? = nil,
                progress: (@Sendable (Double) -> Void)? = nil) {
        self.format = format
        self.columnMapping = columnMapping
        self.assumedCurrent = assumedCurrent
        self.progress = progress
    }
}
