// The umbrella module: `import Interphase` brings every library module. It only re-exports.
@_exported import CyclerData
@_exported import CyclingOutput
@_exported import Electroanalysis
@_exported import Impedance
@_exported import ImpedanceOutput
@_exported import ImpedanceReaders
@_exported import InstrumentIO
@_exported import InterphaseCore
@_exported import InterphaseData
@_exported import InterphaseNumerics
@_exported import InterphasePlot
@_exported import InterphaseReport
@_exported import QuantumChemistry
@_exported import QuantumChemistryOutput
@_exported import RecordingOutput
@_exported import Reproduction
@_exported import VoltammetryOutput
