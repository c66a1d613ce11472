import Foundation
import InterphaseCore
import InterphaseData
import Spectroscopy
import SpectroscopyReaders
import Testing
import _InterphaseTestSupport

/// Three bundled real regions fitted with the model `References/spectroscopy_fits_reference.py` gave lmfit
/// (with lmfitxps's Shirley background subtracted first; versions in `Reference/fits.json`): the data read by
/// Interphase's readers, the background, and then the fit must agree — background within 1e-6 of its step,
/// every position within 0.01 eV, areas and widths within 1 %, χ² no higher than lmfit's (where it is lower,
/// lmfit's leastsq stopped early).
@Suite struct LmfitReferenceTests {
    static let names = ["PET C 1s", "Au 4f", "Ni-W C 1s"]

    struct Comparison {
        let fit: PeakFitResult
        let reference: JSONValue
    }

    static func run(_ name: String) throws -> Comparison {
        let document = try SpectroscopyReference.load("fits.json")
        let reference = try #require(document["fits"]?.arrayValue?.first { $0["name"]?.stringValue == name })
        let file = try #require(reference["file"]?.stringValue)
        let read = try SpectroscopyLoader.load(SpectroscopyReference.xps(file))
        let spectrum = file == "0-150W.vms" ? try #require(read.spectra.first { $0.name == "C 1s" }) : read.spectra[0]
        var components: [PeakComponent] = []
        for c in try #require(reference["components"]?.arrayValue) {
            let shape = try LineShape.named(try #require(c["shape"]?.stringValue))
            components.append(try PeakComponent(
                name: try #require(c["name"]?.stringValue), shape: shape, center: try #require(c["center"]?.doubleValue),
                area: try #require(c["area"]?.doubleValue), fwhm: try #require(c["fwhm"]?.doubleValue),
                extra: try SpectroscopyReference.numbers(c["extra"]),
                lower: (c["lower"]?.arrayValue ?? []).map { $0.doubleValue ?? -.infinity },
                upper: (c["upper"]?.arrayValue ?? []).map { $0.doubleValue ?? .infinity },
                fixed: Set((c["fixed"]?.arrayValue ?? []).compactMap(\.stringValue))))
        }
        let ties = try (reference["ties"]?.arrayValue ?? []).map { t -> ParameterTie in
            let target = t["target"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let source = t["source"]?.arrayValue?.compactMap(\.stringValue) ?? []
            guard target.count == 2, source.count == 2 else { throw InterphaseError(.malformed, "bad tie in fits.json") }
            return ParameterTie(.init(target[0], target[1]), to: .init(source[0], source[1]), scale: t["scale"]?.doubleValue ?? 1,
                                offset: t["offset"]?.doubleValue ?? 0)
        }
        let options = PeakFitOptions(background: .shirley, endpointPoints: 1, shirleyTolerance: 1e-10, shirleyMaxIterations: 500)
        return Comparison(fit: try PeakFit.fit(spectrum, components: components, ties: ties, options: options), reference: reference)
    }

    @Test(arguments: names)
    func agreesWithLmfit(_ name: String) throws {
        let (fit, reference) = try { let c = try Self.run(name); return (c.fit, c.reference) }()
        // The data and the Shirley background (lmfitxps shirley_calculate).
        let x = try SpectroscopyReference.numbers(reference["x"]), background = try SpectroscopyReference.numbers(reference["shirley_background"])
        #expect(fit.x.count == x.count && zip(fit.x, x).allSatisfy { Swift.abs($0 - $1) < 1e-9 }, "\(name): energies")
        let step = Swift.abs((background.last ?? 0) - (background.first ?? 0))
        let worst = zip(fit.background, background).map { Swift.abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-6 * step, "\(name): Shirley differs from lmfitxps by \(worst) (step \(step))")
        let lmfit = try #require(reference["lmfit"])
        let values = try #require(lmfit["values"])
        for component in fit.components {
            let theirs = try #require(values[component.name], "\(name): no lmfit values for \(component.name)")
            for p in component.parameters where theirs[p.name] != nil {
                let v = try #require(theirs[p.name]?.arrayValue?.first?.doubleValue)
                if p.name == "center" {
                    #expect(Swift.abs(p.value - v) <= 0.01, "\(name) \(component.name) center: \(p.value) vs lmfit \(v)")
                } else {
                    #expect(Swift.abs(p.value - v) <= 0.01 * Swift.abs(v) + 1e-9, "\(name) \(component.name) \(p.name): \(p.value) vs lmfit \(v)")
                }
                if p.status == .free, let e = theirs[p.name]?.arrayValue?.last?.doubleValue {
                    #expect(Swift.abs(p.standardError - e) <= 0.05 * e, "\(name) \(component.name) σ(\(p.name)): \(p.standardError) vs lmfit \(e)")
                }
            }
        }
        let chi = try #require(lmfit["chisqr"]?.doubleValue)
        #expect(fit.chiSquare <= chi * (1 + 1e-6), "\(name): χ² \(fit.chiSquare) vs lmfit \(chi)")
    }
}
