import CyclingOutput
import ImpedanceOutput
import InterphaseReport
import QuantumChemistryOutput
import SpectroscopyOutput
import VoltammetryOutput

/// The registry of report sections, in report order. Each engine adds its section here.
public enum ReproductionSections {
    public static var all: [any ReportSection] {
        [CyclingSection(), ImpedanceSection(), VoltammetrySection(), SpectroscopySection(), QuantumChemistrySection()]
    }
}
