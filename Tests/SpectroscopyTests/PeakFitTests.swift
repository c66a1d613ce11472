import Foundation
import InterphaseCore
import InterphaseData
import Spectroscopy
import SpectroscopyReaders
import Testing
import _InterphaseTestSupport

/// Peak fits on constructed spectra whose truth is known: a six-component C 1s (the study's energies)
/// on its own Shirley step with seeded Poisson noise recovers every parameter within 3 standard errors;
/// ties hold exactly; bad input is a one-line error naming the region and parameter.
@Suite struct PeakFitTests {
    /// Poisson(λ) by Knuth's product of uniforms, split into chunks of ≤ 500 (sums of Poissons are Poisson).
    static func poisson(_ lambda: Double, _ rng: inout SplitMix64) -> Double {
        var remaining = lambda, count = 0.0
        while remaining > 0 {
            let chunk = Swift.min(remaining, 500)
            remaining -= chunk
            let limit = exp(-chunk)
            var product = 1.0
            while true {
                product *= Double(rng.next() >> 11) / Double(1 << 53)
                if product <= limit { break }
                count += 1
            }
        }
        return count
    }

    static let truth: [(String, Double, Double)] = [
        ("Li2CO3", 290.1, 900), ("COOR", 288.5, 1400), ("C–O", 286.5, 2600), ("C–C", 284.7, 6000), ("C–B", 283.7, 1800), ("C–H", 282.9, 1200),
    ]
    static let width = 1.1

    /// The synthetic region: GL(30) components of shared FWHM on B = b₀ + k ∫ peaks (the Shirley fixed point), Poisson counts.
    static func synthetic(seed: UInt64) throws -> Spectrum {
        let x = (0...400).map { 280 + Double($0) * 0.05 }
        let peaks = x.map { e in truth.reduce(0.0) { $0 + LineShape.gl.value(e, [$1.1, $1.2, width, 0.3]) } }
        let total = truth.reduce(0.0) { $0 + $1.2 }
        var cumulative = [0.0]
        for i in 1..<x.count { cumulative.append(cumulative[i - 1] + 0.5 * (peaks[i] + peaks[i - 1]) * (x[i] - x[i - 1])) }
        let low = 300.0, high = 1100.0
        var rng = SplitMix64(state: seed)
        let y = x.indices.map { poisson(peaks[$0] + low + (high - low) * cumulative[$0] / total, &rng) }
        return try Spectrum(x: x.reversed(), y: y.reversed(), axis: .bindingEnergy, metadata: SpectrumMetadata(region: "C 1s"), source: "synthetic")
    }

    static func startingComponents() throws -> ([PeakComponent], [ParameterTie]) {
        let components = try truth.map { name, e, area in
            try PeakComponent(name: name, shape: .gl, center: e + 0.15, area: area * 0.8, fwhm: 1.4, extra: [0.3],
                              lower: [e - 1, 0, 0.3, 0], upper: [e + 1, .infinity, 3, 1], fixed: ["m"])
        }
        return (components, components.dropFirst().map { ParameterTie.sameWidth($0.name, as: "Li2CO3") })
    }

    @Test func syntheticC1sRecoversParametersWithinThreeStandardErrors() throws {
        let spectrum = try Self.synthetic(seed: 20_251_203)
        let (components, ties) = try Self.startingComponents()
        let fit = try PeakFit.fit(spectrum, components: components, ties: ties,
                                  options: PeakFitOptions(background: .activeShirley, weighting: .poisson))
        for (name, e, area) in Self.truth {
            let c = try #require(fit.component(name))
            #expect(Swift.abs(c.center - e) <= 3 * c.centerError, "\(name) center \(c.center) ± \(c.centerError), truth \(e)")
            #expect(Swift.abs(c.area - area) <= 3 * c.areaError, "\(name) area \(c.area) ± \(c.areaError), truth \(area)")
            #expect(c.centerError > 0 && c.centerError < 0.2)
        }
        let w = try #require(fit.component("C–C")?.parameters[2])
        #expect(Swift.abs(w.value - Self.width) <= 3 * w.standardError && w.status != .free)
        #expect(fit.reducedChiSquare > 0.8 && fit.reducedChiSquare < 1.25, "χ²/dof = \(fit.reducedChiSquare)")
        // Shirley subtracted first gives the same answer within the errors.
        let first = try PeakFit.fit(spectrum, components: components, ties: ties, options: PeakFitOptions(background: .shirley, weighting: .poisson))
        for (name, _, _) in Self.truth {
            let a = try #require(fit.component(name)), b = try #require(first.component(name))
            #expect(Swift.abs(a.center - b.center) <= 3 * a.centerError, "\(name): active \(a.center), subtracted \(b.center)")
        }
    }

