import Foundation
import InterphaseCore
import InterphaseData
import Testing
import _InterphaseTestSupport

@Suite struct PhysicalUnitTests {
    /// Oracle: the SI definitions of the prefixes and of the hour (1 mAh = 10⁻³ A·h, 1 C = 1 A·s = 1/3600 A·h,
    /// 25 °C = 298.15 K, 1 kHz = 10³ Hz, 180° = π rad).
    @Test func conversionsFollowTheSIDefinitions() throws {
        #expect(PhysicalUnit.parse("mAh", as: .charge)?.toReference(150) == 150e-3)
        #expect(isClose(try #require(PhysicalUnit.parse("C", as: .charge)).toReference(3600), 1))
        #expect(isClose(try #require(PhysicalUnit.parse("°C", as: .temperature)).toReference(25), 298.15))
        #expect(PhysicalUnit.parse("kHz").toReference(2) == 2e3)
        #expect(isClose(PhysicalUnit.parse("deg").toReference(180), Double.pi))
        #expect(PhysicalUnit.parse("mA").dimension == .current)
        #expect(isClose(PhysicalUnit.parse("%").toReference(50), 0.5))
    }

    /// Exact spellings keep milli and mega apart; cycler spellings (`mA.h`, `W·h`, `µA`) normalise.
    @Test func exactThenNormalisedMatching() throws {
        #expect(PhysicalUnit.parse("mHz").factor == 1e-3)
        #expect(PhysicalUnit.parse("MHz").factor == 1e6)
        #expect(PhysicalUnit.parse("mOhm").factor == 1e-3)
        #expect(PhysicalUnit.parse("MOhm").factor == 1e6)
        #expect(PhysicalUnit.parse("mA.h").dimension == .charge)
        #expect(PhysicalUnit.parse("W·h").dimension == .energy)
        #expect(PhysicalUnit.parse("µA").factor == 1e-6)
        #expect(PhysicalUnit.parse("uA").factor == 1e-6)
        // The symbol is kept as written, for outputs.
        #expect(PhysicalUnit.parse("mA.h").symbol == "mA.h")
    }

    /// `C` is a coulomb count without a dimension, a Celsius temperature when one is asked for; a unit of
    /// the wrong dimension is nil; an unknown unit is kept, never an error.
    @Test func dimensionDecidesAmbiguousAndWrongUnits() {
        #expect(PhysicalUnit.parse("C").dimension == .charge)
        #expect(PhysicalUnit.parse("C", as: .temperature)?.offset == 273.15)
        #expect(PhysicalUnit.parse("mV", as: .current) == nil)
        #expect(PhysicalUnit.parse("furlongs").dimension == .unknown)
        #expect(PhysicalUnit.parse("furlongs").symbol == "furlongs")
        #expect(PhysicalUnit.parse("").dimension == .none)
        #expect(PhysicalUnit.parse(nil, as: .voltage)?.factor == 1)
    }
}

@Suite struct AuxiliaryColumnTests {
    /// A unit given as text is parsed; the quantity is the one its dimension implies unless the reader
    /// knows better (an impedance component is a resistance by unit only).
    @Test func quantityFromUnitOrReader() {
        let f = AuxiliaryColumn(name: "freq/Hz", unit: "Hz", values: [1, 2])
        #expect(f.quantity == .frequency)
        #expect(f.unit.dimension == .frequency)
        let re = AuxiliaryColumn(name: "Re(Z)/Ohm", unit: "Ohm", values: [1])
        #expect(re.quantity == .resistance)
        let im = AuxiliaryColumn(name: "-Im(Z)/Ohm", unit: "Ohm", quantity: .negativeImaginaryImpedance, values: [1])
        #expect(im.quantity == .negativeImaginaryImpedance)
        #expect([f, re, im].first(measuring: .negativeImaginaryImpedance)?.name == "-Im(Z)/Ohm")
        #expect([f, re].first(measuring: .impedancePhase) == nil)
    }
}

@Suite struct ProvenanceTests {
    /// File and format come from the origin, through derivations; a simulation has neither.
    @Test func originThroughDerivations() {
        let format = FileFormat(id: "biologic-mpr", displayName: "BioLogic EC-Lab binary (.mpr)")
        let file = Provenance.instrumentFile(path: "run.mpr", format: format)
        let derived = Provenance.derived(operation: "cycles 1–10 selected", from: file)
        #expect(derived.file == "run.mpr")
        #expect(derived.format == format)
        #expect(derived.kindName == "derived")
        #expect(file.kindName == "biologic-mpr")
        #expect(derived.displayName == "cycles 1–10 selected, from BioLogic EC-Lab binary (.mpr)")
        let sim = Provenance.simulation(model: "SPMe")
        #expect(sim.file == nil && sim.format == nil)
        #expect(sim.label == "SPMe")
    }

    /// Metadata of a simulation carries no file; a reader refining the format keeps the path.
    @Test func metadataFormatRefinement() {
        var m = RecordingMetadata(format: FileFormat(id: "xlsx", displayName: "Excel"), sourceFile: "a.xlsx")
        m.format = FileFormat(id: "arbin-xlsx", displayName: "Arbin")
        #expect(m.sourceFile == "a.xlsx")
        #expect(m.format?.id == "arbin-xlsx")
        var s = RecordingMetadata(provenance: .simulation(model: "synthetic"))
        s.format = FileFormat(id: "csv", displayName: "CSV")
        #expect(s.format == nil && s.sourceFile == nil)
    }

    /// Formats are equal by id (the display name is presentation).
    @Test func formatIdentityIsTheId() {
        #expect(FileFormat(id: "csv", displayName: "a") == FileFormat(id: "csv", displayName: "b"))
        #expect(FileFormat(id: "csv", displayName: "a") != FileFormat(id: "tsv", displayName: "a"))
    }
}

@Suite struct UnitsTests {
    /// Oracle: CODATA 2018 (NIST SP 961): F = 96 485.332 12 C mol⁻¹, R = 8.314 462 618 J mol⁻¹ K⁻¹,
    /// 1 E_h = 2625.499 639 kJ mol⁻¹; the derived constants must reproduce the tabulated values.
    @Test func derivedConstantsMatchCODATA2018() {
        #expect(isClose(Units.faraday, 96485.33212, rel: 1e-10))
        #expect(isClose(Units.gasConstant, 8.314462618, rel: 1e-9))
        #expect(isClose(Units.hartreeToKilojoulePerMole, 2625.499639, rel: 1e-9))
        #expect(isClose(Units.angstromToBohr, 1.8897261246, rel: 1e-9))
        #expect(Units.secondsPerHour * Units.milli == 3.6)
    }
}

@Suite struct QuantityTableTests {
    /// Every quantity has a dimension, and the quantity a dimension implies has that dimension back.
    @Test func tablesAreComplete() {
        for quantity in Quantity.allCases where quantity != .other { #expect(quantity.dimension != .unknown, "\(quantity)") }
        for dimension in PhysicalDimension.allCases where dimension != .none && dimension != .unknown {
            let quantity = Quantity.implied(by: PhysicalUnit(symbol: "x", dimension: dimension))
            #expect(quantity.dimension == dimension, "\(dimension)")
        }
    }
}
