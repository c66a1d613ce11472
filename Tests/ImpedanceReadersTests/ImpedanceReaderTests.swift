import Foundation
@testable import ImpedanceReaders
import InterphaseCore
import InterphaseData
import Testing
import _InterphaseTestSupport

/// Every bundled impedance file read by content detection and compared point by point with an
/// independent reader: impedance.py 1.7.1's `preprocessing.readFile` for the instrument text files,
/// galvani 0.5.0 for the EC-Lab `.mpr` sweeps, numpy for the Maccor FRA table
/// (`References/impedance_readers_reference.py` → `Reference/readers.json`).
@Suite struct ImpedanceReaderTests {
    struct Reference: Decodable {
        struct File: Decodable {
            var reader: String
            var points: Int?
            var frequency: [Double]?
            var real: [Double]?
            var imaginary: [Double]?
            var sweep: [Int]?
            var error: String?
        }
        var files: [String: File]
    }

    static let reference: Reference = {
        let data = try! Data(contentsOf: Fixtures.reference("ImpedanceReadersTests", "readers.json"))
        return try! JSONDecoder().decode(Reference.self, from: data)
    }()

    /// The format each file must be detected as.
    static let formats: [String: String] = [
        "impedance/exampleDataGamry.DTA": "gamry-dta", "impedance/exampleDataGamryABORT.DTA": "gamry-dta",
        "impedance/exampleDataBioLogic.mpt": "biologic-mpt", "impedance/exampleDataCHInstruments.txt": "chi-text",
        "impedance/exampleDataZPlot.z": "zview", "impedance/exampleDataZPlot_noComments.z": "zview",
        "impedance/Circuit1_EIS_1.z": "zview", "impedance/Circuit2_EIS_1.z": "zview", "impedance/Circuit3_EIS_2.z": "zview",
        "impedance/exampleDataAutolab.txt": "zview", "impedance/exampleDataParstat.txt": "impedance-text",
        "impedance/exampleDataVersaStudio.par": "versastudio-par", "impedance/exampleDataPowersuite.txt": "impedance-text",
        "impedance/exampleData.csv": "impedance-columns",
        "cycler/biologic_mpt/multiple_techniques_dataset_01_01_PEIS_C01.mpt": "biologic-mpt",
        "cycler/biologic_mpr/PEIS.mpr": "biologic-mpr",
        "cycler/lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA_02_GEIS_C05.mpr": "biologic-mpr",
        "cycler/lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA-prerun_C05.mpr": "biologic-mpr",
        "cycler/maccor/maccor_test_file_4267-66-6519.EDA0001.041": "maccor-fra",
    ]

    static var readable: [String] { reference.files.filter { $0.value.points != nil }.map(\.key).sorted() }

    @Test(arguments: readable) func pointsMatchTheIndependentReader(_ relative: String) throws {
        let expected = try #require(Self.reference.files[relative])
        let file = try ImpedanceLoader.load(Fixtures.data(relative))
        #expect(file.format.id == Self.formats[relative], "\(relative) detected as \(file.format.id)")
        let f = file.spectra.flatMap(\.frequency), re = file.spectra.flatMap(\.real), im = file.spectra.flatMap(\.imaginary)
        #expect(f.count == expected.points)
        for (name, ours, theirs) in [("frequency", f, expected.frequency!), ("Z′", re, expected.real!), ("Z″", im, expected.imaginary!)] {
            if let (k, a, b) = firstMismatch(ours, theirs, rel: 1e-6, abs: 1e-12) {
                Issue.record("\(relative): \(name)[\(k)] = \(a), reference \(b)")
            }
        }
        if let sweep = expected.sweep {
            let ours = file.spectra.flatMap { spectrum in [Int](repeating: spectrum.loop, count: spectrum.count) }
            let firstSweep = sweep.first ?? 1
            #expect(ours == sweep.map { $0 - firstSweep + 1 }, "\(relative): sweeps")
        }
    }

    @Test func multiSweepFilesGiveOneSpectrumPerSweep() throws {
        let peis = try ImpedanceLoader.load(Fixtures.cycler("biologic_mpr/PEIS.mpr"))
        #expect(peis.spectra.count == 4)
        #expect(peis.spectra.allSatisfy { $0.count == 61 && $0.time != nil && $0.potential != nil })
        let geis = try ImpedanceLoader.load(
            Fixtures.cycler("lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA_02_GEIS_C05.mpr"))
        #expect(geis.spectra.count == 45)
        let start = try #require(geis.spectra.first?.time?.first), end = try #require(geis.spectra.last?.time?.last)
        #expect(start > 900 && end > 159_000 && end < 160_000)
    }