    @Test func calibrationShiftsEveryEnergyAndIsStated() throws {
        let spectrum = try Self.synthetic(seed: 7)
        let (components, ties) = try Self.startingComponents()
        var options = PeakFitOptions(background: .shirley)
        let raw = try PeakFit.fit(spectrum, components: components, ties: ties, options: options)
        options.calibration = try EnergyCalibration(parsing: "C-C=284.6")
        let calibrated = try PeakFit.fit(spectrum, components: components, ties: ties, options: options)
        let shift = calibrated.shift
        #expect(isClose(shift, 284.6 - (raw.component("C–C")?.center ?? 0), abs: 1e-9))
        #expect(isClose(calibrated.component("C–C")?.center ?? 0, 284.6, abs: 1e-9))
        #expect(isClose(calibrated.component("C–O")!.center - raw.component("C–O")!.center, shift, abs: 1e-9))
        #expect(isClose(calibrated.x[0] - raw.x[0], shift, abs: 1e-12))
    }

    @Test func tiesHoldExactlyAndCarryTheSourceError() throws {
        // A 4f doublet: 4f5/2 at +3.67 eV with 3/4 of the area, shared width.
        let x = (0...300).map { 80 + Double($0) * 0.04 }
        var rng = SplitMix64(state: 3)
        let y = x.map { e in
            Self.poisson(200 + LineShape.voigt.value(e, [84, 8000, 0.5, 0.3]) + LineShape.voigt.value(e, [87.67, 6000, 0.5, 0.3]), &rng)
        }
        let s = try Spectrum(x: x, y: y, axis: .bindingEnergy, metadata: SpectrumMetadata(region: "Au 4f"))
        let a = try PeakComponent(name: "4f7/2", shape: .voigt, center: 84.2, area: 7000, fwhm: 0.6, extra: [0.2])
        let b = try PeakComponent(name: "4f5/2", shape: .voigt, center: 87.8, area: 5000, fwhm: 0.6, extra: [0.2])
        let ties = [ParameterTie.offset("4f5/2", from: "4f7/2", by: 3.67), .areaRatio("4f5/2", to: "4f7/2", 0.75),
                    .sameWidth("4f5/2", as: "4f7/2"), .sameWidth("4f5/2", as: "4f7/2", parameter: "lorentzian_fwhm")]
        let fit = try PeakFit.fit(s, components: [a, b], ties: ties, options: PeakFitOptions(background: .linear))
        let p = fit.components[0], q = fit.components[1]
        #expect(isClose(q.center - p.center, 3.67, abs: 1e-12) && isClose(q.area, 0.75 * p.area, rel: 1e-12))
        #expect(isClose(q.areaError, 0.75 * p.areaError, rel: 1e-12) && q.centerError == p.centerError)
        #expect(fit.freeParameterNames == ["4f7/2.center", "4f7/2.area", "4f7/2.fwhm", "4f7/2.lorentzian_fwhm"])
        #expect(Swift.abs(p.center - 84) < 3 * p.centerError + 1e-3)
    }

