import Foundation
import Impedance
import ImpedanceReaders
import InterphaseData
import Testing
import _InterphaseTestSupport

/// Fits of five instrument files (ZPlot ×3, EC-Lab .mpt, Gamry .DTA) from the same initial guesses as
/// impedance.py 1.7.1 (`References/impedance_file_fits_reference.py` → `Reference/file_fits.json`): every
/// parameter within 0.5 %, or a χ² no higher where impedance.py stopped early.
@Suite struct FileFitTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            var name: String
            var data: String
            var circuit: String
            var initial_guess: [Double]
            var parameters: [Double]
            var chi_square: Double
        }
        var cases: [Case]
    }

    static let reference: Reference = {
        let data = try! Data(contentsOf: Fixtures.reference("ImpedanceTests", "file_fits.json"))
        return try! JSONDecoder().decode(Reference.self, from: data)
    }()

    @Test(arguments: reference.cases.map(\.name)) func sameParametersAsImpedancePy(_ name: String) throws {
        let c = try #require(Self.reference.cases.first { $0.name == name })
        let spectrum = try ImpedanceLoader.load(Fixtures.root.appendingPathComponent(c.data)).spectra[0]
        let fit = try CircuitFit.fit(try Circuit(c.circuit), to: spectrum, initialGuess: c.initial_guess)
        let within = zip(fit.parameters, c.parameters).allSatisfy { abs($0 - $1) <= 0.005 * abs($1) }
        #expect(within || fit.chiSquare <= c.chi_square * (1 + 1e-9),
                "\(name): \(fit.parameters) vs impedance.py \(c.parameters); χ² \(fit.chiSquare) vs \(c.chi_square)")
    }
}