    @Test func statedFactsAndWarnings() throws {
        let gamry = try ImpedanceLoader.load(Fixtures.data("impedance/exampleDataGamry.DTA"))
        #expect(gamry.metadata.technique == "EISPOT")
        #expect(gamry.metadata.instrument == "REF3000-34128")
        #expect(gamry.spectra[0].electrodeArea == 1e-4)
        #expect(gamry.warnings.isEmpty)
        let aborted = try ImpedanceLoader.load(Fixtures.data("impedance/exampleDataGamryABORT.DTA"))
        #expect(aborted.warnings.contains { $0.contains("aborted") })
        let parstat = try ImpedanceLoader.load(Fixtures.data("impedance/exampleDataParstat.txt"))
        #expect(parstat.warnings.contains { $0.contains("frequency 0") })
        let chi = try ImpedanceLoader.load(Fixtures.data("impedance/exampleDataCHInstruments.txt"))
        #expect(chi.metadata.instrument == "CHI660E")
        #expect(chi.metadata.technique == "A.C. Impedance")
    }

    @Test func damagedHeaderIsRefusedNamingTheLines() throws {
        // impedance.py refuses it too (`AssertionError: "freq/Hz" not found in column headers`).
        #expect(Self.reference.files["impedance/exampleDataBioLogic_MissingFreq.mpt"]?.error?.contains("freq/Hz") == true)
        let error = expectInterphaseError(.malformed) {
            try ImpedanceLoader.load(Fixtures.data("impedance/exampleDataBioLogic_MissingFreq.mpt"))
        }
        #expect(error?.line == 62)
        #expect(error?.message.contains("names 17 columns") == true)
    }

    @Test func wrongColumnsAndNonNumbersAreNamed() throws {
        let dir = Fixtures.temporaryDirectory("impedance-readers")
        let noImpedance = dir.appendingPathComponent("table.txt")
        try "Frequency (Hz)\tZre (ohms)\tCurrent (A)\n100\t1\t0.1\n10\t2\t0.1\n".write(to: noImpedance, atomically: true, encoding: .utf8)
        let missing = expectInterphaseError(.missingColumn) {
            try ImpedanceLoader.load(noImpedance, options: ImpedanceReadOptions(format: .impedanceText))
        }
        #expect(missing?.message.contains("Zre (ohms)") == true)
        let nan = dir.appendingPathComponent("nan.csv")
        try "1000,10,-1\n100,nan,-2\n10,12,-3\n".write(to: nan, atomically: true, encoding: .utf8)
        let bad = expectInterphaseError(.invalidData) { try ImpedanceLoader.load(nan) }
        #expect(bad?.line == 2)
        let zero = dir.appendingPathComponent("zero.csv")
        try "1000,10,-1\n0,11,-2\n10,12,-3\n".write(to: zero, atomically: true, encoding: .utf8)
        let inside = expectInterphaseError(.invalidData) { try ImpedanceLoader.load(zero) }
        #expect(inside?.line == 2 && inside?.message.contains("inside the sweep") == true)
        let cycler = expectInterphaseError(.missingColumn) {
            try ImpedanceLoader.load(Fixtures.cycler("lithium_metal/jr862_11_08_23_insitu-impedance-LiLi_1MLiTFSI_TEGDME-1mA_01_GCPL_C05.mpr"))
        }
        #expect(cycler?.message.contains("no impedance") == true)
        let unknown = expectInterphaseError(.unsupportedFormat) { try ImpedanceLoader.load(Fixtures.cycler("arbin/arbin_example.res")) }
        #expect(unknown != nil)
    }

    @Test func sweepsSplitWhereTheFrequencyTurnsBack() {
        let f: [Double] = [1e4, 1e3, 1e2, 10, 1e4, 1e3, 1e2, 10]
        #expect(ImpedanceTable.sweeps(frequency: f, loop: nil) == [0..<4, 4..<8])
        #expect(ImpedanceTable.sweeps(frequency: [1, 10, 100, 1000], loop: nil) == [0..<4])
        #expect(ImpedanceTable.sweeps(frequency: [100, 10, 1, 1.2, 0.5], loop: nil) == [0..<5])
    }
}