    @Test func badInputIsAOneLineErrorNamingTheParameter() throws {
        let spectrum = try Self.synthetic(seed: 1)
        let outside = try PeakComponent(name: "CF3", shape: .gaussian, center: 305.5, area: 10, fwhm: 1)
        let e = expectInterphaseError(.invalidParameter) { try PeakFit.fit(spectrum, components: [outside]) }
        #expect(e?.parameter == "CF3.center" && e?.message.contains("region 'C 1s'") == true && e?.file == "synthetic")
        let (components, ties) = try Self.startingComponents()
        var options = PeakFitOptions(calibration: EnergyCalibration(component: "C=C", reference: 284.4))
        _ = expectInterphaseError(.invalidParameter) { try PeakFit.fit(spectrum, components: components, ties: ties, options: options) }
        options = PeakFitOptions()
        options.solver.maxEvaluations = 2
        let n = expectInterphaseError(.notConverged) { try PeakFit.fit(spectrum, components: components, ties: ties, options: options) }
        #expect(n?.message.hasPrefix("region 'C 1s': peak fit:") == true && n?.file == "synthetic")
        _ = expectInterphaseError(.invalidParameter) { try PeakFit.fit(spectrum, components: components, ties: [.sameWidth("C–O", as: "C=O")]) }
        _ = expectInterphaseError(.invalidParameter) { try EnergyCalibration(parsing: "C-C") }
    }

    @Test func autoComponentsComeFromTheStudyTable() throws {
        let spectrum = try Self.synthetic(seed: 11)
        let (x, y) = try PeakFit.prepared(spectrum, options: PeakFitOptions())
        let start = try XPSAssignments.startingComponents(region: "C1s", x: x, signal: y.map { $0 - 300 }, calibration: nil, file: nil)
        #expect(start.components.map(\.name) == ["Li2CO3", "COOR", "C–O", "C–C", "C–B", "C–H"])
        #expect(start.components.map { $0.values[0] } == [290.1, 288.5, 286.5, 284.7, 283.7, 282.9])
        #expect(XPSAssignments.table.allSatisfy { !$0.source.isEmpty })
        _ = expectInterphaseError(.invalidParameter) {
            try XPSAssignments.startingComponents(region: "Zr 3d", x: x, signal: y, calibration: nil, file: nil)
        }
    }
}

/// `XPSRegionFit` on a real multi-region file: the region is found by name, its cycles of one group are
/// averaged (count rates), other groups are left out and said so; a missing region lists the file's.
@Suite struct XPSRegionFitTests {
    @Test func cyclesOfOneGroupAreAveragedAndMissingRegionsListed() throws {
        let read = try SpectroscopyLoader.load(SpectroscopyReference.xps("MgFe2O4_with_transmission_function.xy"))
        let table = try PeakComponentTable(parsing: Data(#"{"components": [{"name": "O lattice", "shape": "gl", "center": 530.0, "fwhm": 1.3, "extra": [0.3], "fixed": ["m"]}, {"name": "O surface", "shape": "gl", "center": 531.8, "fwhm": 1.5, "extra": [0.3], "fixed": ["m"]}]}"#.utf8), file: "table.json")
        let fit = try XPSRegionFit.run(read.spectra, file: "MgFe2O4.xy", request: XPSFitRequest(region: "O 1s", components: .table(table)))
        #expect(fit.region == "O1s" && fit.intensity == .countsPerSecond)
        #expect(fit.notes.contains("5 cycles of region 'O1s' averaged"), "\(fit.notes)")
        #expect(fit.notes.contains { $0.contains("of other groups not used") })
        // The averaged cycles: the mean of the five curves of the first group at the first point.
        let first = read.spectra.filter { $0.name == "O1s" && $0.metadata.group == read.spectra.first { $0.name == "O1s" }?.metadata.group }
        let mean = first.reduce(0.0) { $0 + $1.y[0] } / Double(first.count)
        #expect(isClose(fit.y.last!, mean, rel: 1e-12), "the highest binding energy point is the first of each cycle")
        let e = expectInterphaseError(.invalidParameter) {
            try XPSRegionFit.run(read.spectra, file: "MgFe2O4.xy", request: XPSFitRequest(region: "Li 1s"))
        }
        #expect(e?.parameter == "--region" && e?.expected?.contains("Fe2p, Fe LMM") == true)
    }
}
