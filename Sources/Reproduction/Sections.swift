import CyclingOutput
import ImpedanceOutput
import VoltammetryOutput
import InterphaseReport

/// The registry of report sections, in report order. Each engine adds its section here.
public enum ReproductionSections {
    public static var all: [any ReportSection] {
        [CyclingSection(), ImpedanceSection(), VoltammetrySection()]
    }
}
